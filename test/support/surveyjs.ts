// survey-core as the reference for form JSON: its JSON schema (generated from
// its Serializer, so it knows our registered properties) checked with Ajv, and
// its linter. Tests only: survey-core never runs on the server's hot path.
import { readdirSync, readFileSync } from 'node:fs';
import { Serializer } from 'survey-core';
import { lintSurvey, type ILintFinding } from 'survey-core/linter';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { registerCustomProperties } from '../../server/domain/survey/custom-properties';
import { TEMPLATE_NAMES, loadTemplate } from '../../surveys';
import type { Json } from '../../server/domain/survey/definition';
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
