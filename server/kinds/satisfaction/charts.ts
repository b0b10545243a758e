import type { Lang, Text } from '../../domain/i18n';
import type { ResultsSnapshot } from '../../domain/results/snapshot';
import { CHART_COLORS, type ChartSpec } from '../../../web/views/results/charts';
import { RT } from '../../../web/views/results/parts';
import { formCharts } from '../form/charts';

export const SIPAS_CHART = 'chart-sipas';
export const ONE_STOP_CHART = 'chart-onestop';

/** The one-stop rating levels by their words (surveys/one-stop-rating.json). */
export const LEVEL: Record<string, Text> = {
  very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' }, satisfied: { vi: 'Hài lòng', en: 'Satisfied' }, not_satisfied: { vi: 'Không hài lòng', en: 'Not satisfied' },
};
const RATINGS: Text = { vi: 'Số đánh giá', en: 'Ratings' };

/** The SIPAS share satisfied per element (percent axis), the one-stop ratings per level, and every question of the form answered by choosing. */
export function satisfactionCharts(s: ResultsSnapshot, lang: Lang): ChartSpec[] {
  const sat = s.satisfaction;
  const charts: ChartSpec[] = [];
  if (sat?.sipas) {
    const elements = sat.sipas.elements;
    charts.push({
      id: SIPAS_CHART, kind: 'bar', percent: true, labels: elements.map((e) => e.title?.[lang] ?? e.element),
      datasets: [{ label: RT.satisfied[lang], data: elements.map((e) => e.rounded.satisfiedPercent ?? 0), color: CHART_COLORS.approve }],
    });
  }
  if (sat?.oneStop) {
    const counts = sat.oneStop.overall.counts;
    charts.push({
      id: ONE_STOP_CHART, kind: 'bar', labels: Object.keys(counts).map((l) => LEVEL[l]?.[lang] ?? l),
      datasets: [{ label: RATINGS[lang], data: Object.values(counts), color: CHART_COLORS.brand }],
    });
  }
  return [...charts, ...formCharts(s.form, lang)];
}
