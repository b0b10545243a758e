// Which SurveyJS forms the server can render and validate itself. A campaign
// whose form uses anything else is refused when it is created (DESIGN §4),
// naming the question and its type, rather than half-working on a citizen's
// phone or letting an answer through unchecked.

import {
  NONE_VALUE,
  OTHER_VALUE,
  VALUE_TYPES,
  choicesOf,
  flattenElements,
  isPlainObject,
  pagesOf,
  ratingValues,
  type Json,
  type Text,
} from './definition';
import { ExpressionError, conditionNames, parseCondition } from './expressions';

export interface SurveyProblem {
  /** the question (or panel) name, '' for the survey itself */
  question: string;
  type: string;
  message: Text;
}

export const SUPPORTED_TYPES = [...VALUE_TYPES, 'panel', 'html'] as const;
const SUPPORTED = new Set<string>(SUPPORTED_TYPES);

export const TEXT_INPUT_TYPES = new Set(['text', 'number', 'email', 'tel']);
const VALIDATOR_TYPES = new Set(['numeric', 'text', 'regex', 'email', 'expression', 'answercount']);

/** Properties that change what an answer may be or where it is stored, in ways this server does not model. */
const UNSUPPORTED_PROPERTIES = [
  'valueName', 'defaultValue', 'defaultValueExpression', 'setValueExpression', 'setValueIf', 'resetValueIf',
  'choicesByUrl', 'choicesFromQuestion', 'choicesVisibleIf', 'choicesEnableIf', 'rowsVisibleIf', 'columnsVisibleIf',
  'showCommentArea', 'hasComment', 'showSelectAllItem', 'hasSelectAll', 'showRefuseItem', 'showDontKnowItem',
  'valueTrue', 'valueFalse', 'inputMask', 'maskType', 'maskSettings', 'choicesMin', 'choicesMax', 'choicesStep',
  'eachRowUnique', 'isUnique', 'cellType', 'templateElements',
];
const SURVEY_UNSUPPORTED = ['triggers', 'calculatedValues'];
const CONDITION_PROPS = ['visibleIf', 'enableIf', 'requiredIf'] as const;

export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,59}$/;
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype', 'answers']);

function problem(question: string, type: string, vi: string, en: string): SurveyProblem {
  return { question, type, message: { vi, en } };
}

