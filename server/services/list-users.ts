import type { AppDeps } from '../http/context';
import { AppError, invalidField } from '../http/errors';
import type { Actor } from '../domain/actor';
import { listUsers, type User } from '../../db/repositories/users';
import { findCommune } from '../../db/repositories/communes';
import { sortVi } from '../domain/text';

/** The accounts of the caller's commune (a province administrator names the commune), by username in Vietnamese order. */
export async function listCommuneUsers(deps: AppDeps, actor: Actor, communeId?: string): Promise<User[]> {
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
  return sortVi(await listUsers(deps.db, target), (u) => u.username);
}
