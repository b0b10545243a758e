import { cleanText, fold } from './text';
import { unguardText } from './spreadsheet-text';

// The rules for one row of a household register (sổ hộ gia đình) as a
// village office keeps it in Excel. Pure: cells in, households and row
// errors out. Households vote, one ballot per household representative
// (Luật 10/2022/QH15 Đ19), so every row must name who represents it.

/** A message in Vietnamese first, with its English. */
export interface Text {
  vi: string;
  en: string;
}

export type CellValue = string | number | null;

export interface SheetRows {
  /** The sheet name, for workbooks; a CSV file has none. */
  sheet?: string;
  rows: { row: number; cells: CellValue[] }[];
}

export type Field = 'stt' | 'code' | 'village' | 'head' | 'representative' | 'address' | 'members' | 'phone' | 'note';

/** The headers the commune's template uses, in order; exports write them too. */
export const REGISTER_HEADERS: Record<Field, string> = {
  stt: 'STT',
  code: 'Mã hộ',
  village: 'Thôn',
  head: 'Họ và tên chủ hộ',
  representative: 'Người đại diện',
  address: 'Địa chỉ',
  members: 'Số nhân khẩu',
  phone: 'Số điện thoại',
  note: 'Ghi chú',
};
export const FIELD_ORDER: Field[] = ['stt', 'code', 'village', 'head', 'representative', 'address', 'members', 'phone', 'note'];

// Other spellings seen in real registers, and English for exports from other tools.
const ALIASES: Record<Field, string[]> = {
  stt: ['TT', 'Số TT', 'Số thứ tự', 'No', 'No.', '#'],
  code: ['Mã hộ gia đình', 'Mã HGĐ', 'Mã số hộ', 'Household code', 'Code', 'Household ID'],
  village: ['Thôn/Tổ dân phố', 'Thôn/TDP', 'Tổ dân phố', 'Thôn, tổ dân phố', 'Village'],
  head: ['Chủ hộ', 'Họ tên chủ hộ', 'Tên chủ hộ', 'Head', 'Head of household', 'Household head'],
  representative: ['Đại diện hộ', 'Người đại diện hộ', 'Đại diện', 'Representative'],
  address: ['Address'],
  members: ['Nhân khẩu', 'Số khẩu', 'Số người', 'Members', 'Household size'],
  phone: ['Điện thoại', 'SĐT', 'Số ĐT', 'Phone', 'Phone number', 'Telephone'],
  note: ['Ghi chú', 'Note', 'Notes', 'Remarks'],
};

/** Header text compared without case, diacritics, spaces or punctuation. */
export const headerKey = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');

const HEADER_LOOKUP = new Map<string, Field>();
for (const f of FIELD_ORDER) for (const h of [REGISTER_HEADERS[f], ...ALIASES[f]]) HEADER_LOOKUP.set(headerKey(h), f);

export function fieldOfHeader(text: string): Field | null {
  return HEADER_LOOKUP.get(headerKey(text)) ?? null;
}

export interface RowError {
  sheet?: string;
  /** The row number the spreadsheet shows, header and title rows included. */
  row: number;
  /** The header's text as written in the file. */
  column: string;
  message: Text;
}

export interface VillageRef {
  id: string;
  code: string;
  name: string;
}

/** The register's facts about one household, as stored and versioned. */
export interface HouseholdData {
  code: string;
  villageId: string;
  head: string;
  representative: string;
  address: string;
  members: number;
  phone: string;
  note: string;
}

/** A valid row; a field whose column the file lacks is undefined (left as it is on update). */
export interface ParsedHousehold {
  sheet?: string;
  row: number;
  code: string;
  villageId: string;
  head: string;
  representative: string;
  address?: string;
  members?: number;
  phone?: string;
  note?: string;
}

export interface HeaderProblem {
  sheet?: string;
  row: number;
  missing: Field[];
}

export interface RegisterParse {
  households: ParsedHousehold[];
  errors: RowError[];
  /** Rows refused (a row with two errors counts once). */
  rejected: number;
  /** Sheets with content but no recognisable header row. */
  headerProblems: HeaderProblem[];
  /** Sheets whose header row was found. */
  sheetsRead: number;
}

