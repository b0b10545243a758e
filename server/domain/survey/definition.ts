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

/** Types whose elements hold an answer. */
export const VALUE_TYPES = new Set(['radiogroup', 'checkbox', 'boolean', 'rating', 'dropdown', 'text', 'comment', 'matrix']);


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
