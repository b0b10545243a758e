import { describe, expect, it } from 'vitest';
import { addDays } from '../../server/domain/calendar/iso-date';
import { workingCalendar } from '../../server/domain/calendar/working-calendar';
import {
  consentValidThrough,
  consultationPlanProblems,
  dueDate,
  earliestConsultationClose,
  initiativeBacked,
  loudspeakerCompletedOn,
  onTime,
  postingLastDay,
  type DeadlineId,
} from '../../server/domain/deadlines';
import { DEFAULT_RULES } from '../../server/domain/legal-rules';

const cal = workingCalendar();
// The 2026 Quốc khánh swap: Monday 31/8 off, Saturday 22/8 worked instead.
const cal2026 = workingCalendar({
  adjustments: [
    { date: '2026-08-31', kind: 'day_off', reason: 'Hoán đổi: nghỉ thứ Hai 31/8/2026' },
    { date: '2026-08-22', kind: 'working_day', reason: 'Làm bù thứ Bảy 22/8/2026' },
  ],
  enabledHolidays: [],
});

/** The last day that is on time, and the day after it, which is late. */
function edge(id: DeadlineId, from: string, lastOnTime: string, c = cal) {
  expect(dueDate(id, from, c)).toBe(lastOnTime);
  expect(onTime(id, from, lastOnTime, c)).toBe(true);
  expect(onTime(id, from, addDays(lastOnTime, 1), c)).toBe(false);
}

describe('every deadline names its article and says how it is counted', () => {
  it.each(Object.entries(DEFAULT_RULES.deadlines))('%s', (_id, rule) => {
    expect(rule.article).toMatch(/Đ\d+/);
    expect(rule.note.vi).toMatch(/ngày/);
    expect(rule.note.en.length).toBeGreaterThan(20);
    // a count of "ngày làm việc" only for rules counted in working days, and the other way round
    expect(/\d+ ngày làm việc/.test(rule.note.vi)).toBe(rule.value.count === 'working_days_after');
  });

  it('the numbers are the law’s', () => {
    const d = DEFAULT_RULES.deadlines;
    expect([d.meetingNotice.value, d.meetingDocuments.value, d.ballotPublicity.value].map((v) => v.count === 'days_before' && v.days)).toEqual([2, 2, 2]);
    expect(d.ballotPlanSent.value).toEqual({ count: 'days_after', days: 2, nextWorkingDay: true });
    for (const w of [d.reportToCommune, d.recognition, d.publication]) expect(w.value).toEqual({ count: 'working_days_after', days: 5 });
    expect(d.recommendationAnswer.value).toEqual({ count: 'days_after', days: 15, nextWorkingDay: true });
    expect([d.villageHeadElectionPlan, d.villageHeadCandidateList, d.villageHeadElectionTeam, d.villageHeadElectionNotice].map((r) => r.value)).toEqual([
      { count: 'days_before', days: 20 },
      { count: 'days_before', days: 15 },
      { count: 'days_before', days: 10 },
      { count: 'days_before', days: 7 },
    ]);
    expect(d.villageHeadReElection.value).toEqual({ count: 'days_after', days: 60, nextWorkingDay: true });
    expect(d.supervisionPlanNotice.value).toEqual({ count: 'days_before', days: 45 });
    expect(d.annualMeetingNotice.value).toEqual({ count: 'days_before', days: 5 });
    expect(d.initiativeConsent.value).toEqual({ count: 'months_after', months: 3 });
    expect(d.meetingDocuments.value.categories).toEqual(['k1', 'k2', 'k3']);
    expect(DEFAULT_RULES.recognitionBody.value).toEqual({ k3: 'ubnd_xa', k4: 'ubnd_xa', k5: 'ubmttq_xa' });
  });
});

