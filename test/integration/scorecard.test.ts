import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, issueSerials, openCampaign } from '../support/campaigns';
import { submitAnonymous } from '../../server/services/submit-anonymous';

// The plan's scorecard, per village and quarter, from the data: households
// informed of and taking part in each decision, feedback answered and
// answered on time, dialogue questions answered, and SIPAS / one-stop
// satisfaction computed from the stored answers.

let t: TestEnv;
let staff: string;
let DS: SeededVillage;
let TH: SeededVillage;
let decisionId = '';

beforeAll(async () => {
  t = await makeTestApp();
  [DS, TH] = (await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 6 }, { code: 'TH', name: 'Thôn Trung Hà', households: 4 }])) as [SeededVillage, SeededVillage];
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  await addUser(t, { username: 'truongds', role: 'village_head', villageId: DS.id });
  staff = await login(t, 'canbo');
  const inspector = await login(t, 'thanhtra');
  const head = await login(t, 'truongds');

  // A k1 decision opened on 26/11/2026: DS decides at its meeting (5 present), TH hands in 2 paper ballots.
  decisionId = (await createCampaign(t, staff, { title: 'Làm đường bê tông', kind: 'decision', category: 'k1', villageIds: [DS.id, TH.id], channels: ['meeting', 'paper'] })).id;
  const serials = await issueSerials(t, staff, decisionId);
  await openCampaign(t, staff, decisionId);
  const sheet = await api(t, 'POST', `/api/v1/campaigns/${decisionId}/tallies`, {
    cookie: head, body: { villageId: DS.id, channel: 'meeting', present: 5, counts: { decision: { approve: 4, reject: 1, other: 0 } }, board: ['A', 'B', 'C'], witnesses: ['D', 'E'] },
  });
  expect((await api(t, 'POST', `/api/v1/tallies/${sheet.json.id}/confirm`, { cookie: inspector })).status).toBe(200);
  for (const s of serials.filter((x) => x.villageId === TH.id).slice(0, 2)) {
    expect((await api(t, 'POST', `/api/v1/campaigns/${decisionId}/paper-ballots/${s.serial}`, { cookie: staff })).status).toBe(201);
  }
  await api(t, 'POST', `/api/v1/campaigns/${decisionId}/outreach`, { cookie: staff, body: { villageId: DS.id, kind: 'invitation', doneOn: '2026-11-24', households: 6 } });
  await api(t, 'POST', `/api/v1/campaigns/${decisionId}/outreach`, { cookie: staff, body: { villageId: TH.id, kind: 'invitation', doneOn: '2026-11-24', households: 3 } });

  // Feedback of the quarter (and one of the quarter before).
  const send = (body: Record<string, unknown>) => api(t, 'POST', '/api/v1/feedback/paper', { cookie: staff, body: { channel: 'paper', ...body } });
  const onTime = await send({ kind: 'kien_nghi', villageId: DS.id, text: 'Kiến nghị đúng hạn', receivedOn: '2026-11-20' });
  const idea = await send({ kind: 'gop_y', villageId: DS.id, text: 'Góp ý' });
  await send({ kind: 'kien_nghi', villageId: TH.id, text: 'Kiến nghị quá hạn', receivedOn: '2026-11-01' });
  await send({ kind: 'phan_anh', text: 'Phản ánh không ghi thôn' });
  await send({ kind: 'kien_nghi', villageId: DS.id, text: 'Kiến nghị quý III', receivedOn: '2026-09-30' });
  for (const item of [onTime, idea]) await api(t, 'POST', `/api/v1/feedback/${item.json.id}/answer`, { cookie: staff, body: { answer: 'Đã trả lời' } });

  // A conference held on 20/11/2026: two questions of DS (one answered), one of TH.
  const d = (await api(t, 'POST', '/api/v1/dialogues', { cookie: staff, body: { title: 'Hội nghị đối thoại', heldAt: '2026-11-20T08:00:00+07:00', place: 'Hội trường', chair: 'Chủ tịch' } })).json.id;
  const q1 = (await api(t, 'POST', `/api/v1/dialogues/${d}/questions`, { cookie: staff, body: { source: 'paper', villageId: DS.id, text: 'Câu 1' } })).json.id;
  await api(t, 'POST', `/api/v1/dialogues/${d}/questions`, { cookie: staff, body: { source: 'paper', villageId: DS.id, text: 'Câu 2' } });
  await api(t, 'POST', `/api/v1/dialogues/${d}/questions`, { cookie: staff, body: { source: 'village_meeting', villageId: TH.id, text: 'Câu 3' } });
  await api(t, 'POST', `/api/v1/dialogues/${d}/questions/${q1}`, { cookie: staff, body: { answer: 'Trả lời câu 1' } });
  await api(t, 'POST', `/api/v1/dialogues/${d}/minutes`, { cookie: staff, body: { minutes: 'Biên bản' } });

  // Satisfaction: three one-stop ratings (two satisfied), two SIPAS answers on two criteria of element A.
  const oneStop = await createCampaign(t, staff, { title: 'Đánh giá Một cửa', kind: 'satisfaction', villageIds: [DS.id], channels: ['online'], template: 'one-stop-rating' });
  const sipas = await createCampaign(t, staff, { title: 'SIPAS 2026', kind: 'satisfaction', villageIds: [DS.id], channels: ['online'], template: 'sipas' });
  await openCampaign(t, staff, oneStop.id);
  await openCampaign(t, staff, sipas.id);
  const answers = [{ rating: 'very_satisfied' }, { rating: 'satisfied' }, { rating: 'not_satisfied', reasons: ['officer_attitude'] }];
  for (const [i, a] of answers.entries()) await submitAnonymous(t.deps, { slug: oneStop.slug, answers: a, kiosk: true, client: `k${i}` });
  for (const [i, a] of [{ a1: 5, a2: 4 }, { a1: 2, a2: 3 }].entries()) await submitAnonymous(t.deps, { slug: sipas.slug, answers: a, kiosk: true, client: `s${i}` });
}, 60_000);
afterAll(() => t?.close());

