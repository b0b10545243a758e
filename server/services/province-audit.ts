import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { listAllCommunes } from './list-communes';
import { verifyAudit } from './verify-audit';

export interface ChainSummary {
  /** '' for the province's own chain (accounts without a commune) */
  communeId: string;
  name: string;
  entries: number;
  ok: boolean;
  problems: number;
}

/**
 * Every commune's audit chain checked, for the province administrator: read
 * only, one row per commune (names sorted in Vietnamese order) and the
 * province's own chain last.
 */
export async function provinceAuditOverview(deps: AppDeps, actor: Actor): Promise<ChainSummary[]> {
  if (actor.role !== 'province_admin') throw new AppError('FORBIDDEN');
  const chains = [...(await listAllCommunes(deps, actor)).map((c) => ({ id: c.id, name: c.name })), { id: '', name: '' }];
  const out: ChainSummary[] = [];
  for (const chain of chains) {
    const report = await verifyAudit(deps.db, chain.id);
    out.push({ communeId: chain.id, name: chain.name, entries: report.entries, ok: report.ok, problems: report.problems.length });
  }
  return out;
}