describe('"ít nhất / chậm nhất N ngày trước": calendar days back from the event, never moved', () => {
  it('meeting notice (Mẫu 01) and k1–k3 documents: a meeting on Tuesday 10/3 needs them by Sunday 8/3', () => {
    edge('meetingNotice', '2026-03-10', '2026-03-08');
    edge('meetingDocuments', '2026-03-10', '2026-03-08');
  });

  it('ballot publicity: distribution on 20/3, public by 18/3', () => {
    edge('ballotPublicity', '2026-03-20', '2026-03-18');
  });

  it('village-head election on Sunday 24/5/2026: plan by 4/5, list by Saturday 9/5, team by 14/5, notice by Sunday 17/5', () => {
    edge('villageHeadElectionPlan', '2026-05-24', '2026-05-04');
    edge('villageHeadCandidateList', '2026-05-24', '2026-05-09');
    edge('villageHeadElectionTeam', '2026-05-24', '2026-05-14');
    edge('villageHeadElectionNotice', '2026-05-24', '2026-05-17');
  });

  it('a notice deadline on a weekend or holiday stays there: moving it later would shorten the notice', () => {
    // a meeting on Tuesday 28/4/2026 needs its notice by Sunday 26/4, Giỗ Tổ, not by the next working day
    edge('meetingNotice', '2026-04-28', '2026-04-26');
  });

  it('the Ban GSĐTCĐ plan reaches the investor 45 days before supervision starts', () => {
    edge('supervisionPlanNotice', '2026-07-01', '2026-05-17');
  });

  it('the hội nghị định kỳ is announced 5 days ahead', () => {
    edge('annualMeetingNotice', '2026-12-20', '2026-12-15');
  });
});

describe('"chậm nhất N ngày làm việc": the N-th working day after the event', () => {
  it('report to the commune: a decision on Friday 13/2/2026 crosses Tết and is due Friday 27/2', () => {
    edge('reportToCommune', '2026-02-13', '2026-02-27');
  });

  it('recognition: received Thursday 23/4/2026, the Hùng Kings’ substitute day and 30/4–1/5 skipped, due Tuesday 5/5', () => {
    edge('recognition', '2026-04-23', '2026-05-05');
  });

  it('publication: decided Thursday 27/8/2026, due 7/9 by default and 8/9 with the announced 31/8 swap', () => {
    edge('publication', '2026-08-27', '2026-09-07');
    edge('publication', '2026-08-27', '2026-09-08', cal2026);
  });

  it('the event day is not counted even when it is a working day', () => {
    edge('reportToCommune', '2026-03-09', '2026-03-16'); // Monday → next Monday
  });
});

describe('"trong thời hạn N ngày kể từ": calendar days, a last day off moves to the next working day for an office', () => {
  it('ballot plan issued Monday 2/3 reaches the commune by Wednesday 4/3', () => {
    edge('ballotPlanSent', '2026-03-02', '2026-03-04');
  });

  it('ballot plan issued Thursday 5/3: the 2nd day is a Saturday, so Monday 9/3', () => {
    edge('ballotPlanSent', '2026-03-05', '2026-03-09');
  });

  it('a recommendation received 4/3 is answered by 19/3; received Friday 6/3, by Monday 23/3', () => {
    edge('recommendationAnswer', '2026-03-04', '2026-03-19');
    edge('recommendationAnswer', '2026-03-06', '2026-03-23');
  });

  it('a recommendation received 15/4/2026: the 15th day is 30/4, so Monday 4/5 after the holidays', () => {
    edge('recommendationAnswer', '2026-04-15', '2026-05-04');
  });

  it('a new village-head election is decided within 60 days of the recognised removal', () => {
    edge('villageHeadReElection', '2026-03-02', '2026-05-04'); // day 60 is 1/5, a holiday
    edge('villageHeadReElection', '2026-03-10', '2026-05-11'); // day 60 is Saturday 9/5
    edge('villageHeadReElection', '2026-03-12', '2026-05-11');
    edge('villageHeadReElection', '2026-03-13', '2026-05-12');
  });
});

