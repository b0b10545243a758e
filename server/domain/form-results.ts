// Every question of a form summed up from its answers, with the form's own
// labels: what the answered kinds (consultation, satisfaction) publish beside
// their own indices, so nothing a person answered is lost from the results.
// Choices are counted ("other" and "none" too), ratings get their
// distribution, mean and scale, booleans their labels, matrices their tables,
// rankings the mean rank and first places, numbers their mean and range,
// dates their range. Free texts are only counted here: their words go to
// staff (`texts`), to be grouped under themes; personal data (a name, a
// phone, an e-mail) is counted and never listed at all.
//
// A field is personal when the form says so (`personal: true` on the
// question, a panel around it, a multipletext item or a matrix column: a
// property the project registers with survey-core) or when its inputType is
// tel or email.
import type { LocalizedText } from './i18n';
import type { SnapshotChoice, SnapshotField, SnapshotFieldResult, SnapshotFormQuestion, SnapshotMatrixRow } from './results/form';
import type { SnapshotTheme } from './results/snapshot';
import {
  COMMENT_SUFFIX, NONE_VALUE, OTHER_VALUE, choicesOf, columnsOf, flattenElements, isEmptyValue, isPlainObject, itemsOf, localText,
  localTexts, pagesOf, ratingChoices, ratingValues, templateOf, VALUE_TYPES, type Json, type Lang,
} from './survey/definition';
import { resolvePlaceholders } from './survey/placeholders';

export interface FormBallot {
  id: string;
  answers: Readonly<Record<string, unknown>>;
}

/** A free text someone wrote, for staff: its ballot, where it was written (a key) and that place's label. */
export interface FormText {
  ballotId: string;
  /** the question's name; `name.item`, `name[row].column` or `name[n].question` inside a question */
  question: string;
  text: string;
  label: LocalizedText;
}

export interface FormSummary {
  respondents: number;
  questions: SnapshotFormQuestion[];
  /** every free text and "other" note, ballot by ballot in the form's order */
  texts: FormText[];
}

const WORDS = {
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  other: { vi: 'Khác', en: 'Other' },
  none: { vi: 'Không chọn mục nào', en: 'None of these' },
  row: { vi: 'dòng', en: 'row' },
  entry: { vi: 'mục', en: 'entry' },
} satisfies Record<string, LocalizedText>;

/** "Tiêu đề › Dòng" in both languages. */
const joinLabels = (...parts: LocalizedText[]): LocalizedText => ({
  vi: parts.map((p) => p.vi).join(' › '),
  en: parts.map((p) => p.en).join(' › '),
});

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const meanOf = (sum: number, n: number) => (n > 0 ? round4(sum / n) : null);

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.normalize('NFC').trim() : null);

const asNumber = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

/** A choice list as the results show it: values as strings, texts in both languages. */
const labelled = (list: { value: string | number; text: unknown }[]): SnapshotChoice[] =>
  list.map((c) => ({ value: String(c.value), text: localTexts(c.text, String(c.value)) }));

/** Where a text was written, handed to a field when it sums up one answer. */
type Emit = (text: string) => void;

interface FieldAcc {
  answered: number;
  /** one answer (and the "other" note beside it) */
  add(value: unknown, note: unknown, emit: Emit): void;
  result(): SnapshotFieldResult;
}

function counter(choices: SnapshotChoice[]) {
  const counts: Record<string, number> = {};
  for (const c of choices) counts[c.value] = 0;
  const bump = (k: string) => {
    if (!(k in counts)) {
      // a value the form does not list (a form edited after answers came): counted under its own value
      choices.push({ value: k, text: { vi: k, en: k } });
      counts[k] = 0;
    }
    counts[k]! += 1;
  };
  return { counts, bump };
}

/** Whether a question, item or column is personal data: marked so, or a phone or e-mail box. */
const isPersonal = (q: Json) => q.personal === true || q.inputType === 'tel' || q.inputType === 'email';

