import { Hono } from 'hono';
import type { AppEnv } from '../http/context';

export const campaignRoutes = new Hono<AppEnv>();
