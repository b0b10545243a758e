import { DEFAULT_RULES, type LegalRules } from '../legal-rules';

const DAY_MS = 86_400_000;

/** The posting period: from publication, at least 30 days at the cultural house (Đ13 k2 Luật 10/2022/QH15). */
export function postingPeriod(publishedAt: string, rules: LegalRules = DEFAULT_RULES): { from: string; until: string; days: number } {
  const days = rules.postingMinDays.value;
  return { from: publishedAt, until: new Date(Date.parse(publishedAt) + days * DAY_MS).toISOString(), days };
}
