// How large a spreadsheet upload may be, checked while it is read and before
// any of its text is normalised, so a small upload cannot expand into
// gigabytes of work or memory (issue 14 §5). The figures leave room for a
// register of 100,000 households (issue 17) and stop well short of harm.

export const SHEET_LIMITS = {
  /** Rows of all sheets together, title and blank rows included. */
  maxRows: 200_000,
  /** Columns a cell with a value may sit in (Excel 2003's last column, IV). */
  maxColumns: 256,
  /** Characters in one cell: the most Excel lets a cell hold. */
  maxCellChars: 32_767,
  /** Entries of an .xlsx shared-string table. */
  maxSharedStrings: 1_000_000,
  /** Characters of the whole shared-string table (it is kept in memory while the sheets are read). */
  maxSharedChars: 16 * 1024 * 1024,
  /** Parts of an .xlsx archive. */
  maxEntries: 2000,
  /** Bytes of an .xlsx once inflated: 100,000 households written by Excel are about 50 MB. */
  maxInflatedBytes: 96 * 1024 * 1024,
  /** Characters of one <row> element of a sheet, however many cells it lists. */
  maxRowXmlChars: 4 * 1024 * 1024,
};

export type SheetLimit = 'rows' | 'row' | 'columns' | 'cell' | 'shared_strings' | 'shared_chars';

/** A file past one of SHEET_LIMITS; `row` is the spreadsheet row where it was found, when there is one. */
export class SheetLimitError extends Error {
  constructor(readonly limit: SheetLimit, readonly row?: number) {
    super(`spreadsheet limit: ${limit}${row !== undefined ? ` (row ${row})` : ''}`);
    this.name = 'SheetLimitError';
  }
}
