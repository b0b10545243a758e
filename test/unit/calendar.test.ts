import { CalendarChinese } from 'date-chinese';
import { describe, expect, it } from 'vitest';
import { holidaysOfYear } from '../../server/domain/calendar/holidays';
import { addMonths, asVietnamDate, isIsoDate, vietnamDate, weekday } from '../../server/domain/calendar/iso-date';
import { lunarNewYear, solarDateOfLunar } from '../../server/domain/calendar/lunar';
import { parseCalendarSettings, type CalendarSettings } from '../../server/domain/calendar/settings';
import { workingCalendar } from '../../server/domain/calendar/working-calendar';
import { DEFAULT_RULES } from '../../server/domain/legal-rules';

const cal = workingCalendar();

// The Government's 2026 announcement (VPCP 12729/VPCP-KGVX; Thủ tướng's
// agreement of 10/2025): New Year's Friday 2/1 swapped for Saturday 10/1, and
// Monday 31/8 swapped for Saturday 22/8 before Quốc khánh.
const SETTINGS_2026: CalendarSettings = {
  adjustments: [
    { date: '2026-01-02', kind: 'day_off', reason: 'Hoán đổi: nghỉ thứ Sáu 02/01/2026' },
    { date: '2026-01-10', kind: 'working_day', reason: 'Làm bù thứ Bảy 10/01/2026 cho ngày 02/01' },
    { date: '2026-08-31', kind: 'day_off', reason: 'Hoán đổi: nghỉ thứ Hai 31/8/2026' },
    { date: '2026-08-22', kind: 'working_day', reason: 'Làm bù thứ Bảy 22/8/2026 cho ngày 31/8' },
  ],
  enabledHolidays: [],
};

describe('the Vietnamese lunar calendar, reckoned at UTC+7', () => {
  // Mùng 1 Tết and Giỗ Tổ (10/3 âm lịch) as published in the Vietnamese lunar
  // calendar tables (Hồ Ngọc Đức's Âm lịch Việt Nam); 2026 also as announced
  // by the Government (Tết 17/02, Giỗ Tổ Sunday 26/04 with Monday off).
  it.each([
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
    [2028, '2028-01-26', '2028-04-04'],
    [2029, '2029-02-13', '2029-04-23'],
    [2030, '2030-02-02', '2030-04-12'],
  ])('%i: Tết Nguyên đán on %s, Giỗ Tổ Hùng Vương on %s', (year, tet, hungKings) => {
    expect(lunarNewYear(year)).toBe(tet);
    expect(solarDateOfLunar(year, 3, 10)).toBe(hungKings);
  });

  it('Tết 2030 is on 2 February in Vietnam but 3 February in China: the new moon falls at 23:07 at UTC+7, 00:07 at UTC+8', () => {
    const china = new CalendarChinese();
    china.fromJDE(china.newYear(2030));
    expect(china.toGregorian(2030)).toEqual({ year: 2030, month: 2, day: 3 });
    expect(lunarNewYear(2030)).toBe('2030-02-02');
    expect(holidaysOfYear(2030).filter((h) => h.holiday === 'lunar_new_year').map((h) => h.date)).toEqual([
      '2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05',
    ]);
  });

  it('also in 2007 and 1985, the other years of the difference in living memory', () => {
    expect(lunarNewYear(2007)).toBe('2007-02-17');
    expect(lunarNewYear(1985)).toBe('1985-01-21');
  });

  it('refuses years outside the UTC+7 era it is computed for', () => {
    expect(() => lunarNewYear(1960)).toThrow(RangeError);
  });
});

