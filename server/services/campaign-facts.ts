// Everything the timeline (server/domain/timeline.ts) needs to know of a
// campaign, gathered in one place: what the app already knows is derived
// (planned and actual opening and closing, the meeting day from the tally
// sheets, the publication, the outcome, the invitations delivered in every
// village), and what only a person knows comes from the step records staff
// keep (step-records.ts). Nothing here asks a person for a date the app has.
import type { AppDeps } from './deps';
import type { Campaign } from '../domain/campaign';
import type { CampaignFacts } from '../domain/timeline';
import { asVietnamDate, isIsoDate, type IsoDate } from '../domain/calendar/iso-date';
import { factsFromRecords, type StepRecord } from '../domain/step-records';
import type { OutreachRecord } from '../domain/outreach';
import { readSnapshot, type ResultsSnapshot } from '../domain/results/snapshot';
import { confirmedSheets } from '../../db/repositories/tallies';
import { latestPublication } from '../../db/repositories/publications';
import { listCampaignVillages } from '../../db/repositories/campaigns';
import { listStepRecords } from '../../db/repositories/step-records';
import { listOutreach } from '../../db/repositories/outreach';
import { listRecognitions } from '../../db/repositories/recognition';
import { recognitionBodyFor, villageToRecognise } from '../domain/recognition';

const day = (instant: string | null | undefined): IsoDate | null => (instant ? asVietnamDate(instant) : null);

/**
 * The day the recognising body (UBND xã for k3–k4, UBMTTQ xã for k5) adopted
 * the result: the newest recorded decision's date (recognition.ts keeps them,
 * a correction being a newer version), or null while none is recorded or the
 * kind needs none.
 */
export async function recognizedOn(deps: AppDeps, campaign: Campaign): Promise<IsoDate | null> {
  if (!recognitionBodyFor(campaign.kind, campaign.category)) return null;
  const [latest] = await listRecognitions(deps.db, campaign.id);
  return latest?.decidedOn ?? null;
}

/** Passed or failed as published (the latest publication), or null before any. */
async function outcomeOf(deps: AppDeps, c: Campaign): Promise<CampaignFacts['outcome']> {
  if (c.kind !== 'decision' && c.kind !== 'election') return null;
  const p = await latestPublication(deps.db, c.id);
  if (!p) return null;
  const s = readSnapshot(JSON.parse(p.snapshot) as ResultsSnapshot);
  // passed where any village adopted something or elected someone: those villages' results await recognition
  return s.commune.passed || s.commune.adopted.length > 0 || s.villages.some(villageToRecognise) ? 'passed' : 'failed';
}

/**
 * The day every village of the campaign had its meeting invitations (Mẫu 01)
 * delivered, from the outreach records: the last village's first delivery.
 */
function invitationsDeliveredOn(villageIds: readonly string[], outreach: readonly OutreachRecord[]): IsoDate | null {
  if (villageIds.length === 0) return null;
  let last: IsoDate | null = null;
  for (const v of villageIds) {
    const first = outreach.filter((r) => r.villageId === v && r.kind === 'invitation').map((r) => r.doneOn).sort()[0];
    if (!first) return null;
    if (!last || first > last) last = first;
  }
  return last;
}

export interface GatheredFacts {
  facts: CampaignFacts;
  /** every step record of the campaign, oldest first (the history the page shows) */
  records: StepRecord[];
}

/**
 * A campaign's facts for its timeline. Derived: opensOn/closesOn (the plan;
 * opensOn the actual opening when none was planned),
 * closedOn, the meeting day (the tally sheets' heldOn: the first meeting, and
 * for a meeting-only campaign the last one is when the community decided),
 * publishedOn, the outcome, the notice sent (every village's invitations
 * delivered, unless staff recorded it) and recognizedOn. Recorded by staff:
 * the rest (STEP_FACT_SPEC).
 */
export async function gatherCampaignFacts(deps: AppDeps, c: Campaign): Promise<GatheredFacts> {
  const [records, sheets, villages, outreach, outcome, recognized] = await Promise.all([
    listStepRecords(deps.db, [c.id]),
    c.channels.includes('meeting') ? confirmedSheets(deps.db, c.id) : Promise.resolve([]),
    c.channels.includes('meeting') ? listCampaignVillages(deps.db, c.id) : Promise.resolve([]),
    c.channels.includes('meeting') ? listOutreach(deps.db, [c.id]) : Promise.resolve([]),
    outcomeOf(deps, c),
    recognizedOn(deps, c),
  ]);
  const heldOn = sheets
    .map((s) => (s.channel === 'meeting' ? s.data.heldOn : undefined))
    .filter((d): d is IsoDate => isIsoDate(d))
    .sort();
  const plannedOpening = day(c.opensAt);
  // the plan, or once open without one, the day it opened (a consultation's content is public from then)
  const opensOn = plannedOpening ?? day(c.openedAt);
  const meetingOnly = c.channels.every((ch) => ch === 'meeting');
  const recorded = factsFromRecords(records);
  const facts: CampaignFacts = {
    kind: c.kind,
    category: c.category,
    channels: c.channels,
    board: c.board === 'inspection' || c.board === 'investment_supervision' ? c.board : null,
    // both forms of Đ13 the commune uses for a result: the posting at the cultural house and the loudspeaker
    publicity: ['posting', 'loudspeaker'],
    outcome,
    opensOn,
    closesOn: day(c.closesAt),
    // a meeting campaign plans its meeting as its opening day (as the outreach deadlines read it)
    meetingOn: heldOn[0] ?? (c.channels.includes('meeting') ? plannedOpening : null),
    ballotDistributionOn: opensOn,
    closedOn: day(c.closedAt),
    decidedOn: meetingOnly && heldOn.length && villages.length > 0 && heldOn.length >= villages.length ? heldOn[heldOn.length - 1]! : null,
    noticeSentOn: invitationsDeliveredOn(villages.map((v) => v.villageId), outreach),
    publishedOn: day(c.publishedAt),
    recognizedOn: recognized,
    ...recorded,
  };
  return { facts, records };
}
