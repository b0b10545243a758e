import { describe, expect, it } from 'vitest';
import {
  aggregateOnlineAnswers,
  tallyCampaign,
  type ConfirmedSheet,
  type OnlineAggregate,
  type TallyCampaign,
  type TallyVillage,
} from '../../server/domain/tally';
import type { Category } from '../../server/domain/legal-rules';

const Q = [{ name: 'q1', choices: ['approve', 'reject', 'other'] }];

function decision(category: Category, scope: 'village' | 'commune' = 'village', extra: Partial<TallyCampaign> = {}): TallyCampaign {
  return { kind: 'decision', category, scope, questions: Q, ...extra };
}

function village(n: number, households = 300): TallyVillage {
  return { villageId: `v${n}`, code: `T${n}`, name: `Thôn ${n}`, households };
}

function meeting(villageId: string, present: number, approve: number, reject = 0, other = 0): ConfirmedSheet {
  return { villageId, channel: 'meeting', present, counts: { q1: { approve, reject, other } } };
}

function paper(villageId: string, returned: number, approve: number, reject = 0, invalid = 0): ConfirmedSheet {
  return { villageId, channel: 'paper', issued: 300, returned, invalid, counts: { q1: { approve, reject, other: returned - invalid - approve - reject } } };
}

function online(villageId: string, binding: boolean, approve: number, reject = 0): OnlineAggregate {
  return { villageId, binding, ballots: approve + reject, counts: { q1: { approve, reject } } };
}

describe('the result has the shape of docs/api.md "Results"', () => {
  it('gives each village its households, participation, counts, required approvals and whether it passed', () => {
    const r = tallyCampaign(decision('k6'), [village(1)], [meeting('v1', 200, 151, 40, 9)]);
    const v = r.villages[0]!;
    expect(v).toMatchObject({
      villageId: 'v1', code: 'T1', name: 'Thôn 1', households: 300, participated: 200,
      questions: { q1: { counts: { approve: 151, reject: 40, other: 9 }, required: 151, passed: true } },
      elected: [], ties: [],
    });
    expect(r.commune).toMatchObject({ villagesPassed: 1, passed: true });
    expect(v.turnout).toBeCloseTo(0.6667, 4);
    expect(r.legalBasis[0]!.article).toContain('Đ21 k1');
  });

  it('fills choices nobody chose with 0', () => {
    const r = tallyCampaign(decision('k6'), [village(1)], [{ villageId: 'v1', channel: 'meeting', present: 160, counts: { q1: { approve: 160 } } }]);
    expect(r.villages[0]!.questions.q1!.counts).toEqual({ approve: 160, reject: 0, other: 0 });
  });
});

describe('per-village thresholds with the law’s own numbers (H = 300)', () => {
  it.each([
    ['k6', 150, false],
    ['k6', 151, true],
    ['k3', 151, true],
    ['k1', 199, false],
    ['k1', 200, true],
    ['k2', 199, false],
  ] as [Category, number, boolean][])('%s with %i approvals on the household ballot after a small meeting → passed %s', (category, approve, passed) => {
    const r = tallyCampaign(decision(category), [village(1)], [meeting('v1', 100, 0), paper('v1', 280, approve, 280 - approve)]);
    expect(r.villages[0]!.questions.q1!.passed).toBe(passed);
    expect(r.villages[0]!.questions.q1!.required).toBe(category === 'k1' || category === 'k2' ? 200 : 151);
  });
});

describe('commune-scope k1 counts villages: ⌈2V/3⌉ of V = 6', () => {
  const villages = [1, 2, 3, 4, 5, 6].map((n) => village(n, 300));
  const sheets = (passing: number) => villages.map((v, i) => paper(v.villageId, 290, i < passing ? 250 : 100, i < passing ? 40 : 190));

  it.each([
    [3, false],
    [4, true],
    [6, true],
  ])('%i villages passing → commune passed %s', (passing, expected) => {
    const r = tallyCampaign(decision('k1', 'commune'), villages, sheets(passing));
    expect(r.commune.villagesPassed).toBe(passing);
    expect(r.commune.passed).toBe(expected);
    expect(r.commune.rule).toBe('commune_threshold');
    expect(r.commune.requiredVillages).toBe(4);
  });

  it('a village-scope campaign over several villages passes for the commune only when every village passed', () => {
    const r = tallyCampaign(decision('k1', 'village'), villages, sheets(5));
    expect(r.commune.rule).toBe('every_village');
    expect(r.commune.passed).toBe(false);
    expect(tallyCampaign(decision('k1', 'village'), villages, sheets(6)).commune.passed).toBe(true);
  });
});