describe('public holidays (BLLĐ 2019 Đ112)', () => {
  it('2026 as the Government announced it, with the commune setting for the swapped days', () => {
    const c = workingCalendar(SETTINGS_2026);
    const off = c.daysOffBetween('2026-01-01', '2026-12-31').map((d) => d.date);
    expect(off).toEqual([
      '2026-01-01', '2026-01-02',
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-26', '2026-04-27',
      '2026-04-30', '2026-05-01',
      '2026-08-31', '2026-09-01', '2026-09-02',
    ]);
  });

  it('Tết is five days by default: the last day of the lunar year and mùng 1 to mùng 4', () => {
    for (const year of [2026, 2027, 2028, 2029, 2030]) {
      const tet = holidaysOfYear(year).filter((h) => h.holiday === 'lunar_new_year').map((h) => h.date);
      const first = lunarNewYear(year);
      expect(tet).toHaveLength(DEFAULT_RULES.calendar.holidays.lunar_new_year.value.days);
      expect(tet[1]).toBe(first);
      expect(tet[0]! < first).toBe(true);
    }
  });

  it('Quốc khánh takes the adjacent day the Government chose in 2021–2026', () => {
    const adjacent = (year: number) =>
      holidaysOfYear(year).filter((h) => h.holiday === 'national_day' && h.date !== `${year}-09-02`).map((h) => h.date);
    expect(adjacent(2021)).toEqual(['2021-09-03']); // Thursday → Friday
    expect(adjacent(2022)).toEqual(['2022-09-01']); // Friday → Thursday
    expect(adjacent(2023)).toEqual(['2023-09-01']); // Saturday → Friday
    expect(adjacent(2024)).toEqual(['2024-09-03']); // Monday → Tuesday
    expect(adjacent(2025)).toEqual(['2025-09-01']); // Tuesday → Monday
    expect(adjacent(2026)).toEqual(['2026-09-01']); // Wednesday → Tuesday
  });

  it('a holiday on a weekend gives the next working day off (Đ111 k3)', () => {
    // Giỗ Tổ 2026 is a Sunday.
    expect(cal.dayOff('2026-04-26')?.reason).toBe('holiday');
    expect(cal.dayOff('2026-04-27')).toMatchObject({ reason: 'substitute', holiday: 'hung_kings' });
    expect(cal.isWorkingDay('2026-04-28')).toBe(true);
    // 1/5/2027 is a Saturday; 30/4/2028 a Sunday before the 1/5 holiday, so Tuesday 2/5 is off.
    expect(cal.dayOff('2027-05-03')).toMatchObject({ reason: 'substitute', holiday: 'labour_day' });
    expect(cal.dayOff('2028-05-02')).toMatchObject({ reason: 'substitute', holiday: 'reunification' });
    // 2/9/2023 a Saturday: Friday 1/9 and Monday 4/9 off, as announced that year.
    expect(cal.isWorkingDay('2023-09-01')).toBe(false);
    expect(cal.isWorkingDay('2023-09-04')).toBe(false);
    expect(cal.isWorkingDay('2023-09-05')).toBe(true);
  });

  it('Ngày Văn hóa Việt Nam (24/11) is not applied until the commune switches it on', () => {
    expect(DEFAULT_RULES.calendar.holidays.culture_day.value.status).toBe('proposed');
    expect(cal.isWorkingDay('2026-11-24')).toBe(true);
    const on = workingCalendar({ adjustments: [], enabledHolidays: ['culture_day'] });
    expect(on.dayOff('2026-11-24')).toMatchObject({ reason: 'holiday', holiday: 'culture_day' });
    // 24/11/2029 is a Saturday: Monday 26/11 off.
    expect(on.dayOff('2029-11-26')?.reason).toBe('substitute');
  });
});

