// The citizen's form, enhanced; every part of it works without this script.
// - Shows a question only when its condition holds (SurveyJS visibleIf) and
//   lets it be answered only when enableIf holds, with the server's own
//   parser; hidden or disabled questions (and read-only ones) have their
//   fields disabled so what they held is not sent. Without JavaScript every
//   question shows with a note.
// - "None" and isExclusive choices clear the other ticks, and a tick clears them.
// - {name} placeholders in titles follow the answers.
// - Shows progress on long forms (SIPAS has 22 questions).
// - Keeps the answers in sessionStorage while the form is filled, so a
//   dropped connection or a reload loses nothing; the saved form keeps its
//   idempotency key, so sending it again answers the first receipt instead of
//   a second ballot. The receipt page clears it; closing the tab discards it.
import { evaluate, parseCondition, type Condition, type Values } from '../../server/domain/survey/expressions';

const NUMBER = /^-?\d+(\.\d+)?$/;
const vi = document.documentElement.lang !== 'en';
const draftKey = (path: string) => `danban-draft:${path}`;
// The form this tab sent last: the receipt it is redirected to (its own
// address, no form path in it) clears that form's draft.
const SENT_KEY = 'danban-sent';

function markSent(path: string): void {
  try {
    sessionStorage.setItem(SENT_KEY, path);
  } catch {
    /* storage disabled: the draft simply stays until the tab closes */
  }
}

function currentValues(form: HTMLFormElement): Values {
  const values: Values = {};
  const multi = new Set<string>();
  const boxes = form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
  for (let i = 0; i < boxes.length; i++) multi.add(boxes[i]!.name);
  new FormData(form).forEach((raw, name) => {
    if (typeof raw !== 'string' || raw === '' || name.charAt(0) === '_') return;
    const value: unknown = NUMBER.test(raw) ? Number(raw) : raw;
    if (multi.has(name)) {
      const list = (values[name] as unknown[] | undefined) ?? [];
      list.push(value);
      values[name] = list;
    } else values[name] = value;
  });
  return values;
}

interface Block {
  el: HTMLElement;
  visible: Condition | null;
  enabled: Condition | null;
}

function parse(el: HTMLElement, attr: string): Condition | null {
  const src = el.getAttribute(attr);
  if (!src) return null;
  try {
    return parseCondition(src);
  } catch {
    return null; // the server refuses forms it cannot parse: nothing to do
  }
}

/** Whether a field sits in a hidden, disabled or read-only block. */
function switchedOff(field: Element, form: HTMLFormElement): boolean {
  for (let el = field.parentElement; el && el !== form; el = el.parentElement) {
    if (el.hidden || el.hasAttribute('data-off') || el.hasAttribute('data-readonly')) return true;
  }
  return false;
}

function conditions(form: HTMLFormElement): () => void {
  const blocks: Block[] = [];
  const marked = form.querySelectorAll<HTMLElement>('[data-visible-if], [data-enable-if]');
  for (let i = 0; i < marked.length; i++) {
    const el = marked[i]!;
    const block = { el, visible: parse(el, 'data-visible-if'), enabled: parse(el, 'data-enable-if') };
    if (!block.visible && !block.enabled) continue;
    blocks.push(block);
    const note = el.querySelector('.condition');
    if (note) note.setAttribute('hidden', '');
  }
  const fields = form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input:not([type="hidden"]), textarea, select');
  return () => {
    const values = currentValues(form);
    for (const b of blocks) {
      b.el.hidden = b.visible ? !evaluate(b.visible, values) : false;
      if (b.enabled && !evaluate(b.enabled, values)) b.el.setAttribute('data-off', '');
      else b.el.removeAttribute('data-off');
    }
    for (let j = 0; j < fields.length; j++) fields[j]!.disabled = switchedOff(fields[j]!, form);
  };
}

/** "None" and isExclusive choices stand alone: ticking one clears the others, ticking another clears them. */
function exclusiveChoices(form: HTMLFormElement): void {
  form.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (box.type !== 'checkbox' || !box.checked) return;
    const group = form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${CSS.escape(box.name)}"]`);
    const exclusive = box.hasAttribute('data-exclusive');
    for (let i = 0; i < group.length; i++) {
      const other = group[i]!;
      if (other !== box && (exclusive || other.hasAttribute('data-exclusive'))) other.checked = false;
    }
  });
}

