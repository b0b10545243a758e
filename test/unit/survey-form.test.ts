import { describe, expect, test } from 'vitest';
import { SurveyForm, type SurveyFormProps } from '../../web/views/survey-form';
import { formToAnswers } from '../../server/domain/survey/form-data';
import { compileValidator } from '../../server/domain/survey/validator';
import { TEMPLATE_NAMES, loadTemplate } from '../../surveys';
import type { Json } from '../../server/domain/survey/definition';
import { SAMPLE_ANSWERS, attrs, formNamed, submittedFields as submit } from '../support/surveyjs';

const fixture = (name: string) => formNamed(`fixtures/surveyjs/${name}.json`);

const render = (props: Partial<SurveyFormProps> & { json: Json }) =>
  SurveyForm({ lang: 'vi', action: '/b/ABCD', ...props }).toString();

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

/** [label, form, answers, the data the server keeps when it differs (a read-only question keeps its default)] */
const fixtureAnswers = Object.entries(SAMPLE_ANSWERS)
  .filter(([name]) => name.startsWith('fixtures/'))
  .map(([name, sample]) => [name, formNamed(name), sample.answers, sample.kept] as [string, Json, Record<string, unknown>, Record<string, unknown> | undefined]);

describe('server-rendered survey form', () => {
  test.each(fixtureAnswers)('%s (SurveyJS fixture): answers filled back in and posted again come back unchanged and valid', (_name, json, answers, kept) => {
    const html = render({ json, answers });
    const posted = formToAnswers(json, submit(html));
    expect(posted).toEqual(answers);
    expect(compileValidator(json)(posted)).toEqual({ ok: true, data: { ...kept, ...answers } });
  });

  test.each(fixtureAnswers)('%s (SurveyJS fixture) gives every input a label', (_name, json) => {
    const list = controls(render({ json }));
    expect(list.length).toBeGreaterThan(5);
    expect(list.filter((c) => !c.labelled)).toEqual([]);
  });

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

describe('the question types people bring from SurveyJS, without JavaScript', () => {
  const names = (html: string) => [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]!);

  test('a paneldynamic shows its first entries, offers more in <details> up to maxPanelCount, and blank entries are no entries', () => {
    const json = fixture('ho-gia-dinh');
    const html = render({ json });
    const block = /<fieldset id="q-thanh-vien"[\s\S]*?<\/div><\/fieldset>(?=<div id="q-ho-dong")/.exec(html)![0];
    expect(block).toContain('<legend>Thành viên thứ 1</legend>');
    expect(block.indexOf('<details')).toBeGreaterThan(block.indexOf('Thành viên thứ 1'));
    expect([...block.matchAll(/<summary>([^<]*)<\/summary>/g)].map((m) => m[1])).toEqual(
      ['＋ Thêm thành viên (2)', '＋ Thêm thành viên (3)', '＋ Thêm thành viên (4)', '＋ Thêm thành viên (5)', '＋ Thêm thành viên (6)', '＋ Thêm thành viên (7)', '＋ Thêm thành viên (8)'],
    );
    expect(names(block).filter((n) => n.endsWith('[ho-ten]'))).toHaveLength(8);
    const answers = formToAnswers(json, { 'thanh-vien[0][ho-ten]': 'An', 'thanh-vien[1][ho-ten]': ' ', 'thanh-vien[4][ho-ten]': 'Bình', 'thanh-vien[4][gioi-tinh]': 'nu' });
    expect(answers['thanh-vien']).toEqual([{ 'ho-ten': 'An' }, { 'ho-ten': 'Bình', 'gioi-tinh': 'nu' }]);
    // an entry with its required question left blank is refused, naming the entry
    const result = compileValidator(json)({ ...answers, 'thanh-vien': [{ 'ho-ten': 'An' }, { 'gioi-tinh': 'nu' }] });
    expect(result).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ question: 'thanh-vien', rule: 'required', message: expect.objectContaining({ vi: expect.stringContaining('mục 2: câu “Họ và tên”') }) })]) });
  });

  test('a matrixdynamic left blank is no rows: not refused for its required column, as a person removing the empty rows', () => {
    const json = fixture('ke-hoach-dau-tu');
    const html = render({ json });
    expect(names(html).filter((n) => n.startsWith('de-xuat['))).toContain('de-xuat[0][ten]');
    expect(names(html).filter((n) => /^de-xuat\[\d\]\[ten\]$/.test(n))).toHaveLength(5);
    const projects = {
      'danh-gia-du-an[Bê tông đường trục thôn][muc-do]': '3', 'danh-gia-du-an[Nạo vét kênh Đông][muc-do]': '1', 'danh-gia-du-an[Sửa nhà văn hóa][muc-do]': '2',
    };
    const answers = formToAnswers(json, { 'vai-tro': 'chu-ho', ...projects, 'de-xuat[0][ten]': '', 'de-xuat[0][thon]': '' });
    expect(answers['de-xuat']).toEqual([]);
    const data = { 'Bê tông đường trục thôn': { 'muc-do': 3 }, 'Nạo vét kênh Đông': { 'muc-do': 1 }, 'Sửa nhà văn hóa': { 'muc-do': 2 } };
    expect(compileValidator(json)(answers)).toEqual({ ok: true, data: { 'don-vi': 'UBND xã Việt Khê', 'vai-tro': 'chu-ho', 'danh-gia-du-an': data } });
    // an API answer that leaves the default row out entirely is checked as survey-core checks its empty default row
    expect(compileValidator(json)({ 'vai-tro': 'chu-ho', 'danh-gia-du-an': data })).toMatchObject({ ok: false, errors: [{ question: 'de-xuat', rule: 'required', message: { vi: expect.stringContaining('dòng 1: cột “Tên dự án”') } }] });
  });

  test('a ranking is one select per rank; ranking every choice once is required unless selectToRankEnabled', () => {
    const json = fixture('danh-gia-mot-cua');
    const html = render({ json });
    expect(names(html).filter((n) => n.startsWith('uu-tien'))).toEqual(['uu-tien[1]', 'uu-tien[2]', 'uu-tien[3]', 'uu-tien[4]']);
    expect(html).toContain('<label for="q-uu-tien-rank1">Hạng 1</label>');
    const base = { 'hai-long-chung': 5, 'tieu-chi': { 'Thái độ cán bộ': 3, 'Thời gian giải quyết': 3, 'Niêm yết thủ tục': 3, 'Cơ sở vật chất': 3 } };
    const validate = compileValidator(json);
    const partial = formToAnswers(json, { 'uu-tien[1]': 'Thêm chỗ ngồi chờ', 'uu-tien[3]': 'Hướng dẫn rõ hơn' });
    expect(partial).toEqual({ 'uu-tien': ['Thêm chỗ ngồi chờ', 'Hướng dẫn rõ hơn'] });
    expect(validate({ ...base, ...partial })).toMatchObject({ ok: false, errors: [{ question: 'uu-tien', rule: 'ranking' }] });
    const twice = formToAnswers(json, { 'uu-tien[1]': 'Thêm chỗ ngồi chờ', 'uu-tien[2]': 'Thêm chỗ ngồi chờ', 'uu-tien[3]': 'Hướng dẫn rõ hơn', 'uu-tien[4]': 'Rút ngắn thời gian' });
    expect(validate({ ...base, ...twice })).toMatchObject({ ok: false, errors: [{ question: 'uu-tien', rule: 'duplicate' }] });
    const some = { elements: [{ type: 'ranking', name: 'r', selectToRankEnabled: true, minSelectedChoices: 1, choices: ['a', 'b', 'c'] }] };
    expect(compileValidator(some)({ r: ['c'] })).toEqual({ ok: true, data: { r: ['c'] } });
    expect(compileValidator(some)({})).toMatchObject({ ok: false, errors: [{ question: 'r', rule: 'min_selected' }] });
  });

  test('a date works with the phone’s date picker or typed as dd/mm/yyyy, within min and max', () => {
    const json = { elements: [{ type: 'text', name: 'd', inputType: 'date', min: '2026-01-01', max: '2026-12-31' }] };
    const html = render({ json });
    expect(html).toMatch(/<input[^>]*name="d"[^>]*type="date"[^>]*min="2026-01-01" max="2026-12-31"/);
    const validate = compileValidator(json);
    expect(formToAnswers(json, { d: '2026-04-30' })).toEqual({ d: '2026-04-30' });
    expect(formToAnswers(json, { d: '5/4/2026' })).toEqual({ d: '2026-04-05' });
    expect(validate(formToAnswers(json, { d: '30/04/2026' }))).toEqual({ ok: true, data: { d: '2026-04-30' } });
    expect(validate({ d: '2026-02-30' })).toMatchObject({ ok: false, errors: [{ rule: 'format' }] });
    expect(validate({ d: 'hôm qua' })).toMatchObject({ ok: false, errors: [{ rule: 'format' }] });
    expect(validate({ d: '2025-12-31' })).toMatchObject({ ok: false, errors: [{ rule: 'min_max', message: { vi: expect.stringContaining('01/01/2026') } }] });
  });

  test('defaultValue fills the first render; a form sent back shows what was sent, even blank', () => {
    const json = fixture('ho-gia-dinh');
    const first = render({ json });
    expect(first).toMatch(/<option value="Đông Sơn" selected="">/);
    expect(first).toMatch(/name="so-nhan-khau"[^>]*value="1"/);
    const again = render({ json, answers: { 'chu-ho': 'An' } });
    expect(again).not.toMatch(/<option value="Đông Sơn" selected="">/);
    expect(again).toMatch(/name="so-nhan-khau"[^>]*value=""/);
  });

  test('a tagbox is a list of checkboxes; a multipletext is one labelled box per item, and refuses keys it does not have', () => {
    const json = fixture('ho-gia-dinh');
    const html = render({ json });
    expect(html.match(/<input type="checkbox"[^>]*name="ho-tro"/g)).toHaveLength(5);
    expect(html).toContain('<label for="q-lien-he-i0-input">Điện thoại <span class="required">(bắt buộc)</span></label>');
    expect(html).toMatch(/name="lien-he\[dien-thoai\]"[^>]*type="tel"/);
    const validate = compileValidator(json);
    const base = { 'chu-ho': 'An', thon: 'Bắc Hà', 'ngay-ke-khai': '2026-01-02', 'so-nhan-khau': 2, 'thanh-vien': [{ 'ho-ten': 'An' }] };
    expect(validate({ ...base, 'lien-he': { 'dien-thoai': '0912345678', fax: '1' } })).toMatchObject({ ok: false, errors: [{ question: 'lien-he', rule: 'item' }] });
    expect(validate({ ...base, 'lien-he': { email: 'a@b.vn' } })).toMatchObject({ ok: false, errors: [{ question: 'lien-he', rule: 'required', message: { vi: expect.stringContaining('ô “Điện thoại”') } }] });
    expect(validate({ ...base, 'lien-he': { 'dien-thoai': '0912345678' }, 'ho-tro': ['ngheo', 'can-ngheo', 'khuyet-tat', 'chinh-sach'] })).toMatchObject({ ok: false, errors: [{ question: 'ho-tro', rule: 'max_selected' }] });
  });

  test('a matrixdropdown is one block per row with a labelled control per column', () => {
    const json = fixture('ke-hoach-dau-tu');
    const html = render({ json });
    const row = /<fieldset class="matrix-row"><legend>Nạo vét kênh Đông<\/legend>[\s\S]*?<\/fieldset><\/fieldset>/.exec(html)![0];
    expect(names(row)).toEqual(expect.arrayContaining(['danh-gia-du-an[Nạo vét kênh Đông][muc-do]', 'danh-gia-du-an[Nạo vét kênh Đông][ngay-cong]', 'danh-gia-du-an[Nạo vét kênh Đông][dong-y]']));
    expect(row).toContain('Mức cần thiết <span class="required">(bắt buộc)</span>');
    const validate = compileValidator(json);
    expect(validate({ 'vai-tro': 'chu-ho', 'de-xuat': [], 'danh-gia-du-an': { 'Nạo vét kênh Đông': { 'muc-do': 2 } } })).toMatchObject({
      ok: false, errors: [{ question: 'danh-gia-du-an', rule: 'required', message: { vi: expect.stringContaining('hàng “Bê tông đường trục thôn”: cột “Mức cần thiết”') } }],
    });
  });
});
