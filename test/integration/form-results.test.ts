// Results lose nothing (issue 16): for every template and every SurveyJS form
// kept in test/fixtures/surveyjs/, generated answers go in as people send
// them, the results are published, and every question of the form must be
// in the results JSON, on the public page and in the CSV, with the numbers
// recounted here from the answers that went in. Free texts reach staff and
// nobody else; personal data reaches nobody.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign } from '../support/campaigns';
import { generatedAnswers, projectForms } from '../support/surveyjs';
import { submitAnonymous } from '../../server/services/submit-anonymous';
import { parseCsv } from '../../server/services/spreadsheet/csv';
import { unguardText } from '../../server/domain/spreadsheet-text';
import {
  COMMENT_SUFFIX, VALUE_TYPES, choicesOf, columnsOf, flattenElements, isEmptyValue, isPlainObject, itemsOf, localText, ratingChoices, templateOf, type Json,
} from '../../server/domain/survey/definition';

let t: TestEnv;
let staff: string;

beforeEach(async () => {
  t = await makeTestApp();
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
});
afterEach(() => t.close());

/** The satisfaction forms; every other form is asked as a consultation. */
const SATISFACTION = /sipas|one-stop|danh-gia/;

/** Runs a campaign of `kind` on `form` with `answers` through to publication; returns what the public and staff get. */
async function published(form: Json, kind: 'consultation' | 'satisfaction', answers: Record<string, unknown>[]) {
  const [v] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 3 }]);
  const c = await createCampaign(t, staff, { title: `Kết quả đủ mọi câu hỏi ${String(form.title ?? '')}`.slice(0, 150), kind, villageIds: [v!.id], channels: ['online'], survey: form });
  await openCampaign(t, staff, c.id);
  for (const [i, a] of answers.entries()) await submitAnonymous(t.deps, { slug: c.slug, answers: a, deviceToken: `may-${i}`, kiosk: false, client: `client-${i}` });
  if (kind === 'consultation') {
    t.clock.advance(21 * 86_400_000); // a consultation stays open 20 days (Đ28)
    staff = await login(t, 'canbo');
  }
  expect((await api(t, 'POST', `/api/v1/campaigns/${c.id}/close`, { cookie: staff })).status).toBe(200);
  const preview = await api(t, 'GET', `/api/v1/campaigns/${c.id}/results`, { cookie: staff });
  const staffPage = visibleText((await api(t, 'GET', `/staff/campaigns/${c.id}/results`, { cookie: staff })).text);
  expect((await api(t, 'POST', `/api/v1/campaigns/${c.id}/publish`, { cookie: staff })).status).toBe(200);
  const json = await api(t, 'GET', `/api/v1/campaigns/${c.id}/results`);
  const pageHtml = await (await t.app.request(`/r/${c.slug}`)).text();
  const csvText = await (await t.app.request(`/api/v1/campaigns/${c.id}/results.csv`)).text();
  return { c, preview, staffPage, json, page: visibleText(pageHtml), csvText, // a spreadsheet reads a guarded cell ('2025-01-16: text, not a date) without its apostrophe
    csv: parseCsv(csvText.replace(/^\uFEFF/, '')).map((r) => r.cells.map(unguardText)) };
}

/** The text a reader sees: tags, the chart data block and entities undone. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

// ---- the recount: plain loops over the answers that went in ----

const isPersonal = (q: Json) => q.personal === true || q.inputType === 'tel' || q.inputType === 'email';
const vi = (text: unknown, fallback: string) => localText(text, 'vi', fallback);

/** A choice's label as the form words it (the project's words for "other", "none", true and false when the form has none). */
function labelOf(q: Json, type: string, value: string): string {
  if (type === 'boolean') return value === 'true' ? vi(q.labelTrue, 'Có') : vi(q.labelFalse, 'Không');
  if (value === 'other' && q.showOtherItem) return vi(q.otherText, 'Khác');
  if (value === 'none' && q.showNoneItem) return vi(q.noneText, 'Không chọn mục nào');
  const c = (type === 'rating' ? ratingChoices(q) : choicesOf(q.choices)).find((x) => String(x.value) === value);
  return c ? vi(c.text, value) : value;
}

interface Recount {
  answered: number;
  counts: Record<string, number>;
  first: Record<string, number>;
  rankSum: Record<string, number>;
  ranked: Record<string, number>;
  numbers: number[];
  dates: string[];
}

