// The server's check of a submission against its SurveyJS form, compiled once
// per form so the hot path is a few closures (survey-core costs ~0.7 ms per
// answer even with a cached model, DESIGN §4). It agrees with survey-core on
// every rule survey-core enforces (test/slow/survey-agreement.test.ts) and
// adds the rules listed in STRICTER_RULES below, on purpose: survey-core
// leaves them to the browser, and a server cannot (docs/forms.md).
//
// Hidden questions: survey-core validates only visible questions and, with
// its default clearInvisibleValues "onComplete", drops their values when the
// form is completed. We do the same: an answer to a question that its
// visibleIf (or a panel's, or a page's) hides, or that enableIf/readOnly
// disables, is neither checked nor refused, and is left out of `data`. A
// citizen on a phone without JavaScript sees every question, so a refusal
// there would only punish them for text they typed before changing their mind.
// A read-only question with a defaultValue keeps that value (the person could
// not change it); a form in mode "display" takes no answers at all.
//
// The form is read as normaliseSurvey stores it and every answer is
// normalised the same way (strings NFC and trimmed, deeply) before any rule,
// so "Đồng ý " or a decomposed "Đồng ý" in either matches; a blank string is
// an empty answer. `data` holds only answered, visible questions.

import {
  COMMENT_SUFFIX,
  DEFAULT_MATRIX_ROW_COUNT,
  MAX_TEXT_LENGTH,
  MULTI_CHOICE_TYPES,
  NONE_VALUE,
  OTHER_VALUE,
  VALUE_TYPES,
  choicesOf,
  columnsOf,
  flattenElements,
  isEmptyValue,
  isPlainObject,
  itemsOf,
  localText,
  localTexts,
  ratingValues,
  templateOf,
  textLimit,
  type Json,
  type Text,
} from './definition';
import { compileCondition, type Values } from './expressions';
import { normaliseSurvey, normaliseValue } from './normalise';
import { displayValue, resolvePlaceholders } from './placeholders';
import { ISO_DATE, checkSupported, fitDefault } from './supported';

export { MAX_TEXT_LENGTH };
/** Refuse absurd payloads before looking at them key by key. */
const MAX_KEYS = 1000;
const MAX_UNKNOWN_REPORTED = 20;
/** survey-core's default ceiling on repeated rows and panels (settings.matrix.maxRowCount, settings.panel.maxPanelCount). */
export const MAX_ENTRIES = 1000;

export type AnswerRule =
  | 'shape' | 'unknown' | 'required' | 'type' | 'choice' | 'duplicate' | 'none_exclusive'
  | 'min_selected' | 'max_selected' | 'other_comment' | 'range' | 'min_max' | 'email' | 'format'
  | 'max_length' | 'too_long' | 'matrix_row' | 'matrix_column' | 'all_rows' | 'validator'
  | 'ranking' | 'item' | 'min_entries' | 'max_entries' | 'step';

/**
 * The rules this project adds on purpose to what survey-core checks, with the
 * cases where only ours refuses. Everything else agrees with survey-core: a
 * question survey-core flags, we flag; a question only we flag fails one of
 * these (test/unit/survey-agreement.test.ts holds both sides to it, and
 * docs/forms.md lists them for form authors).
 */
export const STRICTER_RULES: Readonly<Partial<Record<AnswerRule, string>>> = {
  shape: 'the answers are not one JSON object, or have more than 1,000 keys',
  unknown: 'a key names no question of the form (or a repeated panel has a key its template does not)',
  type: 'a value of the wrong kind: a list for a one-choice question, text for a number or rating, a string for true/false, a ranking that is not a list, a matrix row that is not an object',
  choice: 'a value that is not one of the question\'s choices (survey-core keeps any value it is given)',
  duplicate: 'the same choice twice in a checkbox, tagbox or ranking answer',
  none_exclusive: '"None" or an isExclusive choice together with other choices (the SurveyJS browser form clears the others; a posted answer can still combine them)',
  max_selected: 'more choices than maxSelectedChoices (survey-core leaves this to the browser form)',
  range: 'a rating outside its scale or between its steps',
  format: 'a phone number, or a date that is not a real YYYY-MM-DD (or dd/mm/yyyy on the no-JS form) date',
  max_length: 'text longer than the question\'s maxLength, the survey\'s maxTextLength or maxOthersLength (survey-core only limits typing in the browser)',
  too_long: 'text longer than 5,000 characters, whatever the form says',
  matrix_row: 'a row that the matrix does not have',
  matrix_column: 'a column value (matrix) or a column name (matrixdropdown, matrixdynamic) that the matrix does not have',
  other_comment: '"Other" chosen with a note of spaces only (survey-core counts spaces as a note), or a value that is "other" once trimmed',
  ranking: 'a ranking that does not order every choice exactly once (unless selectToRankEnabled)',
  item: 'a multipletext key that is not one of its items',
  max_entries: 'more rows or panels than maxRowCount / maxPanelCount (survey-core stops adding them in the browser only)',
};

