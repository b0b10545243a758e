import { describe, expect, test } from 'vitest';
import { SurveyForm, type SurveyFormProps } from '../../web/views/survey-form';
import { formToAnswers, type FormFields } from '../../server/domain/survey/form-data';
import { compileValidator } from '../../server/domain/survey/validator';
import { TEMPLATE_NAMES, loadTemplate } from '../../surveys';
import type { Json } from '../../server/domain/survey/definition';

const render = (props: Partial<SurveyFormProps> & { json: Json }) =>
  SurveyForm({ lang: 'vi', action: '/b/ABCD', ...props }).toString();

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)) out[m[1]!] = unescape(m[2] ?? '');
  return out;
}

/** What a browser without JavaScript would post for this HTML form. */
function submit(html: string): FormFields {
  const fields: Record<string, string[]> = {};
  const add = (name: string | undefined, value: string) => {
    if (name) (fields[name] ??= []).push(value);
  };
  for (const m of html.matchAll(/<input\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]!);
    if ((a.type === 'radio' || a.type === 'checkbox') && !('checked' in a)) continue;
    add(a.name, a.value ?? '');
  }
  for (const m of html.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) add(attrs(m[1]!).name, unescape(m[2]!));
  for (const m of html.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const chosen = [...m[2]!.matchAll(/<option\b([^>]*)>/g)].map((o) => attrs(o[1]!)).find((o) => 'selected' in o);
    add(attrs(m[1]!).name, chosen?.value ?? '');
  }
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}

/** Every input, select and textarea a person fills in, with whether a label points at it. */
function controls(html: string) {
  const labelled = new Set([...html.matchAll(/<label\b[^>]*\bfor="([^"]+)"/g)].map((m) => m[1]));
  return [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)]
    .map((m): Record<string, string> => ({ tag: m[1]!, ...attrs(m[2]!) }))
    .filter((c) => c.type !== 'hidden')
    .map((c) => ({ name: c.name, id: c.id, labelled: Boolean(c.id && labelled.has(c.id)) }));
}

const everyType: Json = {
  title: 'Mọi kiểu câu hỏi',
  elements: [
    { type: 'boolean', name: 'member', title: 'Là hội viên?', isRequired: true },
    { type: 'dropdown', name: 'village', title: 'Thôn', choices: [{ value: 1, text: 'Thôn Đông' }, { value: 2, text: 'Thôn Đoài' }], showOtherItem: true },
    { type: 'rating', name: 'score', title: 'Điểm', rateMin: 0, rateMax: 10, rateStep: 2 },
    { type: 'text', name: 'age', title: 'Tuổi', inputType: 'number', min: 18 },
    { type: 'matrix', name: 'grid', title: 'Đánh giá', rows: [{ value: 'road', text: 'Đường' }, { value: 'light', text: 'Đèn' }], columns: [{ value: 1, text: 'Kém' }, { value: 2, text: 'Tốt' }] },
    { type: 'checkbox', name: 'pick', title: 'Chọn', choices: ['a', 'b'], showNoneItem: true },
    { type: 'panel', name: 'more', title: 'Thêm', visibleIf: '{member} = true', elements: [{ type: 'comment', name: 'why', title: 'Vì sao' }] },
  ],
};

const sampleAnswers: [string, Json, Record<string, unknown>][] = [
  ['household-decision', loadTemplate('household-decision')!, { decision: 'other', otherOpinion: 'Làm đường <trước> & "sau", rồi mới\nxây nhà văn hóa' }],
  ['consultation', loadTemplate('consultation')!, { s1_opinion: 'agree', s2_opinion: 'disagree', s2_comment: 'Ưu tiên kênh mương', generalComment: 'Cảm ơn', contactPhone: '0912 345 678' }],
  ['sipas', loadTemplate('sipas')!, { a1: 5, b2: 3, c6: 4, e4: 1, overall: 4, suggestions: 'Thêm ghế chờ' }],
  ['one-stop-rating', loadTemplate('one-stop-rating')!, { dossierCode: 'HS-001', rating: 'not_satisfied', reasons: ['many_visits', 'other'], 'reasons-Comment': 'Chờ lâu', comment: 'Không' }],
  ['election', loadTemplate('election')!, { candidates: ['example-2'] }],
  ['every question type', everyType, { member: false, village: 'other', 'village-Comment': 'Thôn Mới', score: 8, age: 42, grid: { road: 1, light: 2 }, pick: ['none'] }],
];

