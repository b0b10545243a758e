import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, api, type TestEnv } from '../support/app';

let t: TestEnv;
afterEach(() => t?.close());

describe('sessions', () => {
  it('signs in with the right password and returns the user with an HttpOnly SameSite cookie', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff', password: 'mat-khau-dung' });
    const r = await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo', password: 'mat-khau-dung' } });
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({ username: 'canbo', role: 'staff', villageId: null });
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with 401 UNAUTHORIZED in Vietnamese', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const r = await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo', password: 'sai' } });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('UNAUTHORIZED');
    expect(r.json.error.message).toContain('mật khẩu');
  });

  it('answers 429 RATE_LIMITED after too many wrong passwords, even with the right one', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    for (let i = 0; i < 10; i++) await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo', password: 'sai' } });
    const r = await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo', password: 'password123' } });
    expect(r.status).toBe(429);
    expect(r.json.error.code).toBe('RATE_LIMITED');
  });

  it('names the missing field when the login body is incomplete', async () => {
    t = await makeTestApp();
    const r = await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo' } });
    expect(r.status).toBe(422);
    expect(r.json.error.details).toEqual([expect.objectContaining({ path: 'password', message: 'Thiếu trường "password".' })]);
  });

  it('ends the session on logout', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const r = await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo', password: 'password123' } });
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    expect((await api(t, 'POST', '/api/v1/auth/logout', { cookie })).status).toBe(204);
    expect(await t.deps.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });
});

describe('the admin account from DANBAN_ADMIN_PASSWORD', () => {
  it('signs in with it, and a restart with the same setting writes no new audit entry', async () => {
    t = await makeTestApp({ DANBAN_ADMIN_PASSWORD: 'mat-khau-quan-tri' });
    const r = await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'mat-khau-quan-tri' } });
    expect(r.status).toBe(200);
    const before = await t.deps.db.selectFrom('audit_log').selectAll().execute();
    const { bootstrap } = await import('../../server/services/bootstrap');
    await bootstrap(t.deps, t.deps.config);
    expect(await t.deps.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(before.length);
  });
});
