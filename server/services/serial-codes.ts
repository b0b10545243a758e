import { hmacHex, hmacSha256 } from '../runtime/crypto';
import { serialFromDigest } from '../domain/serial';
import { base32, CROCKFORD } from '../runtime/ids';

// Serials are derived, never stored in clear (docs/design.md §3): the HMAC of
// campaign, household and reprint counter under the server secret gives the
// serial, so staff can list and reprint without a clear copy in the database,
// and only a second HMAC of the serial is stored, so a copy of the database
// cannot be used to vote.

export async function deriveSerial(secret: string, campaignId: string, householdId: string, reprint: number): Promise<string> {
  return serialFromDigest(await hmacSha256(secret, `serial|${campaignId}|${householdId}|${reprint}`));
}

export function serialHash(secret: string, serial: string): Promise<string> {
  return hmacHex(secret, `serial-hash|${serial}`);
}

/**
 * A receipt the household can check at /verify; the same key gives the same
 * receipt. Its first 7 characters carry the first 32 bits of the stored
 * serial hash (an HMAC under the server secret: they tell nobody anything),
 * so /verify finds the use by its primary key and no index of receipts has
 * to be written with every ballot; the last 3 come from an HMAC of the key,
 * and the stored hash of the whole receipt decides.
 */
export async function receiptFor(secret: string, serialHashHex: string, key: string): Promise<string> {
  const prefix = Number.parseInt(serialHashHex.slice(0, 8), 16);
  const head = Uint8Array.of(0, prefix >>> 24, (prefix >>> 16) & 255, (prefix >>> 8) & 255, prefix & 255);
  // 40 bits → 8 base32 characters, the first always 0: keep the 7 after it
  return base32(head, 8).slice(1) + base32(await hmacSha256(secret, `receipt|${serialHashHex}|${key}`), 3);
}

export function normalizeReceipt(receipt: string): string {
  return receipt.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The hex prefix of the serial hash a receipt names, or null when it cannot be a receipt. */
export function receiptSerialPrefix(receipt: string): string | null {
  const r = normalizeReceipt(receipt);
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(r)) return null;
  let value = 0;
  for (const ch of r.slice(0, 7)) value = value * 32 + CROCKFORD.indexOf(ch);
  if (value > 0xffffffff) return null;
  return value.toString(16).padStart(8, '0');
}

export function receiptHash(secret: string, receipt: string): Promise<string> {
  return hmacHex(secret, `receipt-hash|${normalizeReceipt(receipt)}`);
}

export function idempotencyHash(secret: string, serialHashHex: string, key: string): Promise<string> {
  return hmacHex(secret, `idem|${serialHashHex}|${key}`);
}

