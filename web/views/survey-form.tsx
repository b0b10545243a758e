/** @jsxImportSource hono/jsx */
// A SurveyJS form rendered on the server as plain HTML: it works with
// JavaScript off on any phone at 360 px (DESIGN §4), and posts the field
// names that formToAnswers reads back. Text from the JSON is always escaped
// (Hono JSX); the `html` element is shown as a sanitised subset of HTML
// (safe-html.ts), never raw. Questions shown or enabled only under a
// condition stay in the page with a note saying when to answer them, and
// carry data-visible-if / data-enable-if for a script to hide or disable
// them. Matrices are laid out one row per block, so no page is wider than a
// phone; lists of rows or panels offer their extra entries in <details>.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import {
  NONE_VALUE,
  OTHER_VALUE,
  VALUE_TYPES,
  DEFAULT_MATRIX_ROW_COUNT,
  childrenOf,
  choicesOf,
  columnsOf,
  flattenElements,
  isEmptyValue,
  isPlainObject,
  itemsOf,
  localText,
  pagesOf,
  ratingChoices,
  templateOf,
  textLimit,
  type Choice,
  type Json,
  type Lang,
  type Text,
} from '../../server/domain/survey/definition';
import { parseCondition, type Condition, type Literal } from '../../server/domain/survey/expressions';
import { commentField, entryField, matrixField } from '../../server/domain/survey/form-data';
import { displayValue, resolvePlaceholders, splitPlaceholders, type Lookup } from '../../server/domain/survey/placeholders';
import { orderChoices } from '../../server/domain/survey/choice-order';
import { fitDefault } from '../../server/domain/survey/supported';
import { escapeHtml, sanitiseHtml } from './safe-html';

export interface SurveyFormError {
  question: string;
  message: Text;
}

export interface SurveyFormProps {
  json: Json;
  /** the answers to show again (a form sent back with errors); without them, questions show their defaultValue */
  answers?: Record<string, unknown>;
  errors?: SurveyFormError[];
  lang: Lang;
  action: string;
  hiddenFields?: Record<string, string>;
  submitLabel?: Text;
  /** the page already shows the survey's title (e.g. as its h1) */
  hideTitle?: boolean;
  /** fixes choicesOrder "random": one seed, one order (default: the action, which holds the ballot's serial) */
  seed?: string;
}

/** At most this many entries of a list (rows or panels) are offered without JavaScript, unless the form allows fewer. */
export const MAX_OFFERED_ENTRIES = 10;

