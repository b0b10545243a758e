// Issue 12, through the HTTP API on a fresh server: each defect the issue
// reproduced, and the rule that now holds. One household, one binding vote,
// every question, every channel (docs/design.md "One household, one binding
// vote"; docs/api.md "Results").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote, lawfulMeeting } from '../support/campaigns';
import { pdfWorkspace, type PdfWorkspace } from '../support/pdf';
import { loadPrintFonts } from '../../server/runtime/fonts-node';

let t: TestEnv;
let staff: string;
let inspector: string;
let pdf: PdfWorkspace;

beforeEach(async () => {
  t = await makeTestApp();
  t.deps.fonts = loadPrintFonts;
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  staff = await login(t, 'canbo');
  inspector = await login(t, 'thanhtra');
  pdf = pdfWorkspace();
});
afterEach(async () => {
  pdf.cleanup();
  await t.close();
});

const BOARD = { board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'] };
const MINUTES = { note: 'Họp thôn ngày 01/11/2026: các hộ đồng ý biểu quyết trực tuyến' };

const submitSheet = (id: string, body: Record<string, unknown>) => api(t, 'POST', `/api/v1/campaigns/${id}/tallies`, { cookie: staff, body: lawfulMeeting({ ...BOARD, ...body }) });

async function confirmedSheet(id: string, body: Record<string, unknown>): Promise<string> {
  const s = await submitSheet(id, body);
  if (s.status !== 201) throw new Error(`tally: ${s.status} ${s.text}`);
  const c = await api(t, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector });
  if (c.status !== 200) throw new Error(`confirm: ${c.status} ${c.text}`);
  return s.json.id;
}

const paperBallot = (id: string, serial: string, answers?: unknown) =>
  api(t, 'POST', `/api/v1/campaigns/${id}/paper-ballots/${serial}`, { cookie: staff, body: answers === undefined ? {} : { answers } });

async function closeAndPublish(id: string) {
  expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
  const p = await api(t, 'POST', `/api/v1/campaigns/${id}/publish`, { cookie: staff });
  expect(p.status, p.text).toBe(200);
  const r = await api(t, 'GET', `/api/v1/campaigns/${id}/results`);
  expect(r.status).toBe(200);
  return r.json;
}

const preview = async (id: string) => (await api(t, 'GET', `/api/v1/campaigns/${id}/results`, { cookie: staff })).json;

const radio = (name: string, title: string) => ({
  type: 'radiogroup', name, title, isRequired: true,
  choices: [{ value: 'approve', text: 'Đồng ý' }, { value: 'reject', text: 'Không đồng ý' }, { value: 'other', text: 'Ý kiến khác' }],
});

