import type { AppDeps } from './deps';
import { AppError } from '../domain/errors';
import type { Actor } from '../domain/actor';
import { listCommunes, type Commune } from '../../db/repositories/communes';
import { sortVi } from '../domain/text';

/** Every commune of the deployment: only a province administrator sees across communes. */
export async function listAllCommunes(deps: AppDeps, actor: Actor): Promise<Commune[]> {
  if (actor.role !== 'province_admin') throw new AppError('FORBIDDEN');
  return sortVi(await listCommunes(deps.db), (c) => c.name);
}
