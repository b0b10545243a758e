import { CompiledQuery, sql, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { BallotChannel } from '../../server/domain/campaign';

export interface BallotRow {
  id: string;
  campaignId: string;
  villageId: string | null;
  channel: BallotChannel;
  binding: boolean;
  answers: Record<string, unknown>;
  /** null for secret campaigns */
  serialHash: string | null;
  /** null for secret campaigns */
  submittedAt: string | null;
}

// Fixed SQL: it runs for every ballot (see findSerialForBallot).
const INSERT_BALLOT = `insert into ballots (campaign_id, id, village_id, channel, binding, answers, serial_hash, submitted_at)
  values (?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertBallot(_db: Kysely<Database>, b: BallotRow): Compilable {
  const params = [b.campaignId, b.id, b.villageId, b.channel, b.binding ? 1 : 0, JSON.stringify(b.answers), b.serialHash, b.submittedAt];
  return { compile: () => CompiledQuery.raw(INSERT_BALLOT, params) };
}

export function insertAnonymousToken(db: Kysely<Database>, campaignId: string, tokenHash: string) {
  return db.insertInto('anonymous_tokens').values({ campaign_id: campaignId, token_hash: tokenHash });
}


export async function countBallots(db: Kysely<Database>, campaignId: string) {
  return db
    .selectFrom('ballots')
    .select(['village_id as villageId', 'channel', sql<number>`count(*)`.as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy(['village_id', 'channel'])
    .execute();
}
