import { expect } from 'vitest';
import type { Role } from '../../server/domain/actor';
import { addUser, api, login, type TestEnv } from './app';

/**
 * The shared security cases for a protected route (the house rule: protected
 * route groups share one set of security cases). Call it once per route:
 *
 *   await expectRouteSecured(t, { method: 'GET', path: '/api/v1/users', allow: ['admin'], crossCommune: 'own-data' });
 *   await expectRouteSecured(t, {
 *     method: 'POST', path: `/api/v1/campaigns/${id}/tallies`, body: { villageId, ... },
 *     allow: ['staff', 'village_head'], villageScoped: true, villageId, leaks: ['Thôn Đông'],
 *   });
 *
 * It asserts, in this order:
 *  1. no session → 401;
 *  2. a signed-in user of this commune with each role NOT in `allow` → 403;
 *  3. `villageScoped`: a village head of another village of this commune → 403;
 *  4. a user of the other commune (t.otherCommuneId) with each allowed role →
 *     403 or 404 (or, with `crossCommune: 'own-data'` for routes that list the
 *     caller's own commune, any status below 500), and the body contains none
 *     of this commune's data: its name, its village names, its usernames (as JSON
 *     strings; names the other commune also has are not counted) and every
 *     string in `leaks` (except what the request itself sends, e.g. an id in the path);
 *  5. each allowed role of this commune → neither 401 nor 403 (the village
 *     head only when `villageId`, their own village, is given). These requests
 *     are real: a POST runs once per allowed role, so check the route's own
 *     results in your other tests, not after this call.
 *
 * Accounts are created once per TestEnv (usernames `kit-<role>` here,
 * `kit-other-<role>` in the other commune). A village head needs a village:
 * the kit adds "Thôn Kiểm Thử" (code KIT) to each commune when it needs one.
 */
export interface RouteUnderTest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** a JSON body, or a function making a fresh one for each request */
  body?: unknown | (() => unknown);
  allow: Role[];
  /** a village head may act only in their own village: check another village's head gets 403 */
  villageScoped?: boolean;
  /** the village the request is about: the allowed village head of the last step is tied to it */
  villageId?: string;
  /** 'own-data': the route answers with the caller's own commune (a list), so another commune gets 2xx without our data */
  crossCommune?: 'denied' | 'own-data';
  /** more strings of this commune that must never reach the other commune (titles, household names, ids) */
  leaks?: string[];
}

const ROLES: Role[] = ['province_admin', 'admin', 'staff', 'village_head', 'inspector'];

interface KitState {
  cookies: Map<string, string>;
  villages: Map<string, string>;
}
const kits = new WeakMap<TestEnv, KitState>();

function state(t: TestEnv): KitState {
  let s = kits.get(t);
  if (!s) kits.set(t, (s = { cookies: new Map(), villages: new Map() }));
  return s;
}

/** Adds a village straight into the database (for tests that need one before the register routes exist). */
export async function addVillage(t: TestEnv, v: { code: string; name: string; communeId?: string }): Promise<string> {
  const id = t.deps.newId();
  await t.deps.atomic([
    t.deps.db.insertInto('villages').values({
      id, commune_id: v.communeId ?? t.communeId, code: v.code, name: v.name, created_at: t.clock.now.toISOString(),
    }),
  ]);
  return id;
}

async function kitVillage(t: TestEnv, communeId: string, key: string): Promise<string> {
  const s = state(t);
  const k = `${communeId}/${key}`;
  let id = s.villages.get(k);
  if (!id) {
    // Distinct names per commune, so one commune's kit village never looks like the other's leaking.
    const name = communeId === t.communeId ? `Thôn Kiểm Thử ${key}` : `Thôn Ngoài Kiểm Thử ${key}`;
    id = await addVillage(t, { code: `KIT-${key}`, name, communeId });
    s.villages.set(k, id);
  }
  return id;
}

