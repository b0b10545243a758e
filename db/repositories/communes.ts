import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface Commune { id: string; name: string; slug: string; createdAt: string }

const toCommune = (r: Database['communes']): Commune => ({ id: r.id, name: r.name, slug: r.slug, createdAt: r.created_at });

export async function listCommunes(db: Kysely<Database>): Promise<Commune[]> {
  return (await db.selectFrom('communes').selectAll().orderBy('created_at').orderBy('id').execute()).map(toCommune);
}

export async function findCommune(db: Kysely<Database>, id: string): Promise<Commune | null> {
  const r = await db.selectFrom('communes').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCommune(r) : null;
}

export function insertCommune(db: Kysely<Database>, c: Commune) {
  return db.insertInto('communes').values({ id: c.id, name: c.name, slug: c.slug, created_at: c.createdAt });
}

export async function getSetting(db: Kysely<Database>, key: string): Promise<string | null> {
  const r = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value ?? null;
}

export function insertSetting(db: Kysely<Database>, key: string, value: string) {
  return db.insertInto('app_settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing());
}

export function deleteSetting(db: Kysely<Database>, key: string) {
  return db.deleteFrom('app_settings').where('key', '=', key);
}
