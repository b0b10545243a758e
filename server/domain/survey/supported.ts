// Which SurveyJS forms the server can render and validate itself. A campaign
// whose form uses anything else is refused when it is created (DESIGN §4),
// naming the question and the feature, rather than half-working on a
// citizen's phone or letting an answer through unchecked. docs/forms.md lists
// what is supported and what is refused.

import {
  CHOICE_TYPES,
  COMMENT_SUFFIX,
  MULTI_CHOICE_TYPES,
  NONE_VALUE,
  OTHER_VALUE,
  VALUE_TYPES,
  choicesOf,
  columnsOf,
  flattenElements,
  isPlainObject,
  itemsOf,
  pagesOf,
  ratingValues,
  templateOf,
  type Json,
  type Text,
} from './definition';
import { ExpressionError, conditionNames, parseCondition } from './expressions';
import { normaliseSurvey } from './normalise';

export interface SurveyProblem {
  /** the question (or panel) name, '' for the survey itself */
  question: string;
  type: string;
  message: Text;
}

export const SUPPORTED_TYPES = [...VALUE_TYPES, 'panel', 'html'] as const;
const SUPPORTED = new Set<string>(SUPPORTED_TYPES);

export const TEXT_INPUT_TYPES = new Set(['text', 'number', 'email', 'tel', 'date']);
const VALIDATOR_TYPES = new Set(['numeric', 'text', 'regex', 'email', 'expression', 'answercount']);
/** The cell types of matrixdropdown / matrixdynamic columns. */
export const CELL_TYPES = new Set(['dropdown', 'radiogroup', 'checkbox', 'tagbox', 'text', 'comment', 'boolean', 'rating']);
/** The question types a paneldynamic's template may hold (no list inside a list). */
const TEMPLATE_TYPES = new Set(['radiogroup', 'checkbox', 'tagbox', 'dropdown', 'boolean', 'rating', 'text', 'comment', 'matrix', 'multipletext', 'ranking', 'html']);
export const CHOICES_ORDERS = new Set(['none', 'asc', 'desc', 'random']);
/** A date as <input type="date"> sends it. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Properties that change what an answer may be or where it is stored, in ways this server does not model. */
const UNSUPPORTED_PROPERTIES = [
  'valueName', 'defaultValueExpression', 'setValueExpression', 'setValueIf', 'resetValueIf',
  'choicesByUrl', 'choicesFromQuestion', 'choicesVisibleIf', 'choicesEnableIf', 'rowsVisibleIf', 'columnsVisibleIf',
  'showCommentArea', 'hasComment', 'showSelectAllItem', 'hasSelectAll', 'showRefuseItem', 'showDontKnowItem',
  'valueTrue', 'valueFalse', 'inputMask', 'maskType', 'maskSettings', 'choicesMin', 'choicesMax', 'choicesStep',
  'eachRowUnique', 'isUnique', 'keyName', 'detailElements', 'detailPanelMode', 'valuePropertyName',
  'minValueExpression', 'maxValueExpression', 'templateVisibleIf', 'defaultRowValue', 'defaultPanelValue',
  'rowsOrder',
];
/** Column properties of matrixdropdown / matrixdynamic that this server does not model. */
const UNSUPPORTED_COLUMN_PROPERTIES = ['visibleIf', 'enableIf', 'requiredIf', 'showOtherItem', 'hasOther', 'showNoneItem', 'hasNone', 'isUnique', 'choicesByUrl', 'choicesVisibleIf', 'choicesEnableIf', 'defaultValueExpression', 'setValueExpression', 'readOnly'];
const SURVEY_UNSUPPORTED = ['triggers', 'calculatedValues', 'firstPageIsStartPage', 'firstPageIsStarted'];
const CONDITION_PROPS = ['visibleIf', 'enableIf', 'requiredIf'] as const;

/** ASCII letters, digits, `_` and `-` (SurveyJS conditions read {nps-score}); never ending in SurveyJS's "-Comment". */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,59}$/;
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype', 'answers']);
/** Keys that cannot name a row, column or item of an answer object. */
const RESERVED_KEYS = new Set(['__proto__']);