describe('working days', () => {
  it('Saturday and Sunday are not working days, Monday to Friday are', () => {
    expect(['2026-03-07', '2026-03-08'].map((d) => cal.isWorkingDay(d))).toEqual([false, false]);
    expect(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'].every((d) => cal.isWorkingDay(d))).toBe(true);
    expect(cal.dayOff('2026-03-07')?.reason).toBe('weekly_rest');
  });

  it('counts working days after a date, never the date itself', () => {
    expect(cal.addWorkingDays('2026-03-09', 1)).toBe('2026-03-10');
    expect(cal.addWorkingDays('2026-03-13', 1)).toBe('2026-03-16'); // Friday → Monday
    expect(cal.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // from a Saturday
    expect(cal.workingDaysAfter('2026-03-09', '2026-03-16')).toBe(5);
    expect(cal.workingDaysAfter('2026-03-16', '2026-03-09')).toBe(0);
    expect(() => cal.addWorkingDays('2026-03-09', 0)).toThrow(RangeError);
  });

  it('a count of working days crosses Tết without counting it', () => {
    // Friday 13/2/2026, then Tết 16–20/2 and two weekends: the 5th working day is Friday 27/2.
    expect(cal.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(cal.workingDaysAfter('2026-02-13', '2026-02-22')).toBe(0);
  });

  it('the commune setting: an announced day off and a swapped working Saturday', () => {
    const c = workingCalendar(SETTINGS_2026);
    expect(cal.isWorkingDay('2026-01-02')).toBe(true);
    expect(c.dayOff('2026-01-02')).toMatchObject({ reason: 'announced', name: { vi: 'Hoán đổi: nghỉ thứ Sáu 02/01/2026' } });
    expect(cal.isWorkingDay('2026-01-10')).toBe(false);
    expect(c.isWorkingDay('2026-01-10')).toBe(true);
    // From Wednesday 31/12/2025: without the swap the first working day is Friday 2/1, with it Monday 5/1.
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
    expect(c.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    // The swapped Saturday counts: from Friday 9/1, the next working day is Saturday 10/1.
    expect(c.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
  });
});

describe('the calendar setting is data the commune enters, checked before use', () => {
  it('accepts the year’s announcement, normalises it and sorts it by date', () => {
    const parsed = parseCalendarSettings({
      adjustments: [
        { date: '2026-01-10', kind: 'working_day', reason: '  Làm bù thứ Bảy 10/01/2026 ' },
        { date: '2026-01-02', kind: 'day_off', reason: 'Hoa\u0301n đổi' },
      ],
      enabledHolidays: ['culture_day'],
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        adjustments: [
          { date: '2026-01-02', kind: 'day_off', reason: 'Hoán đổi' },
          { date: '2026-01-10', kind: 'working_day', reason: 'Làm bù thứ Bảy 10/01/2026' },
        ],
        enabledHolidays: ['culture_day'],
      },
    });
  });

  it('defaults to no adjustment', () => {
    expect(parseCalendarSettings({})).toEqual({ ok: true, value: { adjustments: [], enabledHolidays: [] } });
  });

  it.each([
    [{ adjustments: [{ date: '2026-02-30', kind: 'day_off', reason: 'x' }] }, 'adjustments[0].date'],
    [{ adjustments: [{ date: '02/01/2026', kind: 'day_off', reason: 'x' }] }, 'adjustments[0].date'],
    [{ adjustments: [{ date: '2026-01-02', kind: 'holiday', reason: 'x' }] }, 'adjustments[0].kind'],
    [{ adjustments: [{ date: '2026-01-02', kind: 'day_off', reason: '  ' }] }, 'adjustments[0].reason'],
    // a day off on a Saturday is already one: the swapped Saturday is a working_day
    [{ adjustments: [{ date: '2026-01-10', kind: 'day_off', reason: 'x' }] }, 'adjustments[0].kind'],
    // no announcement makes 30/4 or Giỗ Tổ a working day
    [{ adjustments: [{ date: '2026-04-30', kind: 'working_day', reason: 'x' }] }, 'adjustments[0].kind'],
    [{ adjustments: [{ date: '2027-04-16', kind: 'working_day', reason: 'x' }] }, 'adjustments[0].kind'],
    [{ adjustments: [{ date: '2026-01-02', kind: 'day_off', reason: 'x' }, { date: '2026-01-02', kind: 'day_off', reason: 'y' }] }, 'adjustments[1].date'],
    [{ adjustments: 'none' }, 'adjustments'],
    [{ enabledHolidays: ['christmas'] }, 'enabledHolidays[0]'],
    [[], 'calendar'],
  ])('refuses %j naming %s', (input, path) => {
    const parsed = parseCalendarSettings(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toContain(path);
    for (const p of parsed.problems) {
      expect(p.message.vi.length).toBeGreaterThan(0);
      expect(p.message.en.length).toBeGreaterThan(0);
    }
  });

  it('lets a default Tết day become a working day when the year’s announcement placed Tết elsewhere', () => {
    const parsed = parseCalendarSettings({
      adjustments: [{ date: '2027-02-09', kind: 'working_day', reason: 'Tết 2027 theo thông báo' }],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(workingCalendar(parsed.value).isWorkingDay('2027-02-09')).toBe(true);
  });
});

describe('dates in Vietnam', () => {
  it('reads a timestamp as the date in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(vietnamDate('2026-02-16T16:59:59Z')).toBe('2026-02-16');
    expect(vietnamDate('2026-02-16T17:00:00Z')).toBe('2026-02-17');
    expect(asVietnamDate('2026-02-17')).toBe('2026-02-17');
  });

  it('knows real dates and weekdays', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(weekday('2026-02-17')).toBe(2); // Tuesday
  });

  it('adds months ending on the corresponding day, or the month’s last day (BLDS Đ148)', () => {
    expect(addMonths('2026-03-15', 3)).toBe('2026-06-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });
});
