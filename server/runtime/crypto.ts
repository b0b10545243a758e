// Hashes for the hot paths (serial lookup, receipts, audit chain). node:crypto
// is synchronous and several times cheaper per call than WebCrypto's
// promise round trip; Workers provide the same functions under the
// nodejs_compat flag, so this module is the same on both runtimes.
import { createHash, createHmac } from 'node:crypto';

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return createHash('sha256').update(data).digest('hex');
}

export async function hmacSha256(secret: string, message: string): Promise<Uint8Array> {
  return new Uint8Array(createHmac('sha256', secret).update(message).digest());
}

export async function hmacHex(secret: string, message: string): Promise<string> {
  return createHmac('sha256', secret).update(message).digest('hex');
}
