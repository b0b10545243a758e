import { Hono } from 'hono';
import type { AppEnv } from '../http/context';

export const ballotRoutes = new Hono<AppEnv>();
