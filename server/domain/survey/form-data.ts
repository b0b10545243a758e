// An HTML form post → SurveyJS answers. The server renders every question as
// plain HTML (web/views/survey-form.tsx) with the field names below, so a
// phone without JavaScript submits the same answers object the SurveyJS
// browser form would, and one validator checks both.
//   radiogroup, dropdown, boolean, rating, text, comment → `<name>`
//   checkbox, tagbox → `<name>` repeated, one per ticked box
//   "Other" text → `<name>-Comment`
//   matrix → `<name>[<row value>]`
//   ranking → `<name>[<rank, from 1>]`
//   multipletext → `<name>[<item name>]`
//   matrixdropdown → `<name>[<row value>][<column name>]`
//   matrixdynamic → `<name>[<row index, from 0>][<column name>]`
//   paneldynamic → `<name>[<panel index, from 0>][<question name>]` (and its "-Comment")
// Values are mapped back to the form's own values (numbers stay numbers, a
// date typed dd/mm/yyyy becomes YYYY-MM-DD); anything that matches nothing is
// passed on unchanged for the validator to refuse with a message, never
// silently dropped. Blank fields are unanswered; a row or panel left blank is
// no row or panel.

import {
  COMMENT_SUFFIX,
  NONE_VALUE,
  OTHER_VALUE,
  VALUE_TYPES,
  choicesOf,
  columnsOf,
  flattenElements,
  isEmptyValue,
  itemsOf,
  ratingValues,
  templateOf,
  type ChoiceValue,
  type Json,
} from './definition';

export type FormFields = Record<string, string | string[] | undefined>;

export const commentField = (name: string) => `${name}${COMMENT_SUFFIX}`;
/** The field of a key inside a question's value: a row, column, item, rank or entry. */
export const entryField = (parent: string, key: string) => `${parent}[${key}]`;
export const matrixField = (name: string, row: ChoiceValue) => entryField(name, String(row));

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

/** A date typed by hand where the browser has no date picker: dd/mm/yyyy (or with - or .) → YYYY-MM-DD. */
function toDate(raw: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : raw;
}

const nonBlank = (s: string) => s.trim() !== '';
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(nonBlank);

/** One value for a single-answer field; two values stay a list so the validator refuses the double mark. */
function single<T>(raw: string[], map: (s: string) => T): T | T[] | undefined {
  if (raw.length === 0) return undefined;
  return raw.length === 1 ? map(raw[0]!) : raw.map(map);
}

function choiceValues(q: Json): ChoiceValue[] {
  const known: ChoiceValue[] = choicesOf(q.choices).map((c) => c.value);
  if (q.showOtherItem ?? q.hasOther) known.push(OTHER_VALUE);
  if (q.showNoneItem ?? q.hasNone) known.push(NONE_VALUE);
  return known;
}

/** The indexes of the entries of a list question that the post holds (`<field>[<i>][…]`). */
function entryIndexes(field: string, fields: FormFields): number[] {
  const prefix = `${field}[`;
  const found = new Set<number>();
  for (const key of Object.keys(fields)) {
    if (!key.startsWith(prefix)) continue;
    const m = /^(\d{1,4})\]\[/.exec(key.slice(prefix.length));
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** The questions of one entry, one row of cells or one set of items, read into an object; undefined when all are blank. */
function readGroup(questions: { q: Json; type: string; key: string }[], field: string, fields: FormFields): Json | undefined {
  const obj: Json = {};
  for (const { q, type, key } of questions) {
    const v = readValue(q, type, entryField(field, key), fields);
    if (v !== undefined) obj[key] = v;
    if (q.showOtherItem ?? q.hasOther) {
      const note = single(list(fields[entryField(field, commentField(key))]), (s) => s);
      if (note !== undefined) obj[commentField(key)] = note;
    }
  }
  return Object.keys(obj).length > 0 ? obj : undefined;
}

/** The answer to one question posted under `field`; undefined when unanswered. */
function readValue(q: Json, type: string, field: string, fields: FormFields): unknown {
  const raw = list(fields[field]);
  switch (type) {
    case 'radiogroup':
    case 'dropdown':
      return single(raw, (s) => toValue(s, choiceValues(q)));
    case 'checkbox':
    case 'tagbox':
      return raw.length > 0 ? raw.map((s) => toValue(s, choiceValues(q))) : undefined;
    case 'boolean':
      return single(raw, (s) => (s === 'true' ? true : s === 'false' ? false : s));
    case 'rating':
      return single(raw, (s) => toValue(s, ratingValues(q)));
    case 'text':
      return single(raw, (s) => (q.inputType === 'number' ? toNumber(s) : q.inputType === 'date' ? toDate(s) : s));
    case 'comment':
      return single(raw, (s) => s);
    case 'matrix': {
      const columns = choicesOf(q.columns).map((c) => c.value);
      const value: Json = {};
      for (const row of choicesOf(q.rows)) {
        const cell = single(list(fields[matrixField(field, row.value)]), (s) => toValue(s, columns));
        if (cell !== undefined) value[String(row.value)] = cell;
      }
      return Object.keys(value).length > 0 ? value : undefined;
    }
    case 'ranking': {
      const known = choicesOf(q.choices).map((c) => c.value);
      const ranked: unknown[] = [];
      for (let rank = 1; rank <= known.length; rank++) {
        const picked = single(list(fields[entryField(field, String(rank))]), (s) => toValue(s, known));
        if (picked !== undefined) ranked.push(picked);
      }
      return ranked.length > 0 ? ranked : undefined;
    }
    case 'multipletext':
      return readGroup(itemsOf(q).map((item) => ({ q: { ...item, type: 'text' }, type: 'text', key: String(item.name) })), field, fields);
    case 'matrixdropdown': {
      const cells = columnsOf(q).map((c) => ({ q: c.json, type: c.type, key: c.name }));
      const value: Json = {};
      for (const row of choicesOf(q.rows)) {
        const rowValue = readGroup(cells, matrixField(field, row.value), fields);
        if (rowValue !== undefined) value[String(row.value)] = rowValue;
      }
      return Object.keys(value).length > 0 ? value : undefined;
    }
    case 'matrixdynamic':
    case 'paneldynamic': {
      const questions = type === 'matrixdynamic'
        ? columnsOf(q).map((c) => ({ q: c.json, type: c.type, key: c.name }))
        : templateOf(q).filter((t) => t.type !== 'html').map((t) => ({ q: t, type: String(t.type), key: String(t.name) }));
      const indexes = entryIndexes(field, fields);
      if (indexes.length === 0) return undefined;
      // the form offered these entries: the ones left blank are no entry, and all blank is an empty list
      return indexes.map((i) => readGroup(questions, entryField(field, String(i)), fields)).filter((e): e is Json => e !== undefined);
    }
    default:
      return single(raw, (s) => s);
  }
}

export function formToAnswers(json: Json, fields: FormFields): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const el of flattenElements(json)) {
    if (!VALUE_TYPES.has(el.type)) continue;
    const q = el.json;
    const value = readValue(q, el.type, el.name, fields);
    // an empty list is an answer only for the list questions (no rows), never a blank field
    if (value !== undefined && !(isEmptyValue(value) && !Array.isArray(value))) answers[el.name] = value;
    if (q.showOtherItem ?? q.hasOther) {
      const note = single(list(fields[commentField(el.name)]), (s) => s);
      if (note !== undefined) answers[commentField(el.name)] = note;
    }
  }
  return answers;
}
