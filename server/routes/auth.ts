import { Hono } from 'hono';
import { z } from 'zod';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv, AppContext } from '../http/context';
import { currentActor } from '../http/context';
import { parseInput } from '../http/validation';
import { readJson } from '../http/body';
import { AppError } from '../domain/errors';
import { SESSION_COOKIE, requireRole } from '../http/middleware';
import { clientKey } from '../http/client-address';
import { signIn, signOut, SESSION_HOURS } from '../services/sessions';
import { createUser } from '../services/create-user';
import { updateUser } from '../services/update-user';
import { listCommuneUsers } from '../services/list-users';
import { createCommune } from '../services/create-commune';
import { listAllCommunes } from '../services/list-communes';
import { verifyAudit } from '../services/verify-audit';
import { auditAnchorFile, auditCommune, parseAnchors } from '../services/audit-anchor';
import type { User } from '../domain/actor';

const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

const username = z
  .string()
  .trim()
  .min(2)
  .max(50)
  .regex(/^[\p{L}\p{M}\p{N}._-]+$/u, 'Tên đăng nhập chỉ gồm chữ, số và dấu . _ - (không có khoảng trắng).|The username may hold letters, digits and . _ - only (no spaces).');
const password = z.string().min(8, 'Mật khẩu phải có ít nhất 8 ký tự.|The password needs at least 8 characters.').max(200);
const id = z.string().min(1).max(100);

export const createUserSchema = z.object({
  username,
  password,
  role: z.enum(['admin', 'staff', 'village_head', 'inspector']),
  villageId: id.nullable().optional(),
  displayName: z.string().max(100).optional(),
  communeId: id.optional(),
});

const updateUserSchema = z
  .object({
    displayName: z.string().max(100).optional(),
    disabled: z.boolean().optional(),
    password: password.optional(),
    villageId: id.nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: 'Cần ít nhất một trường để thay đổi: displayName, disabled, password, villageId.|Send at least one field to change: displayName, disabled, password, villageId.',
  });

const communeSchema = z.object({ name: z.string().trim().min(1).max(120) });



export function setSessionCookie(c: AppContext, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'Lax', path: '/', secure: c.get('deps').config.secureCookies, maxAge: SESSION_HOURS * 3600,
  });
}

/** An account as the API shows it: never the password hash. */
export const publicUser = (u: User) => ({
  id: u.id, username: u.username, displayName: u.displayName, role: u.role, communeId: u.communeId,
  villageId: u.villageId, disabled: u.disabled, createdAt: u.createdAt,
});

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
  })
  .get('/api/v1/me', (c) => {
    const s = c.get('session');
    if (!s) throw new AppError('UNAUTHORIZED');
    const a = s.actor;
    return c.json({
      user: { id: a.id, username: a.username, displayName: s.displayName, role: a.role, communeId: a.communeId, villageId: a.villageId },
      // for scripts that post forms: the X-CSRF-Token header value
      csrfToken: s.csrfToken,
    });
  })
  .post('/api/v1/users', requireRole('admin', 'province_admin'), async (c) => {
    const input = parseInput(createUserSchema, await readJson(c));
    return c.json(await createUser(c.get('deps'), currentActor(c), input), 201);
  })
  .get('/api/v1/users', requireRole('admin', 'province_admin'), async (c) => {
    const users = await listCommuneUsers(c.get('deps'), currentActor(c), c.req.query('communeId'));
    return c.json(users.map(publicUser));
  })
  .patch('/api/v1/users/:id', requireRole('admin', 'province_admin'), async (c) => {
    const input = parseInput(updateUserSchema, await readJson(c));
    return c.json(publicUser(await updateUser(c.get('deps'), currentActor(c), c.req.param('id'), input)));
  })
  .post('/api/v1/communes', requireRole('province_admin'), async (c) => {
    const input = parseInput(communeSchema, await readJson(c));
    const { id, name, slug } = await createCommune(c.get('deps'), currentActor(c), input);
    return c.json({ id, name, slug }, 201);
  })
  .get('/api/v1/communes', requireRole('province_admin'), async (c) => {
    const communes = await listAllCommunes(c.get('deps'), currentActor(c));
    return c.json(communes.map(({ id, name, slug, createdAt }) => ({ id, name, slug, createdAt })));
  })
  .get('/api/v1/audit/verify', requireRole('inspector', 'admin', 'staff', 'province_admin'), async (c) => {
    const deps = c.get('deps');
    const commune = await auditCommune(deps, currentActor(c), c.req.query('communeId'));
    const anchors = parseAnchors(c.req.queries('anchor') ?? []);
    const { ok, entries, problems } = await verifyAudit(deps.db, commune.id, { anchors });
    return c.json({ ok, entries, problems });
  })
  .get('/api/v1/audit/anchor', requireRole('inspector', 'admin', 'staff', 'province_admin'), async (c) => {
    const file = await auditAnchorFile(c.get('deps'), currentActor(c), c.req.query('communeId'));
    c.header('Content-Disposition', `attachment; filename="dau-nhat-ky-${file.commune.id.replace(/[^A-Za-z0-9-]/g, '') || 'tinh'}-${file.seq}.json"`);
    return c.json(file);
  });
