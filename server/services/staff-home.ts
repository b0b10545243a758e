import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { findCommune } from '../../db/repositories/communes';
import { listCampaigns } from '../../db/repositories/campaigns';
import { campaignDetail } from './campaign-overview';

export interface StaffHome {
  /** null for a province administrator, who belongs to no commune */
  communeName: string | null;
  /** the open campaigns with live participation per village (a village head's own village only) */
  open: Awaited<ReturnType<typeof campaignDetail>>[];
}

/** What the staff home shows: the actor's own commune, never another's. */
export async function loadStaffHome(deps: AppDeps, actor: Actor): Promise<StaffHome> {
  const commune = actor.communeId ? await findCommune(deps.db, actor.communeId) : null;
  const campaigns = actor.communeId ? (await listCampaigns(deps.db, actor.communeId)).filter((c) => c.status === 'open') : [];
  const open = await Promise.all(campaigns.map((c) => campaignDetail(deps, actor, c.id)));
  return { communeName: commune?.name ?? null, open };
}
