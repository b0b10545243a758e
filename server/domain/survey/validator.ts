// The server's check of a submission against its SurveyJS form, compiled once
// per form so the hot path is a few closures (survey-core costs ~0.7 ms per
// answer even with a cached model, DESIGN §4). It agrees with survey-core on
// every rule survey-core enforces (test/slow/survey-agreement.test.ts) and
// adds the ones survey-core leaves to the browser: maxSelectedChoices, unknown
// keys, unknown choice values, value types, rating range, maxLength.
//
// Hidden questions: survey-core validates only visible questions and, with
// its default clearInvisibleValues "onComplete", drops their values when the
// form is completed. We do the same: an answer to a question that its
// visibleIf (or a panel's, or a page's) hides, or that enableIf/readOnly
// disables, is neither checked nor refused, and is left out of `data`. A
// citizen on a phone without JavaScript sees every question, so a refusal
// there would only punish them for text they typed before changing their mind.
//
// Strings are NFC-normalised and trimmed before any rule; a blank string is
// an empty answer. `data` holds only answered, visible questions.

import {
  COMMENT_SUFFIX,
  NONE_VALUE,
  OTHER_VALUE,
  VALUE_TYPES,
  choicesOf,
  flattenElements,
  isEmptyValue,
  isPlainObject,
  localTexts,
  ratingValues,
  type Json,
  type Text,
} from './definition';
import { compileCondition, type Values } from './expressions';
import { checkSupported } from './supported';

/** Every string answer is capped, whatever the form says (a comment box is not a file upload). */
export const MAX_TEXT_LENGTH = 5000;
/** Refuse absurd payloads before looking at them key by key. */
const MAX_KEYS = 1000;
const MAX_UNKNOWN_REPORTED = 20;

export type AnswerRule =
  | 'shape' | 'unknown' | 'required' | 'type' | 'choice' | 'duplicate' | 'none_exclusive'
  | 'min_selected' | 'max_selected' | 'other_comment' | 'range' | 'min_max' | 'email' | 'format'
  | 'max_length' | 'too_long' | 'matrix_row' | 'matrix_column' | 'all_rows' | 'validator';

/** Rules survey-core does not enforce on the server: only our validator refuses these. */
export const RULES_SURVEY_CORE_LEAVES_OUT: ReadonlySet<AnswerRule> = new Set<AnswerRule>([
  'shape', 'unknown', 'type', 'choice', 'duplicate', 'none_exclusive', 'max_selected', 'range',
  'format', 'max_length', 'too_long', 'matrix_row', 'matrix_column',
]);

export interface AnswerError {
  /** the question name (the error detail's path); 'answers' when the whole object is wrong */
  question: string;
  rule: AnswerRule;
  message: Text;
  /** what went wrong without the question's title, for a page that shows it beside the question */
  reason?: Text;
}

export type ValidationResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errors: AnswerError[] };

export type AnswerValidator = (answers: unknown) => ValidationResult;

/** A failure said on its own, as a sentence: "cần trả lời câu này." → "Cần trả lời câu này." */
const sentence = (s: string, lang: string) => s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);

/** What went wrong, before the question's title is put in front. */
type Failure = { rule: AnswerRule; vi: string; en: string };
const failure = (rule: AnswerRule, vi: string, en: string): Failure => ({ rule, vi, en });

const EMAIL = /^(([^<>()\[\]\.,;:\s@\"]+(\.[^<>()\[\]\.,;:\s@\"]+)*)|(\".+\"))@(([^<>()=[\]\.,;:\s@\"]+\.)+[^<>()=[\]\.,;:\s@\"]{2,})$/i;
const TEL = /^\+?[0-9 ().-]{3,20}$/;

interface CompiledQuestion {
  name: string;
  title: Text;
  shown: (v: Values) => boolean;
  required: (v: Values) => boolean;
  /** survey-core counts minSelectedChoices / eachRowRequired even on an empty answer */
  whenEmpty?: (values: Values) => Failure | null;
  requiredFailure: Failure;
  check: (value: unknown, values: Values) => Failure | null;
  /** the `-Comment` key this question owns, when it offers "Other" */
  otherKey?: string;
}

const always = () => true;
const never = () => false;

function and(a: (v: Values) => boolean, b: (v: Values) => boolean) {
  if (a === always) return b;
  if (b === always) return a;
  return (v: Values) => a(v) && b(v);
}

const condition = (src: unknown, fallback: (v: Values) => boolean) => (typeof src === 'string' ? compileCondition(src) : fallback);

/** NFC and trim every string; other values pass through for the type checks. */
function normalise(v: unknown): unknown {
  if (typeof v === 'string') return v.normalize('NFC').trim();
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x.normalize('NFC').trim() : x));
  if (isPlainObject(v)) {
    const out: Json = {};
    for (const k of Object.keys(v)) out[k] = typeof v[k] === 'string' ? (v[k] as string).normalize('NFC').trim() : v[k];
    return out;
  }
  return v;
}

const scalar = (x: unknown): x is string | number => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x));

