import { describe, expect, it } from 'vitest';
import { groupTexts, summariseForm } from '../../server/domain/form-results';
import type { Json } from '../../server/domain/survey/definition';
import type { SnapshotFormQuestion } from '../../server/domain/results/snapshot';

// Every question of a form summed up from its answers, with the form's own
// words. The numbers below are counted by hand from the four ballots.

const form: Json = {
  pages: [
    {
      name: 'p1',
      title: 'Phần {pageno}/{pagecount}: Chung',
      elements: [
        { type: 'radiogroup', name: 'muc', title: 'Mức độ', choices: [{ value: 'tot', text: { default: 'Tốt', en: 'Good' } }, 'kem'], showOtherItem: true, otherText: 'Ý khác' },
        { type: 'checkbox', name: 'kenh', title: 'Kênh', choices: ['loa', 'zalo'], showNoneItem: true },
        { type: 'boolean', name: 'lai', title: 'Đi lại nhiều lần?', labelTrue: 'Phải đi lại', labelFalse: 'Một lần là xong' },
        { type: 'boolean', name: 'dong-y', title: 'Đồng ý?' },
        { type: 'rating', name: 'diem', title: 'Điểm', rateMin: 0, rateMax: 4, minRateDescription: 'Rất tệ', maxRateDescription: 'Rất tốt' },
        { type: 'ranking', name: 'hang', title: 'Ưu tiên', choices: ['duong', 'dien', 'nuoc'] },
        { type: 'text', name: 'tuoi', title: 'Tuổi', inputType: 'number' },
        { type: 'text', name: 'ngay', title: 'Ngày', inputType: 'date' },
        { type: 'comment', name: 'gop-y', title: 'Góp ý của hộ {ten}' },
        { type: 'text', name: 'don-vi', title: 'Đơn vị', readOnly: true, defaultValue: 'UBND xã' },
      ],
    },
    {
      name: 'p2',
      title: 'Phần {pageno}',
      elements: [
        { type: 'panel', name: 'lien-he', title: 'Liên hệ', personal: true, elements: [{ type: 'text', name: 'ten', title: 'Họ tên' }] },
        { type: 'text', name: 'dt', title: 'Điện thoại', inputType: 'tel' },
        { type: 'matrix', name: 'tieu-chi', title: 'Tiêu chí', rows: ['Thái độ', 'Thời gian'], columns: [{ value: 1, text: 'Kém' }, { value: 3, text: 'Tốt' }] },
        {
          type: 'matrixdropdown', name: 'du-an', title: 'Dự án', rows: ['Đường', 'Kênh'],
          columns: [
            { name: 'can', title: 'Mức cần', cellType: 'dropdown', choices: [{ value: 1, text: 'Chưa cần' }, { value: 2, text: 'Cần' }] },
            { name: 'cong', title: 'Ngày công', cellType: 'text', inputType: 'number' },
            { name: 'ghi', title: 'Ghi chú', cellType: 'comment' },
          ],
        },
        { type: 'matrixdynamic', name: 'de-xuat', title: 'Đề xuất', columns: [{ name: 'ten', title: 'Tên', cellType: 'text' }, { name: 'thon', title: 'Thôn', cellType: 'dropdown', choices: ['A', 'B'] }] },
        {
          type: 'paneldynamic', name: 'tv', title: 'Thành viên',
          templateElements: [
            { type: 'text', name: 'ho-ten', title: 'Họ tên', personal: true },
            { type: 'dropdown', name: 'qh', title: 'Quan hệ', choices: ['con'], showOtherItem: true },
          ],
        },
        { type: 'multipletext', name: 'lh', title: 'Liên lạc', items: [{ name: 'mail', title: 'Thư', inputType: 'email' }, { name: 'ghi', title: 'Ghi' }] },
      ],
    },
  ],
};

const ballots = [
  {
    id: 'b1',
    answers: {
      muc: 'tot', kenh: ['loa', 'zalo'], lai: true, 'dong-y': false, diem: 4, hang: ['dien', 'duong', 'nuoc'], tuoi: 40, ngay: '2026-03-15',
      'gop-y': ' Làm đường trước ', 'don-vi': 'UBND xã', ten: 'Nguyễn Văn Đạt', dt: '0912 345 678',
      'tieu-chi': { 'Thái độ': 1, 'Thời gian': 3 },
      'du-an': { Đường: { can: 2, cong: 5, ghi: 'Cần làm sớm' }, Kênh: { can: 1 } },
      'de-xuat': [{ ten: 'Đèn đường', thon: 'A' }, { thon: 'B' }],
      tv: [{ 'ho-ten': 'Trần Thị Hoa', qh: 'other', 'qh-Comment': 'Con dâu' }, { qh: 'con' }],
      lh: { mail: 'dat@xa.vn', ghi: 'Gọi buổi tối' },
    },
  },
  { id: 'b2', answers: { muc: 'other', 'muc-Comment': 'Tạm được', kenh: ['none'], lai: false, diem: 1, hang: ['duong', 'dien', 'nuoc'], tuoi: 20, ngay: '2025-12-01', 'tieu-chi': { 'Thái độ': 3 } } },
  { id: 'b3', answers: { muc: 'kem', kenh: ['zalo'], diem: 4, tuoi: 33, ngay: '2027-01-02', 'du-an': { Đường: { can: 2, cong: 3 } } } },
  { id: 'b4', answers: {} },
];

