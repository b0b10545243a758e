// Crockford base32: no I, L, O, U, so ids and serials read aloud cleanly.
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (out.length < length) throw new Error('not enough random bytes for the id');
  return out;
}

export function randomIds(random: (n: number) => Uint8Array): () => string {
  return () => base32(random(10), 16).toLowerCase();
}

/** Predictable ids for tests: id-0001, id-0002, … */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}
