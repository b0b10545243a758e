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

/** How a province administrator names the province's own chain (accounts without a commune, commune id ''). */
export const PROVINCE_CHAIN = '-';

export function canonicalEntry(e: Omit<AuditEntry, 'hash'>): string {
  return JSON.stringify([e.communeId, e.seq, e.at, e.actor, e.action, e.entity, e.entityId, e.data, e.prevHash]);
}

export interface ChainProblem {
  /** the entry the problem is at (for a publication: the entry recording it, 0 when there is none) */
  seq: number;
  /**
   * anchor_missing: a published anchor's entry is gone or changed (the chain was cut or rewritten);
   * outside_anchor_missing: an anchor kept outside the database (a printed notice, a downloaded
   * anchor file) is no longer in the chain, so the chain was rewritten up to it;
   * publication_mismatch: a publication's snapshot does not hash to its stored hash, or the entry
   * recording it names another hash or is missing
   */
  problem: 'hash_mismatch' | 'broken_link' | 'gap' | 'anchor_missing' | 'outside_anchor_missing' | 'publication_mismatch';
  /** which publication (publication_mismatch) */
  campaignId?: string;
  version?: number;
}

/** An anchor kept outside the database: an entry's hash, and its seq when known. */
export interface OutsideAnchor {
  seq?: number;
  hash: string;
}

/** How an anchor is printed, shown and typed: `seq:hash`. */
export const anchorText = (a: { seq: number; hash: string }) => `${a.seq}:${a.hash}`;

/** Reads `hash` or `seq:hash` (as printed on a results notice and in its QR code); null when it is neither. */
export function parseAnchor(text: string): OutsideAnchor | null {
  const m = /^\s*(?:(\d{1,12})\s*:\s*)?([0-9a-fA-F]{64})\s*$/.exec(text);
  if (!m) return null;
  return m[1] === undefined ? { hash: m[2]!.toLowerCase() } : { seq: Number(m[1]), hash: m[2]!.toLowerCase() };
}

/** True when the chain still holds the anchor's entry (at its seq, when the anchor names one). */
export function holdsAnchor(entries: AuditEntry[], a: OutsideAnchor): boolean {
  return entries.some((e) => e.hash === a.hash && (a.seq === undefined || e.seq === a.seq));
}

/**
 * Checks anchors kept outside the database. The chain is unkeyed SHA-256, so
 * whoever can write the database can edit an entry and rehash everything after
 * it (and the anchors stored with it); an anchor printed or downloaded before
 * that no longer appears in the rewritten chain.
 */
export function checkOutsideAnchors(entries: AuditEntry[], anchors: OutsideAnchor[]): ChainProblem[] {
  return anchors.filter((a) => !holdsAnchor(entries, a)).map((a) => ({ seq: a.seq ?? 0, problem: 'outside_anchor_missing' as const }));
}

/** An entry's data as an object ({} when it is not one: an edited entry must not stop the check). */
function entryData(e: AuditEntry): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(e.data);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The audit actions that record a publication of results (data: `{ version, hash, reason }`). */
export const PUBLICATION_ACTIONS = ['results.publish', 'results.correct'];

export interface PublicationRecord {
  campaignId: string;
  version: number;
  /** the hash stored beside the snapshot */
  hash: string;
  /** SHA-256 of the stored snapshot, computed now */
  snapshotHash: string;
}

/**
 * Checks each publication against its snapshot and the chain: the snapshot
 * must hash to the stored hash, and the entry written with the publication
 * must name that same hash.
 */
export function checkPublications(entries: AuditEntry[], publications: PublicationRecord[]): ChainProblem[] {
  const recorded = new Map<string, { seq: number; hash: unknown }>();
  for (const e of entries) {
    if (!PUBLICATION_ACTIONS.includes(e.action)) continue;
    const data = entryData(e);
    if (typeof data.version === 'number') recorded.set(`${e.entityId}|${data.version}`, { seq: e.seq, hash: data.hash });
  }
  const problems: ChainProblem[] = [];
  for (const p of publications) {
    const entry = recorded.get(`${p.campaignId}|${p.version}`);
    const named = entry?.hash;
    if (p.snapshotHash !== p.hash || named !== p.hash) {
      problems.push({ seq: entry?.seq ?? 0, problem: 'publication_mismatch', campaignId: p.campaignId, version: p.version });
    }
  }
  return problems;
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
