// The results CSV of an answered campaign opened as a commune office opens
// it: in a spreadsheet (LibreOffice Calc, headless, converting it to a
// workbook read back cell by cell). Every row must read by its words: the
// SIPAS criterion and element by their text, a boolean by its labels, a
// rating by its scale's words, a choice by its text; and counts are numbers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign } from '../support/campaigns';
import { formNamed } from '../support/surveyjs';
import { submitAnonymous } from '../../server/services/submit-anonymous';
import { readXlsx, type CellValue } from '../../server/services/spreadsheet/xlsx-read';

const dir = mkdtempSync(join(tmpdir(), 'danban-csv-'));
let t: TestEnv;
const sheets: Record<string, CellValue[][]> = {};

/** Converts the CSVs with LibreOffice (a profile of its own, so it never meets another running instance) and reads the workbooks back. */
function openInSpreadsheet(files: string[]): Record<string, CellValue[][]> {
  execFileSync('soffice', [
    '--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`,
    '--convert-to', 'xlsx', '--infilter=CSV:44,34,76,1', '--outdir', dir, ...files.map((f) => join(dir, `${f}.csv`)),
  ], { stdio: 'ignore', timeout: 120_000 });
  return Object.fromEntries(files.map((f) => [f, readXlsx(new Uint8Array(readFileSync(join(dir, `${f}.xlsx`))))[0]!.rows.map((r) => r.cells)]));
}

beforeAll(async () => {
  t = await makeTestApp();
  await addUser(t, { username: 'canbo', role: 'staff' });
  const staff = await login(t, 'canbo');
  const [v] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 3 }]);
  const rows = { 'Thái độ cán bộ': 3, 'Thời gian giải quyết': 1, 'Niêm yết thủ tục': 2, 'Cơ sở vật chất': 2 };
  const runs = {
    'mot-cua': {
      form: formNamed('fixtures/surveyjs/danh-gia-mot-cua.json'),
      answers: [
        { 'hai-long-chung': 1, 'tieu-chi': rows, kenh: ['khong-kenh-nao'], 'di-lai': true, 'so-lan': 4 },
        { 'hai-long-chung': 5, 'tieu-chi': rows, kenh: ['Zalo của xã', 'other'], 'kenh-Comment': 'Hỏi cán bộ thôn', 'di-lai': false },
        { 'hai-long-chung': 5, 'tieu-chi': rows, 'di-lai': true, 'so-lan': 2 },
      ],
    },
    sipas: { form: formNamed('surveys/sipas.json'), answers: [{ a1: 5, b2: 2 }, { a1: 4 }, { a1: 2, b2: 5 }] },
  };
  for (const [file, run] of Object.entries(runs)) {
    const c = await createCampaign(t, staff, { title: `Khảo sát ${file}`, kind: 'satisfaction', villageIds: [v!.id], channels: ['online'], survey: run.form });
    await openCampaign(t, staff, c.id);
    for (const [i, a] of run.answers.entries()) await submitAnonymous(t.deps, { slug: c.slug, answers: a, deviceToken: `${file}-${i}`, kiosk: false, client: `${file}-${i}` });
    expect((await api(t, 'POST', `/api/v1/campaigns/${c.id}/close`, { cookie: staff })).status).toBe(200);
    expect((await api(t, 'POST', `/api/v1/campaigns/${c.id}/publish`, { cookie: staff })).status).toBe(200);
    writeFileSync(join(dir, `${file}.csv`), new Uint8Array(await (await t.app.request(`/api/v1/campaigns/${c.id}/results.csv`)).arrayBuffer()));
  }
  Object.assign(sheets, openInSpreadsheet(Object.keys(runs)));
});

afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The row whose code (column E) is `code`. */
const byCode = (sheet: CellValue[][], code: string) => sheet.find((r) => r[4] === code);

describe('the results CSV opened in a spreadsheet', () => {
  it('has its Vietnamese headers in their cells', () => {
    for (const sheet of Object.values(sheets)) {
      expect(sheet[0]).toEqual(['Phần', 'Câu hỏi', 'Dòng, mục', 'Lựa chọn', 'Mã', 'Số câu trả lời', 'Số lượng', 'Tỷ lệ (%)', 'Trung bình', 'Nhỏ nhất', 'Lớn nhất', 'Ghi chú']);
    }
  });

  it('reads booleans, ratings and choices by their labels, with the counts as numbers', () => {
    const s = sheets['mot-cua']!;
    expect(byCode(s, 'di-lai=true')!.slice(1, 7)).toEqual(['Ông/bà có phải đi lại nhiều lần không?', null, 'Có', 'di-lai=true', 3, 2]);
    expect(byCode(s, 'di-lai=false')![3]).toBe('Không');
    expect(byCode(s, 'hai-long-chung=1')!.slice(3, 7)).toEqual(['1 · Rất không hài lòng', 'hai-long-chung=1', 3, 1]);
    expect(byCode(s, 'hai-long-chung=5')!.slice(3, 7)).toEqual(['5 · Rất hài lòng', 'hai-long-chung=5', 3, 2]);
    expect(byCode(s, 'kenh=khong-kenh-nao')!.slice(3, 7)).toEqual(['Không qua kênh nào', 'kenh=khong-kenh-nao', 2, 1]);
    expect(byCode(s, 'kenh=other')![3]).toBe('Khác');
    expect(byCode(s, 'tieu-chi[Thời gian giải quyết]=1')!.slice(1, 7)).toEqual(['Đánh giá từng tiêu chí', 'Thời gian giải quyết', 'Kém', 'tieu-chi[Thời gian giải quyết]=1', 3, 3]);
    // no row says true/false where it means a label
    expect(s.filter((r) => r[3] === 'true' || r[3] === 'false')).toEqual([]);
    // and the note written beside "other" is not in the file
    expect(s.flat()).not.toContain('Hỏi cán bộ thôn');
  });

  it('names each SIPAS criterion and element by its text', () => {
    const s = sheets.sipas!;
    expect(byCode(s, 'A.a1')!.slice(0, 7)).toEqual(['SIPAS', 'Yếu tố 1. Tiếp cận dịch vụ', 'Nơi ngồi chờ có đủ chỗ ngồi', 'Hài lòng (mức 4–5)', 'A.a1', 3, 2]);
    expect(byCode(s, 'B')!.slice(0, 3)).toEqual(['SIPAS', 'Yếu tố 2. Thủ tục hành chính', '(cả yếu tố)']);
    // no SIPAS row is named by a bare code
    for (const r of s.filter((x) => x[0] === 'SIPAS')) expect(String(r[1])).not.toMatch(/^[A-E]$/);
    for (const r of s.filter((x) => x[0] === 'SIPAS' && x[2] !== '(cả yếu tố)' && x[2] !== null)) expect(String(r[2])).not.toMatch(/^[a-e]\d$/);
  });
});