describe('the plan’s scorecard', () => {
  it('counts households informed and taking part in each decision, per village, never more than the households', async () => {
    const s = (await api(t, 'GET', '/api/v1/scorecard', { cookie: staff })).json;
    expect(s.quarter).toEqual({ year: 2026, quarter: 4 });
    expect([s.from, s.to]).toEqual(['2026-10-01', '2026-12-31']);
    const ds = s.villages.find((v: any) => v.code === 'DS');
    const th = s.villages.find((v: any) => v.code === 'TH');
    expect(ds.decisions).toEqual([expect.objectContaining({ campaignId: decisionId, households: 6, informed: 6, informedShare: 1, meeting: 5, paper: 0, online: 0, tookPart: 5 })]);
    expect(th.decisions).toEqual([expect.objectContaining({ households: 4, informed: 3, informedShare: 0.75, meeting: 0, paper: 2, tookPart: 2, tookPartShare: 0.5 })]);
    expect(s.commune.decisions).toEqual([expect.objectContaining({ households: 10, informed: 9, tookPart: 7, tookPartShare: 0.7 })]);
  });

  it('counts feedback received in the quarter, answered, and kiến nghị answered on time or overdue', async () => {
    const s = (await api(t, 'GET', '/api/v1/scorecard?year=2026&quarter=4', { cookie: staff })).json;
    expect(s.villages.find((v: any) => v.code === 'DS').feedback).toEqual({ received: 2, answered: 2, answeredShare: 1, withDeadline: 1, answeredOnTime: 1, onTimeShare: 1, overdue: 0 });
    expect(s.villages.find((v: any) => v.code === 'TH').feedback).toMatchObject({ received: 1, answered: 0, withDeadline: 1, answeredOnTime: 0, overdue: 1 });
    expect(s.commune.feedback).toMatchObject({ received: 4, answered: 2, withDeadline: 2, answeredOnTime: 1, onTimeShare: 0.5, overdue: 1 });
    const q3 = (await api(t, 'GET', '/api/v1/scorecard?year=2026&quarter=3', { cookie: staff })).json;
    expect(q3.commune.feedback).toMatchObject({ received: 1, answered: 0, overdue: 1 });
    expect(q3.commune.decisions).toEqual([]);
  });

  it('counts dialogue questions answered per village, and the conferences held this year against the yearly minimum (Đ32)', async () => {
    const s = (await api(t, 'GET', '/api/v1/scorecard', { cookie: staff })).json;
    expect(s.villages.find((v: any) => v.code === 'DS').dialogue).toEqual({ asked: 2, answered: 1, answeredShare: 0.5 });
    expect(s.villages.find((v: any) => v.code === 'TH').dialogue).toMatchObject({ asked: 1, answered: 0 });
    expect([s.dialoguesHeldThisYear, s.dialoguesRequiredPerYear]).toEqual([1, 1]);
  });

  it('computes SIPAS and one-stop satisfaction from the stored answers', async () => {
    const s = (await api(t, 'GET', '/api/v1/scorecard', { cookie: staff })).json;
    const oneStop = s.satisfaction.find((x: any) => x.title === 'Đánh giá Một cửa');
    expect(oneStop).toMatchObject({ respondents: 3, oneStopRatings: 3, sipasIndex: null });
    expect(oneStop.oneStopSatisfied).toBeCloseTo(2 / 3, 10);
    // element A: 5, 4, 2, 3 → two of four at levels 4–5; the index is the mean of the elements answered
    expect(s.satisfaction.find((x: any) => x.title === 'SIPAS 2026')).toMatchObject({ respondents: 2, sipasIndex: 0.5, sipasSatisfied: 0.5, sipasMean: 3.5, oneStopRatings: null });
  });

  it('shows the scorecard page and prints the report, for the office and the Ban TTND only', async () => {
    const page = await t.app.request('/staff/scorecard?year=2026&quarter=4', { headers: { cookie: staff } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Quý IV/2026');
    expect(html).toContain('6 (100,0%)');
    expect(html).toContain('href="/api/v1/scorecard.pdf?year=2026&amp;quarter=4"');
    const pdf = await t.app.request('/api/v1/scorecard.pdf?year=2026&quarter=4', { headers: { cookie: staff } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('bao-cao-quy-4-2026.pdf');
    expect((await api(t, 'GET', '/api/v1/scorecard', { cookie: await login(t, 'truongds') })).status).toBe(403);
    expect((await api(t, 'GET', '/api/v1/scorecard?year=2026&quarter=5', { cookie: staff })).status).toBe(422);
  });
});
