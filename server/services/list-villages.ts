import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { sortVi } from '../domain/text';
import { communeOfActor, inActorVillages } from './guards';
import { listVillagesWithCounts, type VillageWithCount } from '../../db/repositories/villages';

/** The commune's villages with their active households, in Vietnamese order; a village head sees only their own. */
export async function listVillageSummaries(deps: AppDeps, actor: Actor): Promise<VillageWithCount[]> {
  const all = await listVillagesWithCounts(deps.db, communeOfActor(actor));
  const visible = inActorVillages(actor, all, (v) => v.id);
  return sortVi(visible, (v) => v.name);
}
