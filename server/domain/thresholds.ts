// Threshold arithmetic on whole households, never floating shares, so the
// law's own numbers hold exactly: with H = 300, "trên 50%" needs 151 and "từ
// hai phần ba … trở lên" needs 200 (Đ21 k1 Luật 10/2022/QH15). The
// denominator is always the total households of the village frozen when the
// campaign opened, never the attendees or the ballots returned.
import { DEFAULT_RULES, type Category, type LegalRules, type ThresholdRule } from './legal-rules';

function assertCount(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

/** The smallest whole number of approvals out of `total` that satisfies the rule, ignoring the "at least one" floor. */
function minimumOf(total: number, rule: ThresholdRule): number {
  switch (rule.kind) {
    case 'at_least_fraction':
      // ⌈num·total/den⌉ in integers
      return Math.floor((rule.num * total + rule.den - 1) / rule.den);
    case 'more_than_fraction':
      return Math.floor((rule.num * total) / rule.den) + 1;
    case 'more_than_half':
      return Math.floor(total / 2) + 1;
  }
}

/**
 * Approvals a village of H households needs: ⌈2H/3⌉ for "từ hai phần ba trở
 * lên", ⌊H/2⌋ + 1 for "trên 50%". Never less than 1: a decision needs at least
 * one household's approval, so a village with H = 0 needs 1 and can never
 * reach it (approvals cannot exceed H). That keeps `required` a number in the
 * results while no threshold is reachable.
 */
export function requiredApprovals(H: number, rule: ThresholdRule = DEFAULT_RULES.thresholds.k6.value): number {
  assertCount(H, 'households');
  return Math.max(1, minimumOf(H, rule));
}

/** Whether `approvals` out of H households pass; H = 0 never passes. */
export function passes(approvals: number, H: number, rule: ThresholdRule = DEFAULT_RULES.thresholds.k6.value): boolean {
  assertCount(approvals, 'approvals');
  return H > 0 && approvals >= requiredApprovals(H, rule);
}

/** The villages a commune-scope k1/k2 decision needs: ⌈2V/3⌉ of the V villages (Đ21 k1). */
export function requiredVillages(V: number, rule: ThresholdRule = DEFAULT_RULES.communeThresholds.k1!.value): number {
  assertCount(V, 'villages');
  return Math.max(1, minimumOf(V, rule));
}

/** Commune-scope result: each village first decides by its own rule, then villages are counted. */
export function communePasses(villagesPassed: number, V: number, rule: ThresholdRule = DEFAULT_RULES.communeThresholds.k1!.value): boolean {
  assertCount(villagesPassed, 'villagesPassed');
  return V > 0 && villagesPassed >= requiredVillages(V, rule);
}

/**
 * Whether a meeting with `present` representatives could reach the threshold
 * at all. When it cannot, the village must switch to the household ballot
 * (Đ19 k1 b): 180 present of 300 households can never give the 200 a k1
 * decision needs.
 */
export function thresholdReachable(present: number, H: number, rule: ThresholdRule = DEFAULT_RULES.thresholds.k6.value): boolean {
  assertCount(present, 'present');
  return H > 0 && present >= requiredApprovals(H, rule);
}

/**
 * Whether a meeting had the attendance its category requires before its vote
 * counts. Only the k3 covenant has one by default: > 50% of all households
 * present (NĐ 61/2023 Đ10 k1 a); other categories have no quorum (the law
 * sets none) and always return true.
 */
export function quorumMet(present: number, H: number, category: Category | null | undefined = 'k3', rules: LegalRules = DEFAULT_RULES): boolean {
  assertCount(present, 'present');
  assertCount(H, 'households');
  const rule = category ? rules.meetingQuorum[category] : undefined;
  if (!rule) return true;
  return H > 0 && present >= minimumOf(H, rule.value);
}

/** Procedural votes in a meeting (secretary, voting method, counting board): > 50% of those present (NĐ 59 Đ3). */
export function proceduralVotePasses(yes: number, present: number, rules: LegalRules = DEFAULT_RULES): boolean {
  assertCount(yes, 'yes');
  assertCount(present, 'present');
  return present > 0 && yes >= minimumOf(present, rules.proceduralVote.value);
}

/** The prior poll choosing online voting for k6: > 50% of all households (NĐ 59 Đ5). */
export function onlineApprovalPasses(yes: number, H: number, rules: LegalRules = DEFAULT_RULES): boolean {
  assertCount(yes, 'yes');
  return H > 0 && yes >= requiredApprovals(H, rules.onlineApproval.value);
}