function recount(values: unknown[], type: string): Recount {
  const r: Recount = { answered: 0, counts: {}, first: {}, rankSum: {}, ranked: {}, numbers: [], dates: [] };
  for (const v of values) {
    if (isEmptyValue(v)) continue;
    r.answered += 1;
    if (type === 'ranking' && Array.isArray(v)) {
      v.forEach((item, i) => {
        const k = String(item);
        r.ranked[k] = (r.ranked[k] ?? 0) + 1;
        r.rankSum[k] = (r.rankSum[k] ?? 0) + i + 1;
        if (i === 0) r.first[k] = (r.first[k] ?? 0) + 1;
      });
    } else if (typeof v === 'number') {
      r.numbers.push(v);
      r.counts[String(v)] = (r.counts[String(v)] ?? 0) + 1;
    } else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) r.dates.push(v);
    else for (const x of Array.isArray(v) ? v : [v]) r.counts[String(x)] = (r.counts[String(x)] ?? 0) + 1;
  }
  return r;
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A field's published numbers against the recount: JSON, then the CSV row(s) found by their code, their labels checked. */
function checkField(q: Json, type: string, values: unknown[], published: any, csvRows: (code: string) => string[][], code: string, where: string) {
  const r = recount(values, type);
  expect(published.answered, `${where} answered`).toBe(r.answered);
  if (isPersonal(q) || published.kind === 'personal') {
    expect(published.kind, where).toBe('personal');
    return;
  }
  const cell = (row: string[] | undefined, col: number) => (row?.[col] === '' || row?.[col] === undefined ? null : Number(row[col]));
  switch (type) {
    case 'radiogroup': case 'dropdown': case 'checkbox': case 'tagbox': case 'boolean': case 'rating': {
      expect(nonZero(published.counts), `${where} counts`).toEqual(r.counts);
      for (const c of published.choices) {
        const [row] = csvRows(`${code}=${c.value}`);
        expect(row, `${where}: CSV row for ${c.value}`).toBeDefined();
        expect(row![3]!.startsWith(labelOf(q, type, c.value)), `${where}: CSV label ${row![3]} for ${c.value}`).toBe(true);
        expect(cell(row, 6), `${where}: CSV count of ${c.value}`).toBe(r.counts[c.value] ?? 0);
        expect(cell(row, 5)).toBe(r.answered);
      }
      if (type === 'rating') {
        if (r.numbers.length) expect(published.mean).toBeCloseTo(mean(r.numbers), 3);
        const [row] = csvRows(code).filter((x) => x[3] === 'Điểm trung bình');
        if (r.numbers.length) expect(cell(row, 8)).toBeCloseTo(mean(r.numbers), 2);
      }
      return;
    }
    case 'ranking':
      expect(nonZero(published.first)).toEqual(r.first);
      for (const c of choicesOf(q.choices)) {
        const k = String(c.value);
        if (r.ranked[k]) expect(published.meanRank[k]).toBeCloseTo(r.rankSum[k]! / r.ranked[k]!, 3);
        const [row] = csvRows(`${code}=${k}`);
        expect(row![2]).toContain(vi(c.text, k));
        expect(cell(row, 6)).toBe(r.first[k] ?? 0);
      }
      return;
    case 'text':
    case 'comment': {
      const [row] = csvRows(code);
      expect(cell(row, 5), `${where}: CSV answered`).toBe(r.answered);
      if (q.inputType === 'number') {
        expect(published.kind).toBe('number');
        if (r.numbers.length) {
          expect(published.mean).toBeCloseTo(mean(r.numbers), 3);
          expect([published.min, published.max]).toEqual([Math.min(...r.numbers), Math.max(...r.numbers)]);
          expect([cell(row, 9), cell(row, 10)]).toEqual([Math.min(...r.numbers), Math.max(...r.numbers)]);
        }
      } else if (q.inputType === 'date') {
        expect(published.kind).toBe('date');
        const sorted = [...r.dates].sort();
        expect([published.earliest, published.latest]).toEqual([sorted[0] ?? null, sorted.at(-1) ?? null]);
        if (sorted.length) expect([row![9], row![10]]).toEqual([sorted[0], sorted.at(-1)]);
      } else expect(published.kind).toBe('text');
      return;
    }
  }
  throw new Error(`${where}: no recount for ${type}`);
}

