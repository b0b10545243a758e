import type { Lang, Text } from '../../domain/i18n';
import type { ResultsSnapshot } from '../../domain/results/snapshot';
import { CHART_COLORS, villageBarsChart, type ChartSpec } from '../../../web/views/results/charts';
import { num } from '../../../web/views/results/format';
import { RT } from '../../../web/views/results/parts';

const neededLine = (lang: Lang, n: number): string =>
  ({ vi: `Cần ${num('vi', n)} phiếu đồng ý`, en: `${num('en', n)} approvals needed` } satisfies Text)[lang];

/** "Thôn Đông Sơn (412 hộ)" */
export const villageTitle = (lang: Lang, name: string, households: number): string =>
  `${name} (${num(lang, households)} ${RT.householdsUnit[lang]})`;

/**
 * Per question, one chart per village: the households that took part and
 * each choice's votes, on an axis that ends at the village's households (so
 * 163 of 412 never looks full), the approvals needed drawn as a line.
 */
export function decisionCharts(s: ResultsSnapshot, lang: Lang): ChartSpec[] {
  return s.questions.flatMap((q, qi) =>
    s.villages.map((v, vi) => {
      const r = v.questions[q.name];
      return villageBarsChart({
        id: `chart-q${qi}-v${vi}`,
        title: villageTitle(lang, v.name, v.households),
        households: v.households,
        unit: RT.householdsUnit[lang],
        bars: [
          { label: RT.participated[lang], value: v.participated, color: CHART_COLORS.participated },
          ...q.choices.map((c) => ({
            label: c.text[lang],
            value: r?.counts[c.value] ?? 0,
            color: CHART_COLORS[c.value as keyof typeof CHART_COLORS] ?? CHART_COLORS.other,
          })),
        ],
        threshold: r ? { value: r.required, label: neededLine(lang, r.required) } : null,
      });
    }),
  );
}
