import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BlobStore, Runtime, SecretStore } from './types';
import { openNodeDatabase, migrateNode, type NodeDatabase } from './sqlite-node';
import { pbkdf2Hasher } from './passwords';
import { memoryRateLimiter } from './memory-rate-limiter';
import { randomIds } from './ids';

/** Files on disk under one folder; keys are content hashes or ids, never user text. */
export function fileBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => {
    if (!/^[a-z0-9/_-]+$/i.test(key) || key.includes('..')) throw new Error('bad blob key');
    return join(root, key);
  };
  return {
    async put(key, bytes, contentType) {
      const file = pathOf(key);
      await mkdir(dirname(file), { recursive: true });
      // write then rename: a reader never sees half a file
      await writeFile(file + '.tmp', bytes);
      await rename(file + '.tmp', file);
      await writeFile(file + '.type', contentType);
    },
    async get(key) {
      try {
        const file = pathOf(key);
        const [bytes, type] = await Promise.all([readFile(file), readFile(file + '.type', 'utf8')]);
        return { bytes: new Uint8Array(bytes), contentType: type };
      } catch {
        return null;
      }
    },
    async delete(key) {
      const file = pathOf(key);
      await Promise.all([rm(file, { force: true }), rm(file + '.type', { force: true })]);
    },
  };
}

export function memoryBlobStore(): BlobStore {
  const m = new Map<string, { bytes: Uint8Array; contentType: string }>();
  return {
    async put(key, bytes, contentType) {
      m.set(key, { bytes, contentType });
    },
    async get(key) {
      return m.get(key) ?? null;
    },
    async delete(key) {
      m.delete(key);
    },
  };
}

/** Random bytes served from a 4 KiB pool: one system call per few hundred ids, not one per id. */
export function pooledRandom(): (n: number) => Uint8Array {
  let pool = randomBytes(4096);
  let at = 0;
  return (n) => {
    if (n > 1024) return new Uint8Array(randomBytes(n));
    if (at + n > pool.length) {
      pool = randomBytes(4096);
      at = 0;
    }
    const out = new Uint8Array(pool.subarray(at, at + n));
    at += n;
    return out;
  };
}

/**
 * The server secret in a file of its own beside the database (mode 0600,
 * created on first start), never in the database: a copy of the database, its
 * log or a backup then holds nothing that opens a sealed ballot
 * (docs/threat-model.md). Keep the file out of the backups, or store it apart.
 */
export function keyFileStore(path: string): SecretStore {
  const load = async (): Promise<string | null> => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8').trim();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    // readable by the server's own user only
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    return text || null;
  };
  return {
    where: path,
    load,
    async create(secret) {
      mkdirSync(dirname(path), { recursive: true });
      try {
        // 'wx': never overwrite a key another process has just written
        writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
        return secret;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const existing = await load();
        if (!existing) throw new Error(`${path} is empty`);
        return existing;
      }
    },
  };
}

/** For an in-memory database: the secret lives as long as the process, like the data. */
export function memorySecretStore(): SecretStore {
  let secret: string | null = null;
  return {
    where: 'memory',
    load: async () => secret,
    create: async (s) => (secret ??= s),
  };
}

export interface NodeRuntime extends Runtime {
  database: NodeDatabase;
}

export function createNodeRuntime(opts: {
  dbPath: string; blobDir?: string; synchronous?: 'FULL' | 'NORMAL'; writerThread?: boolean;
  /** the key file (default: danban.key beside the database) */
  keyFile?: string;
}): NodeRuntime {
  if (opts.dbPath !== ':memory:') mkdirSync(dirname(opts.dbPath), { recursive: true });
  const database = openNodeDatabase(opts.dbPath, { synchronous: opts.synchronous, writerThread: opts.writerThread });
  migrateNode(database.raw, database.db);
  const random = pooledRandom();
  const clock = () => new Date();
  return {
    name: 'node',
    database,
    db: database.db,
    atomic: database.atomic,
    hotRead: database.hotRead,
    blobs: opts.blobDir ? fileBlobStore(opts.blobDir) : memoryBlobStore(),
    passwords: pbkdf2Hasher(random),
    rateLimiter: memoryRateLimiter(clock),
    clock,
    random,
    newId: randomIds(random),
    secretStore: opts.dbPath === ':memory:' ? memorySecretStore() : keyFileStore(opts.keyFile || join(dirname(opts.dbPath), 'danban.key')),
    compact: opts.dbPath === ':memory:' ? undefined : () => database.checkpoint(),
  };
}
