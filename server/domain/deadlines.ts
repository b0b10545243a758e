// Deadline arithmetic: a rule from legal-rules.ts (how many days, counted how)
// applied to a date on the working-day calendar. Nothing here restates a
// number of the law; every figure comes from `rules`.
import type { IsoDate } from './calendar/iso-date';
import { addDays, addMonths, asVietnamDate, daysBetween } from './calendar/iso-date';
import type { SettingProblem } from './calendar/settings';
import type { WorkingCalendar } from './calendar/working-calendar';
import { DEFAULT_RULES, type DeadlineCount, type LegalRules, type Rule } from './legal-rules';
import { passes, requiredApprovals } from './thresholds';

export type DeadlineId = keyof LegalRules['deadlines'];

/**
 * The last lawful day for an act under `count`, from the date of the event the
 * rule counts from (the meeting for a notice, the decision for a report…).
 */
export function deadlineDate(count: DeadlineCount, from: IsoDate, calendar: WorkingCalendar): IsoDate {
  switch (count.count) {
    case 'days_before':
      return addDays(from, -count.days);
    case 'days_after': {
      const last = addDays(from, count.days);
      return count.nextWorkingDay ? calendar.nextWorkingDay(last) : last;
    }
    case 'working_days_after':
      return calendar.addWorkingDays(from, count.days);
    case 'months_after':
      return addMonths(from, count.months);
  }
}

/** The last lawful day for the rule `id`, counted from `from`. */
export function dueDate(id: DeadlineId, from: IsoDate, calendar: WorkingCalendar, rules: LegalRules = DEFAULT_RULES): IsoDate {
  return deadlineDate(rules.deadlines[id].value, from, calendar);
}

/** Whether an act done on `doneOn` met the rule `id` counted from `from`. */
export function onTime(id: DeadlineId, from: IsoDate, doneOn: IsoDate, calendar: WorkingCalendar, rules: LegalRules = DEFAULT_RULES): boolean {
  return doneOn <= dueDate(id, from, calendar, rules);
}

export function deadlineRule(id: DeadlineId, rules: LegalRules = DEFAULT_RULES): Rule<DeadlineCount> {
  return rules.deadlines[id];
}

// ---- Periods that must last (Đ13, Đ28) ----

/**
 * The earliest lawful last day of a consultation opened (its content made
 * public) on `opensOn`: "ít nhất là 20 ngày kể từ ngày công khai" (Đ28), the
 * publication day not counted, so opinions are taken until the end of that
 * day at least.
 */
export function earliestConsultationClose(opensOn: IsoDate, rules: LegalRules = DEFAULT_RULES): IsoDate {
  return addDays(opensOn, rules.consultationMinDays.value);
}

/**
 * The create-campaign check: a consultation planned shorter than the law's
 * minimum is refused at creation, naming `closesAt`. `opensAt` and `closesAt`
 * are dates or timestamps (read as Vietnam dates); without a planned opening
 * the campaign can open today at the earliest.
 */
export function consultationPlanProblems(
  plan: { opensAt?: string | null; closesAt?: string | null },
  today: IsoDate,
  rules: LegalRules = DEFAULT_RULES,
): SettingProblem[] {
  if (!plan.closesAt) return [];
  const opensOn = plan.opensAt ? asVietnamDate(plan.opensAt) : today;
  const closesOn = asVietnamDate(plan.closesAt);
  const earliest = earliestConsultationClose(opensOn, rules);
  if (closesOn >= earliest) return [];
  const min = rules.consultationMinDays;
  return [
    {
      path: 'closesAt',
      message: {
        vi: `Lấy ý kiến Nhân dân phải kéo dài ít nhất ${min.value} ngày kể từ ngày công khai (${min.article}); mở ngày ${formatVi(opensOn)} thì đóng sớm nhất ngày ${formatVi(earliest)}, kế hoạch chỉ có ${Math.max(0, daysBetween(opensOn, closesOn))} ngày.`,
        en: `A consultation stays open at least ${min.value} days from publication (${min.article}); opening on ${opensOn} it can close on ${earliest} at the earliest, the plan gives ${Math.max(0, daysBetween(opensOn, closesOn))} days.`,
      },
    },
  ];
}

/**
 * The last day a notice posted on `postedOn` must still be up: "niêm yết ít
 * nhất là 30 ngày liên tục" (Đ13 k2), counting the posting day as the first
 * of the 30, so it may come down from postedOn + 30.
 */
export function postingLastDay(postedOn: IsoDate, rules: LegalRules = DEFAULT_RULES): IsoDate {
  return addDays(postedOn, rules.postingMinDays.value - 1);
}

/**
 * The day a loudspeaker announcement completed its run of consecutive days
 * (Đ13 k3: at least 3), or null while no run is long enough. Broadcast days
 * are counted themselves.
 */
export function loudspeakerCompletedOn(days: readonly IsoDate[], rules: LegalRules = DEFAULT_RULES): IsoDate | null {
  const need = rules.loudspeakerMinDays.value;
  const sorted = [...new Set(days)].sort();
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && daysBetween(sorted[i - 1]!, sorted[i]!) === 1 ? run + 1 : 1;
    if (run >= need) return sorted[i]!;
  }
  return null;
}

// ---- Citizen initiative (Đ16) ----

/** The last day a household's consent to an initiative, given on `givenOn`, still counts. */
export function consentValidThrough(givenOn: IsoDate, calendar: WorkingCalendar, rules: LegalRules = DEFAULT_RULES): IsoDate {
  return dueDate('initiativeConsent', givenOn, calendar, rules);
}

/**
 * Whether an initiative is backed on `on`: consents still valid that day
 * (one per household) reach the Đ16 share of the village's households.
 */
export function initiativeBacked(
  consents: readonly { household: string; givenOn: IsoDate }[],
  households: number,
  on: IsoDate,
  calendar: WorkingCalendar,
  rules: LegalRules = DEFAULT_RULES,
): { valid: number; required: number; backed: boolean } {
  const valid = new Set(
    consents.filter((c) => c.givenOn <= on && on <= consentValidThrough(c.givenOn, calendar, rules)).map((c) => c.household),
  ).size;
  const rule = rules.citizenInitiative.value;
  return { valid, required: requiredApprovals(households, rule), backed: passes(valid, households, rule) };
}

function formatVi(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/**
 * When a campaign's results will be published at the latest, as a household
 * is told on its ballot and receipt: for a decision or an election, the
 * publication rule counted from the planned closing day (the day households
 * decide); null for other kinds, or without a closing day.
 */
export function resultsDueBy(
  c: { kind: string; closesAt: string | null },
  calendar: WorkingCalendar,
  rules: LegalRules = DEFAULT_RULES,
): { due: IsoDate; rule: Rule<DeadlineCount> } | null {
  if ((c.kind !== 'decision' && c.kind !== 'election') || !c.closesAt) return null;
  const rule = rules.deadlines.publication;
  return { due: deadlineDate(rule.value, asVietnamDate(c.closesAt), calendar), rule };
}
