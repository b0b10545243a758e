// Issue 8: ballots submitted at full speed while the server process is killed
// with SIGKILL and restarted, several times. Afterwards every ballot that got
// a 201 is in the database, no serial has two ballots, retries with the same
// Idempotency-Key were recognised, and the tallies equal the acknowledged
// ballots. Loopback only; bounded in count and time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { seedBallotFile } from '../support/seed-file';
import { serverProcess, castUnderKills, type ServerProcess } from '../support/server-process';
import { serialHash } from '../../server/services/serial-codes';

const SECRET = 'fault-secret-'.padEnd(48, 'f');
const BALLOTS = Number(process.env.FAULT_BALLOTS ?? 10_000);
const KILLS = 4;
const CONCURRENCY = 16;
const PORT = 3950 + (process.pid % 40);

let dir: string;
let dbPath: string;
let serials: string[];
let server: ServerProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'danban-faults-'));
  dbPath = join(dir, 'danban.sqlite');
  serials = (await seedBallotFile(dbPath, SECRET, BALLOTS)).serials;
  server = serverProcess({ DANBAN_DB: dbPath, DANBAN_SECRET: SECRET, DANBAN_SYNCHRONOUS: 'FULL' }, PORT);
  await server.start();
}, 120_000);

afterAll(async () => {
  await server.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('ballots under SIGKILL and restart', () => {
  it('loses no acknowledged ballot, doubles none, and tallies what was acknowledged', async () => {
    const { acknowledged, cut: connectionErrors, replays, kills } = await castUnderKills(server, serials, { concurrency: CONCURRENCY, kills: KILLS, pauseMs: 400 });

    expect(kills).toBe(KILLS);
    expect(connectionErrors).toBeGreaterThan(0); // the kills did land while requests were in flight
    expect(acknowledged.size).toBe(serials.length);

    const db = new BetterSqlite3(dbPath, { readonly: true });
    const uses = new Set((db.prepare('select serial_hash from serial_uses').all() as { serial_hash: string }[]).map((r) => r.serial_hash));
    const ballots = db.prepare('select serial_hash, answers from ballots').all() as { serial_hash: string; answers: string }[];
    db.close();

    for (const serial of acknowledged.keys()) expect(uses.has(await serialHash(SECRET, serial))).toBe(true);
    expect(ballots).toHaveLength(acknowledged.size);
    expect(new Set(ballots.map((b) => b.serial_hash)).size).toBe(ballots.length);
    const stored = { approve: 0, reject: 0 };
    for (const b of ballots) stored[JSON.parse(b.answers).decision as 'approve' | 'reject']++;
    const acked = { approve: 0, reject: 0 };
    for (const a of acknowledged.values()) acked[a.decision as 'approve' | 'reject']++;
    expect(stored).toEqual(acked);
    console.log(`faults: ${serials.length} ballots, ${kills} SIGKILLs, ${connectionErrors} requests cut, ${replays} retries answered from the stored ballot`);
  }, 240_000);
});
