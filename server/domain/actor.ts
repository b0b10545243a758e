import type { Role } from '../../db/schema';

/** Who is acting: a signed-in user as the services see them. */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  /** null only for a province administrator */
  communeId: string | null;
  villageId: string | null;
}


/** A village head acts only inside their own village (Đ18: the head convenes their village). */
export function canActInVillage(actor: Actor, villageId: string): boolean {
  if (actor.role === 'village_head') return actor.villageId === villageId;
  return actor.role === 'admin' || actor.role === 'staff' || actor.role === 'inspector';
}

export function actsInCommune(actor: Actor, communeId: string): boolean {
  return actor.role === 'province_admin' || actor.communeId === communeId;
}