describe('a meeting that could not reach the threshold falls back to the household ballot (Đ19 k1 b)', () => {
  it('180 present of 300 cannot reach the 200 a k1 decision needs: not passed, fallback reported', () => {
    const r = tallyCampaign(decision('k1'), [village(1)], [meeting('v1', 180, 180)]);
    const v = r.villages[0]!;
    expect(v.thresholdUnreachable).toBe(true);
    expect(v.questions.q1!.passed).toBe(false);
    expect(v.basis).toBe('meeting');
    expect(v.fallback?.vi).toContain('Đ19 k1 b');
    expect(v.fallback?.en).toContain('household ballot');
  });

  it('the same 180 present are enough for a k5-style "more than half" decision to be decided at the meeting', () => {
    const r = tallyCampaign(decision('k6'), [village(1)], [meeting('v1', 180, 160)]);
    expect(r.villages[0]!.thresholdUnreachable).toBe(false);
    expect(r.villages[0]!.questions.q1!.passed).toBe(true);
  });

  it('the household ballot replaces that meeting: its counts alone decide, never added to the meeting’s', () => {
    const r = tallyCampaign(decision('k1'), [village(1)], [meeting('v1', 180, 180), paper('v1', 290, 210, 70)]);
    const v = r.villages[0]!;
    expect(v.basis).toBe('paper');
    expect(v.questions.q1!.counts.approve).toBe(210);
    expect(v.participated).toBe(290);
    expect(v.questions.q1!.passed).toBe(true);
    expect(v.thresholdUnreachable).toBe(true);
    expect(v.fallback?.vi).toContain('thay thế');
    expect(v.channels).toEqual(['meeting', 'paper']);
  });

  it('a meeting that could reach the threshold stands, and a paper sheet for the same village is reported, not added', () => {
    const r = tallyCampaign(decision('k1'), [village(1)], [meeting('v1', 250, 150, 100), paper('v1', 290, 250, 40)]);
    const v = r.villages[0]!;
    expect(v.basis).toBe('meeting');
    expect(v.questions.q1!.counts.approve).toBe(150);
    expect(v.questions.q1!.passed).toBe(false);
    expect(v.warnings.map((w) => w.code)).toContain('meeting_stands');
  });

  it('a meeting sheet without the number present is judged by its largest count', () => {
    const r = tallyCampaign(decision('k1'), [village(1)], [{ villageId: 'v1', channel: 'meeting', counts: { q1: { approve: 150, reject: 30 } } }]);
    expect(r.villages[0]!.participated).toBe(180);
    expect(r.villages[0]!.thresholdUnreachable).toBe(true);
  });
});

describe('the k3 covenant meeting needs more than half of all households present (NĐ 61/2023 Đ10)', () => {
  it('150 present of 300 is no quorum: nothing passes and the fallback is reported', () => {
    const r = tallyCampaign(decision('k3'), [village(1)], [meeting('v1', 150, 150)]);
    const v = r.villages[0]!;
    expect(v.quorumMet).toBe(false);
    expect(v.questions.q1!.passed).toBe(false);
    expect(v.warnings.map((w) => w.code)).toContain('quorum_not_met');
    expect(v.fallback).not.toBeNull();
  });

  it('151 present of 300 is a quorum; 151 approvals pass', () => {
    const r = tallyCampaign(decision('k3'), [village(1)], [meeting('v1', 151, 151)]);
    expect(r.villages[0]!.quorumMet).toBe(true);
    expect(r.villages[0]!.questions.q1!.passed).toBe(true);
  });

  it('a covenant on paper without a meeting that failed for attendance is kept but not counted: not passed, and says why (Đ17 k2, Đ19 k1 b)', () => {
    const r = tallyCampaign(decision('k3'), [village(1)], [paper('v1', 280, 200, 80)]);
    const v = r.villages[0]!;
    expect(v.questions.q1!.passed).toBe(false);
    expect(v.questions.q1!.counts.approve).toBe(0);
    expect(v.participated).toBe(0);
    expect(v.basis).toBe('none');
    expect(v.warnings.map((w) => w.code)).toContain('paper_without_meeting');
    expect(v.warnings.find((w) => w.code === 'paper_without_meeting')!.message.vi).toContain('Đ19 k1 b');
    expect(v.sources).toEqual([{ source: 'paper_sheet', households: 280, role: 'not_binding' }]);
  });
});

