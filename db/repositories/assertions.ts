import { sql, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../schema';
import { ConstraintViolation } from '../../server/runtime/types';

/**
 * A statement for an atomic write that fails it (ConstraintViolation kind
 * 'check', detail 'atomic_assertion') when the statement just before it
 * changed no row. Placed after an UPDATE guarded by a WHERE (a state, a
 * second person), it undoes the whole write, audit entry included, when that
 * update matched nothing: a lost race or a wrong state leaves no trace.
 * SQLite's changes() counts the previous statement's rows; a D1 batch runs
 * its statements in order on one connection, as better-sqlite3 does.
 */
export function expectChanged(db: Kysely<Database>, name: string): Compilable {
  return { compile: () => sql`insert into atomic_assertions (name) select ${name} where changes() = 0`.compile(db) };
}

export function isFailedAssertion(err: unknown): boolean {
  return err instanceof ConstraintViolation && err.detail.includes('atomic_assertion');
}
