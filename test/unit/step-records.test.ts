import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../server/domain/calendar/working-calendar';
import { campaignTimeline, type CampaignFacts, type StepId } from '../../server/domain/timeline';
import {
  currentRecords, factsFromRecords, recordableFacts, runDays, type StepFact, type StepRecord,
} from '../../server/domain/step-records';

// What staff record for a timeline step: the newest record of a fact is its
// value (a correction), older ones stay; a withdrawn day fills nothing.

let seq = 0;
const rec = (fact: StepFact, doneOn: string | null, recordedAt: string, untilOn: string | null = null): StepRecord => ({
  id: `r${++seq}`, campaignId: 'c1', fact, doneOn, untilOn, note: '', recordedBy: 'u1', recordedAt,
});

const cal = workingCalendar();
/** A k1 decision at a meeting on Thursday 10/12/2026, decided there. */
const meeting: CampaignFacts = { kind: 'decision', category: 'k1', channels: ['meeting'], meetingOn: '2026-12-10', decidedOn: '2026-12-10' };

describe('step records', () => {
  it('the newest record of a fact is its value, whatever order they come in', () => {
    const records = [rec('notice_sent', '2026-12-07', '2026-12-07T03:00:00Z'), rec('notice_sent', '2026-12-08', '2026-12-09T03:00:00Z'), rec('report_sent', '2026-12-11', '2026-12-11T03:00:00Z')];
    const current = currentRecords([...records].reverse());
    expect(current.get('notice_sent')?.doneOn).toBe('2026-12-08');
    expect(factsFromRecords(records)).toEqual({ noticeSentOn: '2026-12-08', reportedOn: '2026-12-11' });
  });

  it('a correction moves a step from late to done at its edge, and a withdrawal makes it overdue again', () => {
    const today = '2026-12-12';
    const status = (records: StepRecord[]) => campaignTimeline({ ...meeting, ...factsFromRecords(records) }, { calendar: cal, today }).find((s) => s.id === 'meeting_notice')!;
    const late = [rec('notice_sent', '2026-12-09', '2026-12-09T01:00:00Z')];
    expect(status(late)).toMatchObject({ due: '2026-12-08', status: 'breached' });
    const corrected = [...late, rec('notice_sent', '2026-12-08', '2026-12-10T01:00:00Z')];
    expect(status(corrected)).toMatchObject({ status: 'done', doneOn: '2026-12-08' });
    const withdrawn = [...corrected, rec('notice_sent', null, '2026-12-11T01:00:00Z')];
    expect(status(withdrawn)).toMatchObject({ status: 'overdue', overdue: true, doneOn: null });
  });

  it('a loudspeaker run covers every day from its first to its last, and completes on the third consecutive day (Đ13 k3)', () => {
    expect(runDays('2026-12-30', '2027-01-01')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    expect(runDays('2026-12-30', null)).toEqual(['2026-12-30']);
    expect(runDays('2026-12-30', '2026-12-29')).toEqual(['2026-12-30']);
    const facts = { ...meeting, publishedOn: '2026-12-11', publicity: ['posting', 'loudspeaker'] as const, ...factsFromRecords([rec('loudspeaker', '2026-12-12', '2026-12-14T01:00:00Z', '2026-12-14')]) };
    expect(campaignTimeline(facts, { calendar: cal, today: '2026-12-15' }).find((s) => s.id === 'loudspeaker')).toMatchObject({ doneOn: '2026-12-14', status: 'done' });
  });

  it('offers only the facts of the steps a campaign’s timeline has', () => {
    const all = new Set<StepId>(campaignTimeline({
      kind: 'election', category: 'k4', channels: ['meeting'], meetingOn: '2027-05-23', publicity: ['posting', 'loudspeaker'],
    }, { calendar: cal, today: '2027-05-01' }).map((s) => s.id));
    expect(recordableFacts([...all].map((id) => ({ id })))).toEqual(expect.arrayContaining(['election_plan', 'candidate_list_sent', 'election_team', 'election_notice', 'notice_sent', 'report_sent', 'decision_received', 'posted', 'loudspeaker']));
    // a k6 decision on paper has no meeting documents, no election steps and no recognition
    const k6 = campaignTimeline({ kind: 'decision', category: 'k6', channels: ['paper', 'online'], closesOn: '2026-12-20' }, { calendar: cal, today: '2026-12-01' });
    const facts = recordableFacts(k6);
    expect(facts).toEqual(expect.arrayContaining(['ballot_plan_issued', 'ballot_plan_sent', 'ballot_publicity', 'report_sent', 'posted']));
    expect(facts).not.toContain('documents_sent');
    expect(facts).not.toContain('election_plan');
    expect(facts).not.toContain('decision_received');
  });
});
