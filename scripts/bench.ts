// npm run bench: runs the benchmarks and writes BENCHMARKS.md with the machine and date.
import { cpus, totalmem, platform, release } from 'node:os';
import { writeFileSync } from 'node:fs';
import { benchBallots } from './bench/ballots';

const only = process.argv.slice(2);
const sections: [string, () => Promise<string>][] = [['ballots', benchBallots]];

const out: string[] = [
  '# Benchmarks',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus()[0]?.model ?? 'unknown CPU'} ` +
    `(${cpus().length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}. ` +
    'Regenerate with `npm run bench` (needs `wrk`: `apt-get install wrk`).',
  '',
];
for (const [name, run] of sections) {
  if (only.length && !only.includes(name)) continue;
  console.log(`bench: ${name}…`);
  const md = await run();
  console.log(md);
  out.push(md, '');
}
writeFileSync('BENCHMARKS.md', out.join('\n'));
