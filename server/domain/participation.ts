// A village's campaign at a glance, for the village head on a phone at arm's
// length: "163/412 hộ — cần 207 — còn 14 ngày". Households that took part
// (their serial used, online or on paper) out of the village's households,
// the approvals the category's threshold needs out of those households
// (legal-rules.ts, never restated here), and the days left to the close.
import { answeredByLink, type Campaign } from './campaign';
import { thresholdFor, type Rule, type ThresholdRule } from './legal-rules';
import { requiredApprovals } from './thresholds';
import { daysBetween, vietnamDate } from './calendar/iso-date';
import { formatNumber, type LocalizedText } from './i18n';

export interface VillageGlance {
  tookPart: number;
  households: number;
  /** approvals (for an election: votes for a candidate) the threshold needs; null for kinds decided by no threshold */
  needed: number | null;
  /** the rule behind `needed`, with its article */
  rule: Rule<ThresholdRule> | null;
  /** whole days from today to the closing day (0: closes today, negative: past it); null with no closing day or once closed */
  daysLeft: number | null;
  /** the campaign no longer takes ballots */
  ended: boolean;
}

/** The rule deciding a tallied campaign (decision of a category, election), null for the kinds no threshold decides. */
export function glanceRule(c: { kind: string; category: string | null }): Rule<ThresholdRule> | null {
  const tallied = c.kind === 'decision' || c.kind === 'election';
  return tallied && (c.kind === 'election' || c.category) ? thresholdFor(c.kind as Campaign['kind'], c.category as Campaign['category']) : null;
}

/** The approvals (an election: votes) a village of `households` needs, null where no threshold decides. */
export function neededOf(c: { kind: string; category: string | null }, households: number): number | null {
  const rule = glanceRule(c);
  return rule ? requiredApprovals(households, rule.value) : null;
}

export function villageGlance(
  c: Pick<Campaign, 'kind' | 'category' | 'status' | 'closesAt'>,
  v: { households: number; tookPart: number },
  now: Date,
): VillageGlance {
  const rule = glanceRule(c);
  const ended = c.status === 'closed' || c.status === 'published';
  return {
    tookPart: v.tookPart,
    households: v.households,
    needed: rule ? requiredApprovals(v.households, rule.value) : null,
    rule,
    daysLeft: c.closesAt && !ended ? daysBetween(vietnamDate(now), vietnamDate(c.closesAt)) : null,
    ended,
  };
}

/** The line itself, each part a phrase that may wrap on its own: ["163/412 hộ", "cần 207", "còn 14 ngày"]. */
export function glanceParts(g: VillageGlance): LocalizedText[] {
  const parts: LocalizedText[] = [
    { vi: `${formatNumber(g.tookPart)}/${formatNumber(g.households)} hộ`, en: `${formatNumber(g.tookPart)}/${formatNumber(g.households)} households` },
  ];
  if (g.needed !== null) parts.push({ vi: `cần ${formatNumber(g.needed)}`, en: `${formatNumber(g.needed)} needed` });
  if (g.ended) parts.push({ vi: 'đã kết thúc', en: 'ended' });
  else if (g.daysLeft !== null) {
    if (g.daysLeft > 0) parts.push({ vi: `còn ${formatNumber(g.daysLeft)} ngày`, en: `${formatNumber(g.daysLeft)} days left` });
    else if (g.daysLeft === 0) parts.push({ vi: 'hạn cuối hôm nay', en: 'closes today' });
    else parts.push({ vi: `quá hạn ${formatNumber(-g.daysLeft)} ngày`, en: `${formatNumber(-g.daysLeft)} days past the close` });
  }
  return parts;
}

/**
 * Whether households take part by a ballot of their own (its serial used
 * online or registered on paper), so the households whose ballot has not
 * come back can be listed: not a survey answered by its link, nor a
 * campaign decided at a meeting alone.
 */
export function ballotsReturnByHousehold(c: Pick<Campaign, 'kind' | 'channels' | 'advisoryOnline'>): boolean {
  if (answeredByLink(c)) return false;
  return c.channels.includes('paper') || c.channels.includes('online') || c.advisoryOnline;
}
