// Who may act on what, checked in one place: every service asks these guards
// instead of comparing roles and ids itself. Nothing crosses communes (another
// commune's campaign is 404, as if it did not exist), and a village head acts
// only inside their own village (403, saying so).
import type { AppDeps } from './deps';
import { actsInCommune, canActInVillage, type Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import type { LocalizedText } from '../domain/i18n';
import type { Campaign } from '../domain/campaign';
import { findCampaign } from '../../db/repositories/campaigns';

/** The commune a commune user works in; a province administrator has none here (403). */
export function communeOfActor(actor: Actor): string {
  if (!actor.communeId) throw new AppError('FORBIDDEN');
  return actor.communeId;
}

/** Refuses (404) what belongs to another commune. */
export function requireCommune(actor: Actor, communeId: string): void {
  if (!actsInCommune(actor, communeId)) throw new AppError('NOT_FOUND');
}

/** A campaign of the actor's commune, or 404 (never another commune's). */
export async function campaignOf(deps: AppDeps, actor: Actor, id: string): Promise<Campaign> {
  const c = await findCampaign(deps.db, id);
  if (!c) throw new AppError('NOT_FOUND');
  requireCommune(actor, c.communeId);
  return c;
}

/** Refuses (403, with `refusal` as its message) a village head acting outside their own village. */
export function requireVillage(actor: Actor, villageId: string, refusal?: LocalizedText): void {
  if (!canActInVillage(actor, villageId)) throw new AppError('FORBIDDEN', refusal);
}

/**
 * The village a listing keeps to: a village head's own (asking for another
 * is refused with `refusal`), anyone else the village asked for, if any.
 */
export function villageFilter(actor: Actor, villageId: string | undefined, refusal?: LocalizedText): string | undefined {
  if (villageId) requireVillage(actor, villageId, refusal);
  // a village head always has a village (a CHECK of the users table); '-' matches none
  return actor.role === 'village_head' ? actor.villageId ?? '-' : villageId;
}

/** The items the actor may see: a village head's own village's, everyone else's all. */
export function inActorVillages<T>(actor: Actor, items: readonly T[], villageOf: (item: T) => string): T[] {
  return items.filter((item) => canActInVillage(actor, villageOf(item)));
}
