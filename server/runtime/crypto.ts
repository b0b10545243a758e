// Hashes for the hot paths (serial lookup, receipts, audit chain). node:crypto
// is synchronous and several times cheaper per call than WebCrypto's
// promise round trip; Workers provide the same functions under the
// nodejs_compat flag, so this module is the same on both runtimes.
import { createHash, type Hash } from 'node:crypto';


export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return createHash('sha256').update(data).digest('hex');
}

// HMAC-SHA256 (RFC 2104) with the keyed inner and outer hash states made once
// per secret and copied for each message: every ballot takes three HMACs
// under the same server secret, and re-keying each time was a measurable
// share of its CPU.
const keyed = new Map<string, { inner: Hash; outer: Hash }>();

function keyedStates(secret: string) {
  let k = keyed.get(secret);
  if (!k) {
    let key = Buffer.from(secret, 'utf8');
    if (key.length > 64) key = createHash('sha256').update(key).digest();
    const block = Buffer.alloc(64);
    key.copy(block);
    const ipad = Buffer.from(block.map((b) => b ^ 0x36));
    const opad = Buffer.from(block.map((b) => b ^ 0x5c));
    k = { inner: createHash('sha256').update(ipad), outer: createHash('sha256').update(opad) };
    keyed.set(secret, k);
  }
  return k;
}

function hmac(secret: string, message: string): Buffer {
  const { inner, outer } = keyedStates(secret);
  const innerDigest = inner.copy().update(message, 'utf8').digest();
  return outer.copy().update(innerDigest).digest();
}

export async function hmacSha256(secret: string, message: string): Promise<Uint8Array> {
  return new Uint8Array(hmac(secret, message));
}

export async function hmacHex(secret: string, message: string): Promise<string> {
  return hmac(secret, message).toString('hex');
}
