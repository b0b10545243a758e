// The working days of a Vietnamese commune office: Monday to Friday, less the
// public holidays (BLLĐ 2019 Đ112), less a day off on the next working day for
// a holiday that falls on a weekend (Đ111 k3), then the commune's record of
// the year's announcement (swapped days, làm bù) applied over all of it.
import type { LocalizedText } from '../i18n';
import { DEFAULT_RULES, type HolidayId, type LegalRules } from '../legal-rules';
import { holidaysOfYear } from './holidays';
import { addDays, dayNumber, weekday, yearOf, type IsoDate } from './iso-date';
import { EMPTY_CALENDAR_SETTINGS, type CalendarAdjustment, type CalendarSettings } from './settings';

export type DayOffReason = 'weekly_rest' | 'holiday' | 'substitute' | 'announced';

export interface DayOff {
  date: IsoDate;
  reason: DayOffReason;
  name: LocalizedText;
  article: string;
  holiday?: HolidayId;
}

export interface WorkingCalendar {
  readonly settings: CalendarSettings;
  /** why a date is not a working day, or null when it is one */
  dayOff(date: IsoDate): DayOff | null;
  isWorkingDay(date: IsoDate): boolean;
  /** `date` itself when it is a working day, else the first working day after it */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** the n-th working day after `date` (n ≥ 1; `date` itself is never counted) */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** working days in (from, to]: how far `to` is from `from` in working days (0 when to ≤ from) */
  workingDaysAfter(from: IsoDate, to: IsoDate): number;
  /** every day off in [from, to] that is not a plain weekend: holidays, substitutes, announced days (for a calendar view) */
  daysOffBetween(from: IsoDate, to: IsoDate): DayOff[];
}

// No lawful calendar has a year without a working day; the bound only stops a
// loop should a setting ever make every day a day off.
const SEARCH_LIMIT_DAYS = 3_660;

/** Builds the calendar from the commune's setting (default: none) and the rules. */
export function workingCalendar(settings: CalendarSettings = EMPTY_CALENDAR_SETTINGS, rules: LegalRules = DEFAULT_RULES): WorkingCalendar {
  const rest = new Set(rules.calendar.weeklyRest.value.weekdays);
  const adjustments = new Map<IsoDate, CalendarAdjustment>(settings.adjustments.map((a) => [a.date, a]));
  const years = new Map<number, Map<IsoDate, DayOff>>();

  const isRestDay = (d: IsoDate) => rest.has(weekday(d));

  function holidayDaysOf(year: number): Map<IsoDate, DayOff> {
    const hit = years.get(year);
    if (hit) return hit;
    const off = new Map<IsoDate, DayOff>();
    const holidays = holidaysOfYear(year, settings.enabledHolidays, rules);
    for (const h of holidays) {
      off.set(h.date, { date: h.date, reason: 'holiday', name: h.name, article: h.article, holiday: h.holiday });
    }
    if (rules.calendar.weekendSubstitute.value.nextWorkingDay) {
      const sub = rules.calendar.weekendSubstitute;
      for (const h of holidays) {
        if (!isRestDay(h.date)) continue;
        let d = addDays(h.date, 1);
        while (isRestDay(d) || off.has(d)) d = addDays(d, 1);
        off.set(d, {
          date: d,
          reason: 'substitute',
          name: { vi: `Nghỉ bù ${h.name.vi}`, en: `Substitute day off for ${h.name.en}` },
          article: sub.article,
          holiday: h.holiday,
        });
      }
    }
    years.set(year, off);
    return off;
  }

  function dayOff(date: IsoDate): DayOff | null {
    const adjusted = adjustments.get(date);
    if (adjusted?.kind === 'working_day') return null;
    if (adjusted?.kind === 'day_off') {
      return { date, reason: 'announced', name: { vi: adjusted.reason, en: adjusted.reason }, article: rules.calendar.announcedChanges.article };
    }
    const holiday = holidayDaysOf(yearOf(date)).get(date);
    if (holiday) return holiday;
    if (isRestDay(date)) {
      return { date, reason: 'weekly_rest', name: { vi: 'Nghỉ hằng tuần', en: 'Weekly rest day' }, article: rules.calendar.weeklyRest.article };
    }
    return null;
  }

  const isWorkingDay = (date: IsoDate) => dayOff(date) === null;

  function nextWorkingDay(date: IsoDate): IsoDate {
    let d = date;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, d = addDays(d, 1)) {
      if (isWorkingDay(d)) return d;
    }
    throw new RangeError(`no working day within ${SEARCH_LIMIT_DAYS} days of ${date}`);
  }

  function addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`a count of working days is a whole number ≥ 1, not ${n}`);
    let d = date;
    for (let counted = 0; counted < n; ) {
      d = nextWorkingDay(addDays(d, 1));
      counted++;
    }
    return d;
  }

  function workingDaysAfter(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  }

  function daysOffBetween(from: IsoDate, to: IsoDate): DayOff[] {
    const out: DayOff[] = [];
    const span = dayNumber(to) - dayNumber(from);
    if (span > SEARCH_LIMIT_DAYS) throw new RangeError(`at most ${SEARCH_LIMIT_DAYS} days at once`);
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const off = dayOff(d);
      if (off && off.reason !== 'weekly_rest') out.push(off);
    }
    return out;
  }

  return { settings, dayOff, isWorkingDay, nextWorkingDay, addWorkingDays, workingDaysAfter, daysOffBetween };
}
