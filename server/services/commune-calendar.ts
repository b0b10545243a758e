import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { vietnamDate, type IsoDate } from '../domain/calendar/iso-date';
import { workingCalendar, type WorkingCalendar } from '../domain/calendar/working-calendar';
import { parseCalendarSettings } from '../domain/calendar/settings';
import { getCommuneCalendar, saveCommuneCalendar, type StoredCalendar } from '../../db/repositories/commune-calendars';
import { findCommune } from '../../db/repositories/communes';
import { isoDate } from '../domain/calendar/iso-date';
import type { DayOff } from '../domain/calendar/working-calendar';
import { atomicWithAudit } from './audit';
import { communeOfActor } from './guards';

/**
 * The working-day calendar a commune's deadlines are counted on: the law's
 * (weekends, the Điều 112 holidays) with the commune's record of the year's
 * announced days off and swapped working days applied over it. Every deadline
 * of the app is counted on this, so a recorded swap moves them all.
 */
export async function communeCalendar(deps: AppDeps, communeId: string): Promise<WorkingCalendar> {
  return workingCalendar((await getCommuneCalendar(deps.db, communeId)).settings);
}

/** Today in Vietnam, by the app's clock. */
export function vietnamToday(deps: AppDeps): IsoDate {
  return vietnamDate(deps.clock());
}

/** The setting with the year's days off (holidays, substitutes, announced days) as the deadlines count them. */
export async function calendarOverview(deps: AppDeps, actor: Actor, year: number): Promise<StoredCalendar & { communeName: string | null; year: number; daysOff: DayOff[] }> {
  const communeId = communeOfActor(actor);
  const [stored, commune] = await Promise.all([getCommuneCalendar(deps.db, communeId), findCommune(deps.db, communeId)]);
  const daysOff = workingCalendar(stored.settings).daysOffBetween(isoDate(year, 1, 1), isoDate(year, 12, 31));
  return { ...stored, communeName: commune?.name ?? null, year, daysOff };
}

/**
 * Replaces the commune's calendar setting (admin or staff). A bad entry is
 * refused with every problem named by its field and nothing changes; the
 * audit entry keeps the setting before and after, so no earlier value is lost.
 */
export async function updateCalendarSetting(deps: AppDeps, actor: Actor, input: unknown): Promise<StoredCalendar> {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('FORBIDDEN');
  const communeId = communeOfActor(actor);
  const parsed = parseCalendarSettings(input);
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', undefined, parsed.problems);
  const before = await getCommuneCalendar(deps.db, communeId);
  const version = before.version + 1;
  await atomicWithAudit(
    deps,
    [saveCommuneCalendar(deps.db, communeId, parsed.value, version, actor.id, deps.clock().toISOString())],
    [{
      communeId, actor: actor.id, action: 'calendar.settings', entity: 'commune', entityId: communeId,
      data: { version, before: before.settings, after: parsed.value },
    }],
  );
  return getCommuneCalendar(deps.db, communeId);
}
