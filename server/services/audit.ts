import type { Compilable } from 'kysely';
import type { AppDeps } from './deps';
import { auditHead, insertAudit } from '../../db/repositories/audit';
import { canonicalEntry, GENESIS_HASH } from '../domain/audit-chain';
import { sha256Hex } from '../runtime/crypto';
import { ConstraintViolation, type StatementResult } from '../runtime/types';

export interface AuditEvent {
  communeId: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  data: unknown;
}

/**
 * Runs `statements` and appends the audit entries describing them in one
 * atomic write. Two writers that read the same chain head collide on the
 * audit_log primary key; the loser re-reads the head and tries again, so the
 * chain never forks and no change lands without its entry.
 */
export async function atomicWithAudit(
  deps: AppDeps,
  statements: Compilable[],
  events: AuditEvent[],
): Promise<StatementResult[]> {
  for (let attempt = 0; ; attempt++) {
    const auditStatements: Compilable[] = [];
    const heads = new Map<string, { seq: number; hash: string }>();
    for (const ev of events) {
      let head = heads.get(ev.communeId);
      if (!head) head = (await auditHead(deps.db, ev.communeId)) ?? { seq: 0, hash: GENESIS_HASH };
      const entry = {
        communeId: ev.communeId, seq: head.seq + 1, at: deps.clock().toISOString(), actor: ev.actor,
        action: ev.action, entity: ev.entity, entityId: ev.entityId, data: JSON.stringify(ev.data ?? null), prevHash: head.hash,
      };
      const hash = await sha256Hex(canonicalEntry(entry));
      auditStatements.push(insertAudit(deps.db, { ...entry, hash }));
      heads.set(ev.communeId, { seq: entry.seq, hash });
    }
    try {
      const results = await deps.atomic([...statements, ...auditStatements]);
      return results.slice(0, statements.length);
    } catch (err) {
      const chainRace = err instanceof ConstraintViolation && err.detail.includes('audit_log');
      if (!chainRace || attempt >= 20) throw err;
    }
  }
}
