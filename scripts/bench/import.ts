// Register import (issue 17): 100,000 households from CSV and from XLSX into
// a real server process (SQLite file, WAL, synchronous=FULL, the writer
// thread), beside the floor of the same run: a bare batched insert of the
// same rows (each household's row and its first version, 200 households per
// transaction, prepared statements) into the same kind of file with the same
// durability. While each import runs, /healthz is asked every 10 ms and the
// server's resident memory is sampled; memory is compared at two file sizes.
// Run alone: npm run bench -- import (BENCH_IMPORT_HOUSEHOLDS=20000 for a quick look).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config';
import { createNodeRuntime } from '../../server/runtime/node';
import { bootstrap } from '../../server/services/bootstrap';
import { householdSearchText } from '../../server/domain/register-row';
import { pooledRandom } from '../../server/runtime/node';
import { randomIds } from '../../server/runtime/ids';
import { XLSX_TYPE } from '../../server/services/spreadsheet/xlsx-write';
import { VILLAGES, WARM_UP, asCsv, asXlsx, register, villageName, type Household } from './register-files';

const HOUSEHOLDS = Number(process.env.BENCH_IMPORT_HOUSEHOLDS ?? 100_000);
const PER_WRITE = 200; // the import writes parts of 200 households
const SECRET = 'bench-secret-'.padEnd(48, 'i');
const PASSWORD = 'bench-admin-password';
/** A fresh, migrated database file with the commune and its villages; returns the commune id. */
async function freshDatabase(dbPath: string): Promise<void> {
  const config = loadConfig({ DANBAN_DB: dbPath, DANBAN_SECRET: SECRET, DANBAN_DEMO: '0', DANBAN_ADMIN_PASSWORD: PASSWORD });
  const runtime = createNodeRuntime({ dbPath, synchronous: 'FULL' });
  await bootstrap(runtime, config);
  await runtime.database.close();
}

/** The floor: the same rows inserted with prepared statements, 200 households per transaction, synchronous=FULL. */
async function floor(dir: string, hs: Household[]): Promise<number> {
  const dbPath = join(dir, 'floor.sqlite');
  await freshDatabase(dbPath);
  const runtime = createNodeRuntime({ dbPath, synchronous: 'FULL' });
  const raw = runtime.database.raw;
  const communeId = (raw.prepare('select id from communes').get() as { id: string }).id;
  const now = new Date().toISOString();
  for (let v = 0; v < VILLAGES; v++) raw.prepare('insert into villages (id, commune_id, code, name, created_at) values (?, ?, ?, ?, ?)').run(`v${v}`, communeId, `T${v}`, villageName(v), now);
  // the rows as the import writes them (random ids as the server makes them), built before the clock starts
  const newId = randomIds(pooledRandom());
  const rows = hs.map((h) => {
    const id = newId();
    const data = { code: h.code, villageId: `v${h.village}`, head: h.head, representative: h.representative, address: h.address, members: h.members, phone: h.phone, note: h.note };
    return {
      household: [id, communeId, `v${h.village}`, h.code, h.head, h.representative, h.address, h.members, h.phone, h.note, householdSearchText(data), 'active', 1, now],
      version: [id, 1, JSON.stringify({ ...data, status: 'active' }), 'Nhập từ tệp sổ hộ', null, now],
    };
  });
  const insH = raw.prepare('insert into households (id, commune_id, village_id, code, head, representative, address, members, phone, note, search_text, status, version, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insV = raw.prepare('insert into household_versions (household_id, version, data, reason, changed_by, changed_at) values (?, ?, ?, ?, ?, ?)');
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += PER_WRITE) {
    raw.exec('BEGIN IMMEDIATE');
    for (const r of rows.slice(i, i + PER_WRITE)) {
      insH.run(...r.household);
      insV.run(...r.version);
    }
    raw.exec('COMMIT');
  }
  const seconds = (performance.now() - t0) / 1000;
  await runtime.database.close();
  return rows.length / seconds;
}

/** CPU seconds a process has used (all its threads), from /proc. */
const cpuSeconds = (pid: number): number => {
  const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};

const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

function startServer(dbPath: string, port: number): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/server.ts', 'app'], {
      env: { ...process.env, DANBAN_DB: dbPath, DANBAN_SECRET: SECRET, DANBAN_ADMIN_PASSWORD: PASSWORD, PORT: String(port), DANBAN_SYNCHRONOUS: 'FULL', DANBAN_WRITER_THREAD: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve({ child, stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }) });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
}

interface Run { households: number; bytes: number; seconds: number; cpuSeconds: number; rate: number; created: number; rssGrowthMb: number; rssBeforeMb: number; healthz: { n: number; p50: number; p99: number; max: number } }

