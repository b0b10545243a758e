import { AppError } from '../../domain/errors';
import { listZipEntries, readZipEntry, ZipError, type InflateBudget, type ZipEntry } from './zip-entries';

// Reads the cell values of an .xlsx workbook: the sheets in workbook order,
// shared and inline strings, numbers, merged ranges. A small XML reader
// suffices because Office Open XML sheets are flat (row → cell → value);
// styles, formulas and drawings are ignored. Runtime-neutral: Workers too.

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

export const XLSX_LIMITS = {
  maxEntries: 2000,
  /** Inflated size of the whole workbook; a real register is a few MB. */
  maxTotalBytes: 30 * 1024 * 1024,
};

const NOT_XLSX = {
  vi: 'Tệp không phải là tệp Excel .xlsx hợp lệ (tệp có thể bị hỏng). Hãy mở tệp trong Excel, chọn "Lưu thành" dạng .xlsx hoặc CSV UTF-8 rồi gửi lại.',
  en: 'The file is not a valid .xlsx workbook (it may be damaged). Open it in Excel, "Save as" .xlsx or CSV UTF-8 and upload it again.',
};
const OLD_XLS = {
  vi: 'Tệp Excel 97-2003 (.xls) không được hỗ trợ. Hãy mở tệp trong Excel và lưu lại dạng .xlsx hoặc CSV UTF-8.',
  en: 'Excel 97-2003 (.xls) files are not supported. Open the file in Excel and save it as .xlsx or CSV UTF-8.',
};
const TOO_LARGE = {
  vi: `Tệp Excel khi giải nén vượt quá ${XLSX_LIMITS.maxTotalBytes / 1024 / 1024} MB hoặc có quá nhiều thành phần; tệp này không thể là sổ hộ gia đình. Hãy tách tệp theo từng thôn.`,
  en: `The workbook expands to more than ${XLSX_LIMITS.maxTotalBytes / 1024 / 1024} MB or has too many parts; it cannot be a household register. Split it by village.`,
};

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function looksLikeOleXls(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Decodes XML character references and OOXML's _xHHHH_ escapes. */
export function decodeXmlText(s: string): string {
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
  const clean = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
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

function parseSheet(xml: string, shared: string[]): Omit<XlsxSheet, 'name'> {
  const rows: SheetRow[] = [];
  const dataStart = xml.indexOf('<sheetData');
  const dataEnd = xml.indexOf('</sheetData>');
  const data = dataStart >= 0 && dataEnd > dataStart ? xml.slice(dataStart, dataEnd) : '';
  let nextRow = 1;
  for (const rm of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowAttrs = attributes(rm[1]!);
    const rowNumber = rowAttrs.r ? Number(rowAttrs.r) : nextRow;
    nextRow = rowNumber + 1;
    const cells: CellValue[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = attributes(cm[1]!);
      const col = (a.r ? columnIndex(a.r) : null) ?? nextCol;
      nextCol = col + 1;
      const inner = cm[2] ?? '';
      const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value: CellValue = null;
      switch (a.t) {
        case 's':
          value = v === undefined ? null : shared[Number(v)] ?? null;
          break;
        case 'inlineStr':
          value = textRuns(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
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
      if (col > 16383) continue; // past Excel's last column: not a real cell
      while (cells.length < col) cells.push(null);
      cells[col] = value;
    }
    rows.push({ row: rowNumber, cells });
  }
  const merges = [...xml.matchAll(/<mergeCell\b([^>]*?)\/?>/g)].map((m) => attributes(m[1]!).ref ?? '').filter(Boolean);
  return { rows, merges };
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

/**
 * Reads every worksheet of an .xlsx file. A file that is not a zip, a damaged
 * one, or one that would inflate past the limits is refused with a 4xx and
 * a message saying what to do; nothing is inflated beyond the limit.
 */
export function readXlsx(bytes: Uint8Array): XlsxSheet[] {
  if (looksLikeOleXls(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', OLD_XLS);
  try {
    const entries = listZipEntries(bytes, XLSX_LIMITS);
    const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name.replace(/^\//, ''), e]));
    const budget: InflateBudget = { remaining: XLSX_LIMITS.maxTotalBytes };
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

    const sharedPath = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
    const sharedXml = sharedPath ? text(sharedPath) ?? '' : '';
    const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => textRuns(m[1] ?? ''));

    const sheets: XlsxSheet[] = [];
    for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]!);
      const rel = rels.get(a['r:id'] ?? a.id ?? '');
      if (!rel || !rel.type.endsWith('/worksheet')) continue; // chart sheets and the like hold no rows
      const xml = text(rel.target);
      if (xml === null) throw new ZipError('broken');
      sheets.push({ name: (a.name ?? '').normalize('NFC'), ...parseSheet(xml, shared) });
    }
    if (sheets.length === 0) throw new ZipError('broken');
    return sheets;
  } catch (err) {
    if (err instanceof ZipError) {
      if (err.reason === 'too_large' || err.reason === 'too_many_entries') throw new AppError('PAYLOAD_TOO_LARGE', TOO_LARGE);
      throw new AppError('BAD_REQUEST', NOT_XLSX);
    }
    if (err instanceof AppError) throw err;
    throw new AppError('BAD_REQUEST', NOT_XLSX);
  }
}
