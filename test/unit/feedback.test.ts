import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/domain/actor';
import { workingCalendar } from '../../server/domain/calendar/working-calendar';
import {
  dueForAnonymising, feedbackProgress, handlesFeedback, listsFeedback, mayAnswerFeedback, matchTopic, normalizePhone, retentionEndsOn,
  type FeedbackItem,
} from '../../server/domain/feedback';
import { agendaSections, answeredCount, type DialogueQuestion } from '../../server/domain/dialogue';

const calendar = workingCalendar();
const actor = (id: string, role: Actor['role'], communeId = 'c1'): Actor => ({ id, username: id, role, communeId, villageId: role === 'village_head' ? 'v1' : null });
const item = (over: Partial<FeedbackItem> = {}): Pick<FeedbackItem, 'communeId' | 'receivedBy' | 'assignee' | 'officerId'> => ({
  communeId: 'c1', receivedBy: null, assignee: null, officerId: null, ...over,
});

describe('who sees the sender’s contact (handlesFeedback)', () => {
  const admin = actor('a', 'admin');
  const staff = actor('s', 'staff');
  const other = actor('s2', 'staff');
  const inspector = actor('i', 'inspector');
  const head = actor('h', 'village_head');
  const cases: [string, ReturnType<typeof item>, Record<string, boolean>][] = [
    ['a new item online', item(), { a: true, s: true, s2: true, i: false, h: false }],
    ['a letter the village head entered', item({ receivedBy: 'h' }), { a: true, s: true, s2: true, i: false, h: true }],
    ['given to a department, no officer', item({ assignee: 'department' }), { a: true, s: true, s2: true, i: false, h: false }],
    ['given to officer s2', item({ assignee: 'officer', officerId: 's2' }), { a: false, s: false, s2: true, i: false, h: false }],
    ['given to a department with officer s2', item({ assignee: 'department', officerId: 's2' }), { a: false, s: false, s2: true, i: false, h: false }],
    ['given to the Ban TTND', item({ assignee: 'inspection_board' }), { a: false, s: false, s2: false, i: true, h: false }],
    ['given to the Ban TTND, entered by the head', item({ assignee: 'inspection_board', receivedBy: 'h' }), { a: false, s: false, s2: false, i: true, h: true }],
  ];
  for (const [what, it_, expected] of cases) {
    it(`${what}: ${Object.entries(expected).filter(([, v]) => v).map(([k]) => k).join(', ') || 'nobody'}`, () => {
      for (const a of [admin, staff, other, inspector, head]) expect(handlesFeedback(a, it_), `${what} as ${a.id}`).toBe(expected[a.id]);
    });
  }
  it('never across communes', () => {
    expect(handlesFeedback(actor('s', 'staff', 'c2'), item())).toBe(false);
    expect(listsFeedback(actor('s', 'staff', 'c2'), item())).toBe(false);
    expect(mayAnswerFeedback(actor('s', 'staff', 'c2'), item())).toBe(false);
  });
  it('lets the office answer anything and the Ban TTND only what it was given; a village head lists only their letters', () => {
    expect(mayAnswerFeedback(staff, item({ assignee: 'officer', officerId: 'x' }))).toBe(true);
    expect(mayAnswerFeedback(inspector, item())).toBe(false);
    expect(mayAnswerFeedback(inspector, item({ assignee: 'inspection_board' }))).toBe(true);
    expect(mayAnswerFeedback(head, item({ receivedBy: 'h' }))).toBe(false);
    expect(listsFeedback(head, item({ receivedBy: 'h' }))).toBe(true);
    expect(listsFeedback(head, item())).toBe(false);
    expect(listsFeedback(inspector, item())).toBe(true);
  });
});

