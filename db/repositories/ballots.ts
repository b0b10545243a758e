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

/** Many ballots, several per statement within D1's 100 bound parameters, in the order given. */
export function insertBallots(db: Kysely<Database>, rows: BallotRow[]): Compilable[] {
  const out: Compilable[] = [];
  for (let i = 0; i < rows.length; i += 12) {
    out.push(db.insertInto('ballots').values(rows.slice(i, i + 12).map((b) => ({
      campaign_id: b.campaignId, id: b.id, village_id: b.villageId, channel: b.channel, binding: b.binding ? 1 : 0,
      answers: JSON.stringify(b.answers), serial_hash: b.serialHash, submitted_at: b.submittedAt,
    }))));
  }
  return out;
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
