import type { AppDeps } from './deps';
import { findUserByUsername } from '../../db/repositories/users';
import { insertSession, deleteSession, deleteExpiredSessions, findSession } from '../../db/repositories/sessions';
import { sha256Hex } from '../runtime/crypto';
import { base32 } from '../runtime/ids';
import { AppError } from '../domain/errors';
import type { User } from '../domain/actor';
import type { Actor } from '../domain/actor';

export const SESSION_HOURS = 12;
const LOGIN_LIMIT = 10; // failed tries per username and per client per window
const LOGIN_WINDOW_MS = 15 * 60_000;

// A hash to compare against when the user does not exist, so a wrong
// username takes as long as a wrong password.
let dummyHash: Promise<string> | null = null;

/** Checks the password and opens a session; returns the cookie token. */
export async function signIn(deps: AppDeps, input: { username: string; password: string; client: string }): Promise<{ token: string; user: User }> {
  const username = input.username.normalize('NFC').trim().toLowerCase();
  // The client first: a throttled client is refused before its username is
  // counted, so trying new usernames adds no counter (and no memory) at all.
  if (!(await deps.rateLimiter.hit(`login:client:${input.client}`, LOGIN_LIMIT * 5, LOGIN_WINDOW_MS))) throw new AppError('RATE_LIMITED');
  if (!(await deps.rateLimiter.hit(`login:user:${username}`, LOGIN_LIMIT, LOGIN_WINDOW_MS))) throw new AppError('RATE_LIMITED');

  const user = await findUserByUsername(deps.db, username);
  dummyHash ??= deps.passwords.hash('not a password');
  const valid = user && !user.disabled ? await deps.passwords.verify(input.password, user.passwordHash) : (await deps.passwords.verify(input.password, await dummyHash), false);
  if (!user || !valid) {
    throw new AppError('UNAUTHORIZED', { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' });
  }
  await deps.rateLimiter.reset(`login:user:${username}`);
  const token = base32(deps.random(32), 48);
  const now = deps.clock();
  await deps.atomic([
    // expired sessions go as new ones come, so the table stays small
    deleteExpiredSessions(deps.db, now.toISOString()),
    insertSession(deps.db, {
      tokenHash: await sha256Hex(token), userId: user.id, csrfToken: base32(deps.random(20), 32),
      createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    }),
  ]);
  const { passwordHash: _p, ...safe } = user;
  return { token, user: safe };
}

/** A signed-in user as every request sees them. */
export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  displayName: string;
}

/** The session a cookie token opens, or null when it is unknown, expired or its account disabled. */
export async function sessionOf(deps: AppDeps, token: string): Promise<SessionInfo | null> {
  const row = await findSession(deps.db, await sha256Hex(token));
  if (!row || row.expiresAt <= deps.clock().toISOString()) return null;
  return {
    actor: { id: row.userId, username: row.username, role: row.role, communeId: row.communeId, villageId: row.villageId },
    csrfToken: row.csrfToken,
    displayName: row.displayName,
  };
}

export async function signOut(deps: AppDeps, token: string | undefined): Promise<void> {
  if (token) await deps.atomic([deleteSession(deps.db, await sha256Hex(token))]);
}
