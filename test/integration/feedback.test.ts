import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { expectRouteSecured } from '../support/security';
import { runFeedbackRetention } from '../../server/services/feedback-retention';

// Feedback with a tracking code (issue 18): the contract of docs/api.md
// (POST /api/v1/feedback, GET /g/:code, GET /api/v1/feedback), who sees a
// sender's contact, the kiến nghị deadline on the working calendar, answers
// and their publication, and the retention of personal data.

let t: TestEnv;
let staff: string;
let staff2: string;
let admin: string;
let inspector: string;
let headDS: string;
let DS: SeededVillage;
let TH: SeededVillage;
let staff2Id: string;

const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64'));

beforeEach(async () => {
  t = await makeTestApp();
  [DS, TH] = (await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 5 }, { code: 'TH', name: 'Thôn Trung Hà', households: 3 }])) as [SeededVillage, SeededVillage];
  await addUser(t, { username: 'quantri', role: 'admin' });
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff2Id = await addUser(t, { username: 'canbo2', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  await addUser(t, { username: 'truongds', role: 'village_head', villageId: DS.id });
  admin = await login(t, 'quantri');
  staff = await login(t, 'canbo');
  staff2 = await login(t, 'canbo2');
  inspector = await login(t, 'thanhtra');
  headDS = await login(t, 'truongds');
});
afterEach(() => t.close());

/** Moves the clock and signs everyone in again (sessions last 12 hours). */
async function later(iso: string) {
  t.clock.set(iso);
  [admin, staff, staff2, inspector, headDS] = (await Promise.all(['quantri', 'canbo', 'canbo2', 'thanhtra', 'truongds'].map((u) => login(t, u)))) as [string, string, string, string, string];
}

const SENDER = { name: 'Lê Thị Riêng Tư', phone: '0912 345 678' };

async function send(body: Record<string, unknown>) {
  const r = await api(t, 'POST', '/api/v1/feedback', { body });
  expect(r.status, r.text).toBe(201);
  return r.json as { code: string; trackingUrl: string };
}

async function itemByText(cookie: string, text: string) {
  const list = await api(t, 'GET', '/api/v1/feedback', { cookie });
  expect(list.status, list.text).toBe(200);
  return (list.json as any[]).find((i) => i.text === text);
}

