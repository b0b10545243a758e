// Online ballots per second at 64 concurrent connections, with the bare
// floor of the same machine measured in the same run (issue 3).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { seedBallotFile } from '../../test/support/seed-file';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 150_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const THREADS = Number(process.env.BENCH_WRK_THREADS ?? 1);
const WARMUP = 8000;
const SECRET = 'bench-secret-'.padEnd(48, 'b');

/** Seeds the campaign; the first WARMUP serials warm the server up (JIT), the rest are measured. */
async function seed(dbPath: string): Promise<{ warm: string; measured: string }> {
  const { serials } = await seedBallotFile(dbPath, SECRET, HOUSEHOLDS);
  return { warm: serials.slice(0, WARMUP).join('\n'), measured: serials.slice(WARMUP).join('\n') };
}

function startServer(mode: 'app' | 'floor', dbPath: string, port: number): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/server.ts', mode], {
      env: { ...process.env, DANBAN_DB: dbPath, DANBAN_SECRET: SECRET, PORT: String(port), DANBAN_SYNCHRONOUS: 'FULL' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        resolve(() => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }));
      }
    });
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
}

/** Ballots stored so far (read from the file while the server runs: WAL lets a reader in). */
function storedBallots(db: string): number {
  const conn = new BetterSqlite3(db, { readonly: true });
  try {
    return (conn.prepare('select count(*) n from ballots').get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

interface WrkResult { rps: number; created: number; conflicts: number; others: number; p50ms: number; p99ms: number }

function wrk(port: number, serialsFile: string, seconds = SECONDS): WrkResult {
  const out = execFileSync('wrk', [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-s', 'scripts/bench/ballots.lua', `http://127.0.0.1:${port}`], {
    env: { ...process.env, SERIALS: serialsFile, THREADS: String(THREADS) }, encoding: 'utf8',
  });
  const m = /RESULT created=(\d+) conflicts=(\d+) others=(\d+) p50=(\d+) p99=(\d+)/.exec(out);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  if (!m || !rps) throw new Error(`cannot read wrk output:\n${out}`);
  return { rps: Number(rps[1]), created: +m[1]!, conflicts: +m[2]!, others: +m[3]!, p50ms: +m[4]! / 1000, p99ms: +m[5]! / 1000 };
}

/**
 * wrk stops by closing its connections, so a request sent in the last moment
 * is stored but its 201 never read: at most one per connection. Anything else
 * (a 201 without its ballot, more stored than sent) is a failure.
 */
function checkStored(stored: number, acknowledged: number): string {
  const inFlight = stored - acknowledged;
  if (inFlight === 0) return `stored ballots ${stored} = 201 answers`;
  if (inFlight > 0 && inFlight <= CONNECTIONS) return `stored ${stored} = ${acknowledged} answered 201 + ${inFlight} in flight when wrk closed its connections (≤ 1 per connection)`;
  return `FAILED: stored ${stored}, 201 answers ${acknowledged}`;
}

export async function benchBallots(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'danban-bench-'));
  try {
    const appDb = join(dir, 'app.sqlite');
    const serialsFile = join(dir, 'serials.txt');
    const warmFile = join(dir, 'warm.txt');
    const seeded = await seed(appDb);
    writeFileSync(serialsFile, seeded.measured);
    writeFileSync(warmFile, seeded.warm);
    const stopApp = await startServer('app', appDb, 3901);
    wrk(3901, warmFile, 2);
    // the warm-up's last requests (one per connection) finish before the count
    await new Promise((r) => setTimeout(r, 1000));
    const warmed = storedBallots(appDb);
    const app = wrk(3901, serialsFile);
    await stopApp();
    const stored = storedBallots(appDb) - warmed;

    const floorDb = join(dir, 'floor.sqlite');
    const stopFloor = await startServer('floor', floorDb, 3902);
    wrk(3902, warmFile, 2);
    const floor = wrk(3902, serialsFile);
    await stopFloor();

    const row = (name: string, r: WrkResult, extra: string) =>
      `| ${name} | ${Math.round(r.created)} | ${(r.created / SECONDS).toFixed(0)} | ${r.p50ms.toFixed(2)} | ${r.p99ms.toFixed(2)} | ${r.conflicts} | ${r.others} | ${extra} |`;
    return [
      `### Online ballots (issue 3)`,
      '',
      `${CONNECTIONS} connections, ${SECONDS} s after a 2 s warm-up on other serials, wrk with ${THREADS} thread(s) on the same machine, one pre-issued serial per request, `,
      `SQLite WAL with synchronous=FULL and group commit on a writer thread (a 201 is sent only after its commit is on disk); `,
      `the floor is a bare Hono route inserting one row into the same kind of file, with the same durability, on one thread.`,
      '',
      '| server | 201 answers | accepted/s | p50 ms | p99 ms | 409 | other | check |',
      '|---|---|---|---|---|---|---|---|',
      row('Dân Bàn `POST /api/v1/ballots/:serial`', app, checkStored(stored, app.created)),
      row('floor: bare Hono insert, same durability', floor, ''),
      '',
      `Targets: ≥ 5,000 accepted/s, p99 < 20 ms, stored = 201 answers.`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