/** The summing up of one field of `type` (a question, a matrix column, a multipletext item). */
function fieldAcc(q: Json, type: string, personal: boolean): FieldAcc | null {
  const acc = { answered: 0 };
  const answered = (v: unknown) => {
    if (isEmptyValue(v)) return false;
    acc.answered += 1;
    return true;
  };
  if (personal || isPersonal(q)) {
    return Object.assign(acc, { add: (v: unknown) => void answered(v), result: (): SnapshotFieldResult => ({ kind: 'personal' }) });
  }
  switch (type) {
    case 'radiogroup':
    case 'dropdown':
    case 'checkbox':
    case 'tagbox': {
      const choices = labelled(choicesOf(q.choices));
      if (q.showNoneItem ?? q.hasNone) choices.push({ value: NONE_VALUE, text: withDefault(q.noneText, WORDS.none) });
      if (q.showOtherItem ?? q.hasOther) choices.push({ value: OTHER_VALUE, text: withDefault(q.otherText, WORDS.other) });
      const { counts, bump } = counter(choices);
      const multiple = type === 'checkbox' || type === 'tagbox';
      return Object.assign(acc, {
        add(v: unknown, note: unknown, emit: Emit) {
          if (!answered(v)) return;
          const values = Array.isArray(v) ? [...new Set(v.map(String))] : [String(v)];
          for (const x of values) bump(x);
          const t = text(note);
          if (t !== null) emit(t);
        },
        result: (): SnapshotFieldResult => ({ kind: 'choice', multiple, choices, counts }),
      });
    }
    case 'boolean': {
      const choices = [
        { value: 'true', text: withDefault(q.labelTrue, WORDS.yes) },
        { value: 'false', text: withDefault(q.labelFalse, WORDS.no) },
      ];
      const { counts, bump } = counter(choices);
      return Object.assign(acc, {
        add(v: unknown) {
          if (answered(v)) bump(v === true || v === 'true' ? 'true' : v === false || v === 'false' ? 'false' : String(v));
        },
        result: (): SnapshotFieldResult => ({ kind: 'boolean', choices, counts }),
      });
    }
    case 'rating': {
      const choices = labelled(ratingChoices(q));
      const { counts, bump } = counter(choices);
      const values = ratingValues(q);
      let sum = 0;
      let n = 0;
      return Object.assign(acc, {
        add(v: unknown) {
          if (!answered(v)) return;
          bump(String(v));
          const x = asNumber(v);
          if (x !== null) {
            sum += x;
            n += 1;
          }
        },
        result: (): SnapshotFieldResult => ({
          kind: 'rating', choices, counts, mean: meanOf(sum, n),
          scale: {
            min: values.length ? Math.min(...values) : 0,
            max: values.length ? Math.max(...values) : 0,
            minText: q.minRateDescription === undefined ? null : localTexts(q.minRateDescription, ''),
            maxText: q.maxRateDescription === undefined ? null : localTexts(q.maxRateDescription, ''),
          },
        }),
      });
    }
    case 'ranking': {
      const choices = labelled(choicesOf(q.choices));
      const first: Record<string, number> = {};
      const ranked: Record<string, number> = {};
      const sums: Record<string, number> = {};
      for (const c of choices) first[c.value] = ranked[c.value] = sums[c.value] = 0;
      return Object.assign(acc, {
        add(v: unknown) {
          if (!answered(v) || !Array.isArray(v)) return;
          v.map(String).forEach((item, i) => {
            if (!(item in ranked)) {
              choices.push({ value: item, text: { vi: item, en: item } });
              first[item] = ranked[item] = sums[item] = 0;
            }
            ranked[item]! += 1;
            sums[item]! += i + 1;
            if (i === 0) first[item]! += 1;
          });
        },
        result: (): SnapshotFieldResult => ({
          kind: 'ranking', choices, first, ranked,
          meanRank: Object.fromEntries(choices.map((c) => [c.value, meanOf(sums[c.value]!, ranked[c.value]!)])),
        }),
      });
    }
    case 'text':
    case 'comment': {
      if (type === 'text' && q.inputType === 'number') {
        let sum = 0;
        let n = 0;
        let min: number | null = null;
        let max: number | null = null;
        return Object.assign(acc, {
          add(v: unknown) {
            const x = asNumber(v);
            if (!answered(v) || x === null) return;
            sum += x;
            n += 1;
            min = min === null ? x : Math.min(min, x);
            max = max === null ? x : Math.max(max, x);
          },
          result: (): SnapshotFieldResult => ({ kind: 'number', mean: meanOf(sum, n), min, max }),
        });
      }
      if (type === 'text' && q.inputType === 'date') {
        let earliest: string | null = null;
        let latest: string | null = null;
        return Object.assign(acc, {
          add(v: unknown) {
            if (!answered(v) || typeof v !== 'string') return;
            if (earliest === null || v < earliest) earliest = v;
            if (latest === null || v > latest) latest = v;
          },
          result: (): SnapshotFieldResult => ({ kind: 'date', earliest, latest }),
        });
      }
      return Object.assign(acc, {
        add(v: unknown, _note: unknown, emit: Emit) {
          if (!answered(v)) return;
          const t = typeof v === 'string' ? text(v) : String(v);
          if (t !== null) emit(t);
        },
        result: (): SnapshotFieldResult => ({ kind: 'text' }),
      });
    }
    default:
      return null;
  }
}

