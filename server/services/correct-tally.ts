import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { cleanText } from '../domain/text';
import { ConstraintViolation } from '../runtime/types';
import { insertSheet, supersedeSheet } from '../../db/repositories/tallies';
import { campaignOf, requireVillage } from './guards';
import { atomicWithAudit } from './audit';
import { checkSheetFor, countingOnly, type SheetInput, type SheetReceipt } from './submit-tally';
import { sheetOf, stateText } from './confirm-tally';

export interface CorrectionInput extends SheetInput {
  reason: string;
}

/**
 * A correction: a new version (version + 1) that supersedes the one it
 * corrects. Nothing is deleted; the old version stays visible with its
 * status 'superseded', and the new one counts only once confirmed. Two
 * corrections of the same version race on the unique (campaign, village,
 * channel, version) constraint: one wins, the other gets 409. A published
 * campaign still takes corrections, which are then republished.
 */
export async function correctTally(deps: AppDeps, actor: Actor, id: string, input: CorrectionInput): Promise<SheetReceipt & { supersedes: string }> {
  const old = await sheetOf(deps, actor, id);
  const campaign = await campaignOf(deps, actor, old.campaignId);
  requireVillage(actor, old.villageId, { vi: 'Trưởng thôn chỉ sửa biên bản của thôn mình.', en: 'A village head corrects only their own village’s sheet.' });
  if (old.status === 'superseded') throw new AppError('INVALID_STATE', stateText(old));
  countingOnly(campaign, ['open', 'closed', 'published']);
  const reason = cleanText(input.reason);
  const { data, warnings } = await checkSheetFor(deps, actor, campaign, old.villageId, old.channel, input);
  const newId = deps.newId();
  const version = old.version + 1;
  try {
    await atomicWithAudit(
      deps,
      [
        insertSheet(deps.db, {
          id: newId, campaignId: old.campaignId, villageId: old.villageId, channel: old.channel, version, supersedes: old.id,
          status: 'submitted', data, warnings, reason, submittedBy: actor.id, submittedAt: deps.clock().toISOString(),
        }),
        supersedeSheet(deps.db, old.id),
      ],
      [{ communeId: campaign.communeId, actor: actor.id, action: 'tally.correct', entity: 'tally_sheet', entityId: newId,
        data: { campaignId: old.campaignId, villageId: old.villageId, channel: old.channel, version, supersedes: old.id, reason, sheet: data } }],
    );
  } catch (err) {
    if (err instanceof ConstraintViolation && (err.kind === 'unique' || err.kind === 'primary_key')) {
      throw new AppError('CONFLICT', {
        vi: 'Biên bản này vừa được người khác sửa; hãy tải lại để xem phiên bản mới nhất.',
        en: 'Someone else corrected this sheet just now; reload to see the latest version.',
      });
    }
    throw err;
  }
  return { id: newId, status: 'submitted', version, supersedes: old.id, warnings };
}
