// A table as the project's CSV and XLSX writers take it: rows of cells, each
// text, a number (written as a number, so both dot- and comma-decimal
// spreadsheets read it as one) or empty.

export type TableCell = string | number | null | undefined;
export type TableRow = readonly TableCell[];
