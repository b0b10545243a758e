import { DEFAULT_RULES, type OneStopLevel } from '../../domain/legal-rules';
import { oneStopRatings, sipasIndices, type OneStopRating, type OneStopResult, type SipasCriterion, type SipasResult } from '../../domain/satisfaction';
import type { SnapshotOneStop, SnapshotSipas } from '../../domain/results/snapshot';
import { choicesOf, flattenElements, localTexts, type FlatElement, type Json } from '../../domain/survey/definition';
import type { AnswersInput, BuiltResults } from '../kind';
import { answeredResults, formResults } from '../answered';

// The indices go into the snapshot as the engine computed them: a field added
// to either must be written out in domain/results/snapshot.ts (a new format)
// before this compiles again.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<SipasResult, SnapshotSipas> & Same<OneStopResult, SnapshotOneStop> = true;
void sameShape;

// The one-stop form's reason values (surveys/one-stop-rating.json) spelled as
// the NĐ 61/2018 Đ31 criteria codes of the legal rules, so each reason is
// labelled with its criterion.
const ONE_STOP_REASON: Record<string, string> = {
  time_over_limit: 'time', many_agencies: 'agencies', many_visits: 'visits', posted_information: 'information',
  officer_attitude: 'attitude', unofficial_costs: 'cost', complaint_handling: 'complaints', online_service: 'online',
};

const ONE_STOP_LEVELS = new Set<string>(DEFAULT_RULES.oneStop.value.levels);

function isOneStopQuestion(el: FlatElement): boolean {
  const values = new Set(choicesOf(el.json.choices).map((c) => String(c.value)));
  return el.type === 'radiogroup' && values.has('very_satisfied') && values.has('not_satisfied');
}

/**
 * SIPAS criteria: rating questions that name their element (A–E), on the
 * question or its panel; named by their own text, their element by the
 * panel's title when the panel is the element's.
 */
function sipasCriteria(elements: FlatElement[]): SipasCriterion[] {
  const out: SipasCriterion[] = [];
  for (const el of elements) {
    if (el.type !== 'rating') continue;
    const panel = el.containers[el.containers.length - 1];
    const panelElement = panel && typeof panel.element === 'string' ? panel.element : '';
    const element = (typeof el.json.element === 'string' && el.json.element) || panelElement;
    if (!element) continue;
    const elementTitle = panel && panelElement === element && panel.title !== undefined ? localTexts(panel.title, element) : undefined;
    out.push({ name: el.name, element, title: localTexts(el.json.title, el.name), ...(elementTitle ? { elementTitle } : {}) });
  }
  return out;
}

function textOfAnswer(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.normalize('NFC').trim() : null;
}

/**
 * SIPAS indices (when the form has SIPAS criteria), one-stop ratings (when it
 * has the one-stop question), and every question of the form summed up, its
 * written answers for staff to group under themes.
 */
export function buildSatisfactionResults(input: AnswersInput): BuiltResults {
  const elements = flattenElements(input.campaign.survey as Json);
  const answers = input.ballots.map((b) => b.answers);
  const criteria = sipasCriteria(elements);
  const oneStopQuestion = elements.find(isOneStopQuestion);
  const sipas = criteria.length > 0 ? sipasIndices(answers, criteria) : null;
  let oneStop = null;
  if (oneStopQuestion) {
    const ratings: OneStopRating[] = [];
    for (const a of answers) {
      const level = a[oneStopQuestion.name];
      if (typeof level !== 'string' || !ONE_STOP_LEVELS.has(level)) continue;
      const reasons = Array.isArray(a.reasons) ? a.reasons.map((r) => ONE_STOP_REASON[String(r)] ?? String(r)) : [];
      ratings.push({ level: level as OneStopLevel, officerId: textOfAnswer(a.officer), procedure: textOfAnswer(a.procedure), reasons });
    }
    oneStop = oneStopRatings(ratings);
  }
  const { form, opinions } = formResults(input);
  const rules = DEFAULT_RULES;
  return {
    results: answeredResults(rules.channels.satisfaction, answers.length, {
      questions: [],
      satisfaction: { respondents: answers.length, sipas, oneStop },
      consultation: null,
      form,
      moreLegalBasis: [
        ...(sipas ? [{ article: rules.sipas.article, note: rules.sipas.note }] : []),
        ...(oneStop ? [{ article: rules.oneStop.article, note: rules.oneStop.note }] : []),
      ],
    }),
    staff: { opinions },
  };
}
