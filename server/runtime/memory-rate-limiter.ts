import type { RateLimiter } from './types';

/** Keys kept at most: a counter is about 150 bytes, so the map stays under ~15 MB whatever arrives. */
export const MEMORY_LIMITER_MAX_KEYS = 100_000;

/**
 * Fixed-window counters in memory: right for one Node process. The map is
 * bounded: windows older than an hour are swept, and past `maxKeys` the key
 * counted least recently goes first (a Map keeps insertion order, and a hit
 * moves its key to the end). A client still being counted is therefore the
 * last to go: pushing it out takes `maxKeys` newer keys, and each client adds
 * only a few (the sign-in limiter counts a username only for a client within
 * its own limit).
 */
export function memoryRateLimiter(clock: () => Date, opts: { maxKeys?: number } = {}): RateLimiter & { size(): number } {
  const maxKeys = opts.maxKeys ?? MEMORY_LIMITER_MAX_KEYS;
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return {
    async hit(key, limit, windowMs) {
      const now = clock().getTime();
      if (now - lastSweep > 60_000) {
        for (const [k, w] of windows) if (now - w.start > 3_600_000) windows.delete(k);
        lastSweep = now;
      }
      let w = windows.get(key);
      if (w) windows.delete(key);
      if (!w || now - w.start >= windowMs) w = { start: now, count: 0 };
      w.count++;
      windows.set(key, w);
      if (windows.size > maxKeys) windows.delete(windows.keys().next().value!);
      return w.count <= limit;
    },
    async count(key, windowMs) {
      const w = windows.get(key);
      return w && clock().getTime() - w.start < windowMs ? w.count : 0;
    },
    async reset(key) {
      windows.delete(key);
    },
    size: () => windows.size,
  };
}
