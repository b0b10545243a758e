import type { Lang, Text } from '../../domain/i18n';
import type { ResultsSnapshot } from '../../domain/results/snapshot';
import { CHART_COLORS, type ChartSpec } from '../../../web/views/results/charts';
import { formCharts } from '../form/charts';

export const ANSWERS: Text = { vi: 'Số ý kiến', en: 'Answers' };

/** Every question of the form answered by choosing (snapshots before `form`: the answers per choice of each choice question). */
export function consultationCharts(s: ResultsSnapshot, lang: Lang): ChartSpec[] {
  if (s.form) return formCharts(s.form, lang);
  return (s.consultation?.questions ?? []).map((q, qi) => {
    const values = Object.keys(q.counts);
    return {
      id: `chart-c${qi}`, kind: 'bar', labels: values.map((v) => q.choices.find((c) => c.value === v)?.text[lang] ?? v),
      datasets: [{ label: ANSWERS[lang], data: values.map((v) => q.counts[v] ?? 0), color: CHART_COLORS.brand }],
    };
  });
}
