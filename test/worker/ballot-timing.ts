// Benchmark, not a test (run by `npm run bench:worker`, never by npm test):
// times ballot submissions through the Worker's fetch handler inside workerd
// against local D1. Inside workerd the clock moves only across I/O, and each
// submission waits on D1, so the timings are of whole requests; a floor of
// bare D1 round trips of the same shape is timed in the same run so the
// Worker's own work per ballot can be told apart from the database's.
import { it } from 'vitest';
import { env } from 'cloudflare:workers';
import { clientFor, registerCsv } from '../support/contract-cases';
import entry, { type WorkerEnv } from '../../server/entry-worker';

const HOUSEHOLDS = 300;
// The handler called in this isolate, as workerd calls it for a request:
// no service-binding hop between the timer and the code being timed.
const worker = { fetch: (url: string, init?: RequestInit) => entry.fetch(new Request(url, init), env as unknown as WorkerEnv) };

it('times ballot submissions inside workerd', async () => {
  const c = clientFor((url, init) => worker.fetch(url, init), 'bench');
  const staff = await c.user('staff', 'canbo');
  const name = 'Thôn Bench';
  const v = await c.call('POST', '/api/v1/villages', { cookie: staff, body: { code: 'BENCH', name } });
  const rows: [string, string][] = Array.from({ length: HOUSEHOLDS }, (_, i) => [String(i + 1).padStart(4, '0'), `Nguyễn Văn Hộ ${i + 1}`]);
  const imported = await c.call('POST', '/api/v1/households/import', { cookie: staff, body: registerCsv('BN', name, rows), type: 'text/csv' });
  if (imported.json?.created !== HOUSEHOLDS) throw new Error(`import: ${imported.text}`);
  const campaign = await c.call('POST', '/api/v1/campaigns', {
    cookie: staff,
    body: { title: 'Bench', kind: 'decision', category: 'k6', villageIds: [v.json.id], channels: ['online'], template: 'household-decision' },
  });
  const id = campaign.json.id;
  await c.call('POST', `/api/v1/campaigns/${id}/serials`, { cookie: staff });
  await c.call('POST', `/api/v1/campaigns/${id}/open`, { cookie: staff });
  const serials = (await c.call('GET', `/api/v1/campaigns/${id}/serials`, { cookie: staff })).json as { serial: string }[];

  // warm-up: compiled validator, prepared paths, JIT
  const warm = 20;
  for (const s of serials.slice(0, warm)) await worker.fetch(`http://danban.test/api/v1/ballots/${s.serial}`, ballot('approve', s.serial));
  const timed = serials.slice(warm);
  const t0 = performance.now();
  for (const [i, s] of timed.entries()) {
    const r = await worker.fetch(`http://danban.test/api/v1/ballots/${s.serial}`, ballot(i % 3 ? 'approve' : 'reject', s.serial));
    if (r.status !== 201) throw new Error(`ballot ${r.status} ${await r.text()}`);
  }
  const perBallot = (performance.now() - t0) / timed.length;

  // The same handler answering /healthz: the cost of a request with no work in it.
  const h0 = performance.now();
  for (let i = 0; i < timed.length; i++) await worker.fetch('http://danban.test/healthz');
  const health = (performance.now() - h0) / timed.length;

  // Floor: the D1 round trip a submission makes once its campaign is held
  // (one batch: a check, then two inserts), with no app code around it.
  const db = env.DB as { prepare(q: string): { bind(...v: unknown[]): any; all(): Promise<unknown> }; batch(s: unknown[]): Promise<unknown> };
  await db.prepare('create table if not exists bench_floor (k text primary key, v text)').all();
  const f0 = performance.now();
  for (let i = 0; i < timed.length; i++) {
    await db.batch([
      db.prepare('select serial_hash from serials where serial_hash = ?').bind(`x${i}`),
      db.prepare('insert into bench_floor (k, v) values (?, ?)').bind(`a${i}`, 'x'),
      db.prepare('insert into bench_floor (k, v) values (?, ?)').bind(`b${i}`, 'x'),
    ]);
  }
  const floor = (performance.now() - f0) / timed.length;
  console.log(`BENCH ${JSON.stringify({ ballots: timed.length, perBallotMs: perBallot, healthzMs: health, d1FloorMs: floor })}`);
});

function ballot(decision: string, serial: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${serial.charCodeAt(0) % 200}` },
    body: JSON.stringify({ answers: { decision } }),
  };
}