/** Checks one question of the form against the answers; returns the labels the page must show. */
function checkQuestion(el: { json: Json; type: string; name: string }, answers: Record<string, unknown>[], published: any, csvRows: (code: string) => string[][]): string[] {
  const { json: q, type, name } = el;
  const values = answers.map((a) => a[name]);
  const labels: string[] = [];
  expect(published.answered, `${name} answered`).toBe(values.filter((v) => !isEmptyValue(v)).length);
  switch (type) {
    case 'matrix': {
      for (const row of choicesOf(q.rows)) {
        const rv = String(row.value);
        const cells = values.map((v) => (isPlainObject(v) ? v[rv] : undefined));
        const r = recount(cells, 'radiogroup');
        const p = published.rows.find((x: any) => x.value === rv);
        expect(nonZero(p.counts), `${name}[${rv}]`).toEqual(r.counts);
        for (const col of choicesOf(q.columns)) {
          const [csv] = csvRows(`${name}[${rv}]=${col.value}`);
          expect([csv![2], csv![3], Number(csv![6])]).toEqual([vi(row.text, rv), vi(col.text, String(col.value)), r.counts[String(col.value)] ?? 0]);
          labels.push(vi(col.text, String(col.value)));
        }
        labels.push(vi(row.text, rv));
      }
      return labels;
    }
    case 'matrixdropdown':
      for (const row of choicesOf(q.rows)) {
        const rv = String(row.value);
        const p = published.rows.find((x: any) => x.value === rv);
        const rowValues = values.map((v) => (isPlainObject(v) && isPlainObject(v[rv]) ? v[rv] : undefined));
        expect(p.answered).toBe(rowValues.filter((v) => !isEmptyValue(v)).length);
        for (const col of columnsOf(q)) {
          const cells = rowValues.map((v) => (v as Json | undefined)?.[col.name]);
          checkField(col.json, col.type, cells, p.cells.find((c: any) => c.name === col.name), csvRows, `${name}[${rv}].${col.name}`, `${name}[${rv}].${col.name}`);
          labels.push(vi(col.title, col.name));
        }
        labels.push(vi(row.text, rv));
      }
      return labels;
    case 'multipletext':
    case 'matrixdynamic':
    case 'paneldynamic': {
      const entries = type === 'multipletext'
        ? values.filter((v) => isPlainObject(v) && !isEmptyValue(v)) as Json[]
        : values.flatMap((v) => (Array.isArray(v) ? v.filter((e) => isPlainObject(e) && !isEmptyValue(e)) : [])) as Json[];
      expect(published.entries, `${name} entries`).toBe(entries.length);
      if (type !== 'multipletext') expect(Number(csvRows(name).find((r) => r[3]!.startsWith('Số'))![6])).toBe(entries.length);
      const parts = type === 'multipletext'
        ? itemsOf(q).map((i) => ({ name: String(i.name), json: { ...i, type: 'text' } as Json, type: 'text', title: i.title }))
        : type === 'matrixdynamic'
          ? columnsOf(q).map((c) => ({ name: c.name, json: c.json, type: c.type, title: c.title as unknown }))
          : templateOf(q).filter((x) => VALUE_TYPES.has(String(x.type))).map((x) => ({ name: String(x.name), json: x, type: String(x.type), title: x.title }));
      for (const part of parts) {
        checkField(part.json, part.type, entries.map((e) => e[part.name]), published.parts.find((p: any) => p.name === part.name), csvRows, `${name}.${part.name}`, `${name}.${part.name}`);
        labels.push(vi(part.title, part.name));
      }
      return labels;
    }
    default:
      checkField(q, type, values, published, csvRows, name, name);
      if (!isPersonal(q)) for (const c of published.choices ?? []) labels.push(labelOf(q, type, c.value));
      return labels;
  }
}

