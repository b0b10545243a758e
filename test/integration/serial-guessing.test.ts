// Issue 14, finding 2: the serial-guess limit must stop guessing. The attack
// probe had 2 of 10 characters of a ballot's serial unknown (a half-blurred
// photo) and tried all 1,024 candidates: the limiter was consulted only after
// the lookup had missed, so once throttled the client still got the ballot
// (200/201) on the right guess. An over-limit client is now refused before
// any lookup, with the same answer whatever the serial.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';
import { checkCharacter } from '../../server/domain/serial';

let t: TestEnv;
let staff: string;
let campaignId: string;
let serials: { householdCode: string; serial: string }[];

beforeEach(async () => {
  // Each test is its own client (X-Forwarded-For, believed behind a declared proxy).
  t = await makeTestApp({ DANBAN_TRUST_PROXY: '1' });
  const [v] = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 8 }]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
  ({ id: campaignId } = await createCampaign(t, staff, {
    title: 'Chọn ngày tổ chức hội làng', kind: 'decision', category: 'k6', villageIds: [v!.id], channels: ['online', 'paper'],
  }));
  serials = await issueSerials(t, staff, campaignId);
  await openCampaign(t, staff, campaignId);
});
afterEach(() => t.close());

const GUESS_LIMIT = 30;

/** A well-formed serial (right check character) that no household has. */
function wrongSerial(i: number): string {
  const body = `ZZZZZZZ${String(i).padStart(3, '0')}`;
  return body + checkCharacter(body);
}

/** The 1,024 candidates of a serial with its 3rd and 7th characters blurred, the right one among them. */
function candidates(right: string): string[] {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const out: string[] = [];
  for (const a of alphabet) for (const b of alphabet) {
    const body = right.slice(0, 2) + a + right.slice(3, 6) + b + right.slice(7, 10);
    out.push(body + checkCharacter(body));
  }
  return out;
}

const as = (client: string) => ({ 'x-forwarded-for': client });
const page = { accept: 'text/html' };

function postBallotForm(serial: string, client: string) {
  return t.app.request(`/b/${serial}`, {
    method: 'POST', headers: { ...as(client), ...page, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ decision: 'approve', _idem: 'form-1' }).toString(),
  });
}

async function throttle(client: string) {
  for (let i = 0; i < GUESS_LIMIT; i++) expect((await vote(t, wrongSerial(i), { decision: 'approve' }, as(client))).status).toBe(404);
}

/** An error answer without its request id, to compare two answers. */
const sameShape = (json: { error: Record<string, unknown> }) => ({ ...json.error, requestId: undefined });

