import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign } from '../support/campaigns';
import { expectRouteSecured } from '../support/security';

// Every household reached (issue 18): per campaign and village, the notice
// posted with its photo, the loudspeaker days, the Zalo message and the
// Mẫu 01 invitations, against the deadlines of the campaign's timeline.

let t: TestEnv;
let staff: string;
let headDS: string;
let headTH: string;
let DS: SeededVillage;
let TH: SeededVillage;

const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64'));

beforeEach(async () => {
  t = await makeTestApp();
  [DS, TH] = (await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 8 }, { code: 'TH', name: 'Thôn Trung Hà', households: 4 }])) as [SeededVillage, SeededVillage];
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'truongds', role: 'village_head', villageId: DS.id });
  await addUser(t, { username: 'truongth', role: 'village_head', villageId: TH.id });
  staff = await login(t, 'canbo');
  headDS = await login(t, 'truongds');
  headTH = await login(t, 'truongth');
});
afterEach(() => t.close());

/** A k1 decision at a village meeting on Thursday 10/12/2026, with household ballots too. */
async function meetingCampaign() {
  return (await createCampaign(t, staff, {
    title: 'Đóng góp làm đường bê tông xóm 3', description: 'Mỗi hộ đóng góp 500.000 đồng.\n\nHộ nghèo được miễn.',
    kind: 'decision', category: 'k1', villageIds: [DS.id, TH.id], channels: ['meeting', 'paper'], opensAt: '2026-12-10T00:00:00+07:00', closesAt: '2026-12-20T23:59:59+07:00',
  })).id;
}

const record = (cookie: string, id: string, body: Record<string, unknown>) => api(t, 'POST', `/api/v1/campaigns/${id}/outreach`, { cookie, body });
const village = (o: any, code: string) => o.villages.find((v: any) => v.code === code);
const kind = (v: any, k: string) => v.outreach.find((x: any) => x.kind === k);

