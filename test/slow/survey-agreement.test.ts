// Our compiled validator against survey-core, the reference model, on
// thousands of generated answers per form (DESIGN §4: "must agree with
// survey-core"). For every generated answer object:
//   - well-formed (no declared stricter rule fails): survey-core and we flag
//     exactly the same questions;
//   - otherwise it fails one of the rules the project adds on purpose
//     (STRICTER_RULES in the validator, listed in docs/forms.md:
//     maxSelectedChoices, unknown keys, unknown choice values, types, rating
//     range, maxLength, a note of spaces after "Other"…), and we refuse it;
// so valid/invalid agree everywhere except where survey-core is lax, and there
// ours refuses.
import { describe, expect, test } from 'vitest';
import { Model, type Question } from 'survey-core';
import { loadTemplate, TEMPLATE_NAMES } from '../../surveys';
import { compileValidator, RULES_SURVEY_CORE_LEAVES_OUT, type AnswerRule } from '../../server/domain/survey/validator';
import { choicesOf, columnsOf, flattenElements, itemsOf, ratingValues, templateOf, VALUE_TYPES, type Json } from '../../server/domain/survey/definition';
import { projectForms } from '../support/surveyjs';

const CASES_PER_FORM = 500;

/** mulberry32: a small seeded PRNG so every run generates the same answers. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = ReturnType<typeof prng>;
const pick = <T,>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;

const WORDS = ['đường', 'làng', 'ý kiến', 'Đồng ý', 'nước sạch', 'rác', 'x', 'AB-12', 'ab', 'an@xa.vn', '0912 345 678', 'Nguyễn Văn Đạt'];
const text = (r: Rand, max = 3) => Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(r, WORDS)).join(' ');
const WRONG_TYPES: unknown[] = [42, true, false, ['x'], { v: 1 }, 'zzz', -1, 2.5, null, ''];

function shuffle<T>(r: Rand, xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A plausible answer for the question, valid or broken in one of the ways clients break them. */
function generate(r: Rand, q: Json, type: string, answers: Record<string, unknown>, name: string, breakRate: number) {
  if (chance(r, 0.15)) return; // unanswered
  if (chance(r, breakRate / 2)) {
    answers[name] = pick(r, WRONG_TYPES);
    return;
  }
  const broken = chance(r, breakRate);
  switch (type) {
    case 'radiogroup':
    case 'dropdown':
    case 'checkbox':
    case 'tagbox': {
      const values: unknown[] = choicesOf(q.choices).map((c) => c.value);
      const other = Boolean(q.showOtherItem);
      if (other) values.push('other');
      if (q.showNoneItem) values.push('none');
      if (type === 'checkbox' || type === 'tagbox') {
        const exclusive = new Set<unknown>(Array.isArray(q.choices) ? q.choices.filter((c: Json) => c && c.isExclusive === true).map((c: Json) => c.value) : []);
        if (q.showNoneItem) exclusive.add('none');
        const max = typeof q.maxSelectedChoices === 'number' && q.maxSelectedChoices > 0 ? q.maxSelectedChoices : values.length;
        let n = 1 + Math.floor(r() * (broken ? values.length : max));
        let picked = shuffle(r, values).slice(0, n);
        if (broken && chance(r, 0.3)) picked.push(picked[0]); // duplicate
        if (broken && chance(r, 0.3)) picked.push('no-such-choice');
        const alone = picked.find((v) => exclusive.has(v));
        if (!broken && alone !== undefined) picked = [alone];
        if (chance(r, 0.05)) picked = [];
        answers[name] = picked;
        n = picked.length;
      } else {
        answers[name] = broken ? pick(r, ['no-such-choice', 7, 'APPROVE']) : pick(r, values);
      }
      // a note of spaces only is where survey-core and we part (other_comment, declared)
      if (other && chance(r, 0.7)) answers[`${name}-Comment`] = chance(r, 0.8) ? text(r) : pick(r, ['', '   ']);
      return;
    }
    case 'ranking': {
      const values: unknown[] = choicesOf(q.choices).map((c) => c.value);
      let ranked = shuffle(r, values);
      if (q.selectToRankEnabled === true) ranked = ranked.slice(0, Math.floor(r() * (values.length + 1)));
      if (broken) {
        const how = pick(r, ['partial', 'duplicate', 'unknown', 'scalar']);
        if (how === 'partial') ranked = ranked.slice(0, Math.max(1, ranked.length - 1));
        if (how === 'duplicate') ranked = [...ranked, ranked[0]];
        if (how === 'unknown') ranked = [...ranked.slice(1), 'no-such-choice'];
        if (how === 'scalar') {
          answers[name] = values[0];
          return;
        }
      }
      answers[name] = ranked;
      return;
    }
    case 'multipletext': {
      const value: Record<string, unknown> = {};
      for (const item of itemsOf(q)) generate(r, { ...item, type: 'text' }, 'text', value, String(item.name), breakRate);
      if (broken) value[pick(r, ['khac', 'zz'])] = text(r);
      answers[name] = value;
      return;
    }
    case 'matrixdropdown': {
      const value: Record<string, unknown> = {};
      for (const row of choicesOf(q.rows)) {
        if (chance(r, 0.15)) continue;
        const cells: Record<string, unknown> = {};
        for (const c of columnsOf(q)) generate(r, c.json, c.type, cells, c.name, breakRate);
        value[String(row.value)] = cells;
      }
      if (broken) {
        if (chance(r, 0.5)) value['no-row'] = {};
        else value[String(choicesOf(q.rows)[0]!.value)] = chance(r, 0.5) ? 'x' : { 'no-col': 1 };
      }
      answers[name] = value;
      return;
    }
    case 'matrixdynamic':
    case 'paneldynamic': {
      const panels = type === 'paneldynamic';
      const max = typeof q[panels ? 'maxPanelCount' : 'maxRowCount'] === 'number' ? (q[panels ? 'maxPanelCount' : 'maxRowCount'] as number) : 4;
      const n = Math.floor(r() * (Math.min(max, 4) + 1));
      const entries: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const entry: Record<string, unknown> = {};
        if (panels) for (const t of templateOf(q)) { if (t.type !== 'html') generate(r, t, String(t.type), entry, String(t.name), breakRate); }
        else for (const c of columnsOf(q)) generate(r, c.json, c.type, entry, c.name, breakRate);
        entries.push(entry);
      }
      if (broken) {
        const how = pick(r, ['too-many', 'not-object', 'unknown-key']);
        if (how === 'too-many') while (entries.length <= max) entries.push({});
        if (how === 'not-object') entries.push('x');
        if (how === 'unknown-key') entries.push({ 'no-such-key': 1 });
      }
      answers[name] = entries;
      return;
    }
    case 'boolean':
      answers[name] = broken ? pick(r, ['true', 'yes', 1]) : chance(r, 0.5);
      return;
    case 'rating': {
      const allowed = ratingValues(q);
      answers[name] = broken ? pick(r, [Math.max(...allowed) + 1, Math.min(...allowed) - 1, 2.5, '3', 0]) : pick(r, allowed);
      return;
    }
    case 'text':
      if (q.inputType === 'date') {
        const lo = typeof q.min === 'string' ? Date.parse(q.min) : Date.parse('2020-01-01');
        const hi = typeof q.max === 'string' ? Date.parse(q.max) : Date.parse('2028-12-31');
        // a tenth fall outside min..max, which both validators refuse
        const t = lo + (r() * 1.2 - 0.1) * (hi - lo);
        answers[name] = broken ? pick(r, ['31/02/2026', 'hôm qua', '2026-13-01', '2026-02-30']) : new Date(t).toISOString().slice(0, 10);
        return;
      }
      if (q.inputType === 'number') {
        const lo = typeof q.min === 'number' ? q.min : 0;
        const hi = typeof q.max === 'number' ? q.max : 150;
        const step = typeof q.step === 'number' ? q.step : 1;
        // a value off the step now and then, which both validators refuse
        answers[name] = broken ? pick(r, ['12', 'mười', 1e9, lo - 1]) : lo + Math.floor(r() * (hi - lo + 1)) * step + (chance(r, 0.05) ? step / 2 : 0);
        return;
      }
      if (q.inputType === 'tel') {
        answers[name] = broken ? pick(r, ['gọi tôi', '12']) : pick(r, ['0912 345 678', '+84 225 3842 123']);
        return;
      }
      if (q.inputType === 'email') {
        answers[name] = broken ? pick(r, ['abc', 'a@b', 'x y@z.vn']) : pick(r, ['an@xa.gov.vn', 'b.thi@ubnd.vn']);
        return;
      }
      if (Array.isArray(q.validators) && q.validators.some((v: Json) => v.type === 'regex')) {
        // the kitchen sink's dossier-code pattern, so that well-formed answers can pass it
        answers[name] = broken ? pick(r, ['a'.repeat(300), 123]) : pick(r, ['AB-12', 'HS-2027', 'ab-1', 'AB12']);
        return;
      }
      answers[name] = broken ? pick(r, ['a'.repeat(300), 123, ['a']]) : text(r).slice(0, typeof q.maxLength === 'number' ? q.maxLength : undefined);
      return;
    case 'comment':
      answers[name] = broken ? pick(r, ['x'.repeat(6000), 5, { a: 1 }]) : text(r, 5);
      return;
    case 'matrix': {
      const rows = choicesOf(q.rows).map((x) => String(x.value));
      const cols = choicesOf(q.columns).map((x) => x.value);
      const value: Record<string, unknown> = {};
      for (const row of rows) if (chance(r, 0.8)) value[row] = pick(r, cols);
      if (broken) value[chance(r, 0.5) ? 'no-row' : rows[0]!] = chance(r, 0.5) ? 'no-col' : String(cols[0]);
      answers[name] = value;
      return;
    }
  }
}

