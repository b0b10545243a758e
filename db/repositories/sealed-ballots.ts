import { CompiledQuery, sql, type Compilable, type Kysely } from 'kysely';
import type { Database, SealedBallotsTable } from '../schema';
import type { CampaignStatus } from '../../server/domain/campaign';

/** A secret ballot as stored until it is moved into `ballots`: opaque but for its campaign and channel. */
export interface SealedRow {
  campaignId: string;
  /** false: written with its serial's use; true: re-sealed by the mixer among others */
  mixed: boolean;
  id: string;
  channel: SealedBallotsTable['channel'];
  /** base64 of nonce ‖ AES-GCM ciphertext ‖ tag */
  sealed: string;
}

// Fixed SQL: it runs with every secret ballot (see findSerialForBallot).
const INSERT_SEALED = 'insert into sealed_ballots (campaign_id, mixed, id, channel, sealed) values (?, ?, ?, ?, ?)';

export function insertSealedBallot(_db: Kysely<Database>, r: SealedRow): Compilable {
  const params = [r.campaignId, r.mixed ? 1 : 0, r.id, r.channel, r.sealed];
  return { compile: () => CompiledQuery.raw(INSERT_SEALED, params) };
}

/** Several rows per statement, within D1's 100 bound parameters. */
export function insertSealedBallots(db: Kysely<Database>, rows: SealedRow[]): Compilable[] {
  const out: Compilable[] = [];
  for (let i = 0; i < rows.length; i += 20) {
    out.push(db.insertInto('sealed_ballots').values(rows.slice(i, i + 20).map((r) => ({
      campaign_id: r.campaignId, mixed: r.mixed ? 1 : 0, id: r.id, channel: r.channel, sealed: r.sealed,
    }))));
  }
  return out;
}

const toRow = (r: SealedBallotsTable): SealedRow => ({ campaignId: r.campaign_id, mixed: r.mixed === 1, id: r.id, channel: r.channel, sealed: r.sealed });

/** The campaign's sealed ballots: the fresh ones only (one key range), or all. */
export async function listSealed(db: Kysely<Database>, campaignId: string, only?: { fresh?: boolean; channels?: SealedRow['channel'][] }): Promise<SealedRow[]> {
  let q = db.selectFrom('sealed_ballots').selectAll().where('campaign_id', '=', campaignId);
  if (only?.fresh) q = q.where('mixed', '=', 0);
  if (only?.channels) {
    if (only.channels.length === 0) return [];
    q = q.where('channel', 'in', only.channels);
  }
  return (await q.execute()).map(toRow);
}

/** Just the keys of the campaign's sealed rows of these channels (no sealed text read). */
export async function listSealedIds(db: Kysely<Database>, campaignId: string, channels: SealedRow['channel'][]): Promise<{ id: string }[]> {
  if (channels.length === 0) return [];
  return db.selectFrom('sealed_ballots').select('id').where('campaign_id', '=', campaignId).where('channel', 'in', channels).execute();
}

/** How many fresh (never mixed) sealed ballots the campaign has: one key range. */
export async function countFreshSealed(db: Kysely<Database>, campaignId: string): Promise<number> {
  const r = await db.selectFrom('sealed_ballots').select(sql<number>`count(*)`.as('n'))
    .where('campaign_id', '=', campaignId).where('mixed', '=', 0).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Deletes the given rows, each statement followed by an assertion that it
 * deleted every row it named: a mixer that lost a race to another (another
 * Worker isolate) changes nothing.
 */
export function deleteSealedRows(db: Kysely<Database>, campaignId: string, mixed: boolean, ids: string[]): Compilable[] {
  const out: Compilable[] = [];
  for (let i = 0; i < ids.length; i += 90) {
    const chunk = ids.slice(i, i + 90);
    out.push(db.deleteFrom('sealed_ballots').where('campaign_id', '=', campaignId).where('mixed', '=', mixed ? 1 : 0).where('id', 'in', chunk));
    out.push(expectChangedRows(db, 'sealed_ballots.delete', chunk.length));
  }
  return out;
}

/** Deletes every sealed ballot of a campaign's channel, asserting how many there were. */
export function deleteSealedOfChannel(db: Kysely<Database>, campaignId: string, channel: SealedRow['channel'], expected: number): Compilable[] {
  return [
    db.deleteFrom('sealed_ballots').where('campaign_id', '=', campaignId).where('channel', '=', channel),
    expectChangedRows(db, 'sealed_ballots.settle', expected),
  ];
}

/** Like expectChanged (repositories/assertions.ts), for an exact number of rows. */
function expectChangedRows(db: Kysely<Database>, name: string, n: number): Compilable {
  return { compile: () => sql`insert into atomic_assertions (name) select ${name} where changes() <> ${n}`.compile(db) };
}

/** Campaigns that have sealed ballots, with their status: what the mixer's sweep looks at. */
export async function campaignsWithSealed(db: Kysely<Database>): Promise<{ campaignId: string; status: CampaignStatus }[]> {
  return db.selectFrom('campaigns as c').select(['c.id as campaignId', 'c.status'])
    .where(({ exists, selectFrom }) => exists(selectFrom('sealed_ballots as s').select('s.id').whereRef('s.campaign_id', '=', 'c.id')))
    .execute();
}
