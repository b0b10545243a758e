import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { zipOf } from '../support/exports';
import { makeTestApp, addUser, login, api, FIXTURES, type TestEnv } from '../support/app';
import { expectRouteSecured, addVillage } from '../support/security';
import { parseCsv } from '../../server/services/spreadsheet/csv';
import { readXlsx } from '../../server/services/spreadsheet/xlsx-read';
import { writeXlsx } from '../../server/services/spreadsheet/xlsx-write';

let t: TestEnv;
afterEach(() => t?.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_HEADER = 'STT,Mã hộ,Thôn,Họ và tên chủ hộ,Người đại diện,Địa chỉ,Số nhân khẩu,Số điện thoại,Ghi chú';

async function setup() {
  t = await makeTestApp();
  await addUser(t, { username: 'canbo', role: 'staff' });
  const staff = await login(t, 'canbo');
  const ds = (await api(t, 'POST', '/api/v1/villages', { cookie: staff, body: { code: 'DS', name: 'Thôn Đông Sơn' } })).json.id as string;
  const th = (await api(t, 'POST', '/api/v1/villages', { cookie: staff, body: { code: 'TH', name: 'Thôn Trung Hà' } })).json.id as string;
  const csv = [
    CSV_HEADER,
    '1,DS-1,Thôn Đông Sơn,Nguyễn Văn An,Nguyễn Văn An,"Xóm 1, Thôn Đông Sơn",4,0912345678,',
    '2,DS-2,Đông Sơn,Trần Thị Bình,,Xóm 2,3,,',
    '3,TH-1,TH,Lê Văn Cường,Lê Thị Dung,Xóm 3,5,987654321,',
  ].join('\r\n');
  const r = await api(t, 'POST', '/api/v1/households/import', { cookie: staff, headers: { 'content-type': 'text/csv' }, body: csv });
  expect(r.json).toMatchObject({ created: 3, rejected: 0 });
  return { staff, ds, th };
}

async function householdRows() {
  return t.deps.db.selectFrom('households').select(['code', 'version']).orderBy('code').execute();
}

describe('villages', () => {
  it('creates a village and refuses a second one with the same code with 409 CONFLICT', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const cookie = await login(t, 'canbo');
    const first = await api(t, 'POST', '/api/v1/villages', { cookie, body: { code: 'ds', name: '  Thôn  Đông Sơn ' } });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ id: expect.any(String), code: 'DS', name: 'Thôn Đông Sơn' });
    const again = await api(t, 'POST', '/api/v1/villages', { cookie, body: { code: 'DS', name: 'Thôn Khác' } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('CONFLICT');
    expect(again.json.error.message).toContain('Mã thôn "DS" đã có');
  });

  it('lets another commune use the same village code', async () => {
    t = await makeTestApp();
    await addVillage(t, { code: 'DS', name: 'Thôn Đông Sơn', communeId: t.otherCommuneId });
    await addUser(t, { username: 'canbo', role: 'staff' });
    const r = await api(t, 'POST', '/api/v1/villages', { cookie: await login(t, 'canbo'), body: { code: 'DS', name: 'Thôn Đông Sơn' } });
    expect(r.status).toBe(201);
  });

  it('names the bad field when a village has no name', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const r = await api(t, 'POST', '/api/v1/villages', { cookie: await login(t, 'canbo'), body: { code: 'A B' } });
    expect(r.status).toBe(422);
    expect(r.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['code', 'name']);
  });

  it('lists villages with their active household counts in Vietnamese order; a village head sees only their own', async () => {
    const { staff, ds, th } = await setup();
    const r = await api(t, 'GET', '/api/v1/villages', { cookie: staff });
    expect(r.json).toEqual([
      { id: ds, code: 'DS', name: 'Thôn Đông Sơn', households: 2 },
      { id: th, code: 'TH', name: 'Thôn Trung Hà', households: 1 },
    ]);
    await addUser(t, { username: 'truongthon.th', role: 'village_head', villageId: th });
    const mine = await api(t, 'GET', '/api/v1/villages', { cookie: await login(t, 'truongthon.th') });
    expect(mine.json).toEqual([{ id: th, code: 'TH', name: 'Thôn Trung Hà', households: 1 }]);
  });

  it('keeps the village routes to their roles and commune', async () => {
    await setup();
    let villageSeq = 0;
    await expectRouteSecured(t, { method: 'GET', path: '/api/v1/villages', allow: ['admin', 'staff', 'inspector', 'village_head'], crossCommune: 'own-data', leaks: ['Thôn Trung Hà'] });
    await expectRouteSecured(t, { method: 'POST', path: '/api/v1/villages', body: () => ({ code: `K${++villageSeq}`, name: 'Thôn Mới' }), allow: ['admin', 'staff'], crossCommune: 'own-data' });
  });
});