function generateAnswers(r: Rand, json: Json): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  // a third of the answer sets are well-formed; the rest break values at a random rate
  const breakRate = chance(r, 0.35) ? 0 : 0.02 + r() * 0.3;
  for (const el of flattenElements(json)) {
    if (VALUE_TYPES.has(el.type)) generate(r, el.json, el.type, answers, el.name, breakRate);
  }
  if (breakRate > 0 && chance(r, 0.15)) answers[pick(r, ['extra', 'serial', 'decision2'])] = pick(r, WRONG_TYPES);
  return answers;
}

/** A form using every supported feature the templates do not: pages, panels, matrix, validators, enableIf, requiredIf. */
const kitchenSink: Json = {
  title: 'Thử mọi tính năng',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'kind', choices: ['x', 'y', 'z'], isRequired: true, showOtherItem: true },
        {
          type: 'panel', name: 'px', visibleIf: "{kind} = 'x' or {kind} = 'other'",
          elements: [
            { type: 'boolean', name: 'agree', isRequired: true },
            { type: 'dropdown', name: 'village', choices: [{ value: 1, text: 'Thôn 1' }, { value: 2, text: 'Thôn 2' }], requiredIf: '{agree} = true' },
          ],
        },
        { type: 'checkbox', name: 'topics', choices: ['a', 'b', 'c', 'd'], visibleIf: "{kind} anyof ['y', 'z']", minSelectedChoices: 2, maxSelectedChoices: 3, showNoneItem: true },
        { type: 'matrix', name: 'grid', rows: ['r1', 'r2', 'r3'], columns: [1, 2, 3], eachRowRequired: true, visibleIf: "{topics} contains 'a'" },
        { type: 'rating', name: 'score', rateMin: 0, rateMax: 10, rateStep: 2, enableIf: "{kind} != 'z'" },
        { type: 'text', name: 'age', inputType: 'number', min: 18, max: 120, requiredIf: '{score} notempty' },
        { type: 'text', name: 'weight', inputType: 'number', step: 0.5 },
        { type: 'text', name: 'email', inputType: 'email' },
        { type: 'text', name: 'code', maxLength: 8, validators: [{ type: 'regex', regex: '^[A-Z]{2}-[0-9]+$' }] },
        { type: 'comment', name: 'note', validators: [{ type: 'text', minLength: 5, maxLength: 50 }] },
        { type: 'checkbox', name: 'extras', choices: ['p', 'q', 'r'], validators: [{ type: 'answercount', maxCount: 2 }] },
        { type: 'text', name: 'confirm', validators: [{ type: 'expression', expression: '{kind} notempty' }] },
      ],
    },
    { name: 'p2', visibleIf: "{kind} != 'y'", elements: [{ type: 'comment', name: 'last', isRequired: true }] },
  ],
};

