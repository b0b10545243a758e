import { describe, expect, test } from 'vitest';
import { compileValidator, MAX_TEXT_LENGTH, type AnswerRule } from '../../server/domain/survey/validator';
import { checkSupported } from '../../server/domain/survey/supported';
import { evaluate, parseCondition } from '../../server/domain/survey/expressions';
import { loadTemplate } from '../../surveys';

type Q = Record<string, unknown>;
const form = (...elements: Q[]) => ({ title: 'Thử', elements });

interface Case {
  rule: string;
  form: Record<string, unknown>;
  answers: unknown;
  /** expected failing question and rule, or null when the answers are valid */
  error: [question: string, rule: AnswerRule] | null;
  data?: Record<string, unknown>;
}

const decision = { type: 'radiogroup', name: 'decision', title: { default: 'Ý kiến', en: 'Opinion' }, isRequired: true, choices: ['approve', 'reject', 'other'] };
const opinion = { type: 'comment', name: 'otherOpinion', title: 'Ý kiến khác', visibleIf: "{decision} = 'other'", isRequired: true };
const ballot = form(decision, opinion);
const cb = (extra: Q = {}) => form({ type: 'checkbox', name: 'c', choices: ['a', 'b', 'c'], ...extra });

const cases: Case[] = [
  { rule: 'answers must be an object', form: ballot, answers: ['approve'], error: ['answers', 'shape'] },
  { rule: 'answers must be an object, not null', form: ballot, answers: null, error: ['answers', 'shape'] },
  { rule: 'a key that names no question is refused', form: ballot, answers: { decision: 'approve', vote: 1 }, error: ['vote', 'unknown'] },
  { rule: 'an html block takes no answer', form: form({ type: 'html', name: 'info', html: 'x' }, decision), answers: { decision: 'approve', info: 'x' }, error: ['info', 'unknown'] },
  { rule: 'a required question must be answered', form: ballot, answers: {}, error: ['decision', 'required'] },
  { rule: 'a blank string is no answer', form: ballot, answers: { decision: '   ' }, error: ['decision', 'required'] },
  { rule: 'a visible required follow-up must be answered', form: ballot, answers: { decision: 'other' }, error: ['otherOpinion', 'required'] },
  { rule: 'a visible follow-up answered is kept', form: ballot, answers: { decision: 'other', otherOpinion: ' Làm đường trước ' }, error: null, data: { decision: 'other', otherOpinion: 'Làm đường trước' } },
  { rule: 'an answer to a hidden question is dropped, not refused', form: ballot, answers: { decision: 'approve', otherOpinion: 'đã đổi ý' }, error: null, data: { decision: 'approve' } },
  { rule: 'choice values must exist', form: ballot, answers: { decision: 'maybe' }, error: ['decision', 'choice'] },
  { rule: 'a radiogroup takes one value, not a list', form: ballot, answers: { decision: ['approve', 'reject'] }, error: ['decision', 'type'] },
  { rule: 'choice values compare exactly (number is not the string)', form: form({ type: 'dropdown', name: 'd', choices: [1, 2] }), answers: { d: '1' }, error: ['d', 'choice'] },
  { rule: 'numeric choice values are accepted as numbers', form: form({ type: 'dropdown', name: 'd', choices: [1, 2] }), answers: { d: 2 }, error: null, data: { d: 2 } },
  { rule: 'checkbox answers are a list', form: cb(), answers: { c: 'a' }, error: ['c', 'type'] },
  { rule: 'checkbox values must exist', form: cb(), answers: { c: ['a', 'z'] }, error: ['c', 'choice'] },
  { rule: 'checkbox values must be unique', form: cb(), answers: { c: ['a', 'a'] }, error: ['c', 'duplicate'] },
  { rule: 'maxSelectedChoices is enforced', form: cb({ maxSelectedChoices: 2 }), answers: { c: ['a', 'b', 'c'] }, error: ['c', 'max_selected'] },
  { rule: 'maxSelectedChoices allows fewer', form: cb({ maxSelectedChoices: 2 }), answers: { c: ['a'] }, error: null, data: { c: ['a'] } },
  { rule: 'minSelectedChoices is enforced', form: cb({ minSelectedChoices: 2 }), answers: { c: ['a'] }, error: ['c', 'min_selected'] },
  { rule: 'minSelectedChoices applies to an empty answer too, as in survey-core', form: cb({ minSelectedChoices: 1 }), answers: {}, error: ['c', 'min_selected'] },
  { rule: 'an empty checkbox list is no answer', form: cb({ isRequired: true }), answers: { c: [] }, error: ['c', 'required'] },
  { rule: '"none" stands alone', form: cb({ showNoneItem: true }), answers: { c: ['none', 'a'] }, error: ['c', 'none_exclusive'] },
  { rule: '"none" alone is valid', form: cb({ showNoneItem: true }), answers: { c: ['none'] }, error: null, data: { c: ['none'] } },
  { rule: '"other" needs its text', form: cb({ showOtherItem: true }), answers: { c: ['other'] }, error: ['c', 'other_comment'] },
  { rule: '"other" with its text is kept under -Comment', form: cb({ showOtherItem: true }), answers: { c: ['other'], 'c-Comment': 'Ồn ào' }, error: null, data: { c: ['other'], 'c-Comment': 'Ồn ào' } },
  { rule: '"other" with a note of spaces only has no note (stricter than survey-core, declared)', form: cb({ showOtherItem: true }), answers: { c: ['other'], 'c-Comment': '   ' }, error: ['c', 'other_comment'] },
  { rule: 'a choice stored decomposed is chosen by its NFC spelling', form: form({ type: 'radiogroup', name: 'r', choices: ['Đồng ý'.normalize('NFD'), 'Không '] }), answers: { r: 'Đồng ý' }, error: null, data: { r: 'Đồng ý' } },
  { rule: 'a choice stored with a trailing space is chosen without it', form: form({ type: 'radiogroup', name: 'r', choices: ['Đồng ý', 'Không '] }), answers: { r: 'Không' }, error: null, data: { r: 'Không' } },
  { rule: 'matrix rows may be Vietnamese text, in any spelling', form: form({ type: 'matrix', name: 'm', rows: ['Đường làng', 'Nước sạch'], columns: ['Tốt', 'Kém'] }), answers: { m: { ['Đường làng'.normalize('NFD')]: 'Tốt', 'Nước sạch ': 'Kém' } }, error: null, data: { m: { 'Đường làng': 'Tốt', 'Nước sạch': 'Kém' } } },
  { rule: 'the old hasOther name works too', form: form({ type: 'radiogroup', name: 'r', choices: ['x'], hasOther: true }), answers: { r: 'other', 'r-Comment': 'y' }, error: null, data: { r: 'other', 'r-Comment': 'y' } },
  { rule: 'a -Comment text without "other" is dropped', form: cb({ showOtherItem: true }), answers: { c: ['a'], 'c-Comment': 'x' }, error: null, data: { c: ['a'] } },
  { rule: 'a -Comment key for a question without "other" is unknown', form: cb(), answers: { c: ['a'], 'c-Comment': 'x' }, error: ['c-Comment', 'unknown'] },
  { rule: 'boolean takes true or false', form: form({ type: 'boolean', name: 'b' }), answers: { b: 'yes' }, error: ['b', 'type'] },
  { rule: 'boolean false is an answer', form: form({ type: 'boolean', name: 'b', isRequired: true }), answers: { b: false }, error: null, data: { b: false } },
  { rule: 'rating must be a number', form: form({ type: 'rating', name: 'r' }), answers: { r: '3' }, error: ['r', 'type'] },
  { rule: 'rating must be within rateMin..rateMax', form: form({ type: 'rating', name: 'r', rateMin: 1, rateMax: 5 }), answers: { r: 6 }, error: ['r', 'range'] },
  { rule: 'rating follows rateStep', form: form({ type: 'rating', name: 'r', rateMin: 0, rateMax: 10, rateStep: 2 }), answers: { r: 3 }, error: ['r', 'range'] },
  { rule: 'rating 0 is an answer (and out of a 1–5 range)', form: form({ type: 'rating', name: 'r', isRequired: true }), answers: { r: 0 }, error: ['r', 'range'] },
  { rule: 'rating must be one of rateValues', form: form({ type: 'rating', name: 'r', rateValues: [{ value: 1, text: 'Tệ' }, { value: 3, text: 'Tốt' }] }), answers: { r: 2 }, error: ['r', 'range'] },
  { rule: 'text must be text', form: form({ type: 'text', name: 't' }), answers: { t: 12 }, error: ['t', 'type'] },
  { rule: 'text maxLength is enforced', form: form({ type: 'text', name: 't', maxLength: 5 }), answers: { t: 'quá dài' }, error: ['t', 'max_length'] },
  { rule: 'every text has a global cap', form: form({ type: 'comment', name: 't' }), answers: { t: 'a'.repeat(MAX_TEXT_LENGTH + 1) }, error: ['t', 'too_long'] },
  { rule: 'maxLength counts NFC characters (decomposed Vietnamese is not longer)', form: form({ type: 'text', name: 't', maxLength: 4 }), answers: { t: 'Việt'.normalize('NFD') }, error: null, data: { t: 'Việt' } },
  { rule: 'number input takes a number', form: form({ type: 'text', name: 'n', inputType: 'number' }), answers: { n: 'năm' }, error: ['n', 'type'] },
  { rule: 'number input min/max', form: form({ type: 'text', name: 'n', inputType: 'number', min: 1, max: 10 }), answers: { n: 11 }, error: ['n', 'min_max'] },
  { rule: 'email input must be an address', form: form({ type: 'text', name: 'e', inputType: 'email' }), answers: { e: 'abc' }, error: ['e', 'email'] },
  { rule: 'email input accepts an address', form: form({ type: 'text', name: 'e', inputType: 'email' }), answers: { e: 'an@xa.gov.vn' }, error: null, data: { e: 'an@xa.gov.vn' } },
  { rule: 'tel input must look like a phone number', form: form({ type: 'text', name: 'p', inputType: 'tel' }), answers: { p: 'gọi tôi' }, error: ['p', 'format'] },
  { rule: 'tel input accepts a phone number', form: form({ type: 'text', name: 'p', inputType: 'tel' }), answers: { p: '0912 345 678' }, error: null, data: { p: '0912 345 678' } },
  { rule: 'numeric validator range', form: form({ type: 'text', name: 'n', inputType: 'number', validators: [{ type: 'numeric', minValue: 18 }] }), answers: { n: 17 }, error: ['n', 'validator'] },
  { rule: 'text validator minLength', form: form({ type: 'comment', name: 't', validators: [{ type: 'text', minLength: 10 }] }), answers: { t: 'ngắn' }, error: ['t', 'validator'] },
  { rule: 'regex validator', form: form({ type: 'text', name: 't', validators: [{ type: 'regex', regex: '^HS-[0-9]+$' }] }), answers: { t: 'HS-x' }, error: ['t', 'validator'] },
  { rule: 'email validator', form: form({ type: 'text', name: 't', validators: [{ type: 'email' }] }), answers: { t: 'a@b' }, error: ['t', 'validator'] },
  { rule: 'expression validator', form: form({ type: 'radiogroup', name: 'a', choices: ['x', 'y'] }, { type: 'text', name: 't', validators: [{ type: 'expression', expression: "{a} = 'x'" }] }), answers: { a: 'y', t: 'z' }, error: ['t', 'validator'] },
  { rule: 'answercount validator', form: cb({ validators: [{ type: 'answercount', maxCount: 1 }] }), answers: { c: ['a', 'b'] }, error: ['c', 'validator'] },
  { rule: 'matrix takes an object', form: form({ type: 'matrix', name: 'm', rows: ['r1', 'r2'], columns: ['c1', 'c2'] }), answers: { m: 'c1' }, error: ['m', 'type'] },
  { rule: 'matrix rows must exist', form: form({ type: 'matrix', name: 'm', rows: ['r1', 'r2'], columns: ['c1', 'c2'] }), answers: { m: { r3: 'c1' } }, error: ['m', 'matrix_row'] },
  { rule: 'matrix columns must exist', form: form({ type: 'matrix', name: 'm', rows: ['r1', 'r2'], columns: ['c1', 'c2'] }), answers: { m: { r1: 'c9' } }, error: ['m', 'matrix_column'] },
  { rule: 'matrix eachRowRequired', form: form({ type: 'matrix', name: 'm', rows: ['r1', 'r2'], columns: ['c1', 'c2'], eachRowRequired: true }), answers: { m: { r1: 'c1' } }, error: ['m', 'all_rows'] },
  { rule: 'matrix valid', form: form({ type: 'matrix', name: 'm', rows: ['r1', 'r2'], columns: ['c1', 'c2'] }), answers: { m: { r1: 'c1', r2: 'c2' } }, error: null, data: { m: { r1: 'c1', r2: 'c2' } } },
  { rule: 'a matrixdynamic takes at most maxRowCount rows', form: form({ type: 'matrixdynamic', name: 'md', maxRowCount: 2, columns: [{ name: 't', cellType: 'text' }] }), answers: { md: [{ t: 'a' }, { t: 'b' }, { t: 'c' }] }, error: ['md', 'max_entries'] },
  { rule: 'a required matrixdynamic needs minRowCount answered rows', form: form({ type: 'matrixdynamic', name: 'md', isRequired: true, minRowCount: 2, columns: [{ name: 't', cellType: 'text' }] }), answers: { md: [{ t: 'a' }, {}] }, error: ['md', 'min_entries'] },
  { rule: 'a matrixdynamic keeps its answered rows and drops blank cells', form: form({ type: 'matrixdynamic', name: 'md', columns: [{ name: 't', cellType: 'text' }, { name: 'n', cellType: 'text', inputType: 'number' }] }), answers: { md: [{ t: ' a ', n: '' }, {}, { n: 3 }] }, error: null, data: { md: [{ t: 'a' }, { n: 3 }] } },
  { rule: 'a repeated panel refuses a key its template lacks', form: form({ type: 'paneldynamic', name: 'pd', templateElements: [{ type: 'text', name: 'n' }] }), answers: { pd: [{ n: 'a', x: 1 }] }, error: ['pd', 'unknown'] },
  { rule: 'a repeated panel’s "Other" note is kept inside the entry', form: form({ type: 'paneldynamic', name: 'pd', templateElements: [{ type: 'radiogroup', name: 'r', choices: ['a'], showOtherItem: true }] }), answers: { pd: [{ r: 'other', 'r-Comment': 'Cháu' }, { r: 'a', 'r-Comment': 'bỏ' }] }, error: null, data: { pd: [{ r: 'other', 'r-Comment': 'Cháu' }, { r: 'a' }] } },
  { rule: 'a matrixdropdown refuses a row it does not have', form: form({ type: 'matrixdropdown', name: 'm', rows: ['Một'], columns: [{ name: 'c', cellType: 'text' }] }), answers: { m: { Hai: { c: 'x' } } }, error: ['m', 'matrix_row'] },
  { rule: 'a matrixdropdown cell is checked as its column’s question', form: form({ type: 'matrixdropdown', name: 'm', rows: ['Một'], columns: [{ name: 'c', cellType: 'rating', rateMax: 3 }] }), answers: { m: { 'Một': { c: 4 } } }, error: ['m', 'range'] },
  { rule: 'a number follows its step, as survey-core checks it', form: form({ type: 'text', name: 'n', inputType: 'number', step: 0.5 }), answers: { n: 1.25 }, error: ['n', 'step'] },
  { rule: 'a number on its step is valid', form: form({ type: 'text', name: 'n', inputType: 'number', step: 0.5 }), answers: { n: 2.5 }, error: null, data: { n: 2.5 } },
  { rule: 'an empty paneldynamic list still has its default panels, as in survey-core', form: form({ type: 'paneldynamic', name: 'pd', panelCount: 1, templateElements: [{ type: 'text', name: 'n', isRequired: true }] }), answers: { pd: [] }, error: ['pd', 'required'] },
  { rule: 'a paneldynamic answer with entries has just those panels', form: form({ type: 'paneldynamic', name: 'pd', panelCount: 3, minPanelCount: 2, templateElements: [{ type: 'text', name: 'n', isRequired: true }] }), answers: { pd: [{ n: 'An' }] }, error: null, data: { pd: [{ n: 'An' }] } },
  { rule: 'a read-only default written loosely is stored in the question’s own terms', form: form({ type: 'rating', name: 'r', readOnly: true, defaultValue: '3' }, { type: 'checkbox', name: 'c', readOnly: true, choices: ['a', 'b'], defaultValue: 'b' }), answers: {}, error: null, data: { r: 3, c: ['b'] } },
  { rule: 'requiredIf makes a question required', form: form({ type: 'radiogroup', name: 'a', choices: ['x', 'y'] }, { type: 'text', name: 't', requiredIf: "{a} = 'x'" }), answers: { a: 'x' }, error: ['t', 'required'] },
  { rule: 'requiredIf false leaves it optional', form: form({ type: 'radiogroup', name: 'a', choices: ['x', 'y'] }, { type: 'text', name: 't', requiredIf: "{a} = 'x'" }), answers: { a: 'y' }, error: null, data: { a: 'y' } },
  { rule: 'a disabled question is not checked and its answer is dropped', form: form({ type: 'radiogroup', name: 'a', choices: ['x', 'y'] }, { type: 'text', name: 't', isRequired: true, enableIf: "{a} = 'x'" }), answers: { a: 'y', t: 'z' }, error: null, data: { a: 'y' } },
  { rule: 'a hidden panel hides its questions', form: form({ type: 'radiogroup', name: 'a', choices: ['x', 'y'] }, { type: 'panel', name: 'p', visibleIf: "{a} = 'x'", elements: [{ type: 'text', name: 't', isRequired: true }] }), answers: { a: 'y' }, error: null, data: { a: 'y' } },
  { rule: 'a shown panel checks its questions', form: form({ type: 'radiogroup', name: 'a', choices: ['x', 'y'] }, { type: 'panel', name: 'p', visibleIf: "{a} = 'x'", elements: [{ type: 'text', name: 't', isRequired: true }] }), answers: { a: 'x' }, error: ['t', 'required'] },
  { rule: 'pages are validated together', form: { pages: [{ name: 'p1', elements: [decision] }, { name: 'p2', elements: [{ type: 'text', name: 't', isRequired: true }] }] }, answers: { decision: 'approve' }, error: ['t', 'required'] },
];