export const MAX_MEMBERS = 200;
const MAX_TEXT = 500;
const HEADER_SCAN_ROWS = 15;
// Spelled-out kinds of village the name may start with (thôn, tổ dân phố …),
// so "Đông Sơn" on a sheet finds "Thôn Đông Sơn".
const VILLAGE_PREFIX = /^(thôn|tổ dân phố|tdp|xóm|ấp|bản|buôn|khu phố|khu|làng|tổ)\s+/u;

const lowerKey = (s: string) => cleanText(s).toLocaleLowerCase('vi');

/**
 * Finds a village by its name in any letter case and Unicode form, with or
 * without its "Thôn" prefix, or by its code. A key two villages share matches
 * neither: a row is never filed under a guessed village.
 */
export function villageMatcher(villages: VillageRef[]): (text: string) => VillageRef | null {
  const keys = new Map<string, Set<VillageRef>>();
  const add = (k: string, v: VillageRef) => {
    if (!k) return;
    let set = keys.get(k);
    if (!set) keys.set(k, (set = new Set()));
    set.add(v);
  };
  for (const v of villages) {
    const name = lowerKey(v.name);
    add(name, v);
    add(name.replace(VILLAGE_PREFIX, ''), v);
    add(lowerKey(v.code), v);
  }
  return (text) => {
    const k = lowerKey(text);
    const hit = keys.get(k) ?? keys.get(k.replace(VILLAGE_PREFIX, ''));
    return hit && hit.size === 1 ? [...hit][0]! : null;
  };
}

/**
 * Cell text: NFC, trimmed, inner white space collapsed; numbers as Excel
 * shows integers. The apostrophe an export put before text a spreadsheet
 * would run or turn into a number comes off, so exported files import back
 * unchanged.
 */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  return cleanText(unguardText(v));
}

/**
 * A phone number as digits (a leading + kept): spaces, dots, dashes and
 * brackets removed. Vietnamese mobile numbers have 10 digits starting 03, 05,
 * 07, 08, 09; Excel drops the 0 when the column holds numbers, so a 9-digit
 * number starting 3, 5, 7, 8 or 9 gets it back. null when not a phone number.
 */
export function normalizePhone(v: CellValue | undefined): string | null {
  const s = cellText(v).replace(/[\s.\-()]/g, '');
  if (s === '') return '';
  if (!/^\+?\d{8,15}$/.test(s)) return null;
  return /^[35789]\d{8}$/.test(s) ? '0' + s : s;
}

/** A household code as stored: trimmed, upper case, no inner spaces. */
export function normalizeCode(v: CellValue | undefined): string {
  return cellText(v).replace(/\s+/g, '').toUpperCase();
}

/**
 * The folded text a search looks in. Fields are kept apart by " | " so a
 * phrase never matches across two of them ("nguyen van" must not join a head
 * ending in Nguyễn to a representative starting with Văn).
 */
export function householdSearchText(h: Pick<HouseholdData, 'code' | 'head' | 'representative' | 'phone'>): string {
  return [h.code, h.head, h.representative, h.phone].map(fold).join(' | ');
}

