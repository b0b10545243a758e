// Ballot serials (docs/design.md §3): 10 Crockford base32 characters plus one
// check character from the same 32-character alphabet, so the serial stays
// URL-safe. The check is Luhn mod 32: it catches every single mistyped
// character and most swaps of neighbours.

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const BODY_LENGTH = 10;
export const SERIAL_LENGTH = BODY_LENGTH + 1;

const VALUE = new Map<string, number>([...ALPHABET].map((ch, i) => [ch, i]));

export function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * VALUE.get(body[i]!)!;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

/** The 10-character body from the first 50 bits of a digest. */
export function serialFromDigest(digest: Uint8Array): string {
  let body = '';
  let buffer = 0;
  let bits = 0;
  for (const b of digest) {
    buffer = ((buffer << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5 && body.length < BODY_LENGTH) {
      body += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (body.length === BODY_LENGTH) break;
  }
  return body + checkCharacter(body);
}

export type SerialParse = { ok: true; serial: string } | { ok: false; reason: 'length' | 'character' | 'check' };

/**
 * Reads what a person typed: lower case, O for 0, I or L for 1, spaces and
 * hyphens are all accepted; a typo is caught by the check character.
 */
export function parseSerial(input: string): SerialParse {
  const cleaned = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== SERIAL_LENGTH) return { ok: false, reason: 'length' };
  for (const ch of cleaned) if (!VALUE.has(ch)) return { ok: false, reason: 'character' };
  const body = cleaned.slice(0, BODY_LENGTH);
  if (checkCharacter(body) !== cleaned[BODY_LENGTH]) return { ok: false, reason: 'check' };
  return { ok: true, serial: cleaned };
}

/** "ABCD EFGH JKL" style groups for reading aloud and typing. */
export function groupSerial(serial: string): string {
  return `${serial.slice(0, 4)}-${serial.slice(4, 8)}-${serial.slice(8)}`;
}
