// Issue 14 §1: the server secret (which derives the key that seals secret
// ballots) is never in the database files. On Node it lives in a key file
// beside the database, readable by its owner only; a database from before
// keeps working, its stored secret moved out and wiped; a backup never holds
// it; and a server never silently starts with a new secret for a database
// whose serials and sealed ballots need the old one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createNodeRuntime } from '../../server/runtime/node';
import { openNodeDatabase, migrateNode } from '../../server/runtime/sqlite-node';
import { memoryRateLimiter } from '../../server/runtime/memory-rate-limiter';
import { pbkdf2Hasher } from '../../server/runtime/passwords';
import { memoryBlobStore } from '../../server/runtime/node';
import { sequentialIds } from '../../server/runtime/ids';
import { loadConfig } from '../../server/config';
import { bootstrap } from '../../server/services/bootstrap';
import { backupDatabase } from '../../server/cli-commands';
import { seededRandom } from '../support/app';
import { occurrences } from '../support/sqlite-files';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'danban-secret-'));
  dbPath = join(dir, 'danban.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const LEGACY = 'cu-khoa-bi-mat-sinh-tu-dong-'.padEnd(64, 'q');

/** How many times `text` appears in the database, its WAL and its shared memory file. */
function inFiles(path: string, text: string): number {
  let n = 0;
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) n += occurrences(new Uint8Array(readFileSync(f)), new TextEncoder().encode(text));
  return n;
}

/** Starts the server code on the file as `npm start` does (no DANBAN_SECRET), returns its secret. */
async function start(env: Record<string, string> = {}): Promise<string> {
  const config = loadConfig({ DANBAN_DB: dbPath, ...env });
  const runtime = createNodeRuntime({ dbPath, keyFile: config.keyFile });
  try {
    const { deps } = await bootstrap(runtime, config);
    await deps.mixer.idle();
    return deps.secret;
  } finally {
    await runtime.database.close();
  }
}

/** A database as versions before issue 14 left it: migrated, its generated secret in app_settings. */
function legacyDatabase(): void {
  const raw = new BetterSqlite3(dbPath);
  raw.pragma('journal_mode = WAL');
  const db = openNodeDatabase(dbPath);
  migrateNode(db.raw, db.db);
  db.raw.prepare("insert into app_settings (key, value) values ('secret', ?)").run(LEGACY);
  db.raw.close();
  raw.close();
}

describe('the server secret', () => {
  it('is made on first start into danban.key beside the database, mode 0600, and is in no database file', async () => {
    const secret = await start();
    const keyFile = join(dir, 'danban.key');
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(secret);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(inFiles(dbPath, secret)).toBe(0);
    // the next start reads the same key
    expect(await start()).toBe(secret);
  });

  it('of a database from before is moved to the key file and wiped from the database and its log', async () => {
    legacyDatabase();
    expect(inFiles(dbPath, LEGACY)).toBeGreaterThan(0);
    expect(await start()).toBe(LEGACY);
    expect(readFileSync(join(dir, 'danban.key'), 'utf8').trim()).toBe(LEGACY);
    const raw = new BetterSqlite3(dbPath, { readonly: true });
    expect(raw.prepare("select * from app_settings where key = 'secret'").all()).toEqual([]);
    raw.close();
    expect(inFiles(dbPath, LEGACY)).toBe(0);
  });

  it('refuses to start when the key file and the secret stored in a database from before differ', async () => {
    legacyDatabase();
    writeFileSync(join(dir, 'danban.key'), 'mot-khoa-khac-hoan-toan-'.padEnd(64, 'z'), { mode: 0o600 });
    await expect(start()).rejects.toThrow(/differs from the secret stored in this database/);
  });

  it('is never made anew for a database whose serials need the old one: the missing key file is named', async () => {
    await start();
    const raw = new BetterSqlite3(dbPath);
    const now = new Date().toISOString();
    raw.exec(`insert into communes (id, name, slug, created_at) values ('c-x', 'Xã X', 'xa-x', '${now}');
      insert into villages (id, commune_id, code, name, created_at) values ('v-x', 'c-x', 'X', 'Thôn X', '${now}');
      insert into households (id, commune_id, village_id, code, updated_at) values ('h-x', 'c-x', 'v-x', 'X-1', '${now}');
      insert into campaigns (id, commune_id, slug, title, kind, channels, survey, created_at, updated_at) values ('k-x', 'c-x', 'k-x', 'Đợt', 'decision', '[]', '{}', '${now}', '${now}');
      insert into serials (serial_hash, campaign_id, household_id, village_id) values ('ab', 'k-x', 'h-x', 'v-x');`);
    raw.close();
    unlinkSync(join(dir, 'danban.key'));
    await expect(start()).rejects.toThrow(/danban\.key/);
    // DANBAN_SECRET is the other way to give it back
    expect(await start({ DANBAN_SECRET: 'khoa-dat-qua-bien-moi-truong-'.padEnd(40, 'e') })).toMatch(/^khoa-dat/);
  });

  it('must be given as DANBAN_SECRET where there is no key file (Workers)', async () => {
    const database = openNodeDatabase(':memory:');
    migrateNode(database.raw, database.db);
    const random = seededRandom();
    const runtime = {
      name: 'worker' as const, db: database.db, atomic: database.atomic, blobs: memoryBlobStore(), passwords: pbkdf2Hasher(random, 1000),
      rateLimiter: memoryRateLimiter(() => new Date()), clock: () => new Date(), random, newId: sequentialIds(),
    };
    await expect(bootstrap(runtime, loadConfig({ DANBAN_DB: ':memory:' }))).rejects.toThrow(/DANBAN_SECRET/);
    await database.close();
  });

  it('is left out of a backup, even of a database whose server has not started since it held the secret', async () => {
    legacyDatabase();
    const out: string[] = [];
    const file = join(dir, 'backup.sqlite');
    await backupDatabase(loadConfig({ DANBAN_DB: dbPath }), file, { force: false }, { out: (l) => out.push(l), err: () => undefined });
    expect(inFiles(file, LEGACY)).toBe(0);
    expect(existsSync(`${file}-journal`)).toBe(false);
    expect(out.join('\n')).toMatch(/danban\.key/);
  });
});
