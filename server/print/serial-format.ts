// Ballot serials are 11 Crockford base32 characters (DESIGN §3). Printed in
// groups of 4-4-3 so a villager or counter can read them aloud and type them;
// the hyphens are ignored when typed back.

/** "abcdefghjkm" → "ABCD-EFGH-JKM". */
export function groupSerial(serial: string): string {
  const clean = serial.replace(/[\s-]/g, '').toUpperCase();
  const groups = clean.match(/.{1,4}/g) ?? [];
  return groups.join('-');
}
