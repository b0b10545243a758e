import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials } from '../support/campaigns';
import { parseSerial } from '../../server/domain/serial';

let t: TestEnv;
let staff: string;
let villages: SeededVillage[];

beforeEach(async () => {
  t = await makeTestApp();
  villages = await seedVillages(t, [
    { code: 'DS', name: 'Thôn Đông Sơn', households: 12 },
    { code: 'TH', name: 'Thôn Trung Hà', households: 7 },
  ]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
});
afterEach(() => t.close());

const decision = (over: Record<string, unknown> = {}) => ({
  title: 'Đóng góp làm đường bê tông thôn', kind: 'decision', category: 'k1',
  villageIds: villages.map((v) => v.id), channels: ['paper', 'meeting'], template: 'household-decision', ...over,
});

describe('creating campaigns', () => {
  it('creates a draft decision from the household-decision template', async () => {
    const r = await api(t, 'POST', '/api/v1/campaigns', { cookie: staff, body: decision() });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 'draft' });
    expect(r.json.slug).toMatch(/^dong-gop-lam-duong-be-tong-thon-[0-9a-z]{5}$/);
  });

  it('refuses the online channel for a k1 contribution decision, naming channels and the article', async () => {
    const r = await api(t, 'POST', '/api/v1/campaigns', { cookie: staff, body: decision({ channels: ['online', 'paper'] }) });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    const d = r.json.error.details.find((x: any) => x.path === 'channels');
    expect(d.message).toContain('Điều 17');
  });

  it('allows online for k6 and records that the online approval is missing or given', async () => {
    const r = await api(t, 'POST', '/api/v1/campaigns', {
      cookie: staff, body: decision({ category: 'k6', channels: ['online', 'paper'], onlineApproval: { note: 'Họp thôn 01/11 biểu quyết dùng Zalo' } }),
    });
    expect(r.status).toBe(201);
    const d = await api(t, 'GET', `/api/v1/campaigns/${r.json.id}`, { cookie: staff });
    expect(d.json.onlineApproval).toEqual({ note: 'Họp thôn 01/11 biểu quyết dùng Zalo' });
  });

  it('refuses an election held online and one without candidates', async () => {
    const r = await api(t, 'POST', '/api/v1/campaigns', {
      cookie: staff, body: { title: 'Bầu Ban Thanh tra nhân dân', kind: 'election', category: 'k5', villageIds: [villages[0]!.id], channels: ['online'], seats: 1 },
    });
    expect(r.status).toBe(422);
    const paths = r.json.error.details.map((d: any) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['channels', 'candidates']));
  });

  it('refuses a form with a question type the server cannot render, naming the question and type', async () => {
    const r = await api(t, 'POST', '/api/v1/campaigns', {
      cookie: staff,
      body: decision({ template: undefined, survey: { elements: [
        { type: 'radiogroup', name: 'decision', choices: ['approve', 'reject', 'other'] },
        { type: 'signaturepad', name: 'chu_ky' },
      ] } }),
    });
    expect(r.status).toBe(422);
    const d = r.json.error.details.find((x: any) => x.path === 'survey.chu_ky');
    expect(d.message).toContain('signaturepad');
  });

  it('refuses a decision form that has no approve/reject question', async () => {
    const r = await api(t, 'POST', '/api/v1/campaigns', {
      cookie: staff, body: decision({ template: undefined, survey: { elements: [{ type: 'comment', name: 'y_kien' }] } }),
    });
    expect(r.status).toBe(422);
    expect(r.json.error.details[0].path).toBe('survey');
  });

  it('names every bad field of a malformed body and creates nothing', async () => {
    const r = await api(t, 'POST', '/api/v1/campaigns', { cookie: staff, body: { title: 5, kind: 'vote', villageIds: 'DS', channels: [] } });
    expect(r.status).toBe(422);
    const paths = r.json.error.details.map((d: any) => d.path).sort();
    expect(paths).toEqual(['channels', 'kind', 'title', 'villageIds']);
    expect((await api(t, 'GET', '/api/v1/campaigns', { cookie: staff })).json).toEqual([]);
  });

  it('refuses a village of another commune', async () => {
    const [other] = await seedVillages(t, [{ code: 'XX', name: 'Thôn Khác', households: 2 }], t.otherCommuneId);
    const r = await api(t, 'POST', '/api/v1/campaigns', { cookie: staff, body: decision({ villageIds: [other!.id] }) });
    expect(r.status).toBe(422);
    expect(r.json.error.details[0].path).toBe('villageIds.0');
  });
});

