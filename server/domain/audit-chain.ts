// The audit log is a hash chain per commune: each entry's hash covers the
// previous entry's hash, so editing, deleting or reordering any entry breaks
// every hash after it. The inspection board (Ban Thanh tra nhân dân) re-runs
// verifyChain to check that nothing was rewritten.

export interface AuditEntry {
  communeId: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  data: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function canonicalEntry(e: Omit<AuditEntry, 'hash'>): string {
  return JSON.stringify([e.communeId, e.seq, e.at, e.actor, e.action, e.entity, e.entityId, e.data, e.prevHash]);
}

export interface ChainProblem {
  seq: number;
  /** anchor_missing: a published anchor's entry is gone or changed (the chain was cut or rewritten) */
  problem: 'hash_mismatch' | 'broken_link' | 'gap' | 'anchor_missing';
}

/**
 * Checks the anchors printed with published results: the chain must still
 * hold each one's entry with the same hash. This finds what the chain alone
 * cannot: its newest entries cut off, up to the last publication.
 */
export function checkAnchors(entries: AuditEntry[], anchors: { seq: number; hash: string }[]): ChainProblem[] {
  const bySeq = new Map(entries.map((e) => [e.seq, e.hash]));
  return anchors
    .filter((a) => a.seq > 0 && bySeq.get(a.seq) !== a.hash)
    .map((a) => ({ seq: a.seq, problem: 'anchor_missing' as const }));
}

/** Checks entries (in seq order) and returns every problem found, none when intact. */
export async function verifyChain(entries: AuditEntry[], sha256Hex: (s: string) => Promise<string>): Promise<ChainProblem[]> {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq) problems.push({ seq: e.seq, problem: 'gap' });
    if (e.prevHash !== prev) problems.push({ seq: e.seq, problem: 'broken_link' });
    const { hash, ...rest } = e;
    if ((await sha256Hex(canonicalEntry(rest))) !== hash) problems.push({ seq: e.seq, problem: 'hash_mismatch' });
    prev = e.hash;
    expectedSeq = e.seq + 1;
  }
  return problems;
}

/** The actor of entries the system writes itself (start-up, the demo commune), not a person. */
export const SYSTEM_ACTOR = 'system';
