import { AppError } from '../../domain/errors';
import { inflateEntry, listZipEntries, readZipEntry, ZipError, type InflateBudget, type ZipEntry } from './zip-entries';
import { SHEET_LIMITS, SheetLimitError } from './limits';

// Reads the cell values of an .xlsx workbook: the sheets in workbook order,
// shared and inline strings, numbers, merged ranges. A small XML reader
// suffices because Office Open XML sheets are flat (row → cell → value);
// styles, formulas and drawings are ignored. A sheet is read as it inflates,
// one <row> element at a time, so a large register is never held whole (not
// as XML, not as rows); only the shared-string table is kept, within
// SHEET_LIMITS. Runtime-neutral: Workers too.

export type CellValue = string | number | null;

export interface SheetRow {
  /** The row number Excel shows (the r attribute), title rows included. */
  row: number;
  cells: CellValue[];
}

export interface XlsxSheet {
  name: string;
  rows: SheetRow[];
  /** Merged ranges such as "A1:I1" (title rows); their value sits in the first cell. */
  merges: string[];
}

const NOT_XLSX = {
  vi: 'Tệp không phải là tệp Excel .xlsx hợp lệ (tệp có thể bị hỏng). Hãy mở tệp trong Excel, chọn "Lưu thành" dạng .xlsx hoặc CSV UTF-8 rồi gửi lại.',
  en: 'The file is not a valid .xlsx workbook (it may be damaged). Open it in Excel, "Save as" .xlsx or CSV UTF-8 and upload it again.',
};
const OLD_XLS = {
  vi: 'Tệp Excel 97-2003 (.xls) không được hỗ trợ. Hãy mở tệp trong Excel và lưu lại dạng .xlsx hoặc CSV UTF-8.',
  en: 'Excel 97-2003 (.xls) files are not supported. Open the file in Excel and save it as .xlsx or CSV UTF-8.',
};
const TOO_LARGE = {
  vi: `Tệp Excel khi giải nén vượt quá ${SHEET_LIMITS.maxInflatedBytes / 1024 / 1024} MB hoặc có quá nhiều thành phần; tệp này không thể là sổ hộ gia đình. Hãy tách tệp theo từng thôn.`,
  en: `The workbook expands to more than ${SHEET_LIMITS.maxInflatedBytes / 1024 / 1024} MB or has too many parts; it cannot be a household register. Split it by village.`,
};

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function looksLikeOleXls(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Decodes XML character references and OOXML's _xHHHH_ escapes. */
export function decodeXmlText(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g, (_m, hex: string, dec: string, name: string) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(parseInt(dec, 10));
      return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name]!;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = decodeXmlText(m[2] ?? m[3] ?? '');
  return out;
}

/** The text of every <t> inside a fragment, phonetic runs (<rPh>) left out. */
function textRuns(fragment: string): string {
  const clean = fragment.includes('<rPh') ? fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : fragment;
  let out = '';
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += decodeXmlText(m[1]!);
  return out;
}

