// The Vietnamese lunar calendar, for the two holidays that follow it (Tết
// Nguyên đán and Giỗ Tổ Hùng Vương).
//
// The Vietnamese and Chinese calendars share their rules but not their
// meridian: Vietnam reckons new moons and solar terms at UTC+7 (since 1968),
// China at UTC+8. When a new moon falls between 16:00 and 17:00 UTC the month
// starts a day apart, so Tết differs in some years (1985, 2007, 2030: Vietnam
// 2/2/2030, China 3/2/2030). date-chinese computes both from the VSOP87
// planetary theory and its CalendarVietnamese uses UTC+7 from 1968; its results
// agree with Hồ Ngọc Đức's published Vietnamese algorithm for every Tết and
// 10/3 from 1968 to 2150 (checked when it was chosen).
import { CalendarVietnamese } from 'date-chinese';
import { isoDate, type IsoDate } from './iso-date';

/** Years the calendar answers for: the UTC+7 era of the Vietnamese lunar calendar, to the end of the date-chinese tables' tested range. */
export const LUNAR_YEARS = { min: 1968, max: 2199 } as const;

const cache = new Map<string, IsoDate>();

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_YEARS.min || year > LUNAR_YEARS.max) {
    throw new RangeError(`lunar dates are computed for ${LUNAR_YEARS.min}–${LUNAR_YEARS.max}, not ${year}`);
  }
}

/**
 * The solar date of lunar day `day` of the regular (not leap) lunar month
 * `month`, in the lunar year whose first day (Tết) falls in solar year `year`.
 */
export function solarDateOfLunar(year: number, month: number, day: number): IsoDate {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`lunar month 1–12, not ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`lunar day 1–30, not ${day}`);
  const key = `${year}-${month}-${day}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const cal = new CalendarVietnamese();
  cal.fromJDE(cal.newYear(year));
  const [cycle, cycleYear] = cal.get() as [number, number];
  cal.set(cycle, cycleYear, month, 0, day);
  const g = cal.toGregorian(year);
  const date = isoDate(g.year, g.month, g.day);
  cache.set(key, date);
  return date;
}

/** Mùng 1 Tết: the first day of the lunar year that starts in solar year `year`. */
export function lunarNewYear(year: number): IsoDate {
  return solarDateOfLunar(year, 1, 1);
}