/** Lists every reason the form cannot be served; empty when it can. */
export function checkSupported(json: unknown): SurveyProblem[] {
  if (!isPlainObject(json)) return [problem('', 'survey', 'Biểu mẫu phải là một đối tượng JSON của SurveyJS.', 'The form must be a SurveyJS JSON object.')];
  const out: SurveyProblem[] = [];
  for (const prop of SURVEY_UNSUPPORTED) {
    if (json[prop] !== undefined) out.push(problem('', 'survey', `Thuộc tính "${prop}" của biểu mẫu không được hỗ trợ.`, `The survey property "${prop}" is not supported.`));
  }
  if (json.storeOthersAsComment === false) {
    out.push(problem('', 'survey', 'storeOthersAsComment = false không được hỗ trợ.', 'storeOthersAsComment = false is not supported.'));
  }
  if (json.clearInvisibleValues === 'none' || json.clearInvisibleValues === false) {
    out.push(problem('', 'survey', 'Câu trả lời của câu hỏi bị ẩn luôn được bỏ đi; clearInvisibleValues = none không được hỗ trợ.', 'Answers to hidden questions are always dropped; clearInvisibleValues = none is not supported.'));
  }

  const elements = flattenElements(json);
  const valueNames = new Set<string>();
  const seen = new Set<string>();
  for (const el of elements) {
    if (!VALUE_TYPES.has(el.type)) continue;
    valueNames.add(el.name);
  }

  const checkConditions = (owner: Json, name: string, type: string, props: readonly string[]) => {
    for (const prop of props) {
      const src = owner[prop];
      if (src === undefined) continue;
      if (typeof src !== 'string') {
        out.push(problem(name, type, `${prop} phải là một chuỗi điều kiện.`, `${prop} must be a condition string.`));
        continue;
      }
      try {
        for (const ref of conditionNames(parseCondition(src))) {
          if (!valueNames.has(ref)) out.push(problem(name, type, `${prop} nhắc đến câu hỏi không có: {${ref}}.`, `${prop} refers to a missing question {${ref}}.`));
        }
      } catch (e) {
        const why = e instanceof ExpressionError ? e.reason : String(e);
        out.push(problem(name, type, `Điều kiện ${prop} "${src}" không được hỗ trợ (${why}); chỉ dùng =, !=, empty, notempty, contains, anyof với and/or.`, `The ${prop} condition "${src}" is not supported (${why}); use only =, !=, empty, notempty, contains, anyof with and/or.`));
      }
    }
  };

  pagesOf(json).forEach((page, i) => checkConditions(page, String(page.name ?? `page${i + 1}`), 'page', ['visibleIf']));

  let questions = 0;
  for (const el of elements) {
    const { json: q, type, name } = el;
    const label = type || '(none)';
    if (type !== 'panel' && type !== 'html') questions++;
    if (!SUPPORTED.has(type)) {
      out.push(problem(name, label, `Kiểu câu hỏi "${label}" không được hỗ trợ; chỉ dùng ${SUPPORTED_TYPES.join(', ')}.`, `The question type "${label}" is not supported; use only ${SUPPORTED_TYPES.join(', ')}.`));
      continue;
    }
    if (VALUE_TYPES.has(type) || name !== '') {
      if (!NAME_PATTERN.test(name) || RESERVED_NAMES.has(name)) {
        out.push(problem(name, type, 'Tên câu hỏi không hợp lệ: chỉ dùng chữ không dấu, số và dấu gạch dưới (tối đa 60 ký tự).', 'The question name is not valid: use ASCII letters, digits and underscores (at most 60).'));
      } else if (seen.has(name)) {
        out.push(problem(name, type, 'Tên câu hỏi bị trùng.', 'The question name is used twice.'));
      }
      seen.add(name);
    }
    for (const prop of UNSUPPORTED_PROPERTIES) {
      if (q[prop] !== undefined) out.push(problem(name, type, `Thuộc tính "${prop}" không được hỗ trợ.`, `The property "${prop}" is not supported.`));
    }
    if (type === 'panel') {
      checkConditions(q, name, type, ['visibleIf', 'enableIf']);
      if (q.isRequired !== undefined || q.requiredIf !== undefined) out.push(problem(name, type, 'Nhóm câu hỏi không thể bắt buộc; hãy đặt bắt buộc cho từng câu.', 'A panel cannot be required; mark its questions required instead.'));
      continue;
    }
    checkConditions(q, name, type, type === 'html' ? ['visibleIf'] : CONDITION_PROPS);
    if (type === 'html') continue;

    if (type === 'radiogroup' || type === 'checkbox' || type === 'dropdown') out.push(...checkChoices(q, name, type));
    if (type === 'rating') out.push(...checkRating(q, name));
    if (type === 'matrix') out.push(...checkMatrix(q, name));
    if (type === 'text') {
      const inputType = q.inputType ?? 'text';
      if (typeof inputType !== 'string' || !TEXT_INPUT_TYPES.has(inputType)) {
        out.push(problem(name, type, `Kiểu nhập "${String(inputType)}" không được hỗ trợ (chỉ text, number, email, tel).`, `Input type "${String(inputType)}" is not supported (only text, number, email, tel).`));
      }
      for (const p of ['min', 'max'] as const) {
        if (q[p] !== undefined && typeof q[p] !== 'number') out.push(problem(name, type, `${p} phải là số.`, `${p} must be a number.`));
      }
    }
    if (q.maxLength !== undefined && (typeof q.maxLength !== 'number' || !Number.isInteger(q.maxLength))) {
      out.push(problem(name, type, 'maxLength phải là số nguyên.', 'maxLength must be an integer.'));
    }
    out.push(...checkValidators(q, name, type, valueNames));
  }
  if (questions === 0) out.push(problem('', 'survey', 'Biểu mẫu chưa có câu hỏi nào.', 'The form has no questions.'));
  return out;
}

