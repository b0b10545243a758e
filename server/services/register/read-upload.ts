import { AppError } from '../../domain/errors';
import type { SheetRows } from '../../domain/register-row';
import { CsvReader, CsvSyntaxError, detectDelimiter, type CsvRow } from '../spreadsheet/csv';
import { looksLikeOleXls, looksLikeZip, openXlsx, refuseOldXls, xlsxError, type SheetRow } from '../spreadsheet/xlsx-read';
import { SHEET_LIMITS, SheetLimitError } from '../spreadsheet/limits';
import { timeSlices } from '../spreadsheet/slices';

// An uploaded register (CSV or XLSX), read as a stream of row slices: the
// bytes are decoded or inflated a piece at a time, each piece's rows handed
// on and dropped, so memory stays flat however many rows the file has; and
// the reading gives the event loop a turn every few milliseconds, so other
// requests keep their latency during a large import.

export type RegisterFileKind = 'csv' | 'xlsx';

/** A slice of rows; `start` opens a new sheet (a CSV file is one sheet without a name). */
export interface RowSlice {
  start: boolean;
  sheet?: string;
  rows: SheetRows['rows'];
}

export interface RegisterUpload {
  /**
   * Reads the whole file once, keeping nothing: a file that cannot be read
   * or passes a size limit is refused with a 4xx here, before an import
   * writes anything.
   */
  check(): Promise<void>;
  /** The rows, sheet after sheet, a slice at a time. */
  read(): AsyncGenerator<RowSlice>;
}

const EMPTY = { vi: 'Tệp gửi lên không có dữ liệu.', en: 'The uploaded file is empty.' };
const NOT_TEXT = {
  vi: 'Tệp CSV phải là văn bản mã hoá UTF-8. Trong Excel, chọn "Lưu thành" → "CSV UTF-8 (Comma delimited)" rồi gửi lại, hoặc gửi tệp .xlsx.',
  en: 'A CSV file must be UTF-8 text. In Excel choose "Save as" → "CSV UTF-8 (Comma delimited)" and upload again, or upload the .xlsx file.',
};
const fmt = (n: number) => n.toLocaleString('vi-VN');
const fmtEn = (n: number) => n.toLocaleString('en');
const at = (row: number | undefined, vi: boolean) => (row === undefined ? '' : vi ? `Dòng ${fmt(row)}: ` : `Row ${fmtEn(row)}: `);

function limitError(err: SheetLimitError): AppError {
  const L = SHEET_LIMITS;
  const r = err.row;
  const text = {
    rows: {
      vi: `Tệp có hơn ${fmt(L.maxRows)} dòng; sổ hộ của một xã không dài như vậy. Hãy tách tệp theo từng thôn.`,
      en: `The file has more than ${fmtEn(L.maxRows)} rows; no commune's register is that long. Split the file by village.`,
    },
    row: {
      vi: `${at(r, true)}dòng này chứa quá nhiều dữ liệu (hơn ${L.maxRowXmlChars / 1024 / 1024} MB); hãy xoá các cột và ô thừa.`,
      en: `${at(r, false)}the row holds too much data (more than ${L.maxRowXmlChars / 1024 / 1024} MB); delete the extra columns and cells.`,
    },
    columns: {
      vi: `${at(r, true)}có dữ liệu ở sau cột thứ ${fmt(L.maxColumns)}; sổ hộ chỉ có vài cột. Hãy xoá các cột thừa.`,
      en: `${at(r, false)}there is data beyond column ${fmtEn(L.maxColumns)}; a register has only a few columns. Delete the extra columns.`,
    },
    cell: {
      vi: `${at(r, true)}có một ô dài hơn ${fmt(L.maxCellChars)} ký tự, quá mức một ô bảng tính chứa được.`,
      en: `${at(r, false)}a cell is longer than ${fmtEn(L.maxCellChars)} characters, more than a spreadsheet cell can hold.`,
    },
    shared_strings: {
      vi: `Bảng chuỗi dùng chung của tệp Excel có hơn ${fmt(L.maxSharedStrings)} chuỗi; tệp này không thể là sổ hộ gia đình.`,
      en: `The workbook's shared-string table has more than ${fmtEn(L.maxSharedStrings)} strings; it cannot be a household register.`,
    },
    shared_chars: {
      vi: `Bảng chuỗi dùng chung của tệp Excel dài hơn ${fmt(L.maxSharedChars)} ký tự; tệp này không thể là sổ hộ gia đình.`,
      en: `The workbook's shared-string table is longer than ${fmtEn(L.maxSharedChars)} characters; it cannot be a household register.`,
    },
  }[err.limit];
  return new AppError('PAYLOAD_TOO_LARGE', text);
}

