import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';

export const authPages = new Hono<AppEnv>();
