// The SQLite writer thread (Node only). It owns the one write connection:
// each message is an atomic write (statements with their parameters), run
// in a SAVEPOINT of a transaction that stays open while messages keep
// arriving; when the queue is empty the transaction commits (WAL,
// synchronous=FULL: one fsync for the group) and only then are the writes
// answered. The main thread keeps answering HTTP and reading on its own
// connection meanwhile, so the two cores share the work.
//
// Plain JavaScript: a worker thread has no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${workerData.synchronous}`);
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
// deleted rows are overwritten with zeros (see sqlite-node.ts)
db.pragma('secure_delete = ON');
db.pragma('cache_size = -65536');

const statements = new Map();
function prepare(sql) {
  let stmt = statements.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (statements.size > 1000) statements.clear();
    statements.set(sql, stmt);
  }
  return stmt;
}

const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');
const savepoint = db.prepare('SAVEPOINT atomic_write');
const release = db.prepare('RELEASE atomic_write');
const rollbackTo = db.prepare('ROLLBACK TO atomic_write');

let open = false;
let replies = [];
let scheduled = false;

parentPort.on('message', (message) => {
  if (message.close) {
    flush();
    db.close();
    parentPort.close();
    return;
  }
  if (message.checkpoint) {
    // Commit the open group first (its writers are answered), then fold the
    // WAL into the database and truncate it, waiting for readers only a moment.
    flush();
    db.pragma('busy_timeout = 100');
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      parentPort.postMessage([{ id: message.id, rows: [] }]);
    } catch (err) {
      parentPort.postMessage([{ id: message.id, error: String(err && err.message ? err.message : err) }]);
    } finally {
      db.pragma('busy_timeout = 5000');
    }
    return;
  }
  if (message.read) {
    // A hot-path read, answered at once from this connection's warm cache
    // (it may see writes of the group not yet committed, as a read on the
    // one connection did; the database's constraints still decide).
    try {
      const [sql, params] = message.read;
      parentPort.postMessage([{ id: message.id, rows: prepare(sql).all(...params) }]);
    } catch (err) {
      parentPort.postMessage([{ id: message.id, error: String(err && err.message ? err.message : err) }]);
    }
    return;
  }
  if (!open) {
    begin.run();
    open = true;
  }
  savepoint.run();
  try {
    const results = message.statements.map(([sql, params]) => {
      const stmt = prepare(sql);
      if (stmt.reader) {
        const rows = stmt.all(...params);
        return { rows, changes: rows.length };
      }
      return { rows: [], changes: stmt.run(...params).changes };
    });
    release.run();
    replies.push({ id: message.id, results });
  } catch (err) {
    rollbackTo.run();
    release.run();
    replies.push({ id: message.id, error: String(err && err.message ? err.message : err) });
  }
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});

function flush() {
  scheduled = false;
  const group = replies;
  replies = [];
  if (open) {
    try {
      commit.run();
    } catch (err) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // SQLite rolled back already
      }
      open = false;
      parentPort.postMessage(group.map((r) => ({ id: r.id, error: `commit failed: ${err.message}`, commitFailed: true })));
      return;
    }
    open = false;
  }
  if (group.length) parentPort.postMessage(group);
}
