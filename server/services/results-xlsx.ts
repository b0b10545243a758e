import type { ResultsSnapshot } from '../domain/results/snapshot';
import { resultsTable } from './results-csv';
import { writeXlsx } from './spreadsheet/xlsx-write';

/**
 * The open-data table as an Excel workbook: the same rows as the CSV, with
 * counts and percentages as numeric cells, so a spreadsheet in a Vietnamese
 * (comma-decimal) locale reads 82.1 % as the number 82,1, not as text.
 */
export function resultsXlsx(s: ResultsSnapshot): Uint8Array {
  return writeXlsx([{ name: 'Kết quả', rows: resultsTable(s) }]);
}
