import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { listAudit } from '../../db/repositories/audit';
import {
  checkAnchors, checkOutsideAnchors, checkPublications, verifyChain, type AuditEntry, type ChainProblem, type OutsideAnchor,
} from '../domain/audit-chain';
import { communePublications } from '../../db/repositories/publications';
import { sha256Hex } from '../runtime/crypto';

export interface AuditReport {
  ok: boolean;
  /** how many entries the commune's chain holds */
  entries: number;
  problems: ChainProblem[];
  /** the newest entries, newest first (only when asked for) */
  latest: AuditEntry[];
  /** the chain's newest entry (seq 0 when it is empty) */
  head: { seq: number; hash: string } | null;
}

/**
 * Re-computes a commune's audit chain (the check the inspection board runs).
 * An edited, deleted or reordered entry shows as a problem at its seq; the
 * anchors published with results show a chain cut off or rewritten up to the
 * last publication; each publication's snapshot must still hash to its
 * stored hash and to the hash its audit entry names. All of that lives in the
 * same database, so whoever can write it can rewrite it consistently: the
 * `anchors` kept outside (printed on results notices, downloaded by the
 * inspection board) are what such a rewrite cannot match.
 */
export async function verifyAudit(
  db: Kysely<Database>,
  communeId: string,
  opts: { latest?: number; anchors?: OutsideAnchor[] } = {},
): Promise<AuditReport> {
  const entries = await listAudit(db, communeId);
  const stored = await communePublications(db, communeId);
  const publications = await Promise.all(
    stored.map(async (p) => ({ campaignId: p.campaignId, version: p.version, hash: p.hash, snapshotHash: await sha256Hex(p.snapshot) })),
  );
  const problems = [
    ...(await verifyChain(entries, sha256Hex)),
    ...checkAnchors(entries, stored.flatMap((p) => (p.auditAnchor ? [p.auditAnchor] : []))),
    ...checkPublications(entries, publications),
    ...checkOutsideAnchors(entries, opts.anchors ?? []),
  ];
  const latest = opts.latest ? entries.slice(-opts.latest).reverse() : [];
  const last = entries.at(-1);
  return { ok: problems.length === 0, entries: entries.length, problems, latest, head: last ? { seq: last.seq, hash: last.hash } : null };
}
