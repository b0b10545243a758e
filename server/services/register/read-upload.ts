import { AppError } from '../../domain/errors';
import type { SheetRows } from '../../domain/register-row';
import { CsvSyntaxError, parseCsv } from '../spreadsheet/csv';
import { looksLikeOleXls, looksLikeZip, readXlsx } from '../spreadsheet/xlsx-read';

export type RegisterFileKind = 'csv' | 'xlsx';

const EMPTY = { vi: 'Tệp gửi lên không có dữ liệu.', en: 'The uploaded file is empty.' };
const NOT_TEXT = {
  vi: 'Tệp CSV phải là văn bản mã hoá UTF-8. Trong Excel, chọn "Lưu thành" → "CSV UTF-8 (Comma delimited)" rồi gửi lại, hoặc gửi tệp .xlsx.',
  en: 'A CSV file must be UTF-8 text. In Excel choose "Save as" → "CSV UTF-8 (Comma delimited)" and upload again, or upload the .xlsx file.',
};

/** The rows of an uploaded register, by sheet; a bad file is a 4xx that says what to do. */
export function readRegisterUpload(bytes: Uint8Array, kind: RegisterFileKind): SheetRows[] {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', EMPTY, [{ path: 'file', message: EMPTY }]);
  // An .xlsx sent as CSV (a wrong type picked by a browser or script) is still read as what it is.
  if (kind === 'xlsx' || looksLikeZip(bytes) || looksLikeOleXls(bytes)) return readXlsx(bytes).map((s) => ({ sheet: s.name, rows: s.rows }));

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('BAD_REQUEST', NOT_TEXT);
  }
  // NUL never occurs in a text file: this is a binary file with a .csv name or type
  if (text.includes('\u0000')) throw new AppError('BAD_REQUEST', NOT_TEXT);
  try {
    return [{ rows: parseCsv(text) }];
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    const message =
      err.reason === 'unclosed_quote'
        ? { vi: `Dòng ${err.row}: dấu ngoặc kép (") mở nhưng không đóng, tệp CSV bị hỏng từ dòng này.`, en: `Row ${err.row}: a quote (") opens and never closes; the CSV is broken from this row on.` }
        : { vi: `Dòng ${err.row}: có chữ ngay sau dấu ngoặc kép đóng; ô có dấu ngoặc kép phải được đặt trong ngoặc kép và nhân đôi ("").`, en: `Row ${err.row}: text follows a closing quote; quotes inside a cell must be doubled ("") and the cell quoted.` };
    throw new AppError('VALIDATION_FAILED', { vi: 'Tệp CSV sai định dạng.', en: 'The CSV file is malformed.' }, [{ path: `row ${err.row}`, message }]);
  }
}
