// The serial-guess limit: every route that looks up a household's serial
// (the ballot API, the ballot page and its no-JS form) goes through here, so
// a client over the limit is refused before any lookup, with the same answer
// whatever the serial it sent.
//
// Only wrong serials count (unknown, mistyped, revoked): households voting
// behind one address (a commune hall's Wi-Fi, a mobile carrier's shared
// address) spend nothing with their right serials. So that a burst of
// guesses sent at once cannot all be looked up before their misses are
// counted, a client's lookups in flight are held back whenever, were they all
// wrong, they could pass the limit: at most GUESS_LIMIT wrong serials are
// ever looked up per window, and right ones only wait a lookup's time.
import type { Compilable } from 'kysely';
import type { AppDeps } from './deps';
import { AppError } from '../domain/errors';

export const GUESS_LIMIT = 30;
export const GUESS_WINDOW_MS = 10 * 60_000;

interface Gate {
  /** requests of this client in here, waiting or looking up */
  users: number;
  inFlight: number;
  waiters: (() => void)[];
}
/** Per client with a request in here (an entry goes with its last request). */
const gates = new Map<string, Gate>();

/**
 * Runs `lookUp` for a client within the guess limit: 429 once the client has
 * spent its wrong tries (before `lookUp` runs), and a null result (a wrong
 * serial) counted as one.
 */
export async function withinGuessLimit<T>(deps: AppDeps, client: string, lookUp: () => Promise<T | null>): Promise<T | null> {
  const key = `serial-guess:${client}`;
  let gate = gates.get(key);
  if (!gate) gates.set(key, (gate = { users: 0, inFlight: 0, waiters: [] }));
  gate.users++;
  try {
    for (;;) {
      const misses = await deps.rateLimiter.count(key, GUESS_WINDOW_MS);
      if (misses >= GUESS_LIMIT) throw new AppError('RATE_LIMITED');
      if (misses + gate.inFlight < GUESS_LIMIT) break;
      await new Promise<void>((resolve) => gate.waiters.push(resolve));
    }
    gate.inFlight++;
    try {
      const found = await lookUp();
      // counted before the slot is given back, so a waiter sees the miss
      if (found === null) await deps.rateLimiter.hit(key, GUESS_LIMIT, GUESS_WINDOW_MS);
      return found;
    } finally {
      gate.inFlight--;
    }
  } finally {
    gate.users--;
    for (const wake of gate.waiters.splice(0)) wake();
    if (gate.users === 0) gates.delete(key);
  }
}

/**
 * The limit for a serial known to exist (services/ballot-context.ts): it is
 * never a wrong guess, so nothing is counted, but a client over the limit is
 * still refused before its serial is used. Null when it is over the limit
 * now; otherwise the statements its write must carry (where the limiter
 * counts in the database, the check runs inside the write: no read before it).
 */
export async function knownSerialChecks(deps: AppDeps, client: string): Promise<Compilable[] | null> {
  const key = `serial-guess:${client}`;
  if (deps.rateLimiter.assertBelow) return [deps.rateLimiter.assertBelow(key, GUESS_LIMIT, GUESS_WINDOW_MS)];
  return (await deps.rateLimiter.count(key, GUESS_WINDOW_MS)) >= GUESS_LIMIT ? null : [];
}
