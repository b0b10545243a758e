// The commune's calendar setting: what the Government announces each year and
// no rule can compute (which Friday is swapped for which Saturday), and the
// holidays a commune switches on once a change of the law is in force. Data
// the commune edits, never code; checked here so a bad entry is refused with
// the field it concerns and nothing changes.
import type { LocalizedText } from '../i18n';
import { DEFAULT_RULES, type HolidayId, type LegalRules } from '../legal-rules';
import { holidaysOfYear } from './holidays';
import { isIsoDate, weekday, yearOf, type IsoDate } from './iso-date';
import { LUNAR_YEARS } from './lunar';

export interface CalendarAdjustment {
  date: IsoDate;
  /**
   * day_off: an announced day off on a working day (nghỉ bù, or the day off of
   * a swap, hoán đổi); working_day: a rest day worked instead (làm bù), or a
   * default Tết / Quốc khánh day the year's announcement placed elsewhere.
   */
  kind: 'day_off' | 'working_day';
  /** what the announcement says, e.g. 'Hoán đổi: nghỉ thứ Sáu 02/01/2026, làm bù thứ Bảy 10/01/2026' */
  reason: string;
}

export interface CalendarSettings {
  adjustments: CalendarAdjustment[];
  /** holidays the rules mark 'proposed' that the commune applies because they are now law */
  enabledHolidays: HolidayId[];
}

export const EMPTY_CALENDAR_SETTINGS: CalendarSettings = { adjustments: [], enabledHolidays: [] };

/** A refusal naming its field, in the shape of the HTTP error details. */
export interface SettingProblem {
  path: string;
  message: LocalizedText;
}

export type ParsedCalendarSettings = { ok: true; value: CalendarSettings } | { ok: false; problems: SettingProblem[] };

const MAX_ADJUSTMENTS = 500;
const MAX_REASON = 300;

/** Whether a date is a holiday the law itself fixes (1/1, Hùng Kings' day, 30/4, 1/5, 2/9), which no announcement turns into a working day. */
function isFixedHoliday(date: IsoDate, enabled: readonly HolidayId[], rules: LegalRules): boolean {
  return holidaysOfYear(yearOf(date), enabled, rules).some((h) => h.fixed && h.date === date);
}

/**
 * Checks a calendar setting the commune entered: every problem is reported
 * with its field, Vietnamese first; a valid setting comes back normalised
 * (reasons NFC and trimmed, adjustments by date).
 */
export function parseCalendarSettings(input: unknown, rules: LegalRules = DEFAULT_RULES): ParsedCalendarSettings {
  const problems: SettingProblem[] = [];
  const add = (path: string, vi: string, en: string) => problems.push({ path, message: { vi, en } });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    add('calendar', 'Lịch nghỉ phải là một đối tượng có adjustments và enabledHolidays.', 'The calendar setting must be an object with adjustments and enabledHolidays.');
    return { ok: false, problems };
  }
  const raw = input as Record<string, unknown>;
  const enabled: HolidayId[] = [];
  const rawEnabled = raw.enabledHolidays ?? [];
  if (!Array.isArray(rawEnabled)) {
    add('enabledHolidays', 'Danh sách ngày lễ bổ sung phải là một mảng.', 'enabledHolidays must be a list.');
  } else {
    rawEnabled.forEach((id: unknown, i) => {
      const spec = typeof id === 'string' && Object.hasOwn(rules.calendar.holidays, id) ? rules.calendar.holidays[id as HolidayId] : null;
      if (!spec) {
        add(`enabledHolidays[${i}]`, `Không có ngày lễ "${String(id)}".`, `There is no holiday "${String(id)}".`);
      } else if (!enabled.includes(id as HolidayId)) {
        enabled.push(id as HolidayId);
      }
    });
  }
  const adjustments: CalendarAdjustment[] = [];
  const rawAdjustments = raw.adjustments ?? [];
  if (!Array.isArray(rawAdjustments)) {
    add('adjustments', 'Danh sách ngày điều chỉnh phải là một mảng.', 'adjustments must be a list.');
  } else if (rawAdjustments.length > MAX_ADJUSTMENTS) {
    add('adjustments', `Tối đa ${MAX_ADJUSTMENTS} ngày điều chỉnh.`, `At most ${MAX_ADJUSTMENTS} adjustments.`);
  } else {
    const seen = new Set<string>();
    rawAdjustments.forEach((item: unknown, i) => {
      const path = `adjustments[${i}]`;
      if (typeof item !== 'object' || item === null) {
        add(path, 'Mỗi ngày điều chỉnh cần ngày, loại và lý do.', 'Each adjustment needs a date, a kind and a reason.');
        return;
      }
      const a = item as Record<string, unknown>;
      const date = a.date;
      if (!isIsoDate(date)) {
        add(`${path}.date`, 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.', 'date must be a real date written YYYY-MM-DD.');
        return;
      }
      if (yearOf(date) < LUNAR_YEARS.min || yearOf(date) > LUNAR_YEARS.max) {
        add(`${path}.date`, `Năm phải trong khoảng ${LUNAR_YEARS.min}–${LUNAR_YEARS.max}.`, `The year must be within ${LUNAR_YEARS.min}–${LUNAR_YEARS.max}.`);
        return;
      }
      if (seen.has(date)) {
        add(`${path}.date`, `Ngày ${date} đã có trong danh sách.`, `${date} is listed twice.`);
        return;
      }
      seen.add(date);
      if (a.kind !== 'day_off' && a.kind !== 'working_day') {
        add(`${path}.kind`, 'Loại phải là day_off (nghỉ) hoặc working_day (làm việc).', 'kind must be day_off or working_day.');
        return;
      }
      const reason = typeof a.reason === 'string' ? a.reason.normalize('NFC').trim() : '';
      if (!reason) {
        add(`${path}.reason`, 'Cần ghi lý do (văn bản công bố lịch nghỉ).', 'A reason (the announcement) is required.');
        return;
      }
      if (reason.length > MAX_REASON) {
        add(`${path}.reason`, `Lý do tối đa ${MAX_REASON} ký tự.`, `The reason is at most ${MAX_REASON} characters.`);
        return;
      }
      const rest = rules.calendar.weeklyRest.value.weekdays.includes(weekday(date));
      if (a.kind === 'day_off' && rest) {
        add(`${path}.kind`, `${date} đã là ngày nghỉ hằng tuần; ngày làm bù là working_day.`, `${date} is already a weekly rest day; a swapped working Saturday is working_day.`);
        return;
      }
      if (a.kind === 'working_day' && isFixedHoliday(date, enabled, rules)) {
        add(`${path}.kind`, `${date} là ngày nghỉ lễ do luật định (Điều 112 BLLĐ), không thể đổi thành ngày làm việc.`, `${date} is a holiday fixed by the Labour Code (Art. 112) and cannot become a working day.`);
        return;
      }
      adjustments.push({ date, kind: a.kind, reason });
    });
  }
  if (problems.length) return { ok: false, problems };
  adjustments.sort((x, y) => (x.date < y.date ? -1 : 1));
  return { ok: true, value: { adjustments, enabledHolidays: enabled } };
}