function customText(v: Json): Text | null {
  return v.text !== undefined ? localTexts(v.text, '') : null;
}

type Check = ((value: unknown, values: Values) => Failure | null) & { onEmpty?: boolean };

function compileValidators(q: Json, type: string): Check[] {
  if (!Array.isArray(q.validators)) return [];
  return q.validators.filter(isPlainObject).map((v): Check => {
    const custom = customText(v);
    const fail = (vi: string, en: string) => failure('validator', custom?.vi || vi, custom?.en || en);
    switch (v.type) {
      case 'numeric': {
        const min = typeof v.minValue === 'number' ? v.minValue : null;
        const max = typeof v.maxValue === 'number' ? v.maxValue : null;
        return (value: unknown) => {
          const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
          if (Number.isNaN(n)) return fail('cần nhập một số.', 'enter a number.');
          if ((min !== null && n < min) || (max !== null && n > max)) {
            return fail(`giá trị phải trong khoảng ${min ?? '…'} đến ${max ?? '…'}.`, `the value must be between ${min ?? '…'} and ${max ?? '…'}.`);
          }
          return null;
        };
      }
      case 'text': {
        const minLength = typeof v.minLength === 'number' ? v.minLength : 0;
        const maxLength = typeof v.maxLength === 'number' ? v.maxLength : 0;
        const noDigits = v.allowDigits === false;
        return (value: unknown) => {
          if (typeof value !== 'string') return null;
          if (noDigits && /\d+$/.test(value)) return fail('không được có chữ số.', 'digits are not allowed.');
          if ((minLength > 0 && value.length < minLength) || (maxLength > 0 && value.length > maxLength)) {
            return fail(`độ dài phải từ ${minLength} đến ${maxLength || '…'} ký tự.`, `the length must be ${minLength} to ${maxLength || '…'} characters.`);
          }
          return null;
        };
      }
      case 'regex': {
        const re = new RegExp(String(v.regex ?? ''), v.caseInsensitive ? 'i' : '');
        return (value: unknown) => {
          const items = Array.isArray(value) ? value : [value];
          return items.every((x) => re.test(String(x))) ? null : fail('không đúng định dạng yêu cầu.', 'does not match the required format.');
        };
      }
      case 'email':
        return (value: unknown) => (EMAIL.test(String(value)) ? null : fail('địa chỉ email không hợp lệ.', 'the e-mail address is not valid.'));
      case 'expression': {
        const test = compileCondition(String(v.expression ?? ''));
        const check: Check = (_value: unknown, values: Values) => (test(values) ? null : fail('câu trả lời chưa thỏa điều kiện của biểu mẫu.', 'the answer does not meet the form’s condition.'));
        // survey-core runs an expression validator on an unanswered question too: the condition may be about other answers
        check.onEmpty = true;
        return check;
      }
      case 'answercount': {
        const min = typeof v.minCount === 'number' ? v.minCount : 0;
        const max = typeof v.maxCount === 'number' ? v.maxCount : 0;
        return (value: unknown) => {
          if (!Array.isArray(value) || value.length === 0) return null;
          if (min && value.length < min) return fail(`chọn ít nhất ${min} mục.`, `select at least ${min} options.`);
          if (max && value.length > max) return fail(`chọn nhiều nhất ${max} mục.`, `select at most ${max} options.`);
          return null;
        };
      }
      default:
        throw new Error(`validator ${String(v.type)} of ${type} not supported`);
    }
  });
}

