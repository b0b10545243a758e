import type { Campaign, Candidate } from './campaign';

type Json = Record<string, unknown>;

/** Every question of a SurveyJS definition, panels and pages flattened. */
export function allQuestions(survey: Json): Json[] {
  const out: Json[] = [];
  const walk = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const e of elements as Json[]) {
      if (e && typeof e === 'object') {
        if (e.type === 'panel' || e.type === 'paneldynamic') walk(e.elements);
        else out.push(e);
      }
    }
  };
  walk(survey.elements);
  if (Array.isArray(survey.pages)) for (const p of survey.pages as Json[]) walk(p?.elements);
  return out;
}

function choiceValue(c: unknown): unknown {
  return c && typeof c === 'object' ? (c as Json).value : c;
}

/**
 * The decision questions: radiogroups whose choice values are approve,
 * reject and other (API.md "Campaigns"). A decision campaign needs one.
 */
export function decisionQuestions(survey: Json): string[] {
  return allQuestions(survey)
    .filter((q) => {
      if (q.type !== 'radiogroup' || !Array.isArray(q.choices)) return false;
      const values = new Set((q.choices as unknown[]).map(choiceValue));
      return values.has('approve') && values.has('reject');
    })
    .map((q) => String(q.name));
}

/**
 * The election ballot as a form: a checkbox `candidates` of the village's
 * candidates, at most `seats` kept (online, ticks stand for the names kept).
 */
export function electionSurvey(title: string, candidates: Candidate[], seats: number): Json {
  return {
    title,
    description: `Chọn không quá ${seats} người. Trên phiếu giấy, gạch tên những người không chọn.`,
    elements: [
      {
        type: 'checkbox',
        name: 'candidates',
        title: { default: `Bầu không quá ${seats} người`, en: `Choose at most ${seats}` },
        isRequired: true,
        maxSelectedChoices: seats,
        choices: candidates.map((c) => ({ value: c.id, text: c.birthYear ? `${c.name} (${c.birthYear})` : c.name })),
      },
    ],
  };
}

/** The form a household of one village sees: an election lists only that village's candidates. */
export function surveyForVillage(campaign: Pick<Campaign, 'kind' | 'survey' | 'title' | 'seats'>, candidates: Candidate[], villageId: string): Json {
  if (campaign.kind !== 'election') return campaign.survey;
  return electionSurvey(campaign.title, candidates.filter((c) => c.villageId === villageId), campaign.seats ?? 1);
}
