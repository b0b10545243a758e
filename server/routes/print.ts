import { Hono } from 'hono';
import type { AppEnv } from '../http/context';

export const printRoutes = new Hono<AppEnv>();