describe('households', () => {
  it('keeps the household routes to their roles, their village and their commune', async () => {
    const { ds } = await setup();
    const leaks = ['Nguyễn Văn An', 'DS-1', '0912345678'];
    await expectRouteSecured(t, { method: 'GET', path: '/api/v1/households', allow: ['admin', 'staff', 'inspector', 'village_head'], crossCommune: 'own-data', leaks });
    await expectRouteSecured(t, { method: 'GET', path: '/api/v1/households/DS-1', allow: ['admin', 'staff', 'inspector', 'village_head'], villageScoped: true, villageId: ds, leaks });
    await expectRouteSecured(t, { method: 'GET', path: '/api/v1/households/DS-1/history', allow: ['admin', 'staff', 'inspector', 'village_head'], villageScoped: true, villageId: ds, leaks });
    await expectRouteSecured(t, { method: 'PATCH', path: '/api/v1/households/DS-1', body: { note: 'kiểm tra', reason: 'kiểm tra quyền' }, allow: ['admin', 'staff'], leaks });
    await expectRouteSecured(t, { method: 'GET', path: '/api/v1/households/export.csv', allow: ['admin', 'staff', 'inspector', 'village_head'], crossCommune: 'own-data', leaks });
    await expectRouteSecured(t, { method: 'POST', path: '/api/v1/households/import', body: { x: 1 }, allow: ['admin', 'staff'], crossCommune: 'own-data' });
  });

  it('shows a village head only their own village, and refuses another villageId with 403', async () => {
    const { ds, th } = await setup();
    await addUser(t, { username: 'truongthon.ds', role: 'village_head', villageId: ds });
    const head = await login(t, 'truongthon.ds');
    const all = await api(t, 'GET', '/api/v1/households', { cookie: head });
    expect(all.json.map((h: { code: string }) => h.code)).toEqual(['DS-1', 'DS-2']);
    expect((await api(t, 'GET', `/api/v1/households?villageId=${ds}`, { cookie: head })).status).toBe(200);
    const other = await api(t, 'GET', `/api/v1/households?villageId=${th}`, { cookie: head });
    expect(other.status).toBe(403);
    expect(other.json.error.message).toContain('thôn mình');
    expect((await api(t, 'GET', '/api/v1/households/TH-1', { cookie: head })).status).toBe(403);
    const csv = await api(t, 'GET', '/api/v1/households/export.csv', { cookie: head });
    expect(csv.text).toContain('DS-2');
    expect(csv.text).not.toContain('TH-1');
  });

  it('answers 404 for a village of another commune, never its households', async () => {
    const { staff } = await setup();
    const foreign = await addVillage(t, { code: 'XX', name: 'Thôn Xa Lạ', communeId: t.otherCommuneId });
    const r = await api(t, 'GET', `/api/v1/households?villageId=${foreign}`, { cookie: staff });
    expect(r.status).toBe(404);
  });

  it('returns the fields of the contract, the representative defaulting to the head, phones with their leading zero', async () => {
    const { staff, ds, th } = await setup();
    const r = await api(t, 'GET', '/api/v1/households', { cookie: staff });
    expect(r.json).toEqual([
      expect.objectContaining({ code: 'DS-1', villageId: ds, head: 'Nguyễn Văn An', representative: 'Nguyễn Văn An', address: 'Xóm 1, Thôn Đông Sơn', members: 4, phone: '0912345678' }),
      expect.objectContaining({ code: 'DS-2', villageId: ds, head: 'Trần Thị Bình', representative: 'Trần Thị Bình', phone: '' }),
      expect.objectContaining({ code: 'TH-1', villageId: th, representative: 'Lê Thị Dung', phone: '0987654321' }),
    ]);
    const byVillage = await api(t, 'GET', `/api/v1/households?villageId=${th}&q=${encodeURIComponent('LE THI')}`, { cookie: staff });
    expect(byVillage.json.map((h: { code: string }) => h.code)).toEqual(['TH-1']);
  });

  it('edits, moves and marks a household as left and back, keeping every earlier version with its reason', async () => {
    const { staff, ds, th } = await setup();
    const edit = await api(t, 'PATCH', '/api/v1/households/DS-1', { cookie: staff, body: { phone: '0912 000 111', members: 5, reason: 'Cập nhật theo tờ khai' } });
    expect(edit.status).toBe(200);
    expect(edit.json).toMatchObject({ phone: '0912000111', members: 5, version: 2, changed: true });

    const move = await api(t, 'PATCH', '/api/v1/households/DS-1', { cookie: staff, body: { villageId: th, reason: 'Chuyển về Trung Hà' } });
    expect(move.json).toMatchObject({ villageId: th, version: 3 });
    const left = await api(t, 'PATCH', '/api/v1/households/DS-1', { cookie: staff, body: { status: 'left', reason: 'Chuyển đi nơi khác' } });
    expect(left.json).toMatchObject({ status: 'left', version: 4 });

    const counts = await api(t, 'GET', '/api/v1/villages', { cookie: staff });
    expect(counts.json.map((v: { households: number }) => v.households)).toEqual([1, 1]); // left households leave the counts
    expect((await api(t, 'GET', '/api/v1/households', { cookie: staff })).json.map((h: { code: string }) => h.code)).toEqual(['DS-2', 'TH-1']);
    expect((await api(t, 'GET', '/api/v1/households?status=left', { cookie: staff })).json.map((h: { code: string }) => h.code)).toEqual(['DS-1']);

    const back = await api(t, 'PATCH', '/api/v1/households/DS-1', { cookie: staff, body: { status: 'active', reason: 'Quay về' } });
    expect(back.json).toMatchObject({ status: 'active', version: 5 });

    const history = await api(t, 'GET', '/api/v1/households/DS-1/history', { cookie: staff });
    expect(history.json.versions.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([
      [5, 'Quay về'], [4, 'Chuyển đi nơi khác'], [3, 'Chuyển về Trung Hà'], [2, 'Cập nhật theo tờ khai'], [1, 'Nhập từ tệp sổ hộ'],
    ]);
    expect(history.json.versions[4].data).toMatchObject({ villageId: ds, phone: '0912345678', members: 4, status: 'active' });
    expect(history.json.versions[2].changedBy).toBe('canbo');
    const actions = (await t.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'household').orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['household.update', 'household.move', 'household.leave', 'household.return']);
  });

  it('refuses an edit without a reason, with a bad phone, or to a village of another commune, changing nothing', async () => {
    const { staff } = await setup();
    const foreign = await addVillage(t, { code: 'XX', name: 'Thôn Xa Lạ', communeId: t.otherCommuneId });
    const noReason = await api(t, 'PATCH', '/api/v1/households/DS-1', { cookie: staff, body: { members: 2 } });
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.details[0]).toMatchObject({ path: 'reason' });
    const badPhone = await api(t, 'PATCH', '/api/v1/households/DS-1', { cookie: staff, body: { phone: 'abc', reason: 'x' } });
    expect(badPhone.json.error.details[0]).toMatchObject({ path: 'phone' });
    const move = await api(t, 'PATCH', '/api/v1/households/DS-1', { cookie: staff, body: { villageId: foreign, reason: 'x' } });
    expect(move.status).toBe(422);
    expect(move.json.error.details[0]).toMatchObject({ path: 'villageId' });
    const noPerson = await api(t, 'PATCH', '/api/v1/households/DS-1', { cookie: staff, body: { representative: '  ', reason: 'x' } });
    expect(noPerson.json.error.details[0]).toMatchObject({ path: 'representative' });
    expect((await householdRows()).map((h) => h.version)).toEqual([1, 1, 1]);
  });

  it('answers 404 for a household code of another commune', async () => {
    const { staff } = await setup();
    expect((await api(t, 'GET', '/api/v1/households/KHONG-CO', { cookie: staff })).status).toBe(404);
  });
});

