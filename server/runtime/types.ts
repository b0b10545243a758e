import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** What one statement of an atomic write returned. */
export interface StatementResult {
  rows: Record<string, unknown>[];
  changes: number;
}

/**
 * Runs statements as one all-or-nothing write: a better-sqlite3 savepoint
 * inside a group commit on Node, a D1 batch on Workers. There are no
 * interactive transactions (D1 has none): invariants live in constraints, and
 * a constraint violation in any statement undoes them all and throws
 * ConstraintViolation. Resolves only once the write is durable.
 */
export type Atomic = (statements: Compilable[]) => Promise<StatementResult[]>;

/** A read on the ballot path (see Runtime.hotRead). */
export type HotRead = (query: CompiledQuery) => Promise<Record<string, unknown>[]>;

export interface BlobStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  /** Removes a blob for good (personal data past its retention); a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export interface RateLimiter {
  /** Counts one hit; true while the key is within `limit` hits per `windowMs`. */
  hit(key: string, limit: number, windowMs: number): Promise<boolean>;
  /** The hits counted in the key's current window, without counting one. */
  count(key: string, windowMs: number): Promise<number>;
  reset(key: string): Promise<void>;
  /**
   * Where the counts live in the database (D1): a statement that fails the
   * atomic write it is part of (ConstraintViolation 'atomic_assertion') while
   * the key has `limit` hits or more in its window, so a write can check a
   * limit without a read before it. Absent where counting is a memory read.
   */
  assertBelow?(key: string, limit: number, windowMs: number): Compilable;
}

/**
 * Where the server secret lives outside the database (issue 14: the files
 * must never hold the key that opens sealed ballots). Node keeps it in a key
 * file beside the database; Workers have none and take DANBAN_SECRET.
 */
export interface SecretStore {
  /** where it is, for messages */
  where: string;
  load(): Promise<string | null>;
  /** Stores a new secret; when one is already there (another process was first), returns that one. */
  create(secret: string): Promise<string>;
}

export interface Runtime {
  name: 'node' | 'worker' | 'test';
  db: Kysely<Database>;
  atomic: Atomic;
  /**
   * The online ballot's one read. On Node with a writer thread it runs on the
   * writer's connection, whose page cache its own commits never empty;
   * elsewhere it is an ordinary read.
   */
  hotRead?: HotRead;
  blobs: BlobStore;
  passwords: PasswordHasher;
  rateLimiter: RateLimiter;
  clock: () => Date;
  random: (bytes: number) => Uint8Array;
  /** A new opaque id (random in production, sequential in tests). */
  newId: () => string;
  /** the server secret's home when DANBAN_SECRET is not set (Node: a key file) */
  secretStore?: SecretStore;
  /**
   * Folds the write-ahead log into the database file and empties it, so the
   * frames of earlier commits no longer sit in any file (Node, file database;
   * absent where no log is reachable: D1, memory). Gives up quietly when a
   * reader holds the log; the next call tries again.
   */
  compact?: () => Promise<void>;
}

export type ConstraintKind = 'unique' | 'primary_key' | 'check' | 'foreign_key' | 'not_null' | 'rule' | 'other';

export class ConstraintViolation extends Error {
  constructor(readonly kind: ConstraintKind, readonly detail: string) {
    super(`constraint violation (${kind}): ${detail}`);
    this.name = 'ConstraintViolation';
  }
}

/** Maps SQLite's messages (same text on better-sqlite3 and D1) to a ConstraintViolation. */
export function toConstraintViolation(err: unknown): ConstraintViolation | null {
  const message = err instanceof Error ? err.message : String(err);
  // a trigger's RAISE(ABORT, 'DANBAN:…'): a rule of the schema, by name
  const rule = /DANBAN:([a-z_]+)/.exec(message);
  if (rule) return new ConstraintViolation('rule', rule[1]!);
  const m = /(UNIQUE|PRIMARY KEY|CHECK|FOREIGN KEY|NOT NULL) constraint failed:?\s*(.*)/i.exec(message);
  if (!m) return null;
  const kind = ({ UNIQUE: 'unique', 'PRIMARY KEY': 'primary_key', CHECK: 'check', 'FOREIGN KEY': 'foreign_key', 'NOT NULL': 'not_null' } as const)[
    m[1]!.toUpperCase() as 'UNIQUE'
  ] ?? 'other';
  return new ConstraintViolation(kind, m[2] ?? '');
}
