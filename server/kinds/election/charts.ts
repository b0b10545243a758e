import type { Lang } from '../../domain/i18n';
import type { ResultsSnapshot } from '../../domain/results/snapshot';
import { ELECTION_QUESTION } from '../../domain/tally';
import { CHART_COLORS, type ChartSpec } from '../../../web/views/results/charts';
import { RT, candidateName } from '../../../web/views/results/parts';

/** Per village: each candidate's votes, and the votes needed as a line. */
export function electionCharts(s: ResultsSnapshot, lang: Lang): ChartSpec[] {
  return s.villages.map((v, vi) => {
    const r = v.questions[ELECTION_QUESTION];
    const ids = Object.keys(r?.counts ?? {});
    return {
      id: `chart-v${vi}`,
      kind: 'bar-line',
      labels: ids.map((id) => candidateName(s, id)),
      datasets: [
        { label: RT.votes[lang], data: ids.map((id) => r?.counts[id] ?? 0), color: CHART_COLORS.brand },
        { label: RT.votesNeeded[lang], data: ids.map(() => r?.required ?? 0), color: CHART_COLORS.reject, line: true },
      ],
    };
  });
}