function checkChoices(q: Json, name: string, type: string): SurveyProblem[] {
  const out: SurveyProblem[] = [];
  if (!Array.isArray(q.choices) || q.choices.length === 0) {
    out.push(problem(name, type, 'Chưa có lựa chọn nào.', 'There are no choices.'));
    return out;
  }
  const choices = choicesOf(q.choices);
  if (choices.length !== q.choices.length) out.push(problem(name, type, 'Có lựa chọn không có giá trị.', 'A choice has no value.'));
  const values = new Set<string>();
  for (const [i, item] of q.choices.entries()) {
    if (typeof item === 'string' && item.includes('|')) out.push(problem(name, type, `Lựa chọn "${item}" dùng dạng "giá trị|nhãn"; hãy viết { "value", "text" }.`, `Choice "${item}" uses "value|text"; write { "value", "text" }.`));
    if (isPlainObject(item) && (item.visibleIf !== undefined || item.enableIf !== undefined)) out.push(problem(name, type, `Lựa chọn thứ ${i + 1} có điều kiện riêng (visibleIf/enableIf), không được hỗ trợ.`, `Choice ${i + 1} has its own condition (visibleIf/enableIf), which is not supported.`));
  }
  for (const c of choices) {
    const key = String(c.value);
    if (key.trim() === '') out.push(problem(name, type, 'Có lựa chọn với giá trị rỗng.', 'A choice value is empty.'));
    if (values.has(key)) out.push(problem(name, type, `Giá trị lựa chọn "${key}" bị trùng.`, `The choice value "${key}" appears twice.`));
    values.add(key);
  }
  const other = q.showOtherItem ?? q.hasOther;
  const none = q.showNoneItem ?? q.hasNone;
  if (other && values.has(OTHER_VALUE)) out.push(problem(name, type, 'Vừa có lựa chọn "other" vừa bật showOtherItem.', 'Has both a choice "other" and showOtherItem.'));
  if (none && values.has(NONE_VALUE)) out.push(problem(name, type, 'Vừa có lựa chọn "none" vừa bật showNoneItem.', 'Has both a choice "none" and showNoneItem.'));
  if (type === 'checkbox') {
    const min = q.minSelectedChoices;
    const max = q.maxSelectedChoices;
    for (const [p, v] of [['minSelectedChoices', min], ['maxSelectedChoices', max]] as const) {
      if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) out.push(problem(name, type, `${p} phải là số nguyên không âm.`, `${p} must be a non-negative integer.`));
    }
    if (typeof min === 'number' && typeof max === 'number' && max > 0 && min > max) out.push(problem(name, type, 'minSelectedChoices lớn hơn maxSelectedChoices.', 'minSelectedChoices is greater than maxSelectedChoices.'));
  }
  return out;
}

