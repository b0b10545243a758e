// SurveyJS text processing for a form rendered on the server: "{name}" in a
// title, description, html or choice text shows the answer to question
// `name` as survey-core shows it (the choice's text, a list joined by ", ",
// nothing while unanswered), and "{pageno}" / "{pagecount}" / "{locale}"
// their built-in values. Names match case-insensitively, spaces inside the
// braces are ignored, and a placeholder naming nothing stays as written
// (survey-core does the same).

import {
  CHOICE_TYPES,
  NONE_VALUE,
  OTHER_VALUE,
  choicesOf,
  isEmptyValue,
  localText,
  ratingChoices,
  type Json,
  type Lang,
} from './definition';

export const PLACEHOLDER = /\{\s*([A-Za-z0-9_.-]+)\s*\}/g;

const DEFAULT_LABELS = {
  vi: { yes: 'Có', no: 'Không', other: 'Khác', none: 'Không chọn mục nào' },
  en: { yes: 'Yes', no: 'No', other: 'Other', none: 'None of these' },
};

/** The answer as survey-core's display value: texts for codes, lists joined. */
export function displayValue(q: Json, type: string, value: unknown, lang: Lang): string {
  if (isEmptyValue(value)) return '';
  const labels = DEFAULT_LABELS[lang];
  if (type === 'boolean') {
    if (value === true) return localText(q.labelTrue, lang, labels.yes);
    if (value === false) return localText(q.labelFalse, lang, labels.no);
    return String(value);
  }
  if (CHOICE_TYPES.has(type) || type === 'rating') {
    const choices = type === 'rating' ? ratingChoices(q) : choicesOf(q.choices);
    const text = (v: unknown) => {
      const hit = choices.find((c) => c.value === v);
      if (hit) return localText(hit.text, lang, String(v));
      if (v === OTHER_VALUE) return localText(q.otherText, lang, labels.other);
      if (v === NONE_VALUE) return localText(q.noneText, lang, labels.none);
      return String(v);
    };
    return Array.isArray(value) ? value.map(text).join(', ') : text(value);
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return '';
}

/** A placeholder's name, and what it shows (undefined: the name is unknown, keep the text). */
export type Lookup = (name: string) => string | undefined;

/** Splits a text at its placeholders: strings stay, known placeholders become { name, value }. */
export function splitPlaceholders(text: string, lookup: Lookup): (string | { name: string; value: string })[] {
  const out: (string | { name: string; value: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const value = lookup(m[1]!);
    if (value === undefined) continue;
    if (m.index! > last) out.push(text.slice(last, m.index));
    out.push({ name: m[1]!, value });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The text with its known placeholders replaced by what they show. */
export function resolvePlaceholders(text: string, lookup: Lookup, escape: (s: string) => string = (s) => s): string {
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = lookup(name);
    return value === undefined ? whole : escape(value);
  });
}
