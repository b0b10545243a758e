import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign } from '../support/campaigns';

// Issue 13: the commune's calendar setting moves every deadline; staff record
// what was done for each step (corrections keep the earlier record); the
// campaign page and the staff home show the timeline, overdue steps in red and
// in words; a consultation planned shorter than Đ28's 20 days is refused when
// it is created or edited. The test clock stands at Thursday 26/11/2026.

let t: TestEnv;
let staff: string;
let admin: string;
let head: string;
let DS: SeededVillage;
let TH: SeededVillage;

beforeEach(async () => {
  t = await makeTestApp();
  [DS, TH] = (await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 6 }, { code: 'TH', name: 'Thôn Trung Hà', households: 4 }])) as [SeededVillage, SeededVillage];
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'quantri', role: 'admin' });
  await addUser(t, { username: 'truongds', role: 'village_head', villageId: DS.id });
  staff = await login(t, 'canbo');
  admin = await login(t, 'quantri');
  head = await login(t, 'truongds');
});
afterEach(() => t.close());

const timeline = async (id: string, cookie = staff) => (await api(t, 'GET', `/api/v1/campaigns/${id}/timeline`, { cookie })).json;
const step = (tl: any, id: string) => tl.steps.find((s: any) => s.id === id);
const auditActions = async () => (await t.deps.db.selectFrom('audit_log').select(['action', 'data']).orderBy('seq').execute());

/** A k3 household-ballot decision whose ballots close on Friday 04/12/2026. */
async function ballotCampaign() {
  return (await createCampaign(t, staff, {
    title: 'Quy ước thôn về vệ sinh môi trường', kind: 'decision', category: 'k3', villageIds: [DS.id], channels: ['paper'],
    opensAt: '2026-11-30T00:00:00+07:00', closesAt: '2026-12-04T23:59:59+07:00',
  })).id;
}

/** A k1 decision at a meeting on Friday 27/11/2026: its notice was due on 25/11, so it is overdue today. */
async function meetingTomorrow() {
  return (await createCampaign(t, staff, {
    title: 'Đóng góp làm đường bê tông xóm 3', kind: 'decision', category: 'k1', villageIds: [DS.id, TH.id], channels: ['meeting'],
    opensAt: '2026-11-27T00:00:00+07:00', closesAt: '2026-11-27T23:59:59+07:00',
  })).id;
}

