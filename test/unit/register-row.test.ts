import { describe, expect, it } from 'vitest';
import {
  fieldOfHeader, findHeader, householdSearchText, mergeHousehold, normalizePhone, parseRegister, searchPhrase, villageMatcher,
  type CellValue, type SheetRows,
} from '../../server/domain/register-row';

const VILLAGES = [
  { id: 'v-ds', code: 'DS', name: 'Thôn Đông Sơn' },
  { id: 'v-th', code: 'TH', name: 'Thôn Trung Hà' },
];
const HEADER = ['STT', 'Mã hộ', 'Thôn', 'Họ và tên chủ hộ', 'Người đại diện', 'Địa chỉ', 'Số nhân khẩu', 'Số điện thoại', 'Ghi chú'];

function sheet(rows: CellValue[][], name?: string): SheetRows {
  return { ...(name ? { sheet: name } : {}), rows: rows.map((cells, i) => ({ row: i + 1, cells })) };
}
const one = (...row: CellValue[]) => parseRegister([sheet([HEADER, row])], VILLAGES);

describe('register headers', () => {
  it.each([
    ['Mã hộ', 'code'], ['MÃ HỘ', 'code'], ['ma ho', 'code'], ['  Mã  hộ ', 'code'], ['Household code', 'code'],
    ['Họ và tên chủ hộ', 'head'], ['Chủ hộ', 'head'], ['Head of household', 'head'], ['Người đại diện', 'representative'],
    ['Số nhân khẩu', 'members'], ['Members', 'members'], ['Số điện thoại', 'phone'], ['SĐT', 'phone'], ['Phone', 'phone'],
    ['Thôn', 'village'], ['Thôn/Tổ dân phố', 'village'], ['Village', 'village'], ['Ghi chú', 'note'], ['STT', 'stt'],
    ['Địa chỉ', 'address'], ['Nghề nghiệp', null],
  ])('reads the header "%s" as %s', (text, field) => {
    expect(fieldOfHeader(text)).toBe(field);
  });

  it('finds the header row under title rows', () => {
    const rows = sheet([['UBND XÃ'], ['DANH SÁCH HỘ'], [], HEADER, [1, 'A']]).rows.filter((r) => r.cells.length);
    expect(findHeader(rows)).toMatchObject({ row: 4 });
  });

  it('reports the required columns a file lacks', () => {
    expect(findHeader(sheet([['STT', 'Mã hộ', 'Địa chỉ']]).rows)).toEqual({ row: 1, missing: ['village', 'head'] });
  });
});