describe('online answers', () => {
  it.each(['k1', 'k2', 'k3', 'k4', 'k5'] as Category[])('for %s are advisory: reported apart, never in counts', (category) => {
    const r = tallyCampaign(decision(category), [village(1)], [meeting('v1', 200, 120, 80)], [online('v1', false, 90, 10)]);
    const v = r.villages[0]!;
    expect(v.questions.q1!.counts).toEqual({ approve: 120, reject: 80, other: 0 });
    expect(v.participated).toBe(200);
    expect(v.advisory).toMatchObject({ ballots: 100, counts: { q1: { approve: 90, reject: 10 } } });
    expect(v.advisory!.note.vi).toContain('không có giá trị quyết định');
  });

  it('marked binding for a k1 decision they are still advisory, with a warning', () => {
    const r = tallyCampaign(decision('k1'), [village(1)], [], [online('v1', true, 250)]);
    const v = r.villages[0]!;
    expect(v.basis).toBe('none');
    expect(v.questions.q1!.counts.approve).toBe(0);
    expect(v.questions.q1!.passed).toBe(false);
    expect(v.advisory!.ballots).toBe(250);
    expect(v.warnings.map((w) => w.code)).toContain('online_not_binding');
  });

  it('for k6 binding online ballots are added to the paper ballots', () => {
    const r = tallyCampaign(decision('k6', 'village', { onlineApprovalRecorded: true }), [village(1)], [paper('v1', 100, 80, 20)], [online('v1', true, 75, 25)]);
    const v = r.villages[0]!;
    expect(v.basis).toBe('paper+online');
    expect(v.questions.q1!.counts.approve).toBe(155);
    expect(v.questions.q1!.counts.reject).toBe(45);
    expect(v.participated).toBe(200);
    expect(v.questions.q1!.passed).toBe(true);
    expect(v.warnings).toEqual([]);
  });

  it('for k6 online alone decides where the village’s households agreed to vote online (NĐ 59 Đ5)', () => {
    const r = tallyCampaign(decision('k6'), [{ ...village(1), onlineAgreement: true }], [], [online('v1', true, 151, 20)]);
    const v = r.villages[0]!;
    expect(v.basis).toBe('online');
    expect(v.questions.q1!.passed).toBe(true);
    expect(v.warnings).toEqual([]);
  });

  it('for k6 online ballots of a village without that agreement on record are advice there, and the result says so (NĐ 59 Đ5)', () => {
    const r = tallyCampaign(decision('k6'), [village(1)], [], [online('v1', true, 151, 20)]);
    const v = r.villages[0]!;
    expect(v.basis).toBe('none');
    expect(v.questions.q1!.passed).toBe(false);
    expect(v.questions.q1!.counts.approve).toBe(0);
    expect(v.advisory).toMatchObject({ ballots: 171, counts: { q1: { approve: 151, reject: 20 } } });
    expect(v.warnings.map((w) => w.code)).toEqual(['online_agreement_missing', 'no_tally']);
  });
});

