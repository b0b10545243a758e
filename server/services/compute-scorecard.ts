import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { asVietnamDate, type IsoDate } from '../domain/calendar/iso-date';
import { feedbackProgress } from '../domain/feedback';
import { villageOutreach } from '../domain/outreach';
import { satisfactionFigures } from '../domain/satisfaction-answers';
import { DEFAULT_RULES } from '../domain/legal-rules';
import {
  inQuarter, quarterOf, quarterRange, scorecard, type DecisionFacts, type Quarter, type SatisfactionSurveyFacts, type Scorecard,
} from '../domain/scorecard';
import { findCommune } from '../../db/repositories/communes';
import { listCampaigns, listCampaignVillages } from '../../db/repositories/campaigns';
import { listVillages, listVillagesWithCounts } from '../../db/repositories/villages';
import { confirmedSheets } from '../../db/repositories/tallies';
import { usesPerVillage } from '../../db/repositories/serials';
import { listOutreach } from '../../db/repositories/outreach';
import { listFeedbackItems } from '../../db/repositories/feedback';
import { questionsHeldBetween } from '../../db/repositories/dialogues';
import { dialoguesBetween, surveyAnswers } from '../../db/repositories/scorecard';
import { communeOfActor } from './guards';
import { communeCalendar, vietnamToday } from './commune-calendar';
import { opensOn } from './campaign-outreach';

const READERS = ['admin', 'staff', 'inspector'];

/** The first and last instant of Vietnam dates, as stored timestamps compare. */
const startOf = (d: IsoDate) => new Date(`${d}T00:00:00+07:00`).toISOString();
const endOf = (d: IsoDate) => new Date(`${d}T23:59:59.999+07:00`).toISOString();

function parseAnswers(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The plan's scorecard for a quarter (default: the current one), from the
 * data: decisions opened in the quarter with the households informed and
 * taking part per village, feedback received in the quarter and how it was
 * answered, questions of the conferences held in it, and the satisfaction
 * surveys open during it (their answers carry no time: a survey open across
 * quarters counts in each).
 */
export async function computeScorecard(deps: AppDeps, actor: Actor, quarter?: Quarter): Promise<Scorecard & { communeName: string }> {
  if (!READERS.includes(actor.role)) throw new AppError('FORBIDDEN');
  const communeId = communeOfActor(actor);
  const today = vietnamToday(deps);
  const q = quarter ?? quarterOf(today);
  const { from, to } = quarterRange(q);
  const [commune, villages, live, campaigns, calendar] = await Promise.all([
    findCommune(deps.db, communeId), listVillages(deps.db, communeId), listVillagesWithCounts(deps.db, communeId),
    listCampaigns(deps.db, communeId), communeCalendar(deps, communeId),
  ]);
  const liveCount = new Map(live.map((v) => [v.id, v.households]));

  const decisionsInQuarter = campaigns.filter((c) => (c.kind === 'decision' || c.kind === 'election') && c.status !== 'draft' && inQuarter(opensOn(c), q));
  const outreach = await listOutreach(deps.db, decisionsInQuarter.map((c) => c.id));
  const decisions: DecisionFacts[] = [];
  for (const c of decisionsInQuarter) {
    const [cvs, sheets, uses] = await Promise.all([listCampaignVillages(deps.db, c.id), confirmedSheets(deps.db, c.id), usesPerVillage(deps.db, c.id)]);
    const facts = { kind: c.kind, category: c.category, channels: c.channels, opensOn: opensOn(c) };
    decisions.push({
      campaignId: c.id, title: c.title, kind: c.kind,
      villages: cvs.map((v) => {
        const progress = villageOutreach(facts, outreach.filter((r) => r.campaignId === c.id && r.villageId === v.villageId), { calendar, today });
        const invitation = progress.find((p) => p.kind === 'invitation');
        const used = (channel: string) => Number(uses.find((u) => u.villageId === v.villageId && u.channel === channel)?.n ?? 0);
        const sheet = (channel: string) => sheets.find((s) => s.villageId === v.villageId && s.channel === channel);
        return {
          villageId: v.villageId, households: v.households ?? liveCount.get(v.villageId) ?? 0,
          informed: invitation?.households ?? null,
          outreachDone: progress.filter((p) => p.status === 'done' || p.status === 'late').length, outreachKinds: progress.length,
          meeting: sheet('meeting')?.data.present ?? null,
          paper: Math.max(used('paper'), sheet('paper')?.data.returned ?? 0),
          online: used('online'),
        };
      }),
    });
  }

  const feedback = (await listFeedbackItems(deps.db, communeId, { from, to })).map((f) => {
    const p = feedbackProgress(f, calendar, today);
    return { villageId: f.villageId, answered: f.status === 'answered', due: p.due, onTime: p.onTime, overdue: p.overdue };
  });

  const questions = (await questionsHeldBetween(deps.db, communeId, startOf(from), endOf(to)))
    .map((r) => ({ villageId: r.villageId, answered: (r.answer ?? '').trim() !== '' }));
  const held = (await dialoguesBetween(deps.db, communeId, startOf(`${q.year}-01-01`), endOf(to))).filter((d) => d.status !== 'planned');

  const satisfaction: SatisfactionSurveyFacts[] = [];
  for (const c of campaigns.filter((x) => x.kind === 'satisfaction' && x.status !== 'draft')) {
    const opened = opensOn(c);
    const closed = c.closedAt ? asVietnamDate(c.closedAt) : today;
    if (!opened || opened > to || closed < from) continue;
    const answers = (await surveyAnswers(deps.db, c.id)).map(parseAnswers);
    const f = satisfactionFigures(c.survey, answers);
    satisfaction.push({
      campaignId: c.id, title: c.title, respondents: f.respondents,
      sipasIndex: f.sipas?.overall.elementIndex ?? null, sipasSatisfied: f.sipas?.overall.satisfiedShare ?? null, sipasMean: f.sipas?.overall.mean ?? null,
      oneStopRatings: f.oneStop?.overall.total ?? null, oneStopSatisfied: f.oneStop?.overall.satisfiedShare ?? null,
    });
  }

  return {
    communeName: commune?.name ?? '',
    ...scorecard({
      quarter: q, villages: villages.map((v) => ({ villageId: v.id, code: v.code, name: v.name })), decisions, feedback, questions,
      dialoguesHeldThisYear: held.length, dialoguesRequiredPerYear: DEFAULT_RULES.dialogueConferences.value.perYear, satisfaction,
    }),
  };
}