describe('a household counted twice (online ballots beside a paper sheet)', () => {
  // k6, one village of 10 households whose agreement to vote online is on
  // record: more than half of ALL 10 is 6 approvals (Đ21 k1).
  async function k6(households = 10) {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households }]);
    const c = await createCampaign(t, staff, {
      title: 'Giờ mở cửa nhà văn hóa', kind: 'decision', category: 'k6', villageIds: [A!.id], channels: ['online', 'paper'],
      template: 'household-decision', onlineApproval: MINUTES,
    });
    const serials = await issueSerials(t, staff, c.id);
    await openCampaign(t, staff, c.id);
    return { ...c, A: A!, serials };
  }

  it('refuses a sheet whose returned ballots plus the binding online ballots exceed the households, naming the field and the gap (422)', async () => {
    const { id, A, serials } = await k6();
    for (const s of serials.slice(0, 6)) expect((await vote(t, s.serial, { decision: 'approve' })).status).toBe(201);
    const r = await submitSheet(id, { villageId: A.id, channel: 'paper', issued: 10, returned: 10, invalid: 0, counts: { decision: { approve: 10, reject: 0, other: 0 } } });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    const returned = r.json.error.details.find((d: any) => d.path === 'returned');
    // 10 returned + 6 online = 16 of 10 households: 6 too many
    expect(returned.message).toContain('10');
    expect(returned.message).toContain('6');
    expect(returned.messageEn).toContain('by 6');

    // A sheet of the other 4 households fits: 6 online + 4 on paper = 10.
    await confirmedSheet(id, { villageId: A.id, channel: 'paper', issued: 4, returned: 4, invalid: 0, counts: { decision: { approve: 1, reject: 3, other: 0 } } });
    const v = (await closeAndPublish(id)).villages[0];
    expect(v).toMatchObject({ households: 10, participated: 10, basis: 'paper+online', held: null, questions: { decision: { counts: { approve: 7, reject: 3, other: 0 }, required: 6, passed: true } } });
  });

  it('holds the village, never sums, when online ballots arrive after the sheet was confirmed, and shows the gap', async () => {
    const { id, A, serials } = await k6();
    await confirmedSheet(id, { villageId: A.id, channel: 'paper', issued: 10, returned: 10, invalid: 0, counts: { decision: { approve: 10, reject: 0, other: 0 } } });
    for (const s of serials.slice(0, 6)) expect((await vote(t, s.serial, { decision: 'approve' })).status).toBe(201);
    const s = await closeAndPublish(id);
    const v = s.villages[0];
    expect(v.participated).toBe(0);
    expect(v.questions.decision).toMatchObject({ counts: { approve: 0 }, passed: false });
    expect(v.held).toMatchObject({ gap: 6 });
    expect(v.held.problems[0]).toMatchObject({ path: 'returned', gap: 6 });
    expect(v.warnings.map((w: any) => w.code)).toContain('held');
    expect(s.commune.passed).toBe(false);
    const page = await (await t.app.request(`/r/${s.campaign.slug}`)).text();
    expect(page).toContain('Tạm giữ');
  });

  it('re-checks at confirmation: a sheet that no longer fits beside the online ballots is refused with the gap (422)', async () => {
    const { id, A, serials } = await k6();
    const sheet = await submitSheet(id, { villageId: A.id, channel: 'paper', issued: 8, returned: 8, invalid: 0, counts: { decision: { approve: 8, reject: 0, other: 0 } } });
    expect(sheet.status).toBe(201);
    for (const s of serials.slice(0, 3)) expect((await vote(t, s.serial, { decision: 'approve' })).status).toBe(201);
    // the confirming inspector sees the gap before confirming, and no confirm button
    const listed = await api(t, 'GET', `/api/v1/campaigns/${id}/tallies?villageId=${A.id}`, { cookie: inspector });
    expect(listed.json.villages[0].sheets[0].gaps).toMatchObject([{ path: 'returned', gap: 1 }]);
    const page = await (await t.app.request(`/staff/tallies/${id}/${A.id}`, { headers: { cookie: inspector, accept: 'text/html' } })).text();
    expect(page).toContain('Không khớp với số phiếu thôn đã nhận');
    expect(page).not.toContain(`action="/staff/tally-sheets/${sheet.json.id}/confirm"`);
    const c = await api(t, 'POST', `/api/v1/tallies/${sheet.json.id}/confirm`, { cookie: inspector });
    expect(c.status).toBe(422);
    expect(c.json.error.details[0]).toMatchObject({ path: 'returned' });
    expect(c.json.error.details[0].messageEn).toContain('by 1');
  });
});

describe('paper ballots entered one by one', () => {
  it('count in the results: 8 approvals entered ballot by ballot of 10 households pass a k1 matter (⌈2·10/3⌉ = 7)', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 10 }]);
    const { id } = await createCampaign(t, staff, { title: 'Đóng góp đèn đường', kind: 'decision', category: 'k1', villageIds: [A!.id], channels: ['paper'], template: 'household-decision' });
    const serials = await issueSerials(t, staff, id);
    await openCampaign(t, staff, id);
    for (const s of serials.slice(0, 8)) {
      const r = await paperBallot(id, s.serial, { decision: 'approve' });
      expect(r.status).toBe(201);
      expect(r.json.counted).toBe(true);
    }
    expect((await paperBallot(id, serials[8]!.serial, { decision: 'reject' })).status).toBe(201);
    const v = (await closeAndPublish(id)).villages[0];
    expect(v).toMatchObject({ households: 10, participated: 9, basis: 'paper', questions: { decision: { counts: { approve: 8, reject: 1, other: 0 }, required: 7, passed: true } } });
    expect(v.sources).toEqual([{ source: 'paper_entries', households: 9, role: 'counted' }]);
  });

  it('must fit inside a confirmed paper sheet: a sheet with fewer votes for a choice than the ballots entered is refused', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 10 }]);
    const { id } = await createCampaign(t, staff, { title: 'Đóng góp đèn đường', kind: 'decision', category: 'k1', villageIds: [A!.id], channels: ['paper'], template: 'household-decision' });
    const serials = await issueSerials(t, staff, id);
    await openCampaign(t, staff, id);
    for (const s of serials.slice(0, 3)) expect((await paperBallot(id, s.serial, { decision: 'approve' })).status).toBe(201);
    const short = await submitSheet(id, { villageId: A!.id, channel: 'paper', issued: 10, returned: 9, invalid: 0, counts: { decision: { approve: 2, reject: 7, other: 0 } } });
    expect(short.status).toBe(422);
    expect(short.json.error.details.map((d: any) => d.path)).toEqual(['counts.decision.approve']);
    // the sheet counts the whole pile: the 3 entered and 6 more
    await confirmedSheet(id, { villageId: A!.id, channel: 'paper', issued: 10, returned: 9, invalid: 0, counts: { decision: { approve: 7, reject: 2, other: 0 } } });
    const v = (await closeAndPublish(id)).villages[0];
    expect(v).toMatchObject({ participated: 9, questions: { decision: { counts: { approve: 7 }, passed: true } } });
    expect(v.sources).toEqual([{ source: 'paper_sheet', households: 9, role: 'counted' }, { source: 'paper_entries', households: 3, role: 'in_sheet' }]);
  });
});

