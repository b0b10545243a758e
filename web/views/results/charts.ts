// Chart specs of the results pages: plain data, computed by each kind's pure
// `charts` function from the snapshot (server/kinds/<kind>/charts.ts) and
// written into the page as a JSON data block; web/client/charts.ts draws
// them with chart.js. Every chart has a table with the same numbers beside it.

export interface ChartSpec {
  id: string;
  kind: 'bar' | 'bar-line';
  /** the chart's own heading when several stand under one figure (a village's name) */
  title?: string;
  /** percent axis 0–100 */
  percent?: boolean;
  /** bars lie along the value axis (a village's measures read on a phone) */
  horizontal?: boolean;
  /**
   * Where the value axis ends: the village's households, so 163 of 412
   * looks like 40 %, not like a full bar. Without it the axis ends past the
   * largest bar.
   */
  max?: number;
  /** a threshold drawn as a line across the value axis ("cần 207 phiếu đồng ý") */
  threshold?: { value: number; label: string; color: string };
  labels: string[];
  /** `colors`: one per bar, where each bar is a measure of its own */
  datasets: { label: string; data: number[]; color: string; colors?: string[]; line?: boolean }[];
}

export const CHART_COLORS = {
  approve: '#2e7d32', reject: '#c62828', other: '#6b6b6b', required: '#0b5394', brand: '#0b5394',
  participated: '#0b5394', online: '#0b5394', paper: '#38761d', threshold: '#b45f06',
};

/** JSON for a data block: `<` escaped so no string in it can close the element. */
export function dataBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** One village's measures as bars against its households, the threshold a line. */
export interface VillageBars {
  id: string;
  /** "Thôn Đông Sơn (412 hộ)" */
  title: string;
  households: number;
  bars: { label: string; value: number; color: string }[];
  /** what the threshold needs (approvals, votes), with its words; null where none applies */
  threshold: { value: number; label: string } | null;
  /** what the bars count ("Số hộ", "Số phiếu") */
  unit: string;
}

/**
 * A village's chart: horizontal bars (labels stay readable on a 360 px
 * phone) on an axis from 0 to the village's households, and the threshold
 * as a line across it.
 */
export function villageBarsChart(v: VillageBars): ChartSpec {
  return {
    id: v.id,
    kind: 'bar',
    title: v.title,
    horizontal: true,
    // a count past the households (a sheet to check) still shows whole
    max: Math.max(v.households, ...v.bars.map((b) => b.value)),
    ...(v.threshold ? { threshold: { ...v.threshold, color: CHART_COLORS.threshold } } : {}),
    labels: v.bars.map((b) => b.label),
    datasets: [{ label: v.unit, data: v.bars.map((b) => b.value), color: v.bars[0]?.color ?? CHART_COLORS.brand, colors: v.bars.map((b) => b.color) }],
  };
}

export interface ParticipationVillage { name: string; households: number; online: number; paper: number; needed: number | null }

/**
 * Participation per village while a campaign runs: online, on paper and in
 * all, against the village's households, the approvals needed as a line.
 */
export function participationCharts(
  prefix: string,
  rows: ParticipationVillage[],
  words: { online: string; paper: string; total: string; unit: string; needed: (n: number) => string; title: (name: string, households: number) => string },
): ChartSpec[] {
  return rows.map((r, i) => villageBarsChart({
    id: `${prefix}-chart-${i}`,
    title: words.title(r.name, r.households),
    households: r.households,
    unit: words.unit,
    bars: [
      { label: words.online, value: r.online, color: CHART_COLORS.online },
      { label: words.paper, value: r.paper, color: CHART_COLORS.paper },
      { label: words.total, value: r.online + r.paper, color: CHART_COLORS.approve },
    ],
    threshold: r.needed === null ? null : { value: r.needed, label: words.needed(r.needed) },
  }));
}