/** A signed-in account of the kit; cached per TestEnv. */
async function kitCookie(t: TestEnv, role: Role, where: 'own' | 'other', villageId?: string): Promise<string> {
  const s = state(t);
  const username = `kit-${where === 'other' ? 'other-' : ''}${role}${villageId ? `-${villageId}` : ''}`.toLowerCase();
  let cookie = s.cookies.get(username);
  if (!cookie) {
    const communeId = role === 'province_admin' ? null : where === 'own' ? t.communeId : t.otherCommuneId;
    const village = role === 'village_head' ? (villageId ?? (await kitVillage(t, communeId!, 'x'))) : null;
    await addUser(t, { username, role, communeId, villageId: village });
    cookie = await login(t, username);
    s.cookies.set(username, cookie);
  }
  return cookie;
}

async function send(t: TestEnv, route: RouteUnderTest, cookie?: string) {
  const body = typeof route.body === 'function' ? (route.body as () => unknown)() : route.body;
  return api(t, route.method, route.path, { cookie, body });
}

/** Strings of this commune that another commune must never see. */
async function communeSecrets(t: TestEnv, extra: string[]): Promise<string[]> {
  const db = t.deps.db;
  const strings = async (communeId: string) => {
    const commune = await db.selectFrom('communes').select('name').where('id', '=', communeId).executeTakeFirstOrThrow();
    const villages = await db.selectFrom('villages').select('name').where('commune_id', '=', communeId).execute();
    const users = await db.selectFrom('users').select('username').where('commune_id', '=', communeId).execute();
    // A username is looked for as a JSON string, since "admin" is also an English word.
    return [commune.name, ...villages.map((v) => v.name), ...users.map((u) => JSON.stringify(u.username))];
  };
  // A name the other commune also has (a village both called "Thôn Mới") is its own data, not a leak.
  const theirs = new Set(await strings(t.otherCommuneId));
  const ours = (await strings(t.communeId)).filter((s) => !theirs.has(s));
  // Short strings would match by chance inside unrelated text.
  return [...ours, ...extra].filter((s) => s.length >= 4);
}

export async function expectRouteSecured(t: TestEnv, route: RouteUnderTest): Promise<void> {
  const what = `${route.method} ${route.path}`;

  const anonymous = await send(t, route);
  expect(anonymous.status, `${what} without a session`).toBe(401);

  for (const role of ROLES.filter((r) => !route.allow.includes(r))) {
    const r = await send(t, route, await kitCookie(t, role, 'own'));
    expect(r.status, `${what} as ${role}`).toBe(403);
  }

  if (route.villageScoped && route.allow.includes('village_head')) {
    const r = await send(t, route, await kitCookie(t, 'village_head', 'own'));
    expect(r.status, `${what} as the head of another village`).toBe(403);
  }

  const outsiders = route.allow.filter((r) => r !== 'province_admin');
  const outsiderCookies = new Map<Role, string>();
  for (const role of outsiders) outsiderCookies.set(role, await kitCookie(t, role, 'other'));
  // What the request itself carries (an id in the path, a name in the body) is not a leak when echoed back.
  const sent = route.path + (typeof route.body === 'function' ? '' : JSON.stringify(route.body ?? null));
  const secrets = (await communeSecrets(t, route.leaks ?? [])).filter((s) => !sent.includes(s));
  for (const role of outsiders) {
    const r = await send(t, route, outsiderCookies.get(role));
    if (route.crossCommune === 'own-data') expect(r.status, `${what} as ${role} of another commune`).toBeLessThan(500);
    else expect([403, 404], `${what} as ${role} of another commune answered ${r.status}`).toContain(r.status);
    for (const secret of secrets) expect(r.text, `${what} as ${role} of another commune leaks "${secret}"`).not.toContain(secret);
  }

  for (const role of route.allow) {
    if (role === 'village_head' && !route.villageId) continue;
    const r = await send(t, route, await kitCookie(t, role, 'own', role === 'village_head' ? route.villageId : undefined));
    expect([401, 403], `${what} as allowed ${role} answered ${r.status}`).not.toContain(r.status);
  }
}
