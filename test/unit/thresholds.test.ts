import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type LegalRules, type ThresholdRule } from '../../server/domain/legal-rules';
import {
  communePasses,
  onlineApprovalPasses,
  passes,
  proceduralVotePasses,
  quorumMet,
  requiredApprovals,
  requiredVillages,
  thresholdReachable,
} from '../../server/domain/thresholds';

const TWO_THIRDS = DEFAULT_RULES.thresholds.k1.value;
const MORE_THAN_HALF = DEFAULT_RULES.thresholds.k6.value;
const COMMUNE = DEFAULT_RULES.communeThresholds.k1!.value;

describe('the category rules follow Đ21 k1', () => {
  it.each([
    ['k1', 'at_least_fraction'],
    ['k2', 'at_least_fraction'],
    ['k3', 'more_than_half'],
    ['k4', 'more_than_half'],
    ['k5', 'more_than_half'],
    ['k6', 'more_than_half'],
  ] as const)('%s uses %s and cites Đ21 k1', (category, kind) => {
    expect(DEFAULT_RULES.thresholds[category].value.kind).toBe(kind);
    expect(DEFAULT_RULES.thresholds[category].article).toContain('Đ21 k1');
  });
});

describe('requiredApprovals: approvals a village needs out of all its households', () => {
  it.each([
    // H, "từ hai phần ba … trở lên" ⌈2H/3⌉, "trên 50%" ⌊H/2⌋+1
    [300, 200, 151],
    [1, 1, 1],
    [2, 2, 2],
    [3, 2, 2],
    [4, 3, 3],
    [5, 4, 3],
    [6, 4, 4],
    [7, 5, 4],
    [299, 200, 150],
    [301, 201, 151],
  ])('H = %i needs %i under two thirds and %i under more than half', (H, twoThirds, half) => {
    expect(requiredApprovals(H, TWO_THIRDS)).toBe(twoThirds);
    expect(requiredApprovals(H, MORE_THAN_HALF)).toBe(half);
  });

  it('a village with no households needs one approval it can never get, under both rules', () => {
    expect(requiredApprovals(0, TWO_THIRDS)).toBe(1);
    expect(requiredApprovals(0, MORE_THAN_HALF)).toBe(1);
    expect(passes(0, 0, TWO_THIRDS)).toBe(false);
    expect(passes(0, 0, MORE_THAN_HALF)).toBe(false);
    expect(thresholdReachable(0, 0, MORE_THAN_HALF)).toBe(false);
  });

  it('rejects household counts that are not whole numbers', () => {
    expect(() => requiredApprovals(-1, MORE_THAN_HALF)).toThrow(RangeError);
    expect(() => requiredApprovals(2.5, MORE_THAN_HALF)).toThrow(RangeError);
  });

  it('an amended rule (more than three fifths) is applied from the data', () => {
    const rule: ThresholdRule = { kind: 'more_than_fraction', num: 3, den: 5 };
    expect(requiredApprovals(300, rule)).toBe(181);
    expect(requiredApprovals(10, rule)).toBe(7);
  });
});

describe('passes: the law’s own numbers for a village of 300 households', () => {
  it.each([
    ['trên 50%', MORE_THAN_HALF, 150, false],
    ['trên 50%', MORE_THAN_HALF, 151, true],
    ['từ hai phần ba', TWO_THIRDS, 199, false],
    ['từ hai phần ba', TWO_THIRDS, 200, true],
  ])('under "%s", %i approvals → %s', (_label, rule, approvals, expected) => {
    expect(passes(approvals, 300, rule)).toBe(expected);
  });

  it.each([
    // H, approvals, two thirds, more than half
    [1, 0, false, false],
    [1, 1, true, true],
    [2, 1, false, false],
    [2, 2, true, true],
    [3, 1, false, false],
    [3, 2, true, true],
  ])('H = %i with %i approvals: two thirds %s, more than half %s', (H, approvals, twoThirds, half) => {
    expect(passes(approvals, H, TWO_THIRDS)).toBe(twoThirds);
    expect(passes(approvals, H, MORE_THAN_HALF)).toBe(half);
  });
});

describe('communePasses: k1/k2 at commune scope count villages (⌈2V/3⌉)', () => {
  it.each([
    [6, 3, false],
    [6, 4, true],
    [6, 6, true],
    [3, 1, false],
    [3, 2, true],
    [1, 1, true],
    [0, 0, false],
  ])('V = %i villages with %i passed → %s', (V, passed, expected) => {
    expect(communePasses(passed, V, COMMUNE)).toBe(expected);
  });

  it('a commune of 6 villages needs 4', () => {
    expect(requiredVillages(6, COMMUNE)).toBe(4);
  });
});

describe('thresholdReachable: whether the meeting’s attendance can reach the threshold (Đ19 k1 b)', () => {
  it.each([
    ['k1 at a meeting of 180 of 300 cannot reach 200', 180, 300, TWO_THIRDS, false],
    ['k1 at a meeting of 200 of 300 can', 200, 300, TWO_THIRDS, true],
    ['k5 at a meeting of 180 of 300 can reach 151', 180, 300, MORE_THAN_HALF, true],
    ['k5 at a meeting of 150 of 300 cannot', 150, 300, MORE_THAN_HALF, false],
  ])('%s', (_label, present, H, rule, expected) => {
    expect(thresholdReachable(present, H, rule)).toBe(expected);
  });
});

describe('quorumMet: a covenant meeting needs more than half of all households present (NĐ 61/2023 Đ10)', () => {
  it.each([
    [150, 300, false],
    [151, 300, true],
    [1, 1, true],
    [1, 2, false],
    [0, 0, false],
  ])('%i present of %i households → %s', (present, H, expected) => {
    expect(quorumMet(present, H, 'k3')).toBe(expected);
  });

  it('other categories have no quorum: the law sets none', () => {
    expect(quorumMet(10, 300, 'k1')).toBe(true);
    expect(quorumMet(10, 300, 'k6')).toBe(true);
  });

  it('a commune that adds a k6 quorum rule gets it applied', () => {
    const rules: LegalRules = { ...DEFAULT_RULES, meetingQuorum: { ...DEFAULT_RULES.meetingQuorum, k6: DEFAULT_RULES.meetingQuorum.k3! } };
    expect(quorumMet(10, 300, 'k6', rules)).toBe(false);
  });
});

describe('procedural votes and the online-voting poll', () => {
  it.each([
    [90, 180, false],
    [91, 180, true],
    [1, 1, true],
    [0, 0, false],
  ])('procedural vote: %i yes of %i present → %s (more than half of those present)', (yes, present, expected) => {
    expect(proceduralVotePasses(yes, present)).toBe(expected);
  });

  it.each([
    [150, 300, false],
    [151, 300, true],
  ])('online-voting poll: %i of %i households → %s (more than half of all households, NĐ 59 Đ5)', (yes, H, expected) => {
    expect(onlineApprovalPasses(yes, H)).toBe(expected);
  });
});
