// Chart specs of the results pages: plain data, computed by each kind's pure
// `charts` function from the snapshot (server/kinds/<kind>/charts.ts) and
// written into the page as a JSON data block; web/client/results.ts draws
// them with chart.js. Every chart has a table with the same numbers beside it.

export interface ChartSpec {
  id: string;
  kind: 'bar' | 'bar-line';
  /** percent axis 0–100 */
  percent?: boolean;
  labels: string[];
  datasets: { label: string; data: number[]; color: string; line?: boolean }[];
}

export const CHART_COLORS = { approve: '#2e7d32', reject: '#c62828', other: '#6b6b6b', required: '#0b5394', brand: '#0b5394' };

/** JSON for a data block: `<` escaped so no string in it can close the element. */
export function dataBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
