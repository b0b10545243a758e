import { seatsFor, type Campaign, type Candidate } from './campaign';
import type { Channel } from './legal-rules';
import { choicesOf, flattenElements, localTexts } from './survey/definition';
import type { TallyQuestion } from './tally';

type Json = Record<string, unknown>;

/**
 * The decision questions with their choice values: radiogroups whose choices
 * include approve and reject (docs/api.md "Campaigns"). A decision campaign needs one.
 */
export function decisionQuestions(survey: Json): TallyQuestion[] {
  return flattenElements(survey)
    .filter((el) => el.type === 'radiogroup')
    .map((el) => ({ name: el.name, choices: choicesOf(el.json.choices).map((c) => String(c.value)), title: localTexts(el.json.title, el.name) }))
    .filter((q) => q.choices.includes('approve') && q.choices.includes('reject'));
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
export function surveyForVillage(campaign: Pick<Campaign, 'kind' | 'survey' | 'title' | 'seats' | 'seatsByVillage'>, candidates: Candidate[], villageId: string): Json {
  if (campaign.kind !== 'election') return campaign.survey;
  return electionSurvey(campaign.title, candidates.filter((c) => c.villageId === villageId), seatsFor(campaign, villageId));
}

/** The forms of NĐ 59/2023's annex the platform prints, filled for one village. */
export type FormName = 'mau-01' | 'mau-02' | 'mau-03' | 'mau-04';

/**
 * The channel each form serves: Mẫu 01–03 the community meeting (invitation,
 * secret-ballot count, minutes), Mẫu 04 the count of household ballots.
 */
const FORM_CHANNEL: Record<FormName, Channel> = { 'mau-01': 'meeting', 'mau-02': 'meeting', 'mau-03': 'meeting', 'mau-04': 'paper' };

/** The forms a campaign with these channels needs, in the annex's order. */
export function formsFor(channels: readonly string[]): FormName[] {
  return (Object.keys(FORM_CHANNEL) as FormName[]).filter((f) => channels.includes(FORM_CHANNEL[f]));
}
