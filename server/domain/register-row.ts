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

export interface RegisterSummary {
  /** The errors found, in file order, at most `maxErrors` of them. */
  errors: RowError[];
  /** Every error found, listed or not. */
  errorCount: number;
  /** Rows refused (a row with two errors counts once). */
  rejected: number;
  /** Sheets with content but no recognisable header row. */
  headerProblems: HeaderProblem[];
  /** Sheets whose header row was found. */
  sheetsRead: number;
}

export interface RegisterParse extends RegisterSummary {
  households: ParsedHousehold[];
}

export const MAX_MEMBERS = 200;
const MAX_TEXT = 500;
const HEADER_SCAN_ROWS = 15;
/**
 * A cell longer than this is refused (or, before the header, not taken for a
 * header) without being normalised: NFC and white-space folding cost time in
 * proportion to the text, and one long shared string may stand in every row
 * of a workbook.
 */
const MAX_RAW_CELL = 2 * MAX_TEXT;
/** The most characters of a cell, a header or a sheet name an error message repeats. */
export const ECHO_CHARS = 60;
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
  // A register names the same few villages on every row: each spelling is worked out once.
  const seen = new Map<string, VillageRef | null>();
  return (text) => {
    let found = seen.get(text);
    if (found === undefined) {
      const k = lowerKey(text);
      const hit = keys.get(k) ?? keys.get(k.replace(VILLAGE_PREFIX, ''));
      found = hit && hit.size === 1 ? [...hit][0]! : null;
      if (seen.size < 10_000) seen.set(text, found);
    }
    return found;
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
  const head = fold(h.head);
  // most households are represented by their head: fold the name once
  const representative = h.representative === h.head ? head : fold(h.representative);
  return `${fold(h.code)} | ${head} | ${representative} | ${fold(h.phone)}`;
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

/** A file's text as an error message repeats it: at most ECHO_CHARS characters, then "…". */
export function echo(text: string, max = ECHO_CHARS): string {
  if (text.length <= max) return text;
  // never cut a surrogate pair in two
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

interface HeaderMatch {
  index: number;
  row: number;
  columns: Map<Field, { col: number; title: string }>;
}

function matchHeader(cells: CellValue[]): Map<Field, { col: number; title: string }> {
  const columns = new Map<Field, { col: number; title: string }>();
  cells.forEach((c, col) => {
    if (typeof c === 'string' && c.length > MAX_RAW_CELL) return; // no header is that long
    const title = cellText(c);
    const f = title ? fieldOfHeader(title) : null;
    if (f && !columns.has(f)) columns.set(f, { col, title: echo(title, 80) });
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

/** Blank: every cell empty or white space. A long text counts as content without being scanned. */
const isBlank = (cells: CellValue[]) =>
  cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.length <= MAX_RAW_CELL && !/\S/.test(c)));

const T = {
  codeMissing: { vi: 'Thiếu mã hộ.', en: 'The household code is missing.' },
  codeTooLong: { vi: 'Mã hộ dài quá 50 ký tự.', en: 'The household code is longer than 50 characters.' },
  duplicate: (code: string, where: string, whereEn: string) => ({
    vi: `Mã hộ ${code} trùng với ${where}; dòng này bị bỏ qua.`,
    en: `Household code ${code} repeats ${whereEn}; this row was skipped.`,
  }),
  villageMissing: { vi: 'Thiếu tên thôn.', en: 'The village is missing.' },
  villageUnknown: (name: string) => ({
    vi: `Không có thôn "${echo(name)}" trong danh sách thôn của xã. Hãy sửa tên thôn hoặc tạo thôn trước khi nhập.`,
    en: `There is no village "${echo(name)}" in this commune. Correct the name or create the village before importing.`,
  }),
  noPerson: {
    vi: 'Cần ghi họ tên chủ hộ hoặc người đại diện hộ.',
    en: 'Give the name of the head of household or of its representative.',
  },
  membersMissing: { vi: 'Thiếu số nhân khẩu.', en: 'The number of members is missing.' },
  membersBad: (v: string) => ({
    vi: `Số nhân khẩu "${echo(v)}" không hợp lệ: phải là số nguyên từ 0 đến ${MAX_MEMBERS}.`,
    en: `Members "${echo(v)}" is not valid: it must be a whole number from 0 to ${MAX_MEMBERS}.`,
  }),
  phoneBad: (v: string) => ({
    vi: `Số điện thoại "${echo(v)}" không hợp lệ.`,
    en: `Phone number "${echo(v)}" is not valid.`,
  }),
  tooLong: { vi: `Nội dung dài quá ${MAX_TEXT} ký tự.`, en: `The text is longer than ${MAX_TEXT} characters.` },
  noHeader: (sheet: string) => ({
    vi: `Trang "${echo(sheet)}" không có dòng tiêu đề của sổ hộ nên không được nhập.`,
    en: `Sheet "${echo(sheet)}" has no register header row, so it was not imported.`,
  }),
};

interface SheetState {
  sheet?: string;
  /** content rows before the header was found (at most HEADER_SCAN_ROWS) */
  waiting: SheetRows['rows'];
  header: HeaderMatch | null;
  /** the header search gave up: the rest of the sheet is skipped */
  skipped: boolean;
}

/**
 * Validates the rows of a register as they are read, sheet after sheet:
 * startSheet(), then push() the rows of that sheet in order (in as many
 * calls as the reader likes), finally finish(). Blank rows are skipped
 * silently; a household code seen earlier in the file (any sheet) is an error
 * on the later row; every other problem is reported per cell, in Vietnamese
 * with its English, and the row is left out while every good row is handed
 * back from push(). Only the codes seen and the first `maxErrors` errors are
 * kept, so memory does not grow with the rows; every error is counted.
 */
export class RegisterParser {
  private readonly findVillage: (text: string) => VillageRef | null;
  /**
   * Every code taken so far, with where it was first: the sheet's index in
   * `sheets` and the row, packed in one number (rows stay below 2^21), the one
   * thing kept for every row of a file.
   */
  private readonly seen = new Map<string, number>();
  private readonly sheets: (string | undefined)[] = [];
  private readonly errors: RowError[] = [];
  private errorCount = 0;
  private rejected = 0;
  private readonly headerProblems: HeaderProblem[] = [];
  private sheetsRead = 0;
  private current: SheetState | null = null;

  constructor(villages: VillageRef[], private readonly maxErrors = Infinity) {
    this.findVillage = villageMatcher(villages);
  }

  /** Starts the next sheet (a CSV file is one sheet without a name). */
  startSheet(sheet?: string): void {
    this.endSheet();
    this.current = { ...(sheet !== undefined ? { sheet: echo(sheet, 100) } : {}), waiting: [], header: null, skipped: false };
    this.sheets.push(this.current.sheet);
  }

  /** Reads the next rows of the current sheet; returns the good households among them. */
  push(rows: SheetRows['rows']): ParsedHousehold[] {
    if (!this.current) this.startSheet();
    const st = this.current!;
    const out: ParsedHousehold[] = [];
    for (const r of rows) {
      if (st.skipped || isBlank(r.cells)) continue;
      if (st.header) {
        this.row(st, r, out);
        continue;
      }
      st.waiting.push(r);
      const found = findHeader(st.waiting);
      if (!('missing' in found)) {
        st.header = found;
        this.sheetsRead++;
        const after = st.waiting.slice(found.index + 1);
        st.waiting = [];
        for (const w of after) this.row(st, w, out);
      } else if (st.waiting.length >= HEADER_SCAN_ROWS) this.giveUp(st, found);
    }
    return out;
  }

  /** After the last sheet: what was refused and why. */
  finish(): RegisterSummary {
    this.endSheet();
    return { errors: this.errors, errorCount: this.errorCount, rejected: this.rejected, headerProblems: this.headerProblems, sheetsRead: this.sheetsRead };
  }

  private endSheet(): void {
    const st = this.current;
    this.current = null;
    if (!st || st.header || st.skipped || st.waiting.length === 0) return;
    const found = findHeader(st.waiting);
    if ('missing' in found) this.giveUp(st, found);
  }

  private giveUp(st: SheetState, problem: HeaderProblem): void {
    st.skipped = true;
    st.waiting = [];
    this.headerProblems.push({ ...(st.sheet !== undefined ? { sheet: st.sheet } : {}), row: problem.row, missing: problem.missing });
    // a CSV without its header is refused as a whole by the caller; a sheet of a workbook is reported and skipped
    if (st.sheet !== undefined) this.error({ sheet: st.sheet, row: problem.row, column: '', message: T.noHeader(st.sheet) });
  }

  private error(e: RowError): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push(e);
  }

  // The row checks below run for every row of a file of up to 200,000: they
  // use the sheet's column table and plain methods, not closures made anew
  // for each row.

  private fail(st: SheetState, row: number, f: Field, message: Text): void {
    this.error({ ...(st.sheet !== undefined ? { sheet: st.sheet } : {}), row, column: st.header!.columns.get(f)?.title ?? REGISTER_HEADERS[f], message });
  }

  private cell(st: SheetState, cells: CellValue[], f: Field): CellValue | undefined {
    const c = st.header!.columns.get(f);
    return c ? cells[c.col] : undefined;
  }

  /** The cell's text, or null when it is too long to be read (after reporting `tooLong`). */
  private text(st: SheetState, row: number, raw: CellValue | undefined, f: Field, tooLong: (raw: string) => Text): string | null {
    if (typeof raw === 'string' && raw.length > MAX_RAW_CELL) {
      this.fail(st, row, f, tooLong(raw));
      return null;
    }
    return cellText(raw);
  }

  private row(st: SheetState, { row, cells }: SheetRows['rows'][number], out: ParsedHousehold[]): void {
    const columns = st.header!.columns;
    const sheet = st.sheet;
    const errorsBefore = this.errorCount;

    const codeText = this.text(st, row, this.cell(st, cells, 'code'), 'code', tooLongCode);
    const code = codeText === null ? '' : codeText.replace(/\s+/g, '').toUpperCase();
    if (codeText === null) { /* reported */ } else if (!code) this.fail(st, row, 'code', T.codeMissing);
    else if (code.length > 50) this.fail(st, row, 'code', T.codeTooLong);
    else {
      const first = this.seen.get(code);
      if (first !== undefined) {
        const firstRow = first % 2 ** 21;
        const firstSheet = this.sheets[Math.floor(first / 2 ** 21)];
        const elsewhere = firstSheet !== undefined && firstSheet !== sheet;
        const vi = elsewhere ? `dòng ${firstRow} của trang "${echo(firstSheet)}"` : `dòng ${firstRow}`;
        const en = elsewhere ? `row ${firstRow} of sheet "${echo(firstSheet)}"` : `row ${firstRow}`;
        this.fail(st, row, 'code', T.duplicate(code, vi, en));
      } else this.seen.set(code, (this.sheets.length - 1) * 2 ** 21 + row);
    }

    const villageText = this.text(st, row, this.cell(st, cells, 'village'), 'village', T.villageUnknown);
    const village = villageText ? this.findVillage(villageText) : null;
    if (villageText === '') this.fail(st, row, 'village', T.villageMissing);
    else if (villageText !== null && !village) this.fail(st, row, 'village', T.villageUnknown(villageText));

    const headName = this.text(st, row, this.cell(st, cells, 'head'), 'head', tooLongText);
    const repName = this.text(st, row, this.cell(st, cells, 'representative'), 'representative', tooLongText);
    if (headName === '' && repName === '') this.fail(st, row, columns.has('head') ? 'head' : 'representative', T.noPerson);
    if (headName && headName.length > MAX_TEXT) this.fail(st, row, 'head', T.tooLong);
    if (repName && repName.length > MAX_TEXT) this.fail(st, row, 'representative', T.tooLong);

    let members: number | undefined;
    if (columns.has('members')) {
      const raw = this.cell(st, cells, 'members');
      const t = this.text(st, row, raw, 'members', T.membersBad);
      const n = typeof raw === 'number' ? raw : t !== null && /^\d+$/.test(t) ? Number(t) : NaN;
      if (t === '') this.fail(st, row, 'members', T.membersMissing);
      else if (t !== null && (!Number.isInteger(n) || n < 0 || n > MAX_MEMBERS)) this.fail(st, row, 'members', T.membersBad(t));
      else members = n;
    }

    let phone: string | undefined;
    if (columns.has('phone')) {
      const t = this.text(st, row, this.cell(st, cells, 'phone'), 'phone', T.phoneBad);
      if (t !== null) {
        const p = normalizePhone(t);
        if (p === null) this.fail(st, row, 'phone', T.phoneBad(t));
        else phone = p;
      }
    }

    let address: string | undefined;
    if (columns.has('address')) {
      address = this.text(st, row, this.cell(st, cells, 'address'), 'address', tooLongText) ?? undefined;
      if (address !== undefined && address.length > MAX_TEXT) this.fail(st, row, 'address', T.tooLong);
    }
    let note: string | undefined;
    if (columns.has('note')) {
      note = this.text(st, row, this.cell(st, cells, 'note'), 'note', tooLongText) ?? undefined;
      if (note !== undefined && note.length > MAX_TEXT) this.fail(st, row, 'note', T.tooLong);
    }

    if (this.errorCount > errorsBefore) {
      this.rejected++;
      return;
    }
    // The representative receives the household's ballot, so a row naming
    // only the head makes the head its representative. A row naming only
    // the representative leaves the head empty: the register does not
    // invent who heads a household.
    const h: ParsedHousehold = { row, code, villageId: village!.id, head: headName!, representative: repName || headName! };
    if (sheet !== undefined) h.sheet = sheet;
    if (address !== undefined) h.address = address;
    if (members !== undefined) h.members = members;
    if (phone !== undefined) h.phone = phone;
    if (note !== undefined) h.note = note;
    out.push(h);
  }
}

const tooLongCode = (): Text => T.codeTooLong;
const tooLongText = (): Text => T.tooLong;

/** Validates whole sheets at once (see RegisterParser): for small files and tests. */
export function parseRegister(sheets: SheetRows[], villages: VillageRef[]): RegisterParse {
  const parser = new RegisterParser(villages);
  const households: ParsedHousehold[] = [];
  for (const sheet of sheets) {
    parser.startSheet(sheet.sheet);
    households.push(...parser.push(sheet.rows));
  }
  return { households, ...parser.finish() };
}