describe('compiled survey validator', () => {
  test.each(cases)('$rule', ({ form: json, answers, error, data }) => {
    const result = compileValidator(json)(answers);
    if (error === null) {
      expect(result).toEqual({ ok: true, data: data ?? expect.anything() });
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [e] = result.errors;
    expect([e!.question, e!.rule]).toEqual(error);
    expect(e!.message.vi).not.toBe('');
    expect(e!.message.en).not.toBe('');
  });

  test('the message names the question by its title, Vietnamese first with English', () => {
    const result = compileValidator(ballot)({ decision: 'maybe' });
    expect(result).toMatchObject({ ok: false, errors: [{ question: 'decision', message: { vi: expect.stringContaining('“Ý kiến”'), en: expect.stringContaining('“Opinion”') } }] });
    const required = compileValidator(loadTemplate('household-decision')!)({});
    expect(required).toMatchObject({ ok: false, errors: [{ question: 'decision', message: { vi: expect.stringContaining('Vui lòng chọn một ý kiến') } }] });
  });

  test('one error per failing question, each with its own path', () => {
    const json = form(decision, { type: 'rating', name: 'r' }, { type: 'boolean', name: 'b' });
    const result = compileValidator(json)({ decision: 'x', r: 9, b: 'no', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.question, e.rule])).toEqual([
      ['extra', 'unknown'], ['decision', 'choice'], ['r', 'range'], ['b', 'type'],
    ]);
  });

  test('answers are stored NFC-normalised and trimmed', () => {
    const nfd = '  Nguyễn Văn Đạt '.normalize('NFD');
    const result = compileValidator(form({ type: 'text', name: 't' }))({ t: nfd });
    expect(result).toEqual({ ok: true, data: { t: 'Nguyễn Văn Đạt' } });
  });

  test('keys like __proto__ are refused as unknown and never reach the data', () => {
    const result = compileValidator(ballot)(JSON.parse('{"decision":"approve","__proto__":{"polluted":1}}'));
    expect(result).toMatchObject({ ok: false, errors: [{ question: '__proto__', rule: 'unknown' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('compiling a form that is not supported fails loudly', () => {
    expect(() => compileValidator(form({ type: 'file', name: 'f' }))).toThrow(/not supported/);
  });
});

describe('checkSupported', () => {
  const problems = (json: unknown) => checkSupported(json).map((p) => [p.question, p.type]);
  test.each([
    ['an unsupported type names the question and type', form({ type: 'signaturepad', name: 'sig' }), [['sig', 'signaturepad']]],
    ['a matrixdynamic is refused', form({ type: 'matrixdynamic', name: 'md' }), [['md', 'matrixdynamic']]],
    ['duplicate names', form({ type: 'text', name: 'a' }, { type: 'comment', name: 'a' }), [['a', 'comment']]],
    ['no choices', form({ type: 'radiogroup', name: 'r', choices: [] }), [['r', 'radiogroup']]],
    ['duplicate choice values', form({ type: 'checkbox', name: 'c', choices: ['a', { value: 'a', text: 'A' }] }), [['c', 'checkbox']]],
    ['a complex condition', form({ type: 'text', name: 'a' }, { type: 'text', name: 'b', visibleIf: 'age({a}) > 18' }), [['b', 'text']]],
    ['arithmetic in a condition', form({ type: 'text', name: 'a' }, { type: 'text', name: 'b', visibleIf: '{a} * 2 > 18' }), [['b', 'text']]],
    ['a condition on a missing question', form({ type: 'text', name: 'b', visibleIf: "{ghost} = 'x'" }), [['b', 'text']]],
    ['an unsupported input type', form({ type: 'text', name: 'd', inputType: 'color' }), [['d', 'text']]],
    ['a name ending in SurveyJS\'s "-Comment"', form({ type: 'text', name: 'note-Comment' }), [['note-Comment', 'text']]],
    ['choice values equal once normalised', form({ type: 'radiogroup', name: 'r', choices: ['Đồng ý', 'Đồng ý '.normalize('NFD')] }), [['r', 'radiogroup']]],
    ['an unsupported validator', form({ type: 'text', name: 'd', validators: [{ type: 'expression', expression: 'iif({d} > 1, true, false)' }] }), [['d', 'text']]],
    ['a property that moves the answer', form({ type: 'text', name: 'd', valueName: 'other' }), [['d', 'text']]],
    ['a name that cannot be a form field', form({ type: 'text', name: 'họ tên' }), [['họ tên', 'text']]],
    ['no questions at all', form({ type: 'html', name: 'h', html: 'x' }), [['', 'survey']]],
    ['triggers', { ...form({ type: 'text', name: 'a' }), triggers: [{ type: 'complete' }] }, [['', 'survey']]],
    ['a start page (validated apart by survey-core)', { ...form({ type: 'text', name: 'a' }), firstPageIsStartPage: true }, [['', 'survey']]],
  ])('refuses %s', (_label, json, expected) => {
    expect(problems(json)).toEqual(expected);
  });

  test.each([
    ['a list inside a repeated panel', form({ type: 'paneldynamic', name: 'p', templateElements: [{ type: 'matrixdynamic', name: 'm', columns: [{ name: 'c' }] }] }), /inner question "m" of type "matrixdynamic" is not supported in a repeated list/],
    ['a condition on a repeated panel’s own question ({panel.x})', form({ type: 'paneldynamic', name: 'p', templateElements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'b', visibleIf: "{panel.a} = 'x'" }] }), /unsupported variable \{panel\.a\}/],
    ['a cell type the server does not draw', form({ type: 'matrixdropdown', name: 'm', rows: ['r'], columns: [{ name: 'f', cellType: 'file' }] }), /column "f": cell type "file" is not supported/],
    ['a column shown under a condition', form({ type: 'text', name: 'a' }, { type: 'matrixdynamic', name: 'm', columns: [{ name: 'c', cellType: 'text', visibleIf: '{a} notempty' }] }), /column "c": the property "visibleIf" is not supported/],
    ['a column of choices without choices', form({ type: 'matrixdropdown', name: 'm', rows: ['r'], columns: [{ name: 'c' }] }), /column "c": There are no choices/],
    ['a default that is not a choice', form({ type: 'radiogroup', name: 'r', choices: ['a', 'b'], defaultValue: 'c' }), /defaultValue "c" does not fit/],
    ['"Other" on a ranking', form({ type: 'ranking', name: 'r', choices: ['a', 'b'], showOtherItem: true }), /A ranking has no "Other"/],
    ['fewer panels allowed than required', form({ type: 'paneldynamic', name: 'p', minPanelCount: 3, maxPanelCount: 2, templateElements: [{ type: 'text', name: 'a' }] }), /minPanelCount is greater than maxPanelCount/],
    ['a date bound written as a day', form({ type: 'text', name: 'd', inputType: 'date', min: '01/01/2026' }), /min of a date input must be YYYY-MM-DD/],
    ['a date bound computed by an expression', form({ type: 'text', name: 'd', inputType: 'date', maxValueExpression: 'today()' }), /"maxValueExpression" is not supported/],
    ['a multipletext item with a condition', form({ type: 'text', name: 'a' }, { type: 'multipletext', name: 't', items: [{ name: 'x', visibleIf: '{a} notempty' }] }), /item "x": the property "visibleIf" is not supported/],
    ['an unknown choicesOrder', form({ type: 'radiogroup', name: 'r', choices: ['a'], choicesOrder: 'shuffle' }), /choicesOrder "shuffle" is not supported/],
    ['a matrix row shown under a condition', form({ type: 'text', name: 'a' }, { type: 'matrix', name: 'm', columns: ['x'], rows: ['r1', { value: 'r2', visibleIf: '{a} notempty' }] }), /Row 2 has its own condition/],
    ['a choice with its own comment box', form({ type: 'checkbox', name: 'c', choices: [{ value: 'a', showCommentArea: true }] }), /Choice 1 has its own comment box/],
    ['an item computed by an expression', form({ type: 'multipletext', name: 't', items: [{ name: 'a' }, { name: 'b', minValueExpression: '{t.a}' }] }), /item "b": the property "minValueExpression" is not supported/],
    ['"Other" kept in the value instead of a note', form({ type: 'radiogroup', name: 'r', choices: ['a'], showOtherItem: true, storeOthersAsComment: false }), /storeOthersAsComment = false/],
    ['a step on a text that is not a number', form({ type: 'text', name: 't', step: 2 }), /step applies to number inputs/],
  ])('refuses %s, naming the question and the feature', (_label, json, message) => {
    const problems = checkSupported(json);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message.en).join(' | ')).toMatch(message);
    expect(problems.every((p) => p.question !== '' && p.message.vi !== '')).toBe(true);
  });

  test('accepts the SurveyJS features people bring: lists of rows and panels, ranking, items, tagbox, dates, defaults, comparisons', () => {
    const json = form(
      { type: 'text', name: 'so-ho', inputType: 'number', defaultValue: 2 },
      { type: 'tagbox', name: 'tg', choices: ['a', 'b'], defaultValue: ['a'], visibleIf: '{so-ho} >= 2' },
      { type: 'ranking', name: 'rk', choices: ['a', 'b'] },
      { type: 'multipletext', name: 'mt', items: [{ name: 'x', inputType: 'date' }, 'y'] },
      { type: 'matrixdropdown', name: 'md', rows: ['Hàng một'], choices: [1, 2], columns: [{ name: 'c' }, { name: 'b', cellType: 'boolean' }] },
      { type: 'matrixdynamic', name: 'mx', rowCount: 1, columns: [{ name: 't', cellType: 'text' }] },
      { type: 'paneldynamic', name: 'pd', templateTitle: 'Người {panelIndex}', templateElements: [{ type: 'text', name: 'n' }, { type: 'html', html: '<b>x</b>' }] },
    );
    expect(checkSupported(json)).toEqual([]);
  });

  test('accepts hyphenated names, as SurveyJS conditions read them ({nps-score})', () => {
    const json = form({ type: 'rating', name: 'nps-score', rateMin: 0, rateMax: 10 }, { type: 'comment', name: 'why-low', visibleIf: '{nps-score} <= 6' });
    expect(checkSupported(json)).toEqual([]);
    expect(compileValidator(json)({ 'nps-score': 3, 'why-low': 'Chờ lâu' })).toEqual({ ok: true, data: { 'nps-score': 3, 'why-low': 'Chờ lâu' } });
    expect(compileValidator(json)({ 'nps-score': 9, 'why-low': 'x' })).toEqual({ ok: true, data: { 'nps-score': 9 } });
  });

  test('accepts the simple conditions the renderer understands', () => {
    const json = form(
      { type: 'checkbox', name: 'a', choices: ['x', 'y'] },
      { type: 'text', name: 'b', visibleIf: "{a} contains 'x' and ({a} notempty or {a} empty)" },
      { type: 'text', name: 'c', enableIf: "{a} anyof ['x', 'y'] or {b} != 'z'", requiredIf: '{b} = 3' },
    );
    expect(checkSupported(json)).toEqual([]);
  });

  test('problems are written in Vietnamese and English', () => {
    const [p] = checkSupported(form({ type: 'file', name: 'f' }));
    expect(p!.message.vi).toMatch(/không được hỗ trợ/);
    expect(p!.message.en).toMatch(/not supported/);
  });
});

describe('conditions', () => {
  test.each([
    ["{a} = 'x'", { a: 'x' }, true],
    ["{a} = 'x'", { a: 'X ' }, true],
    ["{a} = 'x'", {}, false],
    ["{a} != 'x'", {}, true],
    ['{a} = 3', { a: '3' }, true],
    ['{a} = true', { a: true }, true],
    ["{a} contains 'x'", { a: ['y', 'x'] }, true],
    ["{a} contains 'x'", { a: ['y'] }, false],
    ["{a} anyof ['x', 'z']", { a: 'z' }, true],
    ["{a} anyof ['x', 'z']", { a: ['y', 'z'] }, true],
    ["{a} anyof ['x', 'z']", { a: [] }, false],
    ['{a} empty', { a: [] }, true],
    ['{a} notempty', { a: 0 }, true],
    ["{a} = 'x' or {b} = 'y' and {c} = 'z'", { a: 'x' }, true],
    ["({a} = 'x' or {b} = 'y') and {c} = 'z'", { a: 'x' }, false],
    ["{a} = 'x' AND {b} NOTEMPTY", { a: 'x', b: 1 }, true],
    // comparisons as survey-core makes them: numbers written as text are read as numbers, a missing answer is never greater or less
    ['{a} > 5', { a: 10 }, true],
    ['{a} > 5', { a: '10' }, true],
    ["{a} > '9'", { a: '10' }, true],
    ['{a} < 5', {}, false],
    ['{a} <= 5', { a: null }, false],
    ['{a} >= 5', { a: '5' }, true],
    ['{a} >= 5', { a: 4.5 }, false],
    ["{a} > 3", { a: '3,5' }, true],
    ["{a} >= 'abc'", { a: 'ABC' }, true],
    ["{a} < '2024-05-01'", { a: '2024-04-30' }, true],
    ['{a} greaterorequal 18 and {a} less 60', { a: 30 }, true],
    ['{nps-score} <= 6', { 'nps-score': 6 }, true],
    ['{a} =< 2', { a: 2 }, true],
    ['{a} => 2', { a: 1 }, false],
    ["{a} notcontains 'x'", { a: ['y'] }, true],
    ["{a} noneof ['x', 'y']", { a: 'z' }, true],
    ["{a} noneof ['x', 'y']", { a: 'x' }, false],
    ["{a} allof ['x', 'y']", { a: ['x', 'y', 'z'] }, true],
    ["{a} allof ['x', 'y']", { a: ['x'] }, false],
  ] as const)('%s with %j is %s', (src, values, expected) => {
    expect(evaluate(parseCondition(src), values)).toBe(expected);
  });
});

describe('messages name the question as the person saw it', () => {
  test('{name} placeholders in the title show the answer', () => {
    const json = form(
      { type: 'radiogroup', name: 'thon', choices: [{ value: 'ds', text: 'Đông Sơn' }] },
      { type: 'text', name: 'so', title: 'Số hộ ở thôn {thon}', inputType: 'number' },
    );
    expect(compileValidator(json)({ thon: 'ds', so: 'nhiều' })).toMatchObject({ ok: false, errors: [{ question: 'so', message: { vi: 'Câu “Số hộ ở thôn Đông Sơn”: cần nhập một số.' } }] });
  });
});