function election(): Json {
  const json = loadTemplate('election')!;
  const q = (json.elements as Json[]).find((e) => e.name === 'candidates')!;
  q.choices = Array.from({ length: 7 }, (_, i) => ({ value: `cand-${i + 1}`, text: `Ứng cử viên ${i + 1}` }));
  q.maxSelectedChoices = 3;
  return json;
}

/** The question types and conditions people bring from SurveyJS Creator: lists of rows and panels, ranking, items, dates, comparisons. */
const listsSink: Json = {
  title: 'Thử các kiểu danh sách',
  elements: [
    { type: 'text', name: 'so-ho', inputType: 'number', min: 0, max: 50 },
    { type: 'ranking', name: 'chon-hang', choices: ['a', 'b', 'c', 'd'], selectToRankEnabled: true, minSelectedChoices: 1, maxSelectedChoices: 3, visibleIf: '{so-ho} >= 3' },
    { type: 'ranking', name: 'xep-hang', choices: ['đường', 'điện', 'nước'] },
    { type: 'multipletext', name: 'lien-he', items: [{ name: 'ten', isRequired: true }, { name: 'tuoi', inputType: 'number', validators: [{ type: 'numeric', minValue: 18 }] }, { name: 'mail', inputType: 'email' }] },
    { type: 'matrixdynamic', name: 'dong', isRequired: true, minRowCount: 1, maxRowCount: 4, rowCount: 0, choices: [1, 2, 3], columns: [{ name: 'muc', isRequired: true }, { name: 'ghi', cellType: 'comment' }, { name: 'chon', cellType: 'checkbox', choices: ['x', 'y'] }] },
    { type: 'matrixdropdown', name: 'bang', rows: ['Hàng một', 'Hàng hai'], columns: [{ name: 'co', cellType: 'boolean' }, { name: 'diem', cellType: 'rating', rateMax: 3 }, { name: 'loai', cellType: 'radiogroup', choices: ['p', 'q'] }] },
    { type: 'paneldynamic', name: 'nguoi', minPanelCount: 1, maxPanelCount: 3, templateElements: [{ type: 'text', name: 'ho-ten', isRequired: true }, { type: 'dropdown', name: 'quan-he', choices: ['con', 'cháu'], showOtherItem: true }, { type: 'tagbox', name: 'viec', choices: ['a', 'b', 'c'], maxSelectedChoices: 2 }] },
    { type: 'tagbox', name: 'the', choices: ['a', 'b', { value: 'khong', isExclusive: true }], minSelectedChoices: 1, visibleIf: '{so-ho} < 10' },
    { type: 'text', name: 'ngay', inputType: 'date', min: '2026-01-01', max: '2026-12-31', requiredIf: '{so-ho} > 20' },
  ],
};