describe('an advisory online answer never uses up the binding vote', () => {
  it('k1 with advisory online answers: the household that answered online still hands in its paper ballot (201), counted once', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 3 }]);
    const { id } = await createCampaign(t, staff, {
      title: 'Đóng góp đèn đường', kind: 'decision', category: 'k1', villageIds: [A!.id], channels: ['paper'], advisoryOnline: true, template: 'household-decision',
    });
    const [s1, s2] = await issueSerials(t, staff, id);
    await openCampaign(t, staff, id);
    expect((await vote(t, s1!.serial, { decision: 'reject' })).status).toBe(201);
    const again = await vote(t, s1!.serial, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('ALREADY_USED');
    const paper = await paperBallot(id, s1!.serial, { decision: 'approve' });
    expect(paper.status).toBe(201);
    expect((await paperBallot(id, s2!.serial, { decision: 'approve' })).status).toBe(201);
    // the paper ballot is spent: a second one is still refused
    expect((await paperBallot(id, s1!.serial, { decision: 'approve' })).status).toBe(409);
    const s = await closeAndPublish(id);
    // 3 households, ⌈2·3/3⌉ = 2 approvals needed: the two paper ballots
    expect(s.villages[0]).toMatchObject({ participated: 2, questions: { decision: { counts: { approve: 2, reject: 0 }, required: 2, passed: true } } });
    expect(s.villages[0].advisory).toMatchObject({ ballots: 1, counts: { decision: { reject: 1 } } });
    expect(s.advisory).toMatchObject({ ballots: 1 });
  });
});

