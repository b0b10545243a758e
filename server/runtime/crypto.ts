// Hashes for the hot paths (serial lookup, receipts, audit chain). node:crypto
// is synchronous and several times cheaper per call than WebCrypto's
// promise round trip; Workers provide the same functions under the
// nodejs_compat flag, so this module is the same on both runtimes.
import * as nodeCrypto from 'node:crypto';
import { createHash, type Hash } from 'node:crypto';

/** crypto.hash (Node ≥ 20.12): a one-shot digest with no Hash object to build; absent on older runtimes. */
const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: Buffer, encoding: 'buffer') => Buffer }).hash;


export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return createHash('sha256').update(data).digest('hex');
}

// HMAC-SHA256 (RFC 2104) with the keyed inner and outer hash states made once
// per secret and copied for each message: every ballot takes three HMACs
// under the same server secret, and re-keying each time was a measurable
// share of its CPU.
const keyed = new Map<string, { inner: Hash; outer: Hash; ipad: Buffer; opad: Buffer }>();

function keyedStates(secret: string): { inner: Hash; outer: Hash; ipad: Buffer; opad: Buffer } {
  let k = keyed.get(secret);
  if (!k) {
    let key = Buffer.from(secret, 'utf8');
    if (key.length > 64) key = createHash('sha256').update(key).digest();
    const block = Buffer.alloc(64);
    key.copy(block);
    const ipad = Buffer.from(block.map((b) => b ^ 0x36));
    const opad = Buffer.from(block.map((b) => b ^ 0x5c));
    k = { inner: createHash('sha256').update(ipad), outer: createHash('sha256').update(opad), ipad, opad };
    keyed.set(secret, k);
  }
  return k;
}

function hmac(secret: string, message: string): Buffer {
  const { inner, outer, ipad, opad } = keyedStates(secret);
  if (oneShot) {
    // H(opad ‖ H(ipad ‖ m)) with two one-shot digests: two more blocks hashed
    // than copying the keyed states, but no Hash objects made, which cost more
    const m = Buffer.allocUnsafe(64 + Buffer.byteLength(message, 'utf8'));
    ipad.copy(m, 0);
    m.write(message, 64, 'utf8');
    const o = Buffer.allocUnsafe(96);
    opad.copy(o, 0);
    oneShot('sha256', m, 'buffer').copy(o, 64);
    return oneShot('sha256', o, 'buffer');
  }
  const innerDigest = inner.copy().update(message, 'utf8').digest();
  return outer.copy().update(innerDigest).digest();
}

export async function hmacSha256(secret: string, message: string): Promise<Uint8Array> {
  return new Uint8Array(hmac(secret, message));
}

/** Bytes as base64 text (Buffer: Node, and Workers under nodejs_compat). */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

export async function hmacHex(secret: string, message: string): Promise<string> {
  return hmac(secret, message).toString('hex');
}

// Sealing secret ballots (services/sealed-ballots.ts): AES-256-GCM with WebCrypto,
// the same on Node and Workers. The key is derived once per server secret with
// HKDF-SHA-256 and exists only in memory; the files never hold it.
const sealKeys = new Map<string, Promise<CryptoKey>>();

/** The ballot-sealing key of a server secret (HKDF-SHA-256, info "danban ballot seal v1"). */
export function sealKey(secret: string): Promise<CryptoKey> {
  let key = sealKeys.get(secret);
  if (!key) {
    key = (async () => {
      const ikm = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, ['deriveKey']);
      return crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode('danban ballot seal v1') },
        ikm, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'],
      );
    })();
    sealKeys.set(secret, key);
  }
  return key;
}

/** AES-256-GCM: nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes), the associated data bound to it. */
export async function aesGcmSeal(key: CryptoKey, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce as BufferSource, additionalData: aad as BufferSource }, key, plaintext as BufferSource));
  const out = new Uint8Array(nonce.length + sealed.length);
  out.set(nonce, 0);
  out.set(sealed, nonce.length);
  return out;
}

/** Opens what aesGcmSeal made; throws when the bytes or the associated data were changed. */
export async function aesGcmOpen(key: CryptoKey, sealed: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.subarray(0, 12) as BufferSource, additionalData: aad as BufferSource }, key, sealed.subarray(12) as BufferSource));
}