describe('exports', () => {
  it('exports the whole register as CSV with a BOM and the template headers, and the file imports back unchanged', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const cookie = await login(t, 'canbo');
    for (const v of JSON.parse(readFileSync(join(FIXTURES, 'villages.json'), 'utf8')) as { code: string; name: string }[]) {
      await api(t, 'POST', '/api/v1/villages', { cookie, body: v });
    }
    await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': 'text/csv' }, body: readFileSync(join(FIXTURES, 'register-clean.csv'), 'utf8') });

    const res = await t.app.request('/api/v1/households/export.csv', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="so-ho-.*\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = parseCsv(text);
    expect(rows[0]!.cells.join(',')).toBe(CSV_HEADER);
    expect(rows).toHaveLength(1600);
    const fixtureCodes = parseCsv(readFileSync(join(FIXTURES, 'register-clean.csv'), 'utf8')).slice(1).map((r) => r.cells[1]).sort();
    expect(rows.slice(1).map((r) => r.cells[1]).sort()).toEqual(fixtureCodes);

    const back = await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': 'text/csv' }, body: text });
    expect(back.json).toEqual({ created: 0, updated: 0, unchanged: 1599, rejected: 0, errors: [] });

    const xres = await t.app.request('/api/v1/households/export.xlsx', { headers: { cookie } });
    expect(xres.headers.get('content-type')).toBe(XLSX);
    const xbytes = new Uint8Array(await xres.arrayBuffer());
    const sheets = readXlsx(xbytes);
    expect(sheets.map((s) => s.name)).toEqual(['Thôn Bắc Lưu', 'Thôn Đông Sơn', 'Thôn Nam Khê', 'Thôn Phú Xuân', 'Thôn Tây Kiếm', 'Thôn Trung Hà']);
    expect(sheets.reduce((n, s) => n + s.rows.length - 1, 0)).toBe(1599);
    const phones = sheets.flatMap((s) => s.rows.slice(1).map((r) => r.cells[7])).filter((p) => p !== undefined && p !== null && p !== '');
    expect(phones.filter((p) => typeof p !== "string" || !/^0\d{9}$/.test(p))).toEqual([]);
    const xback = await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': XLSX }, body: xbytes });
    expect(xback.json).toMatchObject({ created: 0, updated: 0, unchanged: 1599, rejected: 0 });
  });
});