function columnIndex(ref: string): number | null {
  const m = /^([A-Z]+)/.exec(ref);
  if (!m) return null;
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function numberValue(text: string): CellValue {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

const EXCEL_ROWS = 1_048_576;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW_ATTR = /\br\s*=\s*"(\d+)"/;
const CELL_REF = /\br\s*=\s*"([A-Z]+)\d*"/;
const CELL_TYPE = /\bt\s*=\s*"(\w+)"/;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;

/** One <row> element's cells, checked against the column and cell-length limits. */
function rowCells(inner: string, rowNumber: number, shared: readonly string[]): CellValue[] {
  const cells: CellValue[] = [];
  let nextCol = 0;
  CELL.lastIndex = 0;
  for (let cm = CELL.exec(inner); cm; cm = CELL.exec(inner)) {
    const attrs = cm[1]!;
    const ref = CELL_REF.exec(attrs)?.[1];
    const col = (ref ? columnIndex(ref) : null) ?? nextCol;
    nextCol = col + 1;
    const body = cm[2] ?? '';
    const v = body ? VALUE.exec(body)?.[1] : undefined;
    let value: CellValue = null;
    switch (CELL_TYPE.exec(attrs)?.[1]) {
      case 's':
        value = v === undefined ? null : shared[Number(v)] ?? null;
        break;
      case 'inlineStr':
        value = textRuns(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
        break;
      case 'str':
      case 'e':
      case 'd':
        value = v === undefined ? null : decodeXmlText(v);
        break;
      case 'b':
        value = v === undefined ? null : v.trim() === '1' ? 'TRUE' : 'FALSE';
        break;
      default:
        value = v === undefined ? null : numberValue(decodeXmlText(v));
    }
    if (col >= SHEET_LIMITS.maxColumns) {
      // an empty or styled-only cell far right (Excel writes them out to column XFD) holds nothing
      if (value === null || value === '') continue;
      throw new SheetLimitError('columns', rowNumber);
    }
    if (typeof value === 'string' && value.length > SHEET_LIMITS.maxCellChars) throw new SheetLimitError('cell', rowNumber);
    while (cells.length < col) cells.push(null);
    cells[col] = value;
  }
  return cells;
}

/**
 * Reads a sheet's XML fed in pieces: hands out each <row> of <sheetData> once
 * its end has arrived, and collects the merged ranges after it. A row element
 * longer than the limit stops the reading.
 */
class SheetScanner {
  private buf = '';
  private state: 'before' | 'data' | 'after' = 'before';
  private nextRow = 1;
  readonly merges: string[] = [];

  constructor(private readonly shared: readonly string[]) {}

  push(text: string, out: SheetRow[]): void {
    this.buf += text;
    let at = 0;
    const buf = this.buf;
    let dataEnd = -2; // not looked up yet
    for (;;) {
      if (this.state === 'before') {
        const s = buf.indexOf('<sheetData', at);
        if (s < 0) {
          at = Math.max(at, buf.length - 16); // the start of the tag may be cut
          break;
        }
        const e = buf.indexOf('>', s);
        if (e < 0) {
          at = s;
          break;
        }
        this.state = buf[e - 1] === '/' ? 'after' : 'data';
        at = e + 1;
        continue;
      }
      if (this.state === 'data') {
        // where the rows end, looked up once per piece: searching it before every row would scan the piece again each time
        if (dataEnd === -2) dataEnd = buf.indexOf('</sheetData>', at);
        const r = buf.indexOf('<row', at);
        if (dataEnd >= 0 && (r < 0 || dataEnd < r)) {
          this.state = 'after';
          at = dataEnd + 12;
          continue;
        }
        if (r < 0) {
          at = Math.max(at, buf.length - 16);
          break;
        }
        const tagEnd = buf.indexOf('>', r);
        if (tagEnd < 0) {
          at = r;
          break;
        }
        const open = buf.slice(r + 4, tagEnd);
        const rowNumber = Number(ROW_ATTR.exec(open)?.[1] ?? this.nextRow);
        if (rowNumber > EXCEL_ROWS) throw new SheetLimitError('rows', rowNumber); // past a spreadsheet's last row
        let inner = '';
        let next: number;
        if (buf[tagEnd - 1] === '/') next = tagEnd + 1;
        else {
          const close = buf.indexOf('</row>', tagEnd);
          if (close < 0) {
            if (buf.length - r > SHEET_LIMITS.maxRowXmlChars) throw new SheetLimitError('row', rowNumber);
            at = r;
            break;
          }
          inner = buf.slice(tagEnd + 1, close);
          next = close + 6;
        }
        this.nextRow = rowNumber + 1;
        out.push({ row: rowNumber, cells: inner ? rowCells(inner, rowNumber, this.shared) : [] });
        at = next;
        continue;
      }
      // after the rows: only the merged ranges are of interest
      const m = buf.indexOf('<mergeCell ', at);
      if (m < 0) {
        at = Math.max(at, buf.length - 16);
        break;
      }
      const e = buf.indexOf('>', m);
      if (e < 0) {
        at = m;
        break;
      }
      const ref = attributes(buf.slice(m, e)).ref;
      if (ref) this.merges.push(ref);
      at = e + 1;
    }
    this.buf = buf.slice(at);
  }
}

/** Reads the shared-string table fed in pieces, within its count and length limits. */
class SharedStringsScanner {
  private buf = '';
  private chars = 0;
  readonly strings: string[] = [];

  push(text: string): void {
    this.buf += text;
    const buf = this.buf;
    let at = 0;
    for (;;) {
      const s = buf.indexOf('<si', at);
      if (s < 0) {
        at = Math.max(at, buf.length - 8);
        break;
      }
      const tagEnd = buf.indexOf('>', s);
      if (tagEnd < 0) {
        at = s;
        break;
      }
      const after = buf[s + 3];
      if (after !== '>' && after !== '/' && after !== ' ') {
        at = s + 3; // <sid…> or the like: not an entry
        continue;
      }
      let value = '';
      let next: number;
      if (buf[tagEnd - 1] === '/') next = tagEnd + 1;
      else {
        const close = buf.indexOf('</si>', tagEnd);
        if (close < 0) {
          if (buf.length - s > SHEET_LIMITS.maxCellChars * 8 + 4096) throw new SheetLimitError('cell');
          at = s;
          break;
        }
        value = textRuns(buf.slice(tagEnd + 1, close));
        next = close + 5;
      }
      if (this.strings.length >= SHEET_LIMITS.maxSharedStrings) throw new SheetLimitError('shared_strings');
      if (value.length > SHEET_LIMITS.maxCellChars) throw new SheetLimitError('cell');
      this.chars += value.length;
      if (this.chars > SHEET_LIMITS.maxSharedChars) throw new SheetLimitError('shared_chars');
      this.strings.push(value);
      at = next;
    }
    this.buf = buf.slice(at);
  }
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The text of an entry, decoded as it inflates. */
function* entryText(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Generator<string> {
  const utf8 = new TextDecoder('utf-8');
  for (const chunk of inflateEntry(bytes, entry, budget)) yield utf8.decode(chunk, { stream: true });
  yield utf8.decode();
}

export interface XlsxBook {
  /** The worksheets in workbook order (chart sheets and the like left out). */
  sheets: { name: string }[];
  /** Reads the shared-string table, a piece per step; once, before any rows. */
  sharedStrings(): Generator<void>;
  /**
   * A sheet's rows, in order, a batch per inflated slice, counting the
   * inflated bytes against `budget`: one budget for all the sheets of a pass
   * over the workbook (see budget()).
   */
  rows(sheet: number, budget: InflateBudget): Generator<SheetRow[], { merges: string[] }>;
  /** A budget for one pass over the sheets: what the limit leaves after the workbook's own parts. */
  budget(): InflateBudget;
}

/**
 * Opens an .xlsx file: reads its directory, workbook and relationships,
 * leaving the shared strings (within SHEET_LIMITS) and the sheets to be read
 * in steps. Throws ZipError or SheetLimitError (see xlsxError).
 */
export function openXlsx(bytes: Uint8Array): XlsxBook {
  const entries = listZipEntries(bytes, { maxEntries: SHEET_LIMITS.maxEntries, maxTotalBytes: SHEET_LIMITS.maxInflatedBytes });
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const budget: InflateBudget = { remaining: SHEET_LIMITS.maxInflatedBytes };
  const utf8 = new TextDecoder('utf-8');
  const text = (path: string): string | null => {
    const e = byName.get(path);
    return e ? utf8.decode(readZipEntry(bytes, e, budget)) : null;
  };

  const rootRels = text('_rels/.rels') ?? '';
  const officeDoc = [...rootRels.matchAll(/<Relationship\b([^>]*?)\/?>/g)]
    .map((m) => attributes(m[1]!))
    .find((r) => (r.Type ?? '').endsWith('/officeDocument'));
  const workbookPath = officeDoc?.Target ? resolveTarget('', officeDoc.Target) : 'xl/workbook.xml';
  const workbook = text(workbookPath);
  if (workbook === null) throw new ZipError('broken');
  const relsPath = workbookPath.replace(/[^/]*$/, (f) => `_rels/${f}.rels`);
  const rels = new Map<string, { target: string; type: string }>();
  for (const m of (text(relsPath) ?? '').matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    if (a.Id && a.Target) rels.set(a.Id, { target: resolveTarget(workbookPath, a.Target), type: a.Type ?? '' });
  }

  const shared = new SharedStringsScanner();
  const sharedPath = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const sharedEntry = sharedPath ? byName.get(sharedPath) : undefined;
  let sharedRead = !sharedEntry;

  const sheets: { name: string; entry: ZipEntry }[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const rel = rels.get(a['r:id'] ?? a.id ?? '');
    if (!rel || !rel.type.endsWith('/worksheet')) continue; // chart sheets and the like hold no rows
    const entry = byName.get(rel.target);
    if (!entry) throw new ZipError('broken');
    sheets.push({ name: (a.name ?? '').normalize('NFC'), entry });
  }
  if (sheets.length === 0) throw new ZipError('broken');

  return {
    sheets: sheets.map((s) => ({ name: s.name })),
    *sharedStrings() {
      if (sharedRead) return;
      for (const piece of entryText(bytes, sharedEntry!, budget)) {
        shared.push(piece);
        yield;
      }
      sharedRead = true;
    },
    budget: () => ({ remaining: budget.remaining }),
    *rows(index, passBudget) {
      if (!sharedRead) throw new Error('read the shared strings first');
      const scanner = new SheetScanner(shared.strings);
      let batch: SheetRow[] = [];
      for (const piece of entryText(bytes, sheets[index]!.entry, passBudget)) {
        scanner.push(piece, batch);
        if (batch.length) {
          yield batch;
          batch = [];
        }
      }
      return { merges: scanner.merges };
    },
  };
}

/** The 4xx a ZipError stands for; anything else unknown is a damaged file. */
export function xlsxError(err: unknown): AppError | SheetLimitError {
  if (err instanceof AppError || err instanceof SheetLimitError) return err;
  if (err instanceof ZipError) {
    if (err.reason === 'too_large' || err.reason === 'too_many_entries') return new AppError('PAYLOAD_TOO_LARGE', TOO_LARGE);
    return new AppError('BAD_REQUEST', NOT_XLSX);
  }
  return new AppError('BAD_REQUEST', NOT_XLSX);
}

/** Refuses an old binary .xls before anything else. */
export function refuseOldXls(bytes: Uint8Array): void {
  if (looksLikeOleXls(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', OLD_XLS);
}

/**
 * Reads every worksheet of an .xlsx file whole (for small files and tests;
 * imports read sheet by sheet). A file that is not a zip, a damaged one, or
 * one that would inflate past the limits is refused with a 4xx and a message
 * saying what to do; nothing is inflated beyond the limit.
 */
export function readXlsx(bytes: Uint8Array): XlsxSheet[] {
  refuseOldXls(bytes);
  try {
    const book = openXlsx(bytes);
    for (const _ of book.sharedStrings());
    const budget = book.budget();
    return book.sheets.map((s, i) => {
      const rows: SheetRow[] = [];
      const it = book.rows(i, budget);
      for (let r = it.next(); ; r = it.next()) {
        if (r.done) return { name: s.name, rows, merges: r.value.merges };
        rows.push(...r.value);
      }
    });
  } catch (err) {
    throw xlsxError(err);
  }
}