const summary = summariseForm(form, ballots);
const q = (name: string) => summary.questions.find((x) => x.name === name)!;
/** The question of that kind (a kind shared by a union member, as the list kinds are, picks it). */
type OfKind<K> = SnapshotFormQuestion extends infer Q ? (Q extends { kind: infer QK } ? (K extends QK ? Q : never) : never) : never;
const of = <K extends SnapshotFormQuestion['kind']>(name: string, kind: K) => {
  const x = q(name);
  expect(x.kind).toBe(kind);
  return x as OfKind<K>;
};

describe('every question of a form summed up', () => {
  it('lists every question holding an answer, in the form’s order, and the respondents', () => {
    expect(summary.respondents).toBe(4);
    expect(summary.questions.map((x) => x.name)).toEqual([
      'muc', 'kenh', 'lai', 'dong-y', 'diem', 'hang', 'tuoi', 'ngay', 'gop-y', 'don-vi', 'ten', 'dt', 'tieu-chi', 'du-an', 'de-xuat', 'tv', 'lh',
    ]);
  });

  it('counts each choice, "other" and "none" among them under the form’s words', () => {
    const muc = of('muc', 'choice');
    expect(muc).toMatchObject({ answered: 3, multiple: false, counts: { tot: 1, kem: 1, other: 1 } });
    expect(muc.choices.map((c) => c.text)).toEqual([{ vi: 'Tốt', en: 'Good' }, { vi: 'kem', en: 'kem' }, { vi: 'Ý khác', en: 'Ý khác' }]);
    const kenh = of('kenh', 'choice');
    expect(kenh).toMatchObject({ answered: 3, multiple: true, counts: { loa: 1, zalo: 2, none: 1 } });
    expect(kenh.choices.find((c) => c.value === 'none')!.text.vi).toBe('Không chọn mục nào');
  });

  it('counts booleans under their labels, Có / Không when the form has none', () => {
    const lai = of('lai', 'boolean');
    expect(lai.choices.map((c) => c.text.vi)).toEqual(['Phải đi lại', 'Một lần là xong']);
    expect(lai.counts).toEqual({ true: 1, false: 1 });
    expect(of('dong-y', 'boolean').choices.map((c) => c.text)).toEqual([{ vi: 'Có', en: 'Yes' }, { vi: 'Không', en: 'No' }]);
  });

  it('gives a rating its distribution over the whole scale, its mean and its end descriptions', () => {
    const diem = of('diem', 'rating');
    expect(diem.counts).toEqual({ 0: 0, 1: 1, 2: 0, 3: 0, 4: 2 });
    expect(diem.mean).toBe(3); // (4 + 1 + 4) / 3
    expect(diem.scale).toEqual({ min: 0, max: 4, minText: { vi: 'Rất tệ', en: 'Rất tệ' }, maxText: { vi: 'Rất tốt', en: 'Rất tốt' } });
  });

  it('ranks: the mean place of each item and how often it came first', () => {
    const hang = of('hang', 'ranking');
    expect(hang.first).toEqual({ duong: 1, dien: 1, nuoc: 0 });
    expect(hang.meanRank).toEqual({ duong: 1.5, dien: 1.5, nuoc: 3 });
    expect(hang.ranked).toEqual({ duong: 2, dien: 2, nuoc: 2 });
  });

  it('sums numbers up by mean and range and dates by range', () => {
    expect(of('tuoi', 'number')).toMatchObject({ answered: 3, mean: 31, min: 20, max: 40 });
    expect(of('ngay', 'date')).toMatchObject({ answered: 3, earliest: '2025-12-01', latest: '2027-01-02' });
  });

  it('counts free texts and personal data, never holding their words', () => {
    expect(of('gop-y', 'text')).toMatchObject({ answered: 1 });
    for (const name of ['ten', 'dt']) expect(of(name, 'personal')).toMatchObject({ answered: 1 });
    expect(JSON.stringify(summary.questions)).not.toMatch(/Làm đường trước|Nguyễn Văn Đạt|0912|dat@xa\.vn|Trần Thị Hoa|Con dâu|Tạm được|Cần làm sớm|Đèn đường|Gọi buổi tối/);
  });

  it('tables a matrix row by column, with each row’s mean when the columns are numbers', () => {
    const m = of('tieu-chi', 'matrix');
    expect(m.columns.map((c) => c.text.vi)).toEqual(['Kém', 'Tốt']);
    expect(m.rows).toEqual([
      { value: 'Thái độ', text: { vi: 'Thái độ', en: 'Thái độ' }, answered: 2, counts: { 1: 1, 3: 1 }, mean: 2 },
      { value: 'Thời gian', text: { vi: 'Thời gian', en: 'Thời gian' }, answered: 1, counts: { 1: 0, 3: 1 }, mean: 3 },
    ]);
  });

  it('sums a matrixdropdown up cell by cell: choices counted, numbers averaged, texts counted', () => {
    const m = of('du-an', 'matrixdropdown');
    const road = m.rows.find((r) => r.value === 'Đường')!;
    expect(road.answered).toBe(2);
    expect(road.cells.map((c) => [c.name, c.kind, c.answered])).toEqual([['can', 'choice', 2], ['cong', 'number', 2], ['ghi', 'text', 1]]);
    expect(road.cells[0]).toMatchObject({ counts: { 1: 0, 2: 2 }, choices: [{ value: '1', text: { vi: 'Chưa cần' } }, { value: '2', text: { vi: 'Cần' } }] });
    expect(road.cells[1]).toMatchObject({ mean: 4, min: 3, max: 5 });
    expect(m.rows.find((r) => r.value === 'Kênh')!.cells[0]).toMatchObject({ answered: 1, counts: { 1: 1, 2: 0 } });
  });

  it('sums rows, panels and items up over every entry', () => {
    const d = of('de-xuat', 'matrixdynamic');
    expect(d).toMatchObject({ answered: 1, entries: 2 });
    expect(d.parts.map((p) => [p.name, p.kind, p.answered])).toEqual([['ten', 'text', 1], ['thon', 'choice', 2]]);
    const tv = of('tv', 'paneldynamic');
    expect(tv).toMatchObject({ answered: 1, entries: 2 });
    expect(tv.parts[0]).toMatchObject({ name: 'ho-ten', kind: 'personal', answered: 1 });
    expect(tv.parts[1]).toMatchObject({ name: 'qh', kind: 'choice', counts: { con: 1, other: 1 } });
    const lh = of('lh', 'multipletext');
    expect(lh).toMatchObject({ answered: 1, entries: 1 });
    expect(lh.parts.map((p) => [p.name, p.kind])).toEqual([['mail', 'personal'], ['ghi', 'text']]);
  });

  it('hands every written answer to staff with where it was written, never personal data nor a read-only default', () => {
    expect(summary.texts.map((t) => [t.ballotId, t.question, t.text, t.label.vi])).toEqual([
      ['b1', 'gop-y', 'Làm đường trước', 'Góp ý của hộ …'],
      ['b1', 'du-an[Đường].ghi', 'Cần làm sớm', 'Dự án › Đường › Ghi chú'],
      ['b1', 'de-xuat[1].ten', 'Đèn đường', 'Đề xuất › Tên (dòng 1)'],
      ['b1', 'tv[1].qh', 'Con dâu', 'Thành viên › Quan hệ (mục 1)'],
      ['b1', 'lh.ghi', 'Gọi buổi tối', 'Liên lạc › Ghi'],
      ['b2', 'muc', 'Tạm được', 'Mức độ › Ý khác'],
    ]);
  });

  it('titles: "{name}" shows "…" (no one answer to show), a page’s number and count are filled in, the section is the panel or page', () => {
    expect(q('gop-y').title.vi).toBe('Góp ý của hộ …');
    expect(q('muc').section?.vi).toBe('Phần 1/2: Chung');
    expect(q('ten').section?.vi).toBe('Liên hệ');
    expect(q('dt').section?.vi).toBe('Phần 2');
    expect(summariseForm({ elements: [{ type: 'text', name: 'x' }] }, []).questions[0]).toMatchObject({ title: { vi: 'x', en: 'x' }, section: null, answered: 0 });
  });
});