describe('a client over the serial-guess limit', () => {
  it('gets 429 for the right serial too, on the API, the ballot page and the no-JS form, and nothing is stored', async () => {
    const right = serials[0]!.serial;
    await throttle('203.0.113.7');
    const apiVote = await vote(t, right, { decision: 'approve' }, as('203.0.113.7'));
    expect(apiVote.status).toBe(429);
    expect(apiVote.json.error.code).toBe('RATE_LIMITED');
    expect((await t.app.request(`/b/${right}`, { headers: { ...as('203.0.113.7'), ...page } })).status).toBe(429);
    const form = await postBallotForm(right, '203.0.113.7');
    expect(form.status).toBe(429);
    expect(await form.text()).not.toContain('receipt-code');
    expect(await t.deps.db.selectFrom('ballots').selectAll().execute()).toHaveLength(0);
    expect(await t.deps.db.selectFrom('serial_uses').selectAll().execute()).toHaveLength(0);
    // the household itself, from its own phone, still votes
    expect((await vote(t, right, { decision: 'approve' }, as('198.51.100.1'))).status).toBe(201);
  });

  it('does not find the serial among the 1,024 candidates of a half-blurred photo', async () => {
    const right = serials[1]!.serial;
    const answers = [];
    for (const s of candidates(right)) answers.push({ s, status: (await vote(t, s, { decision: 'approve' }, as('203.0.113.8'))).status });
    expect(answers.filter((a) => a.status === 201)).toEqual([]);
    expect(answers.filter((a) => a.status === 404).length).toBeLessThanOrEqual(GUESS_LIMIT);
    expect(answers.find((a) => a.s === right)!.status).toBe(429);
    expect(await t.deps.db.selectFrom('ballots').selectAll().execute()).toHaveLength(0);
  });

  it('gets the same answer whatever the serial: unused, used, revoked, unknown or mistyped', async () => {
    const [unused, used, revoked] = serials;
    expect((await vote(t, used!.serial, { decision: 'approve' }, as('198.51.100.2'))).status).toBe(201);
    const reprint = await api(t, 'POST', `/api/v1/campaigns/${campaignId}/serials/${revoked!.householdCode}/reprint`, { cookie: staff });
    expect(reprint.status).toBe(200);
    await throttle('203.0.113.9');
    const mistyped = unused!.serial.slice(0, 10) + (unused!.serial[10] === '0' ? '1' : '0');
    const replies = [];
    for (const s of [unused!.serial, used!.serial, revoked!.serial, wrongSerial(999), mistyped, 'not-a-serial']) {
      const r = await vote(t, s, { decision: 'approve' }, as('203.0.113.9'));
      const p = await t.app.request(`/b/${s}`, { headers: { ...as('203.0.113.9'), ...page } });
      replies.push({ api: r.status, body: sameShape(r.json), page: p.status });
    }
    for (const r of replies) expect(r).toEqual(replies[0]);
    expect(replies[0]).toMatchObject({ api: 429, body: { code: 'RATE_LIMITED' }, page: 429 });
  });

  it('is refused before the lookup even when its guesses arrive all at once', async () => {
    const burst = await Promise.all(Array.from({ length: 2 * GUESS_LIMIT }, (_, i) => vote(t, wrongSerial(i), { decision: 'approve' }, as('203.0.113.10'))));
    expect(burst.filter((r) => r.status === 404)).toHaveLength(GUESS_LIMIT);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(GUESS_LIMIT);
    expect((await vote(t, serials[2]!.serial, { decision: 'approve' }, as('203.0.113.10'))).status).toBe(429);
  });
});

describe('households behind one address', () => {
  it('spend no tries with right serials, so a shared connection is not throttled by its voters', async () => {
    const hall = '192.0.2.50';
    for (let i = 0; i < GUESS_LIMIT - 1; i++) expect((await vote(t, wrongSerial(i), { decision: 'approve' }, as(hall))).status).toBe(404);
    // one mistyped code too many in a commune hall would otherwise stop every household behind its Wi-Fi
    for (const s of serials.slice(0, 6)) {
      expect((await t.app.request(`/b/${s.serial}`, { headers: { ...as(hall), ...page } })).status).toBe(200);
      expect((await postBallotForm(s.serial, hall)).status).toBe(303); // the receipt is a page of its own (post, redirect, get)
    }
    expect((await vote(t, wrongSerial(500), { decision: 'approve' }, as(hall))).status).toBe(404);
    expect((await vote(t, serials[6]!.serial, { decision: 'approve' }, as(hall))).status).toBe(429);
  });
});

describe('receipts', () => {
  it('are refused to an over-limit client before the lookup, the right receipt included', async () => {
    const receipt = (await vote(t, serials[0]!.serial, { decision: 'approve' }, as('198.51.100.3'))).json.receipt as string;
    for (let i = 0; i < 60; i++) {
      const r = await api(t, 'GET', `/api/v1/receipts/${'Z'.repeat(9)}${i % 10}`, { headers: as('203.0.113.11') });
      expect(r.status).toBe(404);
    }
    expect((await api(t, 'GET', `/api/v1/receipts/${receipt}`, { headers: as('203.0.113.11') })).status).toBe(429);
    expect((await t.app.request(`/verify?code=${receipt}`, { headers: { ...as('203.0.113.11'), ...page } })).status).toBe(429);
    expect((await api(t, 'GET', `/api/v1/receipts/${receipt}`, { headers: as('198.51.100.3') })).status).toBe(200);
  });
});
