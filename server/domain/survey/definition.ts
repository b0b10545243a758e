// Reading a SurveyJS form definition as plain data: localised strings, choice
// lists and the question tree flattened in display order. Pure: survey-core is
// the reference model in tests, never a runtime dependency (the hot path must
// stay fast and run on Workers).

export type Lang = 'vi' | 'en';

/** A message in Vietnamese first, with its English. */
export interface Text {
  vi: string;
  en: string;
}

/** A SurveyJS localisable string: plain, or { default, en, vi? }. */
export type LocalText = string | Record<string, string | undefined>;

export type Json = Record<string, unknown>;

export type ChoiceValue = string | number;

export interface Choice {
  value: ChoiceValue;
  text: LocalText;
}

/** SurveyJS stores the text typed next to "Other" under `<name>-Comment`. */
export const COMMENT_SUFFIX = '-Comment';
export const OTHER_VALUE = 'other';
export const NONE_VALUE = 'none';

export const isPlainObject = (x: unknown): x is Json => {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
};

/** The text in the asked language; Vietnamese is the form's default locale. */
export function localText(t: unknown, lang: Lang, fallback = ''): string {
  if (typeof t === 'string') return t;
  if (typeof t === 'number') return String(t);
  if (isPlainObject(t)) {
    const pick = (k: string) => (typeof t[k] === 'string' && t[k] !== '' ? (t[k] as string) : undefined);
    const text = lang === 'en' ? (pick('en') ?? pick('default') ?? pick('vi')) : (pick('vi') ?? pick('default') ?? pick('en'));
    if (text !== undefined) return text;
  }
  return fallback;
}

export function localTexts(t: unknown, fallback: string): Text {
  return { vi: localText(t, 'vi', fallback), en: localText(t, 'en', fallback) };
}

