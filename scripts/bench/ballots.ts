// Online ballots per second at 64 concurrent connections, with the bare
// floor of the same machine measured in the same run (issue 3).
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
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

/** How many times the comparison runs in a row (issue 17: the ratio must hold in two runs in a row). */
const RUNS = Number(process.env.BENCH_BALLOT_RUNS ?? 2);
const TARGET_RATIO = 0.5;
const TARGET_P99_RATIO = 2;

interface Run { app: WrkResult; floor: WrkResult; check: string }

/** One comparison: the app on a fresh copy of the seeded file, then the floor on a fresh file of its own. */
async function compare(dir: string, seeded: string, warmFile: string, serialsFile: string, n: number): Promise<Run> {
  const appDb = join(dir, `app-${n}.sqlite`);
  copyFileSync(seeded, appDb);
  const stopApp = await startServer('app', appDb, 3901);
  wrk(3901, warmFile, 2);
  // the warm-up's last requests (one per connection) finish before the count
  await new Promise((r) => setTimeout(r, 1000));
  const warmed = storedBallots(appDb);
  const app = wrk(3901, serialsFile);
  await stopApp();
  const check = checkStored(storedBallots(appDb) - warmed, app.created);

  const floorDb = join(dir, `floor-${n}.sqlite`);
  const stopFloor = await startServer('floor', floorDb, 3902);
  wrk(3902, warmFile, 2);
  const floor = wrk(3902, serialsFile);
  await stopFloor();
  for (const f of [appDb, floorDb]) for (const x of ['', '-wal', '-shm']) rmSync(f + x, { force: true });
  return { app, floor, check };
}

const ratio = (r: Run) => r.app.created / r.floor.created;
const p99Ratio = (r: Run) => r.app.p99ms / r.floor.p99ms;

export async function benchBallots(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'danban-bench-'));
  try {
    const seededDb = join(dir, 'seeded.sqlite');
    const serialsFile = join(dir, 'serials.txt');
    const warmFile = join(dir, 'warm.txt');
    const seeded = await seed(seededDb);
    writeFileSync(serialsFile, seeded.measured);
    writeFileSync(warmFile, seeded.warm);
    const runs: Run[] = [];
    for (let n = 1; n <= RUNS; n++) runs.push(await compare(dir, seededDb, warmFile, serialsFile, n));

    const row = (run: number, name: string, r: WrkResult, extra: string) =>
      `| ${run} | ${name} | ${Math.round(r.created)} | ${(r.created / SECONDS).toFixed(0)} | ${r.p50ms.toFixed(2)} | ${r.p99ms.toFixed(2)} | ${r.conflicts} | ${r.others} | ${extra} |`;
    const met = (r: Run) => ratio(r) >= TARGET_RATIO && p99Ratio(r) <= TARGET_P99_RATIO && !r.check.startsWith('FAILED') && r.app.others === 0;
    const inARow = runs.some((r, i) => i > 0 && met(r) && met(runs[i - 1]!));
    return [
      `### Online ballots (issues 3 and 17)`,
      '',
      `${CONNECTIONS} connections, ${SECONDS} s after a 2 s warm-up on other serials, wrk with ${THREADS} thread(s) on the same machine, one pre-issued serial per request, `,
      `SQLite WAL with synchronous=FULL and group commit (a 201 is sent only after its commit is on disk): Dân Bàn commits on its writer thread, `,
      `the floor is a bare Hono route inserting one row into the same kind of file, with the same durability, on one thread; `,
      `the same ${CONNECTIONS} wrk connections and the same serials for both. The comparison runs ${RUNS} times in a row, each on fresh copies of the files.`,
      '',
      '| run | server | 201 answers | accepted/s | p50 ms | p99 ms | 409 | other | check |',
      '|---|---|---|---|---|---|---|---|---|',
      ...runs.flatMap((r, i) => [
        row(i + 1, 'Dân Bàn `POST /api/v1/ballots/:serial`', r.app, r.check),
        row(i + 1, 'floor: bare Hono insert, same durability', r.floor, ''),
      ]),
      '',
      '| run | ballots/s ÷ floor (target ≥ 0.5) | p99 ÷ floor p99 (target ≤ 2) | every 201 stored |',
      '|---|---|---|---|',
      ...runs.map((r, i) => `| ${i + 1} | **${ratio(r).toFixed(2)}** | **${p99Ratio(r).toFixed(2)}** | ${r.check.startsWith('FAILED') ? 'no' : 'yes'} |`),
      '',
      `Targets (issue 17): at least ${TARGET_RATIO} of the floor with p99 at most ${TARGET_P99_RATIO}× the floor's, in two runs in a row: ${inARow ? '**met**' : '**not met**'}.`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
