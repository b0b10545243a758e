// Issue 12, table by table: one household, one binding vote, every question,
// every channel. Each case names the article it reads; the engine is the
// domain's (tallyCampaign, every village through reconcileVillage), the
// numbers are worked out here from the law's own words.
import { describe, expect, it } from 'vitest';
import {
  tallyCampaign,
  type ConfirmedSheet,
  type OnlineAggregate,
  type TallyCampaign,
  type TallyResult,
  type TallyVillage,
} from '../../server/domain/tally';
import { paperSheetGaps, paperSheetReconciliation, reconcileVillage, NO_BALLOTS } from '../../server/domain/reconciliation';
import { DEFAULT_RULES, type Category, type LegalRules } from '../../server/domain/legal-rules';
import { agreementEntryProblems, agreementOnRecord, agreementView, claimFor, freezeClaim, normalizeApproval } from '../../server/domain/online-agreement';

const LAW = 'Luật 10/2022/QH15';
const Q1 = { name: 'q1', choices: ['approve', 'reject', 'other'] };
const Q2 = { name: 'q2', choices: ['approve', 'reject', 'other'] };
const Q3 = { name: 'q3', choices: ['approve', 'reject', 'other'] };

const decision = (category: Category, over: Partial<TallyCampaign> = {}): TallyCampaign => ({ kind: 'decision', category, scope: 'village', questions: [Q1], ...over });
const village = (n: number, households: number, over: Partial<TallyVillage> = {}): TallyVillage => ({ villageId: `v${n}`, code: `T${n}`, name: `Thôn ${n}`, households, ...over });
const yes = (approve: number, reject = 0, q = 'q1') => ({ [q]: { approve, reject, other: 0 } });
const paper = (villageId: string, returned: number, counts: ConfirmedSheet['counts'], invalid = 0): ConfirmedSheet => ({ villageId, channel: 'paper', issued: returned, returned, invalid, counts });
const meeting = (villageId: string, present: number, counts: ConfirmedSheet['counts']): ConfirmedSheet => ({ villageId, channel: 'meeting', present, counts });
const ballots = (villageId: string, binding: boolean, approve: number, reject = 0): OnlineAggregate => ({ villageId, binding, ballots: approve + reject, counts: yes(approve, reject) });

// ⌈2H/3⌉ and ⌊H/2⌋ + 1, written out for the H the issue names (Đ21 k1).
const TWO_THIRDS: Record<number, number> = { 1: 1, 2: 2, 3: 2, 151: 101, 195: 130, 412: 275 };
const MORE_THAN_HALF: Record<number, number> = { 1: 1, 2: 2, 3: 2, 151: 76, 195: 98, 412: 207 };

describe(`thresholds of ALL households, exactly met and missed by one (Đ21 k1 ${LAW})`, () => {
  const rows: [Category, number, number, boolean][] = [];
  for (const H of [1, 2, 3, 151, 195, 412]) {
    for (const category of ['k1', 'k2', 'k3', 'k6'] as Category[]) {
      const required = category === 'k1' || category === 'k2' ? TWO_THIRDS[H]! : MORE_THAN_HALF[H]!;
      rows.push([category, H, required, true], [category, H, required - 1, false]);
    }
  }
  it.each(rows)('%s, H = %i, %i approvals on a household ballot → passed %s', (category, H, approve, passed) => {
    // k3 on paper needs a meeting that failed for attendance first (Đ19 k1 b): none present
    const sheets = [...(category === 'k3' ? [meeting('v1', 0, {})] : []), paper('v1', H, yes(approve, H - approve))];
    const v = tallyCampaign(decision(category), [village(1, H)], sheets).villages[0]!;
    expect(v.questions.q1!.required).toBe(category === 'k1' || category === 'k2' ? TWO_THIRDS[H] : MORE_THAN_HALF[H]);
    expect(v.questions.q1!.passed).toBe(passed);
    expect(v.participated).toBe(H);
  });
});

interface Case {
  name: string;
  article: string;
  run: () => TallyResult;
  expect: (r: TallyResult) => void;
}

const k6Agreed = (H: number) => village(1, H, { onlineAgreement: true });

