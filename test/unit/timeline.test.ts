import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../server/domain/calendar/working-calendar';
import { campaignTimeline, stepsDue, type CampaignFacts, type StepId, type TimelineStep } from '../../server/domain/timeline';

const calendar = workingCalendar();

function timeline(facts: CampaignFacts, today: string): TimelineStep[] {
  return campaignTimeline(facts, { calendar, today });
}

const step = (steps: TimelineStep[], id: StepId): TimelineStep => {
  const s = steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} in ${steps.map((x) => x.id).join(', ')}`);
  return s;
};
const ids = (steps: TimelineStep[]) => steps.map((s) => s.id);

describe('a village-head election (k4) at a meeting on Sunday 24/5/2026', () => {
  const facts: CampaignFacts = {
    kind: 'election',
    category: 'k4',
    channels: ['meeting', 'paper'],
    meetingOn: '2026-05-24',
    electionPlanOn: '2026-05-02',
    candidateListSentOn: '2026-05-10',
  };

  it('lists the NĐ 59 Đ6 milestones with their days and articles', () => {
    const t = timeline(facts, '2026-05-12');
    expect(step(t, 'election_plan')).toMatchObject({ due: '2026-05-04', status: 'done', article: expect.stringContaining('Đ6 k1 a') });
    // sent on 10/5, a day after its last day (Saturday 9/5)
    expect(step(t, 'candidate_list')).toMatchObject({ due: '2026-05-09', doneOn: '2026-05-10', status: 'breached', overdue: false });
    expect(step(t, 'election_team')).toMatchObject({ due: '2026-05-14', status: 'pending', overdue: false });
    expect(step(t, 'election_notice')).toMatchObject({ due: '2026-05-17', status: 'pending' });
    expect(step(t, 'meeting_notice')).toMatchObject({ due: '2026-05-22', status: 'pending' });
  });

  it('marks the election team overdue from the day after its last day', () => {
    expect(step(timeline(facts, '2026-05-14'), 'election_team')).toMatchObject({ status: 'pending', overdue: false });
    expect(step(timeline(facts, '2026-05-15'), 'election_team')).toMatchObject({ status: 'overdue', overdue: true });
  });

  it('after the vote: report, recognition by UBND xã, publication and posting', () => {
    const t = timeline({ ...facts, closedOn: '2026-05-24', decidedOn: '2026-05-24', reportedOn: '2026-05-26' }, '2026-05-27');
    // Sunday 24/5: the 5th working day after it is Friday 29/5
    expect(step(t, 'report_to_commune')).toMatchObject({ due: '2026-05-29', doneOn: '2026-05-26', status: 'done' });
    const recognition = step(t, 'recognition');
    expect(recognition.label.vi).toContain('UBND xã');
    expect(recognition.article).toContain('Đ21 k2');
    expect(recognition).toMatchObject({ from: { on: '2026-05-26', basis: 'recorded' }, due: '2026-06-02', status: 'pending' });
    expect(step(t, 'publication')).toMatchObject({ due: '2026-05-29' });
    expect(ids(t)).not.toContain('meeting_documents'); // documents 2 days ahead are for k1–k3
  });

  it('orders the steps by their last day, those still waiting for a date last', () => {
    const t = timeline(facts, '2026-05-12');
    const dues = t.map((s) => s.due);
    const known = dues.filter((d): d is string => d !== null);
    expect(known).toEqual([...known].sort());
    expect(dues.indexOf(null)).toBeGreaterThanOrEqual(known.length);
  });
});

describe('a k1 contribution decision by meeting, with a household ballot', () => {
  const facts: CampaignFacts = {
    kind: 'decision',
    category: 'k1',
    channels: ['meeting', 'paper'],
    meetingOn: '2026-03-10',
    opensOn: '2026-03-12',
    closesOn: '2026-03-20',
    ballotDistributionOn: '2026-03-12',
    ballotPlanIssuedOn: '2026-03-05',
  };

  it('needs the notice and the documents 2 days ahead, the ballot plan sent and the ballot publicised', () => {
    const t = timeline(facts, '2026-03-09');
    expect(step(t, 'meeting_notice')).toMatchObject({ due: '2026-03-08', status: 'overdue', overdue: true });
    expect(step(t, 'meeting_documents')).toMatchObject({ due: '2026-03-08', article: expect.stringContaining('Đ3 k4') });
    // issued Thursday 5/3: its 2nd day is a Saturday, so Monday 9/3
    expect(step(t, 'ballot_plan_sent')).toMatchObject({ due: '2026-03-09', status: 'pending' });
    expect(step(t, 'ballot_publicity')).toMatchObject({ due: '2026-03-10' });
  });

  it('has no recognition (k1 takes effect when adopted) and counts from the end of the ballot', () => {
    const t = timeline({ ...facts, closedOn: '2026-03-20' }, '2026-03-23');
    expect(ids(t)).not.toContain('recognition');
    // Friday 20/3 → 5th working day Friday 27/3
    expect(step(t, 'report_to_commune')).toMatchObject({ from: { on: '2026-03-20', basis: 'recorded' }, due: '2026-03-27', status: 'pending' });
  });

  it('the planned close stands in for the decision until the ballot has closed', () => {
    const t = timeline(facts, '2026-03-01');
    expect(step(t, 'report_to_commune').from).toMatchObject({ on: '2026-03-20', basis: 'planned' });
  });

  it('a ballot plan not issued yet waits for its date', () => {
    const t = timeline({ ...facts, ballotPlanIssuedOn: null }, '2026-03-01');
    expect(step(t, 'ballot_plan_sent')).toMatchObject({ due: null, status: 'waiting', overdue: false });
  });
});

describe('recognition', () => {
  it('a k5 board election is recognised by UBMTTQ xã', () => {
    const t = timeline({ kind: 'election', category: 'k5', channels: ['meeting'], meetingOn: '2026-06-07', closedOn: '2026-06-07' }, '2026-06-08');
    expect(step(t, 'recognition').label.vi).toContain('UBMTTQ xã');
    expect(ids(t)).not.toContain('supervision_plan_notice');
  });

  it('until the decision is sent, recognition is estimated from the report’s last day', () => {
    // decided Friday 13/2/2026: report due 27/2 (across Tết), recognition 5 working days after that
    const t = timeline({ kind: 'decision', category: 'k3', channels: ['meeting'], meetingOn: '2026-02-13', decidedOn: '2026-02-13' }, '2026-02-24');
    expect(step(t, 'report_to_commune').due).toBe('2026-02-27');
    expect(step(t, 'recognition')).toMatchObject({ from: { on: '2026-02-27', basis: 'estimated' }, due: '2026-03-06', status: 'pending' });
  });

  it('counts from the day the body received the decision when it is recorded', () => {
    const t = timeline(
      { kind: 'decision', category: 'k3', channels: ['meeting'], meetingOn: '2026-04-20', decidedOn: '2026-04-20', reportedOn: '2026-04-22', receivedOn: '2026-04-23', recognizedOn: '2026-05-06' },
      '2026-05-06',
    );
    // received Thursday 23/4: due Tuesday 5/5 (27/4 substitute, 30/4–1/5 holidays); recognised a day late
    expect(step(t, 'recognition')).toMatchObject({ due: '2026-05-05', doneOn: '2026-05-06', status: 'breached' });
  });

  it('a decision the community did not adopt has nothing to recognise', () => {
    const t = timeline({ kind: 'decision', category: 'k3', channels: ['meeting'], meetingOn: '2026-04-20', decidedOn: '2026-04-20', outcome: 'failed' }, '2026-04-21');
    expect(ids(t)).not.toContain('recognition');
    expect(ids(t)).toContain('publication');
  });

  it('k6 takes effect when adopted: no recognition', () => {
    const t = timeline({ kind: 'decision', category: 'k6', channels: ['online'], closesOn: '2026-04-10' }, '2026-04-01');
    expect(ids(t)).not.toContain('recognition');
    expect(ids(t)).not.toContain('meeting_notice');
  });
});

describe('a k4 removal of the village head', () => {
  it('asks the commune to decide a new election within 60 days of the recognised removal', () => {
    const facts: CampaignFacts = { kind: 'decision', category: 'k4', channels: ['meeting'], meetingOn: '2026-02-27', decidedOn: '2026-02-27', recognizedOn: '2026-03-02' };
    expect(step(timeline(facts, '2026-05-04'), 're_election')).toMatchObject({ due: '2026-05-04', status: 'pending', article: expect.stringContaining('Đ9 k3') });
    expect(step(timeline(facts, '2026-05-05'), 're_election')).toMatchObject({ status: 'overdue', overdue: true });
    expect(step(timeline({ ...facts, newElectionDecidedOn: '2026-04-01' }, '2026-05-05'), 're_election').status).toBe('done');
  });
});

describe('the Ban GSĐTCĐ', () => {
  it('notifies the investor of its plan 45 days before supervision', () => {
    const t = timeline(
      { kind: 'election', category: 'k5', board: 'investment_supervision', channels: ['meeting'], meetingOn: '2026-04-05', supervisionStartsOn: '2026-07-01' },
      '2026-05-18',
    );
    expect(step(t, 'supervision_plan_notice')).toMatchObject({ due: '2026-05-17', status: 'overdue', article: expect.stringContaining('Đ45') });
  });

  it('tracks each recommendation: 15 days to answer', () => {
    const t = timeline(
      {
        kind: 'election', category: 'k5', board: 'investment_supervision', channels: ['meeting'],
        recommendations: [
          { receivedOn: '2026-03-06', answeredOn: '2026-03-23', title: 'Chất lượng bê tông' },
          { receivedOn: '2026-04-15' },
        ],
      },
      '2026-05-05',
    );
    const answers = t.filter((s) => s.id === 'recommendation_answer');
    expect(answers.map((s) => [s.key, s.due, s.status])).toEqual([
      ['recommendation_answer:0', '2026-03-23', 'done'],
      ['recommendation_answer:1', '2026-05-04', 'overdue'],
    ]);
    expect(answers[0]!.label.vi).toContain('Chất lượng bê tông');
  });
});

describe('a consultation (Đ28)', () => {
  const facts: CampaignFacts = { kind: 'consultation', category: null, channels: ['online', 'paper'], opensOn: '2026-03-01', closesOn: '2026-03-25' };

  it('must stay open until 21/3 at least; it is never “overdue”', () => {
    const t = timeline(facts, '2026-03-10');
    expect(step(t, 'consultation_open')).toMatchObject({ dueKind: 'lasting', due: '2026-03-21', status: 'pending', overdue: false });
    expect(ids(t)).not.toContain('report_to_commune');
  });

  it('a plan shorter than 20 days is flagged before it opens', () => {
    expect(step(timeline({ ...facts, closesOn: '2026-03-20' }, '2026-02-20'), 'consultation_open').status).toBe('breached');
    expect(step(timeline({ ...facts, closesOn: '2026-03-21' }, '2026-02-20'), 'consultation_open').status).toBe('pending');
  });

  it('closing on its earliest lawful day is in time, closing the day before is not', () => {
    expect(step(timeline({ ...facts, closedOn: '2026-03-21' }, '2026-03-22'), 'consultation_open')).toMatchObject({ status: 'done', doneOn: '2026-03-21' });
    expect(step(timeline({ ...facts, closedOn: '2026-03-20' }, '2026-03-22'), 'consultation_open').status).toBe('breached');
  });

  it('a meeting in a consultation gets its notice too', () => {
    const t = timeline({ ...facts, channels: ['meeting'], meetingOn: '2026-03-15' }, '2026-03-01');
    expect(step(t, 'meeting_notice').due).toBe('2026-03-13');
  });
});

describe('posting and loudspeaker (Đ13)', () => {
  const decided: CampaignFacts = { kind: 'decision', category: 'k6', channels: ['meeting'], meetingOn: '2026-03-02', decidedOn: '2026-03-02', publishedOn: '2026-03-04', postedOn: '2026-03-04' };

  it('a posting runs through its 30th day and is done after it', () => {
    expect(step(timeline(decided, '2026-04-02'), 'posting')).toMatchObject({ dueKind: 'lasting', due: '2026-04-02', status: 'pending' });
    expect(step(timeline(decided, '2026-04-03'), 'posting')).toMatchObject({ status: 'done' });
  });

  it('taking it down on its 30th day is too soon, the day after is fine', () => {
    expect(step(timeline({ ...decided, postingRemovedOn: '2026-04-02' }, '2026-04-05'), 'posting').status).toBe('breached');
    expect(step(timeline({ ...decided, postingRemovedOn: '2026-04-03' }, '2026-04-05'), 'posting').status).toBe('done');
  });

  it('before the posting goes up it waits, estimated from the publication deadline', () => {
    const t = timeline({ ...decided, publishedOn: null, postedOn: null }, '2026-03-03');
    expect(step(t, 'posting')).toMatchObject({ status: 'waiting', from: { on: '2026-03-09', basis: 'estimated' } });
    expect(step(t, 'publication')).toMatchObject({ due: '2026-03-09', status: 'pending' });
  });

  it('a loudspeaker run of 3 consecutive days, when the commune uses it', () => {
    expect(ids(timeline(decided, '2026-03-03'))).not.toContain('loudspeaker');
    const withSpeaker: CampaignFacts = { ...decided, publicity: ['posting', 'loudspeaker'] };
    // publication due Monday 9/3: the run may start that day and end on 11/3
    expect(step(timeline(withSpeaker, '2026-03-11'), 'loudspeaker')).toMatchObject({ due: '2026-03-11', status: 'pending' });
    expect(step(timeline(withSpeaker, '2026-03-12'), 'loudspeaker').status).toBe('overdue');
    expect(step(timeline({ ...withSpeaker, loudspeakerDays: ['2026-03-04', '2026-03-05', '2026-03-06'] }, '2026-03-12'), 'loudspeaker')).toMatchObject({
      status: 'done',
      doneOn: '2026-03-06',
    });
  });
});

describe('what is due this week', () => {
  it('lists steps whose last day falls in the week, and every overdue one', () => {
    const t = timeline(
      { kind: 'election', category: 'k4', channels: ['meeting'], meetingOn: '2026-05-24', electionPlanOn: '2026-05-02' },
      '2026-05-11',
    );
    const due = stepsDue(t, '2026-05-11', '2026-05-17');
    expect(due.map((s) => [s.id, s.status])).toEqual([
      ['candidate_list', 'overdue'],
      ['election_team', 'pending'],
      ['election_notice', 'pending'],
    ]);
  });
});

describe('every step carries its article and how it is counted', () => {
  it('for a full k3 campaign', () => {
    const t = timeline(
      { kind: 'decision', category: 'k3', channels: ['meeting', 'paper'], meetingOn: '2026-03-10', opensOn: '2026-03-12', closesOn: '2026-03-20', publicity: ['posting', 'loudspeaker'], recommendations: [{ receivedOn: '2026-03-01' }] },
      '2026-03-01',
    );
    expect(t.length).toBeGreaterThanOrEqual(9);
    for (const s of t) {
      expect(s.article).toMatch(/Đ\d+/);
      expect(s.note.vi.length).toBeGreaterThan(10);
      expect(s.label.vi.length).toBeGreaterThan(3);
      expect(s.overdue).toBe(s.status === 'overdue');
    }
    expect(new Set(t.map((s) => s.key)).size).toBe(t.length);
  });
});
