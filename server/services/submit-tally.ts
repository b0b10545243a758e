import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { seatsFor, type Campaign, type Candidate } from '../domain/campaign';
import { AppError, invalidField } from '../domain/errors';
import { checkTallySheet, type TallySheetContext } from '../domain/tally-sheet-checks';
import type { ConfirmedSheet, TallyQuestion } from '../domain/tally';
import { refuseImpossiblePaperSheet } from './village-counted';
import { kindOf } from '../kinds';
import { cleanText } from '../domain/text';
import { ConstraintViolation } from '../runtime/types';
import { listCampaignVillages, listCandidates } from '../../db/repositories/campaigns';
import { insertSheet, type SheetData, type SheetWarning } from '../../db/repositories/tallies';
import { PROCEDURAL_ITEMS, type ProceduralItem, type SheetChannel, type TalliedKindName } from '../domain/legal-rules';
import type { ProceduralVotes } from '../domain/meeting-record';
import { campaignOf, requireVillage } from './guards';

const ENTER_OWN_VILLAGE = { vi: 'Trưởng thôn chỉ nhập biên bản của thôn mình.', en: 'A village head enters only their own village’s tally sheet.' };
import { atomicWithAudit } from './audit';

/** A sheet as it arrives: numbers are unknown until checkTallySheet has named every bad one. */
export interface SheetInput {
  method?: 'show_of_hands' | 'secret_ballot';
  present?: unknown;
  issued?: unknown;
  returned?: unknown;
  invalid?: unknown;
  counts?: unknown;
  board?: string[];
  witnesses?: string[];
  heldOn?: string;
  place?: string;
  note?: string;
  /** meeting: the procedural votes of its record (Mẫu 03) */
  procedural?: Partial<Record<ProceduralItem, { votesFor?: unknown; name?: string }>>;
}

export interface SubmitInput extends SheetInput {
  villageId: string;
  channel: SheetChannel;
}

export interface SheetReceipt {
  id: string;
  status: 'submitted';
  version: number;
  warnings: { path: string; message: { vi: string; en: string } }[];
}

/** The questions a village's sheet counts: the decision radiogroups, or the village's candidates. */
export function tallyQuestions(campaign: Campaign, candidates: Candidate[], villageId: string): TallyQuestion[] {
  const kind = kindOf(campaign.kind);
  return kind.source === 'tally' ? kind.sheetQuestions(campaign, candidates, villageId) : [];
}

/** Campaign states in which tallies may be entered (counting happens while open and after closing). */
const COUNTING: Campaign['status'][] = ['open', 'closed'];

/**
 * Everything both a first sheet and a correction check before storing:
 * the village head's own village, the campaign's kind and channels, the
 * village in the campaign, then the sheet's numbers against its frozen
 * households (Đ20 k2; NĐ 59 Mẫu 02–04). Returns the cleaned sheet and its warnings.
 */
export async function checkSheetFor(
  deps: AppDeps,
  actor: Actor,
  campaign: Campaign,
  villageId: string,
  channel: SheetChannel,
  input: SheetInput,
): Promise<{ data: SheetData; warnings: SheetWarning[] }> {
  requireVillage(actor, villageId, ENTER_OWN_VILLAGE);
  if (kindOf(campaign.kind).source !== 'tally') {
    throw invalidField('channel', {
      vi: 'Biên bản kiểm phiếu chỉ dùng cho biểu quyết và bầu cử; phiếu ý kiến giấy được nhập từng phiếu.',
      en: 'Tally sheets are for decisions and elections; paper opinion forms are entered one by one.',
    });
  }
  if (!campaign.channels.includes(channel)) {
    throw invalidField('channel', {
      vi: `Đợt này không có hình thức "${channel === 'meeting' ? 'họp' : 'phiếu giấy'}"; các hình thức: ${campaign.channels.join(', ')}.`,
      en: `This campaign has no "${channel}" channel; its channels: ${campaign.channels.join(', ')}.`,
    });
  }
  const village = (await listCampaignVillages(deps.db, campaign.id)).find((v) => v.villageId === villageId);
  if (!village) {
    throw invalidField('villageId', { vi: 'Thôn này không thuộc phạm vi đợt lấy ý kiến.', en: 'This village is not part of the campaign.' });
  }
  const candidates = campaign.kind === 'election' ? await listCandidates(deps.db, campaign.id) : [];
  const questions = tallyQuestions(campaign, candidates, villageId);
  // Elections are always by secret ballot (Đ18 k4); a meeting may choose it for any decision.
  const secret = campaign.kind === 'election' || campaign.secret || input.method === 'secret_ballot';
  const ctx: TallySheetContext = {
    // a tallied kind (checked above)
    households: village.households ?? 0, channel, kind: campaign.kind as TalliedKindName, questions, seats: seatsFor(campaign, villageId),
    candidates: candidates.filter((c) => c.villageId === villageId), secret,
  };
  const { errors, warnings } = checkTallySheet(input, ctx);
  if (errors.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      { vi: 'Biên bản có số liệu không thể đúng, vui lòng kiểm tra các mục được nêu.', en: 'Some numbers on the sheet cannot be right; check the fields named.' },
      errors,
    );
  }
  // A household counts once: the sheet must fit beside the binding online ballots and the paper ballots entered one by one.
  if (channel === 'paper') {
    await refuseImpossiblePaperSheet(deps, campaign, village, questions, {
      returned: input.returned as number | undefined, invalid: input.invalid as number | undefined, counts: input.counts as ConfirmedSheet['counts'],
    }, 'submit');
  }
  const names = (v: string[] | undefined) => (v ?? []).map(cleanText).filter((s) => s.length > 0);
  const procedural = channel === 'meeting' ? proceduralOf(input.procedural) : undefined;
  const data: SheetData = {
    // an election or a secret campaign is voted by secret ballot whatever the sheet says, so its record needs the counting board too
    ...(channel === 'meeting' ? { method: secret ? 'secret_ballot' : 'show_of_hands' } : {}),
    ...(typeof input.present === 'number' ? { present: input.present } : {}),
    ...(typeof input.issued === 'number' ? { issued: input.issued } : {}),
    ...(typeof input.returned === 'number' ? { returned: input.returned } : {}),
    ...(typeof input.invalid === 'number' ? { invalid: input.invalid } : {}),
    counts: input.counts as SheetData['counts'],
    board: names(input.board),
    witnesses: names(input.witnesses),
    ...(input.heldOn ? { heldOn: input.heldOn } : {}),
    ...(input.place && cleanText(input.place) ? { place: cleanText(input.place) } : {}),
    ...(input.note && cleanText(input.note) ? { note: cleanText(input.note) } : {}),
    ...(procedural ? { procedural } : {}),
  };
  return { data, warnings };
}

