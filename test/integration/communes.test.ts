import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, api, login, type TestEnv } from '../support/app';
import { expectRouteSecured } from '../support/security';

let t: TestEnv;
afterEach(() => t?.close());

async function provinceSession() {
  t = await makeTestApp();
  await addUser(t, { username: 'tinh', role: 'province_admin', communeId: null });
  return login(t, 'tinh');
}

describe('communes of a province deployment', () => {
  it('creates a commune with a clean name and a folded slug', async () => {
    const cookie = await provinceSession();
    const r = await api(t, 'POST', '/api/v1/communes', { cookie, body: { name: '  Xã   Đông Sơn '.normalize('NFD') } });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: expect.any(String), name: 'Xã Đông Sơn', slug: 'xa-dong-son' });
    const row = await t.deps.db.selectFrom('communes').select('name').where('id', '=', r.json.id).executeTakeFirstOrThrow();
    expect(row.name).toBe('Xã Đông Sơn'.normalize('NFC'));
  });

  it('refuses a second commune with the same name with 409 CONFLICT', async () => {
    const cookie = await provinceSession();
    await api(t, 'POST', '/api/v1/communes', { cookie, body: { name: 'Xã Đông Sơn' } });
    const r = await api(t, 'POST', '/api/v1/communes', { cookie, body: { name: 'xã đông sơn' } });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('CONFLICT');
  });

  it('lists every commune in Vietnamese order', async () => {
    const cookie = await provinceSession();
    await api(t, 'POST', '/api/v1/communes', { cookie, body: { name: 'Xã Đông Sơn' } });
    await api(t, 'POST', '/api/v1/communes', { cookie, body: { name: 'Xã Dương Kinh' } });
    const r = await api(t, 'GET', '/api/v1/communes', { cookie });
    expect(r.status).toBe(200);
    expect(r.json.map((c: any) => c.name)).toEqual(['Xã Dương Kinh', 'Xã Đông Sơn', 'Xã Khác', 'Xã Việt Khê']);
  });

  it('starts the new commune’s audit chain with its creation', async () => {
    const cookie = await provinceSession();
    const r = await api(t, 'POST', '/api/v1/communes', { cookie, body: { name: 'Xã Đông Sơn' } });
    const entries = await t.deps.db.selectFrom('audit_log').selectAll().where('commune_id', '=', r.json.id).execute();
    expect(entries).toMatchObject([{ seq: 1, action: 'commune.create', actor: 'tinh', entity_id: r.json.id }]);
  });

  it('names the field when the name is missing, blank or not text', async () => {
    const cookie = await provinceSession();
    for (const body of [{}, { name: '   ' }, { name: 12 }, { name: 'x'.repeat(5000) }]) {
      const r = await api(t, 'POST', '/api/v1/communes', { cookie, body });
      expect(r.status).toBe(422);
      expect(r.json.error.details[0].path).toBe('name');
    }
  });
});

describe('the first admin of a new commune', () => {
  it('is created by the province admin and acts only inside that commune', async () => {
    const cookie = await provinceSession();
    const commune = (await api(t, 'POST', '/api/v1/communes', { cookie, body: { name: 'Xã Đông Sơn' } })).json;
    await addUser(t, { username: 'canbo-viet-khe', role: 'staff' });
    const r = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'admin-dongson', password: 'mat-khau-8', role: 'admin', communeId: commune.id } });
    expect(r.status).toBe(201);
    const admin = await login(t, 'admin-dongson', 'mat-khau-8');
    expect((await api(t, 'GET', '/api/v1/me', { cookie: admin })).json.user.communeId).toBe(commune.id);
    const list = await api(t, 'GET', '/api/v1/users', { cookie: admin });
    expect(list.json.map((u: any) => u.username)).toEqual(['admin-dongson']);
    const entry = await t.deps.db.selectFrom('audit_log').select(['action', 'seq']).where('commune_id', '=', commune.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry).toEqual({ action: 'user.create', seq: 2 });
  });

  it('needs a commune named by an existing communeId', async () => {
    const cookie = await provinceSession();
    const missing = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'admin-x', password: 'mat-khau-8', role: 'admin' } });
    expect(missing.status).toBe(422);
    expect(missing.json.error.details[0].path).toBe('communeId');
    const unknown = await api(t, 'POST', '/api/v1/users', { cookie, body: { username: 'admin-x', password: 'mat-khau-8', role: 'admin', communeId: 'nope' } });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.details[0].path).toBe('communeId');
  });

  it('lets the province list a named commune’s accounts', async () => {
    const cookie = await provinceSession();
    await addUser(t, { username: 'ngoai-xa', role: 'staff', communeId: t.otherCommuneId });
    const r = await api(t, 'GET', `/api/v1/users?communeId=${t.otherCommuneId}`, { cookie });
    expect(r.json.map((u: any) => u.username)).toEqual(['ngoai-xa']);
    expect((await api(t, 'GET', '/api/v1/users', { cookie })).status).toBe(422);
  });
});

describe('security of the commune routes', () => {
  it('lets only the province admin create communes', async () => {
    t = await makeTestApp();
    let n = 0;
    await expectRouteSecured(t, { method: 'POST', path: '/api/v1/communes', body: () => ({ name: `Xã Thử ${++n}` }), allow: ['province_admin'] });
  });

  it('lets only the province admin list communes', async () => {
    t = await makeTestApp();
    await expectRouteSecured(t, { method: 'GET', path: '/api/v1/communes', allow: ['province_admin'] });
  });
});
