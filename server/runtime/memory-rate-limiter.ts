import type { RateLimiter } from './types';

/** Fixed-window counters in memory: right for one Node process. */
export function memoryRateLimiter(clock: () => Date): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return {
    async hit(key, limit, windowMs) {
      const now = clock().getTime();
      if (now - lastSweep > 60_000) {
        for (const [k, w] of windows) if (now - w.start > 3_600_000) windows.delete(k);
        lastSweep = now;
      }
      const w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        windows.set(key, { start: now, count: 1 });
        return 1 <= limit;
      }
      w.count++;
      return w.count <= limit;
    },
    async count(key, windowMs) {
      const w = windows.get(key);
      return w && clock().getTime() - w.start < windowMs ? w.count : 0;
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}
