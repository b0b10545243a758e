import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, readFile, writeFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BlobStore, Runtime } from './types';
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

export interface NodeRuntime extends Runtime {
  database: NodeDatabase;
}

export function createNodeRuntime(opts: { dbPath: string; blobDir?: string; synchronous?: 'FULL' | 'NORMAL'; writerThread?: boolean }): NodeRuntime {
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
  };
}
