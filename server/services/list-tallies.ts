import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { listCampaigns, listCampaignVillages, listCandidates } from '../../db/repositories/campaigns';
import { listPhotos, listSheets, userNames, type TallySheet } from '../../db/repositories/tallies';
import { campaignOf, villageFilter } from './guards';
import { tallyQuestions } from './submit-tally';
import { kindOf } from '../kinds';
import type { TallyQuestion } from '../domain/tally';
import { paperSheetGaps, paperSheetReconciliation, type SheetGap, type SheetReconciliation } from '../domain/reconciliation';
import { thresholdFor } from '../domain/legal-rules';
import type { LocalizedText } from '../domain/i18n';
import { alreadyCounted } from './village-counted';
import { meetingRecordStatus, type MeetingRecordStatus } from '../domain/meeting-record';

export interface SheetView extends TallySheet {
  submittedByName: string;
  confirmedByName: string | null;
  /** confirmed and not superseded: the version the results use */
  counts: boolean;
  photos: { id: string; url: string; mime: string; size: number; createdAt: string }[];
  /** a current paper sheet: its numbers that cannot be true beside what the village has counted now, with the gaps */
  gaps: SheetGap[];
  /** a current paper sheet beside what its village has counted, with the rule that counts every household once; null otherwise */
  reconciliation: (SheetReconciliation & { rule: { article: string; note: LocalizedText } | null }) | null;
  /** a meeting sheet: whether its record holds the procedural votes (Mẫu 03; Đ18 k4, NĐ 59 Đ3 k5); null for paper */
  record: MeetingRecordStatus | null;
}

export interface VillageTallies {
  villageId: string;
  code: string;
  name: string;
  households: number | null;
  questions: TallyQuestion[];
  /** every version, newest first, per channel in the order meeting, paper */
  sheets: SheetView[];
}

export interface CampaignTallies {
  campaign: {
    id: string; title: string; kind: string; category: string | null; status: string; channels: string[]; secret: boolean;
    seats: number | null; candidates: { id: string; name: string; villageId: string }[];
  };
  villages: VillageTallies[];
}

export const photoUrl = (id: string) => `/api/v1/tally-photos/${encodeURIComponent(id)}`;

/**
 * The sheets of a campaign with every version, who entered and confirmed
 * each, its warnings and photos. A village head sees only their village.
 */
export async function listTallies(deps: AppDeps, actor: Actor, campaignId: string, villageId?: string): Promise<CampaignTallies> {
  const campaign = await campaignOf(deps, actor, campaignId);
  const only = villageFilter(actor, villageId, { vi: 'Trưởng thôn chỉ xem biên bản của thôn mình.', en: 'A village head sees only their own village’s sheets.' });
  const [villages, sheets, candidates] = await Promise.all([
    listCampaignVillages(deps.db, campaignId),
    listSheets(deps.db, campaignId, only),
    campaign.kind === 'election' ? listCandidates(deps.db, campaignId) : Promise.resolve([]),
  ]);
  const [photos, names] = await Promise.all([
    listPhotos(deps.db, sheets.map((s) => s.id)),
    userNames(deps.db, [...new Set(sheets.flatMap((s) => [s.submittedBy, ...(s.confirmedBy ? [s.confirmedBy] : [])]))]),
  ]);
  const visible = only ? villages.filter((v) => v.villageId === only) : villages;
  // What the confirming inspector must see: a current paper sheet that no longer fits beside the ballots counted.
  const gapsOf = new Map<string, SheetGap[]>();
  const reconciled = new Map<string, SheetReconciliation>();
  for (const s of sheets) {
    const village = visible.find((v) => v.villageId === s.villageId);
    if (s.channel !== 'paper' || s.status === 'superseded' || !village) continue;
    const questions = tallyQuestions(campaign, candidates, village.villageId);
    const counted = await alreadyCounted(deps, campaign, village, questions);
    gapsOf.set(s.id, paperSheetGaps(s.data, counted, questions));
    reconciled.set(s.id, paperSheetReconciliation(s.data, counted, questions));
  }
  // the threshold's words: every share is of ALL the village's households, each counted once (Đ21)
  const threshold = campaign.kind === 'election' || (campaign.kind === 'decision' && campaign.category) ? thresholdFor(campaign.kind, campaign.category) : null;
  const rule = threshold ? { article: threshold.article, note: threshold.note } : null;
  const view = (s: TallySheet): SheetView => ({
    ...s,
    submittedByName: names.get(s.submittedBy) ?? '',
    confirmedByName: s.confirmedBy ? names.get(s.confirmedBy) ?? '' : null,
    counts: s.status === 'confirmed',
    gaps: gapsOf.get(s.id) ?? [],
    reconciliation: reconciled.has(s.id) ? { ...reconciled.get(s.id)!, rule } : null,
    record: s.channel === 'meeting' ? meetingRecordStatus(s.data) : null,
    photos: photos.filter((p) => p.tallyId === s.id).map((p) => ({ id: p.id, url: photoUrl(p.id), mime: p.mime, size: p.size, createdAt: p.createdAt })),
  });
  const order = { meeting: 0, paper: 1 } as const;
  return {
    campaign: {
      id: campaign.id, title: campaign.title, kind: campaign.kind, category: campaign.category, status: campaign.status,
      channels: campaign.channels, secret: campaign.secret, seats: campaign.seats,
      candidates: candidates.filter((c) => !only || c.villageId === only).map((c) => ({ id: c.id, name: c.name, villageId: c.villageId })),
    },
    villages: visible.map((v) => ({
      villageId: v.villageId, code: v.code, name: v.name, households: v.households,
      questions: tallyQuestions(campaign, candidates, v.villageId),
      sheets: sheets
        .filter((s) => s.villageId === v.villageId)
        .sort((a, b) => order[a.channel] - order[b.channel] || b.version - a.version)
        .map(view),
    })),
  };
}

/** Campaigns of the commune that take tally sheets (decisions and elections with a meeting or paper channel). */
export async function listTallyCampaigns(deps: AppDeps, actor: Actor) {
  const all = await listCampaigns(deps.db, actor.communeId ?? '');
  return all.filter((c) => kindOf(c.kind).source === 'tally' && c.status !== 'draft' && c.channels.some((ch) => ch === 'meeting' || ch === 'paper'));
}
