// survey-core as the reference for form JSON: its JSON schema (generated from
// its Serializer, so it knows our registered properties) checked with Ajv, and
// its linter. Tests only: survey-core never runs on the server's hot path.
import { readdirSync, readFileSync } from 'node:fs';
import { Serializer } from 'survey-core';
import { lintSurvey, type ILintFinding } from 'survey-core/linter';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { registerCustomProperties } from '../../server/domain/survey/custom-properties';
import { TEMPLATE_NAMES, loadTemplate } from '../../surveys';
import { VALUE_TYPES, choicesOf, columnsOf, flattenElements, itemsOf, ratingValues, templateOf, type Json } from '../../server/domain/survey/definition';
import { compileValidator } from '../../server/domain/survey/validator';
import type { FormFields } from '../../server/domain/survey/form-data';

registerCustomProperties(Serializer);

let validateSchema: ValidateFunction | null = null;

/** Where the form breaks survey-core's JSON schema (Serializer.generateSchema()), as "path message" lines. */
export function schemaErrors(json: Json): string[] {
  if (!validateSchema) {
    // the generated schema uses keywords Ajv's strict mode rejects (e.g. "$schema" in definitions)
    const ajv = new Ajv({ allErrors: true, strict: false });
    validateSchema = ajv.compile(Serializer.generateSchema());
  }
  if (validateSchema(json)) return [];
  return (validateSchema.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** survey-core's linter findings of severity warning or error. */
export function lintProblems(json: Json): ILintFinding[] {
  return lintSurvey(structuredClone(json)).findings.filter((f) => f.severity !== 'info');
}

const FIXTURES = new URL('../fixtures/surveyjs/', import.meta.url);

/** The project's own SurveyJS forms: the five templates and the fixtures in test/fixtures/surveyjs/. */
export function projectForms(): [string, Json][] {
  const templates = TEMPLATE_NAMES.map((n): [string, Json] => [`surveys/${n}.json`, loadTemplate(n)!]);
  let files: string[] = [];
  try {
    files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
  } catch {
    files = [];
  }
  return [...templates, ...files.map((f): [string, Json] => [`fixtures/surveyjs/${f}`, JSON.parse(readFileSync(new URL(f, FIXTURES), 'utf8'))])];
}

const unescapeHtml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)) out[m[1]!] = unescapeHtml(m[2] ?? '');
  return out;
}

/** What a browser without JavaScript would post for this HTML form (disabled fields are not sent). */
export function submittedFields(html: string): FormFields {
  const fields: Record<string, string[]> = {};
  const add = (name: string | undefined, value: string) => {
    if (name) (fields[name] ??= []).push(value);
  };
  for (const m of html.matchAll(/<input\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]!);
    if ('disabled' in a) continue;
    if ((a.type === 'radio' || a.type === 'checkbox') && !('checked' in a)) continue;
    add(a.name, a.value ?? '');
  }
  for (const m of html.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) if (!('disabled' in attrs(m[1]!))) add(attrs(m[1]!).name, unescapeHtml(m[2]!));
  for (const m of html.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    if ('disabled' in attrs(m[1]!)) continue;
    const chosen = [...m[2]!.matchAll(/<option\b([^>]*)>/g)].map((o) => attrs(o[1]!)).find((o) => 'selected' in o);
    add(attrs(m[1]!).name, chosen?.value ?? '');
  }
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}


/** A form of projectForms() by its name ("surveys/sipas.json", "fixtures/surveyjs/ho-gia-dinh.json"). */
export function formNamed(name: string): Json {
  const hit = projectForms().find(([n]) => n === name);
  if (!hit) throw new Error(`no project form ${name}`);
  return hit[1];
}

/**
 * A valid, well-filled answer for each project form, and what the server
 * keeps besides (a read-only question keeps its default).
 */
