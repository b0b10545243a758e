// One way to spell text, on both sides of every comparison. A form is
// normalised once when a campaign accepts it (create-campaign), and answers
// each time they arrive (the validator): every string NFC, and the values a
// person picks (choice, row, column and item values, question names,
// default values) without spaces around them. So a choice typed as "Đồng ý "
// or in decomposed Unicode (some Vietnamese keyboards write NFD) equals the
// answer "Đồng ý" that the browser, the API client or the no-JS form sends,
// and the stored answers equal the stored form's values.

import { isPlainObject, type Json } from './definition';

/** Keys whose string value is something picked or named, never display text: trimmed as well as NFC. */
const VALUE_KEYS = new Set(['value', 'name', 'defaultValue', 'correctAnswer']);
/** Keys holding lists of values (plain strings in a list are values, not texts). */
const VALUE_LISTS = new Set(['choices', 'rows', 'columns', 'rateValues', 'items', 'defaultValue']);

const setOwn = (o: Json, k: string, v: unknown) => {
  // JSON.parse makes "__proto__" an own key; plain assignment would set the prototype instead
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
};

/** An answer value or a value in the form: strings NFC and trimmed, deeply (keys too). */
export function normaliseValue(v: unknown): unknown {
  if (typeof v === 'string') return v.normalize('NFC').trim();
  if (Array.isArray(v)) return v.map(normaliseValue);
  if (isPlainObject(v)) {
    const out: Json = {};
    for (const k of Object.keys(v)) setOwn(out, k.normalize('NFC').trim(), normaliseValue(v[k]));
    return out;
  }
  return v;
}

function text(v: unknown, key: string | null): unknown {
  if (typeof v === 'string') return key !== null && VALUE_KEYS.has(key) ? v.normalize('NFC').trim() : v.normalize('NFC');
  if (Array.isArray(v)) {
    const values = key !== null && VALUE_LISTS.has(key);
    return v.map((x) => (values && typeof x === 'string' ? x.normalize('NFC').trim() : text(x, null)));
  }
  if (isPlainObject(v)) {
    if (key === 'defaultValue' || key === 'correctAnswer') return normaliseValue(v);
    const out: Json = {};
    for (const k of Object.keys(v)) setOwn(out, k.normalize('NFC'), text(v[k], k));
    return out;
  }
  return v;
}

/**
 * The form as it is stored and compiled: every text NFC, every value and
 * name also trimmed. A fresh copy; the argument is not changed.
 */
export function normaliseSurvey(json: Json): Json {
  return text(json, null) as Json;
}
