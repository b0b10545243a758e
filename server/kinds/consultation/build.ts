import { DEFAULT_RULES } from '../../domain/legal-rules';
import { summariseConsultation, type ConsultationQuestion } from '../../domain/consultation';
import { flattenElements, type Json } from '../../domain/survey/definition';
import type { SnapshotQuestion } from '../../domain/results/snapshot';
import type { AnswersInput, BuiltResults } from '../kind';
import { answeredResults, questionOf } from '../answered';

const CHOICE_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'boolean', 'rating']);

/**
 * The synthesis of a consultation: every choice question counted, the
 * opinions (comment boxes and "other" texts) listed for staff and counted for
 * the public, and the themes staff grouped them under with the commune's
 * answer (Đ28). Single-line text answers are the respondent's contact details
 * (name, phone, e-mail in surveys/consultation.json): never published.
 */
export function buildConsultationResults(input: AnswersInput): BuiltResults {
  const consultQuestions: ConsultationQuestion[] = [];
  const shown: SnapshotQuestion[] = [];
  for (const el of flattenElements(input.campaign.survey as Json)) {
    if (CHOICE_TYPES.has(el.type)) {
      const q = questionOf(el);
      consultQuestions.push({ name: el.name, type: 'choice', choices: q.choices.map((c) => c.value) });
      shown.push(q);
    } else if (el.type === 'comment') {
      consultQuestions.push({ name: el.name, type: 'text' });
    }
  }
  const { themes, assignments, ballots } = input;
  const summary = summariseConsultation(consultQuestions, ballots, themes.map((t) => ({
    themeId: t.id, title: t.title, response: t.response,
    ballotIds: assignments.filter((a) => a.themeId === t.id).map((a) => a.ballotId),
  })));
  const themeOf = new Map(assignments.map((a) => [`${a.ballotId}\u0000${a.question}`, a.themeId]));
  return {
    results: answeredResults(DEFAULT_RULES.channels.consultation, ballots.length, {
      questions: shown,
      satisfaction: null,
      consultation: {
        ballots: summary.ballots,
        questions: shown.map((q) => ({ name: q.name, title: q.title, choices: q.choices, ...summary.questions[q.name]! })),
        opinions: summary.opinions.length,
        ungrouped: summary.ungrouped.length,
        themes: themes.map((t) => ({
          id: t.id, title: t.title, response: t.response, accepted: t.accepted,
          count: summary.themes.find((s) => s.themeId === t.id)?.count ?? 0,
        })),
      },
    }),
    staff: { opinions: summary.opinions.map((o) => ({ ...o, themeId: themeOf.get(`${o.ballotId}\u0000${o.question}`) ?? null })) },
  };
}
