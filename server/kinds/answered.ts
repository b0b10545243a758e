// What the kinds whose results are the answers themselves (consultation,
// satisfaction) share: nothing decides, so no village tallies and no
// commune verdict, only how many answered and the rule they were asked under;
// and every question of their form summed up (domain/form-results.ts), its
// written answers for staff to group under themes.
import type { Rule } from '../domain/legal-rules';
import type { SnapshotCommune, SnapshotForm, SnapshotQuestion, SnapshotResults } from '../domain/results/snapshot';
import { choicesOf, localTexts, type FlatElement, type Json } from '../domain/survey/definition';
import { groupTexts, summariseForm } from '../domain/form-results';
import type { AnswersInput, StaffExtras } from './kind';

export function answeredResults(
  rule: Pick<Rule<unknown>, 'article' | 'note'>,
  respondents: number,
  part: Pick<SnapshotResults, 'questions' | 'satisfaction' | 'consultation' | 'form'> & { moreLegalBasis?: SnapshotResults['legalBasis'] },
): SnapshotResults {
  const commune: SnapshotCommune = {
    villagesPassed: 0, passed: false, villages: 0, rule: 'every_village', requiredVillages: 0, questions: {}, adopted: [],
    roster: null, warnings: [], households: 0, participated: respondents, turnout: 0,
  };
  return {
    satisfaction: part.satisfaction,
    consultation: part.consultation,
    ...(part.form ? { form: part.form } : {}),
    photos: [],
    binding: false,
    questions: part.questions,
    villages: [],
    commune,
    advisory: null,
    legalBasis: [{ article: rule.article, note: rule.note }, ...(part.moreLegalBasis ?? [])],
  };
}

/** A form's question as the results show it: its title and choices in both languages. */
export function questionOf(el: FlatElement): SnapshotQuestion {
  return {
    name: el.name,
    title: localTexts(el.json.title, el.name),
    choices: choicesOf(el.json.choices).map((c) => ({ value: String(c.value), text: localTexts(c.text, String(c.value)) })),
  };
}

/**
 * Every question of the campaign's form summed up, the written answers
 * counted under the themes staff grouped them in; the written answers
 * themselves, with their theme, for staff only.
 */
export function formResults(input: AnswersInput): { form: SnapshotForm; opinions: StaffExtras['opinions'] } {
  const summary = summariseForm(input.campaign.survey as Json, input.ballots);
  const grouped = groupTexts(summary.texts, input.themes, input.assignments);
  return {
    form: { respondents: summary.respondents, questions: summary.questions, texts: summary.texts.length, ungrouped: grouped.ungrouped, themes: grouped.themes },
    opinions: summary.texts.map((t) => ({ ballotId: t.ballotId, question: t.question, text: t.text, label: t.label, themeId: grouped.themeOf(t) })),
  };
}
