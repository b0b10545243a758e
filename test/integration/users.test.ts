import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, api, login, type TestEnv } from '../support/app';
import { addVillage, expectRouteSecured } from '../support/security';

let t: TestEnv;
afterEach(() => t?.close());

async function adminSession() {
  t = await makeTestApp();
  await addUser(t, { username: 'quantri', role: 'admin' });
  return login(t, 'quantri');
}

describe('creating accounts', () => {
  it('creates a staff account that can then sign in, with the username normalised', async () => {
    const cookie = await adminSession();
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: '  CanBo.VanHoa ', password: 'mat-khau-8', role: 'staff' } });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: expect.any(String) });
    const signIn = await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo.vanhoa', password: 'mat-khau-8' } });
    expect(signIn.status).toBe(200);
    expect(signIn.json.user).toMatchObject({ id: r.json.id, username: 'canbo.vanhoa', role: 'staff', villageId: null });
  });

  it('stores a Vietnamese username in NFC so the decomposed spelling signs in too', async () => {
    const cookie = await adminSession();
    const decomposed = 'Thôn.Đông'.normalize('NFD');
    expect((await api(t, 'POST', '/api/v1/users', { cookie, body: { username: decomposed, password: 'mat-khau-8', role: 'inspector' } })).status).toBe(201);
    const row = await t.deps.db.selectFrom('users').select('username').where('role', '=', 'inspector').executeTakeFirstOrThrow();
    expect(row.username).toBe('thôn.đông'.normalize('NFC'));
    expect((await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'THÔN.ĐÔNG', password: 'mat-khau-8' } })).status).toBe(200);
  });

  it('puts the new account in the admin’s own commune', async () => {
    const cookie = await adminSession();
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'thanhtra', password: 'mat-khau-8', role: 'inspector' } });
    const row = await t.deps.db.selectFrom('users').select('commune_id').where('id', '=', r.json.id).executeTakeFirstOrThrow();
    expect(row.commune_id).toBe(t.communeId);
  });

  it('refuses a duplicate username with 409 CONFLICT, whatever its letter case', async () => {
    const cookie = await adminSession();
    await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'canbo', password: 'mat-khau-8', role: 'staff' } });
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'CanBo', password: 'khac-mat-khau', role: 'inspector' } });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('CONFLICT');
    expect(r.json.error.details[0].path).toBe('username');
    expect(await t.deps.db.selectFrom('users').select('id').where('username', '=', 'canbo').execute()).toHaveLength(1);
  });

  it('refuses a username already taken in another commune (usernames are unique across the deployment)', async () => {
    const cookie = await adminSession();
    await addUser(t, { username: 'canbo', role: 'staff', communeId: t.otherCommuneId });
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'canbo', password: 'mat-khau-8', role: 'staff' } });
    expect(r.status).toBe(409);
  });

  it('writes an audit entry for the new account without the password', async () => {
    const cookie = await adminSession();
    await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'canbo', password: 'bi-mat-tuyet-doi', role: 'staff' } });
    const entries = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ commune_id: t.communeId, actor: 'quantri', entity: 'user' });
    expect(JSON.parse(entries[0]!.data)).toEqual({ username: 'canbo', role: 'staff', villageId: null });
    const all = await t.deps.db.selectFrom('audit_log').select('data').execute();
    expect(JSON.stringify(all)).not.toContain('bi-mat-tuyet-doi');
  });
});

