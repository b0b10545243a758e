import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';
import { checkCharacter } from '../../server/domain/serial';

let t: TestEnv;
let staff: string;
let villages: SeededVillage[];

beforeEach(async () => {
  t = await makeTestApp();
  villages = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 5 }, { code: 'TH', name: 'Thôn Trung Hà', households: 3 }]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
});
afterEach(() => t.close());

async function openK6(over: Record<string, unknown> = {}) {
  const { id } = await createCampaign(t, staff, {
    title: 'Chọn ngày tổ chức hội làng', kind: 'decision', category: 'k6', villageIds: villages.map((v) => v.id),
    channels: ['online', 'paper'], template: 'household-decision', ...over,
  });
  const serials = await issueSerials(t, staff, id);
  await openCampaign(t, staff, id);
  return { id, serials };
}

describe('online ballots', () => {
  it('accepts a valid ballot with 201 and a receipt the household can check at /verify', async () => {
    const { serials } = await openK6();
    const r = await vote(t, serials[0]!.serial, { decision: 'approve' });
    expect(r.status).toBe(201);
    expect(r.json.receipt).toMatch(/^[0-9A-Z]{10}$/);
    const v = await api(t, 'GET', `/api/v1/receipts/${r.json.receipt}`);
    expect(v.status).toBe(200);
    expect(v.json).toMatchObject({ found: true, campaign: { title: 'Chọn ngày tổ chức hội làng' } });
  });

  it('refuses a second ballot on the same serial with 409 ALREADY_USED', async () => {
    const { serials } = await openK6();
    expect((await vote(t, serials[0]!.serial, { decision: 'approve' })).status).toBe(201);
    const again = await vote(t, serials[0]!.serial, { decision: 'reject' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('ALREADY_USED');
  });

  it('accepts the serial typed in lower case with spaces and hyphens', async () => {
    const { serials } = await openK6();
    const s = serials[0]!.serial;
    const typed = `${s.slice(0, 4).toLowerCase()} ${s.slice(4, 8)}-${s.slice(8)}`;
    expect((await vote(t, encodeURIComponent(typed), { decision: 'approve' })).status).toBe(201);
  });

  it('answers 404 NOT_FOUND for an unknown serial and for a typo caught by the check character', async () => {
    const { serials } = await openK6();
    const body = 'ABCDEFGHJK';
    expect((await vote(t, body + checkCharacter(body), { decision: 'approve' })).status).toBe(404);
    const s = serials[0]!.serial;
    const typo = (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const r = await vote(t, typo, { decision: 'approve' });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('NOT_FOUND');
  });

  it('answers 409 INVALID_STATE before opening and after closing', async () => {
    const { id } = await createCampaign(t, staff, {
      title: 'Hội làng', kind: 'decision', category: 'k6', villageIds: [villages[0]!.id], channels: ['online'],
    });
    const serials = await issueSerials(t, staff, id);
    const before = await vote(t, serials[0]!.serial, { decision: 'approve' });
    expect(before.status).toBe(409);
    expect(before.json.error.code).toBe('INVALID_STATE');
    await openCampaign(t, staff, id);
    await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff });
    expect((await vote(t, serials[1]!.serial, { decision: 'approve' })).json.error.code).toBe('INVALID_STATE');
  });

  it('answers 403 CHANNEL_NOT_ALLOWED when the campaign takes only paper', async () => {
    const { id } = await createCampaign(t, staff, {
      title: 'Đóng góp làm đường', kind: 'decision', category: 'k1', villageIds: [villages[0]!.id], channels: ['paper'],
    });
    const serials = await issueSerials(t, staff, id);
    await openCampaign(t, staff, id);
    const r = await vote(t, serials[0]!.serial, { decision: 'approve' });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('CHANNEL_NOT_ALLOWED');
  });

  it('answers 422 with one detail per failing question and stores nothing', async () => {
    const { serials } = await openK6();
    const r = await vote(t, serials[0]!.serial, { decision: 'maybe', extra: 1 });
    expect(r.status).toBe(422);
    const paths = r.json.error.details.map((d: any) => d.path).sort();
    expect(paths).toEqual(['decision', 'extra']);
    expect(await t.deps.db.selectFrom('ballots').selectAll().execute()).toEqual([]);
    expect((await vote(t, serials[0]!.serial, { decision: 'approve' })).status).toBe(201);
  });

  it('stores exactly one ballot when 100 submissions race on one serial', async () => {
    const { serials } = await openK6();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => vote(t, serials[0]!.serial, { decision: i % 2 ? 'approve' : 'reject' })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    expect(await t.deps.db.selectFrom('ballots').selectAll().execute()).toHaveLength(1);
  });

  it('recognises a retry with the same Idempotency-Key and answers the original receipt', async () => {
    const { serials } = await openK6();
    const first = await vote(t, serials[0]!.serial, { decision: 'approve' }, { 'idempotency-key': 'tab-123' });
    const retry = await vote(t, serials[0]!.serial, { decision: 'approve' }, { 'idempotency-key': 'tab-123' });
    expect(retry.status).toBe(201);
    expect(retry.json.receipt).toBe(first.json.receipt);
    expect(await t.deps.db.selectFrom('ballots').selectAll().execute()).toHaveLength(1);
    const other = await vote(t, serials[0]!.serial, { decision: 'approve' }, { 'idempotency-key': 'another-device' });
    expect(other.status).toBe(409);
  });

  it('keeps k1 online answers as advisory, never binding', async () => {
    const { serials } = await openK6({ category: 'k1', channels: ['paper'], advisoryOnline: true });
    expect((await vote(t, serials[0]!.serial, { decision: 'approve' })).status).toBe(201);
    const [b] = await t.deps.db.selectFrom('ballots').selectAll().execute();
    expect(b!.binding).toBe(0);
  });

  it('rate-limits serial guessing with 429 after 30 wrong tries', async () => {
    await openK6();
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const body = `ZZZZZZZZ${String(i).padStart(2, '0')}`.replace(/[^0-9A-Z]/g, '0');
      last = (await vote(t, body + checkCharacter(body), { decision: 'approve' })).status;
    }
    expect(last).toBe(429);
  });
});

