import type { AppDeps } from './deps';
import { AppError } from '../domain/errors';
import type { Actor } from '../domain/actor';
import { sortVi } from '../domain/text';
import { listVillagesWithCounts, type VillageWithCount } from '../../db/repositories/villages';

/** The commune's villages with their active households, in Vietnamese order; a village head sees only their own. */
export async function listVillageSummaries(deps: AppDeps, actor: Actor): Promise<VillageWithCount[]> {
  if (!actor.communeId) throw new AppError('FORBIDDEN');
  const all = await listVillagesWithCounts(deps.db, actor.communeId);
  const visible = actor.role === 'village_head' ? all.filter((v) => v.id === actor.villageId) : all;
  return sortVi(visible, (v) => v.name);
}
