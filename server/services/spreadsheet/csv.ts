// RFC 4180 CSV, as Excel and LibreOffice write it: optional UTF-8 BOM, CRLF or
// LF line ends, fields quoted when they hold a comma, a quote or a line break.
// Runtime-neutral (no node:*): the same code parses uploads on Workers.
import { guardText } from '../../domain/spreadsheet-text';
import type { TableCell, TableRow } from './table';

export interface CsvRow {
  /** The row number a spreadsheet shows: the first record is row 1. */
  row: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly row: number, readonly reason: 'unclosed_quote' | 'text_after_quote') {
    super(`CSV syntax error on row ${row}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses CSV text into records. A quoted field may span lines; it still counts
 * as one spreadsheet row, so row numbers match what Excel shows. A quote that
 * is never closed, or text right after a closing quote, is an error naming the
 * row where the field started.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let row = 1;
  let i = 0;
  const n = src.length;
  const endRecord = () => {
    cells.push(field);
    rows.push({ row, cells });
    cells = [];
    field = '';
    row++;
  };
  while (i < n) {
    const ch = src[i]!;
    if (ch === '"' && field === '') {
      // a quoted field: runs to the next quote that is not doubled
      const startRow = row;
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(startRow, 'unclosed_quote');
        const q = src.indexOf('"', i);
        if (q < 0) throw new CsvSyntaxError(startRow, 'unclosed_quote');
        field += src.slice(i, q);
        if (src[q + 1] === '"') {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const next = src[i];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(startRow, 'text_after_quote');
      }
      // A quoted empty field must not look like "no field yet" to the check above.
      if (field === '') field = '\u0000';
      continue;
    }
    if (ch === delimiter) {
      cells.push(field === '\u0000' ? '' : field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (field === '\u0000') field = '';
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    i++;
  }
  if (field === '\u0000') field = '';
  // a final line break does not start another record
  if (field !== '' || cells.length > 0) endRecord();
  return rows;
}

/**
 * Excel in a Vietnamese locale may write ';' between fields (the decimal
 * separator there is ','): choose ';' only when the first line has semicolons
 * and no comma.
 */
export function detectDelimiter(text: string): ',' | ';' {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  return !first.includes(',') && first.includes(';') ? ';' : ',';
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV field: numbers as they are (dot decimals), text guarded so a spreadsheet shows it as written. */
function csvField(v: TableCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return quote(guardText(v));
}

/**
 * CSV text with a BOM and CRLF line ends, so Excel opens Vietnamese text
 * correctly. Text a spreadsheet would run as a formula or turn into a number
 * (a phone's leading zero) starts with an apostrophe; readers take it off.
 */
export function toCsv(rows: readonly TableRow[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