describe('villages without a usable tally', () => {
  it('a village with no confirmed tally has not passed and says so', () => {
    const r = tallyCampaign(decision('k6'), [village(1), village(2)], [meeting('v1', 200, 180)]);
    const v2 = r.villages[1]!;
    expect(v2.basis).toBe('none');
    expect(v2.participated).toBe(0);
    expect(v2.questions.q1!.passed).toBe(false);
    expect(v2.warnings.map((w) => w.code)).toEqual(['no_tally']);
    expect(r.commune.villagesPassed).toBe(1);
  });

  it('a village with no households can never pass', () => {
    const r = tallyCampaign(decision('k6'), [village(1, 0)], [meeting('v1', 0, 0)]);
    expect(r.villages[0]!.questions.q1!.required).toBe(1);
    expect(r.villages[0]!.questions.q1!.passed).toBe(false);
    expect(r.villages[0]!.turnout).toBe(0);
  });

  it('a tally of a village outside the campaign is not counted', () => {
    const r = tallyCampaign(decision('k6'), [village(1)], [meeting('v1', 200, 180), meeting('v9', 200, 180)]);
    expect(r.villages).toHaveLength(1);
    expect(r.commune.warnings.map((w) => w.code)).toEqual(['sheet_outside_scope']);
  });

  it('refuses to tally a decision without a category', () => {
    expect(() => tallyCampaign({ kind: 'decision', scope: 'village', questions: Q }, [village(1)], [])).toThrow(RangeError);
  });
});

describe('elections', () => {
  const candidates = [
    { id: 'c1', name: 'Nguyễn Văn An', villageId: 'v1' },
    { id: 'c2', name: 'Trần Thị Bình', villageId: 'v1' },
    { id: 'c3', name: 'Lê Văn Chí', villageId: 'v1' },
    { id: 'c4', name: 'Phạm Thị Dung', villageId: 'v2' },
  ];
  const election = (seats = 1): TallyCampaign => ({ kind: 'election', category: 'k5', scope: 'village', seats, candidates, questions: [] });
  const ballotCount = (villageId: string, present: number, votes: Record<string, number>): ConfirmedSheet => ({
    villageId, channel: 'meeting', present, issued: present, returned: present, invalid: 0, counts: { candidates: votes },
  });

  it('elects the candidate with more than half of all households and lists the tie at the cut-off', () => {
    const r = tallyCampaign(election(2), [village(1), village(2)], [
      ballotCount('v1', 250, { c1: 200, c2: 170, c3: 170 }),
      ballotCount('v2', 250, { c4: 151 }),
    ]);
    const [v1, v2] = r.villages;
    expect(v1!.elected).toEqual(['c1']);
    expect(v1!.ties).toEqual(['c2', 'c3']);
    expect(v1!.tiedSeats).toBe(1);
    expect(v1!.passed).toBe(false);
    expect(v1!.warnings.map((w) => w.code)).toEqual(['tie_at_cutoff']);
    expect(v1!.questions.candidates).toEqual({ counts: { c1: 200, c2: 170, c3: 170 }, required: 151, passed: false });
    expect(v2!.elected).toEqual(['c4']);
    expect(v2!.unfilledSeats).toBe(1);
  });

  it('reports unfilled seats when nobody reaches more than half of all households', () => {
    const r = tallyCampaign(election(1), [village(1)], [ballotCount('v1', 250, { c1: 150, c2: 100 })]);
    expect(r.villages[0]!.elected).toEqual([]);
    expect(r.villages[0]!.unfilledSeats).toBe(1);
    expect(r.villages[0]!.warnings.map((w) => w.code)).toEqual(['unfilled_seats']);
  });

  it('an election meeting too small to elect anyone points to the household ballot', () => {
    const r = tallyCampaign(election(1), [village(1)], [ballotCount('v1', 140, { c1: 140 })]);
    expect(r.villages[0]!.thresholdUnreachable).toBe(true);
    expect(r.villages[0]!.elected).toEqual([]);
    expect(r.villages[0]!.fallback).not.toBeNull();
  });

  it('does not count votes for someone who is not a candidate of the village', () => {
    const r = tallyCampaign(election(1), [village(1)], [ballotCount('v1', 250, { c1: 200, c4: 50 })]);
    expect(r.villages[0]!.questions.candidates!.counts).toEqual({ c1: 200, c2: 0, c3: 0 });
    expect(r.villages[0]!.warnings.map((w) => w.code)).toContain('unknown_candidate');
  });

  it('assembles the commune’s inspection board from the villages and reports it short', () => {
    const r = tallyCampaign(election(1), [village(1), village(2)], [ballotCount('v1', 250, { c1: 200 }), ballotCount('v2', 250, { c4: 200 })]);
    expect(r.commune.roster!.members.map((m) => m.name)).toEqual(['Nguyễn Văn An', 'Phạm Thị Dung']);
    expect(r.commune.roster!.short).toBe(true);
    expect(r.commune.roster!.target).toBe(5);
    expect(r.commune.passed).toBe(true);
  });
});

