// Issue 14 §1: what sealing secret ballots changes for the people using the
// app, and what it must not change. A secret ballot is sealed in the commit
// that spends its serial, re-sealed among others once K wait, and moved into
// the answers when its channel closes; results, previews, opinion themes,
// receipts and retries see every ballot all along. (The files themselves are
// read by an attacker in secrecy-files.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';
import { settleChannel, answerGroupsWithSealed } from '../../server/services/sealed-ballots';
import { setStatus } from '../../db/repositories/campaigns';
import { onlineAnswerGroups } from '../../db/repositories/results';
import { aggregateOnlineAnswers } from '../../server/domain/tally';

let t: TestEnv;
afterEach(() => t.close());

async function setUp(env: Record<string, string> = {}): Promise<{ staff: string; villages: SeededVillage[] }> {
  t = await makeTestApp(env);
  const villages = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 6 }, { code: 'TH', name: 'Thôn Trung Hà', households: 4 }]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  return { staff: await login(t, 'canbo'), villages };
}

async function secretDecision(staff: string, villages: SeededVillage[]) {
  const { id } = await createCampaign(t, staff, {
    title: 'Chọn ngày tổ chức hội làng', kind: 'decision', category: 'k6', villageIds: villages.map((v) => v.id),
    channels: ['online', 'paper'], template: 'household-decision', secret: true,
    // online ballots bind only where the households agreed to vote online (NĐ 59 Đ5)
    onlineApproval: { note: 'Biên bản họp thôn: các hộ đồng ý biểu quyết trực tuyến' },
  });
  const serials = await issueSerials(t, staff, id);
  await openCampaign(t, staff, id);
  return { id, serials };
}

const sealedRows = (id: string) => t.deps.db.selectFrom('sealed_ballots').selectAll().where('campaign_id', '=', id).orderBy('id').execute();
const ballotRows = (id: string) => t.deps.db.selectFrom('ballots').selectAll().where('campaign_id', '=', id).execute();

/** Each village's online counts of the decision as the staff preview shows them. */
async function previewCounts(id: string, staff: string) {
  const r = await api(t, 'GET', `/api/v1/campaigns/${id}/results`, { cookie: staff });
  expect(r.status).toBe(200);
  return Object.fromEntries(r.json.villages.map((v: any) => [v.code, { participated: v.participated, counts: v.questions.decision.counts }]));
}

