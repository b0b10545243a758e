import type { Child } from 'hono/jsx';
import { formatDate, formatDateTime, formatNumber, type Lang, type Text } from '../../server/domain/i18n';

// Building blocks for every page. Each form control carries its label, hint and
// error, tied together with aria-describedby / aria-invalid, so a screen reader
// reads the error with the field and an elderly reader sees it beside the box.

const T = {
  error: { vi: 'Lỗi', en: 'Error' },
  required: { vi: 'bắt buộc', en: 'required' },
  summary: { vi: 'Vui lòng sửa các mục sau', en: 'Please correct the following' },
  previous: { vi: 'Trang trước', en: 'Previous page' },
  next: { vi: 'Trang sau', en: 'Next page' },
  page: { vi: 'Trang', en: 'Page' },
  pages: { vi: 'Phân trang', en: 'Pagination' },
  empty: { vi: 'Chưa có dữ liệu.', en: 'Nothing here yet.' },
} satisfies Record<string, Text>;

/** A DOM id from a field name ('counts.decision.approve' → 'f-counts-decision-approve'). */
export function fieldId(name: string): string {
  return 'f-' + name.replace(/[^A-Za-z0-9_-]+/g, '-');
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

interface FieldFrame {
  id: string;
  label: Child;
  hint?: Child;
  error?: string;
  required?: boolean;
  lang?: Lang;
}

function RequiredMark(props: { lang?: Lang }) {
  return <span class="required-mark" title={T.required[props.lang ?? 'vi']}> *</span>;
}

function ErrorText(props: { id: string; error: string; lang?: Lang }) {
  return (
    <p class="error-text" id={props.id}>
      <span class="visually-hidden">{T.error[props.lang ?? 'vi']}: </span>
      {props.error}
    </p>
  );
}

function Frame(props: FieldFrame & { children: Child }) {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id}>
        {props.label}
        {props.required ? <RequiredMark lang={props.lang} /> : null}
      </label>
      {props.hint ? <p class="hint" id={`${props.id}-hint`}>{props.hint}</p> : null}
      {props.error ? <ErrorText id={`${props.id}-error`} error={props.error} lang={props.lang} /> : null}
      {props.children}
    </div>
  );
}

export interface FieldProps {
  name: string;
  label: Child;
  id?: string;
  type?: 'text' | 'search' | 'email' | 'tel' | 'number' | 'password' | 'date' | 'datetime-local' | 'url' | 'file';
  value?: string | number | null;
  hint?: Child;
  error?: string;
  required?: boolean;
  autocomplete?: string;
  /** codes typed by hand (ballot serials, receipts): capitals, no spell check */
  code?: boolean;
  inputmode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'search' | 'url' | 'none';
  min?: number | string;
  max?: number | string;
  maxlength?: number;
  pattern?: string;
  accept?: string;
  placeholder?: string;
  /** a narrow box for short values (numbers, codes) */
  short?: boolean;
  /** a multi-line text area instead of an input */
  multiline?: boolean;
  rows?: number;
  lang?: Lang;
}

/** A labelled input (or textarea) with its hint and error. */
export function Field(props: FieldProps) {
  const id = props.id ?? fieldId(props.name);
  const aria = {
    'aria-describedby': describedBy(!!props.hint && `${id}-hint`, !!props.error && `${id}-error`),
    'aria-invalid': props.error ? ('true' as const) : undefined,
  };
  const value = props.value === null || props.value === undefined ? undefined : String(props.value);
  return (
    <Frame id={id} label={props.label} hint={props.hint} error={props.error} required={props.required} lang={props.lang}>
      {props.multiline ? (
        <textarea id={id} name={props.name} rows={props.rows ?? 5} required={props.required} maxlength={props.maxlength} {...aria}>
          {value ?? ''}
        </textarea>
      ) : (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.type === 'password' || props.type === 'file' ? undefined : value}
          required={props.required}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
          min={props.min}
          max={props.max}
          maxlength={props.maxlength}
          pattern={props.pattern}
          accept={props.accept}
          placeholder={props.placeholder}
          autocapitalize={props.code ? 'characters' : undefined}
          spellcheck={props.code ? false : undefined}
          class={props.code ? 'input-code' : props.short ? 'input-short' : undefined}
          {...aria}
        />
      )}
    </Frame>
  );
}

export interface Option {
  value: string;
  label: Child;
  hint?: Child;
}

export interface SelectProps {
  name: string;
  label: Child;
  options: Option[];
  id?: string;
  value?: string | null;
  /** a first, empty option ("— Chọn thôn —") */
  placeholder?: string;
  hint?: Child;
  error?: string;
  required?: boolean;
  lang?: Lang;
}