const cases: Case[] = [
  {
    name: 'a household counted twice: 6 binding online approvals beside a sheet of 10 returned in a village of 10 is held, never 16 of 10',
    article: `NĐ 59/2023 Đ4 (mỗi hộ 01 phiếu); Đ21 k1 ${LAW}`,
    run: () => tallyCampaign(decision('k6'), [k6Agreed(10)], [paper('v1', 10, yes(10))], [ballots('v1', true, 6)]),
    expect: (r) => {
      const v = r.villages[0]!;
      expect(v.held).toMatchObject({ gap: 6, problems: [{ path: 'returned', gap: 6 }] });
      expect(v).toMatchObject({ participated: 0, passed: false, turnout: 0 });
      expect(v.questions.q1!.counts.approve).toBe(0);
      expect(v.sources.map((s) => [s.source, s.role])).toEqual([['paper_sheet', 'held'], ['online', 'held']]);
    },
  },
  {
    name: 'the same sheet of the other 4 households fits: 6 online + 4 on paper = 10, summed',
    article: `Đ17 k1, Đ21 k1 ${LAW}; Đ5 NĐ 59/2023`,
    run: () => tallyCampaign(decision('k6'), [k6Agreed(10)], [paper('v1', 4, yes(1, 3))], [ballots('v1', true, 6)]),
    expect: (r) => expect(r.villages[0]).toMatchObject({ participated: 10, basis: 'paper+online', held: null, questions: { q1: { counts: { approve: 7, reject: 3 }, required: 6, passed: true } } }),
  },
  {
    name: 'paper ballots entered one by one count: 8 of 10 households pass k1 (⌈20/3⌉ = 7)',
    article: `Đ19, Đ21 k1 ${LAW}`,
    run: () => tallyCampaign(decision('k1'), [village(1, 10, { registeredPaper: 8 })], [], [], DEFAULT_RULES, [ballots('v1', true, 8)]),
    expect: (r) => expect(r.villages[0]).toMatchObject({ participated: 8, basis: 'paper', questions: { q1: { counts: { approve: 8 }, required: 7, passed: true } } }),
  },
  {
    name: 'entered ballots inside a confirmed sheet are not added again: the sheet is the paper count',
    article: `Đ19 k2 ${LAW}; NĐ 59/2023 Mẫu 04`,
    run: () => tallyCampaign(decision('k1'), [village(1, 10, { registeredPaper: 3 })], [paper('v1', 9, yes(7, 2))], [], DEFAULT_RULES, [ballots('v1', true, 3)]),
    expect: (r) => {
      expect(r.villages[0]).toMatchObject({ participated: 9, questions: { q1: { counts: { approve: 7, reject: 2 }, passed: true } } });
      expect(r.villages[0]!.sources).toEqual([{ source: 'paper_sheet', households: 9, role: 'counted' }, { source: 'paper_entries', households: 3, role: 'in_sheet' }]);
    },
  },
  {
    name: 'a sheet that gives a choice fewer votes than the ballots entered for it is held',
    article: `Đ19 k2 ${LAW}; NĐ 59/2023 Mẫu 04`,
    run: () => tallyCampaign(decision('k1'), [village(1, 10, { registeredPaper: 3 })], [paper('v1', 9, yes(2, 7))], [], DEFAULT_RULES, [ballots('v1', true, 3)]),
    expect: (r) => expect(r.villages[0]!.held!.problems).toEqual([expect.objectContaining({ path: 'counts.q1.approve', gap: 1 })]),
  },
  {
    name: 'every registered ballot entered and the sheet returned exactly those: its counts must be theirs',
    article: `Đ19 k2 ${LAW}; NĐ 59/2023 Mẫu 04`,
    run: () => tallyCampaign(decision('k1'), [village(1, 10, { registeredPaper: 3 })], [paper('v1', 3, { q1: { approve: 2, reject: 1, other: 0 } })], [], DEFAULT_RULES, [ballots('v1', true, 3)]),
    // approve: 2 of the 3 entered (short by one); reject: 1 though none was entered (one too many)
    expect: (r) => expect(r.villages[0]!.held!.problems.map((p) => [p.path, p.gap])).toEqual([['counts.q1.approve', 1], ['counts.q1.reject', 1]]),
  },
  {
    name: 'an advisory online answer is reported apart and never in the counts; the household’s paper vote counts',
    article: `Đ17 k2 ${LAW}`,
    run: () => tallyCampaign(decision('k1'), [village(1, 3)], [paper('v1', 2, yes(2))], [ballots('v1', false, 1, 2)]),
    expect: (r) => {
      const v = r.villages[0]!;
      expect(v).toMatchObject({ participated: 2, questions: { q1: { counts: { approve: 2, reject: 0 }, required: 2, passed: true } } });
      expect(v.advisory).toMatchObject({ ballots: 3, counts: { q1: { approve: 1, reject: 2 } } });
    },
  },
  {
    name: 'two questions at commune scope: each passed in 2 of 3 villages is adopted on its own',
    article: `Đ21 k1 ${LAW} (phạm vi cấp xã)`,
    run: () => tallyCampaign(decision('k1', { scope: 'commune', questions: [Q1, Q2] }), [village(1, 6), village(2, 6), village(3, 6)], [
      paper('v1', 6, { ...yes(5, 1, 'q1'), ...yes(1, 5, 'q2') }),
      paper('v2', 6, { ...yes(4, 2, 'q1'), ...yes(4, 2, 'q2') }),
      paper('v3', 6, { ...yes(2, 4, 'q1'), ...yes(6, 0, 'q2') }),
    ]),
    expect: (r) => expect(r.commune).toMatchObject({
      passed: true, adopted: ['q1', 'q2'], villagesPassed: 1, requiredVillages: 2,
      questions: { q1: { villagesPassed: 2, required: 2, passed: true }, q2: { villagesPassed: 2, required: 2, passed: true } },
    }),
  },
  {
    name: 'three questions at village scope: judged in each village; the commune passes only when every question passed everywhere',
    article: `Đ21 k1 ${LAW}`,
    run: () => tallyCampaign(decision('k6', { questions: [Q1, Q2, Q3] }), [village(1, 3), village(2, 3)], [
      meeting('v1', 3, { ...yes(2, 1, 'q1'), ...yes(1, 2, 'q2'), ...yes(3, 0, 'q3') }),
      meeting('v2', 3, { ...yes(2, 1, 'q1'), ...yes(2, 1, 'q2'), ...yes(1, 2, 'q3') }),
    ]),
    expect: (r) => {
      expect(r.villages.map((v) => [v.questions.q1!.passed, v.questions.q2!.passed, v.questions.q3!.passed])).toEqual([[true, false, true], [true, true, false]]);
      expect(r.commune).toMatchObject({ rule: 'every_village', passed: false, adopted: ['q1'], questions: { q2: { villagesPassed: 1, required: 2, passed: false } } });
    },
  },
  {
    name: 'a paper-only k3 covenant is kept but does not count: not passed, and says why',
    article: `Đ17 k2, Đ19 k1 b ${LAW}`,
    run: () => tallyCampaign(decision('k3'), [village(1, 10)], [paper('v1', 9, yes(8, 1))]),
    expect: (r) => {
      expect(r.villages[0]).toMatchObject({ basis: 'none', participated: 0, passed: false });
      expect(r.villages[0]!.warnings.map((w) => w.code)).toEqual(['paper_without_meeting']);
    },
  },
  {
    name: 'a k3 meeting without its quorum (5 of 10), then the household ballot decides',
    article: `Đ19 k1 b ${LAW}; Đ10 k1 a NĐ 61/2023`,
    run: () => tallyCampaign(decision('k3'), [village(1, 10)], [meeting('v1', 5, yes(5)), paper('v1', 9, yes(8, 1))]),
    expect: (r) => expect(r.villages[0]).toMatchObject({ basis: 'paper', quorumMet: false, participated: 9, passed: true, questions: { q1: { required: 6 } } }),
  },
  {
    name: 'a paper-only k4 election elects nobody; after a meeting too small to elect, the household ballot elects',
    article: `Đ17 k2, Đ19 k1 b, Đ21 k1 ${LAW}`,
    run: () => tallyCampaign(
      { kind: 'election', category: 'k4', scope: 'village', seats: 1, questions: [], candidates: [{ id: 'a', name: 'An', villageId: 'v1' }, { id: 'b', name: 'Bình', villageId: 'v2' }] },
      [village(1, 10), village(2, 10)],
      [paper('v1', 9, { candidates: { a: 9 } }), meeting('v2', 5, { candidates: { b: 5 } }), paper('v2', 8, { candidates: { b: 7 } })],
    ),
    expect: (r) => {
      expect(r.villages[0]).toMatchObject({ elected: [], unfilledSeats: 1, passed: false });
      expect(r.villages[1]).toMatchObject({ elected: ['b'], passed: true, thresholdUnreachable: true, basis: 'paper' });
    },
  },
  {
    name: 'k6 online in a village without the households’ agreement on record is advice there; with it, it decides',
    article: 'Đ5 NĐ 59/2023/NĐ-CP',
    run: () => tallyCampaign(decision('k6'), [village(1, 10, { onlineAgreement: false }), village(2, 10, { onlineAgreement: true })], [], [ballots('v1', true, 7), ballots('v2', true, 7)]),
    expect: (r) => {
      expect(r.villages[0]).toMatchObject({ basis: 'none', passed: false, advisory: { ballots: 7 } });
      expect(r.villages[0]!.warnings.map((w) => w.code)).toContain('online_agreement_missing');
      expect(r.villages[1]).toMatchObject({ basis: 'online', passed: true, participated: 7 });
    },
  },
  {
    name: 'online + paper sheet + ballots entered + a meeting too small, in one village: the household ballot replaces the meeting, each household once',
    article: `Đ19 k1 b, Đ21 k1 ${LAW}; Đ5 NĐ 59/2023`,
    run: () => tallyCampaign(decision('k6'), [village(1, 12, { onlineAgreement: true, registeredPaper: 2 })],
      [meeting('v1', 4, yes(4)), paper('v1', 6, yes(4, 2))], [ballots('v1', true, 4, 1)], DEFAULT_RULES, [ballots('v1', true, 2)]),
    expect: (r) => {
      const v = r.villages[0]!;
      // ⌊12/2⌋ + 1 = 7 needed: 4 on paper + 4 online = 8 approvals of 11 households
      expect(v).toMatchObject({ basis: 'paper+online', participated: 11, thresholdUnreachable: true, questions: { q1: { counts: { approve: 8, reject: 3 }, required: 7, passed: true } } });
      expect(v.sources.map((s) => [s.source, s.households, s.role])).toEqual([
        ['meeting', 4, 'replaced'], ['paper_sheet', 6, 'counted'], ['paper_entries', 2, 'in_sheet'], ['online', 5, 'counted'],
      ]);
    },
  },
  {
    name: 'online + paper + a meeting that reached the threshold: the meeting decides alone, the rest is reported, not added',
    article: `Đ17 k1, Đ21 k1 ${LAW}`,
    run: () => tallyCampaign(decision('k6'), [village(1, 12, { onlineAgreement: true })], [meeting('v1', 8, yes(7, 1)), paper('v1', 3, yes(3))], [ballots('v1', true, 1)]),
    expect: (r) => {
      const v = r.villages[0]!;
      expect(v).toMatchObject({ basis: 'meeting', participated: 8, questions: { q1: { counts: { approve: 7 }, passed: true } } });
      expect(v.warnings.map((w) => w.code)).toContain('meeting_stands');
      expect(v.sources.filter((s) => s.role === 'not_added').map((s) => s.source)).toEqual(['paper_sheet', 'online']);
    },
  },
  {
    name: 'H = 1: one household, one vote; a second binding ballot from a serial issued after opening is held',
    article: `NĐ 59/2023 Đ4 (mỗi hộ 01 phiếu); Đ21 k1 ${LAW}`,
    run: () => tallyCampaign(decision('k6'), [k6Agreed(1)], [], [ballots('v1', true, 2)]),
    expect: (r) => expect(r.villages[0]!.held).toMatchObject({ gap: 1, problems: [{ path: 'ballots' }] }),
  },
  {
    name: 'a meeting sheet whose counts exceed those present cannot be true: held by the last guard',
    article: `Đ20 k2 ${LAW}`,
    run: () => tallyCampaign(decision('k6'), [village(1, 10)], [meeting('v1', 8, yes(8, 2))]),
    expect: (r) => expect(r.villages[0]!.held!.problems.map((p) => p.path)).toEqual(['counts.q1']),
  },
];