/** A search phrase as it is looked for in householdSearchText. */
export function searchPhrase(q: string): string {
  return fold(q).replace(/\|/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
}

/** Fills what a row left out from the stored household (or the defaults for a new one). */
export function mergeHousehold(row: ParsedHousehold, existing: HouseholdData | null): HouseholdData {
  return {
    code: row.code,
    villageId: row.villageId,
    head: row.head,
    representative: row.representative,
    address: row.address ?? existing?.address ?? '',
    members: row.members ?? existing?.members ?? 0,
    phone: row.phone ?? existing?.phone ?? '',
    note: row.note ?? existing?.note ?? '',
  };
}

export function sameHousehold(a: HouseholdData, b: HouseholdData): boolean {
  return (
    a.code === b.code && a.villageId === b.villageId && a.head === b.head && a.representative === b.representative &&
    a.address === b.address && a.members === b.members && a.phone === b.phone && a.note === b.note
  );
}

interface HeaderMatch {
  index: number;
  row: number;
  columns: Map<Field, { col: number; title: string }>;
}

function matchHeader(cells: CellValue[]): Map<Field, { col: number; title: string }> {
  const columns = new Map<Field, { col: number; title: string }>();
  cells.forEach((c, col) => {
    const title = cellText(c);
    const f = title ? fieldOfHeader(title) : null;
    if (f && !columns.has(f)) columns.set(f, { col, title });
  });
  return columns;
}

const missingRequired = (cols: Map<Field, unknown>): Field[] => {
  const missing: Field[] = [];
  if (!cols.has('code')) missing.push('code');
  if (!cols.has('village')) missing.push('village');
  if (!cols.has('head') && !cols.has('representative')) missing.push('head');
  return missing;
};

/** The header row: the first of the top rows naming the code, village and head or representative columns. */
export function findHeader(rows: SheetRows['rows']): HeaderMatch | HeaderProblem {
  let best: { row: number; columns: Map<Field, unknown> } | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN_ROWS); i++) {
    const columns = matchHeader(rows[i]!.cells);
    if (missingRequired(columns).length === 0) return { index: i, row: rows[i]!.row, columns };
    if (!best || columns.size > best.columns.size) best = { row: rows[i]!.row, columns };
  }
  return { row: best?.row ?? 1, missing: best ? missingRequired(best.columns) : ['code', 'village', 'head'] };
}

const isBlank = (cells: CellValue[]) => cells.every((c) => cellText(c) === '');

const T = {
  codeMissing: { vi: 'Thiếu mã hộ.', en: 'The household code is missing.' },
  codeTooLong: { vi: 'Mã hộ dài quá 50 ký tự.', en: 'The household code is longer than 50 characters.' },
  duplicate: (code: string, where: string, whereEn: string) => ({
    vi: `Mã hộ ${code} trùng với ${where}; dòng này bị bỏ qua.`,
    en: `Household code ${code} repeats ${whereEn}; this row was skipped.`,
  }),
  villageMissing: { vi: 'Thiếu tên thôn.', en: 'The village is missing.' },
  villageUnknown: (name: string) => ({
    vi: `Không có thôn "${name}" trong danh sách thôn của xã. Hãy sửa tên thôn hoặc tạo thôn trước khi nhập.`,
    en: `There is no village "${name}" in this commune. Correct the name or create the village before importing.`,
  }),
  noPerson: {
    vi: 'Cần ghi họ tên chủ hộ hoặc người đại diện hộ.',
    en: 'Give the name of the head of household or of its representative.',
  },
  membersMissing: { vi: 'Thiếu số nhân khẩu.', en: 'The number of members is missing.' },
  membersBad: (v: string) => ({
    vi: `Số nhân khẩu "${v}" không hợp lệ: phải là số nguyên từ 0 đến ${MAX_MEMBERS}.`,
    en: `Members "${v}" is not valid: it must be a whole number from 0 to ${MAX_MEMBERS}.`,
  }),
  phoneBad: (v: string) => ({
    vi: `Số điện thoại "${v}" không hợp lệ.`,
    en: `Phone number "${v}" is not valid.`,
  }),
  tooLong: { vi: `Nội dung dài quá ${MAX_TEXT} ký tự.`, en: `The text is longer than ${MAX_TEXT} characters.` },
};

/**
 * Validates the rows of every sheet. Blank rows are skipped silently; a
 * household code seen earlier in the file (any sheet) is an error on the
 * later row; every other problem is reported per cell, in Vietnamese with
 * its English, and the row is left out while every good row is kept.
 */