const nameValid = (name: string) => NAME_PATTERN.test(name) && !RESERVED_NAMES.has(name) && !name.endsWith(COMMENT_SUFFIX);

function problem(question: string, type: string, vi: string, en: string): SurveyProblem {
  return { question, type, message: { vi, en } };
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

interface Scope {
  /** the names conditions may read: top-level questions */
  valueNames: Set<string>;
  out: SurveyProblem[];
}

/** Lists every reason the form cannot be served; empty when it can. The form is read as normaliseSurvey stores it. */
export function checkSupported(input: unknown): SurveyProblem[] {
  if (!isPlainObject(input)) return [problem('', 'survey', 'Biểu mẫu phải là một đối tượng JSON của SurveyJS.', 'The form must be a SurveyJS JSON object.')];
  const json = normaliseSurvey(input);
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
  if (json.mode !== undefined && json.mode !== 'edit' && json.mode !== 'display') {
    out.push(problem('', 'survey', `mode "${String(json.mode)}" không được hỗ trợ (chỉ edit hoặc display).`, `mode "${String(json.mode)}" is not supported (only edit or display).`));
  }
  for (const p of ['maxTextLength', 'maxOthersLength'] as const) {
    if (json[p] !== undefined && (typeof json[p] !== 'number' || !Number.isInteger(json[p]))) out.push(problem('', 'survey', `${p} phải là số nguyên.`, `${p} must be an integer.`));
  }

  const elements = flattenElements(json);
  const scope: Scope = { valueNames: new Set(), out };
  for (const el of elements) if (VALUE_TYPES.has(el.type)) scope.valueNames.add(el.name);
  const seen = new Set<string>();

  pagesOf(json).forEach((page, i) => {
    const name = String(page.name ?? `page${i + 1}`);
    checkConditions(scope, page, name, 'page', ['visibleIf', 'enableIf']);
    if (page.readOnly !== undefined && typeof page.readOnly !== 'boolean') out.push(problem(name, 'page', 'readOnly phải là true hoặc false.', 'readOnly must be true or false.'));
  });

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
      if (!nameValid(name)) {
        out.push(problem(name, type, 'Tên câu hỏi không hợp lệ: chỉ dùng chữ không dấu, số, dấu gạch dưới và gạch ngang (tối đa 60 ký tự, không kết thúc bằng "-Comment").', 'The question name is not valid: use ASCII letters, digits, underscores and hyphens (at most 60, not ending in "-Comment").'));
      } else if (seen.has(name)) {
        out.push(problem(name, type, 'Tên câu hỏi bị trùng.', 'The question name is used twice.'));
      }
      seen.add(name);
    }
    if (type === 'panel') {
      checkConditions(scope, q, name, type, ['visibleIf', 'enableIf']);
      if (q.isRequired !== undefined || q.requiredIf !== undefined) out.push(problem(name, type, 'Nhóm câu hỏi không thể bắt buộc; hãy đặt bắt buộc cho từng câu.', 'A panel cannot be required; mark its questions required instead.'));
      continue;
    }
    checkQuestion(scope, q, type, name, name);
  }
  if (questions === 0) out.push(problem('', 'survey', 'Biểu mẫu chưa có câu hỏi nào.', 'The form has no questions.'));
  return out;
}

function checkConditions(scope: Scope, owner: Json, name: string, type: string, props: readonly string[]) {
  for (const prop of props) {
    const src = owner[prop];
    if (src === undefined) continue;
    if (typeof src !== 'string') {
      scope.out.push(problem(name, type, `${prop} phải là một chuỗi điều kiện.`, `${prop} must be a condition string.`));
      continue;
    }
    try {
      for (const ref of conditionNames(parseCondition(src))) {
        if (!scope.valueNames.has(ref)) scope.out.push(problem(name, type, `${prop} nhắc đến câu hỏi không có: {${ref}}.`, `${prop} refers to a missing question {${ref}}.`));
      }
    } catch (e) {
      const why = e instanceof ExpressionError ? e.reason : String(e);
      scope.out.push(problem(name, type, `Điều kiện ${prop} "${src}" không được hỗ trợ (${why}); chỉ dùng =, !=, >, <, >=, <=, empty, notempty, contains, notcontains, anyof, noneof, allof với and/or.`, `The ${prop} condition "${src}" is not supported (${why}); use only =, !=, >, <, >=, <=, empty, notempty, contains, notcontains, anyof, noneof, allof with and/or.`));
    }
  }
}