/** The text in both languages, or the project's word when the form leaves it out. */
function withDefault(t: unknown, fallback: LocalizedText): LocalizedText {
  return { vi: localText(t, 'vi', fallback.vi), en: localText(t, 'en', fallback.en) };
}

interface Compiled {
  add(answers: Readonly<Record<string, unknown>>, ballotId: string, out: FormText[]): void;
  result(): SnapshotFormQuestion;
}

/**
 * Sums up every question of `survey` over `ballots`. Questions come out in
 * the form's order (panels and pages walked through, html left out), each
 * with its title and the title of the panel or page it sits in.
 */
export function summariseForm(survey: Json, ballots: Iterable<FormBallot>): FormSummary {
  const pages = pagesOf(survey);
  const elements = flattenElements(survey);
  const names = new Set(elements.map((e) => e.name.toLowerCase()).filter((n) => n !== ''));
  // "{name}" in a title shows an answer: in the results there is none to show
  const resolve = (t: LocalizedText, page: number | null): LocalizedText => {
    const one = (s: string, lang: Lang) => resolvePlaceholders(s, (n) => {
      const key = n.toLowerCase();
      if (key === 'pageno' && page !== null) return String(page);
      if (key === 'pagecount') return String(pages.length);
      if (key === 'locale') return lang;
      return names.has(key) ? '…' : undefined;
    });
    return { vi: one(t.vi, 'vi'), en: one(t.en, 'en') };
  };
  const compiled: Compiled[] = [];
  for (const el of elements) {
    if (!VALUE_TYPES.has(el.type)) continue;
    const pageIndex = pages.indexOf(el.containers[0]!);
    const page = pageIndex >= 0 ? pageIndex + 1 : null;
    const title = resolve(localTexts(el.json.title, el.name), page);
    const personal = el.containers.some((c) => c.personal === true) || el.json.personal === true;
    const panel = [...el.containers.slice(1)].reverse().find((c) => c.title !== undefined && localText(c.title, 'vi') !== '');
    const pageTitle = pages.length > 1 && el.containers[0]?.title !== undefined ? el.containers[0].title : undefined;
    const section = panel ? resolve(localTexts(panel.title, ''), page) : pageTitle !== undefined ? resolve(localTexts(pageTitle, ''), page) : null;
    // a read-only question holds the form's own default, nobody's opinion
    const readOnly = survey.mode === 'display' || el.json.readOnly === true || el.containers.some((x) => x.readOnly === true);
    const c = compileQuestion(el.json, el.type, el.name, title, { personal, readOnly }, section, resolve);
    if (c) compiled.push(c);
  }
  const texts: FormText[] = [];
  let respondents = 0;
  for (const b of ballots) {
    respondents += 1;
    for (const c of compiled) c.add(b.answers, b.id, texts);
  }
  return { respondents, questions: compiled.map((c) => c.result()), texts };
}