describe('aggregateOnlineAnswers', () => {
  it('counts one answer per ballot per village, binding and advisory apart', () => {
    const aggs = aggregateOnlineAnswers([
      { villageId: 'v1', binding: false, answers: { q1: 'approve' } },
      { villageId: 'v1', binding: false, answers: { q1: 'reject' } },
      { villageId: 'v1', binding: false, answers: { q1: 'approve', unrelated: 'x' } },
      { villageId: 'v2', binding: true, answers: {} },
    ], Q);
    expect(aggs).toEqual([
      { villageId: 'v1', binding: false, ballots: 3, counts: { q1: { approve: 2, reject: 1 } } },
      { villageId: 'v2', binding: true, ballots: 1, counts: { q1: {} } },
    ]);
  });

  it('counts each checkbox value once per ballot', () => {
    const aggs = aggregateOnlineAnswers([{ villageId: 'v1', binding: false, answers: { candidates: ['c1', 'c2', 'c1'] } }], [{ name: 'candidates', choices: [] }]);
    expect(aggs[0]!.counts.candidates).toEqual({ c1: 1, c2: 1 });
  });

  it('counts rows the database grouped as many ballots as each stands for, the same as the ballots one by one', () => {
    const ballots = [
      { villageId: 'v1', binding: true, answers: { q1: 'approve', c: ['x', 'y'] } },
      { villageId: 'v1', binding: true, answers: { q1: 'approve', c: ['x', 'y'] } },
      { villageId: 'v1', binding: true, answers: { q1: 'reject', c: ['y'] } },
      { villageId: 'v1', binding: false, answers: { q1: 'other' } },
    ];
    const questions = [...Q, { name: 'c', choices: [] }];
    const grouped = aggregateOnlineAnswers([
      { villageId: 'v1', binding: true, answers: { q1: 'reject', c: ['y'] }, count: 1 },
      { villageId: 'v1', binding: false, answers: { q1: 'other', c: null }, count: 1 },
      { villageId: 'v1', binding: true, answers: { q1: 'approve', c: ['x', 'y'] }, count: 2 },
    ], questions);
    expect(grouped).toEqual(aggregateOnlineAnswers(ballots, questions));
    expect(grouped.find((a) => a.binding)).toEqual({ villageId: 'v1', binding: true, ballots: 3, counts: { q1: { approve: 2, reject: 1 }, c: { x: 2, y: 3 } } });
  });

  it('keys a yes/no answer as "true" / "false" and a rating by its number, and skips what is not a choice', () => {
    const [agg] = aggregateOnlineAnswers([
      { villageId: 'v1', binding: true, answers: { yes: true, rate: 4, obj: { a: 1 } } },
      { villageId: 'v1', binding: true, answers: { yes: false, rate: '4', obj: null } },
    ], [{ name: 'yes', choices: [] }, { name: 'rate', choices: [] }, { name: 'obj', choices: [] }]);
    expect(agg!.counts).toEqual({ yes: { true: 1, false: 1 }, rate: { 4: 2 }, obj: {} });
  });

  it('lists the values in the same order whatever order the ballots came in', () => {
    const answers = ['reject', 'approve', 'other', 'approve'].map((v) => ({ villageId: 'v1', binding: true, answers: { q1: v } }));
    const forward = aggregateOnlineAnswers(answers, Q)[0]!.counts.q1!;
    const backward = aggregateOnlineAnswers([...answers].reverse(), Q)[0]!.counts.q1!;
    expect(Object.keys(forward)).toEqual(['approve', 'other', 'reject']);
    expect(Object.keys(backward)).toEqual(Object.keys(forward));
  });
});
