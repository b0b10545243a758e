import { Hono } from 'hono';
import type { AppEnv } from '../http/context';

export const staticRoutes = new Hono<AppEnv>();
