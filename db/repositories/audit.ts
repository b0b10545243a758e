import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import { PUBLICATION_ACTIONS, type AuditEntry } from '../../server/domain/audit-chain';

export async function auditHead(db: Kysely<Database>, communeId: string): Promise<{ seq: number; hash: string } | null> {
  const r = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('commune_id', '=', communeId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ?? null;
}

export function insertAudit(db: Kysely<Database>, e: AuditEntry) {
  return db.insertInto('audit_log').values({
    commune_id: e.communeId, seq: e.seq, at: e.at, actor: e.actor, action: e.action, entity: e.entity,
    entity_id: e.entityId, data: e.data, prev_hash: e.prevHash, hash: e.hash,
  });
}

export async function listAudit(db: Kysely<Database>, communeId: string, opts: { afterSeq?: number; limit?: number } = {}): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('commune_id', '=', communeId)
    .where('seq', '>', opts.afterSeq ?? 0)
    .orderBy('seq')
    .limit(opts.limit ?? 1_000_000)
    .execute();
  return rows.map((r) => ({
    communeId: r.commune_id, seq: r.seq, at: r.at, actor: r.actor, action: r.action, entity: r.entity,
    entityId: r.entity_id, data: r.data, prevHash: r.prev_hash, hash: r.hash,
  }));
}

/** The chains holding an entry with this hash (an outside anchor's), with its seq. */
export async function entriesWithHash(db: Kysely<Database>, hash: string): Promise<{ communeId: string; seq: number }[]> {
  return db.selectFrom('audit_log').select(['commune_id as communeId', 'seq']).where('hash', '=', hash).execute();
}

/** The entry written with a publication of results (its version is in the entry's data). */
export async function publicationEntry(db: Kysely<Database>, campaignId: string, version: number): Promise<{ seq: number; hash: string } | null> {
  const r = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('entity', '=', 'campaign')
    .where('entity_id', '=', campaignId)
    .where('action', 'in', PUBLICATION_ACTIONS)
    .where(sql<number>`json_extract(data, '$.version')`, '=', version)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return r ?? null;
}
