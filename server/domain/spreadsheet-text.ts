// Text in a spreadsheet cell, as the project writes it and reads it back.
//
// A spreadsheet runs a cell that starts with = + - @ (and, in some of them,
// a tab or a carriage return) as a formula: a household name typed as
// =HYPERLINK(…) would run on a staff member's computer when the register is
// opened (OWASP "CSV injection"). It also reads text made of digits as a
// number: a phone 0912345678 loses its zero, a code 00123 becomes 123, a
// 16-digit number its last digits, "1-2" a date. Such text is written with a
// leading apostrophe, which spreadsheets read as "this cell is text"; every
// reader of the project's files takes the apostrophe off again, so an
// exported file imports back unchanged.
//
// Text that itself starts with apostrophes before such a start gets one
// more, so taking one off always gives back what was written:
// unguardText(guardText(s)) === s for every s.

// Leading spaces do not stop every spreadsheet; the full-width signs are
// turned into formulas by some East Asian editions.
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const NUMBER_LIKE = [
  /^0\d+$/, // a leading zero a number would drop (phones, codes)
  /^\d{12,}$/, // shown as 1.23E+11, or rounded past 15 digits
  /^\d+(?:[.,]\d+)?[eE][+-]?\d+$/, // scientific notation
  /^\d{1,4}[-/]\d{1,2}(?:[-/]\d{1,4})?$/, // read as a date
];

/** True when a spreadsheet would not show this text as it is: it would run it or turn it into a number or date. */
export function needsTextGuard(text: string): boolean {
  const core = text.replace(/^'+/, '');
  return FORMULA_START.test(core) || NUMBER_LIKE.some((re) => re.test(core));
}

/** The text as written into a cell: with a leading apostrophe when a spreadsheet would otherwise not keep it as text. */
export function guardText(text: string): string {
  return needsTextGuard(text) ? `'${text}` : text;
}

/** The text a guarded cell stands for: its leading apostrophe taken off when guardText would have added it. */
export function unguardText(cell: string): string {
  return cell.startsWith("'") && needsTextGuard(cell.slice(1)) ? cell.slice(1) : cell;
}
