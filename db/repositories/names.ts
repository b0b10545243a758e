import type { Kysely } from 'kysely';
import type { Database } from '../schema';

// What ids point at, looked up by id so a page can name them: the audit
// log's entries ("Nguyễn Văn Đức nhập biên bản họp thôn của Thôn Đông Sơn"),
// the household a ballot belongs to. Only the ids asked for, a few at a time.

const CHUNK = 90; // below D1's 100 bound parameters per statement

async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await read(unique.slice(i, i + CHUNK))));
  return out;
}

/** Households by id, of one commune: their code, head and representative. */
export function householdsByIds(db: Kysely<Database>, communeId: string, ids: readonly string[]) {
  return inChunks(ids, (chunk) =>
    db.selectFrom('households').select(['id', 'code', 'head', 'representative', 'village_id as villageId'])
      .where('commune_id', '=', communeId).where('id', 'in', chunk).execute());
}

/** Tally sheets by id: their campaign, village, channel and version. */
export function sheetsByIds(db: Kysely<Database>, ids: readonly string[]) {
  return inChunks(ids, (chunk) =>
    db.selectFrom('tally_sheets').select(['id', 'campaign_id as campaignId', 'village_id as villageId', 'channel', 'version'])
      .where('id', 'in', chunk).execute());
}

/** Opinion themes by id: their campaign and title. */
export function themesByIds(db: Kysely<Database>, ids: readonly string[]) {
  return inChunks(ids, (chunk) =>
    db.selectFrom('opinion_themes').select(['id', 'campaign_id as campaignId', 'title']).where('id', 'in', chunk).execute());
}