describe('sealed secret ballots', () => {
  it('are counted in the staff preview while voting, re-sealed once K wait, and moved at close with the same results', async () => {
    const { staff, villages } = await setUp({ DANBAN_MIX_BATCH: '4' });
    const { id, serials } = await secretDecision(staff, villages);
    const choice = (i: number) => (i % 3 === 0 ? 'reject' : 'approve');
    for (const [i, s] of serials.slice(0, 7).entries()) expect((await vote(t, s.serial, { decision: choice(i) })).status).toBe(201);
    await t.deps.mixer.idle();

    // K = 4: the first four were re-sealed together under new ids, the last three wait
    const sealed = await sealedRows(id);
    expect(sealed.map((r) => r.mixed).sort()).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(await ballotRows(id)).toEqual([]);
    const during = await previewCounts(id, staff);
    const expected: Record<string, Record<string, number>> = {};
    for (const [i, s] of serials.slice(0, 7).entries()) {
      const code = villages.find((v) => v.id === s.villageId)!.code;
      expected[code] ??= {};
      expected[code]![choice(i)] = (expected[code]![choice(i)] ?? 0) + 1;
    }
    for (const [code, counts] of Object.entries(expected)) expect(during[code]!.counts).toMatchObject(counts);

    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
    expect(await sealedRows(id)).toEqual([]);
    const moved = await ballotRows(id);
    expect(moved).toHaveLength(7);
    for (const b of moved) expect(b).toMatchObject({ channel: 'online', serial_hash: null, submitted_at: null });
    expect(await previewCounts(id, staff)).toEqual(during);
  });

  it('answer a retry with the first receipt and refuse a second ballot, writing nothing more', async () => {
    const { staff, villages } = await setUp();
    const { id, serials } = await secretDecision(staff, villages);
    const first = await vote(t, serials[0]!.serial, { decision: 'approve' }, { 'idempotency-key': 'k-1' });
    const retry = await vote(t, serials[0]!.serial, { decision: 'approve' }, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(201);
    expect(retry.json).toEqual({ receipt: first.json.receipt, replay: true });
    expect((await vote(t, serials[0]!.serial, { decision: 'reject' })).json.error.code).toBe('ALREADY_USED');
    expect(await sealedRows(id)).toHaveLength(1);
    const receipt = await api(t, 'GET', `/api/v1/receipts/${first.json.receipt}`);
    expect(receipt.json).toMatchObject({ found: true });
  });

  it('keep paper ballots sealed after closing, until the results are published, and count them in both', async () => {
    const { staff, villages } = await setUp();
    const { id, serials } = await secretDecision(staff, villages);
    expect((await vote(t, serials[0]!.serial, { decision: 'approve' })).status).toBe(201);
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
    // the counters enter returned paper ballots after voting closed
    for (const s of serials.slice(1, 4)) {
      const r = await api(t, 'POST', `/api/v1/campaigns/${id}/paper-ballots/${s.serial}`, { cookie: staff, body: { answers: { decision: 'other', otherOpinion: 'Nên tổ chức vào mùa xuân' } } });
      expect(r.status).toBe(201);
    }
    expect((await sealedRows(id)).map((r) => r.channel)).toEqual(['paper', 'paper', 'paper']);
    expect((await ballotRows(id)).map((b) => b.channel)).toEqual(['online']);
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/publish`, { cookie: staff })).status).toBe(200);
    expect(await sealedRows(id)).toEqual([]);
    const all = await ballotRows(id);
    expect(all.map((b) => b.channel).sort()).toEqual(['online', 'paper', 'paper', 'paper']);
    expect(all.filter((b) => b.channel === 'paper').map((b) => JSON.parse(b.answers))).toEqual(Array(3).fill({ decision: 'other', otherOpinion: 'Nên tổ chức vào mùa xuân' }));
  });

  it('let staff group a secret consultation’s opinions while they are sealed, and keep the grouping once they are moved', async () => {
    const { staff, villages } = await setUp();
    const k = await createCampaign(t, staff, {
      title: 'Dự thảo quy hoạch chợ', kind: 'consultation', villageIds: [villages[0]!.id], channels: ['online'], template: 'consultation', secret: true,
    });
    const serials = await issueSerials(t, staff, k.id);
    await openCampaign(t, staff, k.id);
    const said = ['Cần thêm bãi đỗ xe', 'Chợ gần trường học, xe cộ đông'];
    for (const [i, text] of said.entries()) {
      const r = await vote(t, serials[i]!.serial, { s1_opinion: 'agree_with_comments', s1_comment: text });
      expect(r.status, r.text).toBe(201);
    }
    expect(await ballotRows(k.id)).toEqual([]);

    const theme = await api(t, 'POST', `/api/v1/campaigns/${k.id}/themes`, { cookie: staff, body: { title: 'Giao thông quanh chợ' } });
    const preview = await api(t, 'GET', `/api/v1/campaigns/${k.id}/results`, { cookie: staff });
    expect(preview.json.opinions.map((o: any) => o.text).sort()).toEqual([...said].sort());
    const grouped = await api(t, 'POST', `/api/v1/themes/${theme.json.id}/opinions`, { cookie: staff, body: { ballotIds: preview.json.opinions.map((o: any) => o.ballotId), question: 's1_comment' } });
    expect(grouped.json).toEqual({ themeId: theme.json.id, grouped: 2 });

    t.clock.advance(21 * 86_400_000); // a consultation stays open 20 days (Đ28)
    const again = await login(t, 'canbo');
    expect((await api(t, 'POST', `/api/v1/campaigns/${k.id}/close`, { cookie: again })).status).toBe(200);
    expect(await ballotRows(k.id)).toHaveLength(2);
    const after = await api(t, 'GET', `/api/v1/campaigns/${k.id}/results`, { cookie: again });
    expect(after.json.consultation.themes).toEqual([expect.objectContaining({ title: 'Giao thông quanh chợ', count: 2 })]);
    expect(after.json.consultation.ungrouped).toBe(0);
  });

  it('refuse to count a sealed ballot that was changed in the database, instead of counting something else', async () => {
    const { staff, villages } = await setUp();
    const { id, serials } = await secretDecision(staff, villages);
    expect((await vote(t, serials[0]!.serial, { decision: 'approve' })).status).toBe(201);
    const [row] = await sealedRows(id);
    const bytes = Buffer.from(row!.sealed, 'base64');
    bytes[40] = bytes[40]! ^ 1;
    await t.deps.atomic([t.deps.db.updateTable('sealed_ballots').set({ sealed: bytes.toString('base64') }).where('id', '=', row!.id)]);
    const r = await api(t, 'GET', `/api/v1/campaigns/${id}/results`, { cookie: staff });
    expect(r.status).toBe(500);
    expect(r.json.error.code).toBe('INTERNAL');
  });

  it('are moved once when two instances move them at the same time', async () => {
    const { staff, villages } = await setUp();
    const { id, serials } = await secretDecision(staff, villages);
    for (const s of serials.slice(0, 5)) expect((await vote(t, s.serial, { decision: 'approve' })).status).toBe(201);
    await t.deps.atomic([setStatus(t.deps.db, id, ['open'], 'closed', t.clock.now.toISOString())]);
    const moved = await Promise.all([settleChannel(t.deps, id, 'online'), settleChannel(t.deps, id, 'online')]);
    expect(moved.sort()).toEqual([0, 5]);
    expect(await ballotRows(id)).toHaveLength(5);
    expect(await sealedRows(id)).toEqual([]);
  });

  it('are counted once by results that read while they are being moved', async () => {
    const { staff, villages } = await setUp();
    const { id, serials } = await secretDecision(staff, villages);
    for (const s of serials.slice(0, 4)) expect((await vote(t, s.serial, { decision: 'approve' })).status).toBe(201);
    await t.deps.atomic([setStatus(t.deps.db, id, ['open'], 'closed', t.clock.now.toISOString())]);
    const questions = [{ name: 'decision', choices: ['approve', 'reject', 'other'] }];
    let moves = 0;
    // the move lands after the sealed rows were read and before the answers table is
    const groups = await answerGroupsWithSealed(t.deps, id, 'online', async () => {
      if (moves++ === 0) await settleChannel(t.deps, id, 'online');
      return onlineAnswerGroups(t.deps.db, id, ['decision']);
    });
    const online = aggregateOnlineAnswers(groups.map((g) => ({ villageId: g.villageId!, binding: g.binding === 1, answers: JSON.parse(g.answers), count: g.n })), questions);
    expect(online.reduce((n, a) => n + a.ballots, 0)).toBe(4);
    expect(online.reduce((n, a) => n + (a.counts.decision!.approve ?? 0), 0)).toBe(4);
  });

  it('left sealed by a crash between closing and moving are moved by the next sweep', async () => {
    const { staff, villages } = await setUp();
    const { id, serials } = await secretDecision(staff, villages);
    for (const s of serials.slice(0, 3)) expect((await vote(t, s.serial, { decision: 'reject' })).status).toBe(201);
    // closed, as if the process died before the move
    await t.deps.atomic([setStatus(t.deps.db, id, ['open'], 'closed', t.clock.now.toISOString())]);
    expect(await sealedRows(id)).toHaveLength(3);
    await t.deps.mixer.sweep();
    expect(await sealedRows(id)).toEqual([]);
    expect((await ballotRows(id)).map((b) => JSON.parse(b.answers))).toEqual(Array(3).fill({ decision: 'reject' }));
  });
});
