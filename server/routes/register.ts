import { Hono } from 'hono';
import type { AppEnv } from '../http/context';

export const registerRoutes = new Hono<AppEnv>();
