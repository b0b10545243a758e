// Who may act, and where: the roles, a user account, and the signed-in actor
// the services check (the checks themselves are in server/services/guards.ts).
export type Role = 'province_admin' | 'admin' | 'staff' | 'village_head' | 'inspector';

/** A user account as the services return it (never its password hash). */
export interface User {
  id: string;
  communeId: string | null;
  username: string;
  displayName: string;
  role: Role;
  villageId: string | null;
  disabled: boolean;
  createdAt: string;
}

/** Who is acting: a signed-in user as the services see them. */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  /** null only for a province administrator */
  communeId: string | null;
  villageId: string | null;
}

/** A village head acts only inside their own village (Đ18: the head convenes their village); other roles in every village. */
export function canActInVillage(actor: Actor, villageId: string): boolean {
  return actor.role !== 'village_head' || actor.villageId === villageId;
}

/** Everyone acts in their own commune; a province administrator in every commune. */
export function actsInCommune(actor: Actor, communeId: string): boolean {
  return actor.role === 'province_admin' || actor.communeId === communeId;
}