function compileQuestion(
  q: Json, type: string, name: string, title: LocalizedText, { personal, readOnly }: { personal: boolean; readOnly: boolean },
  section: LocalizedText | null, resolve: (t: LocalizedText, page: number | null) => LocalizedText,
): Compiled | null {
  const head = { name, title, section };
  let answered = 0;
  const counted = (v: unknown) => {
    if (isEmptyValue(v)) return false;
    answered += 1;
    return true;
  };
  const texts = (out: FormText[], ballotId: string, question: string, label: LocalizedText): Emit =>
    readOnly ? () => {} : (t) => out.push({ ballotId, question, text: t, label });
  /** A field inside the question (item, column, template question) with its own name and title. */
  const part = (json: Json, partType: string, partName: string, partTitle: unknown) => ({
    name: partName,
    title: resolve(localTexts(partTitle, partName), null),
    acc: fieldAcc(json, partType, personal),
  });
  const field = (p: { name: string; title: LocalizedText; acc: FieldAcc | null }): SnapshotField | null =>
    p.acc ? ({ name: p.name, title: p.title, answered: p.acc.answered, ...p.acc.result() } as SnapshotField) : null;
  const fields = (ps: { name: string; title: LocalizedText; acc: FieldAcc | null }[]) => ps.map(field).filter((f): f is SnapshotField => f !== null);

  switch (type) {
    case 'matrix': {
      const columns = labelled(choicesOf(q.columns));
      const numeric = columns.length > 0 && choicesOf(q.columns).every((c) => typeof c.value === 'number');
      const rows = labelled(choicesOf(q.rows)).map((r) => ({ ...r, acc: counter(columns.map((c) => ({ ...c }))), answered: 0, sum: 0 }));
      return {
        add(answers) {
          const v = answers[name];
          if (personal) return void counted(v);
          if (!counted(v) || !isPlainObject(v)) return;
          for (const [rowValue, col] of Object.entries(v)) {
            if (isEmptyValue(col)) continue;
            let row = rows.find((r) => r.value === rowValue);
            if (!row) rows.push((row = { value: rowValue, text: { vi: rowValue, en: rowValue }, acc: counter(columns.map((c) => ({ ...c }))), answered: 0, sum: 0 }));
            row.answered += 1;
            row.acc.bump(String(col));
            row.sum += asNumber(col) ?? 0;
          }
        },
        result: () => (personal
          ? { ...head, answered, kind: 'personal' }
          : {
              ...head, answered, kind: 'matrix', columns,
              rows: rows.map((r): SnapshotMatrixRow => ({ value: r.value, text: r.text, answered: r.answered, counts: r.acc.counts, mean: numeric ? meanOf(r.sum, r.answered) : null })),
            }),
      };
    }
    case 'matrixdropdown': {
      const columns = columnsOf(q);
      const rows = labelled(choicesOf(q.rows)).map((r) => ({ ...r, answered: 0, cells: columns.map((c) => part(c.json, c.type, c.name, c.title)) }));
      return {
        add(answers, ballotId, out) {
          const v = answers[name];
          if (!counted(v) || !isPlainObject(v)) return;
          for (const row of rows) {
            const cells = v[row.value];
            if (isEmptyValue(cells) || !isPlainObject(cells)) continue;
            row.answered += 1;
            for (const cell of row.cells) {
              cell.acc?.add(cells[cell.name], undefined, texts(out, ballotId, `${name}[${row.value}].${cell.name}`, joinLabels(title, row.text, cell.title)));
            }
          }
        },
        result: () => ({ ...head, answered, kind: 'matrixdropdown', rows: rows.map((r) => ({ value: r.value, text: r.text, answered: r.answered, cells: fields(r.cells) })) }),
      };
    }
    case 'multipletext':
    case 'matrixdynamic':
    case 'paneldynamic': {
      const parts = type === 'multipletext'
        ? itemsOf(q).map((i) => part({ ...i, type: 'text' }, 'text', String(i.name), i.title))
        : type === 'matrixdynamic'
          ? columnsOf(q).map((c) => part(c.json, c.type, c.name, c.title))
          : templateOf(q).filter((t) => typeof t.name === 'string' && VALUE_TYPES.has(String(t.type))).map((t) => part(t, t.type as string, t.name as string, t.title));
      const where = type === 'matrixdynamic' ? WORDS.row : WORDS.entry;
      let entries = 0;
      return {
        add(answers, ballotId, out) {
          const v = answers[name];
          if (!counted(v)) return;
          const list = type === 'multipletext' ? [v] : Array.isArray(v) ? v : [];
          list.forEach((entry, i) => {
            if (!isPlainObject(entry) || isEmptyValue(entry)) return;
            entries += 1;
            for (const p of parts) {
              const key = type === 'multipletext' ? `${name}.${p.name}` : `${name}[${i + 1}].${p.name}`;
              const label = type === 'multipletext'
                ? joinLabels(title, p.title)
                : joinLabels(title, { vi: `${p.title.vi} (${where.vi} ${i + 1})`, en: `${p.title.en} (${where.en} ${i + 1})` });
              p.acc?.add(entry[p.name], entry[p.name + COMMENT_SUFFIX], texts(out, ballotId, key, label));
            }
          });
        },
        result: () => ({ ...head, answered, kind: type, entries, parts: fields(parts) }),
      };
    }
    default: {
      const acc = fieldAcc(q, type, personal);
      if (!acc) return null;
      const otherLabel = joinLabels(title, withDefault(q.otherText, WORDS.other));
      return {
        add(answers, ballotId, out) {
          const emit = texts(out, ballotId, name, type === 'text' || type === 'comment' ? title : otherLabel);
          acc.add(answers[name], answers[name + COMMENT_SUFFIX], emit);
        },
        result: () => ({ ...head, answered: acc.answered, ...acc.result() }) as SnapshotFormQuestion,
      };
    }
  }
}