describe('several questions, each its own matter', () => {
  it('at commune scope each question passes on its own villages: two items passed in 2 of 3 villages are both adopted', async () => {
    const vs = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 6 }, { code: 'B', name: 'Thôn Bình Yên', households: 6 }, { code: 'C', name: 'Thôn Cát Tường', households: 6 }]);
    const { id, slug } = await createCampaign(t, staff, {
      title: 'Làm đường và lắp đèn', kind: 'decision', category: 'k1', scope: 'commune', villageIds: vs.map((v) => v.id), channels: ['paper'],
      survey: { elements: [radio('road', 'Làm đường bê tông'), radio('lights', 'Lắp đèn chiếu sáng')] },
    });
    await openCampaign(t, staff, id);
    // ⌈2·6/3⌉ = 4 approvals per village; road passes in A and B, lights in B and C
    const sheet = (v: SeededVillage, road: number, lights: number) => confirmedSheet(id, {
      villageId: v.id, channel: 'paper', issued: 6, returned: 6, invalid: 0,
      counts: { road: { approve: road, reject: 6 - road, other: 0 }, lights: { approve: lights, reject: 6 - lights, other: 0 } },
    });
    await sheet(vs[0]!, 5, 1);
    await sheet(vs[1]!, 4, 4);
    await sheet(vs[2]!, 2, 6);
    const s = await closeAndPublish(id);
    // ⌈2·3/3⌉ = 2 villages needed per question (Đ21 k1)
    expect(s.commune.questions).toEqual({
      road: { villagesPassed: 2, required: 2, passed: true },
      lights: { villagesPassed: 2, required: 2, passed: true },
    });
    expect(s.commune).toMatchObject({ passed: true, adopted: ['road', 'lights'], villagesPassed: 1, rule: 'commune_threshold', requiredVillages: 2 });
    const csv = (await (await t.app.request(`/api/v1/campaigns/${id}/results.csv`)).text()).split('\r\n').map((l) => l.split(','));
    const communeRows = csv.filter((l) => l[1] === 'Toàn xã');
    expect(communeRows.map((l) => [l[5], l[10], l[11]])).toEqual([
      ['Làm đường bê tông', '2', 'Thông qua (2/3 thôn đạt)'],
      ['Lắp đèn chiếu sáng', '2', 'Thông qua (2/3 thôn đạt)'],
      ['', '', 'Thông qua (2/2 câu hỏi được thông qua)'],
    ]);
    const page = await (await t.app.request(`/r/${slug}`)).text();
    expect(page).toContain('Làm đường bê tông: Thông qua, 2/3 thôn tán thành (cần ít nhất 2 thôn).');
    expect(page).toContain('Lắp đèn chiếu sáng: Thông qua, 2/3 thôn tán thành (cần ít nhất 2 thôn).');
    expect(page).toContain('Thôn Cát Tường, Làm đường bê tông: Không thông qua, 2 phiếu đồng ý');
  });

  it('at village scope three questions are judged in each village on their own, and the commune line never says the commune decided', async () => {
    const vs = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 3 }, { code: 'B', name: 'Thôn Bình Yên', households: 3 }]);
    const { id, slug } = await createCampaign(t, staff, {
      title: 'Ba việc của thôn', kind: 'decision', category: 'k6', villageIds: vs.map((v) => v.id), channels: ['meeting'],
      survey: { elements: [radio('q1', 'Việc một'), radio('q2', 'Việc hai'), radio('q3', 'Việc ba')] },
    });
    await openCampaign(t, staff, id);
    // ⌊3/2⌋ + 1 = 2 approvals of 3 households; exactly met and missed by one
    await confirmedSheet(id, { villageId: vs[0]!.id, channel: 'meeting', present: 3, counts: { q1: { approve: 2, reject: 1 }, q2: { approve: 1, reject: 2 }, q3: { approve: 3 } } });
    await confirmedSheet(id, { villageId: vs[1]!.id, channel: 'meeting', present: 3, counts: { q1: { approve: 2, reject: 1 }, q2: { approve: 2, reject: 1 }, q3: { approve: 1, reject: 2 } } });
    const s = await closeAndPublish(id);
    expect(s.campaign.scope).toBe('village');
    expect(s.villages.map((v: any) => [v.questions.q1.passed, v.questions.q2.passed, v.questions.q3.passed])).toEqual([[true, false, true], [true, true, false]]);
    expect(s.commune).toMatchObject({ rule: 'every_village', passed: false, adopted: ['q1'], questions: { q1: { villagesPassed: 2, required: 2, passed: true }, q2: { villagesPassed: 1, required: 2, passed: false } } });
    const page = await (await t.app.request(`/r/${slug}`)).text();
    expect(page).not.toContain('Toàn xã');
  });
});