describe('one household, one binding vote, every question, every channel', () => {
  it.each(cases.map((c) => [`${c.name} (${c.article})`, c] as const))('%s', (_name, c) => c.expect(c.run()));
});

describe(`the stricter reading of Đ19 k1, switched on (householdBallotAfterMeeting)`, () => {
  const strict: LegalRules = { ...DEFAULT_RULES, householdBallotAfterMeeting: { ...DEFAULT_RULES.householdBallotAfterMeeting, value: { enabled: true, categories: ['k1', 'k2'] } } };
  it(`k1 paper at village scope counts only after a failed meeting; at commune scope the chair’s ballot counts (Đ19 k1 a, b ${LAW})`, () => {
    const sheets = [paper('v1', 9, yes(8, 1))];
    expect(tallyCampaign(decision('k1'), [village(1, 10)], sheets, [], strict).villages[0]!.passed).toBe(false);
    expect(tallyCampaign(decision('k1'), [village(1, 10)], sheets).villages[0]!.passed).toBe(true);
    expect(tallyCampaign(decision('k1', { scope: 'commune' }), [village(1, 10)], sheets, [], strict).villages[0]!.passed).toBe(true);
    expect(tallyCampaign(decision('k1'), [village(1, 10)], [meeting('v1', 3, yes(3)), ...sheets], [], strict).villages[0]!.passed).toBe(true);
  });
});

