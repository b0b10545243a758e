import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';

export const portalPages = new Hono<AppEnv>();