describe('bad uploads', () => {
  async function expectRefused(r: { status: number; json: any }, status: number, words: string) {
    expect(r.status).toBe(status);
    expect(r.json.error.message).toContain(words);
    expect(await householdRows()).toHaveLength(3);
  }
  const send = (cookie: string, body: Uint8Array | string, type: string, path = '/api/v1/households/import') =>
    api(t, 'POST', path, { cookie, headers: { 'content-type': type }, body: body as string });

  it('refuses a JSON body with 415 and says which types it takes', async () => {
    const { staff } = await setup();
    await expectRefused(await send(staff, '{"a":1}', 'application/json'), 415, 'CSV');
  });

  it('refuses an empty body with 422', async () => {
    const { staff } = await setup();
    await expectRefused(await send(staff, '', 'text/csv'), 422, 'không có dữ liệu');
  });

  it('refuses a binary file sent as CSV with 400, asking for UTF-8 text', async () => {
    const { staff } = await setup();
    const binary = new Uint8Array(2000).map((_, i) => (i * 37) % 256);
    await expectRefused(await send(staff, binary, 'text/csv'), 400, 'UTF-8');
  });

  it('refuses a CSV whose quote never closes, naming the row', async () => {
    const { staff } = await setup();
    const r = await send(staff, `${CSV_HEADER}\n1,DS-9,Thôn Đông Sơn,"Nguyễn Văn Mới,Nguyễn,Xóm 1,2,,\n`, 'text/csv');
    await expectRefused(r, 422, 'CSV');
    expect(r.json.error.details[0]).toMatchObject({ path: 'row 2', message: expect.stringContaining('Dòng 2') });
  });

  it('refuses a file without the register headers with 422 naming the missing columns', async () => {
    const { staff } = await setup();
    const r = await send(staff, 'a,b,c\n1,2,3\n', 'text/csv');
    await expectRefused(r, 422, 'dòng tiêu đề');
    expect(r.json.error.details.map((d: { path: string }) => d.path)).toEqual(['Mã hộ', 'Thôn', 'Họ và tên chủ hộ']);
  });

  it('refuses a truncated workbook with 400', async () => {
    const { staff } = await setup();
    const whole = readFileSync(join(FIXTURES, 'register-clean.xlsx'));
    await expectRefused(await send(staff, new Uint8Array(whole.subarray(0, whole.length / 2)), XLSX), 400, '.xlsx');
  });

  it('refuses a non-zip file sent as XLSX, and an old .xls, with a 4xx that says what to do', async () => {
    const { staff } = await setup();
    await expectRefused(await send(staff, 'STT,Mã hộ', XLSX), 400, 'Lưu thành');
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expectRefused(await send(staff, ole, 'application/vnd.ms-excel'), 415, '.xls');
  });

  it('refuses a zip bomb without inflating it: 413 with a Vietnamese message', async () => {
    const { staff } = await setup();
    // 300 MB of zeros deflate to about 1.3 MB (node's zlib: fflate takes seconds to compress this much)
    const bomb = zipOf([
      { name: 'xl/workbook.xml', raw: strToU8('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', raw: new Uint8Array(300 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expectRefused(await send(staff, bomb, XLSX), 413, 'giải nén');
  });

  it('refuses a zip bomb that lies about its sizes, stopping once the real output passes the limit', async () => {
    const { staff } = await setup();
    const bomb = zipOf([
      { name: 'xl/workbook.xml', raw: strToU8('<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', raw: strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', raw: new Uint8Array(100 * 1024 * 1024), declaredSize: 100 },
    ]);
    await expectRefused(await send(staff, bomb, XLSX), 413, 'giải nén');
  });

  it('refuses a body over 25 MiB with 413', async () => {
    const { staff } = await setup();
    const huge = `${CSV_HEADER}\n` + 'x'.repeat(25 * 1024 * 1024);
    await expectRefused(await send(staff, huge, 'text/csv'), 413, 'quá lớn');
  });

  it('takes the file from a multipart form field "file"', async () => {
    const { staff } = await setup();
    const form = new FormData();
    form.append('file', new File([`${CSV_HEADER}\n9,DS-9,Thôn Đông Sơn,Phạm Văn Em,,Xóm 4,2,,\n`], 'so-ho.csv', { type: 'text/csv' }));
    const r = await api(t, 'POST', '/api/v1/households/import', { cookie: staff, body: form });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ created: 1, rejected: 0 });

    const xform = new FormData();
    xform.append('file', new File([writeXlsx([{ name: 'A', rows: [['Mã hộ', 'Thôn', 'Chủ hộ'], ['DS-10', 'Đông Sơn', 'Võ Thị Giang']] }]) as Uint8Array<ArrayBuffer>], 'so-ho.xlsx'));
    const x = await api(t, 'POST', '/api/v1/households/import', { cookie: staff, body: xform });
    expect(x.json).toMatchObject({ created: 1, rejected: 0 });

    const empty = await api(t, 'POST', '/api/v1/households/import', { cookie: staff, body: new FormData() });
    expect(empty.status).toBe(422);
    expect(empty.json.error.details[0].path).toBe('file');
  });
});
