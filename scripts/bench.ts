// npm run bench [section…]: runs the benchmarks and writes each section into
// BENCHMARKS.md between its own markers, with the machine and date, leaving
// the sections not run as they were.
import { cpus, totalmem, platform, release } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { benchBallots } from './bench/ballots';
import { benchPages } from './bench/pages';

/** A standalone bench script that prints its own markdown section. */
const script = (file: string, ...args: string[]) => async () => {
  const r = spawnSync(process.execPath, [...args, '--import', 'tsx', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${file} failed:\n${r.stderr}`);
  return r.stdout.trim();
};

const SECTIONS: [string, () => Promise<string>][] = [
  ['ballots', benchBallots],
  ['pages', benchPages],
];

const machine = () =>
  `_Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus()[0]?.model ?? 'unknown CPU'} ` +
  `(${cpus().length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}._`;

const only = process.argv.slice(2);
const file = 'BENCHMARKS.md';
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
export { script };
