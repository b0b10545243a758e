import { Hono } from 'hono';
import type { AppEnv } from '../http/context';

export const resultRoutes = new Hono<AppEnv>();
