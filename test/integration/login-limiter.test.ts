// Issue 14, finding 7: the sign-in limiter counted the username before the
// client, so a client already throttled still added one counter per new
// username it tried, and the in-memory map grew without bound. The client is
// now checked first (a throttled client touches nothing else), and the
// memory limiter keeps at most a fixed number of keys (test/unit/rate-limiter.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, api, type TestEnv } from '../support/app';
import type { RateLimiter } from '../../server/runtime/types';

let t: TestEnv;
let counted: string[];

beforeEach(async () => {
  t = await makeTestApp({ DANBAN_TRUST_PROXY: '1' });
  await addUser(t, { username: 'canbo', role: 'staff' });
  // every key the app asks the limiter to count, as it asks
  const inner = t.deps.rateLimiter;
  counted = [];
  const recording: RateLimiter = {
    hit: (key, limit, windowMs) => (counted.push(key), inner.hit(key, limit, windowMs)),
    count: (key, windowMs) => inner.count(key, windowMs),
    reset: (key) => inner.reset(key),
  };
  t.deps.rateLimiter = recording;
});
afterEach(() => t.close());

const signIn = (username: string, client: string, password = 'sai-mat-khau') =>
  api(t, 'POST', '/api/v1/auth/login', { body: { username, password }, headers: { 'x-forwarded-for': client } });

describe('a client throttled for sign-in', () => {
  it('adds no counter for each new username it tries, and is refused before its username is looked at', async () => {
    for (let i = 0; i < 50; i++) expect((await signIn(`khach${i}`, '203.0.113.5')).status).toBe(401);
    expect((await signIn('khach-50', '203.0.113.5')).status).toBe(429);
    counted = [];
    for (let i = 0; i < 300; i++) expect((await signIn(`moi${i}`, '203.0.113.5')).status).toBe(429);
    expect(counted.filter((k) => k.startsWith('login:user:'))).toEqual([]);
    expect(new Set(counted)).toEqual(new Set(['login:client:203.0.113.5']));
  });

  it('still leaves other clients and the account itself alone', async () => {
    for (let i = 0; i < 51; i++) await signIn(`khach${i}`, '203.0.113.6');
    expect((await signIn('canbo', '198.51.100.6', 'password123')).status).toBe(200);
  });

  it('and a username tried from many clients is still throttled for all of them', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn('canbo', `192.0.2.${i}`)).status).toBe(401);
    expect((await signIn('canbo', '192.0.2.200', 'password123')).status).toBe(429);
  });
});
