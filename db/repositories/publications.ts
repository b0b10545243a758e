import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface PublicationRow {
  campaignId: string;
  version: number;
  hash: string;
  reason: string;
  publishedBy: string;
  publishedAt: string;
}

export interface Publication extends PublicationRow {
  /** the frozen results JSON exactly as hashed */
  snapshot: string;
}

/**
 * A publication is never updated or deleted: the primary key (campaign,
 * version) makes two publishers that read the same latest version collide
 * instead of both writing version n + 1.
 */
export function insertPublication(db: Kysely<Database>, p: Publication) {
  return db.insertInto('publications').values({
    campaign_id: p.campaignId, version: p.version, snapshot: p.snapshot, hash: p.hash, reason: p.reason,
    published_by: p.publishedBy, published_at: p.publishedAt,
  });
}

export async function latestPublication(db: Kysely<Database>, campaignId: string): Promise<Publication | null> {
  const r = await db
    .selectFrom('publications')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r
    ? { campaignId: r.campaign_id, version: r.version, snapshot: r.snapshot, hash: r.hash, reason: r.reason, publishedBy: r.published_by, publishedAt: r.published_at }
    : null;
}

/** The latest version and hash of a campaign found by slug, without its snapshot: the cheap check a cached page needs. */
export async function latestVersionBySlug(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom('campaigns as c')
    .innerJoin('publications as p', 'p.campaign_id', 'c.id')
    .select(['c.id as campaignId', 'c.commune_id as communeId', 'p.version', 'p.hash', 'p.published_at as publishedAt'])
    .where('c.slug', '=', slug)
    .orderBy('p.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findPublication(db: Kysely<Database>, campaignId: string, version: number): Promise<Publication | null> {
  const r = await db
    .selectFrom('publications')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('version', '=', version)
    .executeTakeFirst();
  return r
    ? { campaignId: r.campaign_id, version: r.version, snapshot: r.snapshot, hash: r.hash, reason: r.reason, publishedBy: r.published_by, publishedAt: r.published_at }
    : null;
}

/** Every version, newest first, without the snapshots. */
export async function listPublications(db: Kysely<Database>, campaignId: string): Promise<PublicationRow[]> {
  const rows = await db
    .selectFrom('publications')
    .select(['campaign_id as campaignId', 'version', 'hash', 'reason', 'published_by as publishedBy', 'published_at as publishedAt'])
    .where('campaign_id', '=', campaignId)
    .orderBy('version', 'desc')
    .execute();
  return rows;
}

/** Published campaigns of a commune with their latest publication time, newest first. */
export async function listPublishedCampaigns(db: Kysely<Database>, communeId: string) {
  return db
    .selectFrom('campaigns as c')
    .innerJoin('publications as p', 'p.campaign_id', 'c.id')
    .select(['c.id', 'c.slug', 'c.title', 'c.kind', 'c.category'])
    .select((eb) => [eb.fn.max('p.version').as('version'), eb.fn.max('p.published_at').as('publishedAt')])
    .where('c.commune_id', '=', communeId)
    .groupBy(['c.id', 'c.slug', 'c.title', 'c.kind', 'c.category'])
    .orderBy('publishedAt', 'desc')
    .execute();
}

/** A commune's publication as the audit check reads it: its snapshot, and the chain anchor recorded in it. */
export interface PublicationForAudit {
  campaignId: string;
  version: number;
  hash: string;
  /** the frozen results JSON exactly as stored */
  snapshot: string;
  /** the chain's head when it was published (null when the snapshot has none or does not parse) */
  auditAnchor: { seq: number; hash: string } | null;
}

/** Every publication of a commune's campaigns with its snapshot, to check each against its hash and the chain. */
export async function communePublications(db: Kysely<Database>, communeId: string): Promise<PublicationForAudit[]> {
  const rows = await db
    .selectFrom('publications as p')
    .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
    .select(['p.campaign_id as campaignId', 'p.version', 'p.hash', 'p.snapshot'])
    .where('c.commune_id', '=', communeId)
    .orderBy('p.campaign_id')
    .orderBy('p.version')
    .execute();
  return rows.map((r) => {
    let auditAnchor: PublicationForAudit['auditAnchor'] = null;
    try {
      auditAnchor = (JSON.parse(r.snapshot) as { auditAnchor?: { seq: number; hash: string } }).auditAnchor ?? null;
    } catch {
      // an edited snapshot: its stored hash no longer matches, which the check reports
    }
    return { ...r, auditAnchor };
  });
}