export function parseRegister(sheets: SheetRows[], villages: VillageRef[]): RegisterParse {
  const findVillage = villageMatcher(villages);
  const households: ParsedHousehold[] = [];
  const errors: RowError[] = [];
  const headerProblems: HeaderProblem[] = [];
  const seen = new Map<string, { sheet?: string; row: number }>();
  let rejected = 0;
  let sheetsRead = 0;

  for (const sheet of sheets) {
    const content = sheet.rows.filter((r) => !isBlank(r.cells));
    if (content.length === 0) continue;
    const header = findHeader(content);
    if ('missing' in header) {
      headerProblems.push({ ...(sheet.sheet !== undefined ? { sheet: sheet.sheet } : {}), row: header.row, missing: header.missing });
      continue;
    }
    sheetsRead++;
    const col = header.columns;
    const at = (cells: CellValue[], f: Field) => {
      const c = col.get(f);
      return c ? cells[c.col] : undefined;
    };
    const title = (f: Field) => col.get(f)?.title ?? REGISTER_HEADERS[f];
    const has = (f: Field) => col.has(f);

    for (const { row, cells } of content.slice(header.index + 1)) {
      const rowErrors: RowError[] = [];
      const fail = (f: Field, message: Text) =>
        rowErrors.push({ ...(sheet.sheet !== undefined ? { sheet: sheet.sheet } : {}), row, column: title(f), message });

      const code = normalizeCode(at(cells, 'code'));
      if (!code) fail('code', T.codeMissing);
      else if (code.length > 50) fail('code', T.codeTooLong);
      else {
        const first = seen.get(code);
        if (first) {
          const vi = first.sheet !== undefined && first.sheet !== sheet.sheet ? `dòng ${first.row} của trang "${first.sheet}"` : `dòng ${first.row}`;
          const en = first.sheet !== undefined && first.sheet !== sheet.sheet ? `row ${first.row} of sheet "${first.sheet}"` : `row ${first.row}`;
          fail('code', T.duplicate(code, vi, en));
        } else seen.set(code, { ...(sheet.sheet !== undefined ? { sheet: sheet.sheet } : {}), row });
      }

      const villageText = cellText(at(cells, 'village'));
      const village = villageText ? findVillage(villageText) : null;
      if (!villageText) fail('village', T.villageMissing);
      else if (!village) fail('village', T.villageUnknown(villageText));

      const headName = cellText(at(cells, 'head'));
      const repName = cellText(at(cells, 'representative'));
      if (!headName && !repName) fail(has('head') ? 'head' : 'representative', T.noPerson);
      if (headName.length > MAX_TEXT) fail('head', T.tooLong);
      if (repName.length > MAX_TEXT) fail('representative', T.tooLong);

      let members: number | undefined;
      if (has('members')) {
        const raw = at(cells, 'members');
        const text = cellText(raw);
        const n = typeof raw === 'number' ? raw : /^\d+$/.test(text) ? Number(text) : NaN;
        if (text === '') fail('members', T.membersMissing);
        else if (!Number.isInteger(n) || n < 0 || n > MAX_MEMBERS) fail('members', T.membersBad(text));
        else members = n;
      }

      let phone: string | undefined;
      if (has('phone')) {
        const p = normalizePhone(at(cells, 'phone'));
        if (p === null) fail('phone', T.phoneBad(cellText(at(cells, 'phone'))));
        else phone = p;
      }

      const optionalText = (f: 'address' | 'note'): string | undefined => {
        if (!has(f)) return undefined;
        const t = cellText(at(cells, f));
        if (t.length > MAX_TEXT) fail(f, T.tooLong);
        return t;
      };
      const address = optionalText('address');
      const note = optionalText('note');

      if (rowErrors.length) {
        errors.push(...rowErrors);
        rejected++;
        continue;
      }
      // The representative receives the household's ballot, so a row naming
      // only the head makes the head its representative. A row naming only
      // the representative leaves the head empty: the register does not
      // invent who heads a household.
      households.push({
        ...(sheet.sheet !== undefined ? { sheet: sheet.sheet } : {}),
        row, code, villageId: village!.id, head: headName, representative: repName || headName,
        ...(address !== undefined ? { address } : {}),
        ...(members !== undefined ? { members } : {}),
        ...(phone !== undefined ? { phone } : {}),
        ...(note !== undefined ? { note } : {}),
      });
    }
  }
  return { households, errors, rejected, headerProblems, sheetsRead };
}
