import { readSnapshot, type ResultsSnapshot } from '../domain/results/snapshot';
import { kindOf } from '../kinds';

// Open data as CSV: UTF-8 with a BOM and CRLF so Excel on a commune office PC
// opens the Vietnamese headers and names as they are; the rows are the
// kind's own (server/kinds/<kind>). Numbers are plain (dot decimals) so
// scripts read them without guessing the locale.

const BOM = '\uFEFF';

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  // A text cell starting like a formula is read as text, never run by a spreadsheet.
  let s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** The same numbers as the results JSON, as CSV (UTF-8 with BOM). */
export function resultsCsv(s: ResultsSnapshot): string {
  const rows = kindOf(s.campaign.kind).csv(readSnapshot(s));
  return BOM + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
