import { hmacHex, hmacSha256 } from '../runtime/crypto';
import { parseSerial, serialFromDigest } from '../domain/serial';

// A feedback item's tracking code has the ballot serial's form (10 Crockford
// base32 characters and a check character, typed forgivingly) and is kept the
// same way: derived from the item's id under the server secret, so staff can
// tell it again to a sender who lost the slip, and stored only as an HMAC, so
// a copy of the database opens nobody's tracking page.

export async function feedbackCode(secret: string, feedbackId: string): Promise<string> {
  return serialFromDigest(await hmacSha256(secret, `feedback|${feedbackId}`));
}

export function feedbackCodeHash(secret: string, code: string): Promise<string> {
  return hmacHex(secret, `feedback-code|${code}`);
}

/** The stored hash for what someone typed, or null when it cannot be a code (a typo the check character caught). */
export async function typedCodeHash(secret: string, typed: string): Promise<string | null> {
  const parsed = parseSerial(typed.slice(0, 40));
  return parsed.ok ? feedbackCodeHash(secret, parsed.serial) : null;
}