export const SAMPLE_ANSWERS: Record<string, { answers: Record<string, unknown>; kept?: Record<string, unknown> }> = {
  'surveys/household-decision.json': { answers: { decision: 'other', otherOpinion: 'Làm đường trước, rồi mới xây nhà văn hóa' } },
  'surveys/consultation.json': { answers: { s1_opinion: 'agree', s2_opinion: 'disagree', s2_comment: 'Ưu tiên kênh mương', generalComment: 'Cảm ơn', contactPhone: '0912 345 678' } },
  'surveys/sipas.json': { answers: { a1: 5, b2: 3, c6: 4, e4: 1, overall: 4, suggestions: 'Thêm ghế chờ' } },
  'surveys/one-stop-rating.json': { answers: { dossierCode: 'HS-001', rating: 'not_satisfied', reasons: ['many_visits', 'other'], 'reasons-Comment': 'Chờ lâu', comment: 'Không' } },
  'surveys/election.json': { answers: { candidates: ['example-2'] } },
  'fixtures/surveyjs/ho-gia-dinh.json': {
    answers: {
      'chu-ho': 'Nguyễn Văn Đạt', thon: 'Bắc Hà', 'ngay-ke-khai': '2026-03-15', 'lien-he': { 'dien-thoai': '0912 345 678', email: 'dat@vietkhe.vn' },
      'so-nhan-khau': 7,
      'thanh-vien': [
        { 'ho-ten': 'Nguyễn Văn Đạt', 'ngay-sinh': '1970-05-02', 'gioi-tinh': 'nam', 'quan-he': 'Chủ hộ' },
        { 'ho-ten': 'Trần Thị Hoa', 'quan-he': 'other', 'quan-he-Comment': 'Con dâu' },
      ],
      'ho-dong': 'Nhà chật, cần sửa', 'ho-tro': ['ngheo', 'nguoi-cao-tuoi'],
    },
  },
  'fixtures/surveyjs/danh-gia-mot-cua.json': {
    answers: {
      'hai-long-chung': 4, 'nps-score': 5, 'ly-do-thap': 'Chờ lâu',
      'tieu-chi': { 'Thái độ cán bộ': 3, 'Thời gian giải quyết': 1, 'Niêm yết thủ tục': 2, 'Cơ sở vật chất': 2 },
      'uu-tien': ['Hướng dẫn rõ hơn', 'Rút ngắn thời gian', 'Làm trực tuyến nhiều hơn', 'Thêm chỗ ngồi chờ'],
      kenh: ['khong-kenh-nao'], 'di-lai': true, 'so-lan': 3, 'gop-y': 'Cảm ơn cán bộ',
    },
  },
  'fixtures/surveyjs/ke-hoach-dau-tu.json': {
    answers: {
      'vai-tro': 'chu-ho', tuoi: 45,
      'danh-gia-du-an': {
        'Bê tông đường trục thôn': { 'muc-do': 3, 'ngay-cong': 5, 'dong-y': true },
        'Nạo vét kênh Đông': { 'muc-do': 2, 'dong-y': false },
        'Sửa nhà văn hóa': { 'muc-do': 1 },
      },
      'de-xuat': [{ ten: 'Lắp đèn đường', 'kinh-phi': 120, thon: 'Bắc Hà' }, { ten: 'Sân chơi trẻ em' }],
      'hinh-thuc': ['Họp thôn', 'Zalo'], 'y-kien-khac': 'Ưu tiên đường trước',
    },
    kept: { 'don-vi': 'UBND xã Việt Khê' },
  },
};

/** mulberry32: a small seeded PRNG, so generated answers repeat run to run. */
export function seededUnit(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Well-formed answer sets for a form, as many as asked: every question
 * answered with a plausible value (required ones always, others mostly;
 * "Other" with its note; rows, items and panels), then kept only when the
 * form's validator accepts them, as the validator stores them (answers to
 * questions their conditions hide dropped, read-only defaults kept). Free
 * texts are unique per set (`text 7.3 …`), so a test can look for each one;
 * personal boxes (tel, email, `personal: true`) get values of their own
 * kind (`Người 7.3`, `0912 000 703`, `nguoi7.3@xa.vn`).
 */
