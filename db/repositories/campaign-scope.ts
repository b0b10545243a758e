import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export async function listVillageIds(db: Kysely<Database>, communeId: string): Promise<string[]> {
  return (await db.selectFrom('villages').select('id').where('commune_id', '=', communeId).execute()).map((r) => r.id);
}