async function importRun(dir: string, name: string, body: Uint8Array, type: string, households: number, port: number): Promise<Run> {
  const dbPath = join(dir, `${name}.sqlite`);
  await freshDatabase(dbPath);
  const { child, stop } = await startServer(dbPath, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    const cookie = /danban_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    if (!cookie) throw new Error(`login: ${login.status}`);
    for (let v = 0; v < VILLAGES; v++) {
      const r = await fetch(`${base}/api/v1/villages`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ code: `T${v}`, name: villageName(v) }) });
      if (r.status !== 201) throw new Error(`village: ${r.status}`);
    }
    // a first, small import warms the server up (JIT); its households are not counted
    const warm = await fetch(`${base}/api/v1/households/import`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: WARM_UP as Uint8Array<ArrayBuffer> });
    if (warm.status !== 200) throw new Error(`warm-up: ${warm.status}`);
    for (let i = 0; i < 50; i++) await (await fetch(`${base}/healthz`)).text(); // warm the probe's connection
    const rssBefore = rssMb(child.pid!);
    let peak = rssBefore;
    let done = false;
    const sampler = setInterval(() => { peak = Math.max(peak, rssMb(child.pid!)); }, 20);
    const latencies: number[] = [];
    const probe = (async () => {
      while (!done) {
        const due = performance.now() + 10;
        await new Promise((r) => setTimeout(r, 10));
        await (await fetch(`${base}/healthz`)).text();
        latencies.push(performance.now() - due);
      }
    })();
    const cpu0 = cpuSeconds(child.pid!);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/households/import`, { method: 'POST', headers: { cookie, 'content-type': type }, body: body as Uint8Array<ArrayBuffer> });
    const report = (await res.json()) as { created?: number; rejected?: number; error?: unknown };
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(child.pid!) - cpu0;
    done = true;
    clearInterval(sampler);
    await probe;
    if (res.status !== 200 || report.created !== households) throw new Error(`${name}: ${res.status} ${JSON.stringify(report).slice(0, 300)}`);
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    return {
      households, bytes: body.length, seconds, cpuSeconds: cpu, rate: households / seconds, created: report.created, rssBeforeMb: rssBefore, rssGrowthMb: peak - rssBefore,
      healthz: { n: latencies.length, p50: q(0.5), p99: q(0.99), max: latencies[latencies.length - 1] ?? NaN },
    };
  } finally {
    await stop();
  }
}

/** The JS heap one import retains at its peak (scripts/bench/import-memory.ts, a process of its own). */
function retainedHeapMb(format: string, households: number): number {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench/import-memory.ts', format, String(households)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`import-memory ${format} ${households}:\n${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split('\n').pop()!) as { retainedMb: number }).retainedMb;
}

export async function benchImport(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'danban-bench-import-'));
  try {
    const all = register(HOUSEHOLDS);
    const half = all.slice(0, HOUSEHOLDS / 2);
    const files = {
      csv: { full: asCsv(all), type: 'text/csv' },
      xlsx: { full: asXlsx(all), type: XLSX_TYPE },
    };
    const floorRate = await floor(dir, all);
    const runs: { format: string; full: Run; heapHalf: number; heapFull: number }[] = [];
    let port = 3960;
    for (const [format, f] of Object.entries(files)) {
      const full = await importRun(dir, `${format}-full`, f.full, f.type, all.length, port++);
      runs.push({ format, full, heapHalf: retainedHeapMb(format, half.length), heapFull: retainedHeapMb(format, all.length) });
    }
    const n = (x: number) => Math.round(x).toLocaleString('en');
    const ms = (x: number) => x.toFixed(1);
    const mb = (x: number) => (x / 1024 / 1024).toFixed(1);
    return [
      '### Register import (issue 17)',
      '',
      `${n(HOUSEHOLDS)} households over ${VILLAGES} villages, as the project's own exports write them (CSV: UTF-8 with BOM; XLSX: a sheet per village, inline strings), `,
      'posted to `POST /api/v1/households/import` of a server process (SQLite file, WAL, synchronous=FULL, the writer thread) after a warm-up import of 2,000 other households. ',
      `The floor is a bare batched insert of the same rows (each household's row and its first version, ${PER_WRITE} households per transaction, prepared statements) `,
      'into the same kind of file with the same durability, in the same run. During each import `/healthz` is asked every 10 ms (latency counted from when the request was due) ',
      "and the server's resident memory sampled every 20 ms (growth: the peak during the import over the memory just before it: the upload, SQLite's page cache filling, garbage not yet collected). ",
      `The JS heap an import retains is measured apart (scripts/bench/import-memory.ts: the same import in process, the live heap after a full collection every 50 ms) at ${n(half.length)} and ${n(all.length)} households.`,
      '',
      '| file | size | households/s | ratio to floor | /healthz p50 / p99 / max ms (n) | server memory growth | heap retained at half / whole file |',
      '|---|---|---|---|---|---|---|',
      ...runs.map((r) =>
        `| ${r.format.toUpperCase()} | ${mb(r.full.bytes)} MB | ${n(r.full.rate)} (${r.full.seconds.toFixed(1)} s, server CPU ${r.full.cpuSeconds.toFixed(1)} s) | **${(r.full.rate / floorRate).toFixed(2)}** | ${ms(r.full.healthz.p50)} / ${ms(r.full.healthz.p99)} / ${ms(r.full.healthz.max)} (${r.full.healthz.n}) | ${r.full.rssGrowthMb.toFixed(0)} MB | ${r.heapHalf.toFixed(1)} / ${r.heapFull.toFixed(1)} MB |`),
      `| floor: bare batched insert | – | ${n(floorRate)} | 1 | – | – | – |`,
      '',
      'Server CPU is what the server process used during the import, both threads: far below twice the wall time means the machine kept it waiting (other load, or the disk).',
      '',
      'Targets: households/s at least 0.5 of the floor; /healthz p99 under 50 ms during the import; memory flat as the file grows (the heap retained for the whole file about that for half of it: the rows are streamed, only the codes seen are kept).',
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
