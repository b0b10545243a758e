// The citizen's form, enhanced; every part of it works without this script.
// - Shows a question only when its condition holds (SurveyJS visibleIf), with
//   the server's own parser; hidden questions are disabled so what they held
//   is not sent. Without JavaScript every question shows with a note.
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

function conditions(form: HTMLFormElement): () => void {
  const blocks: { el: HTMLElement; cond: Condition }[] = [];
  const marked = form.querySelectorAll<HTMLElement>('[data-visible-if]');
  for (let i = 0; i < marked.length; i++) {
    try {
      blocks.push({ el: marked[i]!, cond: parseCondition(marked[i]!.getAttribute('data-visible-if')!) });
    } catch {
      continue; // the server refuses forms it cannot parse: nothing to hide
    }
    const note = marked[i]!.querySelector('.condition');
    if (note) note.setAttribute('hidden', '');
  }
  return () => {
    const values = currentValues(form);
    for (const b of blocks) {
      const show = evaluate(b.cond, values);
      b.el.hidden = !show;
      const fields = b.el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select');
      for (let j = 0; j < fields.length; j++) fields[j]!.disabled = !show;
    }
  };
}

function progress(form: HTMLFormElement): () => void {
  const questions = form.querySelectorAll<HTMLElement>('.question');
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
      if (q.hidden || !q.querySelector('input, textarea, select')) continue;
      shown++;
      const filled = q.querySelector('input:checked') || Array.prototype.some.call(
        q.querySelectorAll('input[type="text"], input[type="number"], textarea, select'),
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
  if (groups.length < 3 || form.querySelectorAll('.question').length < 10) return;
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
  const updateConditions = conditions(form);
  const updateProgress = progress(form);
  const update = () => {
    updateConditions();
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
