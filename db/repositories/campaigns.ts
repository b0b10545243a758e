import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Campaign, Candidate } from '../../server/domain/campaign';
import { normalizeApproval, type FrozenAgreement } from '../../server/domain/online-agreement';

type Row = Database['campaigns'];

export function toCampaign(r: Row): Campaign {
  return {
    id: r.id, communeId: r.commune_id, slug: r.slug, title: r.title, description: r.description, kind: r.kind,
    category: r.category, scope: r.scope, secret: r.secret === 1, status: r.status, channels: JSON.parse(r.channels),
    advisoryOnline: r.advisory_online === 1, survey: JSON.parse(r.survey), seats: r.seats,
    seatsByVillage: r.seats_by_village ? JSON.parse(r.seats_by_village) : null, board: r.board ?? null,
    onlineApproval: normalizeApproval(r.online_approval ? JSON.parse(r.online_approval) : null), opensAt: r.opens_at, closesAt: r.closes_at,
    openedAt: r.opened_at, closedAt: r.closed_at, publishedAt: r.published_at, createdBy: r.created_by,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function toRow(c: Campaign): Row {
  return {
    id: c.id, commune_id: c.communeId, slug: c.slug, title: c.title, description: c.description, kind: c.kind,
    category: c.category, scope: c.scope, secret: c.secret ? 1 : 0, status: c.status, channels: JSON.stringify(c.channels),
    advisory_online: c.advisoryOnline ? 1 : 0, survey: JSON.stringify(c.survey), seats: c.seats,
    seats_by_village: c.seatsByVillage ? JSON.stringify(c.seatsByVillage) : null, board: c.board,
    online_approval: c.onlineApproval ? JSON.stringify(c.onlineApproval) : null, opens_at: c.opensAt, closes_at: c.closesAt,
    opened_at: c.openedAt, closed_at: c.closedAt, published_at: c.publishedAt, created_by: c.createdBy,
    created_at: c.createdAt, updated_at: c.updatedAt,
  };
}

export function insertCampaign(db: Kysely<Database>, c: Campaign) {
  return db.insertInto('campaigns').values(toRow(c));
}

/** Rewrites a draft; the status condition makes an edit after opening change nothing. */
export function updateDraftCampaign(db: Kysely<Database>, c: Campaign) {
  const { id: _id, commune_id: _c, created_at: _a, created_by: _b, status: _s, ...rest } = toRow(c);
  return db.updateTable('campaigns').set(rest).where('id', '=', c.id).where('status', '=', 'draft');
}

export function insertCampaignVillages(db: Kysely<Database>, campaignId: string, villageIds: string[]) {
  return db.insertInto('campaign_villages').values(villageIds.map((v) => ({ campaign_id: campaignId, village_id: v, households: null })));
}

export function deleteCampaignVillages(db: Kysely<Database>, campaignId: string) {
  return db.deleteFrom('campaign_villages').where('campaign_id', '=', campaignId);
}

export function insertCandidates(db: Kysely<Database>, campaignId: string, candidates: Candidate[]) {
  return db.insertInto('candidates').values(
    candidates.map((c, i) => ({ campaign_id: campaignId, id: c.id, name: c.name, village_id: c.villageId, birth_year: c.birthYear, position: i })),
  );
}

export function deleteCandidates(db: Kysely<Database>, campaignId: string) {
  return db.deleteFrom('candidates').where('campaign_id', '=', campaignId);
}

/** Moves the status only from an allowed one: 0 changed rows means the transition was not allowed. */
export function setStatus(
  db: Kysely<Database>,
  id: string,
  from: Row['status'][],
  to: Row['status'],
  at: string,
) {
  const stamp = to === 'open' ? { opened_at: at } : to === 'closed' ? { closed_at: at } : to === 'published' ? { published_at: at } : {};
  return db.updateTable('campaigns').set({ status: to, updated_at: at, ...stamp }).where('id', '=', id).where('status', 'in', from);
}

/** Opening freezes H, the households of each village, as the register stands. */
export function freezeHouseholdCounts(db: Kysely<Database>, campaignId: string) {
  return db
    .updateTable('campaign_villages')
    .set({
      households: sql<number>`(select count(*) from households h where h.village_id = campaign_villages.village_id and h.status = 'active')`,
    })
    .where('campaign_id', '=', campaignId);
}

export async function findCampaign(db: Kysely<Database>, id: string): Promise<Campaign | null> {
  const r = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCampaign(r) : null;
}

export async function findCampaignBySlug(db: Kysely<Database>, slug: string): Promise<Campaign | null> {
  const r = await db.selectFrom('campaigns').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r ? toCampaign(r) : null;
}

export async function listCampaigns(db: Kysely<Database>, communeId: string): Promise<Campaign[]> {
  const rows = await db.selectFrom('campaigns').selectAll().where('commune_id', '=', communeId).orderBy('created_at', 'desc').execute();
  return rows.map(toCampaign);
}

export interface CampaignVillage {
  villageId: string;
  code: string;
  name: string;
  /** frozen at opening; null while draft */
  households: number | null;
  /** the households' agreement to vote online, frozen at opening (raw JSON; parseFrozen reads it) */
  onlineAgreement: string | null;
}

export async function listCampaignVillages(db: Kysely<Database>, campaignId: string): Promise<CampaignVillage[]> {
  const rows = await db
    .selectFrom('campaign_villages as cv')
    .innerJoin('villages as v', 'v.id', 'cv.village_id')
    .select(['cv.village_id as villageId', 'v.code', 'v.name', 'cv.households', 'cv.online_agreement as onlineAgreement'])
    .where('cv.campaign_id', '=', campaignId)
    .orderBy('v.code')
    .execute();
  return rows;
}

/** Commune scope covers every village of the commune: adds, while a draft, those the campaign does not list yet. */
export function insertMissingCommuneVillages(db: Kysely<Database>, campaignId: string, communeId: string) {
  return db.insertInto('campaign_villages').columns(['campaign_id', 'village_id', 'households']).expression(
    db.selectFrom('villages as v')
      .select([sql<string>`${campaignId}`.as('campaign_id'), 'v.id as village_id', sql<null>`null`.as('households')])
      .where('v.commune_id', '=', communeId)
      .where(({ not, exists, selectFrom }) => not(exists(
        selectFrom('campaign_villages as cv').select('cv.village_id').where('cv.campaign_id', '=', campaignId).whereRef('cv.village_id', '=', 'v.id'),
      ))),
  );
}

/** Opening freezes each village's agreement to vote online (NĐ 59 Đ5) next to H. */
export function freezeOnlineAgreement(db: Kysely<Database>, campaignId: string, villageId: string, record: FrozenAgreement | null) {
  return db
    .updateTable('campaign_villages')
    .set({ online_agreement: record ? JSON.stringify(record) : null })
    .where('campaign_id', '=', campaignId)
    .where('village_id', '=', villageId);
}

/** Rewrites a draft's online agreement record; 0 changed rows when it is no longer a draft. */
export function setDraftOnlineApproval(db: Kysely<Database>, campaignId: string, approval: string, at: string) {
  return db.updateTable('campaigns').set({ online_approval: approval, updated_at: at }).where('id', '=', campaignId).where('status', '=', 'draft');
}

export async function listCandidates(db: Kysely<Database>, campaignId: string): Promise<Candidate[]> {
  const rows = await db.selectFrom('candidates').selectAll().where('campaign_id', '=', campaignId).orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, villageId: r.village_id, birthYear: r.birth_year }));
}

export async function slugTaken(db: Kysely<Database>, slug: string): Promise<boolean> {
  return !!(await db.selectFrom('campaigns').select('id').where('slug', '=', slug).executeTakeFirst());
}

