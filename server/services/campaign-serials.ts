import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { campaignOf } from './guards';
import { countCurrentSerials, currentSerials, findSerialUse, householdsInScope, insertSerialIfAbsent, revokeSerial } from '../../db/repositories/serials';
import { deriveSerial, serialHash } from './serial-codes';
import { atomicWithAudit } from './audit';
import { ConstraintViolation } from '../runtime/types';

const CHUNK = 400;

function assertSerialCampaign(kind: string) {
  if (kind === 'satisfaction') {
    throw new AppError('INVALID_STATE', {
      vi: 'Khảo sát hài lòng là ẩn danh, dùng mã QR chung của đợt khảo sát, không phát mã phiếu theo hộ.',
      en: 'Satisfaction surveys are anonymous: they use the campaign QR, not household serials.',
    });
  }
}

/**
 * Issues one serial per active household in scope. Idempotent: a household
 * that already has a current serial keeps it (INSERT … ON CONFLICT DO
 * NOTHING on campaign, household, reprint). Returns the serials in scope.
 */
export async function issueSerials(deps: AppDeps, actor: Actor, campaignId: string): Promise<{ issued: number; created: number }> {
  const c = await campaignOf(deps, actor, campaignId);
  assertSerialCampaign(c.kind);
  if (c.status !== 'draft' && c.status !== 'open') throw new AppError('INVALID_STATE', { vi: 'Chỉ phát mã phiếu khi đợt lấy ý kiến chưa đóng.', en: 'Serials are issued before the campaign closes.' });
  const before = await countCurrentSerials(deps.db, campaignId);
  const existing = new Set((await currentSerials(deps.db, campaignId)).map((s) => s.householdId));
  const missing = (await householdsInScope(deps.db, campaignId)).filter((h) => !existing.has(h.householdId));
  for (let i = 0; i < missing.length; i += CHUNK) {
    const chunk = missing.slice(i, i + CHUNK);
    const statements = await Promise.all(
      chunk.map(async (h) => {
        const serial = await deriveSerial(deps.secret, campaignId, h.householdId, 0);
        return insertSerialIfAbsent(deps.db, { serialHash: await serialHash(deps.secret, serial), campaignId, householdId: h.householdId, villageId: h.villageId, reprint: 0 });
      }),
    );
    await atomicWithAudit(deps, statements, [
      { communeId: c.communeId, actor: actor.id, action: 'serials.issue', entity: 'campaign', entityId: campaignId, data: { households: chunk.length } },
    ]);
  }
  const issued = await countCurrentSerials(deps.db, campaignId);
  return { issued, created: issued - before };
}

export interface SerialListing {
  householdCode: string;
  serial: string;
  householdId: string;
  villageId: string;
  representative: string;
  head: string;
  reprint: number;
}

/** The clear serials of the current ballots, re-derived from the secret for printing. */
export async function listSerials(deps: AppDeps, actor: Actor, campaignId: string, villageId?: string): Promise<SerialListing[]> {
  const c = await campaignOf(deps, actor, campaignId);
  assertSerialCampaign(c.kind);
  const rows = await currentSerials(deps.db, campaignId, villageId);
  return Promise.all(
    rows.map(async (r) => ({
      householdCode: r.householdCode, serial: await deriveSerial(deps.secret, campaignId, r.householdId, r.reprint),
      householdId: r.householdId, villageId: r.villageId, representative: r.representative, head: r.head, reprint: r.reprint,
    })),
  );
}

/**
 * Reprints a household's ballot: the old serial is revoked and a new one
 * issued. A serial that was already used cannot be revoked (the database
 * refuses it), or the household could vote twice.
 */
export async function reprintSerial(deps: AppDeps, actor: Actor, campaignId: string, householdCode: string): Promise<SerialListing> {
  const c = await campaignOf(deps, actor, campaignId);
  assertSerialCampaign(c.kind);
  const current = (await listSerials(deps, actor, campaignId)).find((s) => s.householdCode === householdCode);
  if (!current) throw new AppError('NOT_FOUND', { vi: `Hộ ${householdCode} chưa có mã phiếu trong đợt này.`, en: `Household ${householdCode} has no serial in this campaign.` });
  const oldHash = await serialHash(deps.secret, current.serial);
  if (await findSerialUse(deps.db, oldHash)) throw new AppError('ALREADY_USED', { vi: 'Phiếu của hộ này đã được sử dụng nên không in lại được.', en: 'This ballot was already used; it cannot be reprinted.' });
  const reprint = current.reprint + 1;
  const serial = await deriveSerial(deps.secret, campaignId, current.householdId, reprint);
  try {
    await atomicWithAudit(
      deps,
      [revokeSerial(deps.db, oldHash), insertSerialIfAbsent(deps.db, { serialHash: await serialHash(deps.secret, serial), campaignId, householdId: current.householdId, villageId: current.villageId, reprint })],
      [{ communeId: c.communeId, actor: actor.id, action: 'serials.reprint', entity: 'household', entityId: current.householdId, data: { campaignId, reprint } }],
    );
  } catch (err) {
    if (err instanceof ConstraintViolation && err.detail === 'serial_used') throw new AppError('ALREADY_USED');
    throw err;
  }
  return { ...current, serial, reprint };
}
