// The scorecard of the commune's plan "Chính quyền thân thiện, Nhân dân phát
// huy quyền làm chủ", per village and quarter, computed from what the
// platform holds: households informed of and taking part in each decision,
// feedback answered (on time), dialogue questions answered, and satisfaction.
// Pure: the service gathers the facts.
import type { IsoDate } from './calendar/iso-date';
import { isoDate, daysInMonth } from './calendar/iso-date';
import type { CampaignKind } from './legal-rules';

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export function quarterOf(d: IsoDate): Quarter {
  const month = Number(d.slice(5, 7));
  return { year: Number(d.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

export function quarterRange(q: Quarter): { from: IsoDate; to: IsoDate } {
  const first = (q.quarter - 1) * 3 + 1;
  return { from: isoDate(q.year, first, 1), to: isoDate(q.year, first + 2, daysInMonth(q.year, first + 2)) };
}

export function inQuarter(d: IsoDate | null | undefined, q: Quarter): boolean {
  if (!d) return false;
  const { from, to } = quarterRange(q);
  return d >= from && d <= to;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** "Quý IV/2026", as Vietnamese reports name quarters. */
export function quarterLabel(q: Quarter): { vi: string; en: string } {
  return { vi: `Quý ${ROMAN[q.quarter - 1]}/${q.year}`, en: `Q${q.quarter} ${q.year}` };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

// ---- Facts the service gathers ----

export interface VillageFacts {
  villageId: string;
  code: string;
  name: string;
}

export interface DecisionVillageFacts {
  villageId: string;
  /** the frozen households of the village (or the register's while not open) */
  households: number;
  /** households the invitations reached, as recorded; null when none recorded */
  informed: number | null;
  /** kinds of outreach done for this village, of those that apply */
  outreachDone: number;
  outreachKinds: number;
  /** representatives present at the meeting (confirmed sheet), null without one */
  meeting: number | null;
  /** paper ballots returned (registered one by one, or the confirmed sheet's count, whichever is higher) */
  paper: number;
  /** household serials used online (binding or advisory) */
  online: number;
}

export interface DecisionFacts {
  campaignId: string;
  title: string;
  kind: CampaignKind;
  villages: DecisionVillageFacts[];
}

export interface FeedbackFacts {
  villageId: string | null;
  answered: boolean;
  /** the law's last day, when it gives one */
  due: IsoDate | null;
  onTime: boolean | null;
  overdue: boolean;
}

export interface DialogueQuestionFacts {
  villageId: string | null;
  answered: boolean;
}

export interface SatisfactionSurveyFacts {
  campaignId: string;
  title: string;
  respondents: number;
  /** the SIPAS index (mean of the element shares at levels 4–5), 0–1 */
  sipasIndex: number | null;
  /** share of all SIPAS answers at levels 4–5, 0–1 */
  sipasSatisfied: number | null;
  sipasMean: number | null;
  /** one-stop ratings and the share satisfied or very satisfied, 0–1 */
  oneStopRatings: number | null;
  oneStopSatisfied: number | null;
}

export interface ScorecardInput {
  quarter: Quarter;
  villages: VillageFacts[];
  decisions: DecisionFacts[];
  feedback: FeedbackFacts[];
  questions: DialogueQuestionFacts[];
  /** dialogue conferences held this year up to the quarter's end, and the yearly minimum (Đ32) */
  dialoguesHeldThisYear: number;
  dialoguesRequiredPerYear: number;
  satisfaction: SatisfactionSurveyFacts[];
}

// ---- The scorecard ----

export interface DecisionLine {
  campaignId: string;
  title: string;
  kind: CampaignKind;
  households: number;
  informed: number;
  informedShare: number | null;
  outreachDone: number;
  outreachKinds: number;
  meeting: number;
  paper: number;
  online: number;
  /** households taking part, never more than the households */
  tookPart: number;
  tookPartShare: number | null;
}

export interface FeedbackLine {
  received: number;
  answered: number;
  answeredShare: number | null;
  withDeadline: number;
  answeredOnTime: number;
  onTimeShare: number | null;
  overdue: number;
}

export interface DialogueLine {
  asked: number;
  answered: number;
  answeredShare: number | null;
}

export interface ScorecardRow {
  villageId: string | null;
  code: string;
  name: string;
  decisions: DecisionLine[];
  feedback: FeedbackLine;
  dialogue: DialogueLine;
}

export interface Scorecard {
  quarter: Quarter;
  from: IsoDate;
  to: IsoDate;
  villages: ScorecardRow[];
  /** the commune as a whole: decisions summed over villages, feedback and questions including those with no village */
  commune: ScorecardRow;
  dialoguesHeldThisYear: number;
  dialoguesRequiredPerYear: number;
  satisfaction: SatisfactionSurveyFacts[];
}

const share = (n: number, d: number): number | null => (d > 0 ? n / d : null);

function decisionLine(d: DecisionFacts, villages: DecisionVillageFacts[]): DecisionLine {
  const sum = (f: (v: DecisionVillageFacts) => number) => villages.reduce((s, v) => s + f(v), 0);
  const households = sum((v) => v.households);
  const informed = sum((v) => Math.min(v.households, v.informed ?? 0));
  const tookPart = sum((v) => Math.min(v.households, (v.meeting ?? 0) + v.paper + v.online));
  return {
    campaignId: d.campaignId, title: d.title, kind: d.kind, households, informed, informedShare: share(informed, households),
    outreachDone: sum((v) => v.outreachDone), outreachKinds: sum((v) => v.outreachKinds),
    meeting: sum((v) => v.meeting ?? 0), paper: sum((v) => v.paper), online: sum((v) => v.online),
    tookPart, tookPartShare: share(tookPart, households),
  };
}

function feedbackLine(items: FeedbackFacts[]): FeedbackLine {
  const answered = items.filter((i) => i.answered).length;
  const withDeadline = items.filter((i) => i.due !== null).length;
  const answeredOnTime = items.filter((i) => i.onTime === true).length;
  return {
    received: items.length, answered, answeredShare: share(answered, items.length), withDeadline, answeredOnTime,
    onTimeShare: share(answeredOnTime, withDeadline), overdue: items.filter((i) => i.overdue).length,
  };
}

function dialogueLine(questions: DialogueQuestionFacts[]): DialogueLine {
  const answered = questions.filter((q) => q.answered).length;
  return { asked: questions.length, answered, answeredShare: share(answered, questions.length) };
}

export function scorecard(input: ScorecardInput): Scorecard {
  const { from, to } = quarterRange(input.quarter);
  const rowFor = (v: VillageFacts): ScorecardRow => ({
    villageId: v.villageId, code: v.code, name: v.name,
    decisions: input.decisions
      .map((d) => ({ d, vs: d.villages.filter((x) => x.villageId === v.villageId) }))
      .filter(({ vs }) => vs.length > 0)
      .map(({ d, vs }) => decisionLine(d, vs)),
    feedback: feedbackLine(input.feedback.filter((f) => f.villageId === v.villageId)),
    dialogue: dialogueLine(input.questions.filter((q) => q.villageId === v.villageId)),
  });
  return {
    quarter: input.quarter, from, to,
    villages: input.villages.map(rowFor),
    commune: {
      villageId: null, code: '', name: '',
      decisions: input.decisions.map((d) => decisionLine(d, d.villages)),
      feedback: feedbackLine(input.feedback),
      dialogue: dialogueLine(input.questions),
    },
    dialoguesHeldThisYear: input.dialoguesHeldThisYear,
    dialoguesRequiredPerYear: input.dialoguesRequiredPerYear,
    satisfaction: input.satisfaction,
  };
}
