// Issue 14, "Also": the province administrator, who creates communes and
// their administrators, had no audit page (the menu offered one that answered
// 403). Now it lists every commune's chain, checked as the page opens, and
// opens one commune's log read only, with its anchors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';

let t: TestEnv;
let province: string;

beforeEach(async () => {
  t = await makeTestApp();
  await addUser(t, { username: 'quantri-tinh', role: 'province_admin', communeId: null });
  province = await login(t, 'quantri-tinh');
  // each commune gets an administrator through the API, so both chains have entries
  for (const [username, communeId] of [['quantri-a', t.communeId], ['quantri-b', t.otherCommuneId]] as const) {
    const r = await api(t, 'POST', '/api/v1/users', { cookie: province, body: { username, password: 'mat-khau-8', role: 'admin', communeId } });
    expect(r.status).toBe(201);
  }
});
afterEach(() => t.close());

const page = async (path: string, cookie = province) => {
  const res = await t.app.request(path, { headers: { cookie, accept: 'text/html' } });
  return { status: res.status, html: await res.text() };
};

const communeName = async (id: string) => (await t.deps.db.selectFrom('communes').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;

describe('the province administrator’s audit page', () => {
  it('lists every commune’s chain, checked, and shows which one was tampered with', async () => {
    await sql`update audit_log set actor = 'nguoi-khac' where commune_id = ${t.otherCommuneId} and seq = 1`.execute(t.deps.db);
    const r = await page('/staff/audit');
    expect(r.status).toBe(200);
    const rows = [...r.html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    const own = await communeName(t.communeId);
    expect(rows.find((row) => row.includes(own))).toContain('Nguyên vẹn');
    expect(rows.find((row) => row.includes('Xã Khác'))).toMatch(/\d+ vấn đề/);
    expect(r.html).toContain(`/staff/audit?communeId=${t.otherCommuneId}`);
  });

  it('opens one commune’s log read only, with its anchor file, and the province’s own chain', async () => {
    const r = await page(`/staff/audit?communeId=${t.otherCommuneId}`);
    expect(r.status).toBe(200);
    expect(r.html).toContain('Xã Khác');
    expect(r.html).toContain('user.create');
    expect(r.html).toContain(`/api/v1/audit/anchor?communeId=${t.otherCommuneId}`);
    // read only: the only form that posts is the sign-out
    expect([...r.html.matchAll(/<form[^>]*method="post"[^>]*>/g)].map((m) => m[0])).toEqual(['<form method="post" action="/logout">']);
    const own = await page('/staff/audit?communeId=-');
    expect(own.status).toBe(200);
    expect(own.html).toContain('Cấp tỉnh');
  });

  it('reads any commune’s chain and anchor through the API, naming the commune it needs', async () => {
    const verify = await api(t, 'GET', `/api/v1/audit/verify?communeId=${t.otherCommuneId}`, { cookie: province });
    expect(verify.json).toMatchObject({ ok: true, problems: [] });
    const anchor = await api(t, 'GET', `/api/v1/audit/anchor?communeId=${t.otherCommuneId}`, { cookie: province });
    expect(anchor.status).toBe(200);
    expect(anchor.json).toMatchObject({ kind: 'danban-audit-anchor', commune: { id: t.otherCommuneId, name: 'Xã Khác' }, signature: { alg: 'HMAC-SHA256' } });
    const none = await api(t, 'GET', '/api/v1/audit/verify', { cookie: province });
    expect(none.status).toBe(422);
    expect(none.json.error.details).toEqual([expect.objectContaining({ path: 'communeId' })]);
    expect((await api(t, 'GET', '/api/v1/audit/verify?communeId=khong-co', { cookie: province })).status).toBe(404);
  });
});

describe('a commune’s own users', () => {
  it('see only their own commune’s log, whatever commune they name', async () => {
    await addUser(t, { username: 'thanhtra', role: 'inspector' });
    const inspector = await login(t, 'thanhtra');
    const r = await page(`/staff/audit?communeId=${t.otherCommuneId}`, inspector);
    expect(r.status).toBe(200);
    expect(r.html).not.toContain('Xã Khác');
    expect(r.html).not.toContain('quantri-b');
    const anchor = await api(t, 'GET', `/api/v1/audit/anchor?communeId=${t.otherCommuneId}`, { cookie: inspector });
    expect(anchor.json.commune.id).toBe(t.communeId);
  });
});
