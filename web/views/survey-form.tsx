/** @jsxImportSource hono/jsx */
// A SurveyJS form rendered on the server as plain HTML: it works with
// JavaScript off on any phone (DESIGN §4), and posts the field names that
// formToAnswers reads back. Text from the JSON is always escaped (Hono JSX);
// `html` questions are shown as text, never as markup, so a form author cannot
// inject script into a citizen's page. Questions shown only under a condition
// stay in the page with a note saying when to answer them, and carry
// data-visible-if for a script to hide them.
import type { Child } from 'hono/jsx';
import {
  NONE_VALUE,
  OTHER_VALUE,
  VALUE_TYPES,
  childrenOf,
  choicesOf,
  flattenElements,
  isPlainObject,
  localText,
  pagesOf,
  ratingChoices,
  type Choice,
  type Json,
  type Lang,
  type Text,
} from '../../server/domain/survey/definition';
import { parseCondition, type Condition, type Literal } from '../../server/domain/survey/expressions';
import { commentField, matrixField } from '../../server/domain/survey/form-data';

export interface SurveyFormError {
  question: string;
  message: Text;
}

export interface SurveyFormProps {
  json: Json;
  answers?: Record<string, unknown>;
  errors?: SurveyFormError[];
  lang: Lang;
  action: string;
  hiddenFields?: Record<string, string>;
  submitLabel?: Text;
  /** the page already shows the survey's title (e.g. as its h1) */
  hideTitle?: boolean;
}

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
  requiredIf: { vi: 'bắt buộc nếu', en: 'required if' },
} satisfies Record<string, Text>;

interface Ctx {
  lang: Lang;
  answers: Record<string, unknown>;
  errors: Map<string, string>;
  titles: Map<string, string>;
  choices: Map<string, Choice[]>;
}

const t = (ctx: Ctx, text: Text) => text[ctx.lang];
const str = (ctx: Ctx, v: unknown, fallback = '') => localText(v, ctx.lang, fallback);

function quoted(ctx: Ctx, s: string) {
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
      const q = quoted(ctx, ctx.titles.get(c.name) ?? c.name);
      if (c.op === 'notempty') return vi ? `đã trả lời câu ${q}` : `you answered ${q}`;
      return vi ? `chưa trả lời câu ${q}` : `you left ${q} unanswered`;
    }
    case 'anyof': {
      const q = quoted(ctx, ctx.titles.get(c.name) ?? c.name);
      const vals = c.values.map((v) => quoted(ctx, literalText(ctx, c.name, v))).join(vi ? ' hoặc ' : ' or ');
      return vi ? `ở câu ${q} chọn ${vals}` : `your answer to ${q} is ${vals}`;
    }
    case 'compare': {
      const q = quoted(ctx, ctx.titles.get(c.name) ?? c.name);
      const v = quoted(ctx, literalText(ctx, c.name, c.value));
      if (c.op === '=') return vi ? `ở câu ${q} chọn ${v}` : `your answer to ${q} is ${v}`;
      if (c.op === '!=') return vi ? `ở câu ${q} không chọn ${v}` : `your answer to ${q} is not ${v}`;
      return vi ? `ở câu ${q} có chọn ${v}` : `your answer to ${q} includes ${v}`;
    }
  }
}

function conditionNote(ctx: Ctx, src: unknown, required = false): Child {
  if (typeof src !== 'string') return null;
  let text: string;
  try {
    text = describe(ctx, parseCondition(src));
  } catch {
    return null;
  }
  return <p class="description condition">({t(ctx, required ? UI.requiredIf : UI.onlyIf)} {text})</p>;
}

