// A campaign's timeline as the pages and the API show it (every step, its
// article, its last lawful day on the commune's calendar, done or not), the
// steps staff mark done (append-only: a correction is a new record), and what
// is due this week across the commune's campaigns for the staff home.
import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import type { Campaign } from '../domain/campaign';
import { AppError, invalidField } from '../domain/errors';
import type { LocalizedText } from '../domain/i18n';
import { addDays, asVietnamDate, isIsoDate, weekday, type IsoDate } from '../domain/calendar/iso-date';
import type { WorkingCalendar } from '../domain/calendar/working-calendar';
import { campaignTimeline, stepsDue, type TimelineStep } from '../domain/timeline';
import { currentRecords, recordableFacts, STEP_FACT_SPEC, type StepFact, type StepRecord } from '../domain/step-records';
import { cleanText } from '../domain/text';
import { listCampaigns, listCampaignVillages } from '../../db/repositories/campaigns';
import { insertStepRecord } from '../../db/repositories/step-records';
import { atomicWithAudit } from './audit';
import { campaignOf } from './guards';
import { communeCalendar, vietnamToday } from './commune-calendar';
import { gatherCampaignFacts } from './campaign-facts';

export interface CampaignTimeline {
  campaignId: string;
  today: IsoDate;
  steps: TimelineStep[];
  /** the facts staff may record for this campaign, and the current value of each */
  recordable: { fact: StepFact; label: LocalizedText; step: TimelineStep['id']; current: StepRecord | null }[];
  /** every record, oldest first: corrections keep what they corrected */
  history: StepRecord[];
}

async function timelineOf(deps: AppDeps, c: Campaign, calendar: WorkingCalendar, today: IsoDate): Promise<CampaignTimeline> {
  const { facts, records } = await gatherCampaignFacts(deps, c);
  const steps = campaignTimeline(facts, { calendar, today });
  const current = currentRecords(records);
  return {
    campaignId: c.id,
    today,
    steps,
    recordable: recordableFacts(steps).map((fact) => ({ fact, label: STEP_FACT_SPEC[fact].label, step: STEP_FACT_SPEC[fact].step, current: current.get(fact) ?? null })),
    history: records,
  };
}

/** The campaign's timeline, for anyone who may read the campaign. */
export async function loadCampaignTimeline(deps: AppDeps, actor: Actor, campaignId: string): Promise<CampaignTimeline> {
  const c = await campaignOf(deps, actor, campaignId);
  return timelineOf(deps, c, await communeCalendar(deps, c.communeId), vietnamToday(deps));
}

export interface StepInput {
  fact: StepFact;
  /** the day it was done; null withdraws an earlier record (a note says why) */
  doneOn: string | null;
  /** loudspeaker: the last day of the run */
  untilOn?: string | null;
  note?: string;
}

/** How long before a campaign was created a step may have been done (an election plan, a ballot plan). */
const EARLIEST_BEFORE_CREATION_DAYS = 366;
/** The longest loudspeaker run one record covers. */
const LONGEST_RUN_DAYS = 60;

/**
 * Records that a step was done on a day (staff and admin). A second record of
 * the same fact corrects the first, which stays in the history; nothing is
 * updated or deleted. Refused with the field named: a fact the campaign's
 * timeline has no step for, a day in the future or long before the campaign,
 * a run that ends before it starts, a withdrawal without a reason.
 */
