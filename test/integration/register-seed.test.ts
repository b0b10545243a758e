import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestApp, login, api, FIXTURES, type TestEnv } from '../support/app';
import { seedDemo } from '../../server/services/seed-demo';
import { DEMO_REGISTER_CSV } from '../../db/seed/register';

let t: TestEnv;
afterEach(() => t?.close());

const seedDir = new URL('../../db/seed/', import.meta.url).pathname;
const villagesJson = JSON.parse(readFileSync(join(FIXTURES, 'villages.json'), 'utf8')) as { code: string; name: string; households: number }[];

describe('demo seed', () => {
  it('carries the same register and villages as the test fixtures', () => {
    expect(readFileSync(join(seedDir, 'register-clean.csv'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'register-clean.csv'), 'utf8'));
    expect(DEMO_REGISTER_CSV).toBe(readFileSync(join(seedDir, 'register-clean.csv'), 'utf8'));
    expect(JSON.parse(readFileSync(join(seedDir, 'villages.json'), 'utf8'))).toEqual(villagesJson);
  });

  it('seeds the six villages, 1,599 households and one account per role whose printed password signs in, once', async () => {
    t = await makeTestApp();
    const lines = await seedDemo(t.deps, t.communeId);
    const accounts = lines.filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().split(/\s+/).slice(0, 2) as [string, string]);
    expect(accounts.map(([u]) => u)).toEqual([
      'admin', 'canbo', 'thanhtra', ...villagesJson.map((v) => `truongthon.${v.code.toLowerCase()}`),
    ]);

    const staff = await login(t, 'canbo', accounts[1]![1]);
    const villages = await api(t, 'GET', '/api/v1/villages', { cookie: staff });
    expect(Object.fromEntries(villages.json.map((v: { code: string; households: number }) => [v.code, v.households])))
      .toEqual(Object.fromEntries(villagesJson.map((v) => [v.code, v.households])));

    const [headName, headPassword] = accounts.find(([u]) => u === 'truongthon.tk')!;
    const head = await login(t, headName, headPassword);
    const mine = await api(t, 'GET', '/api/v1/households', { cookie: head });
    expect(mine.json).toHaveLength(151);

    expect(await seedDemo(t.deps, t.communeId)).toEqual([]);
    const users = await t.deps.db.selectFrom('users').select('username').where('commune_id', '=', t.communeId).execute();
    expect(users).toHaveLength(9);
  });

  it('keeps the admin made from DANBAN_ADMIN_PASSWORD and seeds the rest at start', async () => {
    t = await makeTestApp({ DANBAN_DEMO: '1', DANBAN_ADMIN_PASSWORD: 'mat-khau-quan-tri' });
    const admin = await login(t, 'admin', 'mat-khau-quan-tri');
    const r = await api(t, 'GET', '/api/v1/villages', { cookie: admin });
    expect(r.json).toHaveLength(6);
    const roles = await t.deps.db.selectFrom('users').select(['username', 'role']).where('commune_id', '=', t.communeId).orderBy('username').execute();
    expect(roles.filter((u) => u.role === 'admin').map((u) => u.username)).toEqual(['admin']);
    expect(roles.filter((u) => u.role === 'village_head')).toHaveLength(6);
  });
});