/** The procedural votes as stored: the numbers checked, the secretary's name cleaned, empty entries left out. */
function proceduralOf(input: SheetInput['procedural']): ProceduralVotes | undefined {
  if (!input) return undefined;
  const out: ProceduralVotes = {};
  for (const item of PROCEDURAL_ITEMS) {
    const v = input[item];
    if (!v) continue;
    const votesFor = typeof v.votesFor === 'number' ? v.votesFor : undefined;
    const name = item === 'secretary' && v.name ? cleanText(v.name) : '';
    if (votesFor === undefined && !name) continue;
    out[item] = { ...(votesFor !== undefined ? { votesFor } : {}), ...(name ? { name } : {}) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function countingOnly(campaign: Campaign, allowed: Campaign['status'][] = COUNTING): void {
  if (!allowed.includes(campaign.status)) {
    throw new AppError('INVALID_STATE', {
      vi: campaign.status === 'draft'
        ? 'Đợt lấy ý kiến chưa mở: chưa thể nhập biên bản.'
        : 'Đợt lấy ý kiến đã công bố kết quả: chỉ có thể gửi bản sửa biên bản đã có.',
      en: campaign.status === 'draft'
        ? 'The campaign is not open yet: no tally can be entered.'
        : 'The results are published: only a correction of an existing sheet can be sent.',
    });
  }
}

/**
 * A village's first tally sheet for a channel (version 1). It counts only
 * after a second person confirms it. The unique (campaign, village, channel,
 * version) constraint makes a second "first" sheet a conflict: a change is a
 * correction, which keeps this version visible.
 */
export async function submitTally(deps: AppDeps, actor: Actor, campaignId: string, input: SubmitInput): Promise<SheetReceipt> {
  const campaign = await campaignOf(deps, actor, campaignId);
  requireVillage(actor, input.villageId, ENTER_OWN_VILLAGE);
  countingOnly(campaign);
  const { data, warnings } = await checkSheetFor(deps, actor, campaign, input.villageId, input.channel, input);
  const id = deps.newId();
  const now = deps.clock().toISOString();
  try {
    await atomicWithAudit(
      deps,
      [insertSheet(deps.db, {
        id, campaignId, villageId: input.villageId, channel: input.channel, version: 1, supersedes: null, status: 'submitted',
        data, warnings, reason: '', submittedBy: actor.id, submittedAt: now,
      })],
      [{ communeId: campaign.communeId, actor: actor.id, action: 'tally.submit', entity: 'tally_sheet', entityId: id,
        data: { campaignId, villageId: input.villageId, channel: input.channel, version: 1, sheet: data } }],
    );
  } catch (err) {
    if (err instanceof ConstraintViolation && (err.kind === 'unique' || err.kind === 'primary_key')) {
      throw new AppError('CONFLICT', {
        vi: 'Thôn này đã có biên bản cho hình thức này. Muốn thay đổi, hãy gửi bản sửa kèm lý do; bản cũ vẫn được lưu.',
        en: 'This village already has a sheet for this channel. To change it, send a correction with a reason; the old one stays on record.',
      });
    }
    throw err;
  }
  return { id, status: 'submitted', version: 1, warnings };
}
