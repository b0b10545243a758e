import { Kysely, type Compilable } from 'kysely';
import type { Database } from '../../db/schema';
import { D1Dialect, prepareOn, type D1Database } from './d1-dialect';
import { d1RateLimiter } from './d1-rate-limiter';
import { pbkdf2Hasher } from './passwords';
import { randomIds } from './ids';
import { toConstraintViolation, type Atomic, type BlobStore, type Runtime, type StatementResult } from './types';

/** The parts of an R2 bucket binding the blob store uses. */
export interface R2Bucket {
  put(key: string, value: Uint8Array, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer>; httpMetadata?: { contentType?: string } } | null>;
  delete(key: string): Promise<void>;
}

export function r2BlobStore(bucket: R2Bucket): BlobStore {
  return {
    async put(key, bytes, contentType) {
      await bucket.put(key, bytes, { httpMetadata: { contentType } });
    },
    async get(key) {
      const obj = await bucket.get(key);
      if (!obj) return null;
      return { bytes: new Uint8Array(await obj.arrayBuffer()), contentType: obj.httpMetadata?.contentType ?? 'application/octet-stream' };
    },
    async delete(key) {
      await bucket.delete(key);
    },
  };
}

// A statement that returns rows (a read, or a write with RETURNING) reports
// its row count as `changes`, as better-sqlite3's reader statements do on Node.
const READER = /^\s*(select|with)\b|\breturning\b/i;

/**
 * atomic() on Workers: one D1 batch, which D1 runs as a single SQLite
 * transaction; any failing statement rolls back the whole batch. SQLite's
 * own constraint messages (and the schema triggers' `DANBAN:` rules) reach
 * us inside D1's error text and become the same ConstraintViolation as on Node.
 */
export function d1Atomic(d1: D1Database): Atomic {
  return async (statements: Compilable[]) => {
    if (statements.length === 0) return [];
    const compiled = statements.map((s) => s.compile());
    let results;
    try {
      results = await d1.batch(compiled.map((q) => prepareOn(d1, q)));
    } catch (err) {
      throw toConstraintViolation(err) ?? err;
    }
    return results.map((r, i): StatementResult => {
      const rows = (r.results ?? []) as Record<string, unknown>[];
      return { rows, changes: READER.test(compiled[i]!.sql) ? rows.length : (r.meta.changes ?? 0) };
    });
  };
}

/** WebCrypto's getRandomValues fills at most 64 KiB per call. */
function webRandom(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += 65_536) crypto.getRandomValues(out.subarray(at, Math.min(n, at + 65_536)));
  return out;
}

export interface WorkerBindings {
  DB: D1Database;
  PHOTOS: R2Bucket;
}

export function createD1Runtime(bindings: WorkerBindings, opts: { clock?: () => Date } = {}): Runtime {
  const db = new Kysely<Database>({ dialect: new D1Dialect(bindings.DB) });
  const clock = opts.clock ?? (() => new Date());
  return {
    name: 'worker',
    db,
    atomic: d1Atomic(bindings.DB),
    blobs: r2BlobStore(bindings.PHOTOS),
    passwords: pbkdf2Hasher(webRandom),
    rateLimiter: d1RateLimiter(db, clock),
    clock,
    random: webRandom,
    newId: randomIds(webRandom),
  };
}