/** The answer a {name} placeholder shows: the ticked choices' labels, the chosen option or the typed text. */
function shownAnswer(form: HTMLFormElement, name: string): string {
  const fields = form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`);
  const parts: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.disabled) continue;
    if (f instanceof HTMLInputElement && (f.type === 'radio' || f.type === 'checkbox')) {
      if (f.checked) parts.push(f.parentElement?.querySelector('span')?.textContent ?? f.value);
    } else if (f instanceof HTMLSelectElement) {
      if (f.value !== '') parts.push(f.options[f.selectedIndex]?.text ?? f.value);
    } else if (f.value.trim() !== '') parts.push(f.value.trim());
  }
  return parts.join(', ');
}

function placeholders(form: HTMLFormElement): () => void {
  const spans = form.querySelectorAll<HTMLElement>('.ph[data-ph]');
  return () => {
    for (let i = 0; i < spans.length; i++) spans[i]!.textContent = shownAnswer(form, spans[i]!.getAttribute('data-ph')!);
  };
}

function progress(form: HTMLFormElement): () => void {
  const questions = form.querySelectorAll<HTMLElement>('.question:not(.inner):not(.question-html)');
  if (questions.length < 6) return () => undefined;
  const box = document.createElement('div');
  box.className = 'survey-progress';
  const bar = document.createElement('progress');
  const text = document.createElement('p');
  text.setAttribute('aria-live', 'polite');
  box.appendChild(text);
  box.appendChild(bar);
  form.insertBefore(box, form.firstChild);
  return () => {
    let shown = 0;
    let answered = 0;
    for (let i = 0; i < questions.length; i++) {
      const q = questions[i]!;
      if (q.hidden || q.hasAttribute('data-off') || q.hasAttribute('data-readonly') || !q.querySelector('input, textarea, select')) continue;
      shown++;
      const filled = q.querySelector('input:checked') || Array.prototype.some.call(
        q.querySelectorAll('input[type="text"], input[type="number"], input[type="email"], input[type="tel"], input[type="date"], textarea, select'),
        (el: HTMLInputElement) => el.value.trim() !== '',
      );
      if (filled) answered++;
    }
    bar.max = shown;
    bar.value = answered;
    text.textContent = vi ? `Đã trả lời ${answered}/${shown} câu` : `${answered} of ${shown} questions answered`;
  };
}

function saveDraft(form: HTMLFormElement): void {
  const entries: [string, string][] = [];
  new FormData(form).forEach((v, k) => {
    if (typeof v === 'string') entries.push([k, v]);
  });
  try {
    sessionStorage.setItem(draftKey(location.pathname), JSON.stringify(entries));
  } catch {
    /* storage full or disabled: the form still works */
  }
}

function restoreDraft(form: HTMLFormElement): void {
  // A page the server re-rendered with errors already holds what was sent.
  if (form.querySelector('.has-error, [aria-invalid="true"]')) return;
  let entries: [string, string][];
  try {
    entries = JSON.parse(sessionStorage.getItem(draftKey(location.pathname)) ?? '[]');
  } catch {
    return;
  }
  const text = new Map<string, string>();
  for (const [name, value] of entries) {
    const choices = form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(name)}"]`);
    for (let i = 0; i < choices.length; i++) {
      const input = choices[i]!;
      if (input.type === 'radio' || input.type === 'checkbox') {
        if (input.value === value) input.checked = true;
      } else text.set(name, value);
    }
    if (!choices.length) text.set(name, value);
  }
  for (const [name, value] of text) {
    const field = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`);
    if (field && (field.type === 'hidden' || field.value === '')) field.value = value;
  }
}

/**
 * Long forms (SIPAS: 22 criteria in 5 panels) one part per screen, with Back
 * and Next, so an elderly respondent on a small phone sees one group at a
 * time. A form the server sent back with errors shows whole, so every message
 * is in view. Without JavaScript the form is one page.
 */
function steps(form: HTMLFormElement, update: () => void): void {
  if (form.querySelector('.has-error, [aria-invalid="true"]')) return;
  const root = form.querySelector('section.page') ?? form;
  const groups: HTMLElement[][] = [];
  let loose: HTMLElement[] = [];
  for (const el of Array.from(root.children) as HTMLElement[]) {
    if (el.matches('section.panel')) {
      if (loose.length) groups.push(loose);
      loose = [];
      groups.push([el]);
    } else if (el.matches('.question')) loose.push(el);
  }
  if (loose.length) groups.push(loose);
  if (groups.length < 3 || form.querySelectorAll('.question:not(.inner)').length < 10) return;
  const submit = form.querySelector<HTMLElement>('button[type="submit"]');
  const nav = document.createElement('div');
  nav.className = 'step-nav';
  const back = document.createElement('button');
  back.type = 'button';
  back.className = 'btn btn-secondary';
  back.textContent = vi ? 'Quay lại' : 'Back';
  const next = document.createElement('button');
  next.type = 'button';
  next.className = 'btn';
  next.textContent = vi ? 'Tiếp tục' : 'Next';
  nav.appendChild(back);
  nav.appendChild(next);
  submit?.parentNode?.insertBefore(nav, submit);
  let at = 0;
  const show = (i: number, focus: boolean) => {
    at = i;
    groups.forEach((g, k) => g.forEach((el) => el.classList.toggle('step-hidden', k !== i)));
    // a class, not the hidden attribute: .btn sets its own display
    back.classList.toggle('step-hidden', i === 0);
    next.classList.toggle('step-hidden', i === groups.length - 1);
    submit?.classList.toggle('step-hidden', i !== groups.length - 1);
    update();
    if (focus) {
      const first = groups[i]![0]!;
      const heading = first.querySelector<HTMLElement>('h3, h4, legend') ?? first;
      heading.setAttribute('tabindex', '-1');
      heading.focus();
      first.scrollIntoView({ block: 'start' });
    }
  };
  back.addEventListener('click', () => show(Math.max(0, at - 1), true));
  next.addEventListener('click', () => show(Math.min(groups.length - 1, at + 1), true));
  show(0, false);
}

function enhance(form: HTMLFormElement): void {
  // A page the server sent back with errors is the answer to a post: make its
  // history entry a plain visit, so going Back to it after the ballot is sent
  // opens the page again instead of asking to send the form a second time.
  if (form.querySelector('.has-error, [aria-invalid="true"]') && window.history.replaceState) {
    window.history.replaceState(null, '', location.href);
  }
  form.addEventListener('submit', () => markSent(location.pathname));
  restoreDraft(form);
  exclusiveChoices(form);
  const updateConditions = conditions(form);
  const updatePlaceholders = placeholders(form);
  const updateProgress = progress(form);
  const update = () => {
    updateConditions();
    updatePlaceholders();
    updateProgress();
  };
  form.addEventListener('change', () => { update(); saveDraft(form); });
  form.addEventListener('input', () => { update(); saveDraft(form); });
  update();
  steps(form, update);
}

const forms = document.querySelectorAll<HTMLFormElement>('form.survey');
for (let i = 0; i < forms.length; i++) enhance(forms[i]!);

// The "already used" page: a ballot sent from this phone whose answer never
// arrived can be sent again with its saved key, and the server answers the
// first receipt (it is never counted twice).
const resend = document.querySelector<HTMLElement>('[data-resend-draft]');
const saved = resend ? sessionStorage.getItem(draftKey(location.pathname)) : null;
if (resend && saved) {
  resend.hidden = false;
  resend.querySelector('button')!.addEventListener('click', () => {
    markSent(location.pathname);
    const form = document.createElement('form');
    form.method = 'post';
    form.action = location.pathname;
    for (const [name, value] of JSON.parse(saved) as [string, string][]) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.appendChild(input);
    }
    document.body.appendChild(form);
    form.submit();
  });
}

// The receipt page clears the draft no longer needed: the form it names, or
// (empty) the one this tab just sent.
const done = document.querySelector<HTMLElement>('[data-clear-draft]');
if (done) {
  try {
    const path = done.getAttribute('data-clear-draft') || sessionStorage.getItem(SENT_KEY);
    if (path) sessionStorage.removeItem(draftKey(path));
    sessionStorage.removeItem(SENT_KEY);
  } catch {
    /* nothing saved */
  }
}
