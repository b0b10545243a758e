import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeTestApp, addUser, api, login, type TestEnv } from '../support/app';
import { expectRouteSecured } from '../support/security';

let t: TestEnv;
afterEach(() => t?.close());

/** A commune whose chain holds 4 entries: its creation and three accounts. Returns an inspector's cookie. */
async function communeWithHistory(): Promise<string> {
  t = await makeTestApp();
  await addUser(t, { username: 'quantri', role: 'admin' });
  const admin = await login(t, 'quantri');
  for (const username of ['canbo1', 'canbo2', 'canbo3']) {
    await api(t, 'POST', '/api/v1/users', { cookie: admin, body: { username, password: 'mat-khau-8', role: 'staff' } });
  }
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  return login(t, 'thanhtra');
}

const verify = (cookie: string) => api(t, 'GET', '/api/v1/audit/verify', { cookie });

describe('audit chain verification', () => {
  it('reports an intact chain with its number of entries', async () => {
    const cookie = await communeWithHistory();
    const r = await verify(cookie);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true, entries: 4, problems: [] });
  });

  it('reports an entry whose data was edited directly in the database', async () => {
    const cookie = await communeWithHistory();
    await sql`update audit_log set data = ${JSON.stringify({ username: 'canbo2', role: 'admin', villageId: null })} where commune_id = ${t.communeId} and seq = 3`.execute(t.deps.db);
    const r = await verify(cookie);
    expect(r.json.ok).toBe(false);
    expect(r.json.problems).toEqual([{ seq: 3, problem: 'hash_mismatch' }]);
  });

  it('reports an entry edited together with its own hash, at the next entry', async () => {
    const cookie = await communeWithHistory();
    await sql`update audit_log set actor = 'nguoi-khac', hash = ${'f'.repeat(64)} where commune_id = ${t.communeId} and seq = 2`.execute(t.deps.db);
    const r = await verify(cookie);
    expect(r.json.ok).toBe(false);
    expect(r.json.problems.map((p: any) => p.seq)).toEqual([2, 3]);
    expect(r.json.problems).toContainEqual({ seq: 3, problem: 'broken_link' });
  });

  it('reports a deleted entry', async () => {
    const cookie = await communeWithHistory();
    await sql`delete from audit_log where commune_id = ${t.communeId} and seq = 2`.execute(t.deps.db);
    const r = await verify(cookie);
    expect(r.json.ok).toBe(false);
    expect(r.json.entries).toBe(3);
    expect(r.json.problems).toEqual([{ seq: 3, problem: 'gap' }, { seq: 3, problem: 'broken_link' }]);
  });

  it('reports two entries swapped in order', async () => {
    const cookie = await communeWithHistory();
    await sql`update audit_log set seq = -1 where commune_id = ${t.communeId} and seq = 2`.execute(t.deps.db);
    await sql`update audit_log set seq = 2 where commune_id = ${t.communeId} and seq = 3`.execute(t.deps.db);
    await sql`update audit_log set seq = 3 where commune_id = ${t.communeId} and seq = -1`.execute(t.deps.db);
    const r = await verify(cookie);
    expect(r.json.ok).toBe(false);
    expect(r.json.problems.map((p: any) => p.seq)).toEqual(expect.arrayContaining([2, 3]));
  });

  it('checks only the caller’s commune: tampering elsewhere does not show, nor does it hide', async () => {
    const cookie = await communeWithHistory();
    await t.deps.db.insertInto('audit_log').values({
      commune_id: t.otherCommuneId, seq: 1, at: t.clock.now.toISOString(), actor: 'x', action: 'forged', entity: 'x',
      entity_id: 'x', data: 'null', prev_hash: 'bad', hash: 'bad',
    }).execute();
    expect((await verify(cookie)).json).toEqual({ ok: true, entries: 4, problems: [] });
    await addUser(t, { username: 'thanhtra-khac', role: 'inspector', communeId: t.otherCommuneId });
    const other = await verify(await login(t, 'thanhtra-khac'));
    expect(other.json.ok).toBe(false);
    expect(other.json.entries).toBe(1);
  });

  it('is open to inspectors, admins and staff of the commune, and to the province administrator (issue 14), only', async () => {
    t = await makeTestApp();
    await expectRouteSecured(t, { method: 'GET', path: '/api/v1/audit/verify', allow: ['inspector', 'admin', 'staff', 'province_admin'], crossCommune: 'own-data' });
    await expectRouteSecured(t, { method: 'GET', path: '/api/v1/audit/anchor', allow: ['inspector', 'admin', 'staff', 'province_admin'], crossCommune: 'own-data' });
  });
});
