import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { listAudit } from '../../db/repositories/audit';
import { checkAnchors, verifyChain, type AuditEntry, type ChainProblem } from '../domain/audit-chain';
import { publishedAnchors } from '../../db/repositories/publications';
import { sha256Hex } from '../runtime/crypto';

export interface AuditReport {
  ok: boolean;
  /** how many entries the commune's chain holds */
  entries: number;
  problems: ChainProblem[];
  /** the newest entries, newest first (only when asked for) */
  latest: AuditEntry[];
}

/**
 * Re-computes a commune's audit chain (the check the inspection board runs).
 * An edited, deleted or reordered entry shows as a problem at its seq, and
 * the anchors published with results show a chain cut off or rewritten up to
 * the last publication.
 */
export async function verifyAudit(db: Kysely<Database>, communeId: string, opts: { latest?: number } = {}): Promise<AuditReport> {
  const entries = await listAudit(db, communeId);
  const problems = [...(await verifyChain(entries, sha256Hex)), ...checkAnchors(entries, await publishedAnchors(db, communeId))];
  const latest = opts.latest ? entries.slice(-opts.latest).reverse() : [];
  return { ok: problems.length === 0, entries: entries.length, problems, latest };
}