/**
 * One question, top-level or inside a list: `owner` is the top-level name
 * problems are reported under, `name` the question's own.
 */
function checkQuestion(scope: Scope, q: Json, type: string, owner: string, name: string) {
  const out = scope.out;
  const nested = owner !== name;
  const report = (vi: string, en: string) =>
    out.push(nested ? problem(owner, type, `Câu con "${name}": ${vi}`, `Inner question "${name}": ${en}`) : problem(owner, type, vi, en));
  for (const prop of UNSUPPORTED_PROPERTIES) {
    if (q[prop] !== undefined) report(`Thuộc tính "${prop}" không được hỗ trợ.`, `The property "${prop}" is not supported.`);
  }
  if (q.readOnly !== undefined && typeof q.readOnly !== 'boolean') report('readOnly phải là true hoặc false.', 'readOnly must be true or false.');
  if (q.storeOthersAsComment === false) report('storeOthersAsComment = false không được hỗ trợ.', 'storeOthersAsComment = false is not supported.');
  checkConditions(scope, q, owner, type, type === 'html' ? ['visibleIf'] : CONDITION_PROPS);
  if (type === 'html') return;

  if (CHOICE_TYPES.has(type)) checkChoices(q, type, report);
  if (q.choicesOrder !== undefined && !CHOICES_ORDERS.has(String(q.choicesOrder))) report(`choicesOrder "${String(q.choicesOrder)}" không được hỗ trợ (none, asc, desc, random).`, `choicesOrder "${String(q.choicesOrder)}" is not supported (none, asc, desc, random).`);
  if (type === 'rating') checkRating(q, report);
  if (type === 'matrix') checkMatrix(q, report);
  if (type === 'text') checkTextInput(q, report);
  if (type === 'multipletext') {
    const items = itemsOf(q);
    if (items.length === 0 || !Array.isArray(q.items) || items.length !== q.items.length) report('Cần có các ô nhập (items) với tên.', 'The question needs items with names.');
    checkKeys(items.map((i) => String(i.name)), 'item', report);
    for (const item of items) {
      const itemName = String(item.name);
      const sub = (vi: string, en: string) => report(`ô "${itemName}": ${vi}`, `item "${itemName}": ${en}`);
      checkTextInput(item, sub);
      for (const p of ['visibleIf', 'enableIf', 'requiredIf', ...UNSUPPORTED_PROPERTIES]) {
        if (item[p] !== undefined) sub(`thuộc tính "${p}" không được hỗ trợ.`, `the property "${p}" is not supported.`);
      }
      checkValidators(scope, item, 'text', sub);
    }
  }
  if (type === 'matrixdropdown' || type === 'matrixdynamic') checkColumns(scope, q, type, report);
  if (type === 'matrixdropdown') {
    const rows = choicesOf(q.rows);
    if (rows.length === 0 || !Array.isArray(q.rows) || rows.length !== q.rows.length) report('Bảng cần có hàng với giá trị.', 'The matrix needs rows with values.');
    checkKeys(rows.map((r) => String(r.value)), 'row', report);
    checkItemConditions(q.rows, { vi: 'Hàng', en: 'Row' }, report);
  }
  if (type === 'matrixdynamic') checkCounts(q, ['rowCount', 'minRowCount', 'maxRowCount'], report);
  if (type === 'paneldynamic') {
    checkCounts(q, ['panelCount', 'minPanelCount', 'maxPanelCount'], report);
    const template = templateOf(q);
    if (template.filter((t) => t.type !== 'html').length === 0) report('Mẫu (templateElements) chưa có câu hỏi.', 'The template (templateElements) has no questions.');
    const names = new Set<string>();
    for (const t of template) {
      const tType = typeof t.type === 'string' ? t.type : '(none)';
      const tName = typeof t.name === 'string' || typeof t.name === 'number' ? String(t.name) : '';
      if (!TEMPLATE_TYPES.has(tType)) {
        report(`câu con "${tName}" kiểu "${tType}" không được hỗ trợ trong danh sách lặp (chỉ ${[...TEMPLATE_TYPES].join(', ')}).`, `inner question "${tName}" of type "${tType}" is not supported in a repeated list (only ${[...TEMPLATE_TYPES].join(', ')}).`);
        continue;
      }
      if (tType !== 'html' || tName !== '') {
        if (!nameValid(tName)) report(`tên câu con "${tName}" không hợp lệ.`, `the inner question name "${tName}" is not valid.`);
        else if (names.has(tName)) report(`tên câu con "${tName}" bị trùng.`, `the inner question name "${tName}" is used twice.`);
        names.add(tName);
      }
      checkQuestion(scope, t, tType, owner, tName);
    }
  }
  if (type === 'ranking') {
    if (q.showOtherItem || q.hasOther || q.showNoneItem || q.hasNone) report('Câu xếp hạng không có mục "Khác" hay "Không chọn".', 'A ranking has no "Other" or "None" item.');
  }
  if (q.maxLength !== undefined && (typeof q.maxLength !== 'number' || !Number.isInteger(q.maxLength))) report('maxLength phải là số nguyên.', 'maxLength must be an integer.');
  if (q.defaultValue !== undefined) checkDefault(q, type, report);
  checkValidators(scope, q, type, report);
}

