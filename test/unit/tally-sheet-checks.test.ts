import { describe, expect, it } from 'vitest';
import { checkTallySheet, type TallySheetContext, type TallySheetInput } from '../../server/domain/tally-sheet-checks';
import { DEFAULT_RULES, type LegalRules } from '../../server/domain/legal-rules';

const Q = [{ name: 'q1', choices: ['approve', 'reject', 'other'] }];
const paperCtx: TallySheetContext = { households: 300, channel: 'paper', kind: 'decision', questions: Q };
const meetingCtx: TallySheetContext = { households: 300, channel: 'meeting', kind: 'decision', questions: Q };
const board = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Chí'];
const witnesses = ['Phạm Thị Dung', 'Hoàng Văn Em'];

const goodPaper: TallySheetInput = {
  issued: 300, returned: 280, invalid: 10,
  counts: { q1: { approve: 200, reject: 60, other: 10 } },
  board, witnesses,
};
const goodMeeting: TallySheetInput = { present: 220, counts: { q1: { approve: 180, reject: 30, other: 10 } } };

const paths = (r: { path: string }[]) => r.map((p) => p.path);

describe('a possible sheet is accepted without remarks', () => {
  it.each([
    ['a household-ballot sheet', goodPaper, paperCtx],
    ['a show-of-hands meeting sheet', goodMeeting, meetingCtx],
  ] as const)('%s', (_label, sheet, ctx) => {
    expect(checkTallySheet(sheet, ctx)).toEqual({ errors: [], warnings: [] });
  });
});

describe('an impossible sheet is refused, naming the field', () => {
  it.each([
    ['a negative number', { ...goodPaper, invalid: -1 }, paperCtx, 'invalid'],
    ['a fractional number', { ...goodMeeting, present: 220.5 }, meetingCtx, 'present'],
    ['a number given as text', { ...goodMeeting, present: '220' }, meetingCtx, 'present'],
    ['more present than households', { ...goodMeeting, present: 301 }, meetingCtx, 'present'],
    ['more ballots issued than households', { ...goodPaper, issued: 301 }, paperCtx, 'issued'],
    ['more ballots returned than issued', { ...goodPaper, issued: 270 }, paperCtx, 'returned'],
    ['more returned than households when issued is not given', { ...goodPaper, issued: undefined, returned: 310, counts: { q1: { approve: 200 } } }, paperCtx, 'returned'],
    ['more invalid than returned', { ...goodPaper, invalid: 281 }, paperCtx, 'invalid'],
    ['options above valid ballots (returned − invalid)', { ...goodPaper, counts: { q1: { approve: 200, reject: 61, other: 10 } } }, paperCtx, 'counts.q1'],
    ['options above those present at a meeting', { ...goodMeeting, counts: { q1: { approve: 200, reject: 30 } } }, meetingCtx, 'counts.q1'],
    ['a negative count', { ...goodMeeting, counts: { q1: { approve: -5 } } }, meetingCtx, 'counts.q1.approve'],
    ['an unknown choice', { ...goodMeeting, counts: { q1: { maybe: 5 } } }, meetingCtx, 'counts.q1.maybe'],
    ['an unknown question', { ...goodMeeting, counts: { q1: { approve: 180 }, q9: { approve: 1 } } }, meetingCtx, 'counts.q9'],
    ['a missing question', { ...goodMeeting, counts: {} }, meetingCtx, 'counts.q1'],
    ['no counts at all', { present: 220 }, meetingCtx, 'counts'],
    ['a meeting without the number present', { counts: goodMeeting.counts }, meetingCtx, 'present'],
    ['a paper sheet without ballots returned', { issued: 300, counts: goodPaper.counts, board, witnesses }, paperCtx, 'returned'],
    ['more ballots issued at a meeting than present', { ...goodMeeting, issued: 221 }, meetingCtx, 'issued'],
  ] as [string, TallySheetInput, TallySheetContext, string][])('%s → error on %s', (_label, sheet, ctx, path) => {
    const r = checkTallySheet(sheet, ctx);
    expect(paths(r.errors)).toContain(path);
    for (const e of r.errors) {
      expect(e.message.vi.length).toBeGreaterThan(0);
      expect(e.message.en.length).toBeGreaterThan(0);
    }
  });
});

describe('a question is named by its title, never its internal name', () => {
  it('says which question’s answers exceed the valid ballots in the words of the form', () => {
    const titled: TallySheetContext = { ...paperCtx, questions: [{ ...Q[0]!, name: 'decision', title: { vi: 'Ý kiến của hộ về việc làm đường', en: 'Your opinion on the road' } }] };
    const r = checkTallySheet({ ...goodPaper, counts: { decision: { approve: 250, reject: 60, other: 10 } } }, titled);
    const message = r.errors.find((e) => e.path === 'counts.decision')!.message;
    expect(message.vi).toContain('“Ý kiến của hộ về việc làm đường”');
    expect(message.en).toContain('“Your opinion on the road”');
    expect(message.vi).not.toContain('"decision"');
    const missing = checkTallySheet({ ...goodPaper, counts: {} }, titled).errors.find((e) => e.path === 'counts.decision')!;
    expect(missing.message.vi).toBe('Cần nhập kết quả cho câu “Ý kiến của hộ về việc làm đường”.');
  });
});

