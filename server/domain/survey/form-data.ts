// An HTML form post → SurveyJS answers. The server renders every question as
// plain HTML (web/views/survey-form.tsx) with the field names below, so a
// phone without JavaScript submits the same answers object the SurveyJS
// browser form would, and one validator checks both.
//   radiogroup, dropdown, boolean, rating, text, comment → `<name>`
//   checkbox → `<name>` repeated, one per ticked box
//   "Other" text → `<name>-Comment`
//   matrix → `<name>[<row value>]`
// Values are mapped back to the form's own values (numbers stay numbers);
// anything that matches nothing is passed on unchanged for the validator to
// refuse with a message, never silently dropped. Blank fields are unanswered.

import { COMMENT_SUFFIX, VALUE_TYPES, choicesOf, flattenElements, ratingValues, type ChoiceValue, type Json } from './definition';

export type FormFields = Record<string, string | string[] | undefined>;

export const commentField = (name: string) => `${name}${COMMENT_SUFFIX}`;
export const matrixField = (name: string, row: ChoiceValue) => `${name}[${String(row)}]`;

const spelling = (s: string) => s.normalize('NFC').trim();

/** The form's own value for what was posted, compared in one spelling (a form stored before normalisation still matches). */
function toValue(raw: string, known: ChoiceValue[]): ChoiceValue {
  const hit = known.find((v) => String(v) === raw) ?? known.find((v) => spelling(String(v)) === spelling(raw));
  return hit ?? raw;
}

function toNumber(raw: string): number | string {
  const t = raw.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : raw;
}

const nonBlank = (s: string) => s.trim() !== '';
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(nonBlank);

/** One value for a single-answer field; two values stay a list so the validator refuses the double mark. */
function single<T>(raw: string[], map: (s: string) => T): T | T[] | undefined {
  if (raw.length === 0) return undefined;
  return raw.length === 1 ? map(raw[0]!) : raw.map(map);
}

export function formToAnswers(json: Json, fields: FormFields): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const set = (key: string, v: unknown) => {
    if (v !== undefined) answers[key] = v;
  };
  for (const el of flattenElements(json)) {
    if (!VALUE_TYPES.has(el.type)) continue;
    const q = el.json;
    const name = el.name;
    const raw = list(fields[name]);
    switch (el.type) {
      case 'radiogroup':
      case 'dropdown':
      case 'checkbox': {
        const known: ChoiceValue[] = choicesOf(q.choices).map((c) => c.value);
        if (q.showOtherItem ?? q.hasOther) known.push('other');
        if (q.showNoneItem ?? q.hasNone) known.push('none');
        if (el.type === 'checkbox') {
          if (raw.length > 0) set(name, raw.map((s) => toValue(s, known)));
        } else {
          set(name, single(raw, (s) => toValue(s, known)));
        }
        if (q.showOtherItem ?? q.hasOther) set(commentField(name), single(list(fields[commentField(name)]), (s) => s));
        break;
      }
      case 'boolean':
        set(name, single(raw, (s) => (s === 'true' ? true : s === 'false' ? false : s)));
        break;
      case 'rating': {
        const known = ratingValues(q);
        set(name, single(raw, (s) => toValue(s, known)));
        break;
      }
      case 'text':
        set(name, single(raw, (s) => (q.inputType === 'number' ? toNumber(s) : s)));
        break;
      case 'comment':
        set(name, single(raw, (s) => s));
        break;
      case 'matrix': {
        const columns = choicesOf(q.columns).map((c) => c.value);
        const value: Record<string, unknown> = {};
        for (const row of choicesOf(q.rows)) {
          const cell = single(list(fields[matrixField(name, row.value)]), (s) => toValue(s, columns));
          if (cell !== undefined) value[String(row.value)] = cell;
        }
        if (Object.keys(value).length > 0) set(name, value);
        break;
      }
    }
  }
  return answers;
}
