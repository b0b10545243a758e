import { Hono } from 'hono';
import type { AppEnv } from '../http/context';

export const tallyRoutes = new Hono<AppEnv>();
