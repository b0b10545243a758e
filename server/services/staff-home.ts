import type { AppDeps } from '../http/context';
import type { Actor } from '../domain/actor';
import { findCommune } from '../../db/repositories/communes';

export interface StaffHome {
  /** null for a province administrator, who belongs to no commune */
  communeName: string | null;
}

/** What the staff home shows: the actor's own commune, never another's. */
export async function loadStaffHome(deps: AppDeps, actor: Actor): Promise<StaffHome> {
  const commune = actor.communeId ? await findCommune(deps.db, actor.communeId) : null;
  return { communeName: commune?.name ?? null };
}
