import type { AppDeps } from './deps';
import { vietnamDate, type IsoDate } from '../domain/calendar/iso-date';
import { workingCalendar, type WorkingCalendar } from '../domain/calendar/working-calendar';

/**
 * The working-day calendar a commune's deadlines are counted on. Every
 * commune uses the law's calendar (weekends, the Điều 112 holidays); the
 * commune's own record of the year's announced swaps (settings.ts) is read
 * here once it is stored, so every deadline of the app changes with it.
 */
export async function communeCalendar(_deps: AppDeps, _communeId: string): Promise<WorkingCalendar> {
  return workingCalendar();
}

/** Today in Vietnam, by the app's clock. */
export function vietnamToday(deps: AppDeps): IsoDate {
  return vietnamDate(deps.clock());
}
