import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { BallotChannel } from '../../server/domain/campaign';

/** Raw ballot rows of one campaign and channel set, answers still as JSON text (parsed by the caller, once). */
export async function ballotAnswers(db: Kysely<Database>, campaignId: string, channels: BallotChannel[]) {
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

export interface OnlineCountRow {
  villageId: string | null;
  binding: number;
  /** the answer as SQLite's json_extract gives it: a string, a number, or an array as JSON text */
  value: string | number | null;
  n: number;
}

/**
 * Online answers counted per village, binding flag and answer value of one
 * question, grouped inside SQLite: the results of 100,000 ballots come back
 * as a few hundred rows instead of 100,000 JSON documents to parse.
 */
export async function onlineAnswerCounts(db: Kysely<Database>, campaignId: string, question: string): Promise<OnlineCountRow[]> {
  const path = `$."${question.replace(/["\\]/g, '')}"`;
  const rows = await db
    .selectFrom('ballots')
    .select(['village_id as villageId', 'binding', sql<string | number | null>`json_extract(answers, ${path})`.as('value'), sql<number>`count(*)`.as('n')])
    .where('campaign_id', '=', campaignId)
    .where('channel', '=', 'online')
    .groupBy(['village_id', 'binding', sql`json_extract(answers, ${path})`])
    .execute();
  return rows;
}

/** Online ballots per village and binding flag. */
export async function onlineBallotCounts(db: Kysely<Database>, campaignId: string) {
  return db
    .selectFrom('ballots')
    .select(['village_id as villageId', 'binding', sql<number>`count(*)`.as('n')])
    .where('campaign_id', '=', campaignId)
    .where('channel', '=', 'online')
    .groupBy(['village_id', 'binding'])
    .execute();
}
