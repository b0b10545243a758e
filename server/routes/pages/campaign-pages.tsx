import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';

export const campaignPages = new Hono<AppEnv>();
