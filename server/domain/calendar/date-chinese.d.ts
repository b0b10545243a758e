// date-chinese ships its typings at ./types, but its package.json "exports"
// does not point at them, so TypeScript's bundler resolution cannot find
// them. The part of its API this project calls:
declare module 'date-chinese' {
  export interface GregorianDate {
    year: number;
    month: number;
    day: number;
  }

  export class CalendarChinese {
    constructor();
    /** [cycle, year, month, leap, day] */
    get(): number[];
    set(cycle: number, year: number, month: number, leap: number, day: number): this;
    fromJDE(jde: number): this;
    toGregorian(gyear?: number): GregorianDate;
    /** the JDE of the lunar new year that falls in Gregorian year `gyear` */
    newYear(gyear: number): number;
  }

  /** The Chinese rules reckoned at UTC+7 (from 1968). */
  export class CalendarVietnamese extends CalendarChinese {}
}
