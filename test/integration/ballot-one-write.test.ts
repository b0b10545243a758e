// Issue 17: once a campaign is held in memory (services/ballot-context.ts),
// an online ballot is one write, with no read of its serial before it, and
// every answer a household could get stays the one the read gave: replay,
// already used, reprinted serial, closed campaign, bad answers, the guess limit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';
import { checkCharacter } from '../../server/domain/serial';
import { GUESS_LIMIT } from '../../server/services/serial-guesses';

let t: TestEnv;
let staff: string;
let campaignId: string;
let serials: { householdCode: string; serial: string }[];
let reads: number;
let writes: number;

beforeEach(async () => {
  t = await makeTestApp({ DANBAN_TRUST_PROXY: '1' });
  const [v] = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 8 }]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
  ({ id: campaignId } = await createCampaign(t, staff, {
    title: 'Chọn ngày tổ chức hội làng', kind: 'decision', category: 'k6', villageIds: [v!.id], channels: ['online', 'paper'],
    // online ballots bind: the households' agreement is on record (NĐ 59 Đ5)
    onlineApproval: { note: 'Biên bản họp thôn: trên 50% hộ đồng ý biểu quyết trực tuyến' },
  }));
  serials = await issueSerials(t, staff, campaignId);
  await openCampaign(t, staff, campaignId);
  // count the ballot path's read of a serial and every atomic write
  reads = 0;
  writes = 0;
  const db = t.deps.db;
  t.deps.hotRead = async (q) => {
    reads++;
    return (await db.executeQuery(q)).rows as Record<string, unknown>[];
  };
  const atomic = t.deps.atomic;
  t.deps.atomic = (statements) => {
    writes++;
    return atomic(statements);
  };
  // the first ballot is read the long way, and makes the campaign held
  expect((await vote(t, serials[0]!.serial, { decision: 'approve' })).status).toBe(201);
  expect({ reads, writes }).toEqual({ reads: 1, writes: 1 });
  reads = 0;
  writes = 0;
});
afterEach(() => t.close());

const uses = () => t.deps.db.selectFrom('serial_uses').selectAll().execute();
const ballots = () => t.deps.db.selectFrom('ballots').selectAll().execute();

describe('a ballot of a held campaign', () => {
  it('is one write and no read, and is stored with its use', async () => {
    for (const s of serials.slice(1, 5)) expect((await vote(t, s.serial, { decision: 'reject' })).status).toBe(201);
    expect({ reads, writes }).toEqual({ reads: 0, writes: 4 });
    expect(await uses()).toHaveLength(5);
    expect((await ballots()).filter((b) => JSON.parse(b.answers).decision === 'reject')).toHaveLength(4);
  });

  it('answers a retry with its first receipt, and anything else on a used serial with 409 ALREADY_USED', async () => {
    const key = { 'idempotency-key': 'phone-1' };
    const first = await vote(t, serials[1]!.serial, { decision: 'approve' }, key);
    expect(first.status).toBe(201);
    const retry = await vote(t, serials[1]!.serial, { decision: 'approve' }, key);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual({ receipt: first.json.receipt, replay: true });
    const other = await vote(t, serials[1]!.serial, { decision: 'reject' });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('ALREADY_USED');
    // bad answers on a used serial: still "already used", as the read always said
    expect((await vote(t, serials[1]!.serial, { decision: 'maybe' })).json.error.code).toBe('ALREADY_USED');
    expect((await uses()).filter((u) => u.serial_hash)).toHaveLength(2);
    expect(await ballots()).toHaveLength(2);
  });

  it('refuses a reprinted serial as unknown, counted as a guess, and takes the new one', async () => {
    const old = serials[2]!;
    const re = await api(t, 'POST', `/api/v1/campaigns/${campaignId}/serials/${old.householdCode}/reprint`, { cookie: staff });
    expect(re.status).toBe(200);
    const refused = await vote(t, old.serial, { decision: 'approve' }, { 'x-forwarded-for': '203.0.113.9' });
    expect(refused.status).toBe(404);
    expect(await t.deps.rateLimiter.count('serial-guess:203.0.113.9', 60_000)).toBe(1);
    expect((await vote(t, re.json.serial, { decision: 'approve' })).status).toBe(201);
    expect(await uses()).toHaveLength(2);
  });

  it('refuses a ballot once the campaign has closed, with nothing stored', async () => {
    expect((await api(t, 'POST', `/api/v1/campaigns/${campaignId}/close`, { cookie: staff })).status).toBe(200);
    const r = await vote(t, serials[3]!.serial, { decision: 'approve' });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('INVALID_STATE');
    expect(await uses()).toHaveLength(1);
  });

  it('refuses answers the form does not allow, naming the question, with nothing stored', async () => {
    const r = await vote(t, serials[4]!.serial, { decision: 'maybe' });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json.error)).toContain('decision');
    expect(await uses()).toHaveLength(1);
  });

  it('refuses a client over the serial-guess limit before its right serial is used', async () => {
    const client = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < GUESS_LIMIT; i++) {
      const body = `ZZZZZZZ${String(i).padStart(3, '0')}`;
      expect((await vote(t, body + checkCharacter(body), { decision: 'approve' }, client)).status).toBe(404);
    }
    const r = await vote(t, serials[5]!.serial, { decision: 'approve' }, client);
    expect(r.status).toBe(429);
    expect(await uses()).toHaveLength(1);
  });
});
