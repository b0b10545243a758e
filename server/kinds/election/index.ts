// Bầu cử: the village head (k4) or the members of the People's Inspection
// Board and the investment supervision board (k5), always by secret ballot at
// the meeting, the household ballot as fallback (Đ17 k2, Đ19 k1 b); elected
// with more than half of all households (Đ21 k1). Its rules:
// DEFAULT_RULES.channels.election, .election, .inspectionBoard in
// domain/legal-rules.ts.
import { ELECTION_QUESTION } from '../../domain/tally';
import type { TalliedKind } from '../kind';
import { buildTalliedResults } from '../tallied/build';
import { talliedCsv } from '../tallied/csv';
import { electionNotice } from '../tallied/notice';
import { ElectionResults, ElectionSummary } from './results';
import { electionCharts } from './charts';
import type { Candidate } from '../../domain/campaign';
import type { SnapshotQuestion } from '../../domain/results/snapshot';

/** One question: the village's candidates, each voted for or not. */
const questions = (candidates: Candidate[]): SnapshotQuestion[] => [{
  name: ELECTION_QUESTION, title: { vi: 'Bầu cử', en: 'Election' },
  choices: candidates.map((c) => ({ value: c.id, text: { vi: c.name, en: c.name } })),
}];

export const election: TalliedKind = {
  kind: 'election',
  source: 'tally',
  labels: {
    public: { vi: 'Bầu cử', en: 'Election' },
    staff: { vi: 'Bầu cử', en: 'Election' },
    hint: {
      vi: 'Bầu Trưởng thôn (k4) hoặc thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng (k5). Luôn bỏ phiếu kín.',
      en: 'Elect the village head (k4) or board members (k5). Always a secret ballot.',
    },
  },
  // the ballot is generated from the candidates (domain/campaign-forms.ts)
  template: null,
  questions: (_campaign, candidates) => questions(candidates),
  // a village's sheet counts the votes of its own candidates
  sheetQuestions: (_campaign, candidates, villageId) => [{ name: ELECTION_QUESTION, choices: candidates.filter((c) => c.villageId === villageId).map((c) => c.id) }],
  build: (input) => buildTalliedResults(input, questions(input.candidates)),
  Summary: ElectionSummary,
  Results: ElectionResults,
  charts: electionCharts,
  csv: (s) => talliedCsv(s, (v, id) => (v.elected.includes(id) ? 'Trúng cử' : v.ties.includes(id) ? 'Bằng phiếu, cuộc họp quyết định' : 'Không trúng cử')),
  notice: (s) => ({ pages: electionNotice(s) }),
};
