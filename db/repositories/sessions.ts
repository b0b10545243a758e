import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Role } from '../../server/domain/actor';

export interface SessionRow {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  communeId: string | null;
  villageId: string | null;
  csrfToken: string;
  expiresAt: string;
}

export function insertSession(db: Kysely<Database>, s: { tokenHash: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string }) {
  return db.insertInto('sessions').values({
    token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt,
  });
}

export function deleteSession(db: Kysely<Database>, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash);
}

export function deleteExpiredSessions(db: Kysely<Database>, now: string) {
  return db.deleteFrom('sessions').where('expires_at', '<', now);
}

export async function findSession(db: Kysely<Database>, tokenHash: string): Promise<SessionRow | null> {
  const r = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id as userId', 'users.username', 'users.display_name as displayName', 'users.role',
      'users.commune_id as communeId', 'users.village_id as villageId', 'users.disabled',
      'sessions.csrf_token as csrfToken', 'sessions.expires_at as expiresAt',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!r || r.disabled) return null;
  const { disabled: _d, ...row } = r;
  return row;
}

/** Ends every session of a user: after a password reset or when the account is disabled. */
export function deleteSessionsOfUser(db: Kysely<Database>, userId: string) {
  return db.deleteFrom('sessions').where('user_id', '=', userId);
}
