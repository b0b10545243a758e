import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { FIXTURES } from '../support/app';
import { readXlsx, decodeXmlText } from '../../server/services/spreadsheet/xlsx-read';
import { writeXlsx, safeSheetNames } from '../../server/services/spreadsheet/xlsx-write';
import { AppError } from '../../server/domain/errors';
import { statusOf } from '../../server/http/errors';

function workbook(sheetXml: string, shared = '<sst/>'): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="Thôn A" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://x/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(shared),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`),
  });
}

function refusal(bytes: Uint8Array): AppError {
  try {
    readXlsx(bytes);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('reading .xlsx', () => {
  it('reads the fixture workbook: six sheets in workbook order, title rows kept with their row numbers, merged titles listed', () => {
    const sheets = readXlsx(new Uint8Array(readFileSync(join(FIXTURES, 'register-clean.xlsx'))));
    expect(sheets.map((s) => s.name)).toEqual(['Đông Sơn', 'Trung Hà', 'Bắc Lưu', 'Nam Khê', 'Tây Kiếm', 'Phú Xuân']);
    const first = sheets[0]!;
    expect(first.merges).toEqual(['A1:I1', 'A2:I2']);
    expect(first.rows[0]).toEqual({ row: 1, cells: ['UBND XÃ VIỆT KHÊ', null, null, null, null, null, null, null, null] });
    expect(first.rows[3]!.cells.slice(0, 3)).toEqual(['STT', 'Mã hộ', 'Thôn']);
    expect(first.rows[4]).toEqual({ row: 5, cells: [1, 'VK-DS-0001', 'Thôn Đông Sơn', 'Lê Ngọc Đạt', 'Lê Ngọc Đạt', 'Xóm 6, Thôn Đông Sơn, xã Việt Khê, TP Hải Phòng', 2, 982791590, ''] });
  });

  it('reads inline strings, rich text runs without their phonetic guide, entities, booleans and gaps between cells', () => {
    const bytes = workbook(
      '<row r="2"><c r="B2" t="inlineStr"><is><t>Tổ &amp; &#272;ội</t></is></c><c r="D2" t="s"><v>0</v></c><c r="E2" t="b"><v>1</v></c><c r="F2"><v>1.5</v></c></row>' +
        '<row r="7"><c r="A7" t="str"><v>x_x000D_y</v></c></row>',
      '<sst><si><r><t>Nguyễn </t></r><r><t>Văn</t></r><rPh><t>ignored</t></rPh></si></sst>',
    );
    const [sheet] = readXlsx(bytes);
    expect(sheet!.name).toBe('Thôn A');
    expect(sheet!.rows).toEqual([
      { row: 2, cells: [null, 'Tổ & Đội', null, 'Nguyễn Văn', 'TRUE', 1.5] },
      { row: 7, cells: ['x\ry'] },
    ]);
  });

  it('decodes OOXML _xHHHH_ escapes and numeric references', () => {
    expect(decodeXmlText('a&#x1EA1;_x0009_b&lt;')).toBe('aạ\tb<');
  });

  it('refuses bytes that are not a zip with 400 and says what to do', () => {
    const err = refusal(strToU8('STT,Mã hộ\n1,A'));
    expect(statusOf(err)).toBe(400);
    expect(err.text.vi).toContain('Lưu thành');
  });

  it('refuses a zip without a workbook as not an Excel file', () => {
    expect(statusOf(refusal(zipSync({ 'readme.txt': strToU8('hi') })))).toBe(400);
  });

  it('refuses a truncated workbook with 400', () => {
    const whole = readFileSync(join(FIXTURES, 'register-clean.xlsx'));
    expect(statusOf(refusal(new Uint8Array(whole.subarray(0, 40_000))))).toBe(400);
  });

  it('refuses an archive with thousands of entries before inflating any', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 2100; i++) files[`f${i}`] = new Uint8Array(0);
    expect(statusOf(refusal(zipSync(files)))).toBe(413);
  });
});

describe('writing .xlsx', () => {
  it('writes sheets that read back cell for cell, codes and phones as text keeping their zeros', () => {
    const bytes = writeXlsx([
      { name: 'Thôn Đông Sơn', rows: [['Mã hộ', 'Số nhân khẩu', 'Số điện thoại'], ['007', 3, '0912345678'], ['A&B <x>', 0, '']] },
      { name: 'Thôn Trung Hà', rows: [['Mã hộ']] },
    ]);
    const sheets = readXlsx(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['Thôn Đông Sơn', 'Thôn Trung Hà']);
    expect(sheets[0]!.rows.map((r) => r.cells)).toEqual([['Mã hộ', 'Số nhân khẩu', 'Số điện thoại'], ['007', 3, '0912345678'], ['A&B <x>', 0]]);
  });

  it('writes the same bytes for the same content', () => {
    const sheet = [{ name: 'A', rows: [['x']] }];
    expect(writeXlsx(sheet)).toEqual(writeXlsx(sheet));
  });

  it('makes sheet names Excel accepts: 31 characters, no []:*?/\\, unique', () => {
    expect(safeSheetNames(['Thôn [1]/2', 'x'.repeat(40), 'A', 'a', ''])).toEqual(['Thôn  1  2', 'x'.repeat(31), 'A', 'a 2', 'Sheet5']);
  });
});