export async function recordStep(deps: AppDeps, actor: Actor, campaignId: string, input: StepInput): Promise<StepRecord> {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('FORBIDDEN');
  const c = await campaignOf(deps, actor, campaignId);
  const today = vietnamToday(deps);
  const t = await timelineOf(deps, c, await communeCalendar(deps, c.communeId), today);
  const spec = t.recordable.find((r) => r.fact === input.fact);
  if (!spec) {
    throw invalidField('fact', { vi: 'Bước này không có trong lịch trình của đợt (theo loại, khoản và kênh).', en: 'This step is not part of the campaign’s timeline (by its kind, category and channels).' });
  }
  const note = cleanText(input.note ?? '').slice(0, 500);
  const earliest = addDays(asVietnamDate(c.createdAt), -EARLIEST_BEFORE_CREATION_DAYS);
  let doneOn: IsoDate | null = null;
  let untilOn: IsoDate | null = null;
  if (input.doneOn === null || input.doneOn === '') {
    if (!spec.current?.doneOn) throw invalidField('doneOn', { vi: 'Hãy nhập ngày thực hiện.', en: 'Enter the day it was done.' });
    if (!note) throw invalidField('note', { vi: 'Bỏ ngày đã ghi cần nêu lý do.', en: 'Withdrawing a recorded day needs a reason.' });
  } else {
    if (!isIsoDate(input.doneOn) || input.doneOn > today || input.doneOn < earliest) {
      throw invalidField('doneOn', { vi: 'Ngày thực hiện phải là một ngày có thật, không sau hôm nay.', en: 'The day must be a real date, not after today.' });
    }
    doneOn = input.doneOn;
    if (input.fact === 'loudspeaker') {
      const until = input.untilOn || doneOn;
      if (!isIsoDate(until) || until < doneOn || until > today || until > addDays(doneOn, LONGEST_RUN_DAYS)) {
        throw invalidField('untilOn', {
          vi: `Ngày phát cuối phải từ ngày bắt đầu đến hôm nay, trong vòng ${LONGEST_RUN_DAYS} ngày.`,
          en: `The last broadcast day must be from the first day up to today, within ${LONGEST_RUN_DAYS} days.`,
        });
      }
      untilOn = until;
    } else if (input.untilOn) {
      throw invalidField('untilOn', { vi: 'Chỉ đợt phát thanh mới có ngày kết thúc.', en: 'Only a loudspeaker run has a last day.' });
    }
  }
  const record: StepRecord = {
    id: deps.newId(), campaignId: c.id, fact: input.fact, doneOn, untilOn, note, recordedBy: actor.id, recordedAt: deps.clock().toISOString(),
  };
  await atomicWithAudit(deps, [insertStepRecord(deps.db, record)], [{
    communeId: c.communeId, actor: actor.id, action: 'campaign.step', entity: 'campaign', entityId: c.id,
    data: { recordId: record.id, fact: record.fact, doneOn, untilOn, note, previous: spec.current ? { recordId: spec.current.id, doneOn: spec.current.doneOn, untilOn: spec.current.untilOn } : null },
  }]);
  return record;
}

export interface DueStep {
  campaignId: string;
  title: string;
  status: Campaign['status'];
  step: TimelineStep;
}

const byTitle = new Intl.Collator('vi');

/** The last day of the week (Sunday) of `today`. */
export const endOfWeek = (today: IsoDate): IsoDate => addDays(today, (7 - weekday(today)) % 7);

/**
 * What the staff home lists: across the commune's campaigns (a village head:
 * those of their village), every overdue step and every step due from today
 * to the end of the week, overdue first, then by last day.
 */
export async function stepsDueThisWeek(deps: AppDeps, actor: Actor): Promise<{ today: IsoDate; until: IsoDate; steps: DueStep[] }> {
  const today = vietnamToday(deps);
  const until = endOfWeek(today);
  if (!actor.communeId) return { today, until, steps: [] };
  const [campaigns, calendar] = await Promise.all([listCampaigns(deps.db, actor.communeId), communeCalendar(deps, actor.communeId)]);
  let mine = campaigns;
  if (actor.role === 'village_head') {
    const villagesOf = await Promise.all(campaigns.map((c) => listCampaignVillages(deps.db, c.id)));
    mine = campaigns.filter((_, i) => villagesOf[i]!.some((v) => v.villageId === actor.villageId));
  }
  const timelines = await Promise.all(mine.map((c) => timelineOf(deps, c, calendar, today)));
  const steps = timelines.flatMap((t, i) => stepsDue(t.steps, today, until).map((step) => ({ campaignId: mine[i]!.id, title: mine[i]!.title, status: mine[i]!.status, step })));
  steps.sort((a, b) => Number(b.step.overdue) - Number(a.step.overdue) || (a.step.due ?? '').localeCompare(b.step.due ?? '') || byTitle.compare(a.title, b.title));
  return { today, until, steps };
}
