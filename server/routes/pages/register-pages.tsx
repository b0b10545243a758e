import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';

export const registerPages = new Hono<AppEnv>();