const UI = {
  required: { vi: '(bắt buộc)', en: '(required)' },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  submit: { vi: 'Gửi', en: 'Submit' },
  other: { vi: 'Khác', en: 'Other' },
  otherWrite: { vi: 'Ghi rõ', en: 'Please specify' },
  none: { vi: 'Không chọn mục nào', en: 'None of these' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  summary: { vi: 'Vui lòng sửa các câu sau rồi gửi lại:', en: 'Please correct the following and submit again:' },
  onlyIf: { vi: 'chỉ trả lời nếu', en: 'answer only if' },
  readOnly: { vi: '(chỉ xem, không cần trả lời)', en: '(for reading only, no answer needed)' },
  display: { vi: 'Biểu mẫu này chỉ để xem, không nhận câu trả lời.', en: 'This form is for reading only; it takes no answers.' },
  rank: { vi: 'Hạng', en: 'Rank' },
  rankHint: { vi: 'Chọn mục cho từng hạng, hạng 1 là cao nhất; mỗi mục một hạng.', en: 'Choose an option for each rank, 1 being the highest; each option once.' },
  rankSomeHint: { vi: 'Chọn mục cho những hạng bạn muốn, hạng 1 là cao nhất; mỗi mục một hạng.', en: 'Choose an option for the ranks you want, 1 being the highest; each option once.' },
  row: { vi: 'Dòng', en: 'Row' },
  entry: { vi: 'Mục', en: 'Entry' },
  addRow: { vi: 'Thêm dòng', en: 'Add a row' },
  addEntry: { vi: 'Thêm mục', en: 'Add an entry' },
  dateHint: { vi: 'ngày/tháng/năm', en: 'dd/mm/yyyy' },
  requiredIf: { vi: 'bắt buộc nếu', en: 'required if' },
} satisfies Record<string, Text>;

interface Ctx {
  lang: Lang;
  answers: Record<string, unknown>;
  /** a first render: questions show their defaultValue */
  fresh: boolean;
  errors: Map<string, string>;
  titles: Map<string, string>;
  choices: Map<string, Choice[]>;
  /** top-level questions by lower-case name, for {name} placeholders */
  questions: Map<string, { q: Json; type: string; name: string }>;
  seed: string;
  maxTextLength: unknown;
  maxOthersLength: unknown;
  pageNo: number;
  pageCount: number;
}

const t = (ctx: Ctx, text: Text) => text[ctx.lang];

/** Placeholder values: built-ins, the given locals ({panelIndex}, {panel.x}), then questions. */
function lookup(ctx: Ctx, locals?: Record<string, string>): Lookup {
  return (name) => {
    const lower = name.toLowerCase();
    if (lower === 'pageno') return String(ctx.pageNo);
    if (lower === 'pagecount') return String(ctx.pageCount);
    if (lower === 'locale') return ctx.lang;
    if (locals) {
      const hit = Object.keys(locals).find((k) => k.toLowerCase() === lower);
      if (hit !== undefined) return locals[hit];
    }
    const q = ctx.questions.get(lower);
    return q ? displayValue(q.q, q.type, current(ctx, q.q, ctx.answers[q.name]), ctx.lang) : undefined;
  };
}

/** A localised text with its placeholders resolved. */
function str(ctx: Ctx, v: unknown, fallback = '', locals?: Record<string, string>): string {
  return resolvePlaceholders(localText(v, ctx.lang, fallback), lookup(ctx, locals));
}

/** A title or description: question placeholders become spans the script keeps up to date. */
function rich(ctx: Ctx, v: unknown, fallback = '', locals?: Record<string, string>): Child {
  const text = localText(v, ctx.lang, fallback);
  if (!text.includes('{')) return text;
  const look = lookup(ctx, locals);
  return (
    <>
      {splitPlaceholders(text, look).map((part) => {
        if (typeof part === 'string') return part;
        const q = ctx.questions.get(part.name.toLowerCase());
        return q && !(locals && part.name in locals) ? <span class="ph" data-ph={q.name}>{part.value}</span> : part.value;
      })}
    </>
  );
}

/** The value a question shows: the answer, or its defaultValue on a first render (and always when it is read-only). */
function current(ctx: Ctx, q: Json, answer: unknown, readOnly = false): unknown {
  if (answer !== undefined) return answer;
  return (ctx.fresh || readOnly) && q.defaultValue !== undefined ? fitDefault(q, String(q.type)).value : undefined;
}

function quoted(s: string) {
  return `“${s}”`;
}

function literalText(ctx: Ctx, name: string, v: Literal): string {
  const hit = ctx.choices.get(name)?.find((c) => String(c.value) === String(v));
  if (hit) return str(ctx, hit.text, String(v));
  if (String(v) === OTHER_VALUE) return t(ctx, UI.other);
  if (typeof v === 'boolean') return t(ctx, v ? UI.yes : UI.no);
  return String(v);
}

/** "câu “Ý kiến…” là “Ý kiến khác”": the condition in words, for readers without JavaScript. */
function describe(ctx: Ctx, c: Condition): string {
  const vi = ctx.lang === 'vi';
  switch (c.kind) {
    case 'and':
      return `${describe(ctx, c.left)} ${vi ? 'và' : 'and'} ${describe(ctx, c.right)}`;
    case 'or':
      return `${describe(ctx, c.left)} ${vi ? 'hoặc' : 'or'} ${describe(ctx, c.right)}`;
    case 'test': {
      const q = quoted(ctx.titles.get(c.name) ?? c.name);
      if (c.op === 'notempty') return vi ? `đã trả lời câu ${q}` : `you answered ${q}`;
      return vi ? `chưa trả lời câu ${q}` : `you left ${q} unanswered`;
    }
    case 'anyof': {
      const q = quoted(ctx.titles.get(c.name) ?? c.name);
      const all = c.op === 'allof';
      const vals = c.values.map((v) => quoted(literalText(ctx, c.name, v))).join(vi ? (all ? ' và ' : ' hoặc ') : all ? ' and ' : ' or ');
      if (c.op === 'noneof') return vi ? `ở câu ${q} không chọn ${vals}` : `your answer to ${q} is none of ${vals}`;
      if (all) return vi ? `ở câu ${q} chọn cả ${vals}` : `your answer to ${q} includes ${vals}`;
      return vi ? `ở câu ${q} chọn ${vals}` : `your answer to ${q} is ${vals}`;
    }
    case 'compare': {
      const q = quoted(ctx.titles.get(c.name) ?? c.name);
      const v = quoted(literalText(ctx, c.name, c.value));
      switch (c.op) {
        case '=': return vi ? `ở câu ${q} chọn ${v}` : `your answer to ${q} is ${v}`;
        case '!=': return vi ? `ở câu ${q} không chọn ${v}` : `your answer to ${q} is not ${v}`;
        case 'contains': return vi ? `ở câu ${q} có chọn ${v}` : `your answer to ${q} includes ${v}`;
        case 'notcontains': return vi ? `ở câu ${q} không có ${v}` : `your answer to ${q} does not include ${v}`;
        case '>': return vi ? `câu ${q} lớn hơn ${v}` : `your answer to ${q} is more than ${v}`;
        case '>=': return vi ? `câu ${q} từ ${v} trở lên` : `your answer to ${q} is ${v} or more`;
        case '<': return vi ? `câu ${q} nhỏ hơn ${v}` : `your answer to ${q} is less than ${v}`;
        case '<=': return vi ? `câu ${q} không quá ${v}` : `your answer to ${q} is ${v} or less`;
      }
    }
  }
}

/**
 * "(chỉ trả lời nếu …)" for an element's visibleIf and enableIf, both when it
 * has both; a required question shown only under a condition is required only
 * then, so its note says "(bắt buộc nếu …)" instead of a fixed mark.
 */
function conditionNote(ctx: Ctx, owner: Json, required = false): Child {
  const parts: string[] = [];
  for (const src of [owner.visibleIf, owner.enableIf]) {
    if (typeof src !== 'string') continue;
    try {
      parts.push(describe(ctx, parseCondition(src)));
    } catch {
      continue;
    }
  }
  if (parts.length === 0) return null;
  const label = required && typeof owner.visibleIf === 'string' ? UI.requiredIf : UI.onlyIf;
  return <p class="description condition">({t(ctx, label)} {parts.join(ctx.lang === 'vi' ? ' và ' : ' and ')})</p>;
}

const conditionAttrs = (owner: Json) => ({
  'data-visible-if': typeof owner.visibleIf === 'string' ? owner.visibleIf : undefined,
  'data-enable-if': typeof owner.enableIf === 'string' ? owner.enableIf : undefined,
});

const asStrings = (v: unknown): string[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v.map((x) => String(x)) : [String(v)];

/** Where one question is drawn: top-level, or a cell, item or panel question inside a list question. */
interface Slot {
  q: Json;
  type: string;
  name: string;
  /** the POST field name */
  field: string;
  /** the "Other" note's POST field name */
  noteField: string;
  id: string;
  value: unknown;
  note: unknown;
  readOnly: boolean;
  /** a top-level question: it carries the error, the condition attributes and notes */
  top: boolean;
  invalid: boolean;
  describedBy?: string;
  locals?: Record<string, string>;
}

function topSlot(ctx: Ctx, q: Json, readOnly: boolean): Slot {
  const name = String(q.name ?? '');
  const error = ctx.errors.get(name);
  const id = `q-${name}`;
  const ids = [q.description !== undefined && str(ctx, q.description) ? `${id}-desc` : '', error ? `${id}-error` : ''].filter(Boolean);
  const fixed = readOnly || q.readOnly === true;
  return {
    q, type: String(q.type), name, field: name, noteField: commentField(name), id,
    // a read-only question's answer is never sent: it shows its default
    value: current(ctx, q, fixed ? undefined : ctx.answers[name], fixed), note: ctx.answers[commentField(name)],
    readOnly: fixed, top: true, invalid: Boolean(error), describedBy: ids.length ? ids.join(' ') : undefined,
  };
}

/** A question inside a list question: its field is `<parent>[<key>]`, its value from the parent's object. */
function innerSlot(ctx: Ctx, parent: Slot, q: Json, type: string, name: string, key: string, idPart: string, holder: unknown, locals?: Record<string, string>): Slot {
  const obj = isPlainObject(holder) ? holder : {};
  const readOnly = parent.readOnly || q.readOnly === true;
  return {
    q, type, name, field: entryField(parent.field, key), noteField: entryField(parent.field, `${key}-Comment`), id: `${parent.id}-${idPart}`,
    value: current(ctx, q, obj[key], readOnly), note: obj[`${key}-Comment`],
    readOnly, top: false, invalid: parent.invalid, describedBy: parent.describedBy,
    locals: locals ?? parent.locals,
  };
}

/** The title with its required mark. */
function Title(props: { ctx: Ctx; s: Slot }): Child {
  const { ctx, s } = props;
  return (
    <>
      {rich(ctx, s.q.title, s.name, s.locals)}
      {/* a question shown only under a condition is required only then: its note says so instead */}
      {s.q.isRequired === true && !s.readOnly && typeof s.q.visibleIf !== 'string' ? <> <span class="required">{t(ctx, UI.required)}</span></> : null}
    </>
  );
}

/** The description, the condition note, the read-only note and the error, under the title. */
function Header(props: { ctx: Ctx; s: Slot }): Child {
  const { ctx, s } = props;
  const description = s.q.description !== undefined ? str(ctx, s.q.description, '', s.locals) : '';
  const error = s.top ? ctx.errors.get(s.name) : undefined;
  return (
    <>
      {description ? <p class="description" id={s.top ? `${s.id}-desc` : undefined}>{rich(ctx, s.q.description, '', s.locals)}</p> : null}
      {conditionNote(ctx, s.q, s.q.isRequired === true && !s.readOnly)}
      {s.readOnly && s.top ? <p class="description">{t(ctx, UI.readOnly)}</p> : null}
      {error ? <p class="error" id={`${s.id}-error`} role="alert">{error}</p> : null}
    </>
  );
}

function wrapperAttrs(s: Slot) {
  const { type } = s;
  const classes = ['question', `question-${type}`];
  if (type === 'rating') classes.push('rating');
  if (type === 'matrix' || type === 'matrixdropdown' || type === 'matrixdynamic') classes.push('matrix');
  if (!s.top) classes.push('inner');
  if (s.invalid && s.top) classes.push('has-error');
  if (s.readOnly) classes.push('readonly');
  return {
    class: classes.join(' '),
    ...conditionAttrs(s.q),
    'data-required-if': s.top && typeof s.q.requiredIf === 'string' ? s.q.requiredIf : undefined,
    'data-readonly': s.readOnly ? '' : undefined,
  };
}

/** Common attributes of a control: its state and the error it is described by. */
function controlAttrs(s: Slot) {
  return {
    'aria-invalid': s.invalid ? 'true' : undefined,
    'aria-describedby': s.describedBy,
    disabled: s.readOnly || undefined,
  };
}

function OtherText(props: { ctx: Ctx; s: Slot }) {
  const { ctx, s } = props;
  const id = `${s.id}-other-text`;
  const max = typeof ctx.maxOthersLength === 'number' && ctx.maxOthersLength > 0 ? Math.min(ctx.maxOthersLength, 500) : 500;
  return (
    <div class="choice-other">
      <label for={id}>{str(ctx, s.q.otherPlaceholder, t(ctx, UI.otherWrite))}</label>
      <input type="text" id={id} name={s.noteField} value={typeof s.note === 'string' ? s.note : ''} maxlength={max} disabled={s.readOnly || undefined} />
    </div>
  );
}

/** A choice shown as a radio or checkbox row; `exclusive` ones clear the others (the script does it, the server refuses the mix). */
interface ShownChoice extends Choice {
  exclusive?: boolean;
  label?: string;
}

function ChoiceList(props: { ctx: Ctx; s: Slot; type: 'radio' | 'checkbox'; choices: ShownChoice[] }) {
  const { ctx, s, type, choices } = props;
  const picked = new Set(asStrings(s.value));
  return (
    <div class="choices">
      {choices.map((c, i) => (
        <label class="choice" for={`${s.id}-${i}`}>
          <input
            type={type}
            id={`${s.id}-${i}`}
            name={s.field}
            value={String(c.value)}
            checked={picked.has(String(c.value))}
            data-exclusive={c.exclusive ? '' : undefined}
            {...controlAttrs(s)}
          />
          <span>{c.label ?? str(ctx, c.text, String(c.value), s.locals)}</span>
        </label>
      ))}
    </div>
  );
}

/** The choices in the form's order, with SurveyJS's built-in "None" and "Other" items added. */
function withSpecialItems(ctx: Ctx, s: Slot): ShownChoice[] {
  const q = s.q;
  const list: ShownChoice[] = orderChoices(choicesOf(q.choices), q.choicesOrder, `${ctx.seed}|${s.field}`, ctx.lang).map((c) => {
    const item = Array.isArray(q.choices) ? q.choices.find((x) => isPlainObject(x) && x.value === c.value) : undefined;
    return { ...c, exclusive: isPlainObject(item) && item.isExclusive === true };
  });
  if (q.showNoneItem ?? q.hasNone) list.push({ value: NONE_VALUE, text: str(ctx, q.noneText, t(ctx, UI.none)), exclusive: true });
  if (q.showOtherItem ?? q.hasOther) list.push({ value: OTHER_VALUE, text: str(ctx, q.otherText, t(ctx, UI.other)) });
  return list;
}

/** Rating labels: the value, its own text, and the scale's end descriptions on the first and last. */
function ratingLabels(ctx: Ctx, s: Slot): ShownChoice[] {
  const items = ratingChoices(s.q);
  const min = s.q.minRateDescription !== undefined ? str(ctx, s.q.minRateDescription, '', s.locals) : '';
  const max = s.q.maxRateDescription !== undefined ? str(ctx, s.q.maxRateDescription, '', s.locals) : '';
  return items.map((c, i) => {
    const own = String(c.text) === String(c.value) ? '' : str(ctx, c.text, '', s.locals);
    const end = i === 0 ? min : i === items.length - 1 ? max : '';
    const words = [own, end && end !== own ? end : ''].filter(Boolean);
    return { ...c, label: words.length ? `${c.value} – ${words.join(' · ')}` : String(c.value) };
  });
}

function Fieldset(props: { ctx: Ctx; s: Slot; children: Child }) {
  const { ctx, s } = props;
  return (
    <fieldset id={s.id} {...wrapperAttrs(s)}>
      <legend><Title ctx={ctx} s={s} /></legend>
      <Header ctx={ctx} s={s} />
      {props.children}
    </fieldset>
  );
}

/** The no-JS entries of a list question: `open` shown, then each further one inside a <details> of the one before. */
function Entries(props: { from: number; to: number; open: number; render: (i: number) => Child; filled: (i: number) => boolean; add: string }): Child {
  const { from, to, open, render, filled, add } = props;
  if (from >= to) return null;
  if (from < open) {
    return (
      <>
        {render(from)}
        <Entries {...props} from={from + 1} />
      </>
    );
  }
  return (
    <details class="more-entry" open={filled(from) || undefined}>
      <summary>{`＋ ${add} (${from + 1})`}</summary>
      {render(from)}
      <Entries {...props} from={from + 1} />
    </details>
  );
}

/** How many entries of a list to show open, and how many to offer in all. */
function entryCounts(q: Json, panels: boolean, answered: number): { open: number; total: number } {
  const num = (p: string, d: number) => (typeof q[p] === 'number' ? (q[p] as number) : d);
  const initial = panels ? num('panelCount', 0) : num('rowCount', DEFAULT_MATRIX_ROW_COUNT);
  const min = num(panels ? 'minPanelCount' : 'minRowCount', 0);
  const max = num(panels ? 'maxPanelCount' : 'maxRowCount', MAX_OFFERED_ENTRIES);
  const open = Math.max(initial, min, answered);
  return { open, total: Math.max(open, Math.min(max, MAX_OFFERED_ENTRIES)) };
}

function Question(props: { ctx: Ctx; s: Slot }): Child {
  const { ctx, s } = props;
  const { q, type } = s;
  if (type === 'html') {
    const html = resolvePlaceholders(localText(q.html, ctx.lang), lookup(ctx, s.locals), escapeHtml);
    return <div class="question question-html" {...conditionAttrs(q)}>{raw(sanitiseHtml(html))}</div>;
  }
  const hasOther = Boolean(q.showOtherItem ?? q.hasOther);

  switch (type) {
    case 'radiogroup':
    case 'checkbox':
    case 'tagbox':
      return (
        <Fieldset ctx={ctx} s={s}>
          <ChoiceList ctx={ctx} s={s} type={type === 'radiogroup' ? 'radio' : 'checkbox'} choices={withSpecialItems(ctx, s)} />
          {hasOther ? <OtherText ctx={ctx} s={s} /> : null}
        </Fieldset>
      );
    case 'rating':
      return (
        <Fieldset ctx={ctx} s={s}>
          <ChoiceList ctx={ctx} s={s} type="radio" choices={ratingLabels(ctx, s)} />
        </Fieldset>
      );
    case 'boolean':
      return (
        <Fieldset ctx={ctx} s={s}>
          <ChoiceList ctx={ctx} s={s} type="radio" choices={[
            { value: 'true', text: str(ctx, q.labelTrue, t(ctx, UI.yes)) },
            { value: 'false', text: str(ctx, q.labelFalse, t(ctx, UI.no)) },
          ]} />
        </Fieldset>
      );
    case 'matrix': {
      const columns = choicesOf(q.columns);
      const value = isPlainObject(s.value) ? s.value : {};
      return (
        <Fieldset ctx={ctx} s={s}>
          <div class="matrix-rows">
            {choicesOf(q.rows).map((r, ri) => {
              const row: Slot = { ...s, field: matrixField(s.field, r.value), id: `${s.id}-r${ri}`, value: value[String(r.value)], top: false };
              return (
                <fieldset class="matrix-row">
                  <legend>{str(ctx, r.text, String(r.value), s.locals)}</legend>
                  <ChoiceList ctx={ctx} s={row} type="radio" choices={columns} />
                </fieldset>
              );
            })}
          </div>
        </Fieldset>
      );
    }
    case 'ranking': {
      const choices = orderChoices(choicesOf(q.choices), q.choicesOrder, `${ctx.seed}|${s.field}`, ctx.lang);
      const value = Array.isArray(s.value) ? s.value.map(String) : [];
      return (
        <Fieldset ctx={ctx} s={s}>
          <p class="description">{t(ctx, q.selectToRankEnabled === true ? UI.rankSomeHint : UI.rankHint)}</p>
          <ol class="ranking">
            {choices.map((_c, i) => {
              const id = `${s.id}-rank${i + 1}`;
              return (
                <li>
                  <label for={id}>{`${t(ctx, UI.rank)} ${i + 1}`}</label>
                  <select id={id} name={entryField(s.field, String(i + 1))} {...controlAttrs(s)}>
                    <option value="">{t(ctx, UI.choose)}</option>
                    {choices.map((c) => <option value={String(c.value)} selected={value[i] === String(c.value)}>{str(ctx, c.text, String(c.value), s.locals)}</option>)}
                  </select>
                </li>
              );
            })}
          </ol>
        </Fieldset>
      );
    }
    case 'multipletext':
      return (
        <Fieldset ctx={ctx} s={s}>
          <div class="items">
            {itemsOf(q).map((item, i) => (
              <Question ctx={ctx} s={innerSlot(ctx, s, { ...item, type: 'text' }, 'text', String(item.name), String(item.name), `i${i}`, s.value)} />
            ))}
          </div>
        </Fieldset>
      );
    case 'matrixdropdown': {
      const columns = columnsOf(q);
      const value = isPlainObject(s.value) ? s.value : {};
      return (
        <Fieldset ctx={ctx} s={s}>
          <div class="matrix-rows">
            {choicesOf(q.rows).map((r, ri) => {
              const row: Slot = { ...s, field: matrixField(s.field, r.value), id: `${s.id}-r${ri}`, value: value[String(r.value)], top: false };
              return (
                <fieldset class="matrix-row">
                  <legend>{str(ctx, r.text, String(r.value), s.locals)}</legend>
                  {columns.map((c, ci) => <Question ctx={ctx} s={innerSlot(ctx, row, { ...c.json, title: c.title }, c.type, c.name, c.name, `c${ci}`, row.value)} />)}
                </fieldset>
              );
            })}
          </div>
        </Fieldset>
      );
    }
    case 'matrixdynamic':
    case 'paneldynamic': {
      const panels = type === 'paneldynamic';
      const entries = Array.isArray(s.value) ? s.value : [];
      const { open, total } = entryCounts(q, panels, entries.length);
      const columns = panels ? [] : columnsOf(q);
      const template = panels ? templateOf(q) : [];
      const render = (i: number) => {
        const entry: Slot = { ...s, field: entryField(s.field, String(i)), id: `${s.id}-${i}`, value: entries[i], top: false };
        const locals: Record<string, string> = { panelIndex: String(i + 1), rowIndex: String(i + 1) };
        for (const tq of template) {
          if (typeof tq.name === 'string') locals[`panel.${tq.name}`] = displayValue(tq, String(tq.type), isPlainObject(entries[i]) ? entries[i][tq.name] : undefined, ctx.lang);
        }
        const legend = panels && q.templateTitle !== undefined ? str(ctx, q.templateTitle, '', locals) : `${t(ctx, panels ? UI.entry : UI.row)} ${i + 1}`;
        return (
          <fieldset class="entry">
            <legend>{legend}</legend>
            {panels && q.templateDescription !== undefined ? <p class="description">{str(ctx, q.templateDescription, '', locals)}</p> : null}
            {panels
              ? template.map((tq) => tq.type === 'html'
                  ? <Question ctx={ctx} s={{ ...entry, q: tq, type: 'html', locals }} />
                  : <Question ctx={ctx} s={innerSlot(ctx, entry, tq, String(tq.type), String(tq.name), String(tq.name), String(tq.name), entries[i], locals)} />)
              : columns.map((c, ci) => <Question ctx={ctx} s={innerSlot(ctx, entry, { ...c.json, title: c.title }, c.type, c.name, c.name, `c${ci}`, entries[i], locals)} />)}
          </fieldset>
        );
      };
      return (
        <Fieldset ctx={ctx} s={s}>
          <div class="entries">
            <Entries from={0} to={total} open={open} render={render} filled={(i) => !isEmptyValue(entries[i])} add={str(ctx, panels ? q.panelAddText : q.addRowText, t(ctx, panels ? UI.addEntry : UI.addRow))} />
          </div>
        </Fieldset>
      );
    }
  }

  const inputId = `${s.id}-input`;
  const currentText = asStrings(s.value)[0] ?? '';
  const common = {
    id: inputId,
    name: s.field,
    ...controlAttrs(s),
    'aria-required': q.isRequired === true ? 'true' : undefined,
  };
  let control: Child;
  if (type === 'dropdown') {
    control = (
      <>
        <select {...common}>
          <option value="">{str(ctx, q.placeholder, t(ctx, UI.choose))}</option>
          {withSpecialItems(ctx, s).map((c) => (
            <option value={String(c.value)} selected={currentText === String(c.value)}>{str(ctx, c.text, String(c.value), s.locals)}</option>
          ))}
        </select>
        {hasOther ? <OtherText ctx={ctx} s={s} /> : null}
      </>
    );
  } else if (type === 'comment') {
    control = <textarea {...common} rows={typeof q.rows === 'number' ? q.rows : 4} maxlength={textLimit(q.maxLength, ctx.maxTextLength)}>{currentText}</textarea>;
  } else {
    const inputType = typeof q.inputType === 'string' ? q.inputType : 'text';
    const date = inputType === 'date';
    control = (
      <input
        {...common}
        type={inputType === 'number' ? 'text' : inputType}
        inputmode={inputType === 'number' ? 'decimal' : inputType === 'tel' ? 'tel' : undefined}
        value={currentText}
        maxlength={inputType !== 'number' && !date ? textLimit(q.maxLength, ctx.maxTextLength) : undefined}
        min={date && typeof q.min === 'string' ? q.min : undefined}
        max={date && typeof q.max === 'string' ? q.max : undefined}
        placeholder={q.placeholder !== undefined ? str(ctx, q.placeholder) : date ? t(ctx, UI.dateHint) : undefined}
        autocomplete="off"
      />
    );
  }
  return (
    <div id={s.id} {...wrapperAttrs(s)}>
      <label for={inputId}><Title ctx={ctx} s={s} /></label>
      <Header ctx={ctx} s={s} />
      {control}
    </div>
  );
}

function Container(props: { ctx: Ctx; container: Json; level: number; readOnly: boolean }): Child {
  const { ctx, container, level } = props;
  return (
    <>
      {childrenOf(container).map((el) => {
        if (el.type !== 'panel') return <Question ctx={ctx} s={topSlot(ctx, el, props.readOnly)} />;
        const title = el.title !== undefined ? str(ctx, el.title) : '';
        const description = el.description !== undefined ? str(ctx, el.description) : '';
        const Heading = level <= 2 ? 'h3' : 'h4';
        const readOnly = props.readOnly || el.readOnly === true;
        return (
          <section
            class={`panel${readOnly ? ' readonly' : ''}`}
            id={typeof el.name === 'string' ? `p-${el.name}` : undefined}
            {...conditionAttrs(el)}
            data-readonly={readOnly ? '' : undefined}
          >
            {title ? <Heading>{rich(ctx, el.title)}</Heading> : null}
            {description ? <p class="description">{rich(ctx, el.description)}</p> : null}
            {conditionNote(ctx, el)}
            <Container ctx={ctx} container={el} level={level + 1} readOnly={readOnly} />
          </section>
        );
      })}
    </>
  );
}

export function SurveyForm(props: SurveyFormProps) {
  const { json, lang } = props;
  const titles = new Map<string, string>();
  const choices = new Map<string, Choice[]>();
  const questions = new Map<string, { q: Json; type: string; name: string }>();
  for (const el of flattenElements(json)) {
    if (!VALUE_TYPES.has(el.type)) continue;
    titles.set(el.name, localText(el.json.title, lang, el.name));
    choices.set(el.name, el.type === 'rating' ? ratingChoices(el.json) : choicesOf(el.json.choices));
    questions.set(el.name.toLowerCase(), { q: el.json, type: el.type, name: el.name });
  }
  const errors = new Map<string, string>();
  for (const e of props.errors ?? []) if (!errors.has(e.question)) errors.set(e.question, e.message[lang]);
  const pages = pagesOf(json);
  const ctx: Ctx = {
    lang, answers: props.answers ?? {}, fresh: props.answers === undefined, errors, titles, choices, questions,
    seed: props.seed ?? props.action, maxTextLength: json.maxTextLength, maxOthersLength: json.maxOthersLength,
    pageNo: 1, pageCount: pages.length,
  };
  const display = json.mode === 'display';
  const title = json.title !== undefined ? str(ctx, json.title) : '';
  const description = json.description !== undefined ? str(ctx, json.description) : '';
  return (
    <form class="survey" method="post" action={props.action} accept-charset="utf-8" novalidate>
      {!props.hideTitle && title ? <h2>{title}</h2> : null}
      {description ? <p class="description">{description}</p> : null}
      {display ? <p class="alert">{t(ctx, UI.display)}</p> : null}
      {props.errors && props.errors.length > 0 ? (
        <div class="error error-summary" role="alert" tabindex={-1}>
          <p>{t(ctx, UI.summary)}</p>
          <ul>
            {props.errors.map((e) => (
              <li>{titles.has(e.question) ? <a href={`#q-${e.question}`}>{e.message[lang]}</a> : e.message[lang]}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {Object.entries(props.hiddenFields ?? {}).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
      {pages.map((page, i) => {
        // components render lazily: each page gets its own context for {pageno}
        const pctx: Ctx = { ...ctx, pageNo: i + 1 };
        const readOnly = display || page.readOnly === true;
        const hasFrame = pages.length > 1 || page.title !== undefined || page.visibleIf !== undefined || page.enableIf !== undefined || readOnly;
        if (!hasFrame) return <Container ctx={pctx} container={page} level={2} readOnly={readOnly} />;
        return (
          <section class={`page${readOnly ? ' readonly' : ''}`} {...conditionAttrs(page)} data-readonly={readOnly ? '' : undefined}>
            {page.title !== undefined ? <h3>{rich(pctx, page.title)}</h3> : null}
            {page.description !== undefined ? <p class="description">{rich(pctx, page.description)}</p> : null}
            {conditionNote(pctx, page)}
            <Container ctx={pctx} container={page} level={2} readOnly={readOnly} />
          </section>
        );
      })}
      {display ? null : <button type="submit" class="btn btn-block submit">{t(ctx, props.submitLabel ?? UI.submit)}</button>}
    </form>
  );
}