const asStrings = (v: unknown): string[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v.map((x) => String(x)) : [String(v)];

interface QuestionParts {
  id: string;
  title: Child;
  describedBy?: string;
  invalid: boolean;
  header: Child;
}

/** The title with its required mark, the description, the condition note and the error, shared by all question types. */
function parts(ctx: Ctx, q: Json, name: string): QuestionParts {
  const id = `q-${name}`;
  const description = q.description !== undefined ? str(ctx, q.description) : '';
  const error = ctx.errors.get(name);
  const ids = [description ? `${id}-desc` : '', error ? `${id}-error` : ''].filter(Boolean);
  // requiredIf depends on other answers: the server's message says so when it applies, a fixed mark would mislead.
  // A required question shown only under a condition is required only then: its note says so instead of the mark.
  const conditional = typeof q.visibleIf === 'string';
  const required = q.isRequired === true && !conditional;
  return {
    id,
    invalid: Boolean(error),
    describedBy: ids.length ? ids.join(' ') : undefined,
    title: (
      <>
        {str(ctx, q.title, name)}
        {required ? <> <span class="required">{t(ctx, UI.required)}</span></> : null}
      </>
    ),
    header: (
      <>
        {description ? <p class="description" id={`${id}-desc`}>{description}</p> : null}
        {conditionNote(ctx, q.visibleIf, q.isRequired === true)}
        {error ? <p class="error" id={`${id}-error`} role="alert">{error}</p> : null}
      </>
    ),
  };
}

function wrapperAttrs(q: Json, type: string, invalid: boolean) {
  return {
    class: `question question-${type}${type === 'rating' ? ' rating' : ''}${type === 'matrix' ? ' matrix' : ''}${invalid ? ' has-error' : ''}`,
    'data-visible-if': typeof q.visibleIf === 'string' ? q.visibleIf : undefined,
    'data-enable-if': typeof q.enableIf === 'string' ? q.enableIf : undefined,
    'data-required-if': typeof q.requiredIf === 'string' ? q.requiredIf : undefined,
  };
}

function OtherText(props: { ctx: Ctx; q: Json; name: string }) {
  const { ctx, q, name } = props;
  const id = `q-${name}-other-text`;
  const value = ctx.answers[commentField(name)];
  return (
    <div class="choice-other">
      <label for={id}>{str(ctx, q.otherPlaceholder, t(ctx, UI.otherWrite))}</label>
      <input type="text" id={id} name={commentField(name)} value={typeof value === 'string' ? value : ''} maxlength={500} />
    </div>
  );
}

function ChoiceList(props: { ctx: Ctx; q: Json; name: string; type: 'radio' | 'checkbox'; choices: Choice[]; p: QuestionParts }) {
  const { ctx, name, type, choices, p } = props;
  const picked = new Set(asStrings(ctx.answers[name]));
  return (
    <div class="choices">
      {choices.map((c, i) => (
        <label class="choice" for={`${p.id}-${i}`}>
          <input
            type={type}
            id={`${p.id}-${i}`}
            name={name}
            value={String(c.value)}
            checked={picked.has(String(c.value))}
            aria-invalid={p.invalid ? 'true' : undefined}
            aria-describedby={p.describedBy}
          />
          <span>{str(ctx, c.text, String(c.value))}</span>
        </label>
      ))}
    </div>
  );
}

/** The choices with SurveyJS's built-in "Other" and "None" items added. */
function withSpecialItems(ctx: Ctx, q: Json): Choice[] {
  const list = choicesOf(q.choices);
  if (q.showNoneItem ?? q.hasNone) list.push({ value: NONE_VALUE, text: str(ctx, q.noneText, t(ctx, UI.none)) });
  if (q.showOtherItem ?? q.hasOther) list.push({ value: OTHER_VALUE, text: str(ctx, q.otherText, t(ctx, UI.other)) });
  return list;
}

function Question(props: { ctx: Ctx; q: Json }): Child {
  const { ctx, q } = props;
  const type = String(q.type);
  const name = String(q.name ?? '');
  if (type === 'html') {
    return (
      <div class="question question-html" data-visible-if={typeof q.visibleIf === 'string' ? q.visibleIf : undefined}>
        {str(ctx, q.html)
          .split(/\n{2,}/)
          .map((para) => <p>{para}</p>)}
      </div>
    );
  }
  const p = parts(ctx, q, name);
  const attrs = wrapperAttrs(q, type, p.invalid);
  const hasOther = Boolean(q.showOtherItem ?? q.hasOther);

  if (type === 'radiogroup' || type === 'checkbox') {
    return (
      <fieldset id={p.id} {...attrs}>
        <legend>{p.title}</legend>
        {p.header}
        <ChoiceList ctx={ctx} q={q} name={name} type={type === 'checkbox' ? 'checkbox' : 'radio'} choices={withSpecialItems(ctx, q)} p={p} />
        {hasOther ? <OtherText ctx={ctx} q={q} name={name} /> : null}
      </fieldset>
    );
  }
  if (type === 'rating' || type === 'boolean') {
    const choices: Choice[] = type === 'rating'
      ? ratingChoices(q).map((c) => ({ value: c.value, text: String(c.text) === String(c.value) ? String(c.value) : `${c.value} – ${str(ctx, c.text)}` }))
      : [
          { value: 'true', text: str(ctx, q.labelTrue, t(ctx, UI.yes)) },
          { value: 'false', text: str(ctx, q.labelFalse, t(ctx, UI.no)) },
        ];
    return (
      <fieldset id={p.id} {...attrs}>
        <legend>{p.title}</legend>
        {p.header}
        <ChoiceList ctx={ctx} q={q} name={name} type="radio" choices={choices} p={p} />
      </fieldset>
    );
  }
  if (type === 'matrix') {
    const columns = choicesOf(q.columns);
    const rows = choicesOf(q.rows);
    const value = isPlainObject(ctx.answers[name]) ? (ctx.answers[name] as Json) : {};
    return (
      <fieldset id={p.id} {...attrs}>
        <legend>{p.title}</legend>
        {p.header}
        <table>
          <thead>
            <tr>
              <td></td>
              {columns.map((c) => <th scope="col">{str(ctx, c.text, String(c.value))}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, ri) => {
              const rowLabel = str(ctx, r.text, String(r.value));
              const cell = asStrings(value[String(r.value)]);
              return (
                <tr>
                  <th scope="row" id={`${p.id}-r${ri}`}>{rowLabel}</th>
                  {columns.map((c, ci) => (
                    <td>
                      <label class="choice" for={`${p.id}-r${ri}-c${ci}`}>
                        <input
                          type="radio"
                          id={`${p.id}-r${ri}-c${ci}`}
                          name={matrixField(name, r.value)}
                          value={String(c.value)}
                          checked={cell.includes(String(c.value))}
                          aria-invalid={p.invalid ? 'true' : undefined}
                          aria-describedby={p.describedBy}
                        />
                        <span>{`${rowLabel}: ${str(ctx, c.text, String(c.value))}`}</span>
                      </label>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
    );
  }
  const inputId = `${p.id}-input`;
  const current = asStrings(ctx.answers[name])[0] ?? '';
  const common = {
    id: inputId,
    name,
    'aria-invalid': p.invalid ? 'true' : undefined,
    'aria-describedby': p.describedBy,
    'aria-required': q.isRequired === true ? 'true' : undefined,
  };
  let control: Child;
  if (type === 'dropdown') {
    control = (
      <>
        <select {...common}>
          <option value="">{str(ctx, q.placeholder, t(ctx, UI.choose))}</option>
          {withSpecialItems(ctx, q).map((c) => (
            <option value={String(c.value)} selected={current === String(c.value)}>{str(ctx, c.text, String(c.value))}</option>
          ))}
        </select>
        {hasOther ? <OtherText ctx={ctx} q={q} name={name} /> : null}
      </>
    );
  } else if (type === 'comment') {
    control = <textarea {...common} rows={typeof q.rows === 'number' ? q.rows : 4} maxlength={typeof q.maxLength === 'number' ? q.maxLength : 5000}>{current}</textarea>;
  } else {
    const inputType = typeof q.inputType === 'string' ? q.inputType : 'text';
    control = (
      <input
        {...common}
        type={inputType === 'number' ? 'text' : inputType}
        inputmode={inputType === 'number' ? 'decimal' : inputType === 'tel' ? 'tel' : undefined}
        value={current}
        maxlength={inputType !== 'number' && typeof q.maxLength === 'number' ? q.maxLength : undefined}
        placeholder={q.placeholder !== undefined ? str(ctx, q.placeholder) : undefined}
        autocomplete="off"
      />
    );
  }
  return (
    <div id={p.id} {...attrs}>
      <label for={inputId}>{p.title}</label>
      {p.header}
      {control}
    </div>
  );
}

function Container(props: { ctx: Ctx; container: Json; level: number }): Child {
  const { ctx, container, level } = props;
  return (
    <>
      {childrenOf(container).map((el) => {
        if (el.type !== 'panel') return <Question ctx={ctx} q={el} />;
        const title = el.title !== undefined ? str(ctx, el.title) : '';
        const description = el.description !== undefined ? str(ctx, el.description) : '';
        const Heading = level <= 2 ? 'h3' : 'h4';
        return (
          <section
            class="panel"
            id={typeof el.name === 'string' ? `p-${el.name}` : undefined}
            data-visible-if={typeof el.visibleIf === 'string' ? el.visibleIf : undefined}
          >
            {title ? <Heading>{title}</Heading> : null}
            {description ? <p class="description">{description}</p> : null}
            {conditionNote(ctx, el.visibleIf)}
            <Container ctx={ctx} container={el} level={level + 1} />
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
  for (const el of flattenElements(json)) {
    if (!VALUE_TYPES.has(el.type)) continue;
    titles.set(el.name, localText(el.json.title, lang, el.name));
    choices.set(el.name, el.type === 'rating' ? ratingChoices(el.json) : choicesOf(el.json.choices));
  }
  const errors = new Map<string, string>();
  for (const e of props.errors ?? []) if (!errors.has(e.question)) errors.set(e.question, e.message[lang]);
  const ctx: Ctx = { lang, answers: props.answers ?? {}, errors, titles, choices };
  const title = json.title !== undefined ? localText(json.title, lang) : '';
  const description = json.description !== undefined ? localText(json.description, lang) : '';
  const pages = pagesOf(json);
  return (
    <form class="survey" method="post" action={props.action} accept-charset="utf-8" novalidate>
      {!props.hideTitle && title ? <h2>{title}</h2> : null}
      {description ? <p class="description">{description}</p> : null}
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
      {pages.map((page) =>
        pages.length > 1 || page.title !== undefined ? (
          <section class="page" data-visible-if={typeof page.visibleIf === 'string' ? page.visibleIf : undefined}>
            {page.title !== undefined ? <h3>{str(ctx, page.title)}</h3> : null}
            <Container ctx={ctx} container={page} level={2} />
          </section>
        ) : (
          <Container ctx={ctx} container={page} level={2} />
        ),
      )}
      <button type="submit" class="btn btn-block submit">{t(ctx, props.submitLabel ?? UI.submit)}</button>
    </form>
  );
}
