// Reading stored satisfaction answers with the form they answered: which
// rating questions are SIPAS criteria (those naming their element, on the
// question or its panel) and which question is the one-stop counter's
// three-level rating, so satisfaction.ts can compute the indices from raw
// answers wherever they are needed (the plan's scorecard here). Pure.
import { choicesOf, flattenElements, type Json } from './survey/definition';
import { oneStopRatings, sipasIndices, type OneStopResult, type OneStopRating, type SipasCriterion, type SipasResult } from './satisfaction';
import { DEFAULT_RULES, type LegalRules, type OneStopLevel } from './legal-rules';

/** SIPAS criteria of a form: rating questions that name their element (A–E). */
export function sipasCriteriaOf(survey: Json): SipasCriterion[] {
  const out: SipasCriterion[] = [];
  for (const el of flattenElements(survey)) {
    if (el.type !== 'rating') continue;
    const panel = el.containers[el.containers.length - 1];
    const element = (typeof el.json.element === 'string' && el.json.element) || (panel && typeof panel.element === 'string' ? panel.element : '');
    if (element) out.push({ name: el.name, element });
  }
  return out;
}

/** The one-stop rating question: a radiogroup offering the rules' levels. */
export function oneStopQuestionOf(survey: Json, rules: LegalRules = DEFAULT_RULES): string | null {
  const levels = rules.oneStop.value.levels;
  for (const el of flattenElements(survey)) {
    if (el.type !== 'radiogroup') continue;
    const values = new Set(choicesOf(el.json.choices).map((c) => String(c.value)));
    if (levels.every((l) => values.has(l))) return el.name;
  }
  return null;
}

export interface SatisfactionFigures {
  respondents: number;
  sipas: SipasResult | null;
  oneStop: OneStopResult | null;
}

/** The indices of one satisfaction form's stored answers (null parts where the form has no such question). */
export function satisfactionFigures(survey: Json, answers: readonly Readonly<Record<string, unknown>>[], rules: LegalRules = DEFAULT_RULES): SatisfactionFigures {
  const criteria = sipasCriteriaOf(survey);
  const question = oneStopQuestionOf(survey, rules);
  const levels = new Set<string>(rules.oneStop.value.levels);
  let oneStop: OneStopResult | null = null;
  if (question) {
    const ratings: OneStopRating[] = [];
    for (const a of answers) {
      const level = a[question];
      if (typeof level === 'string' && levels.has(level)) ratings.push({ level: level as OneStopLevel });
    }
    oneStop = oneStopRatings(ratings, rules);
  }
  return { respondents: answers.length, sipas: criteria.length ? sipasIndices(answers, criteria, rules) : null, oneStop };
}