describe('the kiến nghị deadline (deadlines.recommendationAnswer: 15 calendar days, next working day)', () => {
  const progress = (kind: FeedbackItem['kind'], receivedOn: string, today: string, answeredOn: string | null = null) =>
    feedbackProgress({ kind, receivedOn, status: answeredOn ? 'answered' : 'received', answeredOn }, calendar, today);
  it.each([
    ['Thursday 26/11/2026', '2026-11-26', '2026-12-11'],
    ['Saturday 21/11/2026 (the 15th day is a Sunday)', '2026-11-21', '2026-12-07'],
    ['Thursday 16/04/2026 (the 15th day, 01/05, is Labour Day: the next working day is Monday 04/05)', '2026-04-16', '2026-05-04'],
  ])('received %s: due %s', (_what, received, due) => {
    expect(progress('kien_nghi', received, received).due).toBe(due);
  });
  it('is overdue only after the last day, and judged on time by the day answered', () => {
    expect(progress('kien_nghi', '2026-11-26', '2026-12-11')).toMatchObject({ overdue: false, daysLeft: 0 });
    expect(progress('kien_nghi', '2026-11-26', '2026-12-12')).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(progress('kien_nghi', '2026-11-26', '2026-12-20', '2026-12-11')).toMatchObject({ overdue: false, onTime: true, daysLeft: null });
    expect(progress('kien_nghi', '2026-11-26', '2026-12-20', '2026-12-14')).toMatchObject({ onTime: false });
  });
  it('gives góp ý and phản ánh no deadline', () => {
    expect(progress('gop_y', '2026-01-01', '2026-12-31')).toEqual({ due: null, overdue: false, onTime: null, daysLeft: null, article: null });
    expect(progress('phan_anh', '2026-01-01', '2026-12-31').due).toBeNull();
  });
});

describe('retention of the sender’s contact', () => {
  const answered = { status: 'answered' as const, answeredOn: '2026-01-10', name: 'A', phone: null, photo: null };
  it('keeps it through the answer day plus the period, clears it the day after', () => {
    expect(retentionEndsOn(answered, 30)).toBe('2026-02-09');
    expect(dueForAnonymising(answered, 30, '2026-02-09')).toBe(false);
    expect(dueForAnonymising(answered, 30, '2026-02-10')).toBe(true);
  });
  it('keeps an unanswered item’s contact, and has nothing to do for an item without any', () => {
    expect(retentionEndsOn({ status: 'assigned', answeredOn: null }, 30)).toBeNull();
    expect(dueForAnonymising({ status: 'received', answeredOn: null, name: 'A', phone: null, photo: null }, 30, '2030-01-01')).toBe(false);
    expect(dueForAnonymising({ ...answered, name: null }, 30, '2030-01-01')).toBe(false);
  });
});

describe('what people type', () => {
  it.each([
    ['0912 345 678', '0912345678'], ['0912.345.678', '0912345678'], ['+84 912 345 678', '+84912345678'], ['84912345678', '+84912345678'],
    ['(024) 3825 1234', '02438251234'], ['12345', null], ['0912-abc', null], ['091234567890123', null],
  ])('reads the phone %s as %s', (typed, expected) => {
    expect(normalizePhone(typed)).toBe(expected);
  });
  it('matches a topic typed in any case or without diacritics to the commune’s spelling', () => {
    expect(matchTopic('giao thong, thuy loi', ['Giao thông, thủy lợi', 'Khác'])).toBe('Giao thông, thủy lợi');
    expect(matchTopic('Điện lực', ['Giao thông, thủy lợi'])).toBe('Điện lực');
  });
});

describe('the order of business of a dialogue conference', () => {
  const q = (id: string, groupId: string | null, position: number, answer: string | null = null): DialogueQuestion => ({
    id, dialogueId: 'd', groupId, source: 'paper', feedbackId: null, villageId: null, text: id, answer, answeredBy: null, answeredAt: null, position, createdAt: '',
  });
  it('takes the groups in staff’s order, the ungrouped questions last, numbered through the conference', () => {
    const groups = [{ id: 'g2', dialogueId: 'd', title: 'Y tế', position: 2 }, { id: 'g1', dialogueId: 'd', title: 'Đất đai', position: 1 }, { id: 'g3', dialogueId: 'd', title: 'Trống', position: 3 }];
    const sections = agendaSections(groups, [q('a', null, 1), q('b', 'g2', 2), q('c', 'g1', 3), q('d', 'g1', 4), q('e', 'gone', 5)]);
    expect(sections.map((s) => [s.title, s.questions.map((x) => `${x.number}${x.id}`)])).toEqual([
      ['Đất đai', ['1c', '2d']], ['Y tế', ['3b']], ['Trống', []], ['Các câu hỏi khác', ['4a', '5e']],
    ]);
  });
  it('counts a blank answer as not answered', () => {
    expect(answeredCount([q('a', null, 1, 'Có'), q('b', null, 2, '  '), q('c', null, 3)])).toEqual({ asked: 3, answered: 1 });
  });
});
