import BetterSqlite3 from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { Kysely, SqliteDialect, type Compilable } from 'kysely';
import type { Database } from '../../db/schema';
import { migrations } from '../../db/migrations';
import { toConstraintViolation, type Atomic, type HotRead, type StatementResult } from './types';

export interface NodeDatabase {
  db: Kysely<Database>;
  atomic: Atomic;
  /** the ballot path's one read, on the writer's warm connection when there is one */
  hotRead: HotRead;
  raw: BetterSqlite3.Database;
  /** Commits whatever is pending; resolves when it is on disk. */
  flush(): Promise<void>;
  /** Commits what is pending, then folds the WAL into the database file and truncates it (see Runtime.compact). */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the SQLite file with group commit.
 *
 * better-sqlite3 is synchronous: one fsync per request would stall every
 * other request behind it. Instead each atomic write runs in a SAVEPOINT of a
 * transaction that stays open for one turn of the event loop; a single COMMIT
 * (WAL, synchronous=FULL: one fsync) then makes the whole group durable, and
 * only then are the callers answered. A constraint violation rolls back its
 * own savepoint only. A crash before the COMMIT loses only writes that were
 * never acknowledged.
 *
 * Reads run on the same connection and may see writes of the open group
 * before they are durable; they are never acknowledged to their writers
 * before the commit, and a crash takes them back for everyone.
 */
export function openNodeDatabase(path: string, options: { synchronous?: 'FULL' | 'NORMAL'; writerThread?: boolean } = {}): NodeDatabase {
  const raw = new BetterSqlite3(path);
  if (path !== ':memory:') raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // A deleted row is overwritten with zeros, in the page and in the frame the
  // WAL gets: a sealed ballot moved by the mixer leaves nothing behind
  // (docs/threat-model.md). Costs a little on deletes only.
  raw.pragma('secure_delete = ON');

  raw.pragma('cache_size = -65536'); // 64 MiB of page cache: the hot indexes stay in memory

  const statementCache = new Map<string, BetterSqlite3.Statement>();
  function prepare(sqlText: string): BetterSqlite3.Statement {
    let stmt = statementCache.get(sqlText);
    if (!stmt) {
      stmt = raw.prepare(sqlText);
      if (statementCache.size > 1000) statementCache.clear();
      statementCache.set(sqlText, stmt);
    }
    return stmt;
  }

  // Kysely's driver prepares every query anew; the same handful of query
  // shapes run on every request, so hand it a database that reuses them.
  const cachingDatabase = {
    prepare: (sqlText: string) => prepare(sqlText),
    close: () => raw.close(),
  } as unknown as BetterSqlite3.Database;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingDatabase }) });

  let open = false;
  let waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;

  function commitGroup(): void {
    scheduled = false;
    const group = waiters;
    waiters = [];
    if (!open) {
      for (const w of group) w.resolve();
      return;
    }
    try {
      raw.exec('COMMIT');
      open = false;
      for (const w of group) w.resolve();
    } catch (err) {
      open = false;
      try {
        raw.exec('ROLLBACK');
      } catch {
        /* already rolled back by SQLite */
      }
      for (const w of group) w.reject(err);
    }
  }

  function awaitCommit(): Promise<void> {
    return new Promise((resolve, reject) => {
      waiters.push({ resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(commitGroup);
      }
    });
  }

  // Prepared once: exec() would parse these on every write.
  const savepoint = raw.prepare('SAVEPOINT atomic_write');
  const release = raw.prepare('RELEASE atomic_write');
  const rollbackTo = raw.prepare('ROLLBACK TO atomic_write');
  const begin = raw.prepare('BEGIN IMMEDIATE');

  const atomic: Atomic = async (statements: Compilable[]) => {
    const compiled = statements.map((s) => s.compile());
    if (!open) {
      begin.run();
      open = true;
    }
    savepoint.run();
    const results: StatementResult[] = [];
    try {
      for (const q of compiled) {
        const stmt = prepare(q.sql);
        const params = q.parameters.map(bindable);
        if (stmt.reader) {
          const rows = stmt.all(...params) as Record<string, unknown>[];
          results.push({ rows, changes: rows.length });
        } else {
          const info = stmt.run(...params);
          results.push({ rows: [], changes: info.changes });
        }
      }
      release.run();
    } catch (err) {
      rollbackTo.run();
      release.run();
      // Even a refused write waits for the group: its caller may have seen
      // nothing yet, but the answer order stays that of the commits.
      await awaitCommit();
      throw toConstraintViolation(err) ?? err;
    }
    await awaitCommit();
    return results;
  };

  if (options.writerThread && path !== ':memory:') {
    const writer = startWriterThread(path, options.synchronous ?? 'FULL');
    return {
      db,
      atomic: writer.atomic,
      hotRead: writer.hotRead,
      raw,
      flush: async () => undefined,
      checkpoint: writer.checkpoint,
      async close() {
        await writer.close();
        await db.destroy();
      },
    };
  }

  return {
    db,
    atomic,
    hotRead: async (q) => (await db.executeQuery(q)).rows as Record<string, unknown>[],
    raw,
    flush: () => awaitCommit(),
    async checkpoint() {
      if (path === ':memory:') return;
      if (open) commitGroup();
      truncateWal(raw);
    },
    async close() {
      if (open) commitGroup();
      await db.destroy();
    },
  };
}

