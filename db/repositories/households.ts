import { CompiledQuery, sql, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../schema';

export interface Household {
  id: string;
  communeId: string;
  villageId: string;
  code: string;
  head: string;
  representative: string;
  address: string;
  members: number;
  phone: string;
  note: string;
  status: 'active' | 'left';
  version: number;
  updatedAt: string;
}

export interface HouseholdVersion {
  version: number;
  data: Record<string, unknown>;
  reason: string;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: string;
}

type Row = Database['households'];
const toHousehold = (r: Row): Household => ({
  id: r.id, communeId: r.commune_id, villageId: r.village_id, code: r.code, head: r.head, representative: r.representative,
  address: r.address, members: r.members, phone: r.phone, note: r.note, status: r.status, version: r.version, updatedAt: r.updated_at,
});

const toRow = (h: Household & { searchText: string }): Row => ({
  id: h.id, commune_id: h.communeId, village_id: h.villageId, code: h.code, head: h.head, representative: h.representative,
  address: h.address, members: h.members, phone: h.phone, note: h.note, search_text: h.searchText, status: h.status,
  version: h.version, updated_at: h.updatedAt,
});

// Fixed SQL for the two inserts an import repeats for every household: a
// query builder would be compiled anew 200,000 times for 100,000 households.
const INSERT_HOUSEHOLD = `insert into households (id, commune_id, village_id, code, head, representative, address, members, phone, note, search_text, status, version, updated_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_VERSION = `insert into household_versions (household_id, version, data, reason, changed_by, changed_at) values (?, ?, ?, ?, ?, ?)`;

/** UNIQUE(commune_id, code): a second household with the same code is refused by the database. */
export function insertHousehold(_db: Kysely<Database>, h: Household & { searchText: string }): Compilable {
  const params = [h.id, h.communeId, h.villageId, h.code, h.head, h.representative, h.address, h.members, h.phone, h.note, h.searchText, h.status, h.version, h.updatedAt];
  return { compile: () => CompiledQuery.raw(INSERT_HOUSEHOLD, params) };
}

/**
 * Writes the new state only if nobody changed the household since it was
 * read (version check); the household_versions row written beside it has
 * primary key (household, version), so a concurrent writer collides there.
 */
export function updateHousehold(db: Kysely<Database>, h: Household & { searchText: string }, expectedVersion: number) {
  const { id: _id, commune_id: _c, code: _code, ...rest } = toRow(h);
  return db.updateTable('households').set(rest).where('id', '=', h.id).where('version', '=', expectedVersion);
}

export function insertHouseholdVersion(
  _db: Kysely<Database>,
  v: { householdId: string; version: number; data: unknown; reason: string; changedBy: string | null; changedAt: string },
): Compilable {
  const params = [v.householdId, v.version, JSON.stringify(v.data), v.reason, v.changedBy, v.changedAt];
  return { compile: () => CompiledQuery.raw(INSERT_VERSION, params) };
}

// D1 binds at most 100 parameters to one statement.
const CODES_PER_QUERY = 90;

/** The commune's households with these codes (any status), in no particular order. */
export async function findHouseholdsByCodes(db: Kysely<Database>, communeId: string, codes: readonly string[]): Promise<Household[]> {
  const out: Household[] = [];
  for (let i = 0; i < codes.length; i += CODES_PER_QUERY) {
    const rows = await db.selectFrom('households').selectAll()
      .where('commune_id', '=', communeId).where('code', 'in', codes.slice(i, i + CODES_PER_QUERY)).execute();
    for (const r of rows) out.push(toHousehold(r));
  }
  return out;
}

export async function listAllHouseholds(db: Kysely<Database>, communeId: string): Promise<Household[]> {
  return (await db.selectFrom('households').selectAll().where('commune_id', '=', communeId).execute()).map(toHousehold);
}

export async function findHouseholdByCode(db: Kysely<Database>, communeId: string, code: string): Promise<Household | null> {
  const r = await db.selectFrom('households').selectAll().where('commune_id', '=', communeId).where('code', '=', code).executeTakeFirst();
  return r ? toHousehold(r) : null;
}

export interface HouseholdQuery {
  communeId: string;
  villageId?: string;
  /** Folded phrases; each must occur in search_text. */
  words?: string[];
  status?: 'active' | 'left' | 'all';
  limit?: number;
  offset?: number;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

function filtered(db: Kysely<Database>, q: HouseholdQuery) {
  let query = db.selectFrom('households').where('households.commune_id', '=', q.communeId);
  if (q.villageId) query = query.where('households.village_id', '=', q.villageId);
  const status = q.status ?? 'active';
  if (status !== 'all') query = query.where('households.status', '=', status);
  for (const w of q.words ?? []) query = query.where(sql<boolean>`households.search_text like ${'%' + likeEscape(w) + '%'} escape '\\'`);
  return query;
}

export async function searchHouseholds(db: Kysely<Database>, q: HouseholdQuery): Promise<Household[]> {
  let query = filtered(db, q).selectAll('households').orderBy('households.code');
  if (q.limit !== undefined) query = query.limit(q.limit).offset(q.offset ?? 0);
  return (await query.execute()).map(toHousehold);
}

export async function countHouseholds(db: Kysely<Database>, q: HouseholdQuery): Promise<number> {
  const r = await filtered(db, q).select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function listHouseholdVersions(db: Kysely<Database>, householdId: string): Promise<HouseholdVersion[]> {
  const rows = await db
    .selectFrom('household_versions')
    .leftJoin('users', 'users.id', 'household_versions.changed_by')
    .select([
      'household_versions.version', 'household_versions.data', 'household_versions.reason', 'household_versions.changed_by',
      'household_versions.changed_at', 'users.username',
    ])
    .where('household_versions.household_id', '=', householdId)
    .orderBy('household_versions.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version, data: JSON.parse(r.data) as Record<string, unknown>, reason: r.reason, changedBy: r.changed_by,
    changedByName: r.username ?? null, changedAt: r.changed_at,
  }));
}