describe('matters decided at the community meeting (k3, k4, k5)', () => {
  it('a paper-only k3 covenant does not pass and says why; after a meeting that failed for attendance the household ballot decides (Đ17 k2, Đ19 k1 b)', async () => {
    const [A, B] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 10 }, { code: 'B', name: 'Thôn Bình Yên', households: 10 }]);
    const { id } = await createCampaign(t, staff, { title: 'Sửa đổi hương ước', kind: 'decision', category: 'k3', villageIds: [A!.id, B!.id], channels: ['meeting', 'paper'], template: 'household-decision' });
    await openCampaign(t, staff, id);
    const paper = { channel: 'paper', issued: 10, returned: 9, invalid: 0, counts: { decision: { approve: 8, reject: 1, other: 0 } } };
    await confirmedSheet(id, { villageId: A!.id, ...paper });
    // B's meeting: 5 present of 10, no quorum of more than half (NĐ 61/2023 Đ10), then its household ballot
    await confirmedSheet(id, { villageId: B!.id, channel: 'meeting', present: 5, counts: { decision: { approve: 5, reject: 0, other: 0 } } });
    await confirmedSheet(id, { villageId: B!.id, ...paper });
    const [a, b] = (await closeAndPublish(id)).villages;
    expect(a).toMatchObject({ basis: 'none', participated: 0, passed: false, questions: { decision: { counts: { approve: 0 }, passed: false } } });
    expect(a.warnings.find((w: any) => w.code === 'paper_without_meeting').message.vi).toContain('Đ19 k1 b');
    expect(b).toMatchObject({ basis: 'paper', participated: 9, passed: true, quorumMet: false, questions: { decision: { counts: { approve: 8 }, required: 6, passed: true } } });
    expect(b.fallback.vi).toContain('thay thế');
  });

  it('a paper-only k4 election elects nobody; a meeting too small, then the household ballot, elects', async () => {
    const [A, B] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 10 }, { code: 'B', name: 'Thôn Bình Yên', households: 10 }]);
    const { id } = await createCampaign(t, staff, {
      title: 'Bầu Trưởng thôn', kind: 'election', category: 'k4', villageIds: [A!.id, B!.id], channels: ['meeting', 'paper'],
      candidates: [{ id: 'a1', name: 'Nguyễn Văn An', villageId: A!.id }, { id: 'b1', name: 'Trần Thị Bình', villageId: B!.id }],
    });
    await openCampaign(t, staff, id);
    await confirmedSheet(id, { villageId: A!.id, channel: 'paper', issued: 10, returned: 9, invalid: 0, counts: { candidates: { a1: 9 } } });
    // 5 present of 10 cannot reach the 6 votes a candidate needs (> 10/2)
    await confirmedSheet(id, { villageId: B!.id, channel: 'meeting', present: 5, issued: 5, returned: 5, invalid: 0, counts: { candidates: { b1: 5 } } });
    await confirmedSheet(id, { villageId: B!.id, channel: 'paper', issued: 10, returned: 8, invalid: 0, counts: { candidates: { b1: 7 } } });
    const s = await closeAndPublish(id);
    const [a, b] = s.villages;
    expect(a).toMatchObject({ elected: [], unfilledSeats: 1, passed: false, seats: 1 });
    expect(a.warnings.map((w: any) => w.code)).toContain('paper_without_meeting');
    expect(b).toMatchObject({ elected: ['b1'], passed: true, basis: 'paper', thresholdUnreachable: true });
    expect(s.campaign.board).toBe('village_head');
  });
});

describe('k6 online ballots and the households’ agreement to vote online (NĐ 59 Đ5)', () => {
  it('bind only in the village whose agreement is on record; elsewhere they are advice, the results say so, and the paper ballot still counts', async () => {
    const [A, B] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 10 }, { code: 'B', name: 'Thôn Bình Yên', households: 10 }]);
    const { id } = await createCampaign(t, staff, {
      title: 'Giờ mở cửa nhà văn hóa', kind: 'decision', category: 'k6', villageIds: [A!.id, B!.id], channels: ['online', 'paper'], template: 'household-decision',
      // A: 6 of 10 households agreed (more than half); B: 5 of 10 (not more than half)
      onlineApproval: { villages: [
        { villageId: A!.id, households: 6, date: '2026-11-02', method: 'meeting', note: 'Họp thôn An Lạc' },
        { villageId: B!.id, households: 5, date: '2026-11-02', method: 'meeting' },
      ] },
    });
    const serials = await issueSerials(t, staff, id);
    await openCampaign(t, staff, id);
    for (const v of [A!, B!]) {
      for (const s of serials.filter((x) => x.villageId === v.id).slice(0, 7)) expect((await vote(t, s.serial, { decision: 'approve' })).status).toBe(201);
    }
    // B's household that answered online hands in its paper ballot: its binding vote was never used
    const bFirst = serials.find((x) => x.villageId === B!.id)!;
    expect((await paperBallot(id, bFirst.serial, { decision: 'approve' })).status).toBe(201);
    const aFirst = serials.find((x) => x.villageId === A!.id)!;
    expect((await paperBallot(id, aFirst.serial, { decision: 'approve' })).status).toBe(409);

    const s = await closeAndPublish(id);
    const [a, b] = s.villages;
    expect(a).toMatchObject({ participated: 7, basis: 'online', passed: true, onlineAgreement: { onRecord: true, households: 6, required: 6, method: 'meeting', date: '2026-11-02' } });
    expect(b).toMatchObject({ participated: 1, basis: 'paper', passed: false, onlineAgreement: { onRecord: false, households: 5, required: 6 } });
    expect(b.questions.decision.counts.approve).toBe(1);
    expect(b.advisory).toMatchObject({ ballots: 7, counts: { decision: { approve: 7 } } });
    expect(b.warnings.map((w: any) => w.code)).toContain('online_agreement_missing');
    const page = await (await t.app.request(`/r/${s.campaign.slug}`)).text();
    expect(page).toContain('Các hộ đồng ý biểu quyết trực tuyến: 6/10 hộ (cần trên 50%, từ 6 hộ), ngày 02/11/2026, họp thôn.');
    expect(page).toContain('phiếu trực tuyến ở thôn này chỉ để tham khảo');
  });

  it('is recorded per village while a draft, and frozen at opening (409 after)', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 4 }]);
    const { id } = await createCampaign(t, staff, { title: 'Giờ mở cửa', kind: 'decision', category: 'k6', villageIds: [A!.id], channels: ['online'], template: 'household-decision' });
    const path = `/api/v1/campaigns/${id}/villages/${A!.id}/online-approval`;
    const bad = await api(t, 'PUT', path, { cookie: staff, body: { households: 3, date: '2026-02-30', method: 'meeting' } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.map((d: any) => d.path)).toEqual(['date']);
    const ok = await api(t, 'PUT', path, { cookie: staff, body: { households: 3, date: '2026-11-02', method: 'meeting' } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ villageId: A!.id, households: 3 });
    const serials = await issueSerials(t, staff, id);
    await openCampaign(t, staff, id);
    expect((await api(t, 'PUT', path, { cookie: staff, body: { households: 4, date: '2026-11-02', method: 'meeting' } })).status).toBe(409);
    const detail = await api(t, 'GET', `/api/v1/campaigns/${id}`, { cookie: staff });
    // ⌊4/2⌋ + 1 = 3 of 4 households: on record
    expect(detail.json.villages[0].onlineAgreement).toMatchObject({ onRecord: true, households: 3, required: 3 });
    expect((await vote(t, serials[0]!.serial, { decision: 'approve' })).status).toBe(201);
    expect((await preview(id)).villages[0]).toMatchObject({ basis: 'online', participated: 1 });
  });
});