describe(`paperSheetGaps: what a sheet must fit beside (NĐ 59/2023 Đ4; Đ21 k1 ${LAW})`, () => {
  const counted = (over: Partial<Parameters<typeof paperSheetGaps>[1]> = {}) => ({ households: 10, bindingOnline: 0, entries: NO_BALLOTS, registeredPaper: 0, ...over });
  it.each([
    ['fits: 4 returned beside 6 online of 10', 4, counted({ bindingOnline: 6 }), []],
    ['one too many: 5 returned beside 6 online of 10', 5, counted({ bindingOnline: 6 }), [['returned', 1]]],
    ['fewer returned than serials registered', 2, counted({ registeredPaper: 3 }), [['returned', 1]]],
  ] as const)('%s', (_name, returned, c, gaps) => {
    expect(paperSheetGaps({ returned, invalid: 0, counts: yes(returned) }, c, [Q1]).map((g) => [g.path, g.gap])).toEqual(gaps);
  });

  it('names every number in both languages with its gap', () => {
    const [g] = paperSheetGaps({ returned: 10, counts: yes(10) }, counted({ bindingOnline: 6 }), [Q1]);
    expect(g!.message.vi).toContain('6');
    expect(g!.message.en).toContain('by 6');
  });
});

describe('reconcileVillage keeps the invariants of every published result', () => {
  it('participated ≤ H, every option ≤ participated, single-choice sums ≤ participated, whatever the sources', () => {
    const r = reconcileVillage(
      { households: 5, paper: paper('v1', 3, yes(2, 1)), entries: NO_BALLOTS, registeredPaper: 0, online: { ballots: 2, counts: yes(2) }, advisory: NO_BALLOTS },
      { kind: 'decision', category: 'k6', scope: 'village', questions: [Q1], singleChoice: true, onlineAgreement: true },
    );
    expect(r.participated).toBe(5);
    expect(r.counts.q1!.approve! + r.counts.q1!.reject!).toBeLessThanOrEqual(r.participated);
  });
});

