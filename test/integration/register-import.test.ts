import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestApp, addUser, login, api, FIXTURES, type TestEnv } from '../support/app';
import { parseCsv } from '../../server/services/spreadsheet/csv';

let t: TestEnv;
afterEach(() => t?.close());

const villagesJson = JSON.parse(readFileSync(join(FIXTURES, 'villages.json'), 'utf8')) as { code: string; name: string; households: number }[];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function staffWithVillages(): Promise<string> {
  t = await makeTestApp();
  await addUser(t, { username: 'canbo', role: 'staff' });
  const cookie = await login(t, 'canbo');
  for (const v of villagesJson) {
    const r = await api(t, 'POST', '/api/v1/villages', { cookie, body: { code: v.code, name: v.name } });
    expect(r.status).toBe(201);
  }
  return cookie;
}

function upload(cookie: string, file: string, type: string) {
  return api(t, 'POST', '/api/v1/households/import', {
    cookie, headers: { 'content-type': type }, body: new Uint8Array(readFileSync(join(FIXTURES, file))),
  });
}

async function villageCounts(cookie: string) {
  const r = await api(t, 'GET', '/api/v1/villages', { cookie });
  expect(r.status).toBe(200);
  return Object.fromEntries((r.json as { code: string; households: number }[]).map((v) => [v.code, v.households]));
}

const expectedCounts = Object.fromEntries(villagesJson.map((v) => [v.code, v.households]));

