// Calendar dates as the law counts them: whole days in Vietnam, written
// 'YYYY-MM-DD'. Arithmetic runs on day numbers (days since 1970-01-01), so no
// time zone or daylight-saving rule can shift a date by one.

/** A date in Vietnam, 'YYYY-MM-DD'. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Vietnam has kept UTC+7 without daylight saving since 1975 (Asia/Ho_Chi_Minh).
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Whether `s` is a real date written 'YYYY-MM-DD' (no 2026-02-30). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(d: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(d);
  if (!m || !isIsoDate(d)) throw new RangeError(`not a date 'YYYY-MM-DD': ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearOf(d: IsoDate): number {
  return parts(d)[0];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01. */
export function dayNumber(d: IsoDate): number {
  const [y, m, day] = parts(d);
  return Date.UTC(y, m - 1, day) / DAY_MS;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(d) + n);
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  return new Date(dayNumber(d) * DAY_MS).getUTCDay();
}

/**
 * The same day n months later, or that month's last day when it has no such
 * day (Bộ luật Dân sự 2015 Đ148 k1: a period in months ends on the
 * corresponding day of its last month).
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = parts(d);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return isoDate(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

/** The date in Vietnam at an instant (an ISO timestamp or a Date). */
export function vietnamDate(instant: string | Date): IsoDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${String(instant)}`);
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** A date as it stands, or the Vietnam date of a timestamp: the two shapes campaigns store. */
export function asVietnamDate(value: string): IsoDate {
  return isIsoDate(value) ? value : vietnamDate(value);
}

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);