describe('village heads', () => {
  it('creates a village head tied to a village of the commune', async () => {
    const cookie = await adminSession();
    const village = await addVillage(t, { code: 'T1', name: 'Thôn Đông' });
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'truongthon', password: 'mat-khau-8', role: 'village_head', villageId: village } });
    expect(r.status).toBe(201);
    const signIn = await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'truongthon', password: 'mat-khau-8' } });
    expect(signIn.json.user.villageId).toBe(village);
  });

  it('refuses a village head without a village, naming villageId', async () => {
    const cookie = await adminSession();
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'truongthon', password: 'mat-khau-8', role: 'village_head' } });
    expect(r.status).toBe(422);
    expect(r.json.error.details.map((d: any) => d.path)).toEqual(['villageId']);
  });

  it('refuses a village of another commune with 422 and creates nothing', async () => {
    const cookie = await adminSession();
    const foreign = await addVillage(t, { code: 'K1', name: 'Thôn Bên Kia', communeId: t.otherCommuneId });
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'truongthon', password: 'mat-khau-8', role: 'village_head', villageId: foreign } });
    expect(r.status).toBe(422);
    expect(r.json.error.details[0].path).toBe('villageId');
    expect(r.text).not.toContain('Thôn Bên Kia');
    expect(await t.deps.db.selectFrom('users').select('id').where('username', '=', 'truongthon').execute()).toEqual([]);
  });

  it('answers an unknown village exactly like another commune’s village', async () => {
    const cookie = await adminSession();
    const foreign = await addVillage(t, { code: 'K1', name: 'Thôn Bên Kia', communeId: t.otherCommuneId });
    const a = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'th1', password: 'mat-khau-8', role: 'village_head', villageId: foreign } });
    const b = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'th2', password: 'mat-khau-8', role: 'village_head', villageId: 'no-such-village' } });
    expect(a.status).toBe(b.status);
    expect(a.json.error.details).toEqual(b.json.error.details);
  });

  it('refuses a village on an account that is not a village head', async () => {
    const cookie = await adminSession();
    const village = await addVillage(t, { code: 'T1', name: 'Thôn Đông' });
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'canbo', password: 'mat-khau-8', role: 'staff', villageId: village } });
    expect(r.status).toBe(422);
    expect(r.json.error.details[0].path).toBe('villageId');
  });
});

describe('bad input to POST /api/v1/users', () => {
  it('names every wrong field in Vietnamese first', async () => {
    const cookie = await adminSession();
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 42, password: 'ngan', role: 'mayor' } });
    expect(r.status).toBe(422);
    expect(r.json.error.details.map((d: any) => d.path).sort()).toEqual(['password', 'role', 'username']);
    const pw = r.json.error.details.find((d: any) => d.path === 'password');
    expect(pw.message).toBe('Mật khẩu phải có ít nhất 8 ký tự.');
    expect(pw.messageEn).toBe('The password needs at least 8 characters.');
  });

  it('names the missing fields of an empty object', async () => {
    const cookie = await adminSession();
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: {} });
    expect(r.status).toBe(422);
    expect(r.json.error.details.map((d: any) => d.path).sort()).toEqual(['password', 'role', 'username']);
  });

  it('refuses a username with spaces and a huge username without a 500', async () => {
    const cookie = await adminSession();
    const spaced = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'can bo', password: 'mat-khau-8', role: 'staff' } });
    expect(spaced.status).toBe(422);
    expect(spaced.json.error.details[0].path).toBe('username');
    const huge = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'a'.repeat(100_000), password: 'p'.repeat(100_000), role: 'staff' } });
    expect(huge.status).toBe(422);
    expect(huge.json.error.details.map((d: any) => d.path).sort()).toEqual(['password', 'username']);
  });

  it('answers a body that is not JSON with 4xx, never 500', async () => {
    const cookie = await adminSession();
    const text = await api(t, 'POST', '/api/v1/users', { cookie, body: 'username=x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const broken = await api(t, 'POST', '/api/v1/users', { cookie, body: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe('BAD_REQUEST');
    const array = await api(t, 'POST', '/api/v1/users', { cookie, body: [1, 2] });
    expect(array.status).toBe(422);
  });

  it('refuses communeId from a commune admin', async () => {
    const cookie = await adminSession();
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'x-admin', password: 'mat-khau-8', role: 'admin', communeId: t.otherCommuneId } });
    expect(r.status).toBe(422);
    expect(r.json.error.details[0].path).toBe('communeId');
    expect(await t.deps.db.selectFrom('users').select('id').where('commune_id', '=', t.otherCommuneId).execute()).toEqual([]);
  });
});

