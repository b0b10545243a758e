import type { Lang, Text } from '../../domain/i18n';
import type { ResultsSnapshot } from '../../domain/results/snapshot';
import { ELECTION_QUESTION } from '../../domain/tally';
import { CHART_COLORS, villageBarsChart, type ChartSpec } from '../../../web/views/results/charts';
import { num } from '../../../web/views/results/format';
import { RT, candidateName } from '../../../web/views/results/parts';
import { villageTitle } from '../decision/charts';

const neededLine = (lang: Lang, n: number): string =>
  ({ vi: `Cần ${num('vi', n)} phiếu`, en: `${num('en', n)} votes needed` } satisfies Text)[lang];

/** Per village: each candidate's votes on an axis to the village's households, the votes needed as a line. */
export function electionCharts(s: ResultsSnapshot, lang: Lang): ChartSpec[] {
  return s.villages.map((v, vi) => {
    const r = v.questions[ELECTION_QUESTION];
    const ids = Object.keys(r?.counts ?? {});
    return villageBarsChart({
      id: `chart-v${vi}`,
      title: villageTitle(lang, v.name, v.households),
      households: v.households,
      unit: RT.votes[lang],
      bars: ids.map((id) => ({ label: candidateName(s, id), value: r?.counts[id] ?? 0, color: CHART_COLORS.brand })),
      threshold: r ? { value: r.required, label: neededLine(lang, r.required) } : null,
    });
  });
}
