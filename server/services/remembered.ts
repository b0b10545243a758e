import type { AppDeps } from './deps';

/**
 * A value per app and key, remembered for `ttlMs` after it was read: the
 * public results page (a Zalo link a whole commune opens at once) asks the
 * same small questions on every view. This process forgets a key at once
 * when it changes what the key reads; another instance's change shows within
 * `ttlMs`. At most `max` keys per app (then it starts afresh).
 */
export function remembered<V>(ttlMs: number, max = 5000) {
  const maps = new WeakMap<AppDeps, Map<string, { value: V; until: number }>>();
  return {
    async get(deps: AppDeps, key: string, read: () => Promise<V>): Promise<V> {
      let m = maps.get(deps);
      if (!m) maps.set(deps, (m = new Map()));
      const now = Date.now();
      const hit = m.get(key);
      if (hit && hit.until > now) return hit.value;
      const value = await read();
      if (m.size > max) m.clear();
      m.set(key, { value, until: now + ttlMs });
      return value;
    },
    forget(deps: AppDeps, key: string): void {
      maps.get(deps)?.delete(key);
    },
  };
}
