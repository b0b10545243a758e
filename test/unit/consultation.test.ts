import { describe, expect, it } from 'vitest';
import { summariseConsultation, type ConsultationQuestion } from '../../server/domain/consultation';

const questions: ConsultationQuestion[] = [
  { name: 'q1', type: 'choice', choices: ['approve', 'reject', 'other'] },
  { name: 'topics', type: 'choice', choices: ['road', 'school', 'market'] },
  { name: 'opinion', type: 'text' },
];

const ballots = [
  { id: 'b1', answers: { q1: 'approve', topics: ['road', 'school'], opinion: '  Nên làm đường trước mùa mưa. ' } },
  { id: 'b2', answers: { q1: 'reject', topics: ['road'], opinion: 'Mức đóng góp quá cao' } },
  { id: 'b3', answers: { q1: 'other', 'q1-Comment': 'Cần họp thêm một buổi', opinion: '   ' } },
  { id: 'b4', answers: { q1: 'approve' } },
  { id: 'b5', answers: {} },
];

describe('consultation synthesis', () => {
  const r = summariseConsultation(questions, ballots, [
    { themeId: 't1', title: 'Tiến độ làm đường', response: 'UBND xã tiếp thu, khởi công tháng 3.', ballotIds: ['b1', 'b9'] },
    { themeId: 't2', title: 'Mức đóng góp', response: 'Giữ mức đã thông qua.', ballotIds: ['b2', 'b2'] },
  ]);

  it('counts each option of each question, with options nobody chose at 0', () => {
    expect(r.ballots).toBe(5);
    expect(r.questions.q1).toEqual({ answered: 4, counts: { approve: 2, reject: 1, other: 1 } });
    expect(r.questions.topics).toEqual({ answered: 2, counts: { road: 2, school: 1, market: 0 } });
  });

  it('lists every free-text opinion with its ballot, trimmed, blanks left out, "other" comments included', () => {
    expect(r.opinions).toEqual([
      { ballotId: 'b1', question: 'opinion', text: 'Nên làm đường trước mùa mưa.' },
      { ballotId: 'b2', question: 'opinion', text: 'Mức đóng góp quá cao' },
      { ballotId: 'b3', question: 'q1', text: 'Cần họp thêm một buổi' },
    ]);
    expect(r.questions.opinion!.answered).toBe(2);
  });

  it('counts the opinions under each theme once and keeps the response', () => {
    expect(r.themes.map((t) => [t.themeId, t.count, t.ballotIds])).toEqual([['t1', 1, ['b1']], ['t2', 1, ['b2']]]);
    expect(r.themes[0]!.response).toContain('tiếp thu');
  });

  it('shows what is not yet grouped and theme ballots that match no opinion', () => {
    expect(r.ungrouped).toEqual([{ ballotId: 'b3', question: 'q1', text: 'Cần họp thêm một buổi' }]);
    expect(r.unknownBallotIds).toEqual(['b9']);
  });

  it('with no themes every opinion is ungrouped', () => {
    expect(summariseConsultation(questions, ballots).ungrouped).toHaveLength(3);
  });
});
