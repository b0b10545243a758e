import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface Initiative {
  id: string;
  communeId: string;
  scope: 'village' | 'commune';
  villageId: string | null;
  matter: string;
  proposer: string;
  /** the draft campaign it became */
  campaignId: string | null;
  createdBy: string;
  createdAt: string;
}

export interface Consent {
  initiativeId: string;
  householdId: string;
  givenOn: string;
  recordedBy: string;
  recordedAt: string;
}

/** A consent with its household as the register names it (staff pages only: personal data). */
export interface ConsentRow extends Consent {
  householdCode: string;
  representative: string;
  villageId: string;
}

const toInitiative = (r: Database['initiatives']): Initiative => ({
  id: r.id, communeId: r.commune_id, scope: r.scope, villageId: r.village_id, matter: r.matter, proposer: r.proposer,
  campaignId: r.campaign_id, createdBy: r.created_by, createdAt: r.created_at,
});

export function insertInitiative(db: Kysely<Database>, i: Initiative) {
  return db.insertInto('initiatives').values({
    id: i.id, commune_id: i.communeId, scope: i.scope, village_id: i.villageId, matter: i.matter, proposer: i.proposer,
    campaign_id: i.campaignId, created_by: i.createdBy, created_at: i.createdAt,
  });
}

export async function findInitiative(db: Kysely<Database>, id: string): Promise<Initiative | null> {
  const r = await db.selectFrom('initiatives').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toInitiative(r) : null;
}

export async function findInitiativeByCampaign(db: Kysely<Database>, campaignId: string): Promise<Initiative | null> {
  const r = await db.selectFrom('initiatives').selectAll().where('campaign_id', '=', campaignId).executeTakeFirst();
  return r ? toInitiative(r) : null;
}

export async function listInitiatives(db: Kysely<Database>, communeId: string): Promise<Initiative[]> {
  const rows = await db.selectFrom('initiatives').selectAll().where('commune_id', '=', communeId).orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toInitiative);
}

/** One consent per household: the primary key refuses a second one. */
export function insertConsent(db: Kysely<Database>, c: Consent) {
  return db.insertInto('initiative_consents').values({
    initiative_id: c.initiativeId, household_id: c.householdId, given_on: c.givenOn, recorded_by: c.recordedBy, recorded_at: c.recordedAt,
  });
}

export async function listConsents(db: Kysely<Database>, initiativeId: string): Promise<ConsentRow[]> {
  const rows = await db
    .selectFrom('initiative_consents as c')
    .innerJoin('households as h', 'h.id', 'c.household_id')
    .select(['c.initiative_id', 'c.household_id', 'c.given_on', 'c.recorded_by', 'c.recorded_at', 'h.code', 'h.representative', 'h.village_id'])
    .where('c.initiative_id', '=', initiativeId)
    .orderBy('h.code')
    .execute();
  return rows.map((r) => ({
    initiativeId: r.initiative_id, householdId: r.household_id, givenOn: r.given_on, recordedBy: r.recorded_by, recordedAt: r.recorded_at,
    householdCode: r.code, representative: r.representative, villageId: r.village_id,
  }));
}

/** Consents counted per initiative (the list page shows no household). */
export async function consentCounts(db: Kysely<Database>, initiativeIds: readonly string[]): Promise<Map<string, { householdId: string; givenOn: string }[]>> {
  const out = new Map<string, { householdId: string; givenOn: string }[]>();
  if (initiativeIds.length === 0) return out;
  const rows = await db.selectFrom('initiative_consents').select(['initiative_id', 'household_id', 'given_on']).where('initiative_id', 'in', [...initiativeIds]).execute();
  for (const r of rows) out.set(r.initiative_id, [...(out.get(r.initiative_id) ?? []), { householdId: r.household_id, givenOn: r.given_on }]);
  return out;
}

/** Links the draft campaign; 0 changed rows means it was already linked. */
export function linkCampaign(db: Kysely<Database>, id: string, campaignId: string) {
  return db.updateTable('initiatives').set({ campaign_id: campaignId }).where('id', '=', id).where('campaign_id', 'is', null);
}