function lengthCheck(q: Json): (s: string) => Failure | null {
  const max = typeof q.maxLength === 'number' && q.maxLength > 0 ? Math.min(q.maxLength, MAX_TEXT_LENGTH) : MAX_TEXT_LENGTH;
  return (s) => {
    if (s.length <= max) return null;
    const rule: AnswerRule = max === MAX_TEXT_LENGTH ? 'too_long' : 'max_length';
    return failure(rule, `dài quá ${max} ký tự (hiện có ${s.length}).`, `longer than ${max} characters (${s.length} given).`);
  };
}

const otherTextLength = lengthCheck({});

const notText = failure('type', 'câu trả lời phải là văn bản.', 'the answer must be text.');

function compileTypeCheck(q: Json, type: string, name: string): Pick<CompiledQuestion, 'check' | 'whenEmpty' | 'otherKey'> {
  switch (type) {
    case 'radiogroup':
    case 'dropdown':
    case 'checkbox': {
      const allowed = new Set<unknown>(choicesOf(q.choices).map((c) => c.value));
      const hasOther = Boolean(q.showOtherItem ?? q.hasOther);
      const hasNone = Boolean(q.showNoneItem ?? q.hasNone);
      if (hasOther) allowed.add(OTHER_VALUE);
      if (hasNone) allowed.add(NONE_VALUE);
      const otherKey = hasOther ? `${name}${COMMENT_SUFFIX}` : undefined;
      const otherCheck = (picked: boolean, values: Values): Failure | null =>
        picked && otherKey && isEmptyValue(values[otherKey]) ? failure('other_comment', 'đã chọn "Khác" thì cần ghi rõ ý kiến.', 'you chose "Other": please write it in.') : null;
      if (type !== 'checkbox') {
        return {
          otherKey,
          check: (value, values) => {
            if (!scalar(value)) return failure('type', 'chỉ chọn một lựa chọn.', 'choose exactly one option.');
            if (!allowed.has(value)) return failure('choice', `"${String(value)}" không phải là một lựa chọn của câu này.`, `"${String(value)}" is not one of this question's choices.`);
            return otherCheck(value === OTHER_VALUE, values);
          },
        };
      }
      const min = typeof q.minSelectedChoices === 'number' ? q.minSelectedChoices : 0;
      const max = typeof q.maxSelectedChoices === 'number' ? q.maxSelectedChoices : 0;
      const tooFew = () => failure('min_selected', `chọn ít nhất ${min} mục.`, `select at least ${min} options.`);
      return {
        otherKey,
        whenEmpty: () => (min > 0 ? tooFew() : null),
        check: (value, values) => {
          if (!Array.isArray(value) || !value.every(scalar)) return failure('type', 'câu trả lời phải là danh sách các lựa chọn.', 'the answer must be a list of choices.');
          const unknown = value.find((x) => !allowed.has(x));
          if (unknown !== undefined) return failure('choice', `"${String(unknown)}" không phải là một lựa chọn của câu này.`, `"${String(unknown)}" is not one of this question's choices.`);
          if (new Set(value).size !== value.length) return failure('duplicate', 'một lựa chọn được chọn hai lần.', 'an option is selected twice.');
          if (hasNone && value.length > 1 && value.includes(NONE_VALUE)) return failure('none_exclusive', '"Không chọn" không đi cùng lựa chọn khác.', '"None" cannot be combined with other options.');
          // survey-core does not count a lone "None" against minSelectedChoices
          if (min > 0 && value.length < min && !(value.length === 1 && value[0] === NONE_VALUE)) return tooFew();
          if (max > 0 && value.length > max) return failure('max_selected', `chỉ được chọn tối đa ${max} mục (đã chọn ${value.length}).`, `select at most ${max} options (${value.length} selected).`);
          return otherCheck(value.includes(OTHER_VALUE), values);
        },
      };
    }
    case 'boolean':
      return { check: (value) => (typeof value === 'boolean' ? null : failure('type', 'câu trả lời phải là Có hoặc Không.', 'the answer must be yes or no.')) };
    case 'rating': {
      const allowed = ratingValues(q);
      const lo = Math.min(...allowed);
      const hi = Math.max(...allowed);
      return {
        check: (value) => {
          if (typeof value !== 'number' || !Number.isFinite(value)) return failure('type', 'câu trả lời phải là một mức điểm.', 'the answer must be a score.');
          if (!allowed.includes(value)) return failure('range', `mức điểm phải là một trong ${allowed.join(', ')} (từ ${lo} đến ${hi}).`, `the score must be one of ${allowed.join(', ')} (${lo} to ${hi}).`);
          return null;
        },
      };
    }
    case 'comment': {
      const len = lengthCheck(q);
      return { check: (value) => (typeof value === 'string' ? len(value) : notText) };
    }
    case 'text': {
      const inputType = typeof q.inputType === 'string' ? q.inputType : 'text';
      if (inputType === 'number') {
        const min = typeof q.min === 'number' ? q.min : null;
        const max = typeof q.max === 'number' ? q.max : null;
        return {
          check: (value) => {
            if (typeof value !== 'number' || !Number.isFinite(value)) return failure('type', 'cần nhập một số.', 'enter a number.');
            if (min !== null && value < min) return failure('min_max', `giá trị không được nhỏ hơn ${min}.`, `the value must not be less than ${min}.`);
            if (max !== null && value > max) return failure('min_max', `giá trị không được lớn hơn ${max}.`, `the value must not be greater than ${max}.`);
            return null;
          },
        };
      }
      const len = lengthCheck(q);
      return {
        check: (value) => {
          if (typeof value !== 'string') return notText;
          const tooLong = len(value);
          if (tooLong) return tooLong;
          if (inputType === 'email' && !EMAIL.test(value)) return failure('email', 'địa chỉ email không hợp lệ.', 'the e-mail address is not valid.');
          if (inputType === 'tel' && !TEL.test(value)) return failure('format', 'số điện thoại không hợp lệ.', 'the phone number is not valid.');
          return null;
        },
      };
    }
    case 'matrix': {
      const rows = choicesOf(q.rows).map((r) => String(r.value));
      const rowSet = new Set(rows);
      const columns = new Map(choicesOf(q.columns).map((c) => [String(c.value), c.value]));
      const eachRow = Boolean(q.eachRowRequired ?? q.isAllRowRequired);
      const allRows = () => failure('all_rows', 'cần trả lời tất cả các hàng.', 'answer every row.');
      return {
        whenEmpty: () => (eachRow ? allRows() : null),
        check: (value) => {
          if (!isPlainObject(value)) return failure('type', 'câu trả lời phải là một lựa chọn cho mỗi hàng.', 'the answer must give one choice per row.');
          for (const [row, cell] of Object.entries(value)) {
            if (!rowSet.has(row)) return failure('matrix_row', `"${row}" không phải là một hàng của bảng.`, `"${row}" is not a row of the table.`);
            if (isEmptyValue(cell)) continue;
            if (!scalar(cell) || !columns.has(String(cell)) || columns.get(String(cell)) !== cell) {
              return failure('matrix_column', `"${String(cell)}" không phải là một cột của bảng.`, `"${String(cell)}" is not a column of the table.`);
            }
          }
          if (eachRow && rows.some((r) => isEmptyValue(value[r]))) return allRows();
          return null;
        },
      };
    }
    default:
      throw new Error(`question type ${type} not supported`);
  }
}