export function generatedAnswers(form: Json, count: number, seed = 1): Record<string, unknown>[] {
  const validate = compileValidator(form);
  const r = seededUnit(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const shuffle = <T,>(xs: readonly T[]): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  const out: Record<string, unknown>[] = [];
  for (let attempt = 0; out.length < count; attempt++) {
    if (attempt > count * 20) throw new Error(`could not generate ${count} valid answer sets for ${String(form.title)}`);
    const n = out.length + 1;
    let k = 0;
    const words = (max?: number) => {
      const t = `text ${n}.${++k} ${pick(['đường làng', 'nước sạch', 'rác thải', 'đèn đường', 'chợ'])}`;
      return max ? t.slice(0, max) : t;
    };
    const value = (q: Json, type: string, personal: boolean): unknown => {
      personal ||= q.personal === true;
      switch (type) {
        case 'radiogroup':
        case 'dropdown':
          return pick([...choicesOf(q.choices).map((c) => c.value), ...(q.showOtherItem ? ['other'] : []), ...(q.showNoneItem ? ['none'] : [])]);
        case 'checkbox':
        case 'tagbox': {
          const exclusive = new Set<unknown>(Array.isArray(q.choices) ? q.choices.filter((c: Json) => c && c.isExclusive === true).map((c: Json) => c.value) : []);
          const values: unknown[] = [...choicesOf(q.choices).map((c) => c.value), ...(q.showOtherItem ? ['other'] : [])];
          if (q.showNoneItem) exclusive.add('none');
          if (chance(0.15) && exclusive.size > 0) return [pick([...exclusive])];
          const plain = values.filter((v) => !exclusive.has(v));
          const max = typeof q.maxSelectedChoices === 'number' && q.maxSelectedChoices > 0 ? q.maxSelectedChoices : plain.length;
          return shuffle(plain).slice(0, 1 + Math.floor(r() * Math.min(max, plain.length)));
        }
        case 'boolean':
          return chance(0.5);
        case 'rating':
          return pick(ratingValues(q));
        case 'ranking':
          return shuffle(choicesOf(q.choices).map((c) => c.value));
        case 'comment':
          return personal ? `Người ${n}.${++k}` : words(typeof q.maxLength === 'number' ? q.maxLength : undefined);
        case 'text': {
          if (q.inputType === 'number') {
            const lo = typeof q.min === 'number' ? q.min : 0;
            const hi = typeof q.max === 'number' ? q.max : 100;
            return lo + Math.floor(r() * (Math.min(hi, lo + 40) - lo + 1));
          }
          if (q.inputType === 'date') {
            const lo = Date.parse(typeof q.min === 'string' ? q.min : '1950-01-01');
            const hi = Date.parse(typeof q.max === 'string' ? q.max : '2026-12-31');
            return new Date(lo + Math.floor(r() * ((hi - lo) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
          }
          if (q.inputType === 'tel') return `0912 ${String(n).padStart(3, '0')} ${String(++k).padStart(3, '0')}`;
          if (q.inputType === 'email') return `nguoi${n}.${++k}@xa.vn`;
          return personal ? `Người ${n}.${++k}` : words(typeof q.maxLength === 'number' ? q.maxLength : undefined);
        }
        case 'matrix': {
          const v: Record<string, unknown> = {};
          for (const row of choicesOf(q.rows)) if (q.eachRowRequired || chance(0.8)) v[String(row.value)] = pick(choicesOf(q.columns).map((c) => c.value));
          return v;
        }
        case 'matrixdropdown': {
          const v: Record<string, unknown> = {};
          for (const row of choicesOf(q.rows)) {
            if (chance(0.2)) continue;
            const cells: Record<string, unknown> = {};
            for (const c of columnsOf(q)) if (c.json.isRequired || chance(0.75)) cells[c.name] = value(c.json, c.type, personal);
            v[String(row.value)] = cells;
          }
          return v;
        }
        case 'multipletext': {
          const v: Record<string, unknown> = {};
          for (const item of itemsOf(q)) if (item.isRequired || chance(0.7)) v[String(item.name)] = value({ ...item, type: 'text' }, 'text', personal);
          return v;
        }
        case 'matrixdynamic':
        case 'paneldynamic': {
          const panels = type === 'paneldynamic';
          const min = Number(q[panels ? 'minPanelCount' : 'minRowCount'] ?? 0);
          const max = Math.min(Number(q[panels ? 'maxPanelCount' : 'maxRowCount'] ?? 4), 4);
          const list: Record<string, unknown>[] = [];
          for (let i = 0, rows = min + Math.floor(r() * (max - min + 1)); i < rows; i++) {
            const entry: Record<string, unknown> = {};
            const parts = panels
              ? templateOf(q).filter((t) => VALUE_TYPES.has(String(t.type))).map((t) => ({ name: String(t.name), json: t, type: String(t.type) }))
              : columnsOf(q);
            for (const p of parts) {
              if (!(p.json.isRequired || chance(0.75))) continue;
              entry[p.name] = value(p.json, p.type, personal);
              if (entry[p.name] === 'other') entry[`${p.name}-Comment`] = words();
            }
            list.push(entry);
          }
          return list;
        }
        default:
          return undefined;
      }
    };
    const answers: Record<string, unknown> = {};
    for (const el of flattenElements(form)) {
      if (!VALUE_TYPES.has(el.type) || !(el.json.isRequired || chance(0.85))) continue;
      const personal = el.containers.some((c) => c.personal === true);
      const v = value(el.json, el.type, personal);
      if (v === undefined) continue;
      answers[el.name] = v;
      if (v === 'other' || (Array.isArray(v) && v.includes('other'))) answers[`${el.name}-Comment`] = words();
    }
    const checked = validate(answers);
    if (checked.ok) out.push(checked.data as Record<string, unknown>);
  }
  return out;
}