describe('the households’ agreement to vote online, per village (Đ5 NĐ 59/2023/NĐ-CP)', () => {
  const listed = (households: number) => claimFor({ villages: [{ villageId: 'v1', households, date: '2026-11-02', method: 'meeting' }] }, 'v1');
  it.each([
    [412, 207, true], [412, 206, false], [195, 98, true], [195, 97, false], [1, 1, true], [1, 0, false], [2, 1, false],
  ])('H = %i, %i households agreed → on record %s (more than half of ALL households)', (H, n, onRecord) => {
    expect(agreementOnRecord(listed(n), H)).toBe(onRecord);
    expect(agreementView(listed(n), H).required).toBe(MORE_THAN_HALF[H] ?? Math.floor(H / 2) + 1);
  });

  it('rests on a linked campaign that was published and passed in the village, taking its approvals and day', () => {
    const claim = claimFor({ campaignId: 'poll' }, 'v1');
    const passed = freezeClaim(claim, { published: true, passed: true, approvals: 268, publishedAt: '2026-11-03T02:00:00.000Z' });
    expect(passed).toMatchObject({ source: 'campaign', households: 268, date: '2026-11-03', linkedPassed: true });
    expect(agreementOnRecord(passed, 412)).toBe(true);
    expect(agreementOnRecord(freezeClaim(claim, { published: true, passed: false, approvals: 100, publishedAt: '2026-11-03T02:00:00.000Z' }), 412)).toBe(false);
    expect(agreementOnRecord(freezeClaim(claim, null), 412)).toBe(false);
  });

  it('a record without villages or campaign is minutes for every village; with villages, an unlisted village has none', () => {
    expect(agreementOnRecord(claimFor({ note: 'Biên bản họp thôn' }, 'v9'), 5)).toBe(true);
    expect(claimFor({ villages: [{ villageId: 'v1', households: 3, date: '2026-11-02', method: 'meeting' }] }, 'v2')).toBeNull();
    expect(agreementOnRecord(null, 5)).toBe(false);
  });

  it('takes the villages as an array or keyed by village id, and names each bad field', () => {
    expect(normalizeApproval({ villages: { v1: { households: 3, date: '2026-11-02', method: 'meeting' } } })!.villages).toEqual([
      { villageId: 'v1', households: 3, date: '2026-11-02', method: 'meeting' },
    ]);
    const problems = agreementEntryProblems({ villageId: 'v9', households: -1, date: '2026-02-30', method: 'campaign' }, 'onlineApproval.villages.0', new Set(['v1']));
    expect(problems.map((p) => p.path)).toEqual([
      'onlineApproval.villages.0.villageId', 'onlineApproval.villages.0.households', 'onlineApproval.villages.0.date', 'onlineApproval.villages.0.campaignId',
    ]);
  });
});

