// What the kinds whose results are the answers themselves (consultation,
// satisfaction) share: nothing decides, so no village tallies and no
// commune verdict, only how many answered and the rule they were asked under.
import type { Rule } from '../domain/legal-rules';
import type { SnapshotCommune, SnapshotQuestion, SnapshotResults } from '../domain/results/snapshot';
import { choicesOf, localTexts, type FlatElement } from '../domain/survey/definition';

export function answeredResults(
  rule: Pick<Rule<unknown>, 'article' | 'note'>,
  respondents: number,
  part: Pick<SnapshotResults, 'questions' | 'satisfaction' | 'consultation'> & { moreLegalBasis?: SnapshotResults['legalBasis'] },
): SnapshotResults {
  const commune: SnapshotCommune = {
    villagesPassed: 0, passed: false, villages: 0, rule: 'every_village', requiredVillages: 0, questions: {}, adopted: [],
    roster: null, warnings: [], households: 0, participated: respondents, turnout: 0,
  };
  return {
    satisfaction: part.satisfaction,
    consultation: part.consultation,
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