type Report = (vi: string, en: string) => void;

function checkKeys(keys: string[], what: 'row' | 'item' | 'column', report: Report) {
  const vi = { row: 'hàng', item: 'ô nhập', column: 'cột' }[what];
  const seen = new Set<string>();
  for (const k of keys) {
    if (k === '' || RESERVED_KEYS.has(k)) report(`Giá trị ${vi} "${k}" không dùng được.`, `The ${what} value "${k}" cannot be used.`);
    else if (seen.has(k)) report(`Giá trị ${vi} "${k}" bị trùng.`, `The ${what} value "${k}" appears twice.`);
    seen.add(k);
  }
}

function checkCounts(q: Json, props: [string, string, string], report: Report) {
  for (const p of props) if (q[p] !== undefined && !isCount(q[p])) report(`${p} phải là số nguyên không âm.`, `${p} must be a non-negative integer.`);
  const [, min, max] = props;
  if (isCount(q[min]) && isCount(q[max]) && (q[max] as number) < (q[min] as number)) report(`${min} lớn hơn ${max}.`, `${min} is greater than ${max}.`);
}

function checkTextInput(q: Json, report: Report) {
  const inputType = q.inputType ?? 'text';
  if (typeof inputType !== 'string' || !TEXT_INPUT_TYPES.has(inputType)) {
    report(`Kiểu nhập "${String(inputType)}" không được hỗ trợ (chỉ ${[...TEXT_INPUT_TYPES].join(', ')}).`, `Input type "${String(inputType)}" is not supported (only ${[...TEXT_INPUT_TYPES].join(', ')}).`);
    return;
  }
  if (q.step !== undefined && (inputType !== 'number' || typeof q.step !== 'number' || !(q.step > 0))) report('step chỉ dùng cho ô số và phải là số dương.', 'step applies to number inputs and must be a positive number.');
  for (const p of ['min', 'max'] as const) {
    if (q[p] === undefined) continue;
    if (inputType === 'date') {
      if (typeof q[p] !== 'string' || !ISO_DATE.test(q[p] as string)) report(`${p} của ô ngày phải có dạng YYYY-MM-DD.`, `${p} of a date input must be YYYY-MM-DD.`);
    } else if (typeof q[p] !== 'number') report(`${p} phải là số.`, `${p} must be a number.`);
  }
  if (q.maxLength !== undefined && (typeof q.maxLength !== 'number' || !Number.isInteger(q.maxLength))) report('maxLength phải là số nguyên.', 'maxLength must be an integer.');
}

