import { describe, expect, it } from 'vitest';
import { memoryRateLimiter } from '../../server/runtime/memory-rate-limiter';

describe('the in-memory rate limiter', () => {
  const at = (ms: number) => () => new Date(Date.parse('2026-11-26T02:00:00Z') + ms);

  it('keeps at most its cap of keys however many new keys arrive (issue 14, finding 7)', async () => {
    const limiter = memoryRateLimiter(at(0), { maxKeys: 1000 });
    for (let i = 0; i < 20_000; i++) await limiter.hit(`login:user:khach${i}`, 10, 900_000);
    expect(limiter.size()).toBe(1000);
  });

  it('drops the least recently counted keys first, so a client being counted keeps its count through a flood', async () => {
    const limiter = memoryRateLimiter(at(0), { maxKeys: 100 });
    for (let i = 0; i < 5; i++) await limiter.hit('login:client:attacker', 5, 900_000);
    for (let i = 0; i < 1000; i++) {
      await limiter.hit(`login:user:flood${i}`, 10, 900_000);
      // the attacker keeps trying while flooding: still over its limit
      if (i % 50 === 0) expect(await limiter.hit('login:client:attacker', 5, 900_000)).toBe(false);
    }
    expect(await limiter.count('login:client:attacker', 900_000)).toBeGreaterThan(5);
  });

  it('counts a window, tells its count without counting, and opens a new window when it ends', async () => {
    let now = 0;
    const limiter = memoryRateLimiter(() => at(now)());
    expect(await limiter.count('k', 60_000)).toBe(0);
    expect([await limiter.hit('k', 2, 60_000), await limiter.hit('k', 2, 60_000), await limiter.hit('k', 2, 60_000)]).toEqual([true, true, false]);
    expect(await limiter.count('k', 60_000)).toBe(3);
    now = 60_000;
    expect(await limiter.count('k', 60_000)).toBe(0);
    expect(await limiter.hit('k', 2, 60_000)).toBe(true);
  });
});
