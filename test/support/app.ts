import { fileURLToPath } from 'node:url';
import { openNodeDatabase, migrateNode } from '../../server/runtime/sqlite-node';
import { pbkdf2Hasher } from '../../server/runtime/passwords';
import { memoryRateLimiter } from '../../server/runtime/memory-rate-limiter';
import { memoryBlobStore } from '../../server/runtime/node';
import { sequentialIds } from '../../server/runtime/ids';
import type { Runtime } from '../../server/runtime/types';
import { loadConfig, type Config } from '../../server/config';
import { bootstrap } from '../../server/services/bootstrap';
import { createApp } from '../../server/app';
import type { AppDeps } from '../../server/services/deps';
import { insertCommune, listCommunes } from '../../db/repositories/communes';
import { insertUser } from '../../db/repositories/users';
import { loadPrintFonts } from '../../server/runtime/fonts-node';
import type { Role } from '../../server/domain/actor';

/** A deterministic byte source (xorshift32), so serials and tokens repeat run to run. */
export function seededRandom(seed = 42): (n: number) => Uint8Array {
  let x = seed >>> 0 || 1;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x ^= x << 13; x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5; x >>>= 0;
      out[i] = x & 0xff;
    }
    return out;
  };
}

export interface TestClock {
  now: Date;
  set(iso: string): void;
  advance(ms: number): void;
}

/** test/fixtures/ (see its README), as a path ending in a slash. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface TestEnv {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  clock: TestClock;
  communeId: string;
  otherCommuneId: string;
  close(): Promise<void>;
}

/**
 * A fresh app on an in-memory SQLite with two communes (the second one for
 * cross-commune checks), a fixed clock at 2026-11-26 09:00 Vietnam time and
 * sequential ids. `env` overrides settings as the environment would.
 */
export async function makeTestApp(env: Record<string, string> = {}): Promise<TestEnv> {
  const database = openNodeDatabase(':memory:');
  migrateNode(database.raw, database.db);
  const clock: TestClock = {
    now: new Date('2026-11-26T02:00:00.000Z'),
    set(iso) { this.now = new Date(iso); },
    advance(ms) { this.now = new Date(this.now.getTime() + ms); },
  };
  const random = seededRandom();
  const runtime: Runtime = {
    name: 'test',
    db: database.db,
    atomic: database.atomic,
    blobs: memoryBlobStore(),
    passwords: pbkdf2Hasher(random, 1000),
    rateLimiter: memoryRateLimiter(() => clock.now),
    clock: () => clock.now,
    random,
    newId: sequentialIds(),
  };
  const config: Config = loadConfig({ DANBAN_DB: ':memory:', DANBAN_SECRET: 'test-secret-'.padEnd(40, 'x'), DANBAN_FIXTURES: FIXTURES, ...env });
  const { deps: booted } = await bootstrap(runtime, config);
  // as entry-node.ts does: printing reads the embedded font files
  const deps = { ...booted, fonts: loadPrintFonts };
  const communeId = (await listCommunes(database.db))[0]!.id;
  const otherCommuneId = 'commune-other';
  await database.atomic([insertCommune(database.db, { id: otherCommuneId, name: 'Xã Khác', slug: 'xa-khac', createdAt: clock.now.toISOString() })]);
  return {
    app: createApp(deps), deps, clock, communeId, otherCommuneId,
    // the ballot mixer may still be re-sealing in the background
    close: async () => {
      await deps.mixer.idle();
      await database.close();
    },
  };
}

/** Adds a user directly (tests of other features need accounts without going through the API). */
export async function addUser(
  t: TestEnv,
  u: { username: string; password?: string; role: Role; communeId?: string | null; villageId?: string | null; displayName?: string },
): Promise<string> {
  const id = t.deps.newId();
  await t.deps.atomic([
    insertUser(t.deps.db, {
      id, communeId: u.communeId === undefined ? t.communeId : u.communeId, username: u.username, displayName: u.displayName ?? u.username,
      role: u.role, villageId: u.villageId ?? null, disabled: false, createdAt: t.clock.now.toISOString(),
      passwordHash: await t.deps.passwords.hash(u.password ?? 'password123'),
    }),
  ]);
  return id;
}

/** Signs in through the API and returns the Cookie header value. */
export async function login(t: TestEnv, username: string, password = 'password123'): Promise<string> {
  const res = await t.app.request('/api/v1/auth/login', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}

/** A JSON request with an optional session cookie. */
export async function api(t: TestEnv, method: string, path: string, opts: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    if (typeof opts.body === 'string' || opts.body instanceof Uint8Array || opts.body instanceof FormData) body = opts.body as BodyInit;
    else {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
  }
  const res = await t.app.request(path, { method, headers, body });
  const text = await res.text();
  let json: any = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, text, headers: res.headers };
}
