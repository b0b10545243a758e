import { CompiledQuery, sql, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { CampaignKind, Category } from '../../server/domain/legal-rules';
import type { CampaignStatus } from '../../server/domain/campaign';

export interface SerialRow {
  serialHash: string;
  campaignId: string;
  householdId: string;
  villageId: string;
  reprint: number;
  revoked: boolean;
}

export interface HouseholdInScope {
  householdId: string;
  code: string;
  villageId: string;
  representative: string;
  head: string;
}

/** Active households of the campaign's villages, by household code. */
export async function householdsInScope(db: Kysely<Database>, campaignId: string, villageId?: string): Promise<HouseholdInScope[]> {
  let q = db
    .selectFrom('households as h')
    .innerJoin('campaign_villages as cv', 'cv.village_id', 'h.village_id')
    .select(['h.id as householdId', 'h.code', 'h.village_id as villageId', 'h.representative', 'h.head'])
    .where('cv.campaign_id', '=', campaignId)
    .where('h.status', '=', 'active');
  if (villageId) q = q.where('h.village_id', '=', villageId);
  return q.orderBy('h.code').execute();
}

export function insertSerialIfAbsent(db: Kysely<Database>, s: Omit<SerialRow, 'revoked'>) {
  return db
    .insertInto('serials')
    .values({ serial_hash: s.serialHash, campaign_id: s.campaignId, household_id: s.householdId, village_id: s.villageId, reprint: s.reprint, revoked: 0 })
    .onConflict((oc) => oc.doNothing());
}

/** The current (unrevoked) serial of each household of the campaign. */
export async function currentSerials(db: Kysely<Database>, campaignId: string, villageId?: string) {
  let q = db
    .selectFrom('serials as s')
    .innerJoin('households as h', 'h.id', 's.household_id')
    .select(['s.serial_hash as serialHash', 's.household_id as householdId', 's.village_id as villageId', 's.reprint', 'h.code as householdCode', 'h.representative', 'h.head'])
    .where('s.campaign_id', '=', campaignId)
    .where('s.revoked', '=', 0);
  if (villageId) q = q.where('s.village_id', '=', villageId);
  return q.orderBy('h.code').execute();
}

export async function countCurrentSerials(db: Kysely<Database>, campaignId: string): Promise<number> {
  const r = await db
    .selectFrom('serials')
    .select(sql<number>`count(*)`.as('n'))
    .where('campaign_id', '=', campaignId)
    .where('revoked', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findSerial(db: Kysely<Database>, serialHash: string): Promise<SerialRow | null> {
  const r = await db.selectFrom('serials').selectAll().where('serial_hash', '=', serialHash).executeTakeFirst();
  return r
    ? { serialHash: r.serial_hash, campaignId: r.campaign_id, householdId: r.household_id, villageId: r.village_id, reprint: r.reprint, revoked: r.revoked === 1 }
    : null;
}

export function revokeSerial(db: Kysely<Database>, serialHash: string) {
  return db.updateTable('serials').set({ revoked: 1 }).where('serial_hash', '=', serialHash).where('revoked', '=', 0);
}

export interface SerialUse {
  serialHash: string;
  campaignId: string;
  villageId: string;
  channel: Database['serial_uses']['channel'];
  idempotencyHash: string | null;
  receiptHash: string | null;
  usedOn: string;
  registeredBy: string | null;
}

const INSERT_USE = `insert into serial_uses (serial_hash, campaign_id, village_id, channel, idempotency_hash, receipt_hash, used_on, registered_by)
  values (?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertSerialUse(_db: Kysely<Database>, u: SerialUse): Compilable {
  const params = [u.serialHash, u.campaignId, u.villageId, u.channel, u.idempotencyHash, u.receiptHash, u.usedOn, u.registeredBy];
  return { compile: () => CompiledQuery.raw(INSERT_USE, params) };
}

/** An advisory answer's use of a serial: its own key, never the binding use (serial_uses). */
export interface AdvisoryUse {
  serialHash: string;
  campaignId: string;
  villageId: string;
  idempotencyHash: string | null;
  receiptHash: string | null;
  usedOn: string;
}

const INSERT_ADVISORY_USE = `insert into advisory_uses (serial_hash, campaign_id, village_id, idempotency_hash, receipt_hash, used_on)
  values (?, ?, ?, ?, ?, ?)`;

export function insertAdvisoryUse(_db: Kysely<Database>, u: AdvisoryUse): Compilable {
  const params = [u.serialHash, u.campaignId, u.villageId, u.idempotencyHash, u.receiptHash, u.usedOn];
  return { compile: () => CompiledQuery.raw(INSERT_ADVISORY_USE, params) };
}

export async function findAdvisoryUse(db: Kysely<Database>, serialHash: string): Promise<AdvisoryUse | null> {
  const r = await db.selectFrom('advisory_uses').selectAll().where('serial_hash', '=', serialHash).executeTakeFirst();
  return r
    ? { serialHash: r.serial_hash, campaignId: r.campaign_id, villageId: r.village_id, idempotencyHash: r.idempotency_hash, receiptHash: r.receipt_hash, usedOn: r.used_on }
    : null;
}

export async function findSerialUse(db: Kysely<Database>, serialHash: string): Promise<SerialUse | null> {
  const r = await db.selectFrom('serial_uses').selectAll().where('serial_hash', '=', serialHash).executeTakeFirst();
  return r
    ? { serialHash: r.serial_hash, campaignId: r.campaign_id, villageId: r.village_id, channel: r.channel, idempotencyHash: r.idempotency_hash, receiptHash: r.receipt_hash, usedOn: r.used_on, registeredBy: r.registered_by }
    : null;
}

/** The use a receipt names: found by the serial-hash prefix it carries (the primary key), confirmed by its hash; an advisory answer's too. */
export async function findUseByReceipt(db: Kysely<Database>, serialPrefix: string, receiptHash: string) {
  const binding = await db
    .selectFrom('serial_uses as u')
    .innerJoin('campaigns as c', 'c.id', 'u.campaign_id')
    .select(['u.used_on as usedOn', 'u.channel', 'c.title', 'c.slug', 'c.id as campaignId', 'c.status'])
    .where('u.serial_hash', '>=', serialPrefix)
    .where('u.serial_hash', '<', `${serialPrefix}g`)
    .where('u.receipt_hash', '=', receiptHash)
    .executeTakeFirst();
  if (binding) return binding;
  return db
    .selectFrom('advisory_uses as a')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .select(['a.used_on as usedOn', sql<'online'>`'online'`.as('channel'), 'c.title', 'c.slug', 'c.id as campaignId', 'c.status'])
    .where('a.serial_hash', '>=', serialPrefix)
    .where('a.serial_hash', '<', `${serialPrefix}g`)
    .where('a.receipt_hash', '=', receiptHash)
    .executeTakeFirst();
}

/** Households that answered (online or paper registered), per village. */
export async function usesPerVillage(db: Kysely<Database>, campaignId: string) {
  // from serials (indexed by campaign), each use found by its key
  return db
    .selectFrom('serials as s')
    .innerJoin('serial_uses as u', 'u.serial_hash', 's.serial_hash')
    .select(['s.village_id as villageId', 'u.channel', sql<number>`count(*)`.as('n')])
    .where('s.campaign_id', '=', campaignId)
    .groupBy(['s.village_id', 'u.channel'])
    .execute();
}

/** Households that gave an advisory online answer, per village (apart from their binding vote). */
export async function advisoryUsesPerVillage(db: Kysely<Database>, campaignId: string) {
  return db
    .selectFrom('serials as s')
    .innerJoin('advisory_uses as a', 'a.serial_hash', 's.serial_hash')
    .select(['s.village_id as villageId', sql<number>`count(*)`.as('n')])
    .where('s.campaign_id', '=', campaignId)
    .groupBy('s.village_id')
    .execute();
}

/** What the ballot path reads about a serial, in one row. */
export interface SerialForBallot {
  villageId: string;
  householdId: string;
  revoked: number;
  campaignId: string;
  kind: CampaignKind;
  category: Category | null;
  status: CampaignStatus;
  channels: string;
  advisoryOnline: number;
  secret: number;
  updatedAt: string;
  usedHash: string | null;
  usedChannel: SerialUse['channel'] | null;
  usedIdempotencyHash: string | null;
  /** H of the serial's village, frozen at opening (null while a draft) */
  villageHouseholds: number | null;
  /** the village's agreement to vote online, frozen at opening (JSON) */
  onlineAgreement: string | null;
  /** the serial's advisory answer, if it gave one (advisory_uses) */
  advisoryHash: string | null;
  advisoryIdempotencyHash: string | null;
}

// The online ballot's statements are fixed SQL: they run for every ballot,
// and building and compiling them with Kysely each time cost more than
// executing them (see BENCHMARKS.md). They stay here, the one place for SQL.
const FIND_FOR_BALLOT = `select s.village_id as villageId, s.household_id as householdId, s.revoked,
    c.id as campaignId, c.kind, c.category, c.status, c.channels, c.advisory_online as advisoryOnline,
    c.secret, c.updated_at as updatedAt, u.serial_hash as usedHash, u.channel as usedChannel, u.idempotency_hash as usedIdempotencyHash,
    cv.households as villageHouseholds, cv.online_agreement as onlineAgreement,
    a.serial_hash as advisoryHash, a.idempotency_hash as advisoryIdempotencyHash
  from serials s
  join campaigns c on c.id = s.campaign_id
  left join serial_uses u on u.serial_hash = s.serial_hash
  left join campaign_villages cv on cv.campaign_id = s.campaign_id and cv.village_id = s.village_id
  left join advisory_uses a on a.serial_hash = s.serial_hash
  where s.serial_hash = ?`;

/**
 * Everything spending a serial needs in one read: the serial, its campaign and
 * whether (and how) it was already used. `read` is the runtime's hot-path reader when
 * it has one.
 */
export async function findSerialForBallot(
  db: Kysely<Database>, serialHash: string, read?: (q: CompiledQuery) => Promise<Record<string, unknown>[]>,
): Promise<SerialForBallot | undefined> {
  const q = CompiledQuery.raw(FIND_FOR_BALLOT, [serialHash]);
  const rows = read ? await read(q) : (await db.executeQuery(q)).rows;
  return rows[0] as SerialForBallot | undefined;
}

/** Whether the database holds anything made under a server secret (serials, sealed ballots): a new secret would orphan it. */
export async function holdsKeyedData(db: Kysely<Database>): Promise<boolean> {
  const r = await db.selectNoFrom((eb) => [
    eb.exists(eb.selectFrom('serials').select('serial_hash')).as('serials'),
    eb.exists(eb.selectFrom('sealed_ballots').select('id')).as('sealed'),
  ]).executeTakeFirstOrThrow();
  return Number(r.serials) === 1 || Number(r.sealed) === 1;
}

// The facts an online ballot built from memory relied on (services/ballot-context.ts),
// checked by the writer in the same write as the use: the serial, still
// unrevoked, belongs to this campaign and village; the campaign is open and
// unchanged since it was read; the village's frozen H and online agreement
// are the ones its binding was decided on. Any of them false: nothing is written.
const EXPECT_BALLOT_CONTEXT = `insert into atomic_assertions (name) select 'ballot_context' where not exists (
    select 1 from serials s
    join campaigns c on c.id = s.campaign_id
    left join campaign_villages cv on cv.campaign_id = s.campaign_id and cv.village_id = s.village_id
    where s.serial_hash = ? and s.campaign_id = ? and s.village_id = ? and s.revoked = 0
      and c.status = 'open' and c.updated_at = ? and cv.households is ? and cv.online_agreement is ?)`;

/** The statement that fails an atomic write (ConstraintViolation 'atomic_assertion') unless the serial is as `row` says. */
export function expectBallotContext(serialHash: string, row: SerialForBallot): Compilable {
  const params = [serialHash, row.campaignId, row.villageId, row.updatedAt, row.villageHouseholds, row.onlineAgreement];
  return { compile: () => CompiledQuery.raw(EXPECT_BALLOT_CONTEXT, params) };
}

/** A campaign's serials and their villages, a page at a time in serial-hash order (after `after`). */
export async function serialVillagesPage(db: Kysely<Database>, campaignId: string, after: string, limit: number) {
  return db
    .selectFrom('serials')
    .select(['serial_hash as serialHash', 'village_id as villageId'])
    // walked along the primary key (`+` keeps SQLite off the campaign index, whose
    // order would need all the campaign's serials sorted for every page)
    .where(sql<boolean>`+campaign_id = ${campaignId}`)
    .where('serial_hash', '>', after)
    .orderBy('serial_hash')
    .limit(limit)
    .execute();
}

/** Each village's H and online agreement as frozen at opening (null while a draft). */
export async function villageFacts(db: Kysely<Database>, campaignId: string) {
  return db
    .selectFrom('campaign_villages')
    .select(['village_id as villageId', 'households as villageHouseholds', 'online_agreement as onlineAgreement'])
    .where('campaign_id', '=', campaignId)
    .execute();
}