describe('grouping the written answers under themes', () => {
  const texts = [
    { ballotId: 'b1', question: 'q1' }, { ballotId: 'b1', question: 'q2' }, { ballotId: 'b2', question: 'q1' },
  ];
  const themes = [{ id: 't1', title: 'Đường', response: 'Tiếp thu', accepted: true }, { id: 't2', title: 'Điện', response: '', accepted: null }];

  it('counts one answer per (ballot, place): grouping one of a ballot’s answers leaves its other answer ungrouped', () => {
    const g = groupTexts(texts, themes, [{ ballotId: 'b1', question: 'q1', themeId: 't1' }, { ballotId: 'b2', question: 'q1', themeId: 't1' }]);
    expect(g.themes.map((t) => [t.id, t.count])).toEqual([['t1', 2], ['t2', 0]]);
    expect(g.ungrouped).toBe(1);
    expect(g.themeOf({ ballotId: 'b1', question: 'q2' })).toBeNull();
    expect(g.themeOf({ ballotId: 'b1', question: 'q1' })).toBe('t1');
  });

  it('ignores an assignment that names no written answer', () => {
    const g = groupTexts(texts, themes, [{ ballotId: 'gone', question: 'q1', themeId: 't2' }]);
    expect(g.themes.map((t) => t.count)).toEqual([0, 0]);
    expect(g.ungrouped).toBe(3);
  });
});