/** Rules survey-core does not enforce on the server: only our validator refuses these. */
export const RULES_SURVEY_CORE_LEAVES_OUT: ReadonlySet<AnswerRule> = new Set(Object.keys(STRICTER_RULES) as AnswerRule[]);

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
/** A failure inside a row, column, item or panel: "hàng “Đường”: …". */
const within = (f: Failure, vi: string, en: string): Failure => ({ rule: f.rule, vi: `${vi}: ${f.vi}`, en: `${en}: ${f.en}` });

const EMAIL = /^(([^<>()\[\]\.,;:\s@\"]+(\.[^<>()\[\]\.,;:\s@\"]+)*)|(\".+\"))@(([^<>()=[\]\.,;:\s@\"]+\.)+[^<>()=[\]\.,;:\s@\"]{2,})$/i;
const TEL = /^\+?[0-9 ().-]{3,20}$/;

/** Survey-wide settings a question's checks depend on. */
interface SurveyOptions {
  maxTextLength: number;
  maxOthersLength: number;
}

/** One question compiled: top-level, or inside a matrix row, a multipletext or a repeated panel. */
interface Field {
  name: string;
  type: string;
  json: Json;
  title: Text;
  /** the question, its panel or page is read-only: the person cannot answer it */
  readOnly: boolean;
  visible: (v: Values) => boolean;
  enabled: (v: Values) => boolean;
  required: (v: Values) => boolean;
  requiredFailure: Failure;
  /** whether a value counts as unanswered (a repeated panel list of empty panels is) */
  isEmpty: (value: unknown) => boolean;
  /** survey-core checks some rules on an empty answer too (minSelectedChoices, required cells of default rows) */
  whenEmpty?: (values: Values, value: unknown) => Failure | null;
  check: (value: unknown, values: Values) => Failure | null;
  /** what is stored for a valid answer (blank cells and stray notes dropped) */
  store: (value: unknown) => unknown;
  /** the `-Comment` key this question owns, when it offers "Other" */
  otherKey?: string;
  otherLength: (s: string) => Failure | null;
  /** the normalised defaultValue, kept for a read-only question */
  defaultValue?: unknown;
}

const always = () => true;
const never = () => false;

function and(a: (v: Values) => boolean, b: (v: Values) => boolean) {
  if (a === always) return b;
  if (b === always) return a;
  if (a === never || b === never) return never;
  return (v: Values) => a(v) && b(v);
}

const condition = (src: unknown, fallback: (v: Values) => boolean) => (typeof src === 'string' ? compileCondition(src) : fallback);

const scalar = (x: unknown): x is string | number => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x));
const quote = (s: string) => `“${s}”`;

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

/** The length check of a text, with textLimit's limit; the global cap is its own rule. */
function lengthCheck(own: unknown, surveyMax: number): (s: string) => Failure | null {
  const max = textLimit(own, surveyMax);
  const declared = typeof own === 'number' && own >= 0 ? own : surveyMax;
  return (s) => {
    if (s.length <= max) return null;
    const rule: AnswerRule = declared > 0 && declared <= MAX_TEXT_LENGTH ? 'max_length' : 'too_long';
    return failure(rule, `dài quá ${max} ký tự (hiện có ${s.length}).`, `longer than ${max} characters (${s.length} given).`);
  };
}

const notText = failure('type', 'câu trả lời phải là văn bản.', 'the answer must be text.');

/** dd/mm/yyyy for the Vietnamese message, the ISO date for the English one. */
function showDate(iso: string): Text {
  const [y, m, d] = iso.split('-');
  return { vi: `${d}/${m}/${y}`, en: iso };
}

export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** survey-core's step check: the value a whole multiple of the step, compared in the decimals both are written with. */
function onStep(value: number, step: number): boolean {
  let pw = 1;
  while ((Math.round(step * pw) / pw !== step || Math.round(value * pw) / pw !== value) && pw < 1_000_000) pw *= 10;
  const s = Math.round(step * pw);
  return !(s > 0 && Math.round(value * pw) % s !== 0);
}

/** The values a multi-choice answer may hold only alone ("None" and isExclusive choices), with their labels. */
function exclusiveValues(q: Json, hasNone: boolean): Map<unknown, Text> {
  const out = new Map<unknown, Text>();
  if (hasNone) out.set(NONE_VALUE, { vi: localText(q.noneText, 'vi', 'Không chọn mục nào'), en: localText(q.noneText, 'en', 'None of these') });
  if (Array.isArray(q.choices)) {
    for (const item of q.choices) if (isPlainObject(item) && item.isExclusive === true && scalar(item.value)) out.set(item.value, localTexts(item.text, String(item.value)));
  }
  return out;
}

type TypeCheck = Pick<Field, 'check' | 'whenEmpty' | 'otherKey'> & Partial<Pick<Field, 'isEmpty' | 'store'>>;

function compileTypeCheck(q: Json, type: string, name: string, opts: SurveyOptions): TypeCheck {
  switch (type) {
    case 'radiogroup':
    case 'dropdown':
    case 'checkbox':
    case 'tagbox': {
      const allowed = new Set<unknown>(choicesOf(q.choices).map((c) => c.value));
      const hasOther = Boolean(q.showOtherItem ?? q.hasOther);
      const hasNone = Boolean(q.showNoneItem ?? q.hasNone);
      if (hasOther) allowed.add(OTHER_VALUE);
      if (hasNone) allowed.add(NONE_VALUE);
      const otherKey = hasOther ? `${name}${COMMENT_SUFFIX}` : undefined;
      const otherCheck = (picked: boolean, values: Values): Failure | null =>
        picked && otherKey && isEmptyValue(values[otherKey]) ? failure('other_comment', 'đã chọn "Khác" thì cần ghi rõ ý kiến.', 'you chose "Other": please write it in.') : null;
      if (!MULTI_CHOICE_TYPES.has(type)) {
        return {
          otherKey,
          check: (value, values) => {
            if (!scalar(value)) return failure('type', 'chỉ chọn một lựa chọn.', 'choose exactly one option.');
            if (!allowed.has(value)) return failure('choice', `"${String(value)}" không phải là một lựa chọn của câu này.`, `"${String(value)}" is not one of this question's choices.`);
            return otherCheck(value === OTHER_VALUE, values);
          },
        };
      }
      const exclusive = exclusiveValues(q, hasNone);
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
          const alone = value.length > 1 ? value.find((x) => exclusive.has(x)) : undefined;
          if (alone !== undefined) {
            const label = exclusive.get(alone)!;
            return failure('none_exclusive', `${quote(label.vi)} không đi cùng lựa chọn khác.`, `${quote(label.en)} cannot be combined with other options.`);
          }
          // survey-core does not count a lone "None" (or isExclusive choice) against minSelectedChoices
          if (min > 0 && value.length < min && !(value.length === 1 && exclusive.has(value[0]))) return tooFew();
          if (max > 0 && value.length > max) return failure('max_selected', `chỉ được chọn tối đa ${max} mục (đã chọn ${value.length}).`, `select at most ${max} options (${value.length} selected).`);
          return otherCheck(value.includes(OTHER_VALUE), values);
        },
      };
    }
    case 'ranking': {
      const choices = choicesOf(q.choices).map((c) => c.value);
      const allowed = new Set<unknown>(choices);
      const selectToRank = q.selectToRankEnabled === true;
      const min = selectToRank && typeof q.minSelectedChoices === 'number' ? q.minSelectedChoices : 0;
      const max = selectToRank && typeof q.maxSelectedChoices === 'number' ? q.maxSelectedChoices : 0;
      const tooFew = () => failure('min_selected', `xếp hạng ít nhất ${min} mục.`, `rank at least ${min} options.`);
      return {
        whenEmpty: () => (min > 0 ? tooFew() : null),
        check: (value) => {
          if (!Array.isArray(value) || !value.every(scalar)) return failure('type', 'câu trả lời phải là danh sách các lựa chọn theo thứ hạng.', 'the answer must be a list of choices in rank order.');
          const unknown = value.find((x) => !allowed.has(x));
          if (unknown !== undefined) return failure('choice', `"${String(unknown)}" không phải là một lựa chọn của câu này.`, `"${String(unknown)}" is not one of this question's choices.`);
          if (new Set(value).size !== value.length) return failure('duplicate', 'một lựa chọn được xếp hai lần.', 'an option is ranked twice.');
          if (!selectToRank && value.length !== choices.length) return failure('ranking', `cần xếp hạng đủ ${choices.length} mục, mỗi mục một hạng.`, `rank all ${choices.length} options, each once.`);
          if (min > 0 && value.length < min) return tooFew();
          if (max > 0 && value.length > max) return failure('max_selected', `chỉ được xếp hạng tối đa ${max} mục (đã xếp ${value.length}).`, `rank at most ${max} options (${value.length} ranked).`);
          return null;
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
      const len = lengthCheck(q.maxLength, opts.maxTextLength);
      return { check: (value) => (typeof value === 'string' ? len(value) : notText) };
    }
    case 'text': {
      const inputType = typeof q.inputType === 'string' ? q.inputType : 'text';
      if (inputType === 'number') {
        const min = typeof q.min === 'number' ? q.min : null;
        const max = typeof q.max === 'number' ? q.max : null;
        const step = typeof q.step === 'number' && q.step > 0 ? q.step : null;
        return {
          check: (value) => {
            if (typeof value !== 'number' || !Number.isFinite(value)) return failure('type', 'cần nhập một số.', 'enter a number.');
            if (min !== null && value < min) return failure('min_max', `giá trị không được nhỏ hơn ${min}.`, `the value must not be less than ${min}.`);
            if (max !== null && value > max) return failure('min_max', `giá trị không được lớn hơn ${max}.`, `the value must not be greater than ${max}.`);
            if (step !== null && !onStep(value, step)) return failure('step', `giá trị phải là bội số của ${step}.`, `the value must be a multiple of ${step}.`);
            return null;
          },
        };
      }
      if (inputType === 'date') {
        const min = typeof q.min === 'string' ? q.min : null;
        const max = typeof q.max === 'string' ? q.max : null;
        return {
          check: (value) => {
            if (typeof value !== 'string') return notText;
            if (!isIsoDate(value)) return failure('format', 'ngày không hợp lệ (nhập ngày/tháng/năm).', 'the date is not valid (YYYY-MM-DD).');
            if (min !== null && value < min) return failure('min_max', `ngày không được trước ${showDate(min).vi}.`, `the date must not be before ${showDate(min).en}.`);
            if (max !== null && value > max) return failure('min_max', `ngày không được sau ${showDate(max).vi}.`, `the date must not be after ${showDate(max).en}.`);
            return null;
          },
        };
      }
      const len = lengthCheck(q.maxLength, opts.maxTextLength);
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
        store: pruneObject,
      };
    }
    case 'multipletext': {
      const items = itemsOf(q).map((item) => compileField({ ...item, type: 'text' }, 'text', String(item.name), opts, { readOnly: false }));
      const group = innerGroup(items, 'item', (f) => [`ô ${quote(f.title.vi)}`, `item ${quote(f.title.en)}`]);
      return {
        whenEmpty: (values) => group.check({}, values),
        check: (value, values) => {
          if (!isPlainObject(value)) return failure('type', 'câu trả lời phải là các ô nhập của câu này.', 'the answer must hold this question\'s items.');
          return group.check(value, values);
        },
        store: (value) => group.store(value as Json),
      };
    }
    case 'matrixdropdown': {
      const rows = choicesOf(q.rows);
      const rowSet = new Set(rows.map((r) => String(r.value)));
      const cells = cellGroup(q, opts);
      const checkRows = (value: Json, values: Values) => {
        for (const r of rows) {
          const cell = value[String(r.value)];
          const f = cells.check(isPlainObject(cell) ? cell : {}, values);
          if (f) return within(f, `hàng ${quote(localText(r.text, 'vi', String(r.value)))}`, `row ${quote(localText(r.text, 'en', String(r.value)))}`);
        }
        return null;
      };
      return {
        whenEmpty: (values) => checkRows({}, values),
        check: (value, values) => {
          if (!isPlainObject(value)) return failure('type', 'câu trả lời phải có một dòng cho mỗi hàng của bảng.', 'the answer must hold the rows of the table.');
          for (const [row, cell] of Object.entries(value)) {
            if (!rowSet.has(row)) return failure('matrix_row', `"${row}" không phải là một hàng của bảng.`, `"${row}" is not a row of the table.`);
            if (!isEmptyValue(cell) && !isPlainObject(cell)) return failure('type', `hàng "${row}" phải có giá trị cho từng cột.`, `row "${row}" must give a value per column.`);
          }
          return checkRows(value, values);
        },
        store: (value) => pruneObject(Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, isPlainObject(v) ? cells.store(v) : v]))),
      };
    }
    case 'matrixdynamic':
    case 'paneldynamic': {
      const panels = type === 'paneldynamic';
      const group = panels
        ? innerGroup(templateOf(q).filter((t) => t.type !== 'html').map((t) => compileField(t, String(t.type), String(t.name), opts, { readOnly: false })), 'unknown', (f) => [`câu ${quote(f.title.vi)}`, `question ${quote(f.title.en)}`])
        : cellGroup(q, opts);
      const count = (p: string, fallback: number) => (typeof q[p] === 'number' ? (q[p] as number) : fallback);
      const initial = panels ? count('panelCount', 0) : count('rowCount', DEFAULT_MATRIX_ROW_COUNT);
      const min = count(panels ? 'minPanelCount' : 'minRowCount', 0);
      const max = Math.min(count(panels ? 'maxPanelCount' : 'maxRowCount', MAX_ENTRIES), MAX_ENTRIES);
      const required = q.isRequired === true;
      const what = panels ? { vi: 'mục', en: 'entry' } : { vi: 'dòng', en: 'row' };
      const checkEntries = (entries: unknown[], values: Values) => {
        for (const [i, entry] of entries.entries()) {
          const f = group.check(isPlainObject(entry) ? entry : {}, values);
          if (f) return within(f, `${what.vi} ${i + 1}`, `${what.en} ${i + 1}`);
        }
        return null;
      };
      // survey-core shows rowCount / panelCount empty entries (at least the minimum) until the answer holds some, and checks them;
      // an empty list is no rows for a matrix, but still the default panels for a paneldynamic
      const phantom = (n: number) => Array.from({ length: n }, () => ({}));
      return {
        isEmpty: (value) => (Array.isArray(value) ? (panels ? value.every(isEmptyValue) : value.length === 0) : isEmptyValue(value)),
        whenEmpty: (values, value) => {
          const given = Array.isArray(value) ? value.length : 0;
          const n = given > 0 ? given : !panels && Array.isArray(value) ? 0 : Math.max(initial, min);
          return checkEntries(phantom(n), values);
        },
        check: (value, values) => {
          if (!Array.isArray(value)) return failure('type', `câu trả lời phải là danh sách các ${what.vi}.`, `the answer must be a list of ${what.en === 'row' ? 'rows' : 'entries'}.`);
          const bad = value.findIndex((e) => !isPlainObject(e) && !isEmptyValue(e));
          if (bad >= 0) return failure('type', `${what.vi} ${bad + 1} phải có giá trị cho từng ${panels ? 'câu' : 'cột'}.`, `${what.en} ${bad + 1} must give a value per ${panels ? 'question' : 'column'}.`);
          if (value.length > max) return failure('max_entries', `nhiều nhất ${max} ${what.vi} (có ${value.length}).`, `at most ${max} ${what.en === 'row' ? 'rows' : 'entries'} (${value.length} given).`);
          const f = checkEntries(value, values);
          if (f) return f;
          if (!panels && required && min > 0 && value.filter((e) => !isEmptyValue(e)).length < min) {
            return failure('min_entries', `cần ít nhất ${min} dòng có trả lời.`, `at least ${min} answered rows are needed.`);
          }
          return null;
        },
        store: (value) => (value as unknown[]).map((e) => (isPlainObject(e) ? group.store(e) : {})).filter((e) => !isEmptyValue(e)),
      };
    }
    default:
      throw new Error(`question type ${type} not supported`);
  }
}