/** The written answers staff must see (free texts, "other" notes, text cells) and the personal answers nobody may. */
function writtenAndPersonal(form: Json, answers: Record<string, unknown>[]) {
  const written: string[] = [];
  const personal: string[] = [];
  const take = (q: Json, type: string, v: unknown, note: unknown, shielded: boolean, readOnly: boolean) => {
    if (isEmptyValue(v)) return;
    if (shielded || isPersonal(q)) {
      for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string') personal.push(x);
      return;
    }
    if (readOnly) return;
    if ((type === 'comment' || (type === 'text' && !['number', 'date'].includes(String(q.inputType)))) && typeof v === 'string') written.push(v);
    if (typeof note === 'string' && note.trim()) written.push(note);
  };
  for (const el of flattenElements(form)) {
    if (!VALUE_TYPES.has(el.type)) continue;
    const shielded = el.json.personal === true || el.containers.some((c) => c.personal === true);
    const readOnly = el.json.readOnly === true || el.containers.some((c) => c.readOnly === true);
    for (const a of answers) {
      const v = a[el.name];
      if (el.type === 'matrixdropdown' && isPlainObject(v)) {
        for (const row of Object.values(v)) if (isPlainObject(row)) for (const c of columnsOf(el.json)) take(c.json, c.type, row[c.name], undefined, shielded, readOnly);
      } else if (el.type === 'multipletext' && isPlainObject(v)) {
        for (const i of itemsOf(el.json)) take({ ...i, type: 'text' }, 'text', v[String(i.name)], undefined, shielded, readOnly);
      } else if ((el.type === 'matrixdynamic' || el.type === 'paneldynamic') && Array.isArray(v)) {
        const parts = el.type === 'matrixdynamic' ? columnsOf(el.json).map((c) => ({ name: c.name, json: c.json, type: c.type })) : templateOf(el.json).map((x) => ({ name: String(x.name), json: x, type: String(x.type) }));
        for (const e of v) if (isPlainObject(e)) for (const p of parts) take(p.json, p.type, e[p.name], e[p.name + COMMENT_SUFFIX], shielded, readOnly);
      } else take(el.json, el.type, v, a[el.name + COMMENT_SUFFIX], shielded, readOnly);
    }
  }
  return { written, personal };
}

