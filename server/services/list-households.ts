import type { AppDeps } from './deps';
import { AppError } from '../domain/errors';
import type { Actor } from '../domain/actor';
import { findVillage } from '../../db/repositories/villages';
import { communeOfActor, requireVillage, villageFilter } from './guards';
import {
  countHouseholds, findHouseholdByCode, listHouseholdVersions, searchHouseholds,
  type Household, type HouseholdVersion,
} from '../../db/repositories/households';
import { normalizeCode, searchPhrase } from '../domain/register-row';

export type { Household } from '../../db/repositories/households';

export interface HouseholdFilter {
  villageId?: string;
  q?: string;
  status?: 'active' | 'left' | 'all';
  limit?: number;
  offset?: number;
}

const VILLAGE_NOT_FOUND = { vi: 'Không tìm thấy thôn này trong xã.', en: 'There is no such village in this commune.' };

/**
 * The village a request may read: a village head always reads their own (and
 * asking for another is refused), others any village of their commune.
 */
export async function readableVillage(deps: AppDeps, actor: Actor, villageId: string | undefined): Promise<string | undefined> {
  const communeId = communeOfActor(actor);
  const only = villageFilter(actor, villageId, { vi: 'Trưởng thôn chỉ xem được hộ của thôn mình.', en: 'A village head sees only the households of their own village.' });
  if (only && only === villageId && !(await findVillage(deps.db, communeId, only))) throw new AppError('NOT_FOUND', VILLAGE_NOT_FOUND);
  return only;
}

/** Searches the register: `q` is a phrase matched in names, codes and phone without regard to case or diacritics. */
export async function listHouseholds(deps: AppDeps, actor: Actor, filter: HouseholdFilter): Promise<{ items: Household[]; total: number }> {
  const villageId = await readableVillage(deps, actor, filter.villageId);
  const phrase = searchPhrase(filter.q ?? '');
  const words = phrase ? [phrase] : [];
  const query = { communeId: actor.communeId!, villageId, words, status: filter.status ?? 'active' } as const;
  const items = await searchHouseholds(deps.db, { ...query, limit: filter.limit, offset: filter.offset });
  const total = filter.limit === undefined ? items.length : await countHouseholds(deps.db, query);
  return { items, total };
}

/** One household of the actor's commune (a village head: of their village), or 404. */
export async function getHousehold(deps: AppDeps, actor: Actor, code: string): Promise<Household> {
  const h = await findHouseholdByCode(deps.db, communeOfActor(actor), normalizeCode(code));
  if (!h) throw new AppError('NOT_FOUND', { vi: 'Không tìm thấy hộ có mã này trong xã.', en: 'There is no household with this code in the commune.' });
  requireVillage(actor, h.villageId);
  return h;
}

/** Every version of a household, newest first: history is never deleted. */
export async function householdHistory(deps: AppDeps, actor: Actor, code: string): Promise<{ household: Household; versions: HouseholdVersion[] }> {
  const household = await getHousehold(deps, actor, code);
  return { household, versions: await listHouseholdVersions(deps.db, household.id) };
}
