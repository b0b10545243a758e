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

export interface OnlineAnswerGroup {
  villageId: string | null;
  binding: number;
  /** the answers to the questions asked for, as a JSON object (a question not answered is null) */
  answers: string;
  /** online ballots with exactly these answers */
  n: number;
}

/**
 * Ballots of a campaign and channel (online ballots, or paper ballots entered
 * one by one) grouped inside SQLite by village, binding flag and their
 * answers to the given questions: the results of 100,000 ballots come back as
 * a few hundred rows instead of 100,000 JSON documents to parse. `->` keeps
 * each answer's JSON type, so a yes/no answer stays true / false.
 */
export async function onlineAnswerGroups(
  db: Kysely<Database>, campaignId: string, questions: readonly string[], channel: 'online' | 'paper' = 'online', villageId?: string,
): Promise<OnlineAnswerGroup[]> {
  const pairs = questions.flatMap((q) => [sql`${q}`, sql`answers -> ${`$."${q.replace(/["\\]/g, '')}"`}`]);
  let query = db
    .selectFrom('ballots')
    .select(['village_id as villageId', 'binding', sql<string>`json_object(${sql.join(pairs)})`.as('grouped'), sql<number>`count(*)`.as('n')])
    .where('campaign_id', '=', campaignId)
    .where('channel', '=', channel);
  if (villageId) query = query.where('village_id', '=', villageId);
  const rows = await query
    .groupBy(['village_id', 'binding', sql`grouped`])
    .execute();
  return rows.map((r) => ({ villageId: r.villageId, binding: r.binding, answers: r.grouped, n: Number(r.n) }));
}
