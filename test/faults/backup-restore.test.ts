// Issue 8: `npm run danban -- backup FILE` takes a consistent online copy
// while the server is taking ballots; `restore` brings it back. The copy is
// checked against what was acknowledged before it started, and the restored
// database serves again with every one of those ballots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { seedBallotFile } from '../support/seed-file';
import { serverProcess, postBallot, type ServerProcess } from '../support/server-process';
import { serialHash } from '../../server/services/serial-codes';

const SECRET = 'backup-secret-'.padEnd(48, 'k');
const BALLOTS = 2000;
const PORT = 3910 + (process.pid % 40);

let dir: string;
let dbPath: string;
let serials: string[];
let server: ServerProcess;

/** Runs the CLI as a person would, without blocking the ballots this process keeps sending. */
function cli(args: string[], db: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      env: { ...process.env, DANBAN_DB: db, DANBAN_SECRET: SECRET },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'danban-backup-'));
  dbPath = join(dir, 'danban.sqlite');
  serials = (await seedBallotFile(dbPath, SECRET, BALLOTS)).serials;
  server = serverProcess({ DANBAN_DB: dbPath, DANBAN_SECRET: SECRET }, PORT);
  await server.start();
}, 120_000);

afterAll(async () => {
  await server.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore of a busy database', () => {
  it('copies everything acknowledged before the backup, consistently, and restores it', async () => {
    const acknowledged: string[] = [];
    let next = 0;
    let stop = false;
    const clients = Array.from({ length: 8 }, async () => {
      while (!stop && next < serials.length) {
        const s = serials[next++]!;
        const r = await postBallot(server.base, s, 'approve');
        expect(r?.status).toBe(201);
        acknowledged.push(s);
      }
    });
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 20));
    const before = [...acknowledged];
    const backupFile = join(dir, 'backup.sqlite');
    const backup = await cli(['backup', backupFile], dbPath);
    const during = acknowledged.length - before.length;
    stop = true;
    await Promise.all(clients);
    expect(backup.code, backup.out).toBe(0);
    expect(during).toBeGreaterThan(0); // ballots kept arriving while the copy was taken

    const copy = new BetterSqlite3(backupFile, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const uses = new Set((copy.prepare('select serial_hash from serial_uses').all() as { serial_hash: string }[]).map((r) => r.serial_hash));
    const ballots = copy.prepare('select count(*) n from ballots').get() as { n: number };
    copy.close();
    // consistent: every use has its ballot and no ballot lacks its use
    expect(ballots.n).toBe(uses.size);
    for (const s of before) expect(uses.has(await serialHash(SECRET, s))).toBe(true);

    // restore into a fresh place and serve from it
    await server.kill();
    const restoredPath = join(dir, 'restored.sqlite');
    const restore = await cli(['restore', backupFile], restoredPath);
    expect(restore.code, restore.out).toBe(0);
    const again = serverProcess({ DANBAN_DB: restoredPath, DANBAN_SECRET: SECRET }, PORT + 1);
    await again.start();
    try {
      // a household whose ballot is in the copy cannot vote a second time
      const r = await postBallot(again.base, before[0]!, 'reject');
      expect([201, 409]).toContain(r?.status);
      if (r?.status === 201) expect(r.body.replay).toBe(true);
      const audit = await fetch(`${again.base}/healthz`);
      expect(audit.ok).toBe(true);
    } finally {
      await again.kill();
    }
    const verify = await cli(['verify-audit'], restoredPath);
    expect(verify.code, verify.out).toBe(0);
  }, 180_000);
});