/**
 * Writes on a thread of their own (sqlite-writer.mjs): the same savepoints
 * and group commit, while this thread goes on with HTTP and reads on its own
 * connection (WAL: a read sees every commit made before it began). A write is
 * answered only after its group is on disk, refusals included, so whatever
 * beat it is already visible to the reads that follow.
 */
function startWriterThread(path: string, synchronous: 'FULL' | 'NORMAL') {
  const worker = new Worker(new URL('./sqlite-writer.mjs', import.meta.url), { workerData: { path, synchronous } });
  const waiting = new Map<number, { resolve: (r: any) => void; reject: (e: unknown) => void }>();
  let next = 0;
  worker.on('message', (replies: { id: number; results?: StatementResult[]; rows?: Record<string, unknown>[]; error?: string }[]) => {
    for (const reply of replies) {
      const w = waiting.get(reply.id);
      if (!w) continue;
      waiting.delete(reply.id);
      if (reply.error !== undefined) {
        const err = new Error(reply.error);
        w.reject(toConstraintViolation(err) ?? err);
      } else w.resolve(reply.results ?? reply.rows);
    }
  });
  worker.on('error', (err) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  });
  const atomic: Atomic = (statements) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, statements: statements.map((s) => { const c = s.compile(); return [c.sql, c.parameters.map(bindable)]; }) });
    });
  const hotRead: HotRead = (q) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, read: [q.sql, q.parameters.map(bindable)] });
    });
  const checkpoint = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve: () => resolve(), reject });
      worker.postMessage({ id, checkpoint: true });
    });
  return {
    atomic,
    hotRead,
    checkpoint,
    close: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage({ close: true });
      }),
  };
}

/**
 * PRAGMA wal_checkpoint(TRUNCATE), waiting at most a moment for readers (a
 * backup's long read would otherwise hold up every write behind it); when it
 * cannot finish, the log stays as it is until the next try.
 */
function truncateWal(raw: BetterSqlite3.Database): void {
  raw.pragma('busy_timeout = 100');
  try {
    raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    raw.pragma('busy_timeout = 5000');
  }
}

function bindable(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** Applies the migrations that have not run yet, each in its own transaction. */
export function migrateNode(raw: BetterSqlite3.Database, db: Kysely<any>): string[] {
  raw.exec('create table if not exists schema_migrations (name text primary key, applied_at text not null)');
  const done = new Set((raw.prepare('select name from schema_migrations').all() as { name: string }[]).map((r) => r.name));
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.name)) continue;
    const run = raw.transaction(() => {
      for (const q of m.up(db)) {
        const c = q.compile();
        raw.prepare(c.sql).run(...c.parameters.map(bindable));
      }
      raw.prepare('insert into schema_migrations (name, applied_at) values (?, ?)').run(m.name, new Date().toISOString());
    });
    run();
    applied.push(m.name);
  }
  return applied;
}