describe('POST /api/v1/feedback (the contract)', () => {
  it('takes the contract body from anyone and answers 201 with an 11-character tracking code', async () => {
    const r = await send({ villageId: DS.id, topic: 'Giao thông, thủy lợi', text: 'Đường xóm 3 có ổ gà lớn trước nhà văn hóa.', ...SENDER });
    expect(r.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{11}$/);
    expect(r.trackingUrl).toContain(`/g/${r.code}`);
  });

  it('shows status and answer at /g/:code, never the sender’s name, phone or words', async () => {
    const text = 'Cống thoát nước thôn Đông Sơn bị tắc sau mưa.';
    const { code } = await send({ villageId: DS.id, text, ...SENDER });
    const page = await t.app.request(`/g/${code}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Đã tiếp nhận');
    for (const secret of [SENDER.name, '0912', '345 678', '912345678', text, 'Thôn Đông Sơn']) expect(html).not.toContain(secret);
  });

  it('finds the item whatever the code’s case and separators, and says 404 for a code nobody was given', async () => {
    const { code } = await send({ villageId: TH.id, text: 'Xin lắp thêm đèn đường.' });
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)}`;
    expect((await t.app.request(`/g/${encodeURIComponent(typed)}`)).status).toBe(200);
    expect((await t.app.request('/g/ABCDEFGHJK0')).status).toBe(404);
  });

  it('recognises a retried submission by its Idempotency-Key: the same code, one item', async () => {
    const body = { villageId: DS.id, text: 'Gửi hai lần do mạng chậm' };
    const first = await api(t, 'POST', '/api/v1/feedback', { body, headers: { 'idempotency-key': 'k-123' } });
    const again = await api(t, 'POST', '/api/v1/feedback', { body, headers: { 'idempotency-key': 'k-123' } });
    expect(again.status).toBe(201);
    expect(again.json.code).toBe(first.json.code);
    const other = await api(t, 'POST', '/api/v1/feedback', { body, headers: { 'idempotency-key': 'k-456' } });
    expect(other.json.code).not.toBe(first.json.code);
    expect((await t.deps.db.selectFrom('feedback_items').select('id').execute()).length).toBe(2);
  });

  it('names each bad field and stores nothing: no text, a phone that is not one, contact without consent, another commune’s village', async () => {
    const otherVillage = (await seedVillages(t, [{ code: 'OV', name: 'Thôn Ngoài', households: 1 }], t.otherCommuneId))[0]!;
    const cases: [Record<string, unknown>, string][] = [
      [{ commune: 'xa-viet-khe', text: '   ' }, 'text'],
      [{ commune: 'xa-viet-khe', text: 'Nội dung', phone: '12345' }, 'phone'],
      [{ commune: 'xa-viet-khe', text: 'Nội dung', name: 'Ai đó', consent: false }, 'consent'],
      [{ text: 'Nội dung', villageId: otherVillage.id, commune: 'xa-viet-khe' }, 'villageId'],
    ];
    for (const [body, field] of cases) {
      const r = await api(t, 'POST', '/api/v1/feedback', { body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.json.error.details.map((d: any) => d.path)).toContain(field);
    }
    expect(await t.deps.db.selectFrom('feedback_items').select('id').execute()).toEqual([]);
  });

  it('asks for the village or the commune when the server serves several and neither is named', async () => {
    // makeTestApp has two communes
    const r = await api(t, 'POST', '/api/v1/feedback', { body: { text: 'Góp ý chung' } });
    expect(r.status).toBe(422);
    expect(r.json.error.details[0].path).toBe('villageId');
  });
});

describe('who sees the sender’s contact', () => {
  it('shows the contact to the office while nobody in particular handles it, never to the Ban TTND, and lists a village head only what they entered', async () => {
    await send({ villageId: DS.id, text: 'Ý kiến trực tuyến', ...SENDER });
    const byStaff = await itemByText(staff, 'Ý kiến trực tuyến');
    expect(byStaff.contact).toMatchObject({ name: SENDER.name, phone: '0912345678' });
    const byInspector = await itemByText(inspector, 'Ý kiến trực tuyến');
    expect(byInspector.contact).toBeNull();
    expect(byInspector.hasContact).toBe(true);
    expect(JSON.stringify(byInspector)).not.toContain('0912345678');
    // a village head lists only the letters they entered
    expect(await itemByText(headDS, 'Ý kiến trực tuyến')).toBeUndefined();
    const paper = await api(t, 'POST', '/api/v1/feedback/paper', { cookie: headDS, body: { channel: 'paper', text: 'Thư bỏ hòm thư thôn', name: 'Bác Tư', consent: true } });
    expect(paper.status, paper.text).toBe(201);
    const mine = await itemByText(headDS, 'Thư bỏ hòm thư thôn');
    expect(mine).toMatchObject({ villageId: DS.id, channel: 'paper', contact: { name: 'Bác Tư' } });
  });

  it('once given to one officer, only that officer sees the contact; given to the Ban TTND, only inspectors do', async () => {
    await send({ villageId: DS.id, kind: 'kien_nghi', text: 'Kiến nghị sửa cầu', ...SENDER });
    const { id } = await itemByText(staff, 'Kiến nghị sửa cầu');
    expect((await api(t, 'POST', `/api/v1/feedback/${id}/assign`, { cookie: staff, body: { assignee: 'officer', officerId: staff2Id } })).status).toBe(200);
    expect((await itemByText(staff, 'Kiến nghị sửa cầu')).contact).toBeNull();
    expect((await itemByText(staff2, 'Kiến nghị sửa cầu')).contact).toMatchObject({ phone: '0912345678' });
    expect((await api(t, 'POST', `/api/v1/feedback/${id}/assign`, { cookie: staff, body: { assignee: 'inspection_board' } })).status).toBe(200);
    expect((await itemByText(staff2, 'Kiến nghị sửa cầu')).contact).toBeNull();
    expect((await itemByText(inspector, 'Kiến nghị sửa cầu')).contact).toMatchObject({ name: SENDER.name });
    const detail = await api(t, 'GET', `/api/v1/feedback/${id}`, { cookie: inspector });
    expect(detail.json.code).toMatch(/^[0-9A-Z]{11}$/);
    expect((await api(t, 'GET', `/api/v1/feedback/${id}`, { cookie: staff })).json.code).toBeNull();
  });

  it('refuses a department the commune does not have and an officer of another commune, naming the field', async () => {
    await send({ villageId: DS.id, text: 'Phản ánh rác thải' });
    const { id } = await itemByText(staff, 'Phản ánh rác thải');
    const dept = await api(t, 'POST', `/api/v1/feedback/${id}/assign`, { cookie: staff, body: { assignee: 'department', department: 'Phòng Không Có' } });
    expect(dept.status).toBe(422);
    expect(dept.json.error.details[0].path).toBe('department');
    const outsider = await addUser(t, { username: 'canbo-ngoai', role: 'staff', communeId: t.otherCommuneId });
    const officer = await api(t, 'POST', `/api/v1/feedback/${id}/assign`, { cookie: staff, body: { assignee: 'officer', officerId: outsider } });
    expect(officer.status).toBe(422);
    expect(officer.json.error.details[0].path).toBe('officerId');
    const ok = await api(t, 'POST', `/api/v1/feedback/${id}/assign`, { cookie: staff, body: { assignee: 'department', department: 'Phòng Kinh tế' } });
    expect(ok.json).toMatchObject({ status: 'assigned', department: 'Phòng Kinh tế' });
  });
});

describe('the kiến nghị deadline on the working calendar (legal-rules deadlines.recommendationAnswer)', () => {
  it('gives a kiến nghị received Thursday 26/11/2026 until Friday 11/12 (15 calendar days) and marks it overdue the day after', async () => {
    await send({ villageId: DS.id, kind: 'kien_nghi', text: 'Kiến nghị hạn 15 ngày' });
    await send({ villageId: DS.id, kind: 'gop_y', text: 'Góp ý không có hạn' });
    expect(await itemByText(staff, 'Kiến nghị hạn 15 ngày')).toMatchObject({ due: '2026-12-11', overdue: false });
    expect(await itemByText(staff, 'Góp ý không có hạn')).toMatchObject({ due: null, overdue: false });
    await later('2026-12-12T02:00:00.000Z');
    expect(await itemByText(staff, 'Kiến nghị hạn 15 ngày')).toMatchObject({ overdue: true });
    const overdue = await api(t, 'GET', '/api/v1/feedback?overdue=1', { cookie: staff });
    expect(overdue.json.map((i: any) => i.text)).toEqual(['Kiến nghị hạn 15 ngày']);
  });

  it('moves a last day that falls on a Sunday to Monday: received Saturday 21/11, due Monday 07/12', async () => {
    const r = await api(t, 'POST', '/api/v1/feedback/paper', { cookie: staff, body: { channel: 'paper', kind: 'kien_nghi', receivedOn: '2026-11-21', text: 'Thư kiến nghị thứ Bảy' } });
    expect(r.status, r.text).toBe(201);
    expect(await itemByText(staff, 'Thư kiến nghị thứ Bảy')).toMatchObject({ receivedOn: '2026-11-21', due: '2026-12-07' });
  });

  it('refuses a paper item dated after today', async () => {
    const r = await api(t, 'POST', '/api/v1/feedback/paper', { cookie: staff, body: { channel: 'paper', receivedOn: '2026-11-27', text: 'Thư' } });
    expect(r.status).toBe(422);
    expect(r.json.error.details[0].path).toBe('receivedOn');
  });

  it('judges an answer by the day first answered: late stays late after a correction, and the earlier answer stays in the history', async () => {
    await send({ villageId: DS.id, kind: 'kien_nghi', text: 'Kiến nghị trả lời muộn' });
    const { id } = await itemByText(staff, 'Kiến nghị trả lời muộn');
    await later('2026-12-14T02:00:00.000Z');
    expect((await api(t, 'POST', `/api/v1/feedback/${id}/answer`, { cookie: staff, body: { answer: 'Xã sẽ sửa trong tháng 12.' } })).status).toBe(200);
    await later('2026-12-20T02:00:00.000Z');
    expect((await api(t, 'POST', `/api/v1/feedback/${id}/answer`, { cookie: staff, body: { answer: 'Xã đã sửa xong ngày 19/12.' } })).status).toBe(200);
    const d = await api(t, 'GET', `/api/v1/feedback/${id}`, { cookie: staff });
    expect(d.json).toMatchObject({ status: 'answered', answeredOn: '2026-12-14', onTime: false, answer: 'Xã đã sửa xong ngày 19/12.' });
    expect(d.json.history.map((h: any) => h.action)).toEqual(['received', 'answer', 'correct_answer']);
    expect(d.json.history[1].data.answer).toBe('Xã sẽ sửa trong tháng 12.');
  });
});

describe('answers and their publication', () => {
  it('publishes only with a summary written by staff, and the public page shows the summary and the answer, never the sender’s words', async () => {
    const text = `Tôi là ${SENDER.name}, nhà tôi ở xóm 2, xin làm lại rãnh nước.`;
    await send({ villageId: DS.id, kind: 'kien_nghi', topic: 'giao thong, thuy loi', text, ...SENDER });
    const { id, topic } = await itemByText(staff, text);
    expect(topic).toBe('Giao thông, thủy lợi');
    const bare = await api(t, 'POST', `/api/v1/feedback/${id}/answer`, { cookie: staff, body: { answer: 'Xã bố trí làm rãnh trong quý I/2027.', publish: true } });
    expect(bare.status).toBe(422);
    expect(bare.json.error.details[0].path).toBe('publicSummary');
    const ok = await api(t, 'POST', `/api/v1/feedback/${id}/answer`, {
      cookie: staff, body: { answer: 'Xã bố trí làm rãnh trong quý I/2027.', publish: true, publicSummary: 'Đề nghị làm lại rãnh thoát nước xóm 2.' },
    });
    expect(ok.json).toEqual({ id, status: 'answered', published: true });
    const page = await (await t.app.request('/x/xa-viet-khe/gop-y')).text();
    expect(page).toContain('Đề nghị làm lại rãnh thoát nước xóm 2.');
    expect(page).toContain('Xã bố trí làm rãnh trong quý I/2027.');
    for (const secret of [SENDER.name, '0912', text]) expect(page).not.toContain(secret);
    const track = await (await t.app.request(`/g/${(await api(t, 'GET', `/api/v1/feedback/${id}`, { cookie: staff })).json.code}`)).text();
    expect(track).toContain('Xã bố trí làm rãnh trong quý I/2027.');
  });

  it('takes an answer off the public page and keeps it for the sender', async () => {
    await send({ villageId: DS.id, text: 'Góp ý công khai rồi rút' });
    const { id } = await itemByText(staff, 'Góp ý công khai rồi rút');
    await api(t, 'POST', `/api/v1/feedback/${id}/answer`, { cookie: staff, body: { answer: 'Cảm ơn ý kiến.', publish: true, publicSummary: 'Góp ý về chợ.' } });
    expect(await (await t.app.request('/x/xa-viet-khe/gop-y')).text()).toContain('Góp ý về chợ.');
    const off = await api(t, 'POST', `/api/v1/feedback/${id}/publication`, { cookie: staff, body: { publish: false } });
    expect(off.json).toEqual({ id, published: false });
    expect(await (await t.app.request('/x/xa-viet-khe/gop-y')).text()).not.toContain('Góp ý về chợ.');
  });

  it('lets the Ban TTND answer what it was given, but not publish, and nothing else', async () => {
    await send({ villageId: DS.id, text: 'Việc Ban TTND giám sát' });
    await send({ villageId: DS.id, text: 'Việc của văn phòng' });
    const board = await itemByText(staff, 'Việc Ban TTND giám sát');
    const desk = await itemByText(staff, 'Việc của văn phòng');
    await api(t, 'POST', `/api/v1/feedback/${board.id}/assign`, { cookie: staff, body: { assignee: 'inspection_board' } });
    expect((await api(t, 'POST', `/api/v1/feedback/${desk.id}/answer`, { cookie: inspector, body: { answer: 'Trả lời' } })).status).toBe(403);
    expect((await api(t, 'POST', `/api/v1/feedback/${board.id}/answer`, { cookie: inspector, body: { answer: 'Ban đã kiểm tra.', publish: true, publicSummary: 'x' } })).status).toBe(403);
    expect((await api(t, 'POST', `/api/v1/feedback/${board.id}/answer`, { cookie: inspector, body: { answer: 'Ban đã kiểm tra.' } })).status).toBe(200);
  });
});

describe('personal data kept no longer than the commune says', () => {
  it('clears name, phone and photo of items answered longer ago than the retention period, keeps the item and its answer, and never lets them back', async () => {
    const settings = await api(t, 'PUT', '/api/v1/feedback/settings', { cookie: admin, body: { topics: ['Giao thông', 'Khác'], departments: ['Văn phòng'], retentionDays: 30 } });
    expect(settings.status, settings.text).toBe(200);
    const form = new FormData();
    for (const [k, v] of Object.entries({ villageId: DS.id, kind: 'phan_anh', text: 'Ảnh ổ gà', name: SENDER.name, phone: SENDER.phone, consent: '1' })) form.set(k, v);
    form.set('photo', new File([PNG], 'o-ga.png', { type: 'image/png' }));
    const sent = await t.app.request('/gop-y/xa-viet-khe', { method: 'POST', body: form, headers: { accept: 'text/html' } });
    expect(sent.status, await sent.clone().text()).toBe(303);
    await send({ villageId: DS.id, text: 'Chưa trả lời', ...SENDER });
    const { id } = await itemByText(staff, 'Ảnh ổ gà');
    const photoKey = (await t.deps.db.selectFrom('feedback_items').select('photo_key').where('id', '=', id).executeTakeFirstOrThrow()).photo_key!;
    expect(await t.deps.blobs.get(photoKey)).not.toBeNull();
    await api(t, 'POST', `/api/v1/feedback/${id}/answer`, { cookie: staff, body: { answer: 'Đã vá đường.' } });

    await later('2026-12-26T02:00:00.000Z'); // answered 26/11 + 30 days = 26/12: still kept today
    expect(await runFeedbackRetention(t.deps)).toContainEqual({ communeId: t.communeId, anonymised: 0 });
    await later('2026-12-27T02:00:00.000Z');
    const run = await api(t, 'POST', '/api/v1/feedback/retention', { cookie: admin });
    expect(run.json).toEqual({ communeId: t.communeId, anonymised: 1 });

    const cleared = await api(t, 'GET', `/api/v1/feedback/${id}`, { cookie: staff });
    expect(cleared.json).toMatchObject({ anonymised: true, hasContact: false, contact: null, answer: 'Đã vá đường.', text: 'Ảnh ổ gà' });
    expect(await t.deps.blobs.get(photoKey)).toBeNull();
    // the unanswered one keeps its contact: the commune still owes the answer
    expect((await itemByText(staff, 'Chưa trả lời')).contact).toMatchObject({ name: SENDER.name });
    // the audit log never held the contact
    const audit = await t.deps.db.selectFrom('audit_log').select('data').execute();
    expect(JSON.stringify(audit)).not.toContain('0912345678');
    expect(JSON.stringify(audit)).not.toContain(SENDER.name);
    // and nothing can put it back
    await expect(t.deps.atomic([t.deps.db.updateTable('feedback_items').set({ name: 'Khôi phục' }).where('id', '=', id)])).rejects.toThrow(/feedback_anonymised/);
    // running again changes nothing
    expect((await api(t, 'POST', '/api/v1/feedback/retention', { cookie: admin })).json.anonymised).toBe(0);
  });

  it('keeps the retention period within 30–3650 days and the lists free of duplicates, naming the field', async () => {
    const r = await api(t, 'PUT', '/api/v1/feedback/settings', { cookie: admin, body: { topics: ['Giao thông', 'giao thong'], departments: [], retentionDays: 10 } });
    expect(r.status).toBe(422);
    expect(r.json.error.details.map((d: any) => d.path).sort()).toEqual(['retentionDays', 'topics']);
    expect((await api(t, 'PUT', '/api/v1/feedback/settings', { cookie: staff, body: { topics: ['A'], departments: [], retentionDays: 60 } })).status).toBe(403);
  });
});

describe('access to the feedback routes', () => {
  it('secures the staff routes: no session 401, wrong role 403, another commune sees nothing', async () => {
    await send({ villageId: DS.id, text: 'Ý kiến kiểm tra quyền', ...SENDER });
    const { id } = await itemByText(staff, 'Ý kiến kiểm tra quyền');
    await expectRouteSecured(t, { method: 'GET', path: '/api/v1/feedback', allow: ['admin', 'staff', 'inspector', 'village_head'], crossCommune: 'own-data', leaks: ['Ý kiến kiểm tra quyền', SENDER.name] });
    await expectRouteSecured(t, { method: 'GET', path: `/api/v1/feedback/${id}`, allow: ['admin', 'staff', 'inspector'], leaks: ['Ý kiến kiểm tra quyền'] });
    await expectRouteSecured(t, { method: 'POST', path: `/api/v1/feedback/${id}/assign`, body: { assignee: 'department', department: 'Phòng Kinh tế' }, allow: ['admin', 'staff'] });
    await expectRouteSecured(t, { method: 'PUT', path: '/api/v1/feedback/settings', body: { topics: ['Khác'], departments: [], retentionDays: 365 }, allow: ['admin'], crossCommune: 'own-data' });
    expect(TH.id).toBeTruthy();
  });
});