/**
 * The themes staff grouped written answers under, each with how many it
 * holds, and the written answers not yet under any. An answer is one
 * (ballot, place) pair; an assignment naming no answer is not counted.
 */
export function groupTexts(
  texts: readonly Pick<FormText, 'ballotId' | 'question'>[],
  themes: readonly Omit<SnapshotTheme, 'count'>[],
  assignments: readonly { ballotId: string; question: string; themeId: string }[],
): { themes: SnapshotTheme[]; ungrouped: number; themeOf: (t: Pick<FormText, 'ballotId' | 'question'>) => string | null } {
  const key = (t: { ballotId: string; question: string }) => `${t.ballotId}\u0000${t.question}`;
  const known = new Set(texts.map(key));
  const assigned = new Map<string, string>();
  for (const a of assignments) if (known.has(key(a))) assigned.set(key(a), a.themeId);
  const counts = new Map<string, number>();
  for (const themeId of assigned.values()) counts.set(themeId, (counts.get(themeId) ?? 0) + 1);
  return {
    themes: themes.map((t) => ({
      id: t.id, title: t.title, response: t.response, accepted: t.accepted, count: counts.get(t.id) ?? 0,
      ...(t.departsFromMajority !== undefined ? { departsFromMajority: t.departsFromMajority, departureReason: t.departureReason ?? '' } : {}),
    })),
    ungrouped: texts.filter((t) => !assigned.has(key(t))).length,
    themeOf: (t) => assigned.get(key(t)) ?? null,
  };
}
