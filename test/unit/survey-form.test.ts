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
    expect(html).not.toMatch(/<script|<img|onerror|<i>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;i&gt;A&lt;/i&gt;');
    expect(html).toContain('value="a&quot;&gt;&lt;b"');
  });

  test('the html element shows a sanitised subset of its markup, never scripts, handlers or foreign links', () => {
    const json = {
      elements: [
        {
          type: 'html', name: 'note',
          html: '<h2>Lưu ý</h2><p onclick="steal()">Xem <b>kỹ</b> <a href="javascript:alert(1)">đây</a> và <a href="https://xa.gov.vn/du-an">dự án</a></p>'
            + '<ul><li>Một</li></ul><script>alert(1)</script><style>body{display:none}</style><iframe src="https://x"></iframe><img src="https://x/p.gif">',
        },
        { type: 'text', name: 't' },
      ],
    };
    const block = /<div class="question question-html"[^>]*>([\s\S]*?)<\/div>/.exec(render({ json }))![1]!;
    expect(block).toContain('<h3>Lưu ý</h3>');
    expect(block).toContain('Xem <b>kỹ</b>');
    expect(block).toContain('<a href="https://xa.gov.vn/du-an" rel="noopener noreferrer">dự án</a>');
    expect(block).toContain('<ul><li>Một</li></ul>');
    expect(block).not.toMatch(/javascript|onclick|<script|alert|<style|display:none|<iframe|<img/);
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
    expect(html).toContain('(chỉ trả lời nếu ở câu “Ý kiến của hộ gia đình về nội dung trên” chọn “Ý kiến khác”)');
    expect(render({ json: loadTemplate('household-decision')!, lang: 'en' })).toContain('(answer only if your answer to “Your household\'s opinion on the matter above” is “Other opinion”)'.replace("'", '&#39;'));
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

describe('rendering what SurveyJS forms use, without JavaScript', () => {
  const inputsOf = (html: string, name: string) => [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)].map((m) => attrs(m[2]!)).filter((a) => a.name === name);

  test('a matrix is one block per row, its columns as the row’s choices: no table to scroll sideways', () => {
    const json = { elements: [{ type: 'matrix', name: 'grid', title: 'Đánh giá', rows: [{ value: 'road', text: 'Đường làng' }, 'Nước sạch'], columns: [{ value: 1, text: 'Kém' }, { value: 2, text: 'Tốt' }] }] };
    const html = render({ json, answers: { grid: { road: 2 } } });
    expect(html).not.toContain('<table');
    const rows = [...html.matchAll(/<fieldset class="matrix-row"><legend>([^<]*)<\/legend>([\s\S]*?)<\/fieldset>/g)];
    expect(rows.map((r) => r[1])).toEqual(['Đường làng', 'Nước sạch']);
    expect(rows[0]![2]).toMatch(/name="grid\[road\]" value="2" checked=""/);
    expect([...rows[1]![2]!.matchAll(/<span>([^<]*)<\/span>/g)].map((m) => m[1])).toEqual(['Kém', 'Tốt']);
    expect(formToAnswers(json, submit(html))).toEqual({ grid: { road: 2 } });
  });

  test('a rating shows its end descriptions beside the first and last values', () => {
    const json = { elements: [{ type: 'rating', name: 'nps', rateMin: 0, rateMax: 10, minRateDescription: 'Chắc chắn không', maxRateDescription: { default: 'Chắc chắn có', en: 'Certainly' } }] };
    const labels = (lang: 'vi' | 'en') => [...render({ json, lang }).matchAll(/<span>([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(labels('vi')).toEqual(['0 – Chắc chắn không', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10 – Chắc chắn có']);
    expect(labels('en').at(-1)).toBe('10 – Certainly');
  });

  test('{name} placeholders show the answer’s text, {pageno} the page’s number; an unknown one stays as written', () => {
    const json = {
      pages: [
        { name: 'p1', title: 'Phần {pageno}/{pagecount}', elements: [
          { type: 'text', name: 'hoTen', title: 'Họ tên' },
          { type: 'radiogroup', name: 'thon', title: 'Thôn', choices: [{ value: 'ds', text: 'Đông Sơn' }, 'Bắc'] },
        ] },
        { name: 'p2', title: 'Phần {pageno}', elements: [{ type: 'comment', name: 'y', title: 'Ông/bà {HoTen} ở thôn { thon }, ý kiến về {khongco}?' }] },
      ],
    };
    const html = render({ json, answers: { hoTen: 'Lê Văn <Tám>', thon: 'ds' } });
    expect(html).toContain('<h3>Phần 1/2</h3>');
    expect(html).toContain('<h3>Phần 2</h3>');
    expect(html).toContain('Ông/bà <span class="ph" data-ph="hoTen">Lê Văn &lt;Tám&gt;</span> ở thôn <span class="ph" data-ph="thon">Đông Sơn</span>, ý kiến về {khongco}?');
    // unanswered: empty, as survey-core shows it
    expect(render({ json })).toContain('Ông/bà <span class="ph" data-ph="hoTen"></span> ở thôn');
  });

  test('choicesOrder random is stable for one ballot and differs between ballots; asc sorts in Vietnamese order; Other stays last', () => {
    const choices = ['Đường', 'Điện', 'Nước', 'Trường', 'Chợ', 'Cầu', 'Rác', 'Đê'];
    const json = { elements: [{ type: 'checkbox', name: 'c', choices, choicesOrder: 'random', showOtherItem: true }] };
    const order = (seed: string) => inputsOf(render({ json, seed }), 'c').map((a) => a.value);
    expect(order('/b/AAAA')).toEqual(order('/b/AAAA'));
    expect([...order('/b/AAAA')].sort()).toEqual([...choices, 'other'].sort());
    expect(order('/b/AAAA').at(-1)).toBe('other');
    const seen = new Set(['/b/A', '/b/B', '/b/C', '/b/D', '/b/E'].map((s) => order(s).join('|')));
    expect(seen.size).toBeGreaterThan(1);
    const asc = { elements: [{ type: 'radiogroup', name: 'r', choices: ['Đê', 'Cầu', 'Điện', 'Chợ', 'Ao'], choicesOrder: 'asc' }] };
    expect(inputsOf(render({ json: asc }), 'r').map((a) => a.value)).toEqual(['Ao', 'Cầu', 'Chợ', 'Đê', 'Điện']);
    const desc = { elements: [{ type: 'radiogroup', name: 'r', choices: ['Đê', 'Cầu', 'Ao'], choicesOrder: 'desc' }] };
    expect(inputsOf(render({ json: desc }), 'r').map((a) => a.value)).toEqual(['Đê', 'Cầu', 'Ao']);
  });

  test('read-only questions and pages render read-only, send nothing, and the server keeps their default', () => {
    const json = {
      pages: [
        { name: 'p1', elements: [
          { type: 'text', name: 'xa', title: 'Xã', readOnly: true, defaultValue: 'Xã Việt Khê' },
          { type: 'radiogroup', name: 'r', choices: ['a', 'b'], isRequired: true },
        ] },
        { name: 'p2', readOnly: true, elements: [{ type: 'comment', name: 'ghi', isRequired: true }] },
      ],
    };
    const html = render({ json });
    expect(inputsOf(html, 'xa')[0]).toMatchObject({ value: 'Xã Việt Khê', disabled: '' });
    expect(inputsOf(html, 'ghi')[0]).toHaveProperty('disabled');
    expect(inputsOf(html, 'r')[0]).not.toHaveProperty('disabled');
    expect(html).toContain('(chỉ xem, không cần trả lời)');
    // a browser does not send disabled fields
    const fields = submit(html.replace(/<(input|textarea)\b[^>]*\bdisabled=""[^>]*>(<\/textarea>)?/g, ''));
    expect(fields).toEqual({});
    const validate = compileValidator(json);
    expect(validate({ r: 'a' })).toEqual({ ok: true, data: { xa: 'Xã Việt Khê', r: 'a' } });
    // a client that sends them anyway changes nothing
    expect(validate({ r: 'a', xa: 'Xã khác', ghi: 'x' })).toEqual({ ok: true, data: { xa: 'Xã Việt Khê', r: 'a' } });
  });

  test('a form in display mode is shown read-only with no send button, and takes no answers', () => {
    const json = { mode: 'display', elements: [{ type: 'radiogroup', name: 'r', choices: ['a', 'b'], isRequired: true }] };
    const html = render({ json });
    expect(html).not.toContain('type="submit"');
    expect(html).toContain('chỉ để xem');
    expect(inputsOf(html, 'r').every((a) => 'disabled' in a)).toBe(true);
    expect(compileValidator(json)({ r: 'a' })).toEqual({ ok: true, data: {} });
  });

  test('isExclusive choices are marked for the script, and the server refuses them combined', () => {
    const json = { elements: [{ type: 'checkbox', name: 'c', choices: ['a', 'b', { value: 'khong', text: 'Không có', isExclusive: true }], showNoneItem: true }] };
    const boxes = inputsOf(render({ json }), 'c');
    expect(boxes.filter((b) => 'data-exclusive' in b).map((b) => b.value)).toEqual(['khong', 'none']);
    const validate = compileValidator(json);
    expect(validate({ c: ['khong'] })).toEqual({ ok: true, data: { c: ['khong'] } });
    expect(validate({ c: ['a', 'khong'] })).toMatchObject({ ok: false, errors: [{ question: 'c', rule: 'none_exclusive', message: { vi: expect.stringContaining('“Không có” không đi cùng') } }] });
  });

  test('the survey’s maxTextLength limits texts without their own maxLength, in the page and on the server', () => {
    const json = { maxTextLength: 20, elements: [{ type: 'text', name: 't' }, { type: 'comment', name: 'c' }, { type: 'text', name: 'own', maxLength: 5 }, { type: 'text', name: 'free', maxLength: 0 }] };
    const html = render({ json });
    expect(inputsOf(html, 't')[0]!.maxlength).toBe('20');
    expect(inputsOf(html, 'c')[0]!.maxlength).toBe('20');
    expect(inputsOf(html, 'own')[0]!.maxlength).toBe('5');
    expect(inputsOf(html, 'free')[0]!.maxlength).toBe('5000');
    const validate = compileValidator(json);
    expect(validate({ c: 'x'.repeat(21) })).toMatchObject({ ok: false, errors: [{ question: 'c', rule: 'max_length' }] });
    expect(validate({ free: 'x'.repeat(21) })).toEqual({ ok: true, data: { free: 'x'.repeat(21) } });
  });

  test('page- and question-level visibleIf / enableIf carry an “only if” note without JavaScript', () => {
    const json = {
      pages: [
        { name: 'p1', elements: [{ type: 'boolean', name: 'coCon', title: 'Hộ có con đi học?' }, { type: 'text', name: 'soCon', title: 'Số con', inputType: 'number', enableIf: '{coCon} = true' }] },
        { name: 'p2', title: 'Về trường học', visibleIf: '{soCon} > 0', elements: [{ type: 'comment', name: 'truong', title: 'Ý kiến' }] },
        { name: 'p3', enableIf: '{coCon} = true', elements: [{ type: 'comment', name: 'hocPhi', title: 'Học phí' }] },
      ],
    };
    const html = render({ json });
    expect(html).toMatch(/<section class="page" data-visible-if="\{soCon\} &gt; 0"><h3>Về trường học<\/h3><p class="description condition">\(chỉ trả lời nếu câu “Số con” lớn hơn “0”\)<\/p>/);
    expect(html).toMatch(/<section class="page" data-enable-if="\{coCon\} = true"><p class="description condition">\(chỉ trả lời nếu ở câu “Hộ có con đi học\?” chọn “Có”\)<\/p>/);
    expect(/<div id="q-soCon"[\s\S]*?<\/div>/.exec(html)![0]).toContain('(chỉ trả lời nếu ở câu “Hộ có con đi học?” chọn “Có”)');
    // and the server drops what a disabled page or question holds
    expect(compileValidator(json)({ coCon: false, soCon: 2, hocPhi: 'x', truong: 'y' })).toEqual({ ok: true, data: { coCon: false, truong: 'y' } });
  });
});
