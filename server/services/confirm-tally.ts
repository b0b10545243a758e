import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { actsInCommune } from '../domain/actor';
import { confirmSheet, findSheet, type TallySheet } from '../../db/repositories/tallies';
import { expectChanged, isFailedAssertion } from '../../db/repositories/assertions';
import { atomicWithAudit } from './audit';
import { findCampaign, listCampaignVillages, listCandidates } from '../../db/repositories/campaigns';
import { refuseImpossiblePaperSheet } from './village-counted';
import { tallyQuestions } from './submit-tally';

/** A sheet of the actor's commune, or 404 (never another commune's). */
export async function sheetOf(deps: AppDeps, actor: Actor, id: string): Promise<TallySheet & { communeId: string }> {
  const sheet = await findSheet(deps.db, id);
  if (!sheet || !actsInCommune(actor, sheet.communeId)) {
    throw new AppError('NOT_FOUND', { vi: 'Không tìm thấy biên bản.', en: 'No such tally sheet.' });
  }
  return sheet;
}

export function stateText(sheet: TallySheet): { vi: string; en: string } {
  return sheet.status === 'superseded'
    ? { vi: `Phiên bản ${sheet.version} đã được thay bằng bản sửa; hãy xem phiên bản mới nhất.`, en: `Version ${sheet.version} was replaced by a correction; see the latest version.` }
    : { vi: `Biên bản phiên bản ${sheet.version} đã được xác nhận.`, en: `Version ${sheet.version} is already confirmed.` };
}

/**
 * The second person's check (Ban Thanh tra nhân dân, or commune staff): a
 * sheet counts only once someone other than the person who entered it has
 * compared it with the signed paper. The update's own conditions (status
 * submitted, a different user) decide, so a race cannot confirm twice.
 */
export async function confirmTally(deps: AppDeps, actor: Actor, id: string): Promise<{ status: 'confirmed' }> {
  const sheet = await sheetOf(deps, actor, id);
  if (sheet.submittedBy === actor.id) {
    throw new AppError('FORBIDDEN', {
      vi: 'Người nhập biên bản không thể tự xác nhận; cần một người khác (Ban Thanh tra nhân dân hoặc cán bộ xã).',
      en: 'Whoever entered a sheet cannot confirm it; a second person (inspection board or commune staff) must.',
    });
  }
  if (sheet.status !== 'submitted') throw new AppError('INVALID_STATE', stateText(sheet));
  // Ballots may have arrived since the sheet was entered: it must still fit beside them (one binding vote per household).
  if (sheet.channel === 'paper') {
    const campaign = await findCampaign(deps.db, sheet.campaignId);
    const village = (await listCampaignVillages(deps.db, sheet.campaignId)).find((v) => v.villageId === sheet.villageId);
    if (campaign && village) {
      const candidates = campaign.kind === 'election' ? await listCandidates(deps.db, campaign.id) : [];
      await refuseImpossiblePaperSheet(deps, campaign, village, tallyQuestions(campaign, candidates, village.villageId), sheet.data, 'confirm');
    }
  }
  try {
    await atomicWithAudit(deps, [confirmSheet(deps.db, id, actor.id, deps.clock().toISOString()), expectChanged(deps.db, 'tally.confirm')], [
      { communeId: sheet.communeId, actor: actor.id, action: 'tally.confirm', entity: 'tally_sheet', entityId: id,
        data: { campaignId: sheet.campaignId, villageId: sheet.villageId, channel: sheet.channel, version: sheet.version } },
    ]);
  } catch (err) {
    if (!isFailedAssertion(err)) throw err;
    // Changed between the read and the write: a correction or another confirmation came first.
    const now = await sheetOf(deps, actor, id);
    throw new AppError('INVALID_STATE', stateText(now));
  }
  return { status: 'confirmed' };
}
