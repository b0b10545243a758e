// npm run bench:worker: the Worker's bundle size and the time of a ballot
// submission inside workerd, as a BENCHMARKS.md section (written between its
// own markers, as scripts/bench.ts does for the other sections).
//  - bundle: `wrangler deploy --dry-run --outdir dist/worker`, the upload
//    size wrangler reports (script + the two font files) and its gzip;
//  - ballot: test/worker/ballot-timing.ts run by the workers vitest config,
//    which times submissions through the Worker's handler against local D1
//    next to a floor of bare D1 round trips of the same shape.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';

const RUNS = 5;

function run(cmd: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

const built = run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist/worker']);
const total = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(built);
if (!total) throw new Error(`no size in wrangler's output:\n${built}`);
const files = readdirSync('dist/worker').filter((f) => f.endsWith('.js') || f.endsWith('.ttf'));
const kib = (n: number) => (n / 1024).toFixed(0);
const fileRows = files.map((f) => {
  const bytes = readFileSync(join('dist/worker', f));
  return `| ${f.replace(/^[0-9a-f]{40}-/, '')} | ${kib(bytes.length)} KiB | ${kib(gzipSync(bytes, { level: 9 }).length)} KiB |`;
});

interface Timing { ballots: number; perBallotMs: number; healthzMs: number; d1FloorMs: number }
const timings: Timing[] = [];
for (let i = 0; i < RUNS; i++) {
  const out = run('npx', ['vitest', 'run', '--config', 'vitest.workers.config.ts'], { DANBAN_WORKER_BENCH: '1' });
  const line = /BENCH (\{.*\})/.exec(out);
  if (!line) throw new Error(`no BENCH line:\n${out}`);
  timings.push(JSON.parse(line[1]!) as Timing);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => x.toFixed(2);
const per = median(timings.map((t) => t.perBallotMs));
const floor = median(timings.map((t) => t.d1FloorMs));
// per run, so a run slowed by a busy machine slows both sides of its difference
const own = median(timings.map((t) => Math.max(0, t.perBallotMs - t.d1FloorMs)));

const section = `### Cloudflare Workers: bundle and ballot time in workerd (issue 6)

Bundle from \`wrangler deploy --dry-run\` (wrangler 4.86.0, minified, pdfkit's browser build, Be Vietnam Pro as Data modules): **${total[1]} KiB, gzip ${total[2]} KiB** as wrangler uploads it; target under 1 MB gzip (free plan limit 3 MB, paid 10 MB).

| file | size | gzip -9 |
|---|---|---|
${fileRows.join('\n')}

Ballot submission inside workerd (local, \`@cloudflare/vitest-pool-workers\`, local D1), ${timings[0]!.ballots} ballots in a row through the Worker's fetch handler (server/entry-worker.ts called in the test's isolate, no service-binding hop) after 20 warm-up ballots, median of ${RUNS} runs:

| | per request |
|---|---|
| \`POST /api/v1/ballots/:serial\` → 201 (whole request, with its D1 round trips) | ${ms(per)} ms |
| floor: one D1 batch (a read, two inserts), no app code: the one round trip a ballot of a held campaign makes | ${ms(floor)} ms |
| the Worker's own work per ballot (difference: parse, validate, HMAC, build the batch) | **≈ ${ms(own)} ms CPU** |
| \`GET /healthz\` (routing and middleware only) | ${ms(median(timings.map((t) => t.healthzMs)))} ms |

Runs (ballot / floor): ${timings.map((t) => `${ms(t.perBallotMs)} / ${ms(t.d1FloorMs)}`).join(', ')} ms. Workers bill CPU time, not the wait on D1: a ballot stays well inside the free plan's 10 ms CPU per request. Local D1 runs in the same process, so on Cloudflare the wall time is longer (a network hop to the database's location) but the CPU time is not.`;

const machine = `_Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}._`;
const md = `<!-- bench:worker -->\n${section}\n\n${machine}\n<!-- /bench:worker -->`;
console.log(md);
const file = 'BENCHMARKS.md';
let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const re = /<!-- bench:worker -->[\s\S]*?<!-- \/bench:worker -->/;
doc = re.test(doc) ? doc.replace(re, md) : `${doc.trimEnd()}\n\n${md}\n`;
writeFileSync(file, doc);