/** Normalises a SurveyJS ItemValue list: "a", 3 or { value, text }. */
export function choicesOf(list: unknown): Choice[] {
  if (!Array.isArray(list)) return [];
  const out: Choice[] = [];
  for (const item of list) {
    if (typeof item === 'string' || typeof item === 'number') out.push({ value: item, text: String(item) });
    else if (isPlainObject(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
      out.push({ value: item.value, text: (item.text as LocalText | undefined) ?? String(item.value) });
    }
  }
  return out;
}

/** An element of the form with the chain of containers (pages, panels) above it. */
export interface FlatElement {
  json: Json;
  type: string;
  name: string;
  /** containers from the outermost page down to the direct parent */
  containers: Json[];
}

/** The survey's pages: `pages`, or the top-level `elements`/`questions` as one page. */
export function pagesOf(survey: Json): Json[] {
  if (Array.isArray(survey.pages)) return survey.pages.filter(isPlainObject);
  const elements = Array.isArray(survey.elements) ? survey.elements : Array.isArray(survey.questions) ? survey.questions : [];
  return [{ name: 'page1', elements }];
}

export function childrenOf(container: Json): Json[] {
  const list = Array.isArray(container.elements) ? container.elements : Array.isArray(container.questions) ? container.questions : [];
  return list.filter(isPlainObject);
}

/** Every element (questions, panels, html) in display order, depth first. */
export function flattenElements(survey: Json): FlatElement[] {
  const out: FlatElement[] = [];
  const walk = (container: Json, chain: Json[]) => {
    for (const el of childrenOf(container)) {
      const type = typeof el.type === 'string' ? el.type : '';
      const name = typeof el.name === 'string' || typeof el.name === 'number' ? String(el.name) : '';
      out.push({ json: el, type, name, containers: chain });
      if (type === 'panel') walk(el, [...chain, el]);
    }
  };
  for (const page of pagesOf(survey)) walk(page, [page]);
  return out;
}

/** Every string answer is capped, whatever the form says (a comment box is not a file upload). */
export const MAX_TEXT_LENGTH = 5000;

/**
 * The length limit of a text: its own maxLength when set (0: none), else the
 * survey's maxTextLength, as survey-core's getMaxLength; never above the cap.
 */
export function textLimit(own: unknown, surveyMax: unknown): number {
  const declared = typeof own === 'number' && own >= 0 ? own : typeof surveyMax === 'number' ? surveyMax : 0;
  return declared > 0 ? Math.min(declared, MAX_TEXT_LENGTH) : MAX_TEXT_LENGTH;
}

/** Types whose elements hold an answer. */
export const VALUE_TYPES = new Set([
  'radiogroup', 'checkbox', 'tagbox', 'boolean', 'rating', 'dropdown', 'text', 'comment', 'matrix', 'ranking',
  'multipletext', 'matrixdropdown', 'matrixdynamic', 'paneldynamic',
]);

/** Types whose answer is a list of choice values. */
export const MULTI_CHOICE_TYPES = new Set(['checkbox', 'tagbox']);

/** Types whose answer is one or more of a `choices` list. */
export const CHOICE_TYPES = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox', 'ranking']);

/** survey-core's defaults where a form leaves them out. */
export const DEFAULT_MATRIX_ROW_COUNT = 2;
export const DEFAULT_CELL_TYPE = 'dropdown';

/** The items of a multipletext question: { name, title, isRequired, inputType, ... }. */
export function itemsOf(q: Json): Json[] {
  if (!Array.isArray(q.items)) return [];
  return q.items
    .map((i): Json | null => (typeof i === 'string' ? { name: i } : isPlainObject(i) ? i : null))
    .filter((i): i is Json => i !== null && (typeof i.name === 'string' || typeof i.name === 'number'));
}

/** A matrixdropdown / matrixdynamic column as a question: its cellType (or the matrix's), and the matrix's choices when it has none. */
export interface Column {
  name: string;
  /** the column as a question JSON: type, choices and the column's own properties */
  json: Json;
  type: string;
  title: LocalText;
}

export function columnsOf(q: Json): Column[] {
  if (!Array.isArray(q.columns)) return [];
  const out: Column[] = [];
  for (const c of q.columns) {
    const col: Json | null = typeof c === 'string' ? { name: c } : isPlainObject(c) ? c : null;
    if (!col || (typeof col.name !== 'string' && typeof col.name !== 'number')) continue;
    const name = String(col.name);
    const type = typeof col.cellType === 'string' && col.cellType !== 'default'
      ? col.cellType
      : typeof q.cellType === 'string' ? q.cellType : DEFAULT_CELL_TYPE;
    const json: Json = { ...col, type, name };
    delete json.cellType;
    if (json.choices === undefined && q.choices !== undefined && (type === 'dropdown' || type === 'radiogroup' || type === 'checkbox' || type === 'tagbox')) json.choices = q.choices;
    out.push({ name, json, type, title: (col.title as LocalText | undefined) ?? name });
  }
  return out;
}

/** The questions of a paneldynamic's template, in order (panels inside it are not supported). */
export function templateOf(q: Json): Json[] {
  const list = Array.isArray(q.templateElements) ? q.templateElements : Array.isArray(q.template) ? q.template : [];
  return list.filter(isPlainObject);
}


/** The allowed values of a rating question, from rateValues or rateMin..rateMax by rateStep. */
export function ratingValues(q: Json): number[] {
  const explicit = choicesOf(q.rateValues);
  if (explicit.length > 0) return explicit.map((c) => Number(c.value));
  const min = typeof q.rateMin === 'number' ? q.rateMin : 1;
  const max = typeof q.rateMax === 'number' ? q.rateMax : 5;
  const step = typeof q.rateStep === 'number' && q.rateStep > 0 ? q.rateStep : 1;
  const out: number[] = [];
  for (let v = min, i = 0; v <= max + 1e-9 && i < 100; v = min + ++i * step) out.push(Number(v.toFixed(6)));
  return out;
}

/** The label shown for a rating value: the rateValues text, else the number. */
export function ratingChoices(q: Json): Choice[] {
  const explicit = choicesOf(q.rateValues);
  if (explicit.length > 0) return explicit;
  return ratingValues(q).map((v) => ({ value: v, text: String(v) }));
}

/** Whether a value counts as unanswered, as survey-core's Helpers.isValueEmpty decides. */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') {
    for (const k of Object.keys(v)) if (!isEmptyValue((v as Json)[k])) return false;
    return true;
  }
  if (typeof v === 'number') return Number.isNaN(v);
  return false;
}
