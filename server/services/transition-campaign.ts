import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { TRANSITIONS, type Campaign } from '../domain/campaign';
import { DEFAULT_RULES } from '../domain/legal-rules';
import { freezeHouseholdCounts, freezeOnlineAgreement, insertMissingCommuneVillages, listCampaignVillages, setStatus } from '../../db/repositories/campaigns';
import { listVillageIds } from '../../db/repositories/campaign-scope';
import { latestPublication } from '../../db/repositories/publications';
import { claimFor, freezeClaim, type FrozenAgreement, type LinkedResult } from '../domain/online-agreement';
import { readSnapshot, type ResultsSnapshot } from '../domain/results/snapshot';
import { campaignOf } from './guards';
import { expectChanged, isFailedAssertion } from '../../db/repositories/assertions';
import { atomicWithAudit } from './audit';
import { electionOpeningProblems } from './election-prep';

const DAY = 86_400_000;

/** The latest publication of each linked campaign of the commune (a campaign that polled the agreement to vote online). */
async function linkedPublications(deps: AppDeps, communeId: string, ids: string[]) {
  const out = new Map<string, { snapshot: ResultsSnapshot; publishedAt: string }>();
  for (const id of new Set(ids)) {
    const p = await latestPublication(deps.db, id);
    const snapshot = p ? readSnapshot(JSON.parse(p.snapshot) as ResultsSnapshot) : null;
    if (p && snapshot && snapshot.campaign.communeId === communeId) out.set(id, { snapshot, publishedAt: p.publishedAt });
  }
  return out;
}

/** A linked campaign's result in one village: whether it passed there, and its approvals (the fewest of its questions). */
function linkedIn(p: { snapshot: ResultsSnapshot; publishedAt: string } | undefined, villageId: string): LinkedResult | null {
  if (!p) return null;
  const v = p.snapshot.villages.find((x) => x.villageId === villageId);
  const approvals = v ? Object.values(v.questions).map((q) => q.counts.approve ?? 0) : [];
  return { published: true, passed: v?.passed ?? false, approvals: approvals.length ? Math.min(...approvals) : null, publishedAt: p.publishedAt };
}

/** The agreement of each village to freeze at opening, a linked campaign's result resolved (NĐ 59 Đ5). */
async function agreementsAtOpening(deps: AppDeps, c: Campaign): Promise<Map<string, FrozenAgreement | null>> {
  const villageIds = c.scope === 'commune' ? await listVillageIds(deps.db, c.communeId) : (await listCampaignVillages(deps.db, c.id)).map((v) => v.villageId);
  const claims = new Map(villageIds.map((v) => [v, claimFor(c.onlineApproval, v)]));
  const linked = await linkedPublications(deps, c.communeId, [...claims.values()].flatMap((k) => (k?.source === 'campaign' && k.campaignId ? [k.campaignId] : [])));
  const out = new Map<string, FrozenAgreement | null>();
  for (const [villageId, claim] of claims) {
    out.set(villageId, freezeClaim(claim, claim?.campaignId ? linkedIn(linked.get(claim.campaignId), villageId) : null));
  }
  return out;
}

/**
 * open / close. The schedule (opensAt, closesAt) is the plan; these
 * transitions are the facts, so staff may open early or close early, except
 * that a consultation stays open its 20 days (Đ28 Luật 10/2022/QH15).
  * Opening freezes H, the household count of each village, and next to it
  * each village's agreement to vote online (NĐ 59 Đ5); a commune-scope
  * campaign first takes in every village of the commune. Closing a secret
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
  if (action === 'open') {
    // an election opens only with every candidate attested and no candidate on its team (Đ37, Đ42; NĐ 59 Đ6 k1 b)
    const problems = await electionOpeningProblems(deps, c);
    if (problems.length) {
      throw new AppError('INVALID_STATE', {
        vi: `Chưa mở được bầu cử: ${problems[0]!.message.vi}${problems.length > 1 ? ` (và ${problems.length - 1} vấn đề khác)` : ''}`,
        en: `The election cannot open yet: ${problems[0]!.message.en}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
      }, problems);
    }
  }
  const at = now.toISOString();
  const agreements = action === 'open' && c.onlineApproval ? await agreementsAtOpening(deps, c) : new Map<string, FrozenAgreement | null>();
  const statements = [
    ...(action === 'open' && c.scope === 'commune' ? [insertMissingCommuneVillages(deps.db, id, c.communeId)] : []),
    ...(action === 'open' ? [freezeHouseholdCounts(deps.db, id)] : []),
    ...[...agreements].map(([villageId, record]) => freezeOnlineAgreement(deps.db, id, villageId, record)),
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