describe('outreach per village', () => {
  it('gives each kind its last day: invitations and the notice two days before the meeting (NĐ 59 Đ3), the loudspeaker and Zalo by the plan', async () => {
    const id = await meetingCampaign();
    const o = (await api(t, 'GET', `/api/v1/campaigns/${id}/outreach`, { cookie: staff })).json;
    expect(o.kinds).toEqual(['notice', 'loudspeaker', 'zalo', 'invitation']);
    const ds = village(o, 'DS');
    expect(kind(ds, 'invitation')).toMatchObject({ status: 'pending', due: '2026-12-08', basis: 'law', article: 'Đ3 NĐ 59/2023/NĐ-CP (Mẫu 01)' });
    expect(kind(ds, 'notice')).toMatchObject({ due: '2026-12-08', basis: 'law' });
    expect(kind(ds, 'loudspeaker')).toMatchObject({ due: '2026-12-09', basis: 'plan', article: 'Đ13 k3 Luật 10/2022/QH15' });
    expect(kind(ds, 'zalo')).toMatchObject({ due: '2026-12-10', basis: 'plan' });
    expect(ds.reached).toBe(false);
  });

  it('counts the loudspeaker once it ran three consecutive days, and a village as reached when every kind is done', async () => {
    const id = await meetingCampaign();
    expect((await record(headDS, id, { villageId: DS.id, kind: 'loudspeaker', doneOn: '2026-11-20' })).status).toBe(201);
    expect((await record(headDS, id, { villageId: DS.id, kind: 'loudspeaker', doneOn: '2026-11-22' })).status).toBe(201);
    let ds = village((await api(t, 'GET', `/api/v1/campaigns/${id}/outreach`, { cookie: staff })).json, 'DS');
    expect(kind(ds, 'loudspeaker')).toMatchObject({ status: 'pending', doneOn: null, dates: ['2026-11-20', '2026-11-22'] });
    await record(headDS, id, { villageId: DS.id, kind: 'loudspeaker', doneOn: '2026-11-21' });
    await record(headDS, id, { villageId: DS.id, kind: 'zalo', doneOn: '2026-11-24' });
    await record(headDS, id, { villageId: DS.id, kind: 'invitation', doneOn: '2026-11-25', households: 8 });
    const form = new FormData();
    for (const [k, v] of Object.entries({ villageId: DS.id, kind: 'notice', doneOn: '2026-11-23' })) form.set(k, v);
    form.set('photo', new File([PNG], 'thong-bao.png', { type: 'image/png' }));
    const notice = await api(t, 'POST', `/api/v1/campaigns/${id}/outreach`, { cookie: headDS, body: form });
    expect(notice.status, notice.text).toBe(201);
    expect(notice.json.photo).toMatch(/^\/staff\/outreach-photos\//);
    ds = village((await api(t, 'GET', `/api/v1/campaigns/${id}/outreach`, { cookie: staff })).json, 'DS');
    expect(kind(ds, 'loudspeaker')).toMatchObject({ status: 'done', doneOn: '2026-11-22' });
    expect(kind(ds, 'invitation')).toMatchObject({ status: 'done', households: 8 });
    expect(ds.reached).toBe(true);
    const photo = await t.app.request(notice.json.photo, { headers: { cookie: headDS } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect((await t.app.request(notice.json.photo, { headers: { cookie: headTH } })).status).toBe(403);
  });

  it('marks what was done after its last day as late, and what is still missing as overdue', async () => {
    const id = await meetingCampaign();
    t.clock.set('2026-12-09T02:00:00.000Z');
    const cookie = await login(t, 'truongds');
    await record(cookie, id, { villageId: DS.id, kind: 'invitation', doneOn: '2026-12-09', households: 7 });
    const ds = village((await api(t, 'GET', `/api/v1/campaigns/${id}/outreach`, { cookie: await login(t, 'canbo') })).json, 'DS');
    expect(kind(ds, 'invitation')).toMatchObject({ status: 'late', doneOn: '2026-12-09' });
    expect(kind(ds, 'notice')).toMatchObject({ status: 'overdue' });
  });

  it('refuses another village’s record, a day after today, the same record twice, too many households, and invitations without a meeting', async () => {
    const id = await meetingCampaign();
    expect((await record(headTH, id, { villageId: DS.id, kind: 'zalo', doneOn: '2026-11-25' })).status).toBe(403);
    const future = await record(headDS, id, { villageId: DS.id, kind: 'zalo', doneOn: '2026-11-27' });
    expect(future.status).toBe(422);
    expect(future.json.error.details[0].path).toBe('doneOn');
    expect((await record(headDS, id, { villageId: DS.id, kind: 'zalo', doneOn: '2026-11-25' })).status).toBe(201);
    expect((await record(headDS, id, { villageId: DS.id, kind: 'zalo', doneOn: '2026-11-25' })).status).toBe(409);
    const many = await record(headDS, id, { villageId: DS.id, kind: 'invitation', doneOn: '2026-11-25', households: 9 });
    expect(many.status).toBe(422);
    expect(many.json.error.details[0].path).toBe('households');
    const online = (await createCampaign(t, staff, { title: 'Khảo sát', kind: 'satisfaction', villageIds: [DS.id], channels: ['online'], template: 'one-stop-rating' })).id;
    const invite = await record(staff, online, { villageId: DS.id, kind: 'invitation', doneOn: '2026-11-25', households: 1 });
    expect(invite.status).toBe(422);
    expect(invite.json.error.details[0].path).toBe('kind');
  });

  it('writes the loudspeaker announcement and the Zalo message from the campaign, with its dates and link', async () => {
    const id = await meetingCampaign();
    const ds = village((await api(t, 'GET', `/api/v1/campaigns/${id}/outreach`, { cookie: staff })).json, 'DS');
    expect(ds.texts.loudspeaker).toContain('Kính thưa bà con Nhân dân Thôn Đông Sơn!');
    expect(ds.texts.loudspeaker).toContain('Đóng góp làm đường bê tông xóm 3');
    expect(ds.texts.loudspeaker).toContain('Mỗi hộ đóng góp 500.000 đồng.');
    expect(ds.texts.loudspeaker).not.toContain('Hộ nghèo được miễn'); // the first paragraph only
    expect(ds.texts.loudspeaker).toContain('từ ngày 10/12/2026 đến hết ngày 20/12/2026');
    expect(ds.texts.zalo.split('\n').at(-1)).toBe('http://localhost/x/xa-viet-khe');
    expect(ds.texts.zalo).toContain('[Thôn Đông Sơn]');
  });

  it('shows per village on the campaign page what is done and when, and a village head only their village', async () => {
    const id = await meetingCampaign();
    await record(headDS, id, { villageId: DS.id, kind: 'zalo', doneOn: '2026-11-24' });
    const html = await (await t.app.request(`/staff/campaigns/${id}`, { headers: { cookie: staff } })).text();
    expect(html).toContain('Thông tin đến từng hộ');
    expect(html).toContain('24/11/2026');
    const own = (await api(t, 'GET', `/api/v1/campaigns/${id}/outreach`, { cookie: headTH })).json;
    expect(own.villages.map((v: any) => v.code)).toEqual(['TH']);
    const page = await (await t.app.request(`/staff/campaigns/${id}/outreach`, { headers: { cookie: headDS } })).text();
    expect(page).toContain('id="zalo-DS"');
    expect(page).not.toContain('id="zalo-TH"');
  });

  it('secures the routes', async () => {
    const id = await meetingCampaign();
    await expectRouteSecured(t, {
      method: 'POST', path: `/api/v1/campaigns/${id}/outreach`, body: { villageId: DS.id, kind: 'loudspeaker', doneOn: '2026-11-24' },
      allow: ['admin', 'staff', 'village_head'], villageScoped: true, villageId: DS.id,
    });
    await expectRouteSecured(t, { method: 'GET', path: `/api/v1/campaigns/${id}/outreach`, allow: ['admin', 'staff', 'inspector', 'village_head'], villageId: DS.id, leaks: ['Đóng góp làm đường bê tông xóm 3'] });
  });
});
