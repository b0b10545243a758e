import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { OutreachRecord } from '../../server/domain/outreach';

const toRecord = (r: Database['outreach_records']): OutreachRecord => ({
  id: r.id, campaignId: r.campaign_id, villageId: r.village_id, kind: r.kind, doneOn: r.done_on, households: r.households, note: r.note,
  photo: r.photo_key && r.photo_mime ? { key: r.photo_key, mime: r.photo_mime } : null, recordedBy: r.recorded_by, recordedAt: r.recorded_at,
});

/** UNIQUE(campaign, village, kind, day) refuses the same record twice. */
export function insertOutreach(db: Kysely<Database>, r: OutreachRecord) {
  return db.insertInto('outreach_records').values({
    id: r.id, campaign_id: r.campaignId, village_id: r.villageId, kind: r.kind, done_on: r.doneOn, households: r.households, note: r.note,
    photo_key: r.photo?.key ?? null, photo_mime: r.photo?.mime ?? null, recorded_by: r.recordedBy, recorded_at: r.recordedAt,
  });
}

export async function listOutreach(db: Kysely<Database>, campaignIds: string[]): Promise<OutreachRecord[]> {
  if (campaignIds.length === 0) return [];
  const rows = await db.selectFrom('outreach_records').selectAll().where('campaign_id', 'in', campaignIds).orderBy('done_on').orderBy('recorded_at').execute();
  return rows.map(toRecord);
}

/** A record's photo with where it belongs, for the access check before serving it. */
export async function findOutreachPhoto(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('outreach_records as o')
    .innerJoin('campaigns as c', 'c.id', 'o.campaign_id')
    .select(['o.id', 'o.photo_key as key', 'o.photo_mime as mime', 'o.village_id as villageId', 'c.commune_id as communeId'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}
