import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { expectRouteSecured } from '../support/security';

// Dialogue conferences (hội nghị đối thoại, Đ32): questions from the feedback
// form, letters and village meetings, grouped by staff, answered at the
// conference, then the minutes and answers published, each question linked
// to its answer.

let t: TestEnv;
let staff: string;
let headDS: string;
let headTH: string;
let DS: SeededVillage;
let TH: SeededVillage;

beforeEach(async () => {
  t = await makeTestApp();
  [DS, TH] = (await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 3 }, { code: 'TH', name: 'Thôn Trung Hà', households: 3 }])) as [SeededVillage, SeededVillage];
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'truongds', role: 'village_head', villageId: DS.id });
  await addUser(t, { username: 'truongth', role: 'village_head', villageId: TH.id });
  staff = await login(t, 'canbo');
  headDS = await login(t, 'truongds');
  headTH = await login(t, 'truongth');
});
afterEach(() => t.close());

async function conference() {
  const r = await api(t, 'POST', '/api/v1/dialogues', { cookie: staff, body: { title: 'Hội nghị đối thoại năm 2026', heldAt: '2026-12-18T08:00:00+07:00', place: 'Hội trường UBND xã', chair: 'Ông Vũ Văn Thành, Chủ tịch UBND xã' } });
  expect(r.status, r.text).toBe(201);
  return r.json.id as string;
}

async function feedbackItem(text: string) {
  const r = await api(t, 'POST', '/api/v1/feedback', { body: { villageId: DS.id, kind: 'kien_nghi', text } });
  const list = await api(t, 'GET', '/api/v1/feedback', { cookie: staff });
  return { code: r.json.code as string, id: (list.json as any[]).find((i) => i.text === text).id as string };
}