describe('a paper sheet beside what its village counted, shown to the confirmer', () => {
  const questions = [{ name: 'decision', choices: ['approve', 'reject', 'other'] }];
  it('shows a sheet of 300 ballots beside the 2 serials registered on return: possible, but seen and checked', () => {
    const sheet = { returned: 300, invalid: 0, counts: { decision: { approve: 200, reject: 90, other: 10 } } };
    const counted = { households: 412, bindingOnline: 0, entries: { ballots: 0, counts: {} }, registeredPaper: 2 };
    expect(paperSheetGaps(sheet, counted, questions)).toEqual([]);
    const r = paperSheetReconciliation(sheet, counted, questions);
    expect(r).toMatchObject({ households: 412, registeredPaper: 2, returned: 300, left: 112 });
    expect(r.notes.map((n) => n.vi)).toEqual([expect.stringContaining('Biên bản ghi 300 phiếu thu về, nhưng mới quét mã 2 phiếu giấy trả về của thôn (chênh 298 phiếu)')]);
  });

  it('counts what is left of the households after the binding online ballots and the sheet, negative when counted twice', () => {
    const sheet = { returned: 8, invalid: 0, counts: { decision: { approve: 5, reject: 3, other: 0 } } };
    const fits = paperSheetReconciliation(sheet, { households: 12, bindingOnline: 3, entries: { ballots: 0, counts: {} }, registeredPaper: 8 }, questions);
    expect(fits).toMatchObject({ left: 1, notes: [] });
    const twice = paperSheetReconciliation(sheet, { households: 10, bindingOnline: 3, entries: { ballots: 0, counts: {} }, registeredPaper: 8 }, questions);
    expect(twice.left).toBe(-1);
  });
});
