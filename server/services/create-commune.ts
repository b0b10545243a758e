import type { AppDeps } from './deps';
import { AppError, invalidField } from '../domain/errors';
import type { Actor } from '../domain/actor';
import { insertCommune, type Commune } from '../../db/repositories/communes';
import { ConstraintViolation } from '../runtime/types';
import { cleanText, slugify } from '../domain/text';
import { atomicWithAudit } from './audit';

/**
 * A province administrator adds a commune. Its slug (from the folded name)
 * is unique in the database, so two communes with the same name collide there.
 * The commune's own audit chain starts with its creation.
 */
export async function createCommune(deps: AppDeps, actor: Actor, input: { name: string }): Promise<Commune> {
  if (actor.role !== 'province_admin') throw new AppError('FORBIDDEN');
  const name = cleanText(input.name);
  if (!name) throw invalidField('name', { vi: 'Cần nhập tên xã.', en: 'Enter the commune name.' });
  const commune: Commune = { id: deps.newId(), name, slug: slugify(name), createdAt: deps.clock().toISOString() };
  try {
    await atomicWithAudit(deps, [insertCommune(deps.db, commune)], [
      { communeId: commune.id, actor: actor.username, action: 'commune.create', entity: 'commune', entityId: commune.id, data: { name } },
    ]);
  } catch (err) {
    if (err instanceof ConstraintViolation && err.kind === 'unique') {
      throw new AppError('CONFLICT', { vi: `Đã có xã "${name}".`, en: `The commune "${name}" already exists.` }, [
        { path: 'name', message: { vi: 'Đã có xã trùng tên.', en: 'A commune with this name exists.' } },
      ]);
    }
    throw err;
  }
  return commune;
}
