// Satisfaction indices. SIPAS (Bộ Nội vụ): 5 elements, configurable criteria,
// raw 1–5 answers; report the share at levels 4–5 and the mean per criterion,
// element and overall, so any official variant can be reproduced (law brief
// §4.1: the element index is the share of 4–5 answers across its criteria;
// the overall index is the mean of the element indices). One-stop counter
// rating (NĐ 61/2018 Đ29, Đ31): 3 levels per dossier and per officer, with
// the Đ31 reasons. Respondents stay anonymous: inputs carry no identity.
import { DEFAULT_RULES, type LegalRules, type OneStopLevel } from './legal-rules';
import type { LocalizedText } from './i18n';
import { viCollator } from './text';

export interface SipasCriterion {
  name: string;
  element: string;
  /** the criterion's text, and its element's, as the form words them (the results name them so) */
  title?: LocalizedText;
  elementTitle?: LocalizedText;
}

/** Numbers rounded for display, and the same as Vietnamese text ("83,3%", "4,12"). */
export interface Rounded {
  satisfiedPercent: number | null;
  mean: number | null;
  text: { satisfiedPercent: string; mean: string };
}

export interface SipasFigure {
  /** answers counted (skipped and out-of-scale answers excluded) */
  answers: number;
  /** answers at the satisfied levels (4–5) */
  satisfied: number;
  /** satisfied / answers, 0–1; null without answers */
  satisfiedShare: number | null;
  /** mean of the 1–5 answers; null without answers */
  mean: number | null;
  rounded: Rounded;
}

export interface SipasResult {
  respondents: number;
  criteria: (SipasFigure & { name: string; element: string; title?: LocalizedText })[];
  elements: (SipasFigure & { element: string; title?: LocalizedText; criteria: string[] })[];
  overall: SipasFigure & {
    /** the SIPAS index: mean of the element shares (elements without answers left out) */
    elementIndex: number | null;
    elementIndexRounded: Rounded;
  };
}

const percentFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const meanFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON) * f) / f;
}

function rounded(share: number | null, mean: number | null): Rounded {
  const satisfiedPercent = share === null ? null : round(share * 100, 1);
  const m = mean === null ? null : round(mean, 2);
  return {
    satisfiedPercent,
    mean: m,
    text: {
      satisfiedPercent: satisfiedPercent === null ? '–' : `${percentFormat.format(satisfiedPercent)}%`,
      mean: m === null ? '–' : meanFormat.format(m),
    },
  };
}

interface Acc { answers: number; satisfied: number; total: number }

function figure(acc: Acc): SipasFigure {
  const satisfiedShare = acc.answers > 0 ? acc.satisfied / acc.answers : null;
  const mean = acc.answers > 0 ? acc.total / acc.answers : null;
  return { answers: acc.answers, satisfied: acc.satisfied, satisfiedShare, mean, rounded: rounded(satisfiedShare, mean) };
}

/** A rating on the scale, or null when skipped or outside it (SurveyJS may send numbers or numeric strings). */
function rating(v: unknown, min: number, max: number): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/**
 * SIPAS figures from raw answers, one object per respondent
 * ({ criterion name: 1–5 }). Skipped answers are excluded from every count.
 * Elements and criteria come out in the order the criteria are given.
 */
export function sipasIndices(
  answers: Iterable<Readonly<Record<string, unknown>>>,
  criteria: readonly SipasCriterion[],
  rules: LegalRules = DEFAULT_RULES,
): SipasResult {
  const { scaleMin, scaleMax, satisfiedLevels } = rules.sipas.value;
  const isSatisfied = new Array<boolean>(scaleMax + 1).fill(false);
  for (const l of satisfiedLevels) isSatisfied[l] = true;
  const accs: Acc[] = criteria.map(() => ({ answers: 0, satisfied: 0, total: 0 }));
  let respondents = 0;
  for (const a of answers) {
    respondents += 1;
    for (let i = 0; i < criteria.length; i++) {
      const r = rating(a[criteria[i]!.name], scaleMin, scaleMax);
      if (r === null) continue;
      const acc = accs[i]!;
      acc.answers += 1;
      acc.total += r;
      if (isSatisfied[r]) acc.satisfied += 1;
    }
  }
  const elementOrder: string[] = [];
  const elementAcc = new Map<string, Acc & { criteria: string[]; title?: LocalizedText }>();
  const all: Acc = { answers: 0, satisfied: 0, total: 0 };
  criteria.forEach((c, i) => {
    const acc = accs[i]!;
    let e = elementAcc.get(c.element);
    if (!e) {
      e = { answers: 0, satisfied: 0, total: 0, criteria: [] };
      elementAcc.set(c.element, e);
      elementOrder.push(c.element);
    }
    e.answers += acc.answers;
    e.satisfied += acc.satisfied;
    e.total += acc.total;
    e.criteria.push(c.name);
    if (!e.title && c.elementTitle) e.title = c.elementTitle;
    all.answers += acc.answers;
    all.satisfied += acc.satisfied;
    all.total += acc.total;
  });
  const elements = elementOrder.map((element) => {
    const e = elementAcc.get(element)!;
    return { element, ...(e.title ? { title: e.title } : {}), criteria: e.criteria, ...figure(e) };
  });
  const shares = elements.map((e) => e.satisfiedShare).filter((s): s is number => s !== null);
  const elementIndex = shares.length > 0 ? shares.reduce((x, y) => x + y, 0) / shares.length : null;
  return {
    respondents,
    criteria: criteria.map((c, i) => ({ name: c.name, element: c.element, ...(c.title ? { title: c.title } : {}), ...figure(accs[i]!) })),
    elements,
    overall: { ...figure(all), elementIndex, elementIndexRounded: rounded(elementIndex, null) },
  };
}

