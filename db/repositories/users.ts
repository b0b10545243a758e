import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { User } from '../../server/domain/actor';

type UserRow = Database['users'];
const toUser = (r: UserRow): User => ({
  id: r.id, communeId: r.commune_id, username: r.username, displayName: r.display_name, role: r.role,
  villageId: r.village_id, disabled: r.disabled === 1, createdAt: r.created_at,
});

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<(User & { passwordHash: string }) | null> {
  const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
}

export async function findUser(db: Kysely<Database>, id: string): Promise<User | null> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toUser(r) : null;
}

export async function listUsers(db: Kysely<Database>, communeId: string): Promise<User[]> {
  return (await db.selectFrom('users').selectAll().where('commune_id', '=', communeId).orderBy('username').execute()).map(toUser);
}

export function insertUser(db: Kysely<Database>, u: User & { passwordHash: string }) {
  return db.insertInto('users').values({
    id: u.id, commune_id: u.communeId, username: u.username, display_name: u.displayName, password_hash: u.passwordHash,
    role: u.role, village_id: u.villageId, disabled: u.disabled ? 1 : 0, created_at: u.createdAt,
  });
}

export function updatePassword(db: Kysely<Database>, id: string, passwordHash: string) {
  return db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id);
}

/** A user of one commune, or null: another commune's user is as good as missing. */
export async function findUserInCommune(db: Kysely<Database>, id: string, communeId: string): Promise<User | null> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).where('commune_id', '=', communeId).executeTakeFirst();
  return r ? toUser(r) : null;
}

export interface UserPatch {
  displayName?: string;
  disabled?: boolean;
  passwordHash?: string;
  villageId?: string | null;
}

/** Changes the fields given; the commune filter keeps the write inside the caller's commune. */
export function updateUser(db: Kysely<Database>, id: string, communeId: string, patch: UserPatch) {
  return db
    .updateTable('users')
    .set({
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
      ...(patch.villageId !== undefined ? { village_id: patch.villageId } : {}),
    })
    .where('id', '=', id)
    .where('commune_id', '=', communeId);
}

/** The commune a village belongs to (null when there is no such village): a village head's village must be in their own commune. */
export async function villageCommune(db: Kysely<Database>, villageId: string): Promise<string | null> {
  const r = await db.selectFrom('villages').select('commune_id').where('id', '=', villageId).executeTakeFirst();
  return r?.commune_id ?? null;
}

/** The villages a user account can be tied to, for the account form's select. */
export async function villageChoices(db: Kysely<Database>, communeId: string): Promise<{ id: string; code: string; name: string }[]> {
  return db.selectFrom('villages').select(['id', 'code', 'name']).where('commune_id', '=', communeId).execute();
}
