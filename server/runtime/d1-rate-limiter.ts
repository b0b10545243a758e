import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { RateLimiter } from './types';

// Rows older than this are swept now and then; every window the app uses is shorter.
const KEEP_MS = 24 * 3_600_000;
const SWEEP_EVERY_HITS = 500;

/**
 * Fixed-window counters in the rate_limits table, so every Worker instance
 * (isolates come and go, many run at once) counts against the same window.
 * One statement per hit: the upsert starts a new window or adds one, and
 * RETURNING gives the count SQLite computed, so two instances never read the
 * same count and both let the request through (no read-then-write).
 */
export function d1RateLimiter(db: Kysely<Database>, clock: () => Date): RateLimiter {
  let hits = 0;
  return {
    async hit(key, limit, windowMs) {
      const now = clock().getTime();
      // In an upsert every SET expression sees the row as it was, so both
      // columns test the same old window_start.
      const expired = sql<boolean>`excluded.window_start - rate_limits.window_start >= ${windowMs}`;
      const row = await db
        .insertInto('rate_limits')
        .values({ key, window_start: now, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when ${expired} then 1 else rate_limits.count + 1 end`,
            window_start: sql<number>`case when ${expired} then excluded.window_start else rate_limits.window_start end`,
          }),
        )
        .returning('count')
        .executeTakeFirstOrThrow();
      if (++hits % SWEEP_EVERY_HITS === 0) {
        await db.deleteFrom('rate_limits').where('window_start', '<', now - KEEP_MS).execute();
      }
      return row.count <= limit;
    },
    async count(key, windowMs) {
      const row = await db.selectFrom('rate_limits').select(['count', 'window_start']).where('key', '=', key).executeTakeFirst();
      return row && clock().getTime() - row.window_start < windowMs ? row.count : 0;
    },
    async reset(key) {
      await db.deleteFrom('rate_limits').where('key', '=', key).execute();
    },
    // the count() above, as a condition inside a batch
    assertBelow: (key, limit, windowMs) => ({
      compile: () => sql`insert into atomic_assertions (name) select 'rate_limit' where (
          select count from rate_limits where key = ${key} and ${clock().getTime()} - window_start < ${windowMs}) >= ${limit}`.compile(db),
    }),
  };
}
