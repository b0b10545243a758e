// SurveyJS choicesOrder on the server: "asc" / "desc" by the shown text
// (Vietnamese collation), "random" shuffled with a seed, so one ballot (its
// serial) always sees the same order, even when the form comes back with an
// error, while ballots differ from each other. "Other" and "None" are added
// after, at the end, as survey-core does.

import { localText, type Choice, type Lang } from './definition';

/** FNV-1a: a string to 32 bits. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, seeded, good enough to order a few choices. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The choices in the order the form asks for; `seed` fixes a random order. */
export function orderChoices(choices: Choice[], order: unknown, seed: string, lang: Lang): Choice[] {
  if (order === 'asc' || order === 'desc') {
    const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { numeric: true });
    const sorted = [...choices].sort((a, b) => collator.compare(localText(a.text, lang, String(a.value)), localText(b.text, lang, String(b.value))));
    return order === 'asc' ? sorted : sorted.reverse();
  }
  if (order === 'random') {
    const next = random(hash(seed));
    const out = [...choices];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  return choices;
}