describe('every question of every form is in the published results', () => {
  const forms = projectForms();

  it('covers every template and every form in test/fixtures/surveyjs/', () => {
    expect(forms.map(([n]) => n)).toEqual(expect.arrayContaining(['surveys/sipas.json', 'surveys/consultation.json', 'fixtures/surveyjs/danh-gia-mot-cua.json']));
    expect(forms.filter(([n]) => n.startsWith('fixtures/')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(forms.map(([name, form], i) => [name, form, i] as const))('%s', async (name, form, i) => {
    const kind = SATISFACTION.test(name) ? 'satisfaction' : 'consultation';
    const answers = generatedAnswers(form, 14, 100 + i);
    const r = await published(form, kind, answers);
    expect(r.json.status).toBe(200);
    const snapshot = r.json.json;
    const csvRows = (code: string) => r.csv.filter((row) => row[4] === code);
    expect(r.csv[0]).toEqual(['Phần', 'Câu hỏi', 'Dòng, mục', 'Lựa chọn', 'Mã', 'Số câu trả lời', 'Số lượng', 'Tỷ lệ (%)', 'Trung bình', 'Nhỏ nhất', 'Lớn nhất', 'Ghi chú']);

    const questions = flattenElements(form).filter((el) => VALUE_TYPES.has(el.type));
    expect(snapshot.form.respondents).toBe(answers.length);
    expect(snapshot.form.questions.map((q: any) => q.name)).toEqual(questions.map((q) => q.name));
    for (const el of questions) {
      const published = snapshot.form.questions.find((q: any) => q.name === el.name);
      const title = vi(el.json.title, el.name).replace(/\{[^}]*\}/g, '…');
      expect(published.title.vi).toBe(title);
      expect(r.page, `${name}: the page shows ${title}`).toContain(title);
      expect(r.staffPage, `${name}: the staff page shows ${title}`).toContain(title);
      expect(r.csv.some((row) => row[1] === title), `${name}: the CSV names ${title}`).toBe(true);
      for (const label of checkQuestion(el, answers, published, csvRows)) expect(r.page, `${name} ${el.name}: the page shows ${label}`).toContain(label);
    }

    // free texts: every one to staff, none to the public; personal data: to nobody
    const { written, personal } = writtenAndPersonal(form, answers);
    expect((r.preview.json.opinions ?? []).map((o: any) => o.text).sort()).toEqual([...written].sort());
    for (const o of r.preview.json.opinions ?? []) {
      expect(o.label.vi.length).toBeGreaterThan(0);
      // the staff page lists each written answer under the question's words
      expect(r.staffPage).toContain(`${o.label.vi} ${o.text}`);
    }
    // NĐ 61 Đ29: the one-stop rating is published per officer and per procedure, as typed
    const onRecord = new Set(name.includes('one-stop') ? answers.flatMap((a) => [a.officer, a.procedure]) : []);
    for (const text of written.filter((x) => !onRecord.has(x))) {
      expect(r.json.text, `${name}: the JSON holds "${text}"`).not.toContain(text);
      expect(r.page).not.toContain(text);
      expect(r.csvText).not.toContain(text);
    }
    for (const p of personal) {
      for (const [what, text] of [['JSON', r.json.text], ['page', r.page], ['CSV', r.csvText], ['staff preview', r.preview.text], ['staff page', r.staffPage]] as const) {
        expect(text, `${name}: the ${what} holds "${p}"`).not.toContain(p);
      }
    }
    expect(snapshot.form.texts).toBe(written.length);
  });
});

describe('the written answers of a satisfaction survey', () => {
  it('are grouped by staff under a theme that is published, while the words stay with staff', async () => {
    const form = projectForms().find(([n]) => n === 'fixtures/surveyjs/danh-gia-mot-cua.json')![1];
    const rows = { 'Thái độ cán bộ': 3, 'Thời gian giải quyết': 1, 'Niêm yết thủ tục': 2, 'Cơ sở vật chất': 2 };
    const answers = [
      { 'hai-long-chung': 2, 'nps-score': 3, 'ly-do-thap': 'Phải chờ hai tiếng', 'tieu-chi': rows, 'gop-y': 'Cần thêm ghế chờ' },
      { 'hai-long-chung': 5, 'tieu-chi': rows, 'gop-y': 'Cán bộ nhiệt tình' },
    ];
    const [v] = await seedVillages(t, [{ code: 'A', name: 'Thôn An Lạc', households: 3 }]);
    const c = await createCampaign(t, staff, { title: 'Đánh giá Bộ phận Một cửa quý IV', kind: 'satisfaction', villageIds: [v!.id], channels: ['online'], survey: form });
    await openCampaign(t, staff, c.id);
    for (const [i, a] of answers.entries()) await submitAnonymous(t.deps, { slug: c.slug, answers: a, deviceToken: `d${i}`, kiosk: false, client: `c${i}` });
    // the campaign page leads to the grouping board, as a consultation's does
    expect((await api(t, 'GET', `/staff/campaigns/${c.id}`, { cookie: staff })).text).toContain(`href="/staff/campaigns/${c.id}/themes"`);
    const board = await api(t, 'GET', `/staff/campaigns/${c.id}/themes`, { cookie: staff });
    expect(board.status).toBe(200);
    // labelled by the question's words, not its name
    expect(board.text).toContain('Phải chờ hai tiếng <span class="muted">(Điều gì làm ông/bà chưa hài lòng?)</span>');
    const theme = await api(t, 'POST', `/api/v1/campaigns/${c.id}/themes`, { cookie: staff, body: { title: 'Thời gian chờ', response: 'Xã bố trí thêm một quầy vào sáng thứ Hai.', accepted: true } });
    expect(theme.status).toBe(201);
    const preview = await api(t, 'GET', `/api/v1/campaigns/${c.id}/results`, { cookie: staff });
    const waiting = preview.json.opinions.filter((o: any) => /chờ/.test(o.text));
    expect(waiting.map((o: any) => o.question).sort()).toEqual(['gop-y', 'ly-do-thap']);
    for (const o of waiting) {
      expect((await api(t, 'POST', `/api/v1/themes/${theme.json.id}/opinions`, { cookie: staff, body: { ballotIds: [o.ballotId], question: o.question } })).status).toBe(200);
    }
    expect((await api(t, 'POST', `/api/v1/campaigns/${c.id}/close`, { cookie: staff })).status).toBe(200);
    expect((await api(t, 'POST', `/api/v1/campaigns/${c.id}/publish`, { cookie: staff })).status).toBe(200);
    const r = await api(t, 'GET', `/api/v1/campaigns/${c.id}/results`);
    // three written answers, two of them (one ballot's two, counted apart) under the theme
    expect(r.json.form).toMatchObject({ texts: 3, ungrouped: 1, themes: [{ title: 'Thời gian chờ', count: 2, accepted: true }] });
    const page = visibleText(await (await t.app.request(`/r/${c.slug}`)).text());
    expect(page).toContain('Xã bố trí thêm một quầy vào sáng thứ Hai.');
    for (const text of ['Phải chờ hai tiếng', 'Cần thêm ghế chờ', 'Cán bộ nhiệt tình']) {
      expect(page).not.toContain(text);
      expect(r.text).not.toContain(text);
    }
    const csv = await (await t.app.request(`/api/v1/campaigns/${c.id}/results.csv`)).text();
    expect(csv).toContain('Tổng hợp ý kiến và trả lời của xã,Thời gian chờ,,Tiếp thu,,,2,,,,,Xã bố trí thêm một quầy vào sáng thứ Hai.');
  });
});