function checkColumns(scope: Scope, q: Json, type: string, report: Report) {
  const columns = columnsOf(q);
  if (columns.length === 0 || !Array.isArray(q.columns) || columns.length !== q.columns.length) report('Bảng cần có cột với tên.', 'The matrix needs columns with names.');
  checkKeys(columns.map((c) => c.name), 'column', report);
  for (const col of columns) {
    const sub = (vi: string, en: string) => report(`cột "${col.name}": ${vi}`, `column "${col.name}": ${en}`);
    if (!CELL_TYPES.has(col.type)) {
      sub(`kiểu ô "${col.type}" không được hỗ trợ (chỉ ${[...CELL_TYPES].join(', ')}).`, `cell type "${col.type}" is not supported (only ${[...CELL_TYPES].join(', ')}).`);
      continue;
    }
    for (const p of [...UNSUPPORTED_COLUMN_PROPERTIES, ...UNSUPPORTED_PROPERTIES]) {
      if (col.json[p] !== undefined) sub(`thuộc tính "${p}" không được hỗ trợ.`, `the property "${p}" is not supported.`);
    }
    if (CHOICE_TYPES.has(col.type)) checkChoices(col.json, col.type, sub);
    if (col.type === 'rating') checkRating(col.json, sub);
    if (col.type === 'text') checkTextInput(col.json, sub);
    if (col.json.isRequired !== undefined && typeof col.json.isRequired !== 'boolean') sub('isRequired phải là true hoặc false.', 'isRequired must be true or false.');
    checkValidators(scope, col.json, col.type, sub);
  }
  void type;
}

function checkChoices(q: Json, type: string, report: Report) {
  if (!Array.isArray(q.choices) || q.choices.length === 0) {
    report('Chưa có lựa chọn nào.', 'There are no choices.');
    return;
  }
  const choices = choicesOf(q.choices);
  if (choices.length !== q.choices.length) report('Có lựa chọn không có giá trị.', 'A choice has no value.');
  const values = new Set<string>();
  for (const [i, item] of q.choices.entries()) {
    if (typeof item === 'string' && item.includes('|')) report(`Lựa chọn "${item}" dùng dạng "giá trị|nhãn"; hãy viết { "value", "text" }.`, `Choice "${item}" uses "value|text"; write { "value", "text" }.`);
    if (isPlainObject(item) && (item.visibleIf !== undefined || item.enableIf !== undefined)) report(`Lựa chọn thứ ${i + 1} có điều kiện riêng (visibleIf/enableIf), không được hỗ trợ.`, `Choice ${i + 1} has its own condition (visibleIf/enableIf), which is not supported.`);
    if (isPlainObject(item) && item.showCommentArea !== undefined) report(`Lựa chọn thứ ${i + 1} có ô ghi chú riêng (showCommentArea), không được hỗ trợ.`, `Choice ${i + 1} has its own comment box (showCommentArea), which is not supported.`);
    if (isPlainObject(item) && item.isExclusive !== undefined && typeof item.isExclusive !== 'boolean') report(`isExclusive của lựa chọn thứ ${i + 1} phải là true hoặc false.`, `isExclusive of choice ${i + 1} must be true or false.`);
  }
  for (const c of choices) {
    const key = String(c.value);
    if (key.trim() === '') report('Có lựa chọn với giá trị rỗng.', 'A choice value is empty.');
    if (values.has(key)) report(`Giá trị lựa chọn "${key}" bị trùng.`, `The choice value "${key}" appears twice.`);
    values.add(key);
  }
  const other = q.showOtherItem ?? q.hasOther;
  const none = q.showNoneItem ?? q.hasNone;
  if (other && values.has(OTHER_VALUE)) report('Vừa có lựa chọn "other" vừa bật showOtherItem.', 'Has both a choice "other" and showOtherItem.');
  if (none && values.has(NONE_VALUE)) report('Vừa có lựa chọn "none" vừa bật showNoneItem.', 'Has both a choice "none" and showNoneItem.');
  if (MULTI_CHOICE_TYPES.has(type) || type === 'ranking') {
    const min = q.minSelectedChoices;
    const max = q.maxSelectedChoices;
    for (const [p, v] of [['minSelectedChoices', min], ['maxSelectedChoices', max]] as const) {
      if (v !== undefined && !isCount(v)) report(`${p} phải là số nguyên không âm.`, `${p} must be a non-negative integer.`);
    }
    if (typeof min === 'number' && typeof max === 'number' && max > 0 && min > max) report('minSelectedChoices lớn hơn maxSelectedChoices.', 'minSelectedChoices is greater than maxSelectedChoices.');
  }
}

