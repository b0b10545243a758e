import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Raw ballot rows of one campaign and channel set, answers still as JSON text (parsed by the caller, once). */
export async function ballotAnswers(db: Kysely<Database>, campaignId: string, channels: ('online' | 'paper' | 'anonymous' | 'kiosk')[]) {
  return db
    .selectFrom('ballots')
    .select(['id', 'village_id as villageId', 'binding', 'answers'])
    .where('campaign_id', '=', campaignId)
    .where('channel', 'in', channels)
    .execute();
}

/** Ballot ids of a campaign among those given: opinions may only be grouped under a theme of their own campaign. */
export async function ballotIdsOfCampaign(db: Kysely<Database>, campaignId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('ballots').select('id').where('campaign_id', '=', campaignId).where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

/** One tally photo with the campaign its sheet belongs to. */
export async function findSheetPhoto(db: Kysely<Database>, photoId: string) {
  return db
    .selectFrom('tally_photos as p')
    .innerJoin('tally_sheets as s', 's.id', 'p.tally_id')
    .select(['p.id', 'p.blob_key as blobKey', 'p.mime', 's.campaign_id as campaignId'])
    .where('p.id', '=', photoId)
    .executeTakeFirst();
}