export function Select(props: SelectProps) {
  const id = props.id ?? fieldId(props.name);
  return (
    <Frame id={id} label={props.label} hint={props.hint} error={props.error} required={props.required} lang={props.lang}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-describedby={describedBy(!!props.hint && `${id}-hint`, !!props.error && `${id}-error`)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>{o.label}</option>
        ))}
      </select>
    </Frame>
  );
}

function Choice(props: { type: 'radio' | 'checkbox'; id: string; name: string; option: Option; checked: boolean; required?: boolean; describedBy?: string }) {
  const hintId = props.option.hint ? `${props.id}-hint` : undefined;
  return (
    <label class={props.checked ? 'choice is-checked' : 'choice'} for={props.id}>
      <input
        type={props.type}
        id={props.id}
        name={props.name}
        value={props.option.value}
        checked={props.checked}
        required={props.required}
        aria-describedby={describedBy(hintId, props.describedBy)}
      />
      <span class="choice-text">
        {props.option.label}
        {props.option.hint ? <span class="hint" id={hintId}>{props.option.hint}</span> : null}
      </span>
    </label>
  );
}

export interface CheckboxProps {
  name: string;
  label: Child;
  value?: string;
  checked?: boolean;
  hint?: Child;
  id?: string;
  error?: string;
  lang?: Lang;
}

/** One checkbox whose whole row is the tap target. */
export function Checkbox(props: CheckboxProps) {
  const id = props.id ?? fieldId(`${props.name}-${props.value ?? '1'}`);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      {props.error ? <ErrorText id={`${id}-error`} error={props.error} lang={props.lang} /> : null}
      <div class="choices">
        <Choice
          type="checkbox"
          id={id}
          name={props.name}
          option={{ value: props.value ?? '1', label: props.label, hint: props.hint }}
          checked={!!props.checked}
          describedBy={props.error ? `${id}-error` : undefined}
        />
      </div>
    </div>
  );
}

export interface RadioGroupProps {
  name: string;
  legend: Child;
  options: Option[];
  value?: string | string[] | null;
  /** checkboxes (several answers) instead of radios */
  multiple?: boolean;
  hint?: Child;
  error?: string;
  required?: boolean;
  id?: string;
  lang?: Lang;
}

