import { DEFAULT_RULES } from '../../domain/legal-rules';
import { summariseConsultation, type ConsultationQuestion } from '../../domain/consultation';
import { flattenElements, type Json } from '../../domain/survey/definition';
import type { SnapshotQuestion } from '../../domain/results/snapshot';
import type { AnswersInput, BuiltResults } from '../kind';
import { answeredResults, formResults, questionOf } from '../answered';

const CHOICE_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'boolean', 'rating']);

/**
 * The synthesis of a consultation: every question of its form summed up,
 * the written opinions (free texts, "other" notes) listed for staff and
 * counted for the public, and the themes staff grouped them under with the
 * commune's answer (Đ28). Personal data (the contact details of
 * surveys/consultation.json: name, phone, e-mail) is never listed.
 * `consultation.questions` keeps the choice questions' counts as snapshots
 * before `form` published them.
 */
export function buildConsultationResults(input: AnswersInput): BuiltResults {
  const consultQuestions: ConsultationQuestion[] = [];
  const shown: SnapshotQuestion[] = [];
  for (const el of flattenElements(input.campaign.survey as Json)) {
    if (CHOICE_TYPES.has(el.type)) {
      const q = questionOf(el);
      consultQuestions.push({ name: el.name, type: 'choice', choices: q.choices.map((c) => c.value) });
      shown.push(q);
    }
  }
  const { ballots } = input;
  const summary = summariseConsultation(consultQuestions, ballots);
  const { form, opinions } = formResults(input);
  return {
    results: answeredResults(DEFAULT_RULES.channels.consultation, ballots.length, {
      questions: shown,
      satisfaction: null,
      consultation: {
        ballots: summary.ballots,
        questions: shown.map((q) => ({ name: q.name, title: q.title, choices: q.choices, ...summary.questions[q.name]! })),
        opinions: form.texts,
        ungrouped: form.ungrouped,
        themes: form.themes,
      },
      form,
    }),
    staff: { opinions },
  };
}
