import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';

// The feedback pages as a browser without JavaScript uses them: the public
// form, the tracking code, and the staff's list, item, paper entry and settings.

let t: TestEnv;
let staff: string;
let admin: string;
let inspector: string;
let DS: SeededVillage;

beforeEach(async () => {
  t = await makeTestApp();
  [DS] = (await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 3 }, { code: 'TH', name: 'Thôn Trung Hà', households: 2 }])) as [SeededVillage];
  await addUser(t, { username: 'quantri', role: 'admin' });
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  admin = await login(t, 'quantri');
  staff = await login(t, 'canbo');
  inspector = await login(t, 'thanhtra');
});
afterEach(() => t.close());

/** A browser-like request: HTML accepted, a same-site Origin on posts. */
async function browser(method: 'GET' | 'POST', path: string, opts: { cookie?: string; form?: Record<string, string> | FormData } = {}) {
  const headers: Record<string, string> = { accept: 'text/html' };
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: BodyInit | undefined;
  if (method === 'POST') {
    headers.origin = 'http://localhost';
    if (opts.form instanceof FormData) body = opts.form;
    else {
      body = new URLSearchParams(opts.form ?? {}).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(new TextEncoder().encode(body).length);
    }
  }
  const res = await t.app.request(path, { method, headers, body });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') ?? '' };
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

describe('the public feedback form', () => {
  it('opens from a village’s QR with the village chosen, and lists every commune where a server serves several', async () => {
    const form = await browser('GET', '/gop-y/xa-viet-khe?thon=ds');
    expect(form.status).toBe(200);
    expect(form.html).toContain(`<option value="${DS.id}" selected="">Thôn Đông Sơn</option>`);
    expect(form.html).toContain('enctype="multipart/form-data"');
    const choice = await browser('GET', '/gop-y');
    expect(choice.html).toContain('href="/gop-y/xa-viet-khe"');
    expect(choice.html).toContain('href="/gop-y/xa-khac"');
  });

  it('re-renders with each error beside its field and what was typed kept, then sends and shows the tracking code', async () => {
    const bad = await browser('POST', '/gop-y/xa-viet-khe', { form: { villageId: DS.id, text: 'Đèn đường hỏng', phone: '0912', name: 'Bà Hai' } });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Hãy chọn loại ý kiến.');
    expect(bad.html).toContain('Đèn đường hỏng');
    const again = await browser('POST', '/gop-y/xa-viet-khe', { form: { kind: 'phan_anh', villageId: DS.id, text: 'Đèn đường hỏng', phone: '0912', name: 'Bà Hai' } });
    expect(again.status).toBe(422);
    expect(again.html).toContain('Số điện thoại chưa đúng');
    expect(again.html).toContain('Hãy đánh dấu ô đồng ý');
    const sent = await browser('POST', '/gop-y/xa-viet-khe', { form: { kind: 'phan_anh', villageId: DS.id, text: 'Đèn đường hỏng', phone: '0912 345 678', name: 'Bà Hai', consent: '1' } });
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/^\/g\/[0-9A-Z]{11}\?moi=1$/);
    const track = await browser('GET', sent.location);
    expect(track.html).toContain('Đã gửi ý kiến. Cảm ơn bạn!');
    const code = /\/g\/([0-9A-Z]{11})/.exec(sent.location)![1]!;
    expect(track.html).toContain(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
  });

  it('makes one item of a form sent twice (a second tap on a slow line): both answers lead to the same code', async () => {
    const form = await browser('GET', '/gop-y/xa-viet-khe');
    const key = /name="key" value="([^"]+)"/.exec(form.html)![1]!;
    const fields = { key, kind: 'gop_y', villageId: DS.id, text: 'Gửi hai lần' };
    const first = await browser('POST', '/gop-y/xa-viet-khe', { form: fields });
    const second = await browser('POST', '/gop-y/xa-viet-khe', { form: fields });
    expect(second.location).toBe(first.location);
    expect((await t.deps.db.selectFrom('feedback_items').select('id').execute()).length).toBe(1);
  });

  it('refuses a file that is not a photo, naming the photo field', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ kind: 'gop_y', villageId: DS.id, text: 'Kèm tệp' })) form.set(k, v);
    form.set('photo', new File(['<html>'], 'anh.jpg', { type: 'image/jpeg' }));
    const r = await browser('POST', '/gop-y/xa-viet-khe', { form });
    expect(r.status).toBe(415);
    expect(r.html).toContain('Tệp này không phải ảnh JPEG hoặc PNG.');
    expect(await t.deps.db.selectFrom('feedback_items').select('id').execute()).toEqual([]);
  });

  it('takes a typed code at /g, forgiving case and hyphens, and names a typo', async () => {
    const { code } = (await api(t, 'POST', '/api/v1/feedback', { body: { villageId: DS.id, text: 'Theo dõi' } })).json;
    const ok = await browser('GET', `/g?code=${encodeURIComponent(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`)}`);
    expect([ok.status, ok.location]).toEqual([303, `/g/${code}`]);
    const typo = await browser('GET', `/g?code=${code.slice(0, 10)}${code[10] === 'A' ? 'B' : 'A'}`);
    expect(typo.status).toBe(422);
    expect(typo.html).toContain('Mã chưa đúng');
  });

  it('lets a signed-in officer use the public form too (it carries their session’s token)', async () => {
    const page = await browser('GET', '/gop-y/xa-viet-khe', { cookie: staff });
    const r = await browser('POST', '/gop-y/xa-viet-khe', { cookie: staff, form: { _csrf: csrfOf(page.html), kind: 'gop_y', villageId: DS.id, text: 'Cán bộ gửi thử' } });
    expect(r.status).toBe(303);
  });
});

describe('the staff feedback pages', () => {
  it('enters a letter, shows its tracking code to give the sender, and its contact only to those who handle it', async () => {
    const form = await browser('GET', '/staff/feedback/new', { cookie: staff });
    const r = await browser('POST', '/staff/feedback/new', {
      cookie: staff,
      form: { _csrf: csrfOf(form.html), channel: 'paper', kind: 'kien_nghi', receivedOn: '2026-11-25', villageId: DS.id, topic: 'Khác', text: 'Thư đề nghị sửa cầu', name: 'Ông Ba', phone: '0987 654 321', consent: '1' },
    });
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/\/staff\/feedback\/[^?]+\?done=created$/);
    const item = await browser('GET', r.location, { cookie: staff });
    expect(item.html).toContain('Đã ghi nhận ý kiến.');
    expect(item.html).toMatch(/class="tracking-code">[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}</);
    expect(item.html).toContain('0987654321');
    const byInspector = await browser('GET', r.location.split('?')[0]!, { cookie: inspector });
    expect(byInspector.html).not.toContain('0987654321');
    expect(byInspector.html).toContain('chỉ người đang xử lý được xem');
  });

  it('answers and publishes from the item page, with the summary required to publish', async () => {
    await api(t, 'POST', '/api/v1/feedback', { body: { villageId: DS.id, text: 'Ý kiến cần trả lời' } });
    const id = (await api(t, 'GET', '/api/v1/feedback', { cookie: staff })).json[0].id;
    const page = await browser('GET', `/staff/feedback/${id}`, { cookie: staff });
    const token = csrfOf(page.html);
    const bad = await browser('POST', `/staff/feedback/${id}/answer`, { cookie: staff, form: { _csrf: token, answer: 'Xã đã ghi nhận.', publish: '1', publicSummary: '' } });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Để công khai, hãy tóm tắt nội dung ý kiến');
    const ok = await browser('POST', `/staff/feedback/${id}/answer`, { cookie: staff, form: { _csrf: token, answer: 'Xã đã ghi nhận.', publish: '1', publicSummary: 'Ý kiến về chợ.' } });
    expect([ok.status, ok.location]).toEqual([303, `/staff/feedback/${id}?done=answered`]);
    expect((await browser('GET', '/x/xa-viet-khe/gop-y')).html).toContain('Ý kiến về chợ.');
  });

  it('keeps the admin’s settings and refuses them to staff', async () => {
    const page = await browser('GET', '/staff/feedback/settings', { cookie: admin });
    expect(page.html).toContain('href="/api/v1/feedback/poster.pdf?size=A4&amp;villageId=');
    const bad = await browser('POST', '/staff/feedback/settings', { cookie: admin, form: { _csrf: csrfOf(page.html), topics: 'Giao thông', departments: '', retentionDays: '5' } });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Thời hạn lưu phải là số ngày nguyên từ 30 đến 3650.');
    const ok = await browser('POST', '/staff/feedback/settings', { cookie: admin, form: { _csrf: csrfOf(page.html), topics: 'Giao thông\nĐiện\n', departments: 'Văn phòng', retentionDays: '90' } });
    expect(ok.status).toBe(303);
    expect((await api(t, 'GET', '/api/v1/feedback/settings', { cookie: staff })).json).toMatchObject({ topics: ['Giao thông', 'Điện'], departments: ['Văn phòng'], retentionDays: 90 });
    const staffPage = await browser('GET', '/staff/feedback/settings', { cookie: staff });
    expect(staffPage.html).not.toContain('name="retentionDays"');
    expect((await browser('POST', '/staff/feedback/settings', { cookie: staff, form: { _csrf: csrfOf(staffPage.html), topics: 'A', departments: '', retentionDays: '90' } })).status).toBe(403);
  });

  it('puts overdue kiến nghị in red on the staff home and the list’s overdue filter', async () => {
    await api(t, 'POST', '/api/v1/feedback/paper', { cookie: staff, body: { channel: 'paper', kind: 'kien_nghi', villageId: DS.id, receivedOn: '2026-11-02', text: 'Kiến nghị đã quá hạn' } });
    await api(t, 'POST', '/api/v1/feedback/paper', { cookie: staff, body: { channel: 'paper', kind: 'kien_nghi', villageId: DS.id, receivedOn: '2026-11-16', text: 'Kiến nghị sắp đến hạn' } });
    const home = await browser('GET', '/staff', { cookie: staff });
    expect(home.html).toMatch(/class="due-overdue"[^>]*><strong>1<\/strong>/);
    expect(home.html).toContain('Kiến nghị đã quá hạn');
    expect(home.html).toContain('Kiến nghị sắp đến hạn');
    const list = await browser('GET', '/staff/feedback?overdue=1', { cookie: staff });
    expect(list.html).toContain('Kiến nghị đã quá hạn');
    expect(list.html).not.toContain('Kiến nghị sắp đến hạn');
    expect(list.html).toContain('<span class="due-overdue"><strong>17/11/2026</strong>');
  });
});
