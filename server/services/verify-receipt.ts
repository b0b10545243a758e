import type { AppDeps } from './deps';
import { findUseByReceipt } from '../../db/repositories/serials';
import { findCampaign } from '../../db/repositories/campaigns';
import { findCommune } from '../../db/repositories/communes';
import { receiptHash, receiptSerialPrefix } from './serial-codes';
import { resultsDueBy } from '../domain/deadlines';
import { communeCalendar } from './commune-calendar';

/** The use a receipt names, if any; every look-up counts against the client's limit. */
async function lookUp(deps: AppDeps, receipt: string, client: string) {
  const cleaned = receipt.slice(0, 40);
  if (!(await deps.rateLimiter.hit(`receipt:${client}`, 60, 10 * 60_000))) return { limited: true as const, use: undefined };
  const prefix = receiptSerialPrefix(cleaned);
  const use = prefix ? await findUseByReceipt(deps.db, prefix, await receiptHash(deps.secret, cleaned)) : undefined;
  return { limited: false as const, use };
}

/**
 * Tells a household whether its ballot was recorded: the campaign and the
 * day, never the answers (a receipt must not let anyone prove a vote).
 */
export async function verifyReceipt(deps: AppDeps, receipt: string, client: string) {
  const { limited, use } = await lookUp(deps, receipt, client);
  if (!use) return { found: false as const, limited };
  return {
    found: true as const,
    limited: false,
    channel: use.channel,
    recordedOn: use.usedOn.slice(0, 10),
    campaign: { title: use.title, slug: use.slug, status: use.status },
  };
}

/**
 * The receipt page a ballot's post redirects to, safe to reload and to share:
 * what /verify says, and where and by when the results will be published.
 * It names no household and no answer, so sharing it proves nothing.
 */
export async function receiptPage(deps: AppDeps, receipt: string, client: string) {
  const { limited, use } = await lookUp(deps, receipt, client);
  if (!use) return { found: false as const, limited };
  const campaign = (await findCampaign(deps.db, use.campaignId))!;
  const [commune, calendar] = await Promise.all([findCommune(deps.db, campaign.communeId), communeCalendar(deps, campaign.communeId)]);
  return {
    found: true as const,
    limited: false,
    recordedOn: use.usedOn.slice(0, 10),
    campaign: { title: campaign.title, slug: campaign.slug, status: campaign.status },
    resultsDue: resultsDueBy(campaign, calendar),
    commune: commune ? { name: commune.name, slug: commune.slug } : null,
  };
}