function checkRating(q: Json, name: string): SurveyProblem[] {
  const out: SurveyProblem[] = [];
  if (q.rateValues !== undefined) {
    const items = choicesOf(q.rateValues);
    if (!Array.isArray(q.rateValues) || items.length === 0 || items.length !== q.rateValues.length || items.some((c) => typeof c.value !== 'number')) {
      out.push(problem(name, 'rating', 'rateValues phải là danh sách giá trị số.', 'rateValues must be a list of numeric values.'));
    } else if (new Set(items.map((c) => c.value)).size !== items.length) {
      out.push(problem(name, 'rating', 'rateValues có giá trị trùng.', 'rateValues has a repeated value.'));
    }
    return out;
  }
  for (const p of ['rateMin', 'rateMax', 'rateStep', 'rateCount'] as const) {
    if (q[p] !== undefined && typeof q[p] !== 'number') out.push(problem(name, 'rating', `${p} phải là số.`, `${p} must be a number.`));
  }
  const min = typeof q.rateMin === 'number' ? q.rateMin : 1;
  const max = typeof q.rateMax === 'number' ? q.rateMax : 5;
  const step = typeof q.rateStep === 'number' ? q.rateStep : 1;
  if (!(step > 0) || !(max > min) || (max - min) / step > 99) {
    out.push(problem(name, 'rating', 'Thang điểm không hợp lệ.', 'The rating scale is not valid.'));
  } else if (typeof q.rateCount === 'number' && q.rateCount !== ratingValues(q).length) {
    out.push(problem(name, 'rating', 'rateCount không khớp rateMin/rateMax/rateStep.', 'rateCount does not match rateMin/rateMax/rateStep.'));
  }
  return out;
}

function checkMatrix(q: Json, name: string): SurveyProblem[] {
  const out: SurveyProblem[] = [];
  for (const p of ['rows', 'columns'] as const) {
    const items = choicesOf(q[p]);
    if (items.length === 0 || !Array.isArray(q[p]) || items.length !== q[p].length) {
      out.push(problem(name, 'matrix', `Bảng cần có ${p === 'rows' ? 'hàng' : 'cột'} với giá trị.`, `The matrix needs ${p} with values.`));
      continue;
    }
    const keys = items.map((c) => String(c.value));
    if (new Set(keys).size !== keys.length) out.push(problem(name, 'matrix', `Bảng có ${p === 'rows' ? 'hàng' : 'cột'} trùng giá trị.`, `The matrix has repeated ${p} values.`));
    if (p === 'rows' && keys.some((k) => !NAME_PATTERN.test(k))) out.push(problem(name, 'matrix', 'Giá trị hàng chỉ dùng chữ không dấu, số, gạch dưới.', 'Row values must use ASCII letters, digits, underscores.'));
  }
  return out;
}

function checkValidators(q: Json, name: string, type: string, valueNames: Set<string>): SurveyProblem[] {
  const out: SurveyProblem[] = [];
  if (q.validators === undefined) return out;
  if (!Array.isArray(q.validators)) return [problem(name, type, 'validators phải là một danh sách.', 'validators must be a list.')];
  for (const v of q.validators) {
    const vt = isPlainObject(v) ? v.type : undefined;
    if (!isPlainObject(v) || typeof vt !== 'string' || !VALIDATOR_TYPES.has(vt)) {
      out.push(problem(name, type, `Kiểm tra "${String(vt)}" không được hỗ trợ.`, `The validator "${String(vt)}" is not supported.`));
      continue;
    }
    if (vt === 'regex') {
      try {
        new RegExp(String(v.regex ?? ''), v.caseInsensitive ? 'i' : '');
      } catch {
        out.push(problem(name, type, 'Biểu thức chính quy không hợp lệ.', 'The regular expression is not valid.'));
      }
    }
    if (vt === 'expression') {
      try {
        for (const ref of conditionNames(parseCondition(String(v.expression ?? '')))) {
          if (!valueNames.has(ref)) out.push(problem(name, type, `Kiểm tra nhắc đến câu hỏi không có: {${ref}}.`, `The validator refers to a missing question {${ref}}.`));
        }
      } catch (e) {
        const why = e instanceof ExpressionError ? e.reason : String(e);
        out.push(problem(name, type, `Biểu thức kiểm tra không được hỗ trợ (${why}).`, `The expression validator is not supported (${why}).`));
      }
    }
    if (vt === 'answercount' && type !== 'checkbox') out.push(problem(name, type, 'answercount chỉ dùng cho câu chọn nhiều.', 'answercount applies to checkbox questions only.'));
  }
  return out;
}
