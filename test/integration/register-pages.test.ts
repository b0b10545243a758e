import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { writeXlsx } from '../../server/services/spreadsheet/xlsx-write';

let t: TestEnv;
afterEach(() => t?.close());

const ORIGIN = 'http://localhost';
const CSV = [
  'STT,Mã hộ,Thôn,Họ và tên chủ hộ,Người đại diện,Địa chỉ,Số nhân khẩu,Số điện thoại,Ghi chú',
  '1,DS-1,Thôn Đông Sơn,Nguyễn Văn An,,Xóm 1,4,912345678,',
  '2,DS-2,Thôn Đông Sơn,Trần Thị Bình,,Xóm 2,3,,',
  '3,DS-3,Thôn Vắng,Lê Văn Cường,,Xóm 3,ba,,',
].join('\r\n');

async function setup() {
  t = await makeTestApp();
  await addUser(t, { username: 'canbo', role: 'staff' });
  const cookie = await login(t, 'canbo');
  await api(t, 'POST', '/api/v1/villages', { cookie, body: { code: 'DS', name: 'Thôn Đông Sơn' } });
  const page = await api(t, 'GET', '/staff/import', { cookie });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
  return { cookie, csrf };
}

/** A form post as a browser sends it: Origin header, the session's CSRF token. */
function post(cookie: string, path: string, body: FormData | URLSearchParams) {
  return api(t, 'POST', path, { cookie, headers: { origin: ORIGIN, ...(body instanceof URLSearchParams ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }, body: body instanceof URLSearchParams ? body.toString() : body });
}

describe('register pages', () => {
  it('sends a visitor without a session to the sign-in page and back', async () => {
    t = await makeTestApp();
    const r = await t.app.request('/staff/households?q=an');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/login?next=%2Fstaff%2Fhouseholds%3Fq%3Dan');
  });

  it('imports a file from the upload form and shows the counts and each row to correct', async () => {
    const { cookie, csrf } = await setup();
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('file', new File([CSV], 'so-ho.csv', { type: 'text/csv' }));
    const r = await post(cookie, '/staff/import', form);
    expect(r.status).toBe(200);
    expect(r.text).toContain('Kết quả nhập');
    expect(r.text).toMatch(/<span class="stat-value">2<\/span><span class="stat-label">hộ mới/);
    expect(r.text).toContain('Không có thôn &quot;Thôn Vắng&quot;');
    expect(r.text).toContain('Số nhân khẩu');
    expect(await t.deps.db.selectFrom('households').select('code').execute()).toHaveLength(2);
  });

  it('lists the first 200 rows to correct and says how many more there are', async () => {
    const { cookie, csrf } = await setup();
    const form = new FormData();
    form.append('_csrf', csrf);
    const rows = Array.from({ length: 250 }, (_, i) => `${i + 1},X-${i},Thôn Vắng,Tên ${i},,,1,,`);
    form.append('file', new File([[CSV.split('\r\n')[0], ...rows].join('\r\n')], 'so-ho.csv', { type: 'text/csv' }));
    const r = await post(cookie, '/staff/import', form);
    expect(r.status).toBe(200);
    expect(r.text.match(/Không có thôn &quot;Thôn Vắng&quot;/g)).toHaveLength(200);
    expect(r.text).toContain('Còn 50 lỗi nữa không liệt kê ở đây');
  });

  it('shows why a broken upload was refused, on the form, changing nothing', async () => {
    const { cookie, csrf } = await setup();
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('file', new File([writeXlsx([{ name: 'A', rows: [['x']] }]).slice(0, 100) as Uint8Array<ArrayBuffer>], 'so-ho.xlsx'));
    const r = await post(cookie, '/staff/import', form);
    expect(r.status).toBe(400);
    expect(r.text).toContain('Không nhập được tệp');
    expect(r.text).toContain('Lưu thành');
    expect(await t.deps.db.selectFrom('households').select('code').execute()).toHaveLength(0);
  });

  it('refuses an upload form without the CSRF token', async () => {
    const { cookie } = await setup();
    const form = new FormData();
    form.append('file', new File([CSV], 'so-ho.csv', { type: 'text/csv' }));
    expect((await post(cookie, '/staff/import', form)).status).toBe(403);
  });

  it('lists and searches households without diacritics, 100 a page', async () => {
    const { cookie } = await setup();
    const rows = Array.from({ length: 150 }, (_, i) => `${i + 1},DS-${String(i + 1).padStart(3, '0')},DS,${i === 120 ? 'Phạm Thị Hoà' : 'Nguyễn Văn Tư'},,,1,,`);
    await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': 'text/csv' }, body: ['Mã hộ,Thôn,Chủ hộ,Người đại diện,Địa chỉ,Số nhân khẩu,Số điện thoại,Ghi chú', ...rows.map((r) => r.slice(r.indexOf(',') + 1))].join('\n') });
    const first = await api(t, 'GET', '/staff/households', { cookie });
    expect(first.text.match(/href="\/staff\/households\/DS-/g)).toHaveLength(100);
    expect(first.text).toContain('Trang 1 / 2');
    const second = await api(t, 'GET', '/staff/households?page=2', { cookie });
    expect(second.text.match(/href="\/staff\/households\/DS-/g)).toHaveLength(50);
    const found = await api(t, 'GET', '/staff/households?q=pham+thi+hoa', { cookie });
    expect(found.text.match(/href="\/staff\/households\/DS-\d+"/g)).toEqual(['href="/staff/households/DS-121"']);
    expect(found.text).toContain('Phạm Thị Hoà');
  });

  it('edits a household from its page and lists the change in its history', async () => {
    const { cookie, csrf } = await setup();
    await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': 'text/csv' }, body: CSV });
    const missing = await post(cookie, '/staff/households/DS-1', new URLSearchParams({ _csrf: csrf, representative: 'Nguyễn Thị Lan', reason: '' }));
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('Cần ghi lý do thay đổi.');
    const r = await post(cookie, '/staff/households/DS-1', new URLSearchParams({ _csrf: csrf, representative: 'Nguyễn Thị Lan', members: '5', reason: 'Đổi người đại diện' }));
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/staff/households/DS-1?saved=1');
    const page = await api(t, 'GET', '/staff/households/DS-1?saved=1', { cookie });
    expect(page.text).toContain('Đã lưu thay đổi.');
    expect(page.text).toContain('Đổi người đại diện');
    expect(page.text).toContain('Nhập từ tệp sổ hộ');
  });

  it('adds a village from the villages page and explains a duplicate code', async () => {
    const { cookie, csrf } = await setup();
    const ok = await post(cookie, '/staff/villages', new URLSearchParams({ _csrf: csrf, code: 'TH', name: 'Thôn Trung Hà' }));
    expect(ok.status).toBe(303);
    const dup = await post(cookie, '/staff/villages', new URLSearchParams({ _csrf: csrf, code: 'th', name: 'Thôn Khác' }));
    expect(dup.status).toBe(409);
    expect(dup.text).toContain('Mã thôn đã tồn tại.');
    const list = await api(t, 'GET', '/staff/villages', { cookie });
    expect(list.text).toContain('Thôn Trung Hà');
  });

  it('keeps the import and edit pages from a village head', async () => {
    const { cookie } = await setup();
    const villageId = (await api(t, 'GET', '/api/v1/villages', { cookie })).json[0].id;
    await addUser(t, { username: 'truongthon.ds', role: 'village_head', villageId });
    const head = await login(t, 'truongthon.ds');
    expect((await api(t, 'GET', '/staff/import', { cookie: head })).status).toBe(403);
    expect((await api(t, 'GET', '/staff/households', { cookie: head })).status).toBe(200);
  });
});