describe('election sheets', () => {
  const candidates = [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }];
  const ctx: TallySheetContext = { households: 300, channel: 'meeting', kind: 'election', questions: [], seats: 2, candidates };
  const base: TallySheetInput = { present: 250, issued: 250, returned: 240, invalid: 10, board, witnesses };

  it('accepts votes within valid ballots, each ballot keeping up to the seats', () => {
    expect(checkTallySheet({ ...base, counts: { candidates: { c1: 200, c2: 180, c3: 50 } } }, ctx).errors).toEqual([]);
  });

  it('refuses a candidate with more votes than valid ballots', () => {
    const r = checkTallySheet({ ...base, counts: { candidates: { c1: 231 } } }, ctx);
    expect(paths(r.errors)).toEqual(['counts.candidates.c1']);
  });

  it('refuses more votes in all than valid ballots times the seats', () => {
    const r = checkTallySheet({ ...base, counts: { candidates: { c1: 230, c2: 230, c3: 1 } } }, ctx);
    expect(paths(r.errors)).toEqual(['counts.candidates']);
  });

  it('refuses votes for someone who is not a candidate', () => {
    const r = checkTallySheet({ ...base, counts: { candidates: { c9: 1 } } }, ctx);
    expect(paths(r.errors)).toEqual(['counts.candidates.c9']);
  });

  it('expects the counting board and witnesses of a secret ballot at the meeting', () => {
    const r = checkTallySheet({ ...base, board: [], witnesses: undefined, counts: { candidates: { c1: 200 } } }, ctx);
    expect(paths(r.warnings)).toEqual(expect.arrayContaining(['board', 'witnesses']));
  });
});

describe('counting board 3–5 and two witnesses (NĐ 59 Đ3 k5, Đ4)', () => {
  it.each([
    ['two board members', { board: board.slice(0, 2) }, 'board'],
    ['six board members', { board: [...board, 'A', 'B', 'C'] }, 'board'],
    ['one witness', { witnesses: ['Phạm Thị Dung'] }, 'witnesses'],
    ['three witnesses', { witnesses: [...witnesses, 'Vũ Thị Phương'] }, 'witnesses'],
    ['blank names only', { witnesses: ['  ', ''] }, 'witnesses'],
  ])('%s on a household-ballot sheet is a warning for the inspector, not a refusal', (_label, change, path) => {
    const r = checkTallySheet({ ...goodPaper, ...change }, paperCtx);
    expect(r.errors).toEqual([]);
    expect(paths(r.warnings)).toEqual([path]);
  });

  it('a commune that makes it an error sets it in the rules', () => {
    const rules: LegalRules = {
      ...DEFAULT_RULES,
      countingBoard: { ...DEFAULT_RULES.countingBoard, value: { ...DEFAULT_RULES.countingBoard.value, severity: 'error' } },
    };
    expect(paths(checkTallySheet({ ...goodPaper, board: ['Một người'] }, paperCtx, rules).errors)).toEqual(['board']);
  });

  it('is not asked of a show-of-hands meeting', () => {
    expect(checkTallySheet(goodMeeting, meetingCtx).warnings).toEqual([]);
  });

  it('a board that is not a list is refused', () => {
    expect(paths(checkTallySheet({ ...goodPaper, board: 'An, Bình, Chí' }, paperCtx).errors)).toEqual(['board']);
  });
});

describe('the unusual but possible is a warning', () => {
  it.each([
    ['turnout under half of households', { ...goodMeeting, present: 149, counts: { q1: { approve: 140, reject: 9 } } }, meetingCtx, 'present'],
    ['many invalid ballots (over 10%)', { ...goodPaper, invalid: 29, counts: { q1: { approve: 200, reject: 51 } } }, paperCtx, 'invalid'],
    ['every count zero', { ...goodMeeting, counts: { q1: { approve: 0, reject: 0, other: 0 } } }, meetingCtx, 'counts'],
    ['answers well below valid ballots', { ...goodPaper, counts: { q1: { approve: 200, reject: 30 } } }, paperCtx, 'counts.q1'],
  ] as [string, TallySheetInput, TallySheetContext, string][])('%s', (_label, sheet, ctx, path) => {
    const r = checkTallySheet(sheet, ctx);
    expect(r.errors).toEqual([]);
    expect(paths(r.warnings)).toContain(path);
  });

  it('exactly half of households present is not flagged as low turnout', () => {
    const r = checkTallySheet({ present: 150, counts: { q1: { approve: 140, reject: 10 } } }, meetingCtx);
    expect(r.warnings).toEqual([]);
  });
});
