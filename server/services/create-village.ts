import type { AppDeps } from './deps';
import { communeOfActor } from './guards';
import { AppError } from '../domain/errors';
import type { Actor } from '../domain/actor';
import { cleanText } from '../domain/text';
import { insertVillage, type Village } from '../../db/repositories/villages';
import { ConstraintViolation } from '../runtime/types';
import { atomicWithAudit } from './audit';

/** Village codes are compared as typed on any keyboard: trimmed, upper case. */
export const normalizeVillageCode = (code: string) => cleanText(code).toUpperCase();

/** Adds a village (thôn, tổ dân phố) to the actor's commune; the database refuses a second one with the same code. */
export async function createVillage(deps: AppDeps, actor: Actor, input: { code: string; name: string }): Promise<Village> {
  const village: Village = {
    id: deps.newId(), communeId: communeOfActor(actor), code: normalizeVillageCode(input.code), name: cleanText(input.name),
    createdAt: deps.clock().toISOString(),
  };
  try {
    await atomicWithAudit(deps, [insertVillage(deps.db, village)], [
      { communeId: village.communeId, actor: actor.username, action: 'village.create', entity: 'village', entityId: village.id, data: { code: village.code, name: village.name } },
    ]);
  } catch (err) {
    if (err instanceof ConstraintViolation && err.kind === 'unique') {
      throw new AppError('CONFLICT', { vi: `Mã thôn "${village.code}" đã có trong xã.`, en: `Village code "${village.code}" already exists in this commune.` }, [
        { path: 'code', message: { vi: 'Mã thôn đã tồn tại.', en: 'This village code already exists.' } },
      ]);
    }
    throw err;
  }
  return village;
}