describe('server-rendered survey form', () => {
  test.each([...TEMPLATE_NAMES, 'every question type'])('%s gives every input a label', (name) => {
    const json = name === 'every question type' ? everyType : loadTemplate(name)!;
    for (const lang of ['vi', 'en'] as const) {
      const list = controls(render({ json, lang }));
      expect(list.length).toBeGreaterThan(0);
      expect(list.filter((c) => !c.labelled)).toEqual([]);
    }
  });

  test('radio groups, checkboxes, ratings and matrices are fieldsets with a legend', () => {
    const html = render({ json: everyType });
    for (const name of ['member', 'score', 'grid', 'pick']) {
      expect(html).toMatch(new RegExp(`<fieldset id="q-${name}"[^>]*><legend>`));
    }
    expect(html).toContain('<label for="q-age-input">Tuổi</label>');
  });

  test('required questions are marked in words, in the reader’s language', () => {
    const json = loadTemplate('household-decision')!;
    expect(render({ json })).toContain('<span class="required">(bắt buộc)</span>');
    expect(render({ json, lang: 'en' })).toContain('<span class="required">(required)</span>');
  });

  test('text from the form is escaped: a title with <script> shows as text', () => {
    const json = {
      title: '<script>alert(1)</script>',
      elements: [
        { type: 'html', name: 'note', html: '<img src=x onerror="alert(2)">Xem <b>kỹ</b>' },
        { type: 'radiogroup', name: 'r', title: '"><script>alert(3)</script>', choices: [{ value: 'a"><b', text: '<i>A</i>' }] },
      ],
    };
    const html = render({ json, hiddenFields: { serial: '"><script>' } });
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;Xem &lt;b&gt;kỹ&lt;/b&gt;');
    expect(html).toContain('value="a&quot;&gt;&lt;b"');
  });

  test('errors appear next to their question, with aria-invalid and aria-describedby, and in a summary linking to it', () => {
    const json = loadTemplate('one-stop-rating')!;
    const answers = { rating: 'not_satisfied' };
    const result = compileValidator(json)(answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const html = render({ json, answers, errors: result.errors });
    const block = /<fieldset id="q-reasons"[\s\S]*?<\/fieldset>/.exec(html)![0];
    expect(block).toContain('<p class="error" id="q-reasons-error" role="alert">');
    expect(block).toContain(result.errors[0]!.message.vi);
    expect(block).toMatch(/<input type="checkbox"[^>]*aria-invalid="true"[^>]*aria-describedby="q-reasons-error"/);
    expect(html).toMatch(/class="error error-summary"[\s\S]*<a href="#q-reasons">/);
    // the other questions are not marked
    expect(/<fieldset id="q-rating"[\s\S]*?<\/fieldset>/.exec(html)![0]).not.toContain('aria-invalid');
  });

  test('a question shown only under a condition stays visible without JavaScript, saying when to answer it', () => {
    const html = render({ json: loadTemplate('household-decision')! });
    expect(html).toContain(`data-visible-if="{decision} = &#39;other&#39;"`);
    // required only under its condition: the note says so, and no "(bắt buộc)" beside its title contradicts an optional reading
    expect(html).toContain('(bắt buộc nếu ở câu “Ý kiến của hộ gia đình về nội dung trên” chọn “Ý kiến khác”)');
    expect(/<div id="q-otherOpinion"[\s\S]*?<\/div>/.exec(html)![0]).not.toContain('(bắt buộc)');
    expect(render({ json: loadTemplate('household-decision')!, lang: 'en' })).toContain('(required if your answer to “Your household\'s opinion on the matter above” is “Other opinion”)'.replace("'", '&#39;'));
    const optional = render({ json: { elements: [
      { type: 'radiogroup', name: 'use', title: 'Dùng sân chơi?', choices: ['có', 'không'] },
      { type: 'comment', name: 'why', title: 'Vì sao?', visibleIf: "{use} = 'không'" },
    ] } });
    expect(optional).toContain('(chỉ trả lời nếu ở câu “Dùng sân chơi?” chọn “không”)');
  });

  test('hidden fields are carried in the form', () => {
    const html = render({ json: loadTemplate('election')!, hiddenFields: { _csrf: 'tok' } });
    expect(html).toContain('<input type="hidden" name="_csrf" value="tok"/>');
  });

  test.each(sampleAnswers)('%s: answers filled back in and posted again come back unchanged and valid', (_name, json, answers) => {
    const html = render({ json, answers });
    const fields = submit(html);
    expect(formToAnswers(json, fields)).toEqual(answers);
    expect(compileValidator(json)(formToAnswers(json, fields))).toEqual({ ok: true, data: answers });
  });

  test('an empty form posts no answers', () => {
    for (const name of TEMPLATE_NAMES) {
      const json = loadTemplate(name)!;
      expect(formToAnswers(json, submit(render({ json })))).toEqual({});
    }
  });
});

describe('formToAnswers', () => {
  test('converts numbers, booleans, lists and matrix rows to the form’s own values', () => {
    expect(formToAnswers(everyType, {
      member: 'true', village: '2', score: '6', age: ' 42 ', 'grid[road]': '2', pick: ['a', 'b'], why: 'x', _csrf: 'ignored',
    })).toEqual({ member: true, village: 2, score: 6, age: 42, grid: { road: 2 }, pick: ['a', 'b'], why: 'x' });
  });

  test('passes what matches nothing on for the validator to refuse, never drops it silently', () => {
    const answers = formToAnswers(everyType, { member: 'maybe', village: '9', age: 'bốn mươi' });
    expect(answers).toEqual({ member: 'maybe', village: '9', age: 'bốn mươi' });
    const result = compileValidator(everyType)(answers);
    expect(result.ok).toBe(false);
  });

  test('two marks on a one-choice question stay two, so the ballot is refused', () => {
    const json = loadTemplate('household-decision')!;
    const answers = formToAnswers(json, { decision: ['approve', 'reject'] });
    expect(answers).toEqual({ decision: ['approve', 'reject'] });
    expect(compileValidator(json)(answers)).toMatchObject({ ok: false, errors: [{ question: 'decision', rule: 'type' }] });
  });

  test('blank fields are unanswered', () => {
    expect(formToAnswers(loadTemplate('one-stop-rating')!, { dossierCode: '  ', rating: '', reasons: [''] })).toEqual({});
  });
});
