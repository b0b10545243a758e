import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createD1Runtime, type WorkerBindings } from '../../server/runtime/d1';
import { d1RateLimiter } from '../../server/runtime/d1-rate-limiter';
import { ConstraintViolation } from '../../server/runtime/types';

// The runtime seam on D1 itself: what the app relies on from atomic() and the
// rate limiter, checked against local D1 inside workerd.
const bindings = env as unknown as WorkerBindings;

describe('atomic() on D1', () => {
  it('writes every statement of a batch or none: a duplicate key in the last one leaves the first unwritten', async () => {
    const rt = createD1Runtime(bindings);
    const setting = (key: string) => rt.db.insertInto('app_settings').values({ key, value: 'v' });
    await rt.atomic([setting('atomic-a')]);
    const err = await rt.atomic([setting('atomic-b'), setting('atomic-a')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConstraintViolation);
    expect((err as ConstraintViolation).kind).toBe('unique');
    const keys = await rt.db.selectFrom('app_settings').select('key').where('key', 'like', 'atomic-%').execute();
    expect(keys.map((k) => k.key)).toEqual(['atomic-a']);
  });

  it('reports a schema trigger’s DANBAN: rule by name, as on Node', async () => {
    const rt = createD1Runtime(bindings);
    const now = '2026-11-26T02:00:00.000Z';
    await rt.atomic([
      rt.db.insertInto('communes').values({ id: 'c-trg', name: 'Xã Thử', slug: 'xa-thu-trigger', created_at: now }),
      rt.db.insertInto('campaigns').values({
        id: 'k-trg', commune_id: 'c-trg', slug: 'k-trg', title: 'Thử', description: '', kind: 'consultation', category: null, scope: 'village',
        secret: 0, status: 'draft', channels: '["online"]', advisory_online: 0, survey: '{}', seats: null, online_approval: null,
        opens_at: null, closes_at: null, opened_at: null, closed_at: null, published_at: null, created_by: null, created_at: now, updated_at: now,
      }),
    ]);
    const err = await rt
      .atomic([rt.db.insertInto('ballots').values({ id: 'b-trg', campaign_id: 'k-trg', village_id: null, channel: 'anonymous', binding: 1, answers: '{}', serial_hash: null, submitted_at: null })])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConstraintViolation);
    expect(err).toMatchObject({ kind: 'rule', detail: 'campaign_not_open' });
  });

  it('returns RETURNING rows and counts changes per statement', async () => {
    const rt = createD1Runtime(bindings);
    const [inserted, updated] = await rt.atomic([
      rt.db.insertInto('app_settings').values({ key: 'ret-a', value: '1' }).returning('key'),
      rt.db.updateTable('app_settings').set({ value: '2' }).where('key', 'like', 'ret-%'),
    ]);
    expect(inserted).toEqual({ rows: [{ key: 'ret-a' }], changes: 1 });
    expect(updated!.changes).toBe(1);
  });
});

describe('rate limits on D1', () => {
  it('counts one window across two Worker instances and opens a new one when it ends', async () => {
    let now = Date.parse('2026-11-26T02:00:00Z');
    const clock = () => new Date(now);
    const rt = createD1Runtime(bindings);
    // two isolates: separate limiter objects, one table
    const first = d1RateLimiter(rt.db, clock);
    const second = d1RateLimiter(rt.db, clock);
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await first.hit('login:user:shared', 4, 60_000), await second.hit('login:user:shared', 4, 60_000));
    expect(hits).toEqual([true, true, true, true, false, false]);
    now += 60_000;
    expect(await second.hit('login:user:shared', 4, 60_000)).toBe(true);
    await first.reset('login:user:shared');
    const left = await rt.db.selectFrom('rate_limits').selectAll().where('key', '=', 'login:user:shared').execute();
    expect(left).toEqual([]);
  });

  it('tells the count of the current window without counting (the serial-guess check before a lookup)', async () => {
    let now = Date.parse('2026-11-26T02:00:00Z');
    const clock = () => new Date(now);
    const limiter = d1RateLimiter(createD1Runtime(bindings).db, clock);
    expect(await limiter.count('serial-guess:peek', 60_000)).toBe(0);
    await limiter.hit('serial-guess:peek', 30, 60_000);
    await limiter.hit('serial-guess:peek', 30, 60_000);
    expect(await limiter.count('serial-guess:peek', 60_000)).toBe(2);
    expect(await limiter.count('serial-guess:peek', 60_000)).toBe(2);
    now += 60_000;
    expect(await limiter.count('serial-guess:peek', 60_000)).toBe(0);
  });
});
