import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface HouseholdNotReturned {
  villageId: string;
  code: string;
  head: string;
  representative: string;
  address: string;
  /** the household was never given a serial (added to the register after the serials were issued) */
  noSerial: boolean;
}

/**
 * Active households of the campaign's villages (one village, or all) whose
 * ballot has not come back: no serial of theirs in this campaign has a use,
 * online or on paper. Read from serials and their uses alone, never from
 * answers, so it says who took part and nothing of what anyone said.
 */
export async function householdsNotReturned(db: Kysely<Database>, campaignId: string, villageId?: string): Promise<HouseholdNotReturned[]> {
  let q = db
    .selectFrom('households as h')
    .innerJoin('campaign_villages as cv', (j) => j.onRef('cv.village_id', '=', 'h.village_id').on('cv.campaign_id', '=', campaignId))
    .select((eb) => [
      'h.village_id as villageId', 'h.code', 'h.head', 'h.representative', 'h.address',
      eb.not(eb.exists(eb.selectFrom('serials as s').select('s.serial_hash').where('s.campaign_id', '=', campaignId).whereRef('s.household_id', '=', 'h.id'))).as('noSerial'),
    ])
    .where('h.status', '=', 'active')
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('serials as s')
        .innerJoin('serial_uses as u', 'u.serial_hash', 's.serial_hash')
        .select('s.serial_hash')
        .where('s.campaign_id', '=', campaignId)
        .whereRef('s.household_id', '=', 'h.id'),
    )));
  if (villageId) q = q.where('h.village_id', '=', villageId);
  const rows = await q.orderBy('h.code').execute();
  return rows.map((r) => ({ ...r, noSerial: Boolean(r.noSerial) }));
}
