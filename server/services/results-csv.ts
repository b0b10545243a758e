import { readSnapshot, type ResultsSnapshot } from '../domain/results/snapshot';
import { kindOf } from '../kinds';
import { toCsv } from './spreadsheet/csv';
import type { TableCell, TableRow } from './spreadsheet/table';

// Open data as a table whose rows are the kind's own (server/kinds/<kind>).
// As CSV (toCsv: UTF-8 with a BOM and CRLF, text guarded against formulas)
// numbers are plain with dot decimals so scripts read them without guessing
// the locale; a spreadsheet in a comma-decimal locale (Vietnamese) opens the
// XLSX (results-xlsx.ts), whose cells are numbers.

const cellOf = (v: string | number | boolean | null | undefined): TableCell => (typeof v === 'boolean' ? (v ? 'Có' : 'Không') : v);

/** The same numbers as the results JSON, as rows of a table (header first). */
export function resultsTable(s: ResultsSnapshot): TableRow[] {
  // a snapshot of an earlier format is read as today's (domain/results/snapshot.ts)
  return kindOf(s.campaign.kind).csv(readSnapshot(s)).map((row) => row.map(cellOf));
}

/** The same numbers as the results JSON, as CSV (UTF-8 with BOM). */
export function resultsCsv(s: ResultsSnapshot): string {
  return toCsv(resultsTable(s));
}
