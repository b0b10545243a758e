import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { ballotsReturnByHousehold } from '../domain/participation';
import { listCampaignVillages } from '../../db/repositories/campaigns';
import { householdsNotReturned } from '../../db/repositories/ballot-returns';
import { campaignOf, villageFilter } from './guards';

/**
 * The households whose ballot has not come back, for the village head to
 * visit: a village head sees their own village, staff one village or all.
 * Built from the uses of serials alone (services/spend-serial.ts writes
 * them), never from answers, so secrecy holds: it tells who took part, as
 * the participation figures do, and nothing of what anyone said.
 */
export async function ballotsNotReturned(deps: AppDeps, actor: Actor, campaignId: string, villageId?: string) {
  const campaign = await campaignOf(deps, actor, campaignId);
  const only = villageFilter(actor, villageId, { vi: 'Trưởng thôn chỉ xem danh sách của thôn mình.', en: 'A village head sees only their own village’s list.' });
  if (!ballotsReturnByHousehold(campaign)) {
    throw new AppError('INVALID_STATE', {
      vi: 'Đợt này không phát phiếu riêng cho từng hộ (khảo sát qua đường dẫn chung, hoặc chỉ họp), nên không có danh sách hộ chưa nộp phiếu.',
      en: 'This campaign gives households no ballots of their own (a survey by its link, or a meeting alone), so there is no list of ballots not back.',
    });
  }
  const villages = (await listCampaignVillages(deps.db, campaign.id)).filter((v) => !only || v.villageId === only);
  if (only && villages.length === 0) throw new AppError('NOT_FOUND', { vi: 'Thôn này không thuộc đợt lấy ý kiến.', en: 'This village is not part of the campaign.' });
  const households = await householdsNotReturned(deps.db, campaign.id, only);
  return {
    campaign: { id: campaign.id, title: campaign.title, status: campaign.status, closesAt: campaign.closesAt },
    villages: villages.map((v) => ({ villageId: v.villageId, name: v.name, households: v.households })),
    households,
    asOf: deps.clock().toISOString(),
  };
}
