import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import type { Channel } from '../domain/legal-rules';
import { listCampaignVillages } from '../../db/repositories/campaigns';
import { usesPerVillage } from '../../db/repositories/serials';
import { serialsPerVillage } from '../../db/repositories/tallies';
import { campaignOf, villageFilter } from './guards';

export interface VillagePaperProgress {
  villageId: string;
  code: string;
  name: string;
  /** frozen households: the denominator */
  households: number;
  /** serials handed out (current, not revoked) */
  serials: number;
  /** paper ballots registered by serial */
  registered: number;
  /** households that answered online */
  online: number;
  /** households heard from on neither channel yet */
  missing: number;
}

/** Per village: paper ballots registered, households that answered online, and those still missing. */
export async function paperBallotProgress(deps: AppDeps, actor: Actor, campaignId: string, villageId?: string) {
  const campaign = await campaignOf(deps, actor, campaignId);
  const only = villageFilter(actor, villageId, { vi: 'Trưởng thôn chỉ xem số liệu của thôn mình.', en: 'A village head sees only their own village.' });
  const [villages, uses, serials] = await Promise.all([
    listCampaignVillages(deps.db, campaign.id), usesPerVillage(deps.db, campaign.id), serialsPerVillage(deps.db, campaign.id),
  ]);
  const used = (v: string, ch: Exclude<Channel, 'meeting'>) => Number(uses.find((u) => u.villageId === v && u.channel === ch)?.n ?? 0);
  const rows: VillagePaperProgress[] = villages
    .filter((v) => !only || v.villageId === only)
    .map((v) => {
      const households = v.households ?? 0;
      const registered = used(v.villageId, 'paper');
      const online = used(v.villageId, 'online');
      return {
        villageId: v.villageId, code: v.code, name: v.name, households, serials: serials.get(v.villageId) ?? 0,
        registered, online, missing: Math.max(0, households - registered - online),
      };
    });
  return { campaignId: campaign.id, title: campaign.title, status: campaign.status, secret: campaign.secret, villages: rows };
}