function checkRating(q: Json, report: Report) {
  if (q.rateValues !== undefined) {
    const items = choicesOf(q.rateValues);
    if (!Array.isArray(q.rateValues) || items.length === 0 || items.length !== q.rateValues.length || items.some((c) => typeof c.value !== 'number')) {
      report('rateValues phải là danh sách giá trị số.', 'rateValues must be a list of numeric values.');
    } else if (new Set(items.map((c) => c.value)).size !== items.length) {
      report('rateValues có giá trị trùng.', 'rateValues has a repeated value.');
    }
    return;
  }
  for (const p of ['rateMin', 'rateMax', 'rateStep', 'rateCount'] as const) {
    if (q[p] !== undefined && typeof q[p] !== 'number') report(`${p} phải là số.`, `${p} must be a number.`);
  }
  const min = typeof q.rateMin === 'number' ? q.rateMin : 1;
  const max = typeof q.rateMax === 'number' ? q.rateMax : 5;
  const step = typeof q.rateStep === 'number' ? q.rateStep : 1;
  if (!(step > 0) || !(max > min) || (max - min) / step > 99) {
    report('Thang điểm không hợp lệ.', 'The rating scale is not valid.');
  } else if (typeof q.rateCount === 'number' && q.rateCount !== ratingValues(q).length) {
    report('rateCount không khớp rateMin/rateMax/rateStep.', 'rateCount does not match rateMin/rateMax/rateStep.');
  }
}

/** Rows and choices that come and go with other answers are not modelled. */
function checkItemConditions(list: unknown, what: Text, report: Report) {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (isPlainObject(item) && (item.visibleIf !== undefined || item.enableIf !== undefined)) {
      report(`${what.vi} thứ ${i + 1} có điều kiện riêng (visibleIf/enableIf), không được hỗ trợ.`, `${what.en} ${i + 1} has its own condition (visibleIf/enableIf), which is not supported.`);
    }
  });
}

function checkMatrix(q: Json, report: Report) {
  for (const p of ['rows', 'columns'] as const) {
    const items = choicesOf(q[p]);
    if (items.length === 0 || !Array.isArray(q[p]) || items.length !== q[p].length) {
      report(`Bảng cần có ${p === 'rows' ? 'hàng' : 'cột'} với giá trị.`, `The matrix needs ${p} with values.`);
      continue;
    }
    checkKeys(items.map((c) => String(c.value)), p === 'rows' ? 'row' : 'column', report);
    checkItemConditions(q[p], p === 'rows' ? { vi: 'Hàng', en: 'Row' } : { vi: 'Cột', en: 'Column' }, report);
  }
}

/**
 * A question's defaultValue in the form's own terms, as survey-core reads it:
 * a choice written as text or number, a lone checkbox value, "true" for a
 * boolean, a number written as text. `fits` is false when the question could
 * not hold it (the form would open with an answer it then refuses).
 */
