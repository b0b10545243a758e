import type { Lang } from '../../domain/i18n';
import type { SnapshotForm } from '../../domain/results/snapshot';
import { CHART_COLORS, type ChartSpec } from '../../../web/views/results/charts';
import { FT, choiceLabel } from './labels';

/** The chart id of the form's question at `index`. */
export const formChartId = (index: number) => `chart-f${index}`;

/**
 * One bar chart per question answered by choosing: its choices, booleans
 * and rating values counted; a ranking's items by how often they came first.
 * Matrices and lists have tables only.
 */
export function formCharts(form: SnapshotForm | undefined, lang: Lang): ChartSpec[] {
  const out: ChartSpec[] = [];
  (form?.questions ?? []).forEach((q, i) => {
    if (q.kind === 'choice' || q.kind === 'boolean' || q.kind === 'rating') {
      out.push({
        id: formChartId(i), kind: 'bar', labels: q.choices.map((c) => choiceLabel(q, c, lang)),
        datasets: [{ label: FT.count[lang], data: q.choices.map((c) => q.counts[c.value] ?? 0), color: CHART_COLORS.brand }],
      });
    } else if (q.kind === 'ranking') {
      out.push({
        id: formChartId(i), kind: 'bar', labels: q.choices.map((c) => c.text[lang]),
        datasets: [{ label: FT.first[lang], data: q.choices.map((c) => q.first[c.value] ?? 0), color: CHART_COLORS.brand }],
      });
    }
  });
  return out;
}
