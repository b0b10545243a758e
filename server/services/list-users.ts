import type { AppDeps } from './deps';
import { AppError, invalidField } from '../domain/errors';
import type { Actor } from '../domain/actor';
import { listUsers, villageChoices } from '../../db/repositories/users';
import { type User } from '../domain/actor';
import { findCommune } from '../../db/repositories/communes';
import { sortVi } from '../domain/text';

/** The accounts of the caller's commune (a province administrator names the commune), by username in Vietnamese order. */
export async function listCommuneUsers(deps: AppDeps, actor: Actor, communeId?: string): Promise<User[]> {
  return sortVi(await listUsers(deps.db, await accountsCommune(deps, actor, communeId)), (u) => u.username);
}

/** The villages a village head's account may be tied to, by name in Vietnamese order (the accounts form's select). */
export async function listAccountVillages(deps: AppDeps, actor: Actor, communeId?: string): Promise<{ id: string; code: string; name: string }[]> {
  return sortVi(await villageChoices(deps.db, await accountsCommune(deps, actor, communeId)), (v) => v.name);
}

/** Whose accounts the caller manages: an admin their own commune's, the province any commune it names. */
async function accountsCommune(deps: AppDeps, actor: Actor, communeId?: string): Promise<string> {
  let target: string;
  if (actor.role === 'province_admin') {
    if (!communeId) throw invalidField('communeId', { vi: 'Cần chọn xã.', en: 'Choose the commune.' });
    if (!(await findCommune(deps.db, communeId))) throw new AppError('NOT_FOUND');
    target = communeId;
  } else if (actor.role === 'admin' && actor.communeId) {
    target = actor.communeId;
  } else {
    throw new AppError('FORBIDDEN');
  }
  return target;
}
