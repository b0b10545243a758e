// The records after the count, at the edges of the law's text:
// - the online-vote team "gồm từ 03 đến 05 người" (NĐ 59/2023 Đ5);
// - a citizen initiative "ít nhất là 10% tổng số hộ gia đình … đồng thuận",
//   a consent "có giá trị trong thời hạn 03 tháng" (Đ16 Luật 10/2022/QH15);
// - a consultation's themes answered, with reasons where the decision
//   departs from the majority opinion (Đ28).
import { describe, expect, it } from 'vitest';
import { onlineVoteRecordProblems, type TeamMember } from '../../server/domain/online-vote-record';
import { initiativeBacked } from '../../server/domain/deadlines';
import { workingCalendar } from '../../server/domain/calendar/working-calendar';
import { themeAnswerGaps, themeGapsMessage, type AnsweredTheme } from '../../server/domain/consultation';
import { DEFAULT_RULES } from '../../server/domain/legal-rules';

const team = (n: number): TeamMember[] => Array.from({ length: n }, (_, i) => ({ name: `Người ${i + 1}`, role: i === 0 ? 'Tổ trưởng' : 'Thành viên' }));
const times = { startedAt: '2026-12-01T07:00+07:00', endedAt: '2026-12-03T19:00+07:00' };

describe('the online-vote team has 3 to 5 people (NĐ 59 Đ5)', () => {
  it.each([[2, false], [3, true], [4, true], [5, true], [6, false]])('%i people → accepted %s', (n, ok) => {
    const problems = onlineVoteRecordProblems({ ...times, team: team(n) });
    expect(problems.length === 0).toBe(ok);
    if (!ok) {
      expect(problems[0]!.path).toBe('team');
      expect(problems[0]!.message.vi).toContain(`từ 3 đến 5 người (${DEFAULT_RULES.onlineTeam.article}); đã ghi ${n} người`);
    }
  });

  it('the size is data: a rule of 3 to 6 accepts six', () => {
    const rules = { ...DEFAULT_RULES, onlineTeam: { ...DEFAULT_RULES.onlineTeam, value: { min: 3, max: 6 } } };
    expect(onlineVoteRecordProblems({ ...times, team: team(6) }, rules)).toEqual([]);
  });

  it('names each member without a name or role, and an end not after the start or not a date-time', () => {
    const problems = onlineVoteRecordProblems({ startedAt: '2026-12-03T19:00+07:00', endedAt: '2026-12-03T19:00+07:00', team: [...team(2), { name: ' ', role: '' }] });
    expect(problems.map((p) => p.path)).toEqual(['endedAt', 'team.2.name', 'team.2.role']);
    expect(onlineVoteRecordProblems({ startedAt: '1/12/2026', endedAt: '2026-12-03T19:00', team: team(3) }).map((p) => p.path)).toEqual(['startedAt', 'endedAt']);
  });
});

describe('a citizen initiative is backed by at least 10% of households with consents still valid (Đ16)', () => {
  const cal = workingCalendar();
  const consents = (n: number, givenOn: string) => Array.from({ length: n }, (_, i) => ({ household: `h${i}`, givenOn }));

  it('exactly 10% is reached; one short is not', () => {
    expect(initiativeBacked(consents(20, '2026-11-01'), 200, '2026-11-30', cal)).toEqual({ valid: 20, required: 20, backed: true });
    expect(initiativeBacked(consents(19, '2026-11-01'), 200, '2026-11-30', cal)).toEqual({ valid: 19, required: 20, backed: false });
    // 10% of 201 is 20.1: "at least" needs 21
    expect(initiativeBacked(consents(20, '2026-11-01'), 201, '2026-11-30', cal).backed).toBe(false);
  });

  it('a consent counts through the same day 3 months later, and not the day after', () => {
    expect(initiativeBacked(consents(20, '2026-08-30'), 200, '2026-11-30', cal).valid).toBe(20);
    expect(initiativeBacked(consents(20, '2026-08-29'), 200, '2026-11-30', cal)).toEqual({ valid: 0, required: 20, backed: false });
  });

  it('a household counts once, however many consents it gave', () => {
    const twice = [...consents(19, '2026-11-01'), { household: 'h0', givenOn: '2026-11-02' }];
    expect(initiativeBacked(twice, 200, '2026-11-30', cal).valid).toBe(19);
  });
});

describe('a consultation is published only with every theme answered (Đ28)', () => {
  const theme = (over: Partial<AnsweredTheme>): AnsweredTheme => ({ id: 't', title: 'Chủ đề', response: 'UBND xã tiếp thu.', accepted: true, count: 1, ...over });

  it('a theme without an outcome or without its text is unanswered', () => {
    const gaps = themeAnswerGaps([theme({ id: 'a', title: 'Đường', accepted: null }), theme({ id: 'b', title: 'Chợ', response: '  ' }), theme({ id: 'c' })], 10);
    expect(gaps.map((g) => [g.themeId, g.missing])).toEqual([['a', ['answer']], ['b', ['answer']]]);
    expect(themeGapsMessage(gaps).vi).toBe(`Chưa thể công bố kết quả lấy ý kiến: chưa có nội dung tiếp thu, giải trình cho nhóm ý kiến “Đường”, “Chợ”. (${DEFAULT_RULES.consultationAnswers.article})`);
  });

  it('not taking on a theme holding more than half of the opinions needs reasons; exactly half is not the majority', () => {
    const explained = (count: number, reason = '') => theme({ accepted: false, response: 'Giải trình: chưa có kinh phí.', count, departureReason: reason });
    expect(themeAnswerGaps([explained(6)], 10)).toEqual([{ themeId: 't', title: 'Chủ đề', missing: ['reasons'], majority: true }]);
    expect(themeAnswerGaps([explained(5)], 10)).toEqual([]);
    expect(themeAnswerGaps([explained(6, 'Ngân sách năm 2027 không đủ.')], 10)).toEqual([]);
  });

  it('a departure staff mark on any theme needs reasons too', () => {
    expect(themeAnswerGaps([theme({ count: 1, departsFromMajority: true })], 10)[0]!.missing).toEqual(['reasons']);
  });
});
