import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { EMPTY_CALENDAR_SETTINGS, type CalendarSettings } from '../../server/domain/calendar/settings';

export interface StoredCalendar {
  settings: CalendarSettings;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The commune's calendar setting; none stored: the law's calendar as it is (version 0). */
export async function getCommuneCalendar(db: Kysely<Database>, communeId: string): Promise<StoredCalendar> {
  const r = await db.selectFrom('commune_calendars').selectAll().where('commune_id', '=', communeId).executeTakeFirst();
  if (!r) return { settings: EMPTY_CALENDAR_SETTINGS, version: 0, updatedBy: null, updatedAt: null };
  return { settings: JSON.parse(r.settings) as CalendarSettings, version: r.version, updatedBy: r.updated_by, updatedAt: r.updated_at };
}

/** Stores a checked setting; the audit entry written with it keeps the earlier one. */
export function saveCommuneCalendar(db: Kysely<Database>, communeId: string, settings: CalendarSettings, version: number, by: string, at: string) {
  const values = { settings: JSON.stringify(settings), version, updated_by: by, updated_at: at };
  return db.insertInto('commune_calendars').values({ commune_id: communeId, ...values }).onConflict((oc) => oc.column('commune_id').doUpdateSet(values));
}