/** The form's own requiredErrorText when it has one, else ours. */
function requiredFailure(q: Json): Failure {
  const custom = q.requiredErrorText !== undefined ? localTexts(q.requiredErrorText, '') : null;
  return failure('required', custom?.vi || 'cần trả lời câu này.', custom?.en || 'an answer is required.');
}

function shorten(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/**
 * Compiles the form's rules into one function. The form must pass
 * checkSupported (a campaign is refused at creation otherwise); compiling an
 * unsupported form throws.
 */
export function compileValidator(json: unknown): AnswerValidator {
  const problems = checkSupported(json);
  if (problems.length > 0) throw new Error(`unsupported survey: ${problems.map((p) => p.message.en).join('; ')}`);
  const survey = json as Json;

  const containerShown = new Map<Json, (v: Values) => boolean>();
  const containerEnabled = new Map<Json, (v: Values) => boolean>();
  const questions: CompiledQuestion[] = [];
  for (const el of flattenElements(survey)) {
    let shown: (v: Values) => boolean = always;
    let enabled: (v: Values) => boolean = always;
    for (const c of el.containers) {
      if (!containerShown.has(c)) {
        containerShown.set(c, c.visible === false ? never : condition(c.visibleIf, always));
        containerEnabled.set(c, c.readOnly === true ? never : condition(c.enableIf, always));
      }
      shown = and(shown, containerShown.get(c)!);
      enabled = and(enabled, containerEnabled.get(c)!);
    }
    if (!VALUE_TYPES.has(el.type)) continue;
    const q = el.json;
    const own = q.visible === false ? never : condition(q.visibleIf, always);
    const ownEnabled = q.readOnly === true ? never : condition(q.enableIf, always);
    const validators = compileValidators(q, el.type);
    const typed = compileTypeCheck(q, el.type, el.name);
    const check = validators.length === 0
      ? typed.check
      : (value: unknown, values: Values) => {
          const f = typed.check(value, values);
          if (f) return f;
          for (const v of validators) {
            const g = v(value, values);
            if (g) return g;
          }
          return null;
        };
    const onEmpty = validators.filter((v) => v.onEmpty);
    const whenEmpty = onEmpty.length === 0
      ? typed.whenEmpty
      : (values: Values) => typed.whenEmpty?.(values) ?? onEmpty.reduce<Failure | null>((f, v) => f ?? v(undefined, values), null);
    questions.push({
      name: el.name,
      title: localTexts(q.title, el.name),
      shown: and(and(shown, own), and(enabled, ownEnabled)),
      required: q.isRequired === true ? always : condition(q.requiredIf, never),
      whenEmpty,
      requiredFailure: requiredFailure(q),
      check,
      otherKey: typed.otherKey,
    });
  }
  const byKey = new Map<string, CompiledQuestion>();
  for (const q of questions) {
    byKey.set(q.name, q);
    if (q.otherKey) byKey.set(q.otherKey, q);
  }

  const fail = (q: { name: string; title: Text }, f: Failure): AnswerError => ({
    question: q.name,
    rule: f.rule,
    message: { vi: `Câu “${shorten(q.title.vi)}”: ${f.vi}`, en: `Question “${shorten(q.title.en)}”: ${f.en}` },
    reason: { vi: sentence(f.vi, 'vi'), en: sentence(f.en, 'en') },
  });

  return (answers) => {
    if (!isPlainObject(answers)) {
      return { ok: false, errors: [{ question: 'answers', rule: 'shape', message: { vi: 'Câu trả lời phải là một đối tượng JSON.', en: 'The answers must be a JSON object.' } }] };
    }
    const keys = Object.keys(answers);
    if (keys.length > MAX_KEYS) {
      return { ok: false, errors: [{ question: 'answers', rule: 'shape', message: { vi: 'Có quá nhiều câu trả lời.', en: 'Too many answers.' } }] };
    }
    const errors: AnswerError[] = [];
    const values: Values = Object.create(null);
    let unknown = 0;
    for (const key of keys) {
      if (!byKey.has(key)) {
        if (unknown++ < MAX_UNKNOWN_REPORTED) {
          errors.push({ question: key, rule: 'unknown', message: { vi: `Biểu mẫu không có câu hỏi “${shorten(key)}”.`, en: `The form has no question “${shorten(key)}”.` } });
        }
        continue;
      }
      values[key] = normalise(answers[key]);
    }
    const data: Record<string, unknown> = {};
    for (const q of questions) {
      if (!q.shown(values)) continue;
      const value = values[q.name];
      let f: Failure | null;
      if (isEmptyValue(value)) {
        f = q.required(values) ? q.requiredFailure : (q.whenEmpty?.(values) ?? null);
      } else {
        f = q.check(value, values);
        if (!f) data[q.name] = value;
      }
      const picked = data[q.name];
      const otherPicked = picked === OTHER_VALUE || (Array.isArray(picked) && picked.includes(OTHER_VALUE));
      if (!f && q.otherKey && otherPicked) {
        const note = values[q.otherKey];
        if (!isEmptyValue(note)) {
          if (typeof note !== 'string') f = notText;
          else f = otherTextLength(note);
          if (!f) data[q.otherKey] = note;
        }
      }
      if (f) errors.push(fail(q, f));
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, data };
  };
}