describe('campaign lifecycle', () => {
  it('edits a draft, then refuses edits once open with 409 INVALID_STATE', async () => {
    const { id } = await createCampaign(t, staff, decision());
    expect((await api(t, 'PUT', `/api/v1/campaigns/${id}`, { cookie: staff, body: decision({ title: 'Tiêu đề mới' }) })).status).toBe(200);
    expect((await api(t, 'GET', `/api/v1/campaigns/${id}`, { cookie: staff })).json.title).toBe('Tiêu đề mới');
    await openCampaign(t, staff, id);
    const r = await api(t, 'PUT', `/api/v1/campaigns/${id}`, { cookie: staff, body: decision({ title: 'Sửa sau khi mở' }) });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('INVALID_STATE');
  });

  it('moves draft → open → closed and refuses transitions out of order', async () => {
    const { id } = await createCampaign(t, staff, decision());
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(409);
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/open`, { cookie: staff })).json).toEqual({ status: 'open' });
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/open`, { cookie: staff })).status).toBe(409);
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).json).toEqual({ status: 'closed' });
  });

  it('lets only one of two simultaneous opens happen, and logs only that one', async () => {
    const { id } = await createCampaign(t, staff, decision());
    const results = await Promise.all([1, 2, 3].map(() => api(t, 'POST', `/api/v1/campaigns/${id}/open`, { cookie: staff })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const opens = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'campaign.open').execute();
    expect(opens).toHaveLength(1);
  });

  it('freezes each village household count when it opens', async () => {
    const { id } = await createCampaign(t, staff, decision());
    await openCampaign(t, staff, id);
    await seedVillages(t, [{ code: 'NEW', name: 'Thôn Mới', households: 3 }]);
    await t.deps.db.updateTable('households').set({ village_id: villages[0]!.id }).where('code', 'like', 'NEW-%').execute();
    const d = await api(t, 'GET', `/api/v1/campaigns/${id}`, { cookie: staff });
    expect(d.json.villages.map((v: any) => [v.code, v.households])).toEqual([['DS', 12], ['TH', 7]]);
  });

  it('keeps a consultation open its 20 days (Đ28) and closes it after', async () => {
    const { id } = await createCampaign(t, staff, { title: 'Góp ý dự thảo kế hoạch 2027', kind: 'consultation', villageIds: [villages[0]!.id], channels: ['online', 'paper'] });
    await openCampaign(t, staff, id);
    t.clock.advance(19 * 86_400_000);
    staff = await login(t, 'canbo'); // a session lasts 12 hours
    const early = await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toContain('20 ngày');
    t.clock.advance(86_400_000);
    staff = await login(t, 'canbo');
    expect((await api(t, 'POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
  });
});

describe('ballot serials', () => {
  it('issues one valid serial per household, idempotently', async () => {
    const { id } = await createCampaign(t, staff, decision());
    const first = await api(t, 'POST', `/api/v1/campaigns/${id}/serials`, { cookie: staff });
    expect(first.json).toMatchObject({ issued: 19 });
    const again = await api(t, 'POST', `/api/v1/campaigns/${id}/serials`, { cookie: staff });
    expect(again.json).toMatchObject({ issued: 19, created: 0 });
    const list = await api(t, 'GET', `/api/v1/campaigns/${id}/serials?villageId=${villages[1]!.id}`, { cookie: staff });
    expect(list.json).toHaveLength(7);
    for (const s of list.json) expect(parseSerial(s.serial).ok).toBe(true);
    expect(new Set(list.json.map((s: any) => s.serial)).size).toBe(7);
  });

  it('never stores a serial in clear', async () => {
    const { id } = await createCampaign(t, staff, decision());
    const serials = await issueSerials(t, staff, id);
    const dump = JSON.stringify(await t.deps.db.selectFrom('serials').selectAll().execute());
    for (const s of serials) expect(dump).not.toContain(s.serial);
  });

  it('revokes the old serial when a ballot is reprinted', async () => {
    const { id } = await createCampaign(t, staff, decision({ category: 'k6', channels: ['online'] }));
    const [s] = await issueSerials(t, staff, id);
    const r = await api(t, 'POST', `/api/v1/campaigns/${id}/serials/${s!.householdCode}/reprint`, { cookie: staff });
    expect(r.status).toBe(200);
    expect(r.json.serial).not.toBe(s!.serial);
    await openCampaign(t, staff, id);
    expect((await api(t, 'POST', `/api/v1/ballots/${s!.serial}`, { body: { answers: { decision: 'approve' } } })).status).toBe(404);
    expect((await api(t, 'POST', `/api/v1/ballots/${r.json.serial}`, { body: { answers: { decision: 'approve' } } })).status).toBe(201);
  });
});