describe('the consultation stays open at least 20 days from publication (Đ28)', () => {
  it('opened 1/3/2026, it may close on 21/3 at the earliest', () => {
    expect(earliestConsultationClose('2026-03-01')).toBe('2026-03-21');
    expect(consultationPlanProblems({ opensAt: '2026-03-01', closesAt: '2026-03-21' }, '2026-02-20')).toEqual([]);
  });

  it('a plan one day short is refused at creation, naming closesAt with the earliest date', () => {
    const problems = consultationPlanProblems({ opensAt: '2026-03-01', closesAt: '2026-03-20' }, '2026-02-20');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('closesAt');
    expect(problems[0]!.message.vi).toContain('21/03/2026');
    expect(problems[0]!.message.vi).toContain('Đ28');
    expect(problems[0]!.message.en).toContain('2026-03-21');
  });

  it('reads timestamps as Vietnam dates: 20/3 23:59 is still the 20th, 17:00 UTC is already the 21st', () => {
    expect(consultationPlanProblems({ opensAt: '2026-03-01T02:00:00Z', closesAt: '2026-03-20T16:59:59Z' }, '2026-02-20')).toHaveLength(1);
    expect(consultationPlanProblems({ opensAt: '2026-03-01T02:00:00Z', closesAt: '2026-03-20T17:00:00Z' }, '2026-02-20')).toEqual([]);
  });

  it('without a planned opening it counts from today; without a planned closing there is nothing to check yet', () => {
    expect(consultationPlanProblems({ closesAt: '2026-03-20' }, '2026-03-01')).toHaveLength(1);
    expect(consultationPlanProblems({ closesAt: '2026-03-21' }, '2026-03-01')).toEqual([]);
    expect(consultationPlanProblems({ opensAt: '2026-03-01' }, '2026-03-01')).toEqual([]);
  });
});

describe('publication that must last (Đ13)', () => {
  it('posted on 1/3, the notice stays up through 30/3 (30 days counting the first) and may come down on 31/3', () => {
    expect(postingLastDay('2026-03-01')).toBe('2026-03-30');
  });

  it('a loudspeaker announcement completes on its third consecutive day', () => {
    expect(loudspeakerCompletedOn(['2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06', '2026-03-07'])).toBe('2026-03-07');
    expect(loudspeakerCompletedOn(['2026-03-03', '2026-03-02', '2026-03-04'])).toBe('2026-03-04');
    expect(loudspeakerCompletedOn(['2026-03-02', '2026-03-03', '2026-03-05'])).toBeNull();
    expect(loudspeakerCompletedOn(['2026-03-02', '2026-03-02', '2026-03-03'])).toBeNull();
  });
});

describe('citizen initiative (Đ16): 10 % of households, consents valid 3 months', () => {
  it('a consent given 15/3 counts through 15/6 and no longer on 16/6', () => {
    expect(consentValidThrough('2026-03-15', cal)).toBe('2026-06-15');
    expect(consentValidThrough('2026-11-30', cal)).toBe('2027-02-28');
  });

  it('a village of 120 households needs 12 valid consents, one per household', () => {
    const consents = Array.from({ length: 12 }, (_, i) => ({ household: `h${i}`, givenOn: i === 0 ? '2026-03-15' : '2026-05-01' }));
    expect(initiativeBacked(consents, 120, '2026-06-15', cal)).toEqual({ valid: 12, required: 12, backed: true });
    // the first consent has lapsed the next day
    expect(initiativeBacked(consents, 120, '2026-06-16', cal)).toEqual({ valid: 11, required: 12, backed: false });
    // a household consenting twice counts once
    expect(initiativeBacked([...consents.slice(1), { household: 'h1', givenOn: '2026-05-02' }], 120, '2026-06-01', cal).valid).toBe(11);
    // a consent given after the day asked about does not count yet
    expect(initiativeBacked(consents, 120, '2026-04-01', cal).valid).toBe(1);
  });
});
