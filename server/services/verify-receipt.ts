import type { AppDeps } from './deps';
import { findUseByReceipt } from '../../db/repositories/serials';
import { receiptHash, receiptSerialPrefix } from './serial-codes';

/**
 * Tells a household whether its ballot was recorded: the campaign and the
 * day, never the answers (a receipt must not let anyone prove a vote).
 */
export async function verifyReceipt(deps: AppDeps, receipt: string, client: string) {
  const cleaned = receipt.slice(0, 40);
  if (!(await deps.rateLimiter.hit(`receipt:${client}`, 60, 10 * 60_000))) return { found: false as const, limited: true };
  const prefix = receiptSerialPrefix(cleaned);
  const use = prefix ? await findUseByReceipt(deps.db, prefix, await receiptHash(deps.secret, cleaned)) : undefined;
  if (!use) return { found: false as const, limited: false };
  return {
    found: true as const,
    limited: false,
    channel: use.channel,
    recordedOn: use.usedOn.slice(0, 10),
    campaign: { title: use.title, slug: use.slug, status: use.status },
  };
}
