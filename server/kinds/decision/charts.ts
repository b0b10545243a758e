import type { Lang } from '../../domain/i18n';
import type { ResultsSnapshot } from '../../domain/results/snapshot';
import { CHART_COLORS, type ChartSpec } from '../../../web/views/results/charts';
import { RT } from '../../../web/views/results/parts';

/** Per question: each choice's votes per village, and the approvals needed as a line. */
export function decisionCharts(s: ResultsSnapshot, lang: Lang): ChartSpec[] {
  return s.questions.map((q, qi) => ({
    id: `chart-q${qi}`,
    kind: 'bar-line',
    labels: s.villages.map((v) => v.name),
    datasets: [
      ...q.choices.map((c) => ({
        label: c.text[lang],
        data: s.villages.map((v) => v.questions[q.name]?.counts[c.value] ?? 0),
        color: CHART_COLORS[c.value as keyof typeof CHART_COLORS] ?? CHART_COLORS.other,
      })),
      { label: RT.required[lang], data: s.villages.map((v) => v.questions[q.name]?.required ?? 0), color: CHART_COLORS.required, line: true },
    ],
  }));
}
