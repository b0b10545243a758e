// RFC 4180 CSV, as Excel and LibreOffice write it: optional UTF-8 BOM, CRLF or
// LF line ends, fields quoted when they hold a comma, a quote or a line break.
// Runtime-neutral (no node:*): the same code parses uploads on Workers.
import { guardText } from '../../domain/spreadsheet-text';
import type { TableCell, TableRow } from './table';
import { SHEET_LIMITS, SheetLimitError } from './limits';

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
 * Reads CSV text fed in pieces of any size (a quoted field, a doubled quote
 * or a CRLF may be cut between two pieces) and hands out each record once it
 * is complete, so a large file is never held as rows all at once. A quoted
 * field may span lines; it still counts as one spreadsheet row, so row
 * numbers match what Excel shows. A quote that is never closed, or text right
 * after a closing quote, is an error naming the row where the field started.
 * A record with more fields than `maxColumns` or a field longer than
 * `maxCellChars` stops the reading with a SheetLimitError.
 */
export class CsvReader {
  private cells: string[] = [];
  private field = '';
  /** the current field started with a quote (so an empty one still counts as a field) */
  private fieldQuoted = false;
  private inQuotes = false;
  /** a quote ended the previous piece inside a quoted field: doubled or closing, the next piece says */
  private quoteAtEnd = false;
  /** a quoted field just closed: only a delimiter or a line end may follow */
  private closed = false;
  /** the previous piece ended with CR: a LF starting the next one belongs to it */
  private skipLf = false;
  private row = 1;
  private startRow = 1;
  private started = false;
  private readonly special: RegExp;

  constructor(
    readonly delimiter: ',' | ';' = ',',
    private readonly limits: { maxColumns: number; maxCellChars: number } = SHEET_LIMITS,
  ) {
    this.special = delimiter === ',' ? /[,\r\n]/g : /[;\r\n]/g;
  }

  /** Reads the next piece of text, appending the records it completes to `out`. `last` ends the file. */
  push(text: string, last: boolean, out: CsvRow[]): void {
    let s = text;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const n = s.length;
    let i = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (s[0] === '\n') i = 1;
    }
    if (this.quoteAtEnd && n > 0) {
      this.quoteAtEnd = false;
      if (s[0] === '"') {
        this.field += '"';
        i = 1;
      } else {
        this.inQuotes = false;
        this.closed = true;
      }
    }
    while (i < n) {
      if (this.inQuotes) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          this.append(s, i, n);
          i = n;
          break;
        }
        this.append(s, i, q);
        if (q + 1 === n) {
          // doubled or closing: the next piece decides
          this.quoteAtEnd = true;
          i = n;
          break;
        }
        if (s[q + 1] === '"') {
          this.field += '"';
          i = q + 2;
          continue;
        }
        this.inQuotes = false;
        this.closed = true;
        i = q + 1;
        continue;
      }
      if (this.closed) {
        const c = s[i];
        if (c !== this.delimiter && c !== '\r' && c !== '\n') throw new CsvSyntaxError(this.startRow, 'text_after_quote');
        this.closed = false;
      }
      if (s[i] === '"' && this.field === '' && !this.fieldQuoted) {
        this.inQuotes = true;
        this.fieldQuoted = true;
        this.startRow = this.row;
        i++;
        continue;
      }
      // an unquoted field (a quote inside it is an ordinary character): up to the next delimiter or line end
      this.special.lastIndex = i;
      const m = this.special.exec(s);
      const j = m ? m.index : n;
      this.append(s, i, j);
      if (j === n) {
        i = n;
        break;
      }
      if (s[j] === this.delimiter) {
        this.endField();
        i = j + 1;
        continue;
      }
      this.endRecord(out);
      if (s[j] === '\r') {
        if (j + 1 === n) this.skipLf = true;
        i = s[j + 1] === '\n' ? j + 2 : j + 1;
      } else i = j + 1;
    }
    if (!last) return;
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) throw new CsvSyntaxError(this.startRow, 'unclosed_quote');
    // a final line break does not start another record
    if (this.field !== '' || this.cells.length > 0) this.endRecord(out);
  }

  private append(s: string, from: number, to: number): void {
    if (to <= from) return;
    if (this.field.length + (to - from) > this.limits.maxCellChars) throw new SheetLimitError('cell', this.row);
    this.field += s.slice(from, to);
  }

  private endField(): void {
    if (this.cells.length >= this.limits.maxColumns) throw new SheetLimitError('columns', this.row);
    this.cells.push(this.field);
    this.field = '';
    this.fieldQuoted = false;
  }

  private endRecord(out: CsvRow[]): void {
    this.endField();
    out.push({ row: this.row, cells: this.cells });
    this.cells = [];
    this.row++;
  }
}

/** Parses a whole CSV text into records (see CsvReader). */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvRow[] {
  const rows: CsvRow[] = [];
  new CsvReader(delimiter).push(text, true, rows);
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
