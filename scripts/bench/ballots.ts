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
const THREADS = 2;
const SECRET = 'bench-secret-'.padEnd(48, 'b');

async function seed(dbPath: string): Promise<string> {
  return (await seedBallotFile(dbPath, SECRET, HOUSEHOLDS)).serials.join('\n');
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

interface WrkResult { rps: number; created: number; conflicts: number; others: number; p50ms: number; p99ms: number }

function wrk(port: number, serialsFile: string): WrkResult {
  const out = execFileSync('wrk', [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', '-s', 'scripts/bench/ballots.lua', `http://127.0.0.1:${port}`], {
    env: { ...process.env, SERIALS: serialsFile, THREADS: String(THREADS) }, encoding: 'utf8',
  });
  const m = /RESULT created=(\d+) conflicts=(\d+) others=(\d+) p50=(\d+) p99=(\d+)/.exec(out);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  if (!m || !rps) throw new Error(`cannot read wrk output:\n${out}`);
  return { rps: Number(rps[1]), created: +m[1]!, conflicts: +m[2]!, others: +m[3]!, p50ms: +m[4]! / 1000, p99ms: +m[5]! / 1000 };
}

export async function benchBallots(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'danban-bench-'));
  try {
    const appDb = join(dir, 'app.sqlite');
    const serialsFile = join(dir, 'serials.txt');
    writeFileSync(serialsFile, await seed(appDb));
    const stopApp = await startServer('app', appDb, 3901);
    const app = wrk(3901, serialsFile);
    await stopApp();
    const stored = (new BetterSqlite3(appDb, { readonly: true }).prepare('select count(*) n from ballots').get() as { n: number }).n;

    const floorDb = join(dir, 'floor.sqlite');
    const stopFloor = await startServer('floor', floorDb, 3902);
    const floor = wrk(3902, serialsFile);
    await stopFloor();

    const row = (name: string, r: WrkResult, extra: string) =>
      `| ${name} | ${Math.round(r.created)} | ${(r.created / SECONDS).toFixed(0)} | ${r.p50ms.toFixed(2)} | ${r.p99ms.toFixed(2)} | ${r.conflicts} | ${r.others} | ${extra} |`;
    return [
      `### Online ballots (issue 3)`,
      '',
      `${CONNECTIONS} connections, ${SECONDS} s, wrk with ${THREADS} threads on the same machine, one pre-issued serial per request, `,
      `SQLite WAL with synchronous=FULL and group commit (a 201 is sent only after its commit is on disk).`,
      '',
      '| server | 201 answers | accepted/s | p50 ms | p99 ms | 409 | other | check |',
      '|---|---|---|---|---|---|---|---|',
      row('Dân Bàn `POST /api/v1/ballots/:serial`', app, `stored ballots ${stored} ${stored === app.created ? '= 201 answers' : `≠ 201 answers (${app.created})`}`),
      row('floor: bare Hono insert, same durability', floor, ''),
      '',
      `Targets: ≥ 5,000 accepted/s, p99 < 20 ms, stored = 201 answers.`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