describe('a dialogue conference', () => {
  it('takes questions from the feedback form, letters and village meetings, in the order staff group them, numbered through the conference', async () => {
    const id = await conference();
    const land = (await api(t, 'POST', `/api/v1/dialogues/${id}/groups`, { cookie: staff, body: { title: 'Đất đai' } })).json.id;
    const health = (await api(t, 'POST', `/api/v1/dialogues/${id}/groups`, { cookie: staff, body: { title: 'Y tế' } })).json.id;
    const item = await feedbackItem('Đề nghị làm rõ việc cấp giấy chứng nhận quyền sử dụng đất xóm 3.');
    const q1 = await api(t, 'POST', `/api/v1/dialogues/${id}/questions`, { cookie: staff, body: { source: 'paper', text: 'Trạm y tế có bác sĩ trực cuối tuần không?', groupId: health } });
    const q2 = await api(t, 'POST', `/api/v1/dialogues/${id}/questions`, { cookie: staff, body: { source: 'feedback', feedbackId: item.id, text: 'Khi nào cấp giấy chứng nhận đất xóm 3?', groupId: land } });
    const q3 = await api(t, 'POST', `/api/v1/dialogues/${id}/questions`, { cookie: headDS, body: { source: 'village_meeting', text: 'Thôn Đông Sơn đề nghị làm nhà văn hóa mới.' } });
    for (const q of [q1, q2, q3]) expect(q.status, q.text).toBe(201);
    expect(q3.json).toMatchObject({ villageId: DS.id, source: 'village_meeting' });
    expect(q2.json).toMatchObject({ villageId: DS.id, feedbackId: item.id });

    const d = await api(t, 'GET', `/api/v1/dialogues/${id}`, { cookie: headTH });
    expect(d.json.sections.map((s: any) => [s.title, s.questions.map((q: any) => [q.number, q.text.slice(0, 12)])])).toEqual([
      ['Đất đai', [[1, 'Khi nào cấp ']]],
      ['Y tế', [[2, 'Trạm y tế có']]],
      ['Các câu hỏi khác', [[3, 'Thôn Đông Sơ']]],
    ]);
  });

  it('refuses a village head’s question for another village or of another kind, an item asked twice, and an item without staff’s words', async () => {
    const id = await conference();
    expect((await api(t, 'POST', `/api/v1/dialogues/${id}/questions`, { cookie: headTH, body: { source: 'village_meeting', villageId: DS.id, text: 'x' } })).status).toBe(403);
    expect((await api(t, 'POST', `/api/v1/dialogues/${id}/questions`, { cookie: headDS, body: { source: 'paper', text: 'x' } })).status).toBe(403);
    const item = await feedbackItem('Tôi là Nguyễn Văn A, xin hỏi về đường.');
    const bare = await api(t, 'POST', `/api/v1/dialogues/${id}/questions`, { cookie: staff, body: { source: 'feedback', feedbackId: item.id } });
    expect(bare.status).toBe(422);
    expect(bare.json.error.details[0].path).toBe('text');
    expect((await api(t, 'POST', `/api/v1/dialogues/${id}/questions`, { cookie: staff, body: { source: 'feedback', feedbackId: item.id, text: 'Đường liên thôn?' } })).status).toBe(201);
    const twice = await api(t, 'POST', `/api/v1/dialogues/${id}/questions`, { cookie: staff, body: { source: 'feedback', feedbackId: item.id, text: 'Lần hai' } });
    expect(twice.status).toBe(422);
    expect(twice.json.error.details[0].path).toBe('feedbackId');
  });

  it('answers the feedback item with the conference’s answer, and links its sender to the published answers', async () => {
    const id = await conference();
    const item = await feedbackItem('Xin hỏi về chế độ cho người có công.');
    const q = (await api(t, 'POST', `/api/v1/dialogues/${id}/questions`, { cookie: staff, body: { source: 'feedback', feedbackId: item.id, text: 'Chế độ cho người có công được chi trả thế nào?' } })).json;
    const a = await api(t, 'POST', `/api/v1/dialogues/${id}/questions/${q.id}`, { cookie: staff, body: { answer: 'Chi trả hằng tháng qua bưu điện xã.' } });
    expect(a.json).toMatchObject({ answer: 'Chi trả hằng tháng qua bưu điện xã.', answeredBy: 'Ông Vũ Văn Thành, Chủ tịch UBND xã' });
    const fb = await api(t, 'GET', `/api/v1/feedback/${item.id}`, { cookie: staff });
    expect(fb.json.status).toBe('answered');
    expect(fb.json.answer).toContain('Chi trả hằng tháng qua bưu điện xã.');
    expect(await (await t.app.request(`/g/${item.code}`)).text()).not.toContain(`/doi-thoai/${id}`);

    expect((await api(t, 'POST', `/api/v1/dialogues/${id}/publish`, { cookie: staff })).status).toBe(409);
    expect((await t.app.request(`/x/xa-viet-khe/doi-thoai/${id}`)).status).toBe(404);
    await api(t, 'POST', `/api/v1/dialogues/${id}/minutes`, { cookie: staff, body: { minutes: 'Hội nghị có 120 đại biểu.' } });
    const pub = await api(t, 'POST', `/api/v1/dialogues/${id}/publish`, { cookie: staff });
    expect(pub.json).toMatchObject({ status: 'published' });

    const page = await (await t.app.request(`/x/xa-viet-khe/doi-thoai/${id}`)).text();
    expect(page).toContain('id="cau-hoi-1"');
    expect(page).toContain('href="#tra-loi-1"');
    expect(page).toContain('id="tra-loi-1"');
    expect(page).toContain('href="#cau-hoi-1"');
    expect(page).toContain('Hội nghị có 120 đại biểu.');
    expect(page).not.toContain('Xin hỏi về chế độ'); // the sender's own words stay private
    expect(await (await t.app.request(`/g/${item.code}`)).text()).toContain(`/x/xa-viet-khe/doi-thoai/${id}`);
    expect(await (await t.app.request('/x/xa-viet-khe/gop-y')).text()).toContain(`/x/xa-viet-khe/doi-thoai/${id}`);

    // published is final
    expect((await api(t, 'POST', `/api/v1/dialogues/${id}/groups`, { cookie: staff, body: { title: 'Muộn' } })).status).toBe(409);
    expect((await api(t, 'POST', `/api/v1/dialogues/${id}/questions/${q.id}`, { cookie: staff, body: { answer: 'Sửa' } })).status).toBe(409);
  });

  it('works through the staff pages: a new conference from the form, a question, an answer', async () => {
    const page = await t.app.request('/staff/dialogues', { headers: { cookie: staff, accept: 'text/html' } });
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const post = (path: string, form: Record<string, string>) => t.app.request(path, {
      method: 'POST', body: new URLSearchParams({ _csrf: token, ...form }).toString(),
      headers: { cookie: staff, accept: 'text/html', origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    });
    const bad = await post('/staff/dialogues', { title: 'Hội nghị', heldAt: '', place: '', chair: '' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Hãy nhập địa điểm.');
    const created = await post('/staff/dialogues', { title: 'Hội nghị đối thoại', heldAt: '2026-12-20T08:00', place: 'Hội trường', chair: 'Chủ tịch UBND xã' });
    expect(created.status).toBe(303);
    const id = /\/staff\/dialogues\/([^?]+)/.exec(created.headers.get('location')!)![1]!;
    const d = await api(t, 'GET', `/api/v1/dialogues/${id}`, { cookie: staff });
    expect(d.json.heldAt).toBe('2026-12-20T01:00:00.000Z'); // 08:00 in Vietnam
    expect((await post(`/staff/dialogues/${id}/questions`, { source: 'paper', text: 'Câu hỏi từ thư' })).status).toBe(303);
    const qid = (await api(t, 'GET', `/api/v1/dialogues/${id}`, { cookie: staff })).json.sections[0].questions[0].id;
    expect((await post(`/staff/dialogues/${id}/questions/${qid}`, { groupId: '', text: 'Câu hỏi từ thư', answer: 'Trả lời', answeredBy: 'Chủ tịch' })).status).toBe(303);
    const html = await (await t.app.request(`/staff/dialogues/${id}?done=saved`, { headers: { cookie: staff } })).text();
    expect(html).toContain('Đã lưu.');
    expect(html).toContain('Trả lời');
  });

  it('secures the routes', async () => {
    const id = await conference();
    await expectRouteSecured(t, { method: 'GET', path: `/api/v1/dialogues/${id}`, allow: ['admin', 'staff', 'inspector', 'village_head'], villageId: DS.id });
    await expectRouteSecured(t, { method: 'POST', path: `/api/v1/dialogues/${id}/groups`, body: { title: 'Nhóm' }, allow: ['admin', 'staff'] });
    await expectRouteSecured(t, {
      method: 'POST', path: `/api/v1/dialogues/${id}/questions`, body: { source: 'village_meeting', villageId: DS.id, text: 'Câu hỏi' },
      allow: ['admin', 'staff', 'village_head'], villageScoped: true, villageId: DS.id,
    });
  });
});
