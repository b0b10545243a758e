// Anchors of the audit chain kept outside the database. The chain is
// unkeyed SHA-256 and lives in the database with everything it protects, so
// whoever can write the database can edit an entry, rehash every entry after
// it and rewrite the anchors stored with the results. What they cannot
// rewrite is a copy taken before: the chain's entry printed (text and QR) on
// each published results notice, and the signed anchor file the inspection
// board downloads. `npm run danban -- verify-audit --anchor …` and
// `GET /api/v1/audit/verify?anchor=…` check the chain still holds them.
import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, invalidField } from '../domain/errors';
import { GENESIS_HASH, parseAnchor, PROVINCE_CHAIN, type OutsideAnchor } from '../domain/audit-chain';
import { auditHead, entriesWithHash, publicationEntry } from '../../db/repositories/audit';
import { findCommune } from '../../db/repositories/communes';
import { hmacHex } from '../runtime/crypto';

export const ANCHOR_KIND = 'danban-audit-anchor';

/** The anchor file: a commune's chain head at a moment, signed under the server secret. */
export interface AnchorFile {
  kind: typeof ANCHOR_KIND;
  format: 1;
  commune: { id: string; name: string };
  seq: number;
  hash: string;
  /** when the file was made (the chain held this head then) */
  at: string;
  signature: { alg: 'HMAC-SHA256'; value: string };
}

type Unsigned = Omit<AnchorFile, 'signature'>;

const signatureOf = (secret: string, f: Unsigned) =>
  hmacHex(secret, `audit-anchor|${JSON.stringify([f.kind, f.format, f.commune.id, f.commune.name, f.seq, f.hash, f.at])}`);

/**
 * The commune whose chain the actor reads: their own, or for a province
 * administrator the one named (every commune is theirs to inspect, read-only;
 * PROVINCE_CHAIN is the province's own, whose commune id is '').
 */
export async function auditCommune(deps: AppDeps, actor: Actor, requested?: string): Promise<{ id: string; name: string }> {
  if (actor.role === 'province_admin') {
    if (!requested) throw invalidField('communeId', { vi: 'Hãy chọn xã cần xem nhật ký.', en: 'Choose the commune whose log to read.' });
    if (requested === PROVINCE_CHAIN) return { id: '', name: '' };
    const commune = await findCommune(deps.db, requested);
    if (!commune) throw new AppError('NOT_FOUND');
    return { id: commune.id, name: commune.name };
  }
  const commune = actor.communeId ? await findCommune(deps.db, actor.communeId) : null;
  if (!commune) throw new AppError('NOT_FOUND');
  return { id: commune.id, name: commune.name };
}

/** The commune's chain head now, signed: the inspection board keeps the file and checks the chain against it later. */
export async function auditAnchorFile(deps: AppDeps, actor: Actor, requested?: string): Promise<AnchorFile> {
  const commune = await auditCommune(deps, actor, requested);
  const head = (await auditHead(deps.db, commune.id)) ?? { seq: 0, hash: GENESIS_HASH };
  const unsigned: Unsigned = { kind: ANCHOR_KIND, format: 1, commune, seq: head.seq, hash: head.hash, at: deps.clock().toISOString() };
  return { ...unsigned, signature: { alg: 'HMAC-SHA256', value: await signatureOf(deps.secret, unsigned) } };
}

/** Reads an anchor file and checks its signature under the server secret. */
export async function readAnchorFile(secret: string, text: string): Promise<{ ok: true; communeId: string; anchor: OutsideAnchor & { seq: number } } | { ok: false }> {
  let f: Partial<AnchorFile>;
  try {
    f = JSON.parse(text) as Partial<AnchorFile>;
  } catch {
    return { ok: false };
  }
  if (
    !f || f.kind !== ANCHOR_KIND || f.format !== 1 || typeof f.commune?.id !== 'string' || typeof f.commune.name !== 'string' ||
    typeof f.seq !== 'number' || typeof f.hash !== 'string' || typeof f.at !== 'string' || typeof f.signature?.value !== 'string'
  ) return { ok: false };
  const expected = await signatureOf(secret, f as Unsigned);
  if (!sameText(expected, f.signature.value)) return { ok: false };
  const anchor = parseAnchor(`${f.seq}:${f.hash}`);
  return anchor ? { ok: true, communeId: f.commune.id, anchor: { seq: f.seq, hash: anchor.hash } } : { ok: false };
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Anchors typed or scanned (`hash` or `seq:hash`, several separated by commas or spaces); a 422 naming `anchor` for one that is neither. */
export function parseAnchors(texts: string[]): OutsideAnchor[] {
  const out: OutsideAnchor[] = [];
  for (const part of texts.flatMap((t) => t.split(/[,\s]+/)).filter(Boolean)) {
    const a = parseAnchor(part);
    if (!a) {
      throw invalidField('anchor', {
        vi: 'Dấu nhật ký phải là mã băm 64 ký tự (0–9, a–f), có thể kèm số thứ tự mục phía trước: "42:ab12…".',
        en: 'An anchor is a 64-character hash (0–9, a–f), optionally after its entry number: "42:ab12…".',
      });
    }
    out.push(a);
  }
  return out;
}

/** The chains (communes, '' for the province's) holding an anchor's entry. */
export async function chainsHolding(deps: Pick<AppDeps, 'db'>, a: OutsideAnchor): Promise<string[]> {
  return (await entriesWithHash(deps.db, a.hash)).filter((e) => a.seq === undefined || e.seq === a.seq).map((e) => e.communeId);
}

/**
 * What a results notice prints of the chain: the entry written with this
 * publication (its hash covers the results' hash and every entry before it),
 * and the results' own hash. Undefined for a preview, which is not published.
 */
export async function publicationAnchor(
  deps: AppDeps,
  campaignId: string,
  publication: { version: number; hash: string } | null,
  preview: boolean,
): Promise<{ seq: number; hash: string; resultsHash: string } | undefined> {
  if (preview || !publication) return undefined;
  const entry = await publicationEntry(deps.db, campaignId, publication.version);
  return entry ? { seq: entry.seq, hash: entry.hash, resultsHash: publication.hash } : undefined;
}
