// Issue 17 inside workerd: on Cloudflare every D1 call is a network hop to
// the database's location, so an online ballot should cost one. D1 calls are
// counted on the binding itself (each statement's all/first/run/raw, each
// batch and exec: one round trip each) while the Worker's fetch handler, run
// in this isolate, answers ballots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { clientFor, registerCsv } from '../support/contract-cases';

let trips = 0;
const restore: (() => void)[] = [];

/** Counts every call of `names` on `proto` (the binding's own classes, so D1's internals see real objects). */
function count(proto: Record<string, unknown>, names: string[]) {
  for (const name of names) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      trips++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    restore.push(() => {
      proto[name] = original;
    });
  }
}

const db = env.DB as unknown as { prepare(q: string): object };
beforeAll(() => {
  count(Object.getPrototypeOf(db) as Record<string, unknown>, ['batch', 'exec']);
  count(Object.getPrototypeOf(db.prepare('select 1')) as Record<string, unknown>, ['all', 'first', 'run', 'raw']);
});
afterAll(() => {
  for (const r of restore) r();
});

// the Worker's own fetch handler (wrangler.toml's main), in this isolate with the binding counted above
const worker = exports.default;

/** The D1 round trips one request made. */
async function tripsOf(request: () => Promise<Response>) {
  const before = trips;
  const response = await request();
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, trips: trips - before };
}

function ballot(serial: string, decision: string, headers: Record<string, string> = {}) {
  return () => worker.fetch(`http://danban.test/api/v1/ballots/${serial}`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.7', ...headers },
    body: JSON.stringify({ answers: { decision } }),
  });
}

describe('online ballots on Workers + D1', () => {
  it('take one D1 round trip each once their campaign is held, and answer replays, used and unknown serials as before', async () => {
    const c = clientFor((url, init) => worker.fetch(url, init), 'w-trips');
    const staff = await c.user('staff', 'canbo');
    const name = 'Thôn Đếm';
    const v = await c.call('POST', '/api/v1/villages', { cookie: staff, body: { code: 'DEM', name } });
    const rows: [string, string][] = Array.from({ length: 12 }, (_, i) => [String(i + 1).padStart(4, '0'), `Trần Văn ${i + 1}`]);
    expect((await c.call('POST', '/api/v1/households/import', { cookie: staff, body: registerCsv('DM', name, rows), type: 'text/csv' })).json)
      .toMatchObject({ created: 12 });
    const created = await c.call('POST', '/api/v1/campaigns', {
      cookie: staff,
      body: {
        title: 'Đếm lượt', kind: 'decision', category: 'k6', villageIds: [v.json.id], channels: ['online', 'paper'],
        template: 'household-decision', onlineApproval: { note: 'Biên bản họp thôn' },
      },
    });
    const id = created.json.id as string;
    await c.call('POST', `/api/v1/campaigns/${id}/serials`, { cookie: staff });
    expect((await c.call('POST', `/api/v1/campaigns/${id}/open`, { cookie: staff })).status).toBe(200);
    const serials = (await c.call('GET', `/api/v1/campaigns/${id}/serials`, { cookie: staff })).json as { serial: string }[];

    // the campaign's first ballot in this isolate is read the long way, and makes it held
    const first = await tripsOf(ballot(serials[0]!.serial, 'approve'));
    expect(first.status).toBe(201);
    expect(first.trips).toBeGreaterThan(1);

    const counted: number[] = [];
    for (const s of serials.slice(1, 9)) {
      const r = await tripsOf(ballot(s.serial, 'approve'));
      expect(r.status).toBe(201);
      counted.push(r.trips);
    }
    expect(counted).toEqual(counted.map(() => 1));

    // a retry with its key: the first receipt again; anything else on a used serial: 409
    const key = { 'idempotency-key': 'dien-thoai-1' };
    const kept = await tripsOf(ballot(serials[9]!.serial, 'reject', key));
    expect(kept).toMatchObject({ status: 201, trips: 1 });
    const retry = await tripsOf(ballot(serials[9]!.serial, 'reject', key));
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual({ receipt: kept.json.receipt, replay: true });
    const used = await tripsOf(ballot(serials[9]!.serial, 'approve'));
    expect(used.status).toBe(409);
    expect(used.json.error.code).toBe('ALREADY_USED');
    const unknown = await tripsOf(ballot('ZZZZZZZZZZZ', 'approve'));
    expect(unknown.status).toBe(404);

    // a client over the serial-guess limit gets 429 before its serial is used, even for its own retry
    const guesser = { 'cf-connecting-ip': '203.0.113.66' };
    for (let i = 0; i < 30; i++) expect((await tripsOf(ballot(`ZZZZZZZ${String(i).padStart(4, '0')}`, 'approve', guesser))).status).toBe(404);
    expect((await tripsOf(ballot(serials[9]!.serial, 'reject', { ...key, ...guesser }))).status).toBe(429);
    expect((await tripsOf(ballot(serials[10]!.serial, 'reject', guesser))).status).toBe(429);

    const stored = await c.call('GET', `/api/v1/campaigns/${id}/results`, { cookie: staff });
    expect(stored.json.villages[0].questions.decision.counts).toMatchObject({ approve: 9, reject: 1 });
  });
});
