// The issue's targets in one table, read back from the sections of
// BENCHMARKS.md as they were last measured: each figure with its own run's
// date and machine, so a figure never looks newer than it is.

/** A section's text between its markers, or null when it was never run. */
function section(doc: string, name: string): string | null {
  return new RegExp(`<!-- bench:${name} -->([\\s\\S]*?)<!-- /bench:${name} -->`).exec(doc)?.[1] ?? null;
}

const measured = (text: string) => /_Measured (.*?) UTC on (.*?)\._/.exec(text);

interface Target { what: string; target: string; section: string; read: (text: string) => string | null }

const TARGETS: Target[] = [
  {
    what: 'online ballots ÷ floor, p99 ÷ floor p99 (each run)', target: '≥ 0.5 and ≤ 2, two runs in a row', section: 'ballots',
    read: (t) => {
      const runs = [...t.matchAll(/\| (\d+) \| \*\*([\d.]+)\*\* \| \*\*([\d.]+)\*\* \| (yes|no) \|/g)];
      const verdict = /two runs in a row: \*\*(met|not met)\*\*/.exec(t)?.[1];
      return runs.length ? `${runs.map((m) => `run ${m[1]}: ${m[2]}, p99 ${m[3]}`).join('; ')} (${verdict ?? '?'})` : null;
    },
  },
  {
    what: 'register import households/s ÷ floor', target: '≥ 0.5', section: 'import',
    read: (t) => [...t.matchAll(/\| (CSV|XLSX) \|[^|]*\|[^|]*\| \*\*([\d.]+)\*\* \|/g)].map((m) => `${m[1]} ${m[2]}`).join(', ') || null,
  },
  {
    what: '`/healthz` p99 during an import', target: '< 50 ms', section: 'import',
    read: (t) => [...t.matchAll(/\| (CSV|XLSX) \|[^|]*\|[^|]*\|[^|]*\| [\d.]+ \/ ([\d.]+) \//g)].map((m) => `${m[1]} ${m[2]} ms`).join(', ') || null,
  },
  {
    what: 'printing ballots (village of 412, A5)', target: '≥ 500 ballots/s, ≤ 4 KB each', section: 'print',
    read: (t) => {
      const m = /village of 412 households, A5: .*?= (\d+) ballots\/s wall.*?; ([\d.]+) KB\/ballot/.exec(t);
      return m ? `${m[1]} ballots/s, ${m[2]} KB` : null;
    },
  },
  {
    what: 'tally of 100,000 ballots', target: '< 1 s', section: 'tally',
    read: (t) => /100,000 online answers.*?median ([\d.]+) ms/.exec(t)?.[1]?.concat(' ms (engine)') ?? null,
  },
  {
    what: 'tally of 100,000 ballots from the database', target: '< 1 s', section: 'results',
    read: (t) => /compute-results end to end[^|]*\| median (\d+) ms/.exec(t)?.[1]?.concat(' ms') ?? null,
  },
  {
    what: 'results page `GET /r/<slug>`', target: '≥ 5,000 req/s', section: 'results',
    read: (t) => /GET \/r\/[^|]*\| (\d+) req\/s/.exec(t)?.[1]?.concat(' req/s') ?? null,
  },
  {
    what: 'page weight: ballot, results', target: '≤ 30 KB, ≤ 120 KB', section: 'pages',
    read: (t) => {
      const b = /ballot `\/b\/<serial>` \| \d+ \| ([\d.]+ KB)/.exec(t)?.[1];
      const r = /results `\/r\/<slug>`[^|]*\| \d+ \| ([\d.]+ KB)/.exec(t)?.[1];
      return b && r ? `${b}, ${r}` : null;
    },
  },
];

/** The targets table, from the document as it stands. */
export function targetsSection(doc: string): string {
  const rows = TARGETS.map((t) => {
    const text = section(doc, t.section);
    const value = text ? t.read(text) : null;
    const when = text ? measured(text) : null;
    return `| ${t.what} | ${t.target} | ${value ?? 'not measured'} | ${when ? `\`${t.section}\` section, ${when[1]} UTC, ${when[2]}` : '–'} |`;
  });
  return [
    '### Targets of issue 17 at a glance',
    '',
    'Read back from the sections below each time `npm run bench` writes this file; each figure names the run it comes from.',
    '',
    '| measure | target | measured | run |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}
