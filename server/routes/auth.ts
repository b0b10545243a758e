import { Hono } from 'hono';
import { z } from 'zod';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv, AppContext } from '../http/context';
import { parseInput } from '../http/validation';
import { readJson } from '../http/body';
import { SESSION_COOKIE } from '../http/middleware';
import { signIn, signOut, SESSION_HOURS } from '../services/sessions';

const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export function clientKey(c: AppContext): string {
  return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || c.req.header('cf-connecting-ip') || 'local';
}

export function setSessionCookie(c: AppContext, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'Lax', path: '/', secure: c.get('deps').config.secureCookies, maxAge: SESSION_HOURS * 3600,
  });
}

export const authRoutes = new Hono<AppEnv>()
  .post('/api/v1/auth/login', async (c) => {
    const input = parseInput(loginSchema, await readJson(c));
    const { token, user } = await signIn(c.get('deps'), { ...input, client: clientKey(c) });
    setSessionCookie(c, token);
    return c.json({ user: { id: user.id, username: user.username, role: user.role, villageId: user.villageId } });
  })
  .post('/api/v1/auth/logout', async (c) => {
    await signOut(c.get('deps'), getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