describe('scope is explicit', () => {
  it('a campaign of several villages without a scope is that many village decisions, never the commune’s', async () => {
    const vs = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 3 }, { code: 'B', name: 'Thôn Bình Yên', households: 3 }]);
    const { id } = await createCampaign(t, staff, { title: 'Đóng góp đèn đường', kind: 'decision', category: 'k1', villageIds: vs.map((v) => v.id), channels: ['paper'], template: 'household-decision' });
    await openCampaign(t, staff, id);
    const s = await preview(id);
    expect(s.campaign.scope).toBe('village');
    expect(s.commune).toMatchObject({ rule: 'every_village', villages: 2, requiredVillages: 2 });
  });

  it('commune scope covers every village of the commune, whatever is listed, and V counts them all', async () => {
    const vs = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 3 }, { code: 'B', name: 'Thôn Bình Yên', households: 3 }, { code: 'C', name: 'Thôn Cát Tường', households: 3 }]);
    const { id } = await createCampaign(t, staff, { title: 'Quỹ khuyến học xã', kind: 'decision', category: 'k2', scope: 'commune', villageIds: [vs[0]!.id], channels: ['paper'], template: 'household-decision' });
    await openCampaign(t, staff, id);
    const s = await preview(id);
    expect(s.villages.map((v: any) => v.code)).toEqual(['A', 'B', 'C']);
    // ⌈2·3/3⌉ = 2 villages needed
    expect(s.commune).toMatchObject({ rule: 'commune_threshold', villages: 3, requiredVillages: 2 });
  });

  it('refuses commune scope for k3–k6 and elections, naming scope (422)', async () => {
    const vs = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 3 }]);
    for (const body of [
      { title: 'Hương ước', kind: 'decision', category: 'k3', scope: 'commune', villageIds: [vs[0]!.id], channels: ['meeting'], template: 'household-decision' },
      { title: 'Giờ mở cửa', kind: 'decision', category: 'k6', scope: 'commune', villageIds: [vs[0]!.id], channels: ['paper'], template: 'household-decision' },
      { title: 'Bầu Ban TTND', kind: 'election', category: 'k5', scope: 'commune', villageIds: [vs[0]!.id], channels: ['meeting'], candidates: [{ id: 'c1', name: 'An', villageId: vs[0]!.id }] },
    ]) {
      const r = await api(t, 'POST', '/api/v1/campaigns', { cookie: staff, body });
      expect(r.status, body.title).toBe(422);
      expect(r.json.error.details.map((d: any) => d.path)).toContain('scope');
    }
  });
});

