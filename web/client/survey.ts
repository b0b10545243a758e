// Shows a question only when its condition holds (SurveyJS visibleIf), on the
// citizen's form. Without JavaScript every question shows with a note saying
// when to answer it; with it, hidden questions are also disabled so what they
// held is not sent. Uses the server's own condition parser, so the two agree.
import { evaluate, parseCondition, type Condition, type Values } from '../../server/domain/survey/expressions';

const NUMBER = /^-?\d+(\.\d+)?$/;

function currentValues(form: HTMLFormElement): Values {
  const values: Values = {};
  const multi = new Set<string>();
  const boxes = form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
  for (let i = 0; i < boxes.length; i++) multi.add(boxes[i]!.name);
  const data = new FormData(form);
  data.forEach((raw, name) => {
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

function enhance(form: HTMLFormElement): void {
  const blocks: { el: HTMLElement; cond: Condition }[] = [];
  const marked = form.querySelectorAll<HTMLElement>('[data-visible-if]');
  for (let i = 0; i < marked.length; i++) {
    try {
      blocks.push({ el: marked[i]!, cond: parseCondition(marked[i]!.getAttribute('data-visible-if')!) });
    } catch {
      /* the server refuses forms it cannot parse; nothing to hide here */
    }
    const note = marked[i]!.querySelector('.condition');
    if (note) note.setAttribute('hidden', '');
  }
  if (!blocks.length) return;
  const update = () => {
    const values = currentValues(form);
    for (const b of blocks) {
      const show = evaluate(b.cond, values);
      b.el.hidden = !show;
      const fields = b.el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select');
      for (let j = 0; j < fields.length; j++) fields[j]!.disabled = !show;
    }
  };
  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();
}

const forms = document.querySelectorAll<HTMLFormElement>('form.survey');
for (let i = 0; i < forms.length; i++) enhance(forms[i]!);
