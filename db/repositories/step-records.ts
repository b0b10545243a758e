import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { StepFact, StepRecord } from '../../server/domain/step-records';

const toRecord = (r: Database['campaign_step_records']): StepRecord => ({
  id: r.id, campaignId: r.campaign_id, fact: r.fact as StepFact, doneOn: r.done_on, untilOn: r.until_on, note: r.note,
  recordedBy: r.recorded_by, recordedAt: r.recorded_at,
});

/** Append-only (the schema refuses update and delete): a correction is a new row. */
export function insertStepRecord(db: Kysely<Database>, r: StepRecord) {
  return db.insertInto('campaign_step_records').values({
    id: r.id, campaign_id: r.campaignId, fact: r.fact, done_on: r.doneOn, until_on: r.untilOn, note: r.note,
    recorded_by: r.recordedBy, recorded_at: r.recordedAt,
  });
}

/** Every record of the campaigns, oldest first. */
export async function listStepRecords(db: Kysely<Database>, campaignIds: readonly string[]): Promise<StepRecord[]> {
  if (campaignIds.length === 0) return [];
  const rows = await db.selectFrom('campaign_step_records').selectAll().where('campaign_id', 'in', [...campaignIds])
    .orderBy('recorded_at').orderBy('id').execute();
  return rows.map(toRecord);
}
