import type { Kysely } from 'kysely';
import type { Database } from '../schema';

// The reads the plan's scorecard needs beyond what other repositories give.

/** The stored answers of a satisfaction survey, as JSON text (parsed by the caller). */
export async function surveyAnswers(db: Kysely<Database>, campaignId: string): Promise<string[]> {
  const rows = await db.selectFrom('ballots').select('answers').where('campaign_id', '=', campaignId).execute();
  return rows.map((r) => r.answers);
}

/** Dialogue conferences of a commune held (or planned) between two instants, with their state. */
export async function dialoguesBetween(db: Kysely<Database>, communeId: string, fromIso: string, toIso: string) {
  return db
    .selectFrom('dialogues')
    .select(['id', 'status', 'held_at as heldAt'])
    .where('commune_id', '=', communeId)
    .where('held_at', '>=', fromIso)
    .where('held_at', '<=', toIso)
    .execute();
}
