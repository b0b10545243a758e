import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { SheetChannel } from '../../server/domain/legal-rules';

export type SheetStatus = 'submitted' | 'confirmed' | 'superseded';

/** What a village head entered on the biên bản, once checked. */
export type { SheetData } from '../../server/domain/tally-sheet-checks';
import type { SheetData } from '../../server/domain/tally-sheet-checks';

export interface SheetWarning {
  path: string;
  message: { vi: string; en: string };
}

export interface TallySheet {
  id: string;
  campaignId: string;
  villageId: string;
  channel: SheetChannel;
  version: number;
  supersedes: string | null;
  status: SheetStatus;
  data: SheetData;
  /** the checks' warnings when it was entered, shown to whoever confirms */
  warnings: SheetWarning[];
  reason: string;
  submittedBy: string;
  submittedAt: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

type Row = Database['tally_sheets'];

function toSheet(r: Row): TallySheet {
  const stored = JSON.parse(r.data) as { sheet: SheetData; warnings?: SheetWarning[] };
  return {
    id: r.id, campaignId: r.campaign_id, villageId: r.village_id, channel: r.channel, version: r.version,
    supersedes: r.supersedes, status: r.status, data: stored.sheet, warnings: stored.warnings ?? [], reason: r.reason,
    submittedBy: r.submitted_by, submittedAt: r.submitted_at, confirmedBy: r.confirmed_by, confirmedAt: r.confirmed_at,
  };
}

export function insertSheet(db: Kysely<Database>, s: Omit<TallySheet, 'confirmedBy' | 'confirmedAt'>) {
  return db.insertInto('tally_sheets').values({
    id: s.id, campaign_id: s.campaignId, village_id: s.villageId, channel: s.channel, version: s.version,
    supersedes: s.supersedes, status: s.status, data: JSON.stringify({ sheet: s.data, warnings: s.warnings }), reason: s.reason,
    submitted_by: s.submittedBy, submitted_at: s.submittedAt, confirmed_by: null, confirmed_at: null,
  });
}

/** The old version stops counting; 0 changed rows means someone superseded it first. */
export function supersedeSheet(db: Kysely<Database>, id: string) {
  return db.updateTable('tally_sheets').set({ status: 'superseded' }).where('id', '=', id).where('status', '<>', 'superseded');
}

/**
 * The second person's confirmation. The conditions are the rule itself, so a
 * race cannot slip past a read: only a submitted sheet, only by someone other
 * than its submitter. 0 changed rows means it was not allowed.
 */
export function confirmSheet(db: Kysely<Database>, id: string, by: string, at: string) {
  return db
    .updateTable('tally_sheets')
    .set({ status: 'confirmed', confirmed_by: by, confirmed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'submitted')
    .where('submitted_by', '<>', by);
}

/** A sheet with the commune of its campaign (every lookup by id is scoped by the caller). */
export async function findSheet(db: Kysely<Database>, id: string): Promise<(TallySheet & { communeId: string }) | null> {
  const r = await db
    .selectFrom('tally_sheets as t')
    .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
    .selectAll('t')
    .select('c.commune_id as communeId')
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  const { communeId, ...row } = r;
  return { ...toSheet(row as Row), communeId };
}

/** Every version of every sheet of a campaign (optionally one village), newest version first. */
export async function listSheets(db: Kysely<Database>, campaignId: string, villageId?: string): Promise<TallySheet[]> {
  let q = db.selectFrom('tally_sheets').selectAll().where('campaign_id', '=', campaignId);
  if (villageId) q = q.where('village_id', '=', villageId);
  const rows = await q.orderBy('village_id').orderBy('channel').orderBy('version', 'desc').execute();
  return rows.map(toSheet);
}

/**
 * The sheets that count: confirmed and not superseded. A correction
 * supersedes the version it corrects, so at most one per village and channel.
 */
export async function confirmedSheets(db: Kysely<Database>, campaignId: string): Promise<TallySheet[]> {
  const rows = await db.selectFrom('tally_sheets').selectAll().where('campaign_id', '=', campaignId).where('status', '=', 'confirmed').execute();
  return rows.map(toSheet);
}

export interface TallyPhoto {
  id: string;
  tallyId: string;
  blobKey: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

/**
 * Adds a photo unless its sheet already has `max`: the insert then adds no
 * row, and an expectChanged() after it undoes the whole write (so the cap
 * holds for uploads sent at the same moment too).
 */
export function insertPhoto(db: Kysely<Database>, p: TallyPhoto, max: number) {
  return db
    .insertInto('tally_photos')
    .columns(['id', 'tally_id', 'blob_key', 'mime', 'size', 'sha256', 'created_at'])
    .expression(
      db
        .selectNoFrom([
          sql.val(p.id).as('id'), sql.val(p.tallyId).as('tally_id'), sql.val(p.blobKey).as('blob_key'), sql.val(p.mime).as('mime'),
          sql.val(p.size).as('size'), sql.val(p.sha256).as('sha256'), sql.val(p.createdAt).as('created_at'),
        ])
        .where(sql<boolean>`(select count(*) from tally_photos where tally_id = ${p.tallyId}) < ${max}`),
    );
}

export async function listPhotos(db: Kysely<Database>, tallyIds: string[]): Promise<TallyPhoto[]> {
  if (tallyIds.length === 0) return [];
  const rows = await db.selectFrom('tally_photos').selectAll().where('tally_id', 'in', tallyIds).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, tallyId: r.tally_id, blobKey: r.blob_key, mime: r.mime, size: r.size, sha256: r.sha256, createdAt: r.created_at }));
}

export async function countPhotos(db: Kysely<Database>, tallyId: string): Promise<number> {
  const r = await db.selectFrom('tally_photos').select((eb) => eb.fn.countAll<number>().as('n')).where('tally_id', '=', tallyId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** A photo with where it belongs (village, commune), for the access check before serving it. */
export async function findPhoto(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('tally_photos as p')
    .innerJoin('tally_sheets as t', 't.id', 'p.tally_id')
    .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
    .select(['p.id', 'p.blob_key as blobKey', 'p.mime', 'p.size', 't.village_id as villageId', 'c.commune_id as communeId'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Display names of the people who entered and confirmed sheets. */
export async function userNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name || r.username]));
}

/** Current (unrevoked) serials per village: the paper ballots handed out. */
export async function serialsPerVillage(db: Kysely<Database>, campaignId: string) {
  const rows = await db
    .selectFrom('serials')
    .select(['village_id as villageId', sql<number>`count(*)`.as('n')])
    .where('campaign_id', '=', campaignId)
    .where('revoked', '=', 0)
    .groupBy('village_id')
    .execute();
  return new Map(rows.map((r) => [r.villageId, Number(r.n)]));
}

export async function householdCode(db: Kysely<Database>, householdId: string): Promise<string | null> {
  const r = await db.selectFrom('households').select('code').where('id', '=', householdId).executeTakeFirst();
  return r?.code ?? null;
}