/** Drops blank values from an object answer (a matrix row left unanswered). */
function pruneObject(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) if (!isEmptyValue(v)) out[k] = v;
  return out;
}

interface Group {
  check: (obj: Json, values: Values) => Failure | null;
  store: (obj: Json) => Json;
}

/**
 * The questions inside one row, item set or panel: each answered under its
 * name in `obj` (with its "-Comment" note), checked as a top-level question
 * would be; keys that name none of them are refused with `unknownRule`.
 */
function innerGroup(fields: Field[], unknownRule: AnswerRule, label: (f: Field) => [string, string]): Group {
  const byKey = new Map<string, Field>();
  for (const f of fields) {
    byKey.set(f.name, f);
    if (f.otherKey) byKey.set(f.otherKey, f);
  }
  return {
    check: (obj, values) => {
      for (const key of Object.keys(obj)) {
        if (!byKey.has(key)) return failure(unknownRule, `"${key}" không thuộc câu này.`, `"${key}" is not part of this question.`);
      }
      for (const f of fields) {
        if (!f.visible(values) || !f.enabled(values)) continue;
        const fail = answerFailure(f, obj[f.name], values, obj);
        if (fail) {
          const [vi, en] = label(f);
          return within(fail, vi, en);
        }
      }
      return null;
    },
    store: (obj) => {
      const out: Json = {};
      for (const f of fields) {
        const v = obj[f.name];
        if (isEmptyValue(v)) continue;
        out[f.name] = f.store(v);
        if (f.otherKey && otherPicked(v) && !isEmptyValue(obj[f.otherKey])) out[f.otherKey] = obj[f.otherKey];
      }
      return out;
    },
  };
}