export function fitDefault(q: Json, type: string): { fits: boolean; value?: unknown } {
  const d = q.defaultValue;
  if (d === undefined) return { fits: true };
  const no = { fits: false };
  const known = choicesOf(q.choices).map((c) => c.value);
  if (q.showOtherItem ?? q.hasOther) known.push(OTHER_VALUE);
  if (q.showNoneItem ?? q.hasNone) known.push(NONE_VALUE);
  const choice = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? known.find((k) => String(k) === String(x)) : undefined);
  switch (type) {
    case 'radiogroup':
    case 'dropdown': {
      const v = choice(d);
      return v === undefined ? no : { fits: true, value: v };
    }
    case 'checkbox':
    case 'tagbox':
    case 'ranking': {
      const list = (Array.isArray(d) ? d : [d]).map(choice);
      if (list.some((v) => v === undefined)) return no;
      if (type === 'ranking' && q.selectToRankEnabled !== true && list.length !== known.length) return no;
      return { fits: true, value: list };
    }
    case 'boolean':
      if (typeof d === 'boolean') return { fits: true, value: d };
      if (typeof d === 'string' && /^(true|false)$/i.test(d)) return { fits: true, value: d.toLowerCase() === 'true' };
      return no;
    case 'rating': {
      const n = typeof d === 'number' ? d : typeof d === 'string' && d.trim() !== '' ? Number(d) : NaN;
      return ratingValues(q).includes(n) ? { fits: true, value: n } : no;
    }
    case 'text':
      if (q.inputType === 'number') {
        const n = typeof d === 'number' ? d : typeof d === 'string' && /^-?\d+(\.\d+)?$/.test(d.trim()) ? Number(d) : NaN;
        return Number.isFinite(n) ? { fits: true, value: n } : no;
      }
      if (q.inputType === 'date') return typeof d === 'string' && ISO_DATE.test(d) ? { fits: true, value: d } : no;
      return typeof d === 'string' || typeof d === 'number' ? { fits: true, value: String(d) } : no;
    case 'comment':
      return typeof d === 'string' ? { fits: true, value: d } : no;
    case 'matrix': {
      if (!isPlainObject(d)) return no;
      const rows = new Set(choicesOf(q.rows).map((r) => String(r.value)));
      const cols = choicesOf(q.columns).map((c) => c.value);
      const out: Json = {};
      for (const [r, c] of Object.entries(d)) {
        const col = cols.find((k) => String(k) === String(c));
        if (!rows.has(r) || col === undefined) return no;
        out[r] = col;
      }
      return { fits: true, value: out };
    }
    case 'multipletext':
    case 'matrixdropdown':
      return isPlainObject(d) ? { fits: true, value: d } : no;
    case 'matrixdynamic':
    case 'paneldynamic':
      return Array.isArray(d) && d.every(isPlainObject) ? { fits: true, value: d } : no;
    default:
      return no;
  }
}

function checkDefault(q: Json, type: string, report: Report) {
  if (!fitDefault(q, type).fits) report(`defaultValue ${JSON.stringify(q.defaultValue)} không hợp với câu hỏi này.`, `defaultValue ${JSON.stringify(q.defaultValue)} does not fit this question.`);
}

function checkValidators(scope: Scope, q: Json, type: string, report: Report) {
  if (q.validators === undefined) return;
  if (!Array.isArray(q.validators)) {
    report('validators phải là một danh sách.', 'validators must be a list.');
    return;
  }
  for (const v of q.validators) {
    const vt = isPlainObject(v) ? v.type : undefined;
    if (!isPlainObject(v) || typeof vt !== 'string' || !VALIDATOR_TYPES.has(vt)) {
      report(`Kiểm tra "${String(vt)}" không được hỗ trợ.`, `The validator "${String(vt)}" is not supported.`);
      continue;
    }
    if (vt === 'regex') {
      try {
        new RegExp(String(v.regex ?? ''), v.caseInsensitive ? 'i' : '');
      } catch {
        report('Biểu thức chính quy không hợp lệ.', 'The regular expression is not valid.');
      }
    }
    if (vt === 'expression') {
      try {
        for (const ref of conditionNames(parseCondition(String(v.expression ?? '')))) {
          if (!scope.valueNames.has(ref)) report(`Kiểm tra nhắc đến câu hỏi không có: {${ref}}.`, `The validator refers to a missing question {${ref}}.`);
        }
      } catch (e) {
        const why = e instanceof ExpressionError ? e.reason : String(e);
        report(`Biểu thức kiểm tra không được hỗ trợ (${why}).`, `The expression validator is not supported (${why}).`);
      }
    }
    if (vt === 'answercount' && !MULTI_CHOICE_TYPES.has(type)) report('answercount chỉ dùng cho câu chọn nhiều.', 'answercount applies to checkbox questions only.');
  }
}
