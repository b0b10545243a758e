// The public holidays of a year, reckoned from the rules in legal-rules.ts
// (Bộ luật Lao động 2019 Đ112): solar dates as they stand, Tết and the Hùng
// Kings' day from the Vietnamese lunar calendar. No year's dates are written
// down anywhere.
import type { LocalizedText } from '../i18n';
import { DEFAULT_RULES, type HolidayId, type HolidaySpec, type LegalRules } from '../legal-rules';
import { addDays, isoDate, weekday, type IsoDate } from './iso-date';
import { solarDateOfLunar } from './lunar';

export interface HolidayDay {
  date: IsoDate;
  holiday: HolidayId;
  name: LocalizedText;
  article: string;
  /** the day the law names (1/1, 10/3 âm lịch, 2/9…), which no announcement moves; Tết's five days and Quốc khánh's adjacent day are placed by the Prime Minister (Đ112 k3) */
  fixed: boolean;
}

/** Whether a holiday applies: in force, or proposed and switched on by the commune. */
export function holidayApplies(id: HolidayId, enabled: readonly HolidayId[], rules: LegalRules = DEFAULT_RULES): boolean {
  const spec = rules.calendar.holidays[id].value;
  return spec.status === 'in_force' || enabled.includes(id);
}

function reckonedDate(year: number, spec: HolidaySpec): IsoDate {
  return spec.date.calendar === 'solar' ? isoDate(year, spec.date.month, spec.date.day) : solarDateOfLunar(year, spec.date.month, spec.date.day);
}

/**
 * The holiday days reckoned for solar year `year`, sorted by date. Every one
 * falls inside that year: Tết is never before 21 January, so the last day of
 * the old lunar year is never in December.
 */
export function holidaysOfYear(year: number, enabled: readonly HolidayId[] = [], rules: LegalRules = DEFAULT_RULES): HolidayDay[] {
  const days: HolidayDay[] = [];
  for (const [id, rule] of Object.entries(rules.calendar.holidays) as [HolidayId, LegalRules['calendar']['holidays'][HolidayId]][]) {
    if (!holidayApplies(id, enabled, rules)) continue;
    const spec = rule.value;
    const named = reckonedDate(year, spec);
    const lawFixesIt = spec.offset === 0 && spec.days === 1;
    const base = { holiday: id, name: spec.name, article: rule.article };
    for (let i = 0; i < spec.days; i++) {
      const date = addDays(named, spec.offset + i);
      days.push({ ...base, date, fixed: lawFixesIt && date === named });
    }
    if (spec.adjacentDay) {
      const side = spec.adjacentDay[weekday(named)];
      const next = side === 'before' ? addDays(named, spec.offset - 1) : addDays(named, spec.offset + spec.days);
      days.push({ ...base, date: next, fixed: false });
    }
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
