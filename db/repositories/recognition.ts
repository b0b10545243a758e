import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Recognition } from '../../server/domain/recognition';
import type { IsoDate } from '../../server/domain/calendar/iso-date';

const toRecognition = (r: Database['recognitions']): Recognition => ({
  campaignId: r.campaign_id, version: r.version, number: r.number, decidedOn: r.decided_on as IsoDate, signer: r.signer, body: r.body,
  scan: r.scan_key && r.scan_mime ? { key: r.scan_key, mime: r.scan_mime } : null, reason: r.reason, recordedBy: r.recorded_by, recordedAt: r.recorded_at,
});

/** PRIMARY KEY(campaign, version): a version written twice at once is refused. */
export function insertRecognition(db: Kysely<Database>, r: Recognition) {
  return db.insertInto('recognitions').values({
    campaign_id: r.campaignId, version: r.version, number: r.number, decided_on: r.decidedOn, signer: r.signer, body: r.body,
    scan_key: r.scan?.key ?? null, scan_mime: r.scan?.mime ?? null, reason: r.reason, recorded_by: r.recordedBy, recorded_at: r.recordedAt,
  });
}

/** Every version, newest first. */
export async function listRecognitions(db: Kysely<Database>, campaignId: string): Promise<Recognition[]> {
  const rows = await db.selectFrom('recognitions').selectAll().where('campaign_id', '=', campaignId).orderBy('version', 'desc').execute();
  return rows.map(toRecognition);
}
