import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { TRANSITIONS, type Campaign } from '../domain/campaign';
import { DEFAULT_RULES } from '../domain/legal-rules';
import { freezeHouseholdCounts, setStatus } from '../../db/repositories/campaigns';
import { campaignOf } from './guards';
import { expectChanged, isFailedAssertion } from '../../db/repositories/assertions';
import { atomicWithAudit } from './audit';

const DAY = 86_400_000;

/**
 * open / close. The schedule (opensAt, closesAt) is the plan; these
 * transitions are the facts, so staff may open early or close early, except
 * that a consultation stays open its 20 days (Đ28 Luật 10/2022/QH15).
 * Opening freezes H, the household count of each village; closing a secret
 * campaign moves its sealed online ballots into the answers, shuffled.
 */
export async function transitionCampaign(deps: AppDeps, actor: Actor, id: string, action: 'open' | 'close'): Promise<Campaign['status']> {
  const c = await campaignOf(deps, actor, id);
  const t = TRANSITIONS[action];
  const now = deps.clock();
  if (!t.from.includes(c.status)) {
    throw new AppError('INVALID_STATE', {
      vi: `Không thể ${action === 'open' ? 'mở' : 'đóng'} đợt lấy ý kiến đang ở trạng thái "${c.status}".`,
      en: `Cannot ${action} a campaign that is ${c.status}.`,
    });
  }
  if (action === 'close' && c.kind === 'consultation' && c.openedAt) {
    const minDays = DEFAULT_RULES.consultationMinDays.value;
    const earliest = Date.parse(c.openedAt) + minDays * DAY;
    if (now.getTime() < earliest) {
      throw new AppError('INVALID_STATE', {
        vi: `Lấy ý kiến Nhân dân phải kéo dài ít nhất ${minDays} ngày (Điều 28 Luật 10/2022/QH15); sớm nhất được đóng vào ${new Date(earliest).toISOString().slice(0, 10)}.`,
        en: `A consultation stays open at least ${minDays} days (Art. 28); it can close from ${new Date(earliest).toISOString().slice(0, 10)}.`,
      });
    }
  }
  const at = now.toISOString();
  const statements = [
    ...(action === 'open' ? [freezeHouseholdCounts(deps.db, id)] : []),
    setStatus(deps.db, id, t.from, t.to, at),
    // a transition that lost a race changes nothing, its audit entry included
    expectChanged(deps.db, `campaign.${action}`),
  ];
  try {
    await atomicWithAudit(deps, statements, [
      { communeId: c.communeId, actor: actor.id, action: `campaign.${action}`, entity: 'campaign', entityId: id, data: { from: c.status, to: t.to } },
    ]);
  } catch (err) {
    if (isFailedAssertion(err)) throw new AppError('INVALID_STATE');
    throw err;
  }
  // Closed: no online ballot can arrive any more, so a secret campaign's are
  // moved into `ballots` now, all at once (services/ballot-mixer.ts).
  if (action === 'close' && c.secret) await deps.mixer.settle(id);
  return t.to;
}