/** The cells of a matrixdropdown / matrixdynamic row: one field per column. */
function cellGroup(q: Json, opts: SurveyOptions): Group {
  const fields = columnsOf(q).map((c) => compileField(c.json, c.type, c.name, opts, { readOnly: false }));
  return innerGroup(fields, 'matrix_column', (f) => [`cột ${quote(f.title.vi)}`, `column ${quote(f.title.en)}`]);
}

const otherPicked = (v: unknown) => v === OTHER_VALUE || (Array.isArray(v) && v.includes(OTHER_VALUE));

/** Whether an answer (and its "Other" note, found in `notes`) fails the field's rules. */
function answerFailure(f: Field, value: unknown, values: Values, notes: Values): Failure | null {
  if (f.isEmpty(value)) return f.required(values) ? f.requiredFailure : (f.whenEmpty?.(values, value) ?? null);
  const fail = f.check(value, f.otherKey && notes !== values ? { ...values, [f.otherKey]: notes[f.otherKey] } : values);
  if (fail) return fail;
  if (f.otherKey && otherPicked(value)) {
    const note = notes[f.otherKey];
    if (!isEmptyValue(note)) return typeof note === 'string' ? f.otherLength(note) : notText;
  }
  return null;
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

/** One question's rules, with the visibility and read-only state its containers give it. */
function compileField(
  q: Json, type: string, name: string, opts: SurveyOptions,
  context: { readOnly: boolean; visible?: (v: Values) => boolean; enabled?: (v: Values) => boolean },
): Field {
  const validators = compileValidators(q, type);
  const typed = compileTypeCheck(q, type, name, opts);
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
    : (values: Values, value: unknown) => typed.whenEmpty?.(values, value) ?? onEmpty.reduce<Failure | null>((f, v) => f ?? v(undefined, values), null);
  const readOnly = context.readOnly || q.readOnly === true;
  return {
    name,
    type,
    json: q,
    title: localTexts(q.title, name),
    readOnly,
    visible: and(context.visible ?? always, q.visible === false ? never : condition(q.visibleIf, always)),
    enabled: and(context.enabled ?? always, readOnly ? never : condition(q.enableIf, always)),
    required: q.isRequired === true ? always : condition(q.requiredIf, never),
    requiredFailure: requiredFailure(q),
    isEmpty: typed.isEmpty ?? isEmptyValue,
    whenEmpty,
    check,
    store: typed.store ?? ((v) => v),
    otherKey: typed.otherKey,
    otherLength: lengthCheck(-1, opts.maxOthersLength),
    defaultValue: fitDefault(q, type).value,
  };
}

/**
 * Compiles the form's rules into one function. The form must pass
 * checkSupported (a campaign is refused at creation otherwise); compiling an
 * unsupported form throws.
 */
export function compileValidator(json: unknown): AnswerValidator {
  const problems = checkSupported(json);
  if (problems.length > 0) throw new Error(`unsupported survey: ${problems.map((p) => p.message.en).join('; ')}`);
  const survey = normaliseSurvey(json as Json);
  const opts: SurveyOptions = {
    maxTextLength: typeof survey.maxTextLength === 'number' ? survey.maxTextLength : 0,
    maxOthersLength: typeof survey.maxOthersLength === 'number' ? survey.maxOthersLength : 0,
  };
  const display = survey.mode === 'display';

  const containerShown = new Map<Json, (v: Values) => boolean>();
  const containerEnabled = new Map<Json, (v: Values) => boolean>();
  const fields: Field[] = [];
  for (const el of flattenElements(survey)) {
    let visible: (v: Values) => boolean = always;
    let enabled: (v: Values) => boolean = always;
    let readOnly = display;
    for (const c of el.containers) {
      if (!containerShown.has(c)) {
        containerShown.set(c, c.visible === false ? never : condition(c.visibleIf, always));
        containerEnabled.set(c, c.readOnly === true ? never : condition(c.enableIf, always));
      }
      visible = and(visible, containerShown.get(c)!);
      enabled = and(enabled, containerEnabled.get(c)!);
      if (c.readOnly === true) readOnly = true;
    }
    if (!VALUE_TYPES.has(el.type)) continue;
    fields.push(compileField(el.json, el.type, el.name, opts, { readOnly, visible, enabled }));
  }
  const byKey = new Map<string, Field>();
  for (const f of fields) {
    byKey.set(f.name, f);
    if (f.otherKey) byKey.set(f.otherKey, f);
  }

  const byLowerName = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  /** The title as the person saw it: {name} placeholders show the answers. */
  const shownTitle = (f: Field, values: Values, lang: 'vi' | 'en') => {
    const title = f.title[lang];
    if (!title.includes('{')) return title;
    return resolvePlaceholders(title, (name) => {
      const other = byLowerName.get(name.toLowerCase());
      return other ? displayValue(other.json, other.type, values[other.name], lang) : undefined;
    });
  };
  const fail = (q: Field, f: Failure, values: Values): AnswerError => ({
    question: q.name,
    rule: f.rule,
    message: { vi: `Câu “${shorten(shownTitle(q, values, 'vi'))}”: ${f.vi}`, en: `Question “${shorten(shownTitle(q, values, 'en'))}”: ${f.en}` },
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
      values[key] = normaliseValue(answers[key]);
    }
    const data: Record<string, unknown> = {};
    for (const f of fields) {
      if (!f.visible(values)) continue;
      if (!f.enabled(values)) {
        // the person could not change a read-only question: it keeps the form's default
        if (f.readOnly && f.defaultValue !== undefined && !isEmptyValue(f.defaultValue)) data[f.name] = f.defaultValue;
        continue;
      }
      const value = values[f.name];
      const failed = answerFailure(f, value, values, values);
      if (failed) {
        errors.push(fail(f, failed, values));
        continue;
      }
      if (f.isEmpty(value)) continue;
      const stored = f.store(value);
      if (isEmptyValue(stored)) continue;
      data[f.name] = stored;
      if (f.otherKey && otherPicked(value) && !isEmptyValue(values[f.otherKey])) data[f.otherKey] = values[f.otherKey];
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, data };
  };
}
