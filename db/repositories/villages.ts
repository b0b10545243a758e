import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

export interface Village {
  id: string;
  communeId: string;
  code: string;
  name: string;
  createdAt: string;
}

export interface VillageWithCount extends Village {
  /** Active households in the register now. */
  households: number;
}

const toVillage = (r: Database['villages']): Village => ({
  id: r.id, communeId: r.commune_id, code: r.code, name: r.name, createdAt: r.created_at,
});

/** UNIQUE(commune_id, code) refuses a second village with the same code. */
export function insertVillage(db: Kysely<Database>, v: Village) {
  return db.insertInto('villages').values({ id: v.id, commune_id: v.communeId, code: v.code, name: v.name, created_at: v.createdAt });
}

export async function listVillages(db: Kysely<Database>, communeId: string): Promise<Village[]> {
  return (await db.selectFrom('villages').selectAll().where('commune_id', '=', communeId).orderBy('code').execute()).map(toVillage);
}

export async function findVillage(db: Kysely<Database>, communeId: string, id: string): Promise<Village | null> {
  const r = await db.selectFrom('villages').selectAll().where('commune_id', '=', communeId).where('id', '=', id).executeTakeFirst();
  return r ? toVillage(r) : null;
}

export async function listVillagesWithCounts(db: Kysely<Database>, communeId: string): Promise<VillageWithCount[]> {
  const rows = await db
    .selectFrom('villages')
    .leftJoin('households', (j) =>
      j.onRef('households.village_id', '=', 'villages.id').on('households.status', '=', 'active'))
    .select(['villages.id', 'villages.commune_id', 'villages.code', 'villages.name', 'villages.created_at'])
    .select(sql<number>`count(households.id)`.as('households'))
    .where('villages.commune_id', '=', communeId)
    .groupBy('villages.id')
    .orderBy('villages.code')
    .execute();
  return rows.map((r) => ({ ...toVillage(r), households: Number(r.households) }));
}

export async function countVillages(db: Kysely<Database>, communeId: string): Promise<number> {
  const r = await db.selectFrom('villages').select(sql<number>`count(*)`.as('n')).where('commune_id', '=', communeId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** A village by id alone, with its commune (public forms name a village, not a commune). */
export async function findVillageById(db: Kysely<Database>, id: string): Promise<Village | null> {
  const r = await db.selectFrom('villages').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toVillage(r) : null;
}
