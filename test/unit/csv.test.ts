import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvReader, CsvSyntaxError, detectDelimiter, parseCsv, toCsv, type CsvRow } from '../../server/services/spreadsheet/csv';
import { SheetLimitError } from '../../server/services/spreadsheet/limits';

const cells = (text: string) => parseCsv(text).map((r) => r.cells);

describe('CSV (RFC 4180)', () => {
  it.each([
    ['LF line ends', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF line ends', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['no final line break', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['a BOM before the header', '\uFEFFSTT,Mã hộ\n1,A', [['STT', 'Mã hộ'], ['1', 'A']]],
    ['a quoted comma', '"Xóm 1, Thôn Đông",2', [['Xóm 1, Thôn Đông', '2']]],
    ['doubled quotes inside a quoted field', '"Tổ ""Hoa Sen""",x', [['Tổ "Hoa Sen"', 'x']]],
    ['a quoted line break', '"dòng 1\r\ndòng 2",x\n', [['dòng 1\r\ndòng 2', 'x']]],
    ['empty fields and a quoted empty one', ',"",\n', [['', '', '']]],
    ['a trailing empty field', 'a,\n', [['a', '']]],
    ['semicolons when the header has no comma', 'a;b\n1;2', [['a', 'b'], ['1', '2']]],
  ])('reads %s', (_name, text, expected) => {
    expect(cells(text)).toEqual(expected);
  });

  it('numbers rows as a spreadsheet does, a multi-line cell counting as one row', () => {
    expect(parseCsv('h\n"a\nb"\nc\n').map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('reports an unclosed quote with the row where the field started', () => {
    try {
      parseCsv('h1,h2\n1,ok\n2,"never closed\n3,x\n');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CsvSyntaxError);
      expect(err).toMatchObject({ row: 3, reason: 'unclosed_quote' });
    }
  });

  it('reports text after a closing quote', () => {
    expect(() => parseCsv('a\n"x"y,1\n')).toThrow(expect.objectContaining({ row: 2, reason: 'text_after_quote' }));
  });

  it('picks the comma when the header has both separators', () => {
    expect(detectDelimiter('a;b,c\n')).toBe(',');
  });

  it('writes a BOM, CRLF and quotes only where needed, and reads back the same cells', () => {
    const rows = [['STT', 'Địa chỉ', 'Ghi chú'], [1, 'Xóm 1, Thôn "Đông"', 'hai\ndòng'], [2, ' lề ', '']];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFFSTT,Địa chỉ,Ghi chú\r\n1,"Xóm 1, Thôn ""Đông""","hai\ndòng"\r\n')).toBe(true);
    expect(cells(text)).toEqual(rows.map((r) => r.map(String)));
  });

  it('reads a file fed in pieces cut anywhere (inside quotes, between doubled quotes, inside CRLF) as it reads it whole', () => {
    const piece = fc.constantFrom('a', 'Đ', ',', ';', '"', '""', '\r', '\n', '\r\n', ' ', '\uFEFF');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(40), { maxLength: 6 }), (parts, cutsRaw) => {
        const text = parts.join('');
        let whole: CsvRow[] | Error;
        try { whole = parseCsv(text, ','); } catch (err) { whole = err as Error; }
        const cuts = [...new Set(cutsRaw.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
        const reader = new CsvReader(',');
        const rows: CsvRow[] = [];
        let pieced: CsvRow[] | Error = rows;
        try {
          let at = 0;
          for (const c of cuts) { reader.push(text.slice(at, c), false, rows); at = c; }
          reader.push(text.slice(at), true, rows);
        } catch (err) { pieced = err as Error; }
        expect(pieced).toEqual(whole);
      }),
      { numRuns: 3000 },
    );
  });

  it('hands out each record as soon as it is complete', () => {
    const reader = new CsvReader(',');
    const rows: CsvRow[] = [];
    reader.push('h1,h2\r\n1,"a', false, rows);
    expect(rows.map((r) => r.cells)).toEqual([['h1', 'h2']]);
    reader.push('b"\r\n2,c', false, rows);
    expect(rows.map((r) => r.cells)).toEqual([['h1', 'h2'], ['1', 'ab']]);
    reader.push('', true, rows);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('stops at a record with more fields than a spreadsheet has columns, or a field longer than a cell can be', () => {
    const limits = { maxColumns: 3, maxCellChars: 5 };
    expect(() => new CsvReader(',', limits).push('a,b,c\n1,2,3,4\n', true, [])).toThrow(expect.objectContaining({ limit: 'columns', row: 2 }));
    expect(() => new CsvReader(',', limits).push('a\n"123456"\n', true, [])).toThrow(SheetLimitError);
    expect(() => new CsvReader(',', limits).push('a\n12345\n', true, [])).not.toThrow();
  });
});
