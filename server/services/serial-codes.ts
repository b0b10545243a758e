import { hmacHex, hmacSha256 } from '../runtime/crypto';
import { serialFromDigest } from '../domain/serial';
import { base32 } from '../runtime/ids';

// Serials are derived, never stored in clear (DESIGN.md §3): the HMAC of
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

/** A receipt the household can check at /verify; the same key gives the same receipt. */
export async function receiptFor(secret: string, serialHashHex: string, key: string): Promise<string> {
  return base32(await hmacSha256(secret, `receipt|${serialHashHex}|${key}`), 10);
}

export function receiptHash(secret: string, receipt: string): Promise<string> {
  return hmacHex(secret, `receipt-hash|${receipt.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')}`);
}

export function idempotencyHash(secret: string, serialHashHex: string, key: string): Promise<string> {
  return hmacHex(secret, `idem|${serialHashHex}|${key}`);
}

export function groupReceipt(receipt: string): string {
  return `${receipt.slice(0, 5)}-${receipt.slice(5)}`;
}