describe('importing the household register', () => {
  it('imports the clean CSV: 1,599 households, each village as many as villages.json says, and a second import changes nothing', async () => {
    const cookie = await staffWithVillages();
    const first = await upload(cookie, 'register-clean.csv', 'text/csv');
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ created: 1599, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    expect(await villageCounts(cookie)).toEqual(expectedCounts);

    const again = await upload(cookie, 'register-clean.csv', 'text/csv');
    expect(again.json).toEqual({ created: 0, updated: 0, unchanged: 1599, rejected: 0, errors: [] });
    const versions = await t.deps.db.selectFrom('household_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(versions.n)).toBe(1599);
  });

  it('writes one audit entry per chunk of 200 households, each with its counts, never one per household', async () => {
    const cookie = await staffWithVillages();
    await upload(cookie, 'register-clean.csv', 'text/csv');
    const entries = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'household.import').orderBy('seq').execute();
    expect(entries).toHaveLength(Math.ceil(1599 / 200));
    const data = entries.map((e) => JSON.parse(e.data) as { created: number; part: number; parts: number });
    expect(data.reduce((s, d) => s + d.created, 0)).toBe(1599);
    expect(data.map((d) => d.part)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('imports the Excel workbook with title rows to the same register as the CSV, restoring the leading zero of phones', async () => {
    const cookie = await staffWithVillages();
    const r = await upload(cookie, 'register-clean.xlsx', XLSX);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ created: 1599, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    expect(await villageCounts(cookie)).toEqual(expectedCounts);

    const one = await api(t, 'GET', '/api/v1/households/VK-DS-0001', { cookie });
    expect(one.json).toMatchObject({ code: 'VK-DS-0001', head: 'Lê Ngọc Đạt', phone: '0982791590', members: 2 });
    const phones = await t.deps.db.selectFrom('households').select('phone').where('phone', '<>', '').execute();
    expect(phones.length).toBe(1107);
    expect(phones.every((p) => /^0\d{9}$/.test(p.phone))).toBe(true);

    // the same file as CSV finds every household already there, identical
    const csv = await upload(cookie, 'register-clean.csv', 'text/csv');
    expect(csv.json).toMatchObject({ created: 0, updated: 0, unchanged: 1599 });
  });

  it('reports each bad row of the dirty CSV by row and column in Vietnamese and keeps the 33 good rows', async () => {
    const cookie = await staffWithVillages();
    const r = await upload(cookie, 'register-dirty.csv', 'text/csv');
    expect(r.status).toBe(200);
    // 41 lines: the header, 39 data rows and one blank row (skipped silently).
    // Six rows are refused; the 33 others are created.
    expect(r.json).toMatchObject({ created: 33, updated: 0, unchanged: 0, rejected: 6 });
    expect(r.json.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [5, 'Mã hộ'], // VK-TK-0003 a second time (first on row 4)
      [7, 'Thôn'], // no village
      [9, 'Thôn'], // "Thôn Không Có" is not a village of the commune
      [11, 'Số nhân khẩu'], // "ba"
      [17, 'Họ và tên chủ hộ'], // neither head nor representative
      [23, 'Số nhân khẩu'], // -2
    ]);
    const messages = r.json.errors.map((e: { message: string }) => e.message);
    expect(messages[0]).toContain('trùng với dòng 4');
    expect(messages[2]).toContain('Thôn Không Có');
    expect(r.json.errors.every((e: { sheet?: string }) => e.sheet === undefined)).toBe(true);

    const first = await api(t, 'GET', '/api/v1/households/VK-TK-0003', { cookie });
    expect(first.json.head).toBe('Bùi Thị Yến'); // the first of the two rows is the one kept
    expect((await api(t, 'GET', '/api/v1/households/VK-TK-0006', { cookie })).status).toBe(404);
    expect((await api(t, 'GET', '/api/v1/households/VK-TK-0008', { cookie })).status).toBe(404);

    const padded = await api(t, 'GET', '/api/v1/households/VK-TK-0014', { cookie });
    expect(padded.json.head).toBe('Đỗ Thanh Phượng');
    expect((await api(t, 'GET', '/api/v1/households/VK-TK-0018', { cookie })).json.phone).toBe('0912345678');
    expect((await api(t, 'GET', '/api/v1/households/VK-TK-0020', { cookie })).json.villageId).toBeTruthy();
  });

  it('stores the decomposed (NFD) names of the dirty file in NFC', async () => {
    const cookie = await staffWithVillages();
    const raw = readFileSync(join(FIXTURES, 'register-dirty.csv'), 'utf8');
    const nfdRow = parseCsv(raw).find((r) => r.cells.some((c) => c !== c.normalize('NFC')));
    expect(nfdRow?.cells[1]).toBe('VK-TK-0012');
    await upload(cookie, 'register-dirty.csv', 'text/csv');
    const rows = await t.deps.db.selectFrom('households').select(['code', 'head', 'representative', 'address']).execute();
    for (const r of rows) for (const v of [r.head, r.representative, r.address]) expect(v).toBe(v.normalize('NFC'));
    const h = rows.find((r) => r.code === 'VK-TK-0012')!;
    expect(h.head).toBe('Dương Hồng Xuân'.normalize('NFC'));
  });

  it('finds "Nguyễn Văn" households when searching "nguyen van", and by household code in any case', async () => {
    const cookie = await staffWithVillages();
    await upload(cookie, 'register-clean.csv', 'text/csv');
    const r = await api(t, 'GET', `/api/v1/households?q=${encodeURIComponent('nguyen van')}`, { cookie });
    expect(r.status).toBe(200);
    const csv = parseCsv(readFileSync(join(FIXTURES, 'register-clean.csv'), 'utf8')).slice(1);
    const expected = csv.filter((c) => /nguyễn văn/i.test(c.cells[3]!) || /nguyễn văn/i.test(c.cells[4]!)).map((c) => c.cells[1]).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(r.json.map((h: { code: string }) => h.code).sort()).toEqual(expected);
    for (const h of r.json) expect(`${h.head} ${h.representative}`).toMatch(/Nguyễn Văn/);

    const byCode = await api(t, 'GET', '/api/v1/households?q=vk-tk-0151', { cookie });
    expect(byCode.json.map((h: { code: string }) => h.code)).toEqual(['VK-TK-0151']);
  });

  it('updates a changed row and keeps the earlier version', async () => {
    const cookie = await staffWithVillages();
    await upload(cookie, 'register-clean.csv', 'text/csv');
    const csv = '\uFEFFMã hộ,Thôn,Họ và tên chủ hộ,Người đại diện,Số nhân khẩu\r\nVK-DS-0001,Thôn Đông Sơn,Lê Ngọc Đạt,Lê Thị Hoa,3\r\n';
    const r = await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': 'text/csv' }, body: csv });
    expect(r.json).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0, errors: [] });
    const h = await api(t, 'GET', '/api/v1/households/VK-DS-0001/history', { cookie });
    expect(h.json.household).toMatchObject({ representative: 'Lê Thị Hoa', members: 3, phone: '0982791590', version: 2 });
    expect(h.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(h.json.versions[1].data).toMatchObject({ representative: 'Lê Ngọc Đạt', members: 2 });
  });

  it('names the sheet of each error in a workbook', async () => {
    const cookie = await staffWithVillages();
    const { writeXlsx } = await import('../../server/services/spreadsheet/xlsx-write');
    const header = ['STT', 'Mã hộ', 'Thôn', 'Họ và tên chủ hộ', 'Người đại diện', 'Số nhân khẩu', 'Số điện thoại'];
    const bytes = writeXlsx([
      { name: 'Đông Sơn', rows: [['DANH SÁCH HỘ'], header, [1, 'X-1', 'Đông Sơn', 'Trần Văn A', '', 2, 912345678]] },
      { name: 'Trung Hà', rows: [header, [1, 'X-2', 'Trung Hà', 'Lê Thị B', '', 'hai', ''], [2, 'X-1', 'Trung Hà', 'Lê Văn C', '', 1, '']] },
    ]);
    const r = await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': XLSX }, body: bytes });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ created: 1, rejected: 2 });
    expect(r.json.errors).toEqual([
      expect.objectContaining({ sheet: 'Trung Hà', row: 2, column: 'Số nhân khẩu' }),
      expect.objectContaining({ sheet: 'Trung Hà', row: 3, column: 'Mã hộ', message: expect.stringContaining('dòng 3 của trang "Đông Sơn"') }),
    ]);
    expect((await api(t, 'GET', '/api/v1/households/X-1', { cookie })).json.phone).toBe('0912345678');
  });

  it('answers in English when asked, keeping the Vietnamese header names', async () => {
    const cookie = await staffWithVillages();
    const r = await api(t, 'POST', '/api/v1/households/import?lang=en', {
      cookie, headers: { 'content-type': 'text/csv' }, body: 'Mã hộ,Thôn,Họ và tên chủ hộ\nA-1,Thôn Mới,Ai Đó\n',
    });
    expect(r.json.errors).toEqual([{ row: 2, column: 'Thôn', message: expect.stringContaining('There is no village "Thôn Mới"'), messageEn: expect.any(String) }]);
  });
});