describe('listing and changing accounts', () => {
  it('lists only the commune’s accounts, without password hashes, in Vietnamese order', async () => {
    const cookie = await adminSession();
    await addUser(t, { username: 'đức', role: 'staff' });
    await addUser(t, { username: 'dung', role: 'staff' });
    await addUser(t, { username: 'ẩn', role: 'inspector' });
    await addUser(t, { username: 'ngoai-xa', role: 'admin', communeId: t.otherCommuneId });
    const r = await api(t, 'GET', '/api/v1/users', { cookie });
    expect(r.status).toBe(200);
    expect(r.json.map((u: any) => u.username)).toEqual(['ẩn', 'dung', 'đức', 'quantri']);
    expect(r.text).not.toContain('pbkdf2');
    expect(r.text).not.toMatch(/password/i);
  });

  it('resets a password: the old one stops working and open sessions end', async () => {
    const cookie = await adminSession();
    const id = await addUser(t, { username: 'canbo', role: 'staff', password: 'cu-mat-khau' });
    const staffCookie = await login(t, 'canbo', 'cu-mat-khau');
    const r = await api(t, 'PATCH', `/api/v1/users/${id}`, { cookie, body: { password: 'moi-mat-khau' } });
    expect(r.status).toBe(200);
    expect((await api(t, 'GET', '/api/v1/me', { cookie: staffCookie })).status).toBe(401);
    expect((await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo', password: 'cu-mat-khau' } })).status).toBe(401);
    expect((await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo', password: 'moi-mat-khau' } })).status).toBe(200);
    const entry = await t.deps.db.selectFrom('audit_log').select('data').where('action', '=', 'user.update').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.data)).toEqual({ username: 'canbo', changed: ['password'] });
  });

  it('disables an account so it can no longer sign in, and re-enables it', async () => {
    const cookie = await adminSession();
    const id = await addUser(t, { username: 'canbo', role: 'staff' });
    const r = await api(t, 'PATCH', `/api/v1/users/${id}`, { cookie, body: { disabled: true, displayName: '  Nguyễn Văn An ' } });
    expect(r.json).toMatchObject({ disabled: true, displayName: 'Nguyễn Văn An' });
    expect((await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo', password: 'password123' } })).status).toBe(401);
    await api(t, 'PATCH', `/api/v1/users/${id}`, { cookie, body: { disabled: false } });
    expect((await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo', password: 'password123' } })).status).toBe(200);
  });

  it('moves a village head to another village of the commune but not to another commune’s', async () => {
    const cookie = await adminSession();
    const east = await addVillage(t, { code: 'T1', name: 'Thôn Đông' });
    const west = await addVillage(t, { code: 'T2', name: 'Thôn Tây' });
    const foreign = await addVillage(t, { code: 'K1', name: 'Thôn Bên Kia', communeId: t.otherCommuneId });
    const id = await addUser(t, { username: 'truongthon', role: 'village_head', villageId: east });
    expect((await api(t, 'PATCH', `/api/v1/users/${id}`, { cookie, body: { villageId: west } })).json.villageId).toBe(west);
    const r = await api(t, 'PATCH', `/api/v1/users/${id}`, { cookie, body: { villageId: foreign } });
    expect(r.status).toBe(422);
    expect(r.json.error.details[0].path).toBe('villageId');
    const row = await t.deps.db.selectFrom('users').select('village_id').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.village_id).toBe(west);
  });

  it('answers 404 for another commune’s account and leaves it unchanged', async () => {
    const cookie = await adminSession();
    const id = await addUser(t, { username: 'ngoai-xa', role: 'staff', communeId: t.otherCommuneId });
    const r = await api(t, 'PATCH', `/api/v1/users/${id}`, { cookie, body: { password: 'chiem-quyen-1' } });
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('ngoai-xa');
    expect((await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'ngoai-xa', password: 'password123' } })).status).toBe(200);
  });

  it('does not let an admin disable their own account', async () => {
    const cookie = await adminSession();
    const me = (await api(t, 'GET', '/api/v1/me', { cookie })).json.user.id;
    const r = await api(t, 'PATCH', `/api/v1/users/${me}`, { cookie, body: { disabled: true } });
    expect(r.status).toBe(422);
    expect(r.json.error.details[0].path).toBe('disabled');
  });

  it('refuses an empty change and wrong types, naming the fields', async () => {
    const cookie = await adminSession();
    const id = await addUser(t, { username: 'canbo', role: 'staff' });
    expect((await api(t, 'PATCH', `/api/v1/users/${id}`, { cookie, body: {} })).status).toBe(422);
    const r = await api(t, 'PATCH', `/api/v1/users/${id}`, { cookie, body: { disabled: 'yes', password: 5 } });
    expect(r.status).toBe(422);
    expect(r.json.error.details.map((d: any) => d.path).sort()).toEqual(['disabled', 'password']);
  });
});

describe('who am I', () => {
  it('returns the signed-in user, or 401 without a session', async () => {
    t = await makeTestApp();
    const village = await addVillage(t, { code: 'T1', name: 'Thôn Đông' });
    await addUser(t, { username: 'truongthon', role: 'village_head', villageId: village });
    const cookie = await login(t, 'truongthon');
    const r = await api(t, 'GET', '/api/v1/me', { cookie });
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({ username: 'truongthon', role: 'village_head', villageId: village, communeId: t.communeId });
    expect(r.json.csrfToken).toEqual(expect.any(String));
    expect((await api(t, 'GET', '/api/v1/me')).status).toBe(401);
  });
});

describe('security of the account routes', () => {
  it('lets only an admin (or the province) create accounts, and another commune cannot reach this one', async () => {
    t = await makeTestApp();
    let n = 0;
    await expectRouteSecured(t, {
      method: 'POST', path: '/api/v1/users', allow: ['admin', 'province_admin'], crossCommune: 'own-data',
      body: () => ({ username: `nguoi-${++n}`, password: 'mat-khau-8', role: 'staff' }),
    });
  });

  it('lets only an admin (or the province, naming the commune) list accounts, each commune seeing its own', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'bi-mat-xa-nay', role: 'staff' });
    await expectRouteSecured(t, { method: 'GET', path: '/api/v1/users', allow: ['admin', 'province_admin'], crossCommune: 'own-data' });
  });

  it('hides an account from another commune’s admin when changing it', async () => {
    t = await makeTestApp();
    const id = await addUser(t, { username: 'canbo-xa-nay', role: 'staff' });
    await expectRouteSecured(t, { method: 'PATCH', path: `/api/v1/users/${id}`, body: { displayName: 'Tên mới' }, allow: ['admin', 'province_admin'] });
  });

  it('answers /me for every role and 401 without a session', async () => {
    t = await makeTestApp();
    await expectRouteSecured(t, {
      method: 'GET', path: '/api/v1/me', allow: ['province_admin', 'admin', 'staff', 'village_head', 'inspector'], crossCommune: 'own-data',
    });
  });
});

describe('the security kit itself', () => {
  it('fails when a route answers another commune with 200 where a denial was expected', async () => {
    t = await makeTestApp();
    await expect(expectRouteSecured(t, { method: 'GET', path: '/api/v1/users', allow: ['admin', 'province_admin'] })).rejects.toThrow(/another commune answered 200/);
  });

  it('fails when a role the route serves is listed as not allowed', async () => {
    t = await makeTestApp();
    await expect(expectRouteSecured(t, { method: 'GET', path: '/api/v1/users', allow: ['province_admin'], crossCommune: 'own-data' })).rejects.toThrow(/as admin/);
  });
});
