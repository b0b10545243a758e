// The households' agreement to vote online, recorded village by village
// while a k6 campaign is a draft (NĐ 59 Đ5). Opening freezes it next to H
// (services/transition-campaign.ts); after that it cannot change.
import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, invalidField, type ErrorDetail } from '../domain/errors';
import { channelPolicy } from '../domain/legal-rules';
import { agreementEntryProblems, type OnlineAgreementEntry, type OnlineApproval } from '../domain/online-agreement';
import { cleanText } from '../domain/text';
import { findCampaign, listCampaignVillages, setDraftOnlineApproval } from '../../db/repositories/campaigns';
import { expectChanged, isFailedAssertion } from '../../db/repositories/assertions';
import { campaignOf } from './guards';
import { atomicWithAudit } from './audit';

const detail = (path: string, vi: string, en: string): ErrorDetail => ({ path, message: { vi, en } });

/** An agreement record's villages must be the campaign's, its linked campaigns the commune's own (not this one). */
export async function approvalProblems(deps: AppDeps, communeId: string, selfId: string, approval: OnlineApproval, villageIds: ReadonlySet<string>): Promise<ErrorDetail[]> {
  const errors: ErrorDetail[] = [];
  const linked = async (id: string | undefined, path: string) => {
    if (!id) return;
    const c = id === selfId ? null : await findCampaign(deps.db, id);
    if (!c || c.communeId !== communeId) {
      errors.push(detail(path, 'Không có đợt lấy ý kiến này trong xã để làm căn cứ.', 'No such campaign of this commune to rest the agreement on.'));
    }
  };
  await linked(approval.campaignId, 'onlineApproval.campaignId');
  const seen = new Set<string>();
  for (const [i, entry] of (approval.villages ?? []).entries()) {
    errors.push(...agreementEntryProblems(entry, `onlineApproval.villages.${i}`, villageIds));
    if (seen.has(entry.villageId)) {
      errors.push(detail(`onlineApproval.villages.${i}.villageId`, 'Thôn này đã được ghi ở trên.', 'This village is listed twice.'));
    }
    seen.add(entry.villageId);
    await linked(entry.campaignId, `onlineApproval.villages.${i}.campaignId`);
  }
  return errors;
}

/** Records (or replaces) one village's agreement while the campaign is a draft; after opening → 409. */
export async function recordOnlineAgreement(deps: AppDeps, actor: Actor, campaignId: string, input: OnlineAgreementEntry): Promise<OnlineAgreementEntry> {
  const c = await campaignOf(deps, actor, campaignId);
  if (c.status !== 'draft') {
    throw new AppError('INVALID_STATE', {
      vi: 'Việc các hộ đồng ý biểu quyết trực tuyến chỉ ghi được khi đợt còn là bản nháp; khi mở đợt, bản ghi đã được chốt cùng số hộ.',
      en: 'The households’ agreement to vote online is recorded while the campaign is a draft; opening froze it with the household counts.',
    });
  }
  const needs = (c.kind !== 'decision' || !!c.category) && channelPolicy(c.kind, c.category).value.onlineNeedsApproval;
  if (!needs || !c.channels.includes('online')) {
    throw invalidField('onlineApproval', {
      vi: 'Chỉ biểu quyết trực tuyến nội dung k6 mới cần ghi nhận việc các hộ đồng ý hình thức trực tuyến.',
      en: 'onlineApproval applies to online k6 decisions only.',
    });
  }
  const villages = new Set((await listCampaignVillages(deps.db, c.id)).map((v) => v.villageId));
  const entry: OnlineAgreementEntry = {
    villageId: input.villageId, households: input.households, date: input.date, method: input.method,
    ...(input.campaignId ? { campaignId: input.campaignId } : {}),
    ...(input.note && cleanText(input.note) ? { note: cleanText(input.note) } : {}),
  };
  const problems = await approvalProblems(deps, c.communeId, c.id, { villages: [entry] }, villages);
  // the route names the village in its path and the fields at the top of the body
  const errors = problems.map((p) => ({ ...p, path: p.path.replace(/^onlineApproval\.villages\.0\./, '') }));
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', undefined, errors);
  const approval: OnlineApproval = { ...(c.onlineApproval ?? {}), villages: [...(c.onlineApproval?.villages ?? []).filter((v) => v.villageId !== entry.villageId), entry] };
  const at = deps.clock().toISOString();
  try {
    await atomicWithAudit(deps, [setDraftOnlineApproval(deps.db, c.id, JSON.stringify(approval), at), expectChanged(deps.db, 'campaign.online_approval')], [
      { communeId: c.communeId, actor: actor.id, action: 'campaign.online_approval', entity: 'campaign', entityId: c.id, data: { ...entry } },
    ]);
  } catch (err) {
    if (isFailedAssertion(err)) throw new AppError('INVALID_STATE');
    throw err;
  }
  return entry;
}