export interface OneStopRating {
  officerId?: string | null;
  procedure?: string | null;
  level: OneStopLevel;
  /** Đ31 reason codes, usually given with a negative rating */
  reasons?: string[];
}

export interface OneStopSummary {
  total: number;
  counts: Record<OneStopLevel, number>;
  /** (very satisfied + satisfied) / total, 0–1; null without ratings */
  satisfiedShare: number | null;
  satisfiedPercent: number | null;
  /** reasons given, most frequent first */
  reasons: { code: string; label: LocalizedText; count: number }[];
}

export interface OneStopResult {
  overall: OneStopSummary;
  byOfficer: (OneStopSummary & { officerId: string })[];
  byProcedure: (OneStopSummary & { procedure: string })[];
}

/**
 * One-stop counter ratings summarised overall, per officer and per procedure.
 * Ratings without an officer or procedure count only in the overall figure.
 * Unknown reason codes are kept as given (labelled with the code), so nothing
 * a citizen chose disappears.
 */
export function oneStopRatings(ratings: Iterable<OneStopRating>, rules: LegalRules = DEFAULT_RULES): OneStopResult {
  const { levels, satisfiedLevels } = rules.oneStop.value;
  const labels = new Map(rules.oneStopReasons.value.map((r) => [r.code, r.label]));
  interface Acc2 { total: number; counts: Record<OneStopLevel, number>; reasons: Map<string, number> }
  const fresh = (): Acc2 => ({
    total: 0,
    counts: Object.fromEntries(levels.map((l) => [l, 0])) as Record<OneStopLevel, number>,
    reasons: new Map(),
  });
  const overall = fresh();
  const officers = new Map<string, Acc2>();
  const procedures = new Map<string, Acc2>();
  const add = (acc: Acc2, r: OneStopRating) => {
    acc.total += 1;
    acc.counts[r.level] = (acc.counts[r.level] ?? 0) + 1;
    for (const code of new Set(r.reasons ?? [])) acc.reasons.set(code, (acc.reasons.get(code) ?? 0) + 1);
  };
  for (const r of ratings) {
    if (!levels.includes(r.level)) continue;
    add(overall, r);
    if (r.officerId) {
      let a = officers.get(r.officerId);
      if (!a) officers.set(r.officerId, (a = fresh()));
      add(a, r);
    }
    if (r.procedure) {
      let a = procedures.get(r.procedure);
      if (!a) procedures.set(r.procedure, (a = fresh()));
      add(a, r);
    }
  }
  const summary = (acc: Acc2): OneStopSummary => {
    const satisfied = satisfiedLevels.reduce((s, l) => s + (acc.counts[l] ?? 0), 0);
    const share = acc.total > 0 ? satisfied / acc.total : null;
    return {
      total: acc.total,
      counts: acc.counts,
      satisfiedShare: share,
      satisfiedPercent: share === null ? null : round(share * 100, 1),
      reasons: [...acc.reasons.entries()]
        .map(([code, count]) => ({ code, label: labels.get(code) ?? { vi: code, en: code }, count }))
        .sort((a, b) => b.count - a.count || viCollator.compare(a.code, b.code)),
    };
  };
  const sorted = <K extends string>(m: Map<string, Acc2>, key: K) =>
    [...m.entries()].sort(([a], [b]) => viCollator.compare(a, b)).map(([id, acc]) => ({ [key]: id, ...summary(acc) }) as OneStopSummary & Record<K, string>);
  return { overall: summary(overall), byOfficer: sorted(officers, 'officerId'), byProcedure: sorted(procedures, 'procedure') };
}