describe('the commune calendar setting', () => {
  it('moves a 5-working-day deadline: an announced day off pushes it out, a swapped working Saturday pulls it back', async () => {
    const id = await ballotCampaign();
    // closes Fri 04/12: five working days after are 07–11/12
    expect(step(await timeline(id), 'report_to_commune')).toMatchObject({ due: '2026-12-11', article: 'Đ20 k3 Luật 10/2022/QH15; Đ4 k7, Đ5 NĐ 59/2023/NĐ-CP' });

    const dayOff = await api(t, 'PUT', '/api/v1/calendar', {
      cookie: staff, body: { adjustments: [{ date: '2026-12-09', kind: 'day_off', reason: 'Hoán đổi: nghỉ thứ Tư 09/12/2026' }], enabledHolidays: [] },
    });
    expect(dayOff.status).toBe(200);
    expect(dayOff.json.version).toBe(1);
    expect(step(await timeline(id), 'report_to_commune').due).toBe('2026-12-14');

    const swapped = await api(t, 'PUT', '/api/v1/calendar', {
      cookie: admin,
      body: {
        adjustments: [
          { date: '2026-12-12', kind: 'working_day', reason: 'Làm bù thứ Bảy 12/12/2026' },
          { date: '2026-12-09', kind: 'day_off', reason: 'Hoán đổi: nghỉ thứ Tư 09/12/2026' },
        ],
      },
    });
    expect(swapped.status).toBe(200);
    expect(swapped.json.settings.adjustments.map((a: any) => a.date)).toEqual(['2026-12-09', '2026-12-12']);
    expect(step(await timeline(id), 'report_to_commune').due).toBe('2026-12-12');

    // the setting is read by everyone, with the year's days off as the deadlines count them
    const read = await api(t, 'GET', '/api/v1/calendar?year=2026', { cookie: head });
    expect(read.status).toBe(200);
    expect(read.json.daysOff.map((d: any) => d.date)).toContain('2026-12-09');
    expect(read.json.daysOff.map((d: any) => d.date)).toContain('2026-04-27'); // Hùng Kings' day on a Sunday, substituted

    const entries = (await auditActions()).filter((a) => a.action === 'calendar.settings');
    expect(entries).toHaveLength(2);
    // the audit entry keeps the setting it replaced
    expect(JSON.parse(entries[1]!.data).before.adjustments).toHaveLength(1);
  });

  it('refuses a bad entry naming its field, in Vietnamese and English, and changes nothing', async () => {
    const bad = await api(t, 'PUT', '/api/v1/calendar', {
      cookie: staff,
      body: { adjustments: [{ date: '2026-12-05', kind: 'day_off', reason: 'Thứ Bảy' }, { date: '2026-09-02', kind: 'working_day', reason: 'Quốc khánh' }, { date: '2026-02-30', kind: 'day_off', reason: 'x' }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe('VALIDATION_FAILED');
    const paths = bad.json.error.details.map((d: any) => d.path);
    expect(paths).toEqual(['adjustments[0].kind', 'adjustments[1].kind', 'adjustments[2].date']);
    expect(bad.json.error.details[0].message).toContain('ngày nghỉ hằng tuần');
    expect(bad.json.error.details[0].messageEn).toContain('weekly rest day');
    expect((await api(t, 'GET', '/api/v1/calendar', { cookie: staff })).json.version).toBe(0);
    expect((await auditActions()).some((a) => a.action === 'calendar.settings')).toBe(false);
  });

  it('is changed by commune staff only', async () => {
    expect((await api(t, 'PUT', '/api/v1/calendar', { cookie: head, body: { adjustments: [] } })).status).toBe(403);
  });

  it('has a staff page where one line is one day, and a line that cannot be read is named by its number', async () => {
    const page = await t.app.request('/staff/calendar', { headers: { cookie: staff } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Lịch làm việc của xã');
    expect(html).toContain('27/04/2026'); // the substitute day for Hùng Kings' day
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const post = (adjustments: string) => t.app.request('/staff/calendar', {
      method: 'POST', headers: { cookie: staff, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, adjustments }).toString(),
    });
    const refused = await post('02/01/2027; nghỉ; Hoán đổi\n09/01/2027; làm;');
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Dòng 2: Cần ghi lý do');
    const unreadable = await post('2/13/2027; nghỉ; Sai tháng');
    expect(await unreadable.text()).toContain('Dòng 1: ngày');
    const saved = await post('04/01/2027; nghỉ; Hoán đổi theo thông báo\n09/01/2027; làm; Làm bù');
    expect(saved.status).toBe(303);
    const stored = (await api(t, 'GET', '/api/v1/calendar', { cookie: staff })).json;
    expect(stored.settings.adjustments).toEqual([
      { date: '2027-01-04', kind: 'day_off', reason: 'Hoán đổi theo thông báo' },
      { date: '2027-01-09', kind: 'working_day', reason: 'Làm bù' },
    ]);
  });
});

describe('recording what happened', () => {
  it('marks a step done with its day; a correction keeps the earlier record, and both are audited', async () => {
    const id = await meetingTomorrow();
    const before = await timeline(id);
    expect(step(before, 'meeting_notice')).toMatchObject({ due: '2026-11-25', status: 'overdue', overdue: true, doneOn: null });
    expect(before.recordable.map((r: any) => r.fact)).toEqual(expect.arrayContaining(['notice_sent', 'documents_sent', 'report_sent', 'posted', 'loudspeaker']));

    const first = await api(t, 'POST', `/api/v1/campaigns/${id}/timeline`, { cookie: staff, body: { fact: 'notice_sent', doneOn: '2026-11-26', note: 'Giấy mời Mẫu 01' } });
    expect(first.status).toBe(201);
    expect(step(await timeline(id), 'meeting_notice')).toMatchObject({ doneOn: '2026-11-26', status: 'breached', overdue: false });

    const fix = await api(t, 'POST', `/api/v1/campaigns/${id}/timeline`, { cookie: staff, body: { fact: 'notice_sent', doneOn: '2026-11-24', note: 'Nhầm ngày: gửi từ 24/11' } });
    expect(fix.status).toBe(201);
    const after = await timeline(id);
    expect(step(after, 'meeting_notice')).toMatchObject({ doneOn: '2026-11-24', status: 'done' });
    expect(after.history.map((r: any) => r.doneOn)).toEqual(['2026-11-26', '2026-11-24']);
    expect(after.recordable.find((r: any) => r.fact === 'notice_sent').current.doneOn).toBe('2026-11-24');

    const steps = (await auditActions()).filter((a) => a.action === 'campaign.step').map((a) => JSON.parse(a.data));
    expect(steps).toHaveLength(2);
    expect(steps[1]).toMatchObject({ fact: 'notice_sent', doneOn: '2026-11-24', previous: { doneOn: '2026-11-26' } });

    // the schema itself refuses to rewrite or delete a record
    await expect(t.deps.db.deleteFrom('campaign_step_records').execute()).rejects.toThrow(/step_records_append_only/);
    await expect(t.deps.db.updateTable('campaign_step_records').set({ done_on: '2026-11-20' }).execute()).rejects.toThrow(/step_records_append_only/);
  });

  it('withdraws a recorded day only with a reason, and the timeline is overdue again', async () => {
    const id = await meetingTomorrow();
    await api(t, 'POST', `/api/v1/campaigns/${id}/timeline`, { cookie: staff, body: { fact: 'notice_sent', doneOn: '2026-11-24' } });
    const noReason = await api(t, 'POST', `/api/v1/campaigns/${id}/timeline`, { cookie: staff, body: { fact: 'notice_sent', doneOn: null } });
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.details[0].path).toBe('note');
    const withdrawn = await api(t, 'POST', `/api/v1/campaigns/${id}/timeline`, { cookie: staff, body: { fact: 'notice_sent', doneOn: null, note: 'Ghi nhầm đợt' } });
    expect(withdrawn.status).toBe(201);
    const tl = await timeline(id);
    expect(step(tl, 'meeting_notice')).toMatchObject({ status: 'overdue', doneOn: null });
    expect(tl.history).toHaveLength(2);
  });

  it('refuses, naming the field: a step the campaign does not have, a day after today, a loudspeaker run that ends before it starts; a village head reads but does not record', async () => {
    const id = await meetingTomorrow();
    const post = (body: Record<string, unknown>, cookie = staff) => api(t, 'POST', `/api/v1/campaigns/${id}/timeline`, { cookie, body });
    const notHere = await post({ fact: 'election_team', doneOn: '2026-11-20' });
    expect(notHere.status).toBe(422);
    expect(notHere.json.error.details[0]).toMatchObject({ path: 'fact' });
    const future = await post({ fact: 'notice_sent', doneOn: '2026-11-27' });
    expect(future.json.error.details[0].path).toBe('doneOn');
    const run = await post({ fact: 'loudspeaker', doneOn: '2026-11-25', untilOn: '2026-11-24' });
    expect(run.json.error.details[0].path).toBe('untilOn');
    const unknown = await post({ fact: 'coffee', doneOn: '2026-11-25' });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.details[0].path).toBe('fact');
    expect((await post({ fact: 'notice_sent', doneOn: '2026-11-25' }, head)).status).toBe(403);
    expect((await api(t, 'GET', `/api/v1/campaigns/${id}/timeline`, { cookie: head })).status).toBe(200);
    expect((await timeline(id)).history).toEqual([]);
  });

  it('derives what the app knows: the closing day, the meeting day on the tally sheets, the invitations delivered in every village', async () => {
    const id = await meetingTomorrow();
    // invitations delivered in both villages (outreach records): the notice counts as sent on the later one
    for (const [v, d] of [[DS, '2026-11-23'], [TH, '2026-11-24']] as const) {
      const r = await api(t, 'POST', `/api/v1/campaigns/${id}/outreach`, { cookie: staff, body: { villageId: v.id, kind: 'invitation', doneOn: d, households: 4 } });
      expect(r.status).toBe(201);
    }
    expect(step(await timeline(id), 'meeting_notice')).toMatchObject({ doneOn: '2026-11-24', status: 'done' });

    await openCampaign(t, staff, id);
    for (const v of [DS, TH]) {
      const sheet = await api(t, 'POST', `/api/v1/campaigns/${id}/tallies`, {
        cookie: staff,
        body: { villageId: v.id, channel: 'meeting', present: 4, counts: { decision: { approve: 3, reject: 1, other: 0 } }, board: ['A', 'B', 'C'], witnesses: ['D', 'E'], heldOn: v === DS ? '2026-11-26' : '2026-11-25' },
      });
      expect(sheet.status).toBe(201);
      await addUser(t, { username: `kiemtra${v.code.toLowerCase()}`, role: 'inspector' });
      const inspector = await login(t, `kiemtra${v.code.toLowerCase()}`);
      expect((await api(t, 'POST', `/api/v1/tallies/${sheet.json.id}/confirm`, { cookie: inspector })).status).toBe(200);
    }
    const tl = await timeline(id);
    // the last village's meeting is when the community decided: five working days from Thu 26/11 → Thu 03/12
    expect(step(tl, 'report_to_commune')).toMatchObject({ due: '2026-12-03', from: { basis: 'recorded', on: '2026-11-26' } });
  });
});

describe('the timeline on the pages', () => {
  it('shows each step, its article and due day (dd/mm/yyyy) on the campaign page, the overdue one in red and in words; staff get the form, a village head does not', async () => {
    const id = await meetingTomorrow();
    const staffPage = await (await t.app.request(`/staff/campaigns/${id}`, { headers: { cookie: staff } })).text();
    expect(staffPage).toContain('Lịch trình theo luật');
    expect(staffPage).toMatch(/<li class="timeline-step step-overdue" data-step="meeting_notice">[\s\S]*?Quá hạn[\s\S]*?25\/11\/2026/);
    expect(staffPage).toContain('Đ3 NĐ 59/2023/NĐ-CP (Mẫu 01)');
    expect(staffPage).toContain(`action="/staff/campaigns/${id}/timeline"`);
    const headPage = await (await t.app.request(`/staff/campaigns/${id}`, { headers: { cookie: head } })).text();
    expect(headPage).toMatch(/step-overdue[\s\S]*?Quá hạn/);
    expect(headPage).not.toContain(`action="/staff/campaigns/${id}/timeline"`);
  });

  it('records a step from the campaign page, and names the field when the day is missing', async () => {
    const id = await meetingTomorrow();
    const html = await (await t.app.request(`/staff/campaigns/${id}`, { headers: { cookie: staff } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const post = (fields: Record<string, string>) => t.app.request(`/staff/campaigns/${id}/timeline`, {
      method: 'POST', headers: { cookie: staff, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
    const refused = await post({ fact: 'notice_sent', doneOn: '' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Hãy nhập ngày thực hiện.');
    const ok = await post({ fact: 'notice_sent', doneOn: '2026-11-25', note: 'Mẫu 01' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/staff/campaigns/${id}?done=step#timeline`);
    expect(step(await timeline(id), 'meeting_notice')).toMatchObject({ status: 'done', doneOn: '2026-11-25' });
  });

  it('lists on the staff home what is overdue and due this week across campaigns, with links', async () => {
    const overdue = await meetingTomorrow();
    // a k3 meeting on Tue 01/12: its notice (29/11) and documents (29/11) fall this week, by Sunday
    const soon = (await createCampaign(t, staff, {
      title: 'Hương ước thôn Đông Sơn', kind: 'decision', category: 'k3', villageIds: [DS.id], channels: ['meeting'],
      opensAt: '2026-12-01T00:00:00+07:00', closesAt: '2026-12-01T23:59:59+07:00',
    })).id;
    const due = (await api(t, 'GET', '/api/v1/timeline/due', { cookie: staff })).json;
    expect(due).toMatchObject({ today: '2026-11-26', until: '2026-11-29' });
    expect(due.steps[0]).toMatchObject({ campaignId: overdue, step: { id: 'meeting_notice', overdue: true } });
    expect(due.steps.filter((s: any) => s.campaignId === soon).map((s: any) => [s.step.id, s.step.due])).toEqual([
      ['meeting_notice', '2026-11-29'], ['meeting_documents', '2026-11-29'],
    ]);
    const home = await (await t.app.request('/staff', { headers: { cookie: staff } })).text();
    expect(home).toContain('Việc đến hạn trong tuần');
    expect(home).toContain(`href="/staff/campaigns/${overdue}#timeline"`);
    expect(home).toContain(`href="/staff/campaigns/${soon}#timeline"`);
    expect(home).toMatch(/due-overdue[\s\S]*?Quá hạn/);
  });
});

describe('a consultation open at least 20 days (Đ28)', () => {
  const consultation = (opensAt: string, closesAt: string) => api(t, 'POST', '/api/v1/campaigns', {
    cookie: staff, body: { title: 'Lấy ý kiến quy hoạch chợ', kind: 'consultation', scope: 'commune', channels: ['online', 'meeting'], opensAt, closesAt },
  });

  it('is refused at creation when planned shorter, naming closesAt, and accepted at exactly 20 days', async () => {
    const short = await consultation('2026-12-01T00:00:00+07:00', '2026-12-20T23:59:59+07:00');
    expect(short.status).toBe(422);
    const d = short.json.error.details.find((x: any) => x.path === 'closesAt');
    expect(d.message).toContain('ít nhất 20 ngày');
    expect(d.message).toContain('21/12/2026');
    expect(d.messageEn).toContain('at least 20 days');
    expect((await consultation('2026-12-01T00:00:00+07:00', '2026-12-21T23:59:59+07:00')).status).toBe(201);
  });

  it('is refused when an edit shortens it, and on the staff form beside the closing date', async () => {
    const ok = await consultation('2026-12-01T00:00:00+07:00', '2026-12-31T23:59:59+07:00');
    const edit = await api(t, 'PUT', `/api/v1/campaigns/${ok.json.id}`, {
      cookie: staff, body: { title: 'Lấy ý kiến quy hoạch chợ', kind: 'consultation', scope: 'commune', channels: ['online', 'meeting'], opensAt: '2026-12-01T00:00:00+07:00', closesAt: '2026-12-10T23:59:59+07:00' },
    });
    expect(edit.status).toBe(422);
    expect(edit.json.error.details.map((x: any) => x.path)).toContain('closesAt');
    expect((await api(t, 'GET', `/api/v1/campaigns/${ok.json.id}`, { cookie: staff })).json.closesAt).toBe('2026-12-31T23:59:59+07:00');

    const form = await (await t.app.request('/staff/campaigns/new', { headers: { cookie: staff } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1]!;
    const body = new URLSearchParams({ _csrf: csrf, kind: 'consultation', category: '', title: 'Lấy ý kiến', description: '', template: '', communeScope: '1', opensAt: '2026-12-01', closesAt: '2026-12-05' });
    body.append('villageIds', DS.id);
    body.append('channels', 'online');
    const page = await t.app.request('/staff/campaigns/new', { method: 'POST', headers: { cookie: staff, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    expect(page.status).toBe(422);
    expect(await page.text()).toMatch(/id="f-closesAt-error"[\s\S]*?ít nhất 20 ngày/);
  });
});

describe('the demo commune', () => {
  it('shows a timeline on each campaign with steps done, and the board election’s report to the commune overdue, on the app’s clock', async () => {
    await t.close();
    t = await makeTestApp({ DANBAN_DEMO: '1' });
    // a staff account of the demo commune (the seeded ones' passwords are printed once)
    await addUser(t, { username: 'canbo.timeline', role: 'staff' });
    const demoCommune = await t.deps.db.selectFrom('communes').select('id').where('slug', '=', 'xa-viet-khe-demo').executeTakeFirstOrThrow();
    await t.deps.db.updateTable('users').set({ commune_id: demoCommune.id }).where('username', '=', 'canbo.timeline').execute();
    const cookie = await login(t, 'canbo.timeline');
    const campaigns = await t.deps.db.selectFrom('campaigns').select(['id', 'title', 'kind']).where('commune_id', '=', demoCommune.id).execute();
    expect(campaigns.length).toBeGreaterThanOrEqual(6);
    const timelines = new Map<string, any>();
    for (const c of campaigns) {
      const r = await api(t, 'GET', `/api/v1/campaigns/${c.id}/timeline`, { cookie });
      expect(r.status).toBe(200);
      timelines.set(c.title, r.json);
      // every campaign the law sets deadlines for shows them; satisfaction surveys have none
      if (c.kind !== 'satisfaction') expect(r.json.steps.length, c.title).toBeGreaterThan(0);
    }
    const board = timelines.get('Bầu thành viên Ban Thanh tra nhân dân xã nhiệm kỳ 2026–2031');
    expect(step(board, 'report_to_commune')).toMatchObject({ status: 'overdue', overdue: true, from: { basis: 'recorded', on: '2026-11-05' } });
    expect(step(board, 'meeting_notice')).toMatchObject({ status: 'done', doneOn: '2026-11-01' });
    const road = timelines.get('Đóng góp làm đường bê tông liên thôn năm 2026');
    expect(step(road, 'ballot_plan_sent')).toMatchObject({ status: 'done' });
    expect(step(road, 'report_to_commune')).toMatchObject({ status: 'done', doneOn: '2026-11-26' });
    expect(step(road, 'posting')).toMatchObject({ status: 'pending', due: '2026-12-25' });
    const page = await (await t.app.request(`/staff/campaigns/${campaigns.find((c) => c.title.startsWith('Bầu thành viên'))!.id}`, { headers: { cookie } })).text();
    expect(page).toMatch(/step-overdue[\s\S]*?Quá hạn/);
  });
});
