// Issue 8: ballot secrecy on a full dump of the database. In a secret
// campaign nothing stored links a serial or a household to its answers: no
// column holds them beside the answers, no timestamp or row order follows
// the order households voted in. (Issue 14: while voting the answers are
// sealed; the files themselves, log included, are read in secrecy-files.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';
import { serialHash } from '../../server/services/serial-codes';
import { sql } from 'kysely';

let t: TestEnv;
beforeEach(async () => { t = await makeTestApp(); });
afterEach(() => t.close());

const VOTERS = 120;

/** Every row of every table, as the text a copy of the database file would give. */
async function dump(): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.deps.db)).rows.map((r) => r.name);
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const name of tables) out[name] = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.deps.db)).rows;
  return out;
}

/** Spearman's rank correlation of two equally long lists of distinct numbers. */
function spearman(a: number[], b: number[]): number {
  const rank = (xs: number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(xs.length);
    order.forEach(([, i], k) => (r[i] = k));
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  const d2 = ra.reduce((s, x, i) => s + (x - rb[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('a secret campaign on a full database dump', () => {
  it('keeps no serial, household, voting time or voting order with the answers', async () => {
    const [v] = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: VOTERS }]);
    await addUser(t, { username: 'canbo', role: 'staff' });
    const staff = await login(t, 'canbo');
    // Elections are never voted online, so the secret campaign here is a k6
    // decision marked secret; each answer carries its position in the voting order.
    const { id: secretId } = await createCampaign(t, staff, {
      title: 'Chọn địa điểm xây nhà văn hóa', kind: 'decision', category: 'k6', villageIds: [v!.id], channels: ['online'], secret: true,
      onlineApproval: { note: 'Họp thôn: các hộ đồng ý biểu quyết trực tuyến' },
    });
    const serials = await issueSerials(t, staff, secretId);
    await openCampaign(t, staff, secretId);
    const hashes: string[] = [];
    for (const [i, s] of serials.entries()) {
      t.clock.advance(60_000); // a minute apart: a stored time would give the order away
      const r = await vote(t, s.serial, { decision: 'other', otherOpinion: `lượt ${i}` });
      expect(r.status).toBe(201);
      hashes.push(await serialHash(t.deps.secret, s.serial));
    }

    // while voting, a dump holds each answer sealed: none in the clear, in any table
    const during = await dump();
    expect(during.ballots!.filter((b) => b.campaign_id === secretId)).toEqual([]);
    expect(during.sealed_ballots!.filter((b) => b.campaign_id === secretId)).toHaveLength(VOTERS);
    expect(JSON.stringify(during)).not.toContain('lượt');
    // closing moves them into the answers, as below
    await t.deps.mixer.idle();
    expect((await api(t, 'POST', `/api/v1/campaigns/${secretId}/close`, { cookie: staff })).status).toBe(200);

    const db = await dump();
    expect(db.sealed_ballots!.filter((b) => b.campaign_id === secretId)).toEqual([]);
    const ballots = db.ballots!.filter((b) => b.campaign_id === secretId);
    expect(ballots).toHaveLength(VOTERS);

    // no column beside the answers names the serial, the household or the time
    const identities = new Set([...hashes, ...serials.map((s) => s.serial), ...serials.map((s) => s.householdCode)]);
    const households = db.households!.filter((h) => h.village_id === v!.id).map((h) => String(h.id));
    for (const b of ballots) {
      expect(b.serial_hash).toBeNull();
      expect(b.submitted_at).toBeNull();
      for (const value of Object.values(b)) {
        expect(identities.has(String(value))).toBe(false);
        expect(households.includes(String(value))).toBe(false);
      }
    }
    // the uses of the serials keep the day only, never the minute
    const uses = db.serial_uses!.filter((u) => u.campaign_id === secretId);
    expect(uses).toHaveLength(VOTERS);
    expect(new Set(uses.map((u) => u.used_on)).size).toBeLessThanOrEqual(2);
    for (const u of uses) expect(String(u.used_on)).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // storage order of the answers does not follow the voting order
    const positions = ballots.map((b) => Number(/lượt (\d+)/.exec(String(b.answers))![1]));
    expect(Math.abs(spearman(positions, positions.map((_, i) => i)))).toBeLessThan(0.3);
    // nor can the uses' storage order be lined up with the answers' storage order
    const useOrder = uses.map((u) => hashes.indexOf(String(u.serial_hash)));
    expect(Math.abs(spearman(useOrder, useOrder.map((_, i) => i)))).toBeLessThan(0.3);
    // and no audit entry was written per ballot
    expect(db.audit_log!.filter((a) => String(a.data).includes('lượt'))).toEqual([]);
  });
});
