// The exports as a commune office opens them (issue 16): LibreOffice Calc,
// headless, under a Vietnamese locale (decimal comma) and an English one,
// reads the register and the results the server writes. Numbers must be
// numbers, phones and numeric-looking codes keep their leading zero,
// Vietnamese text arrives intact and no cell is a formula (issue 14 §4).
// Needs LibreOffice (Debian: libreoffice-calc-nogui; .ci/run installs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { openInLibreOffice, publishedDecision, type OpenedCell, type OpenedFile } from '../support/exports';

let t: TestEnv;
let vi: Record<string, OpenedFile>;
let en: Record<string, OpenedFile>;

const HOUSEHOLDS = [
  // code, head, representative, address, members, phone, note
  ['00123', 'Nguyễn Thị Ánh Tuyết', 'Nguyễn Thị Ánh Tuyết', 'Xóm 3, Thôn Đông Sơn, xã Việt Khê', '4', '0912345678', '=1+1'],
  ['VK-DS-9002', 'Đặng Văn Hưởng', 'Phạm Thị Ngọc Bích', 'Ngõ 5, đường Trần Hưng Đạo', '2', '0387654321', '@SUM(A1:A2)'],
  ['VK-DS-9003', 'Lê Quỳnh', 'Lê Quỳnh', '-', '1', '', '+84 đổi số'],
];

const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const fetchBytes = async (path: string, cookie?: string) => {
  const res = await t.app.request(path, { headers: cookie ? { cookie } : {} });
  expect(res.status, path).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
};

/** The data rows of a register file's sheets as LibreOffice typed them, by household code. */
function registerRows(file: OpenedFile): Map<string, OpenedCell[]> {
  const rows = file.sheets.flatMap((s) => s.rows.slice(1));
  return new Map(rows.map((r) => [String(r[1]).replace(/^'/, ''), r]));
}

beforeAll(async () => {
  t = await makeTestApp();
  // A decision over one village: 9 of 11 households took part, 81.8 %.
  const { id } = await publishedDecision(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 11, returned: 9, counts: [7, 1, 1] }]);
  await addUser(t, { username: 'canbo.sheet', role: 'staff' });
  const cookie = await login(t, 'canbo.sheet');
  const csv = ['Mã hộ,Thôn,Họ và tên chủ hộ,Người đại diện,Địa chỉ,Số nhân khẩu,Số điện thoại,Ghi chú',
    ...HOUSEHOLDS.map(([code, head, rep, address, members, phone, note]) => [code!, 'Thôn Đông Sơn', head!, rep!, address!, members!, phone!, note!].map(field).join(','))].join('\r\n');
  const imported = await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': 'text/csv' }, body: csv });
  expect(imported.json).toMatchObject({ created: 3, rejected: 0 });

  const files = [
    { name: 'so-ho.csv', bytes: await fetchBytes('/api/v1/households/export.csv', cookie) },
    { name: 'so-ho-excel.xlsx', bytes: await fetchBytes('/api/v1/households/export.xlsx', cookie) },
    { name: 'ket-qua.csv', bytes: await fetchBytes(`/api/v1/campaigns/${id}/results.csv`) },
    { name: 'ket-qua-excel.xlsx', bytes: await fetchBytes(`/api/v1/campaigns/${id}/results.xlsx`) },
  ];
  vi = openInLibreOffice(files, 'vi-VN');
  en = openInLibreOffice(files.filter((f) => f.name.startsWith('ket-qua')), 'en-US');
}, 240_000);
afterAll(() => t?.close());

describe('exports opened in LibreOffice under a Vietnamese locale', () => {
  it('keeps phones and numeric-looking codes as text with their leading zero, in the CSV and the workbook', () => {
    for (const name of ['so-ho.csv', 'so-ho-excel.xlsx']) {
      const rows = registerRows(vi[name]!);
      const a = rows.get('00123')!;
      const b = rows.get('VK-DS-9002')!;
      // the CSV shows the apostrophe that marks text, the workbook only the digits
      expect(a[1], name).toMatch(/^'?00123$/);
      expect(a[7], name).toMatch(/^'?0912345678$/);
      expect(b[7], name).toMatch(/^'?0387654321$/);
      if (name.endsWith('.xlsx')) expect([a[1], a[7], b[7]]).toEqual(['00123', '0912345678', '0387654321']);
    }
  });

  it('reads household members as numbers, and keeps Vietnamese names and addresses as written', () => {
    for (const name of ['so-ho.csv', 'so-ho-excel.xlsx']) {
      const rows = registerRows(vi[name]!);
      const a = rows.get('00123')!;
      const b = rows.get('VK-DS-9002')!;
      expect([a[6], b[6]], name).toEqual([4, 2]);
      expect(a[0], name).toEqual(expect.any(Number)); // STT
      expect([a[3], b[3], b[4], b[5], a[2]], name).toEqual(['Nguyễn Thị Ánh Tuyết', 'Đặng Văn Hưởng', 'Phạm Thị Ngọc Bích', 'Ngõ 5, đường Trần Hưng Đạo', 'Thôn Đông Sơn']);
      expect(vi[name]!.sheets.flatMap((s) => s.rows).flat().filter((c) => typeof c === 'string' && c !== c.normalize('NFC'))).toEqual([]);
    }
  });

  it('leaves every formula-like cell inert: text, not a formula', () => {
    for (const name of ['so-ho.csv', 'so-ho-excel.xlsx']) {
      expect(vi[name]!.formulas, name).toBe(0);
      const notes = [...registerRows(vi[name]!).values()].map((r) => r[8]).filter((n) => n);
      expect(notes.map((n) => String(n).replace(/^'/, '')).sort(), name).toEqual(['+84 đổi số', '=1+1', '@SUM(A1:A2)']);
      const address = registerRows(vi[name]!).get('VK-DS-9003')![5];
      expect(String(address).replace(/^'/, ''), name).toBe('-');
    }
  });

  it('reads the results workbook’s counts and decimal percentages as numbers', () => {
    const file = vi['ket-qua-excel.xlsx']!;
    expect(file.formulas).toBe(0);
    const [header, ...rows] = file.sheets[0]!.rows;
    expect(header!.slice(0, 5)).toEqual(['Mã thôn', 'Thôn', 'Tổng số hộ', 'Số hộ tham gia', 'Tỷ lệ tham gia (%)']);
    const approve = rows.find((r) => r[7] === 'approve')!;
    expect(approve.slice(0, 5)).toEqual(['DS', 'Thôn Đông Sơn', 11, 9, 81.8]);
    expect(approve[8]).toBe(7);
  });

  it('reads the results CSV’s whole numbers as numbers; its dot decimals are for a dot-decimal locale, as documented', () => {
    const approve = vi['ket-qua.csv']!.sheets[0]!.rows.find((r) => r[7] === 'approve')!;
    expect(approve.slice(2, 4)).toEqual([11, 9]);
    expect(approve[4]).toBe('81.8'); // a comma-decimal spreadsheet keeps "82.1" as text: the workbook is for it
    expect(vi['ket-qua.csv']!.formulas).toBe(0);
  });
});

describe('exports opened in LibreOffice under an English locale', () => {
  it('reads the results CSV and workbook, decimals included, as numbers', () => {
    for (const name of ['ket-qua.csv', 'ket-qua-excel.xlsx']) {
      const approve = en[name]!.sheets[0]!.rows.find((r) => r[7] === 'approve')!;
      expect(approve.slice(0, 5), name).toEqual(['DS', 'Thôn Đông Sơn', 11, 9, 81.8]);
      expect(en[name]!.formulas, name).toBe(0);
    }
  });
});