describe('each board keeps its own rules, and seats may differ per village', () => {
  it('a 3-seat Ban GSĐTCĐ election is not reported against the Ban TTND’s “at least 5 members”', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 12 }]);
    const { id } = await createCampaign(t, staff, {
      title: 'Bầu Ban Giám sát đầu tư của cộng đồng', kind: 'election', category: 'k5', board: 'investment_supervision', villageIds: [A!.id], channels: ['meeting'], seats: 3,
      candidates: ['An', 'Bình', 'Cường', 'Dung'].map((name, i) => ({ id: `c${i + 1}`, name, villageId: A!.id })),
    });
    await openCampaign(t, staff, id);
    await confirmedSheet(id, { villageId: A!.id, channel: 'meeting', present: 12, issued: 12, returned: 12, invalid: 0, counts: { candidates: { c1: 10, c2: 8, c3: 8, c4: 2 } } });
    const s = await closeAndPublish(id);
    expect(s.campaign.board).toBe('investment_supervision');
    expect(s.villages[0]).toMatchObject({ elected: ['c1', 'c2', 'c3'], seats: 3, passed: true });
    expect(s.commune.roster).toBeNull();
    expect(JSON.stringify(s)).not.toContain('Ban Thanh tra nhân dân mới có');
    expect(s.legalBasis.map((b: any) => b.article)).toContain('Đ41, Đ42 Luật 10/2022/QH15; Đ17 k1 NĐ 59/2023/NĐ-CP');
  });

  it('takes seats per village and judges each village by its own; a tie at the cut-off and unfilled seats are reported', async () => {
    const [A, B] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 10 }, { code: 'B', name: 'Thôn Bình Yên', households: 10 }]);
    const { id } = await createCampaign(t, staff, {
      title: 'Bầu Ban Thanh tra nhân dân', kind: 'election', category: 'k5', villageIds: [A!.id, B!.id], channels: ['meeting'], seats: { [A!.id]: 2, [B!.id]: 3 },
      candidates: [
        { id: 'a1', name: 'Nguyễn Văn An', villageId: A!.id }, { id: 'a2', name: 'Lê Văn Ánh', villageId: A!.id }, { id: 'a3', name: 'Vũ Thị Anh', villageId: A!.id },
        { id: 'b1', name: 'Trần Thị Bình', villageId: B!.id }, { id: 'b2', name: 'Phạm Văn Bảo', villageId: B!.id }, { id: 'b3', name: 'Đỗ Thị Bích', villageId: B!.id },
      ],
    });
    await openCampaign(t, staff, id);
    // > 10/2 of the households: 6 votes. A (2 seats): a1 elected, a2 and a3 tie at 6 for the second.
    // B (3 seats): only b1 reaches 6, so 2 seats stay unfilled.
    await confirmedSheet(id, { villageId: A!.id, channel: 'meeting', present: 10, issued: 10, returned: 10, invalid: 0, counts: { candidates: { a1: 7, a2: 6, a3: 6 } } });
    await confirmedSheet(id, { villageId: B!.id, channel: 'meeting', present: 10, issued: 10, returned: 10, invalid: 0, counts: { candidates: { b1: 9, b2: 5, b3: 4 } } });
    const s = await closeAndPublish(id);
    const [a, b] = s.villages;
    expect(a).toMatchObject({ seats: 2, elected: ['a1'], ties: ['a2', 'a3'], tiedSeats: 1, unfilledSeats: 0 });
    expect(b).toMatchObject({ seats: 3, elected: ['b1'], ties: [], unfilledSeats: 2 });
    const page = await (await t.app.request(`/r/${s.campaign.slug}`)).text();
    expect(page).toContain('Bằng phiếu, cuộc họp quyết định');
    expect(page).toContain('Còn 2 vị trí chưa có người trúng cử');
  });

  it('refuses a village-head election with other than one seat per village, naming seats (422)', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 10 }]);
    const r = await api(t, 'POST', '/api/v1/campaigns', { cookie: staff, body: {
      title: 'Bầu Trưởng thôn', kind: 'election', category: 'k4', villageIds: [A!.id], channels: ['meeting'], seats: 2,
      candidates: [{ id: 'c1', name: 'An', villageId: A!.id }, { id: 'c2', name: 'Bình', villageId: A!.id }],
    } });
    expect(r.status).toBe(422);
    expect(r.json.error.details.map((d: any) => d.path)).toEqual(['seats']);
  });
});