/** [label, form, whether survey-core itself refuses anything in it (SIPAS has no required question and no validator)] */
const forms: [string, Json, boolean][] = [
  ...TEMPLATE_NAMES.filter((n) => n !== 'election').map((n) => [n, loadTemplate(n)!, n !== 'sipas'] as [string, Json, boolean]),
  ['election (7 candidates, 3 seats)', election(), true],
  ['kitchen sink', kitchenSink, true],
  ['lists sink', listsSink, true],
  ...projectForms().filter(([name]) => name.startsWith('fixtures/')).map(([name, json]) => [name, json, true] as [string, Json, boolean]),
];

/** The questions inside a list question: its cells, its panels' questions, its items' editors. */
function innerQuestions(q: Question): Question[] {
  const x = q as unknown as { visibleRows?: { cells: { question: Question }[] }[]; panels?: { questions: Question[] }[]; items?: { editor: Question }[] };
  switch (q.getType()) {
    case 'matrixdropdown':
    case 'matrixdynamic':
      return (x.visibleRows ?? []).flatMap((row) => row.cells.map((c) => c.question));
    case 'paneldynamic':
      return (x.panels ?? []).flatMap((p) => p.questions);
    case 'multipletext':
      return (x.items ?? []).map((i) => i.editor);
    default:
      return [];
  }
}

/** The questions survey-core reports errors on for these answers (on themselves or their cells, panels or items). */
function surveyCoreErrors(model: Model, answers: Record<string, unknown>): Set<string> {
  model.data = structuredClone(answers);
  // validate() skips hidden questions and so never clears their errors from the previous answers
  for (const q of model.getAllQuestions()) {
    q.errors = [];
    for (const inner of innerQuestions(q)) inner.errors = [];
  }
  model.validate(true, false);
  return new Set(model.getAllQuestions().filter((q) => q.errors.length > 0 || innerQuestions(q).some((i) => i.errors.length > 0)).map((q) => q.name));
}

