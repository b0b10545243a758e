// How long, at most, an answer to a form can be as JSON text: the length every
// sealed secret ballot of a campaign is padded to (services/sealed-ballots.ts),
// so a sealed row's length says nothing about what it holds
// (docs/threat-model.md). Bounded by what the validator accepts
// (survey/validator.ts): the form's own choices, and each text at most its
// maxLength (never more than MAX_TEXT_LENGTH) characters of three UTF-8 bytes
// each, which covers every character JSON writes as itself or as a two-byte
// escape; only control characters other than tab and line breaks (six-byte
// escapes) can take an answer past it.
import { COMMENT_SUFFIX, NONE_VALUE, OTHER_VALUE, VALUE_TYPES, choicesOf, flattenElements, ratingValues, type Json } from './definition';
import { MAX_TEXT_LENGTH } from './validator';

const BYTES_PER_CHAR = 3;
const encoder = new TextEncoder();

/** UTF-8 bytes of a value written as JSON. */
const jsonBytes = (v: unknown): number => encoder.encode(JSON.stringify(v)).length;
const textBytes = (chars: number): number => 2 + BYTES_PER_CHAR * chars;
const maxOf = (xs: number[]): number => xs.reduce((m, x) => Math.max(m, x), 0);

function textChars(q: Json): number {
  return typeof q.maxLength === 'number' && q.maxLength > 0 ? Math.min(q.maxLength, MAX_TEXT_LENGTH) : MAX_TEXT_LENGTH;
}

/** The longest value one question can hold, as JSON bytes. */
function valueBytes(q: Json, type: string): number {
  const hasOther = Boolean(q.showOtherItem ?? q.hasOther);
  const hasNone = Boolean(q.showNoneItem ?? q.hasNone);
  const values: unknown[] = choicesOf(q.choices).map((c) => c.value);
  if (hasOther) values.push(OTHER_VALUE);
  if (hasNone) values.push(NONE_VALUE);
  switch (type) {
    case 'radiogroup':
    case 'dropdown':
      return maxOf(values.map(jsonBytes));
    case 'checkbox':
      return 2 + values.reduce<number>((s, v) => s + jsonBytes(v) + 1, 0);
    case 'boolean':
      return 5;
    case 'rating':
      return maxOf(ratingValues(q).map(jsonBytes));
    case 'text':
      // a number is at most as long as -1.7976931348623157e+308
      return q.inputType === 'number' ? 24 : textBytes(textChars(q));
    case 'comment':
      return textBytes(textChars(q));
    case 'matrix': {
      const column = maxOf(choicesOf(q.columns).map((c) => jsonBytes(c.value)));
      return 2 + choicesOf(q.rows).reduce((s, r) => s + jsonBytes(String(r.value)) + 1 + column + 1, 0);
    }
    default:
      return 0;
  }
}

/** The most UTF-8 bytes JSON.stringify of an accepted answer to this form takes (beyond the control-character case above). */
export function maxAnswerBytes(survey: Json): number {
  let total = 2;
  for (const el of flattenElements(survey)) {
    if (!VALUE_TYPES.has(el.type) || !el.name) continue;
    total += jsonBytes(el.name) + 1 + valueBytes(el.json, el.type) + 1;
    if (el.type !== 'matrix' && Boolean(el.json.showOtherItem ?? el.json.hasOther)) {
      total += jsonBytes(`${el.name}${COMMENT_SUFFIX}`) + 1 + textBytes(MAX_TEXT_LENGTH) + 1;
    }
  }
  return total;
}