describe('the printed results notice', () => {
  async function twoQuestions(scope: 'village' | 'commune') {
    const vs = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 6 }, { code: 'B', name: 'Thôn Bình Yên', households: 6 }]);
    const { id } = await createCampaign(t, staff, {
      title: 'Làm đường và lắp đèn', kind: 'decision', category: 'k1', scope, villageIds: vs.map((v) => v.id), channels: ['paper'],
      survey: { elements: [radio('road', 'Làm đường bê tông'), radio('lights', 'Lắp đèn chiếu sáng')] },
    });
    await openCampaign(t, staff, id);
    // ⌈2·6/3⌉ = 4: A passes road (5) and not lights (3); B passes lights (6) and not road (1)
    await confirmedSheet(id, { villageId: vs[0]!.id, channel: 'paper', issued: 6, returned: 6, invalid: 0, counts: { road: { approve: 5, reject: 1, other: 0 }, lights: { approve: 3, reject: 3, other: 0 } } });
    await confirmedSheet(id, { villageId: vs[1]!.id, channel: 'paper', issued: 6, returned: 6, invalid: 0, counts: { road: { approve: 1, reject: 5, other: 0 }, lights: { approve: 6, reject: 0, other: 0 } } });
    await closeAndPublish(id);
    return { id, vs };
  }

  const notice = async (path: string) => {
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return pdf.save(new Uint8Array(await res.arrayBuffer()));
  };

  it('at village scope: one page per village, every question’s approvals beside its own verdict, announced by the village head (Đ23 k2)', async () => {
    const { id, vs } = await twoQuestions('village');
    const file = await notice(`/api/v1/campaigns/${id}/results-notice.pdf`);
    expect(pdf.pages(file)).toBe(2);
    const first = pdf.text(file, { page: 1 });
    expect(first).toContain('Thôn An Lạc');
    expect(first).not.toContain('Thôn Bình Yên');
    expect(first).toMatch(/Làm đường bê tông[\s\S]*?5[\s\S]*?Thông qua/);
    expect(first).toMatch(/Lắp đèn chiếu sáng[\s\S]*?3[\s\S]*?Không thông qua/);
    expect(first).toContain('TRƯỞNG THÔN');
    expect(first).not.toContain('CHỦ TỊCH');
    const one = await notice(`/api/v1/campaigns/${id}/results-notice.pdf?villageId=${vs[1]!.id}`);
    expect(pdf.pages(one)).toBe(1);
    const b = pdf.text(one);
    expect(b).toContain('Thôn Bình Yên');
    expect(b).not.toContain('Thôn An Lạc');
  });

  it('at commune scope: signed by the Chủ tịch UBND xã, each question with its villages and its own commune verdict', async () => {
    const { id } = await twoQuestions('commune');
    const file = await notice(`/api/v1/campaigns/${id}/results-notice.pdf`);
    const text = pdf.text(file);
    expect(text).toContain('CHỦ TỊCH');
    expect(text).not.toContain('TRƯỞNG THÔN');
    // each question passed in 1 of 2 villages; ⌈2·2/3⌉ = 2 needed: neither is adopted
    expect(text).toMatch(/Làm đường bê tông[\s\S]*?1\/2 thôn/);
    expect(text).toMatch(/Lắp đèn chiếu sáng[\s\S]*?1\/2 thôn/);
  });

  it('lists a tie and the seats left unfilled', async () => {
    const [A] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 10 }]);
    const { id } = await createCampaign(t, staff, {
      title: 'Bầu Ban Thanh tra nhân dân', kind: 'election', category: 'k5', villageIds: [A!.id], channels: ['meeting'], seats: 2,
      candidates: [{ id: 'c1', name: 'Nguyễn Văn An', villageId: A!.id }, { id: 'c2', name: 'Trần Thị Bình', villageId: A!.id }, { id: 'c3', name: 'Lê Văn Cường', villageId: A!.id }],
    });
    await openCampaign(t, staff, id);
    await confirmedSheet(id, { villageId: A!.id, channel: 'meeting', present: 10, issued: 10, returned: 10, invalid: 0, counts: { candidates: { c1: 7, c2: 6, c3: 6 } } });
    await closeAndPublish(id);
    const text = pdf.text(await notice(`/api/v1/campaigns/${id}/results-notice.pdf`));
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toMatch(/Bằng phiếu[\s\S]*?Trần Thị Bình[\s\S]*?Lê Văn Cường/);
  });
});
