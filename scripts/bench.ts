// npm run bench [section…]: runs the benchmarks and writes each section into
// BENCHMARKS.md between its own markers, with the machine and date, leaving
// the sections not run as they were.
import { cpus, totalmem, platform, release } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { benchBallots } from './bench/ballots';
import { benchPages } from './bench/pages';
import { benchImport } from './bench/import';
import { targetsSection } from './bench/targets';

/** Runs a standalone bench script and returns what it printed. */
function runScript(file: string, nodeArgs: string[] = []): string {
  const r = spawnSync(process.execPath, [...nodeArgs, '--import', 'tsx', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${file} failed:\n${r.stderr}`);
  return r.stdout.trim();
}

/** A script that prints plain lines: shown as they are under a heading. */
const plain = (heading: string, note: string, file: string, nodeArgs: string[] = []) => async () =>
  `### ${heading}\n\n${note}\n\n\`\`\`\n${runScript(file, nodeArgs)}\n\`\`\``;

/** The fault runs (issue 8): what load they held and which faults they survived. */
async function faults(): Promise<string> {
  const r = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.faults.config.ts'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = `${r.stdout}${r.stderr}`;
  const summary = out.split('\n').filter((l) => l.includes('faults:')).map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim());
  const tests = /Tests\s+(.*)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''))?.[1] ?? 'unknown';
  return [
    '### Faults survived (issue 8)',
    '',
    '`npm run test:faults`, a real server process on loopback with synchronous=FULL and the writer thread:',
    '',
    '- **kill and restart**: 16 clients post ballots at full speed while the server is killed with SIGKILL four times and restarted; a request cut by a kill is retried with its Idempotency-Key. Afterwards every ballot that got a 201 is in the database, no serial has two, and the stored tallies equal the acknowledged ones.',
    `  ${summary.join('; ') || '(no summary line)'}`,
    '- **backup under load**: `npm run danban -- backup FILE` while 8 clients post ballots; the copy passes integrity_check, has a ballot for every use and none without, holds every ballot acknowledged before it began, restores with `restore`, serves again, and its audit chain verifies.',
    '',
    `Result: ${r.status === 0 ? 'passed' : 'FAILED'} (${tests}).`,
  ].join('\n');
}

const SECTIONS: [string, () => Promise<string>][] = [
  ['ballots', benchBallots],
  ['print', plain('Printing ballots (issue 4)', 'Targets: ≥ 500 ballots/s on one core, ≤ 4 KB per ballot, memory flat as the batch grows (pages are streamed).', 'scripts/bench-print.ts', ['--expose-gc'])],
  ['tally', plain('Tally engine (issue 5)', 'Target: a campaign of 100,000 online ballots and 100 village tally sheets tallied in under 1 s (pure engine; the end-to-end figure from the database is in the results section).', 'scripts/bench-tally.ts')],
  ['results', async () => runScript('scripts/bench-results.ts')],
  ['pages', benchPages],
  ['import', benchImport],
  ['faults', faults],
];

const machine = () =>
  `_Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus()[0]?.model ?? 'unknown CPU'} ` +
  `(${cpus().length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}._`;

const only = process.argv.slice(2);
const file = 'BENCHMARKS.md';
// The Workers section runs wrangler and workerd and writes its own marked block, first.
if (only.length === 0 || only.includes('worker')) {
  console.log('bench: worker…');
  console.log(runScript('scripts/bench-worker.ts'));
}
let doc = existsSync(file)
  ? readFileSync(file, 'utf8')
  : '# Benchmarks\n\nRegenerate with `npm run bench` (all) or `npm run bench -- <section>`; needs `wrk` (`apt-get install wrk`) and Chromium.\n';
for (const [name, run] of SECTIONS) {
  if (only.length && !only.includes(name)) continue;
  console.log(`bench: ${name}…`);
  const md = `<!-- bench:${name} -->\n${await run()}\n\n${machine()}\n<!-- /bench:${name} -->`;
  console.log(md);
  const re = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  doc = re.test(doc) ? doc.replace(re, md) : `${doc.trimEnd()}\n\n${md}\n`;
  writeFileSync(file, doc);
}

// The targets' table, first in the file, read back from the sections as they now stand.
const summary = `<!-- bench:targets -->\n${targetsSection(doc)}\n<!-- /bench:targets -->`;
const marked = /<!-- bench:targets -->[\s\S]*?<!-- \/bench:targets -->/;
doc = marked.test(doc) ? doc.replace(marked, summary) : doc.replace(/(\n<!-- bench:)/, `\n${summary}\n$1`);
writeFileSync(file, doc);
console.log(summary);