function csvSyntaxError(err: CsvSyntaxError): AppError {
  const message =
    err.reason === 'unclosed_quote'
      ? { vi: `Dòng ${err.row}: dấu ngoặc kép (") mở nhưng không đóng, tệp CSV bị hỏng từ dòng này.`, en: `Row ${err.row}: a quote (") opens and never closes; the CSV is broken from this row on.` }
      : { vi: `Dòng ${err.row}: có chữ ngay sau dấu ngoặc kép đóng; ô có dấu ngoặc kép phải được đặt trong ngoặc kép và nhân đôi ("").`, en: `Row ${err.row}: text follows a closing quote; quotes inside a cell must be doubled ("") and the cell quoted.` };
  return new AppError('VALIDATION_FAILED', { vi: 'Tệp CSV sai định dạng.', en: 'The CSV file is malformed.' }, [{ path: `row ${err.row}`, message }]);
}

/** The 4xx a reading error stands for. */
function uploadError(err: unknown, kind: RegisterFileKind): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof SheetLimitError) return limitError(err);
  if (err instanceof CsvSyntaxError) return csvSyntaxError(err);
  if (kind === 'xlsx') {
    const mapped = xlsxError(err);
    return mapped instanceof SheetLimitError ? limitError(mapped) : mapped;
  }
  return err;
}

const CSV_PIECE = 64 * 1024; // bytes decoded at a time
const ROWS_PER_SLICE = 128;

async function* csvSlices(bytes: Uint8Array): AsyncGenerator<RowSlice> {
  const pause = timeSlices();
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let reader: CsvReader | null = null;
  let rows: CsvRow[] = [];
  let start = true;
  for (let i = 0; i < bytes.length || i === 0; i += CSV_PIECE) {
    const last = i + CSV_PIECE >= bytes.length;
    let text: string;
    try {
      text = utf8.decode(bytes.subarray(i, Math.min(bytes.length, i + CSV_PIECE)), { stream: !last });
    } catch {
      throw new AppError('BAD_REQUEST', NOT_TEXT); // not UTF-8
    }
    // NUL never occurs in a text file: this is a binary file with a .csv name or type
    if (text.includes('\u0000')) throw new AppError('BAD_REQUEST', NOT_TEXT);
    // Excel in a comma-decimal locale may separate with ';' (the first line says)
    reader ??= new CsvReader(detectDelimiter(text));
    reader.push(text, last, rows);
    for (let k = 0; k < rows.length; k += ROWS_PER_SLICE) {
      yield { start, rows: rows.slice(k, k + ROWS_PER_SLICE) };
      start = false;
      const p = pause();
      if (p) await p;
    }
    rows = [];
    if (last) break;
  }
  if (start) yield { start, rows: [] };
}

async function* xlsxSlices(bytes: Uint8Array): AsyncGenerator<RowSlice> {
  const pause = timeSlices();
  refuseOldXls(bytes);
  const book = openXlsx(bytes);
  for (const _ of book.sharedStrings()) {
    const p = pause();
    if (p) await p;
  }
  const budget = book.budget(); // inflated bytes, for all the sheets together
  for (let s = 0; s < book.sheets.length; s++) {
    const sheet = book.sheets[s]!.name;
    let start = true;
    const it = book.rows(s, budget);
    for (let r = it.next(); !r.done; r = it.next()) {
      const rows: SheetRow[] = r.value;
      for (let k = 0; k < rows.length; k += ROWS_PER_SLICE) {
        yield { start, sheet, rows: rows.slice(k, k + ROWS_PER_SLICE) };
        start = false;
        const p = pause();
        if (p) await p;
      }
      const p = pause();
      if (p) await p;
    }
    if (start) yield { start, sheet, rows: [] };
  }
}

/** Opens an uploaded register; a bad file is a 4xx that says what to do. */
export function openRegisterUpload(bytes: Uint8Array, kind: RegisterFileKind): RegisterUpload {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', EMPTY, [{ path: 'file', message: EMPTY }]);
  // An .xlsx sent as CSV (a wrong type picked by a browser or script) is still read as what it is.
  const actual: RegisterFileKind = kind === 'xlsx' || looksLikeZip(bytes) || looksLikeOleXls(bytes) ? 'xlsx' : 'csv';
  async function* read(): AsyncGenerator<RowSlice> {
    let total = 0;
    try {
      for await (const slice of actual === 'xlsx' ? xlsxSlices(bytes) : csvSlices(bytes)) {
        total += slice.rows.length;
        if (total > SHEET_LIMITS.maxRows) throw new SheetLimitError('rows');
        yield slice;
      }
    } catch (err) {
      throw uploadError(err, actual);
    }
  }
  return {
    async check() {
      for await (const _ of read());
    },
    read,
  };
}