describe('our validator agrees with survey-core', () => {
  const totals = { cases: 0, bothValid: 0, bothInvalid: 0, onlyOurs: 0, malformedCoreAccepts: 0 };

  test.each(forms)('on %s', (label, json, coreRefusesSome) => {
    const ours = compileValidator(json);
    // A fresh survey-core model costs 10–60 ms, so one is reused. Reused models keep state that outlives
    // the next assignment of data (a boolean once given ['x'] stays "unanswered"), so a reused model's
    // verdict is only trusted when it agrees with ours: otherwise, and on every 50th case, a fresh
    // model decides. Malformed answers go to fresh models only.
    let model = new Model(json);
    const r = prng(label.length * 7919 + 17);
    const strictRules = new Map<AnswerRule, number>();
    let bothValid = 0;
    let bothInvalid = 0;
    let onlyOurs = 0;
    let malformedChecked = 0;
    let freshModels = 0;
    let malformedCoreAccepts = 0;
    for (let i = 0; i < CASES_PER_FORM; i++) {
      const answers = generateAnswers(r, json);
      const result = ours(answers);
      const flagged = new Map(result.ok ? [] : result.errors.map((e) => [e.question, e.rule] as const));
      const strict = [...flagged.values()].filter((rule) => RULES_SURVEY_CORE_LEAVES_OUT.has(rule));
      const show = JSON.stringify(answers);
      if (strict.length === 0) {
        // well-formed: survey-core and we flag exactly the same questions
        const same = (theirs: Set<string>) => theirs.size === flagged.size && [...theirs].every((q) => flagged.has(q));
        let theirs = surveyCoreErrors(model, answers);
        if (!same(theirs) || i % 50 === 0) {
          freshModels++;
          model = new Model(json);
          theirs = surveyCoreErrors(model, answers);
        }
        expect([...flagged.keys()].sort(), `different questions flagged for ${show}`).toEqual([...theirs].sort());
        if (result.ok) bothValid++;
        else bothInvalid++;
        continue;
      }
      // malformed in a way survey-core does not check: we must refuse, whatever survey-core says
      expect(result.ok, `we accept malformed answers ${show}`).toBe(false);
      onlyOurs++;
      for (const rule of strict) strictRules.set(rule, (strictRules.get(rule) ?? 0) + 1);
      if (onlyOurs % 40 === 1) {
        // sample survey-core on these too, to show it lets such answers through
        malformedChecked++;
        if (surveyCoreErrors(new Model(json), answers).size === 0) malformedCoreAccepts++;
      }
    }
    // the generator must exercise every outcome, or the agreement proves nothing
    expect(bothValid).toBeGreaterThan(CASES_PER_FORM / 100);
    if (coreRefusesSome) expect(bothInvalid).toBeGreaterThan(CASES_PER_FORM / 50);
    expect(onlyOurs).toBeGreaterThan(CASES_PER_FORM / 50);
    totals.cases += CASES_PER_FORM;
    totals.bothValid += bothValid;
    totals.bothInvalid += bothInvalid;
    totals.onlyOurs += onlyOurs;
    totals.malformedCoreAccepts += malformedCoreAccepts;
    console.info(
      `${label}: ${CASES_PER_FORM} cases; well-formed ${bothValid} valid and ${bothInvalid} invalid for both; ` +
        `${onlyOurs} malformed, all refused by us (${[...strictRules].map(([k, v]) => `${k} ${v}`).join(', ')}); ` +
        `survey-core accepted ${malformedCoreAccepts} of the ${malformedChecked} malformed ones sampled; ${freshModels} fresh models`,
    );
  }, 180_000); // survey-core validates 500 answers per form: seconds on a quiet machine, longer on a shared one

  test('ran thousands of cases in all', () => {
    console.info(`survey agreement: ${totals.cases} generated answers: ${totals.bothValid} valid and ${totals.bothInvalid} invalid for both validators, ${totals.onlyOurs} malformed and refused by ours`);
    expect(totals.cases).toBe(CASES_PER_FORM * forms.length);
    // the stricter rules are needed: survey-core alone would have let some malformed answers through
    expect(totals.malformedCoreAccepts).toBeGreaterThan(0);
  });
});
