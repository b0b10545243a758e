import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import type { Campaign } from '../domain/campaign';
import { findCommune } from '../../db/repositories/communes';
import { listCampaignVillages } from '../../db/repositories/campaigns';
import { currentSerials, householdsInScope } from '../../db/repositories/serials';
import { campaignOf } from './guards';

export interface PrintVillage {
  villageId: string;
  code: string;
  name: string;
  /** H frozen at opening, or the register's active households while the campaign is a draft */
  households: number;
  frozen: boolean;
  /** current (unrevoked) ballot serials issued for the village */
  serials: number;
}

export interface PrintOverview {
  campaign: Campaign;
  communeName: string;
  /** the commune's portal is /x/<slug> */
  communeSlug: string;
  villages: PrintVillage[];
}

function countBy<T>(rows: T[], key: (r: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
}

/** What can be printed for a campaign, village by village: households and the serials issued so far. */
export async function printOverview(deps: AppDeps, actor: Actor, campaignId: string): Promise<PrintOverview> {
  const campaign = await campaignOf(deps, actor, campaignId);
  const [commune, villages, households, serials] = await Promise.all([
    findCommune(deps.db, campaign.communeId),
    listCampaignVillages(deps.db, campaignId),
    householdsInScope(deps.db, campaignId),
    currentSerials(deps.db, campaignId),
  ]);
  const live = countBy(households, (h) => h.villageId);
  const issued = countBy(serials, (s) => s.villageId);
  return {
    campaign,
    communeName: commune?.name ?? '',
    communeSlug: commune?.slug ?? '',
    villages: villages.map((v) => ({
      villageId: v.villageId, code: v.code, name: v.name,
      households: v.households ?? live.get(v.villageId) ?? 0, frozen: v.households !== null,
      serials: issued.get(v.villageId) ?? 0,
    })),
  };
}
