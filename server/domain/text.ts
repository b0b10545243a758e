// Vietnamese text rules: everything stored is NFC and trimmed; search and
// slugs compare folded text (lower case, no diacritics, đ → d).

// White space that cleanText would change: a run of two, any but a plain
// space, or a space at either end. Most cells have none, and testing for it
// is cheaper than rewriting them (an import cleans a million cells).
const UNCLEAN_SPACE = /\s\s|[^\S ]|^ | $/;

/** NFC, trimmed, inner runs of white space collapsed to one space. */
export function cleanText(s: string): string {
  const nfc = s.normalize('NFC');
  return UNCLEAN_SPACE.test(nfc) ? nfc.replace(/\s+/g, ' ').trim() : nfc;
}

/** "Nguyễn Văn Đạt" → "nguyen van dat": for diacritic-blind search. */
export function fold(s: string): string {
  // codes and phone numbers: nothing to decompose
  if (/^[\x20-\x7e]*$/.test(s)) return UNCLEAN_SPACE.test(s) ? s.toLowerCase().replace(/\s+/g, ' ').trim() : s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function slugify(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'x';
}

export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sorts by a text key with Vietnamese collation (a, ă, â, b, … đ after d). */
export function sortVi<T>(items: T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => viCollator.compare(key(a), key(b)));
}

/** Text of several lines (a letter, an answer): NFC, trimmed, line breaks kept, runs of blank lines cut to one. */
export function cleanParagraphs(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
