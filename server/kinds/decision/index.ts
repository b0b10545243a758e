// Nhân dân bàn và quyết định (Đ15 Luật 10/2022/QH15): households decide a
// matter of category k1–k6 at a meeting, on paper or (k6) online; per-village
// thresholds of all households, commune-wide by villages (Đ21). Its channel
// rules and thresholds: DEFAULT_RULES.channels.decision, .thresholds,
// .communeThresholds in domain/legal-rules.ts.
import { decisionQuestions } from '../../domain/campaign-forms';
import { choicesOf, flattenElements, localTexts } from '../../domain/survey/definition';
import type { SnapshotQuestion } from '../../domain/results/snapshot';
import type { LocalizedText } from '../../domain/i18n';
import type { TalliedKind } from '../kind';
import { buildTalliedResults } from '../tallied/build';
import { talliedCsv } from '../tallied/csv';
import { decisionNotice } from '../tallied/notice';
import { DecisionResults, DecisionSummary } from './results';
import { decisionCharts } from './charts';

const CHOICE_TEXT: Record<string, LocalizedText> = {
  approve: { vi: 'Đồng ý', en: 'Approve' },
  reject: { vi: 'Không đồng ý', en: 'Reject' },
  other: { vi: 'Ý kiến khác', en: 'Other opinion' },
};

/** The decision questions of the form, their choices in the words of the ballot paper. */
function questions(survey: Record<string, unknown>): SnapshotQuestion[] {
  const elements = flattenElements(survey);
  return decisionQuestions(survey).map(({ name }) => {
    const el = elements.find((e) => e.name === name)!;
    return {
      name: el.name,
      title: localTexts(el.json.title, el.name),
      choices: choicesOf(el.json.choices).map((c) => ({ value: String(c.value), text: CHOICE_TEXT[String(c.value)] ?? localTexts(c.text, String(c.value)) })),
    };
  });
}

export const decision: TalliedKind = {
  kind: 'decision',
  source: 'tally',
  labels: {
    public: { vi: 'Biểu quyết, quyết định', en: 'Decision' },
    staff: { vi: 'Nhân dân bàn và quyết định', en: 'Decision by the people' },
    hint: {
      vi: 'Các hộ gia đình quyết định một việc của thôn (Điều 15): có giá trị bắt buộc khi đạt tỷ lệ luật định.',
      en: 'Households decide a village matter (Art. 15); binding once the legal threshold is reached.',
    },
  },
  template: 'household-decision',
  questions: (campaign) => questions(campaign.survey),
  sheetQuestions: (campaign) => decisionQuestions(campaign.survey),
  build: (input) => buildTalliedResults(input, questions(input.campaign.survey)),
  Summary: DecisionSummary,
  Results: DecisionResults,
  charts: decisionCharts,
  csv: (s) => talliedCsv(s, (_v, _value, passed) => (passed ? 'Thông qua' : 'Không thông qua')),
  notice: (s) => ({ pages: decisionNotice(s) }),
};