/** A question with big whole-row choices (ballots: Đồng ý / Không đồng ý / Ý kiến khác). */
export function RadioGroup(props: RadioGroupProps) {
  const id = props.id ?? fieldId(props.name);
  const chosen = new Set(props.value === null || props.value === undefined ? [] : Array.isArray(props.value) ? props.value : [props.value]);
  const shared = describedBy(!!props.hint && `${id}-hint`, !!props.error && `${id}-error`);
  return (
    <div class={props.error ? 'field field-error' : 'field'} id={id}>
      <fieldset aria-describedby={shared}>
        <legend>
          {props.legend}
          {props.required ? <RequiredMark lang={props.lang} /> : null}
        </legend>
        {props.hint ? <p class="hint" id={`${id}-hint`}>{props.hint}</p> : null}
        {props.error ? <ErrorText id={`${id}-error`} error={props.error} lang={props.lang} /> : null}
        <div class="choices">
          {props.options.map((o, i) => (
            <Choice
              type={props.multiple ? 'checkbox' : 'radio'}
              id={`${id}-${i}`}
              name={props.name}
              option={o}
              checked={chosen.has(o.value)}
              required={props.required && !props.multiple}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** A list of a form's errors at its top, each linking to its field. */
export function ErrorSummary(props: { lang: Lang; errors: { path: string; message: string }[]; title?: string }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="alert alert-error error-summary" role="alert" tabindex={-1} id="error-summary">
      <strong class="alert-title">{props.title ?? T.summary[props.lang]}</strong>
      <ul>
        {props.errors.map((e) => (
          <li><a href={`#${fieldId(e.path)}`}>{e.message}</a></li>
        ))}
      </ul>
    </div>
  );
}

export type Variant = 'primary' | 'secondary' | 'danger' | 'link';

function btnClass(variant: Variant | undefined, block?: boolean): string {
  const v = variant && variant !== 'primary' ? ` btn-${variant}` : '';
  return `btn${v}${block ? ' btn-block' : ''}`;
}

export function Button(props: {
  children: Child; type?: 'submit' | 'button' | 'reset'; variant?: Variant; name?: string; value?: string;
  disabled?: boolean; block?: boolean; formaction?: string;
}) {
  return (
    <button
      type={props.type ?? 'submit'}
      class={btnClass(props.variant, props.block)}
      name={props.name}
      value={props.value}
      disabled={props.disabled}
      formaction={props.formaction}
    >
      {props.children}
    </button>
  );
}

export function LinkButton(props: { href: string; children: Child; variant?: Variant; block?: boolean; download?: boolean | string }) {
  return (
    <a href={props.href} class={btnClass(props.variant, props.block)} download={props.download}>
      {props.children}
    </a>
  );
}

export interface Column<R> {
  label: Child;
  cell: (row: R, index: number) => Child;
  /** right-aligned figures */
  numeric?: boolean;
  /** this column names the row (th scope=row) */
  rowHeader?: boolean;
  /** running text (a sentence, a description): may take a wider column before it wraps */
  wide?: boolean;
}

function cellClass(c: { numeric?: boolean; wide?: boolean }): string | undefined {
  return [c.numeric ? 'num' : '', c.wide ? 'wide' : ''].filter(Boolean).join(' ') || undefined;
}

let tableSeq = 0;

/**
 * A table with a caption and scoped headers, inside a box that scrolls sideways
 * on a phone (the page itself never does). The box is focusable so keyboard
 * users can scroll it too.
 */
/**
 * `fit`: a table of figures that fits the page's width, its headers wrapping
 * between words (never cutting off the last columns), and on a phone scrolls
 * sideways with the row headers kept in view.
 */
export function Table<R>(props: { caption: Child; columns: Column<R>[]; rows: R[]; empty?: Child; lang?: Lang; id?: string; captionHidden?: boolean; fit?: boolean }) {
  const id = props.id ?? `table-${++tableSeq}`;
  return (
    <div class={props.fit ? 'table-scroll table-fit' : 'table-scroll'} role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
      <table id={id}>
        <caption id={`${id}-caption`} class={props.captionHidden ? 'visually-hidden' : undefined}>{props.fit ? <span class="caption-text">{props.caption}</span> : props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" class={c.numeric ? 'num' : undefined}>{props.fit ? <span class="th-label">{c.label}</span> : c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td colspan={props.columns.length} class="table-empty">{props.empty ?? T.empty[props.lang ?? 'vi']}</td>
            </tr>
          ) : (
            props.rows.map((r, i) => (
              <tr>
                {props.columns.map((c) =>
                  c.rowHeader ? (
                    <th scope="row" class={cellClass(c)}>{c.cell(r, i)}</th>
                  ) : (
                    <td class={cellClass(c)}>{c.cell(r, i)}</td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'error';

/** A message box. Errors are announced (role=alert); the rest are polite status messages. */
export function Alert(props: { kind?: Exclude<Tone, 'neutral'>; title?: Child; children?: Child }) {
  const kind = props.kind ?? 'info';
  return (
    <div class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {props.title ? <strong class="alert-title">{props.title}</strong> : null}
      {props.children ? <div>{props.children}</div> : null}
    </div>
  );
}

/** A status label ('Đang mở', 'Đã công bố'); the text says it all, colour only helps. */
export function Badge(props: { tone?: Tone; children: Child }) {
  const tone = props.tone ?? 'neutral';
  return <span class={tone === 'neutral' ? 'badge' : `badge badge-${tone}`}>{props.children}</span>;
}

/** Previous / next links around "Trang 2 / 5"; `href(page)` builds each link. */
export function Pagination(props: { lang: Lang; page: number; pages: number; href: (page: number) => string }) {
  const { lang, page, pages } = props;
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={T.pages[lang]}>
      {page > 1 ? <a href={props.href(page - 1)} rel="prev">‹ {T.previous[lang]}</a> : null}
      <span class="current" aria-current="page">
        {T.page[lang]} {formatNumber(page)} / {formatNumber(pages)}
      </span>
      {page < pages ? <a href={props.href(page + 1)} rel="next">{T.next[lang]} ›</a> : null}
    </nav>
  );
}

/** A key figure: "1.599 hộ". */
export function Stat(props: { label: Child; value: number | string; hint?: Child }) {
  return (
    <div class="stat">
      <span class="stat-value">{typeof props.value === 'number' ? formatNumber(props.value) : props.value}</span>
      <span class="stat-label">{props.label}</span>
      {props.hint ? <span class="hint">{props.hint}</span> : null}
    </div>
  );
}

/** A list of Stat boxes that reflows from one column on a phone to a row on a desktop. */
export function Stats(props: { children: Child }) {
  return <div class="stats">{props.children}</div>;
}

/** dd/mm/yyyy (and hh:mm) in Vietnam time, with the machine-readable instant. */
export function DateText(props: { iso: string | null | undefined; time?: boolean }) {
  if (!props.iso) return null;
  return <time datetime={props.iso}>{props.time ? formatDateTime(props.iso) : formatDate(props.iso)}</time>;
}

/** 1.599 / 12,5: Vietnamese separators. */
export function NumberText(props: { value: number | null | undefined }) {
  if (props.value === null || props.value === undefined || Number.isNaN(props.value)) return <span>–</span>;
  return <span class="num-text">{formatNumber(props.value)}</span>;
}
