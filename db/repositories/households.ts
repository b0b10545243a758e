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

// Fixed SQL for the inserts an import repeats for every household: a query
// builder would be compiled anew 200,000 times for 100,000 households.
const HOUSEHOLD_COLUMNS = 'id, commune_id, village_id, code, head, representative, address, members, phone, note, search_text, status, version, updated_at';
const VERSION_COLUMNS = 'household_id, version, data, reason, changed_by, changed_at';
const INSERT_VERSION = `insert into household_versions (${VERSION_COLUMNS}) values (?, ?, ?, ?, ?, ?)`;
// D1 binds at most 100 parameters to one statement.
const MAX_PARAMS = 99;

/** A statement whose SQL never changes, with its parameters. */
class FixedStatement implements Compilable {
  constructor(private readonly sql: string, private readonly params: unknown[]) {}
  compile(): CompiledQuery {
    return CompiledQuery.raw(this.sql, this.params);
  }
}

const householdParams = (h: Household & { searchText: string }) => [
  h.id, h.communeId, h.villageId, h.code, h.head, h.representative, h.address, h.members, h.phone, h.note, h.searchText, h.status, h.version, h.updatedAt,
];

type VersionRow = { householdId: string; version: number; data: unknown; reason: string; changedBy: string | null; changedAt: string };
const versionParams = (v: VersionRow) => [v.householdId, v.version, JSON.stringify(v.data), v.reason, v.changedBy, v.changedAt];

/** Multi-row inserts of as many rows as D1's parameter limit lets one statement carry. */
function insertRows<T>(table: string, columns: string, width: number, rows: readonly T[], params: (row: T) => unknown[]): Compilable[] {
  const perStatement = Math.floor(MAX_PARAMS / width);
  const tuple = `(${new Array(width).fill('?').join(', ')})`;
  const out: Compilable[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values: unknown[] = [];
    for (const r of chunk) for (const p of params(r)) values.push(p);
    out.push(new FixedStatement(`insert into ${table} (${columns}) values ${new Array(chunk.length).fill(tuple).join(', ')}`, values));
  }
  return out;
}

/**
 * New households in few statements (an import writes hundreds at a time).
 * UNIQUE(commune_id, code): a second household with the same code is refused
 * by the database, and with it the whole write.
 */
export function insertHouseholds(_db: Kysely<Database>, rows: readonly (Household & { searchText: string })[]): Compilable[] {
  return insertRows('households', HOUSEHOLD_COLUMNS, 14, rows, householdParams);
}

/** Version rows in few statements; primary key (household, version). */
export function insertHouseholdVersions(_db: Kysely<Database>, rows: readonly VersionRow[]): Compilable[] {
  return insertRows('household_versions', VERSION_COLUMNS, 6, rows, versionParams);
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

export function insertHouseholdVersion(_db: Kysely<Database>, v: VersionRow): Compilable {
  return new FixedStatement(INSERT_VERSION, versionParams(v));
}

const CODES_PER_QUERY = MAX_PARAMS - 1; // and the commune

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