describe('register rows', () => {
  it('keeps a good row with its text cleaned to NFC, the phone normalised and the code upper case', () => {
    const r = one(1, ' vk-ds-0001 ', 'Thôn Đông Sơn', '  Lê  Ngọc Đạt '.normalize('NFD'), '', 'Xóm 6', 2, '0912 345.678', '');
    expect(r.errors).toEqual([]);
    expect(r.households).toEqual([{
      row: 2, code: 'VK-DS-0001', villageId: 'v-ds', head: 'Lê Ngọc Đạt', representative: 'Lê Ngọc Đạt',
      address: 'Xóm 6', members: 2, phone: '0912345678', note: '',
    }]);
    expect(r.households[0]!.head).toBe('Lê Ngọc Đạt'.normalize('NFC'));
  });

  it('uses the head as representative when only the head is named, and leaves the head empty when only the representative is', () => {
    expect(one(1, 'A', 'DS', 'Chủ Hộ', '', '', 1, '', '').households[0]).toMatchObject({ head: 'Chủ Hộ', representative: 'Chủ Hộ' });
    expect(one(1, 'A', 'DS', '', 'Đại Diện', '', 1, '', '').households[0]).toMatchObject({ head: '', representative: 'Đại Diện' });
  });

  it.each([
    ['Thôn Đông Sơn', 'v-ds'], ['thôn đông sơn', 'v-ds'], ['THÔN ĐÔNG SƠN', 'v-ds'], ['Thôn Đông Sơn'.normalize('NFD'), 'v-ds'],
    ['Đông Sơn', 'v-ds'], ['ds', 'v-ds'], ['TH', 'v-th'], ['  Thôn   Trung Hà ', 'v-th'],
  ])('finds the village "%s"', (text, id) => {
    expect(villageMatcher(VILLAGES)(text)?.id).toBe(id);
  });

  it('matches no village on a key two villages share', () => {
    const find = villageMatcher([...VILLAGES, { id: 'v-x', code: 'X', name: 'Tổ dân phố Đông Sơn' }]);
    expect(find('Đông Sơn')).toBeNull();
    expect(find('Tổ dân phố Đông Sơn')?.id).toBe('v-x');
  });

  it.each([
    ['a missing code', [1, '', 'DS', 'A', '', '', 1, '', ''], 'Mã hộ', 'Thiếu mã hộ'],
    ['a missing village', [1, 'A', '', 'A', '', '', 1, '', ''], 'Thôn', 'Thiếu tên thôn'],
    ['an unknown village', [1, 'A', 'Thôn Mới', 'A', '', '', 1, '', ''], 'Thôn', 'Không có thôn "Thôn Mới"'],
    ['no head and no representative', [1, 'A', 'DS', '', '', '', 1, '', ''], 'Họ và tên chủ hộ', 'chủ hộ hoặc người đại diện'],
    ['members in words', [1, 'A', 'DS', 'A', '', '', 'ba', '', ''], 'Số nhân khẩu', '"ba"'],
    ['negative members', [1, 'A', 'DS', 'A', '', '', '-2', '', ''], 'Số nhân khẩu', '"-2"'],
    ['fractional members', [1, 'A', 'DS', 'A', '', '', 2.5, '', ''], 'Số nhân khẩu', '"2.5"'],
    ['no members', [1, 'A', 'DS', 'A', '', '', '', '', ''], 'Số nhân khẩu', 'Thiếu số nhân khẩu'],
    ['a phone with letters', [1, 'A', 'DS', 'A', '', '', 1, '09x', ''], 'Số điện thoại', '"09x"'],
  ])('refuses %s, naming the column in Vietnamese', (_what, row, column, words) => {
    const r = one(...(row as CellValue[]));
    expect(r.households).toEqual([]);
    expect(r.rejected).toBe(1);
    expect(r.errors).toEqual([{ row: 2, column, message: { vi: expect.stringContaining(words), en: expect.any(String) } }]);
  });

  it('reports every problem of a row but counts the row once', () => {
    const r = one(1, '', '', '', '', '', 'x', '', '');
    expect(r.errors.map((e) => e.column)).toEqual(['Mã hộ', 'Thôn', 'Họ và tên chủ hộ', 'Số nhân khẩu']);
    expect(r.rejected).toBe(1);
  });

  it('refuses a code seen earlier in the file on its second row, keeping the first', () => {
    const r = parseRegister([sheet([HEADER, [1, 'A', 'DS', 'Một', '', '', 1, '', ''], [2, 'B', 'DS', 'Hai', '', '', 1, '', ''], [3, 'a', 'TH', 'Ba', '', '', 1, '', '']])], VILLAGES);
    expect(r.households.map((h) => h.head)).toEqual(['Một', 'Hai']);
    expect(r.errors).toEqual([expect.objectContaining({ row: 4, column: 'Mã hộ', message: expect.objectContaining({ vi: expect.stringContaining('dòng 2') }) })]);
  });

  it('skips blank rows silently and keeps spreadsheet row numbers', () => {
    const r = parseRegister([sheet([HEADER, ['', '', null, '  '], [], [3, 'C', 'DS', 'X', '', '', 'x', '', '']])], VILLAGES);
    expect(r.errors.map((e) => e.row)).toEqual([4]);
    expect(r.rejected).toBe(1);
  });

  it('names the sheet of each error and ignores empty sheets', () => {
    const r = parseRegister([sheet([], 'Trống'), sheet([['Danh sách'], HEADER, [1, 'A', 'Nowhere', 'X', '', '', 1, '', '']], 'Thôn A')], VILLAGES);
    expect(r.errors).toEqual([expect.objectContaining({ sheet: 'Thôn A', row: 3, column: 'Thôn' })]);
    expect(r.headerProblems).toEqual([]);
  });

  it('leaves out fields whose column the file lacks, so an update keeps their stored value', () => {
    const r = parseRegister([sheet([['Mã hộ', 'Thôn', 'Chủ hộ'], ['A', 'DS', 'Tên']])], VILLAGES);
    const row = r.households[0]!;
    expect(row).toEqual({ row: 2, code: 'A', villageId: 'v-ds', head: 'Tên', representative: 'Tên' });
    const stored = { code: 'A', villageId: 'v-th', head: 'Cũ', representative: 'Cũ', address: 'Xóm 1', members: 4, phone: '0912345678', note: 'n' };
    expect(mergeHousehold(row, stored)).toEqual({ ...stored, villageId: 'v-ds', head: 'Tên', representative: 'Tên' });
  });
});

describe('phones and search', () => {
  it.each<[CellValue, string | null]>([
    [982791590, '0982791590'], ['0982791590', '0982791590'], ['0912 345 678', '0912345678'], ['091-234-5678', '0912345678'],
    ['(024) 3825 1234', '02438251234'], ['+84912345678', '+84912345678'], [null, ''], ['', ''], ['12345', null], ['gọi sau', null],
    [312345678, '0312345678'], [212345678, '212345678'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('folds names, code and phone for search without letting a phrase span two fields', () => {
    const text = householdSearchText({ code: 'VK-DS-1', head: 'Lê Văn Nguyễn', representative: 'Văn Thị Đào', phone: '0912' });
    expect(text).toBe('vk-ds-1 | le van nguyen | van thi dao | 0912');
    expect(text.includes(searchPhrase('Nguyễn Văn'))).toBe(false);
    expect(text.includes(searchPhrase('LE VAN'))).toBe(true);
    expect(searchPhrase(' a | b ')).toBe('a b');
  });
});