describe('guessing through a forged client address', () => {
  it('still counts every wrong serial against the same client when X-Forwarded-For changes each time', async () => {
    await openK6();
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const body = `YYYYYYYY${String(i).padStart(2, '0')}`;
      last = (await vote(t, body + checkCharacter(body), { decision: 'approve' }, { 'x-forwarded-for': `10.0.0.${i}` })).status;
    }
    expect(last).toBe(429);
  });
});

describe('secret campaigns', () => {
  it('keep no serial, household or time beside the answers', async () => {
    const { id, serials } = await openK6({ secret: true });
    for (const s of serials) expect((await vote(t, s.serial, { decision: 'approve' })).status).toBe(201);
    // while voting, each answer is sealed: no answer in the clear anywhere (test/integration/secrecy-files.test.ts reads the files)
    expect(await t.deps.db.selectFrom('ballots').selectAll().execute()).toEqual([]);
    const sealed = await t.deps.db.selectFrom('sealed_ballots').selectAll().execute();
    expect(sealed).toHaveLength(8);
    for (const row of sealed) expect(row.sealed).not.toMatch(/approve|decision/);
    // closing moves them into the answers, still with nothing that names a household
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
    expect(await t.deps.db.selectFrom('sealed_ballots').selectAll().execute()).toEqual([]);
    const ballots = await t.deps.db.selectFrom('ballots').selectAll().execute();
    expect(ballots).toHaveLength(8);
    for (const b of ballots) {
      expect(b.serial_hash).toBeNull();
      expect(b.submitted_at).toBeNull();
    }
    const uses = await t.deps.db.selectFrom('serial_uses').selectAll().execute();
    for (const u of uses) expect(u.used_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
