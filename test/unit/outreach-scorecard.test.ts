import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../server/domain/calendar/working-calendar';
import { loudspeakerText, outreachKinds, villageOutreach, villageReached, zaloText, type OutreachRecord } from '../../server/domain/outreach';
import { inQuarter, previousQuarter, quarterLabel, quarterOf, quarterRange, scorecard } from '../../server/domain/scorecard';
import { oneStopQuestionOf, satisfactionFigures, sipasCriteriaOf } from '../../server/domain/satisfaction-answers';
import { loadTemplate } from '../../surveys';

const calendar = workingCalendar();
let n = 0;
const rec = (kind: OutreachRecord['kind'], doneOn: string, households: number | null = null): OutreachRecord => ({
  id: `r${++n}`, campaignId: 'c', villageId: 'v', kind, doneOn, households, note: '', photo: null, recordedBy: 'u', recordedAt: `2026-11-01T00:00:0${n % 10}Z`,
});

describe('outreach per village against its deadlines', () => {
  const meeting = { kind: 'decision' as const, category: 'k1' as const, channels: ['meeting', 'paper'] as const, opensOn: '2026-12-10' };
  const byKind = (p: ReturnType<typeof villageOutreach>, k: string) => p.find((x) => x.kind === k)!;

  it('needs invitations only where a meeting is held', () => {
    expect(outreachKinds(meeting)).toEqual(['notice', 'loudspeaker', 'zalo', 'invitation']);
    expect(outreachKinds({ kind: 'decision', channels: ['online', 'paper'] })).toEqual(['notice', 'loudspeaker', 'zalo']);
    expect(outreachKinds({ kind: 'satisfaction', channels: ['online', 'meeting'] })).toEqual(['notice', 'loudspeaker', 'zalo']);
  });

  it('dates a household ballot’s notice two calendar days before the ballots go out (NĐ 59 Đ4), and a consultation’s by its opening (Đ28)', () => {
    const ballot = villageOutreach({ kind: 'decision', category: 'k6', channels: ['online', 'paper'], opensOn: '2026-12-10' }, [], { calendar, today: '2026-12-01' });
    expect(byKind(ballot, 'notice')).toMatchObject({ due: '2026-12-08', basis: 'law', article: 'Đ4 NĐ 59/2023/NĐ-CP', status: 'pending' });
    const consultation = villageOutreach({ kind: 'consultation', category: null, channels: ['online'], opensOn: '2026-12-10' }, [], { calendar, today: '2026-12-01' });
    expect(byKind(consultation, 'notice')).toMatchObject({ due: '2026-12-10', basis: 'law', article: 'Đ28 Luật 10/2022/QH15' });
    const survey = villageOutreach({ kind: 'satisfaction', category: null, channels: ['online'], opensOn: null }, [], { calendar, today: '2026-12-01' });
    expect(byKind(survey, 'notice')).toMatchObject({ due: null, basis: 'plan', status: 'waiting' });
  });

  it('counts the loudspeaker done on the third consecutive day, late after the day before the opening', () => {
    const onTime = villageOutreach(meeting, [rec('loudspeaker', '2026-12-05'), rec('loudspeaker', '2026-12-07'), rec('loudspeaker', '2026-12-06')], { calendar, today: '2026-12-08' });
    expect(byKind(onTime, 'loudspeaker')).toMatchObject({ status: 'done', doneOn: '2026-12-07', due: '2026-12-09', dates: ['2026-12-05', '2026-12-06', '2026-12-07'] });
    const late = villageOutreach(meeting, [rec('loudspeaker', '2026-12-08'), rec('loudspeaker', '2026-12-09'), rec('loudspeaker', '2026-12-10')], { calendar, today: '2026-12-10' });
    expect(byKind(late, 'loudspeaker')).toMatchObject({ status: 'late', doneOn: '2026-12-10' });
    const gap = villageOutreach(meeting, [rec('loudspeaker', '2026-12-05'), rec('loudspeaker', '2026-12-07')], { calendar, today: '2026-12-10' });
    expect(byKind(gap, 'loudspeaker')).toMatchObject({ status: 'overdue', doneOn: null });
  });

  it('keeps the most households any invitation record reached, and a village reached once every kind is done', () => {
    const records = [rec('notice', '2026-12-01'), rec('loudspeaker', '2026-12-02'), rec('loudspeaker', '2026-12-03'), rec('loudspeaker', '2026-12-04'),
      rec('zalo', '2026-12-02'), rec('invitation', '2026-12-03', 100), rec('invitation', '2026-12-05', 180)];
    const p = villageOutreach(meeting, records, { calendar, today: '2026-12-06' });
    expect(byKind(p, 'invitation')).toMatchObject({ status: 'done', doneOn: '2026-12-03', households: 180 });
    expect(villageReached(p)).toBe(true);
    expect(villageReached(villageOutreach(meeting, records.filter((r) => r.kind !== 'zalo'), { calendar, today: '2026-12-06' }))).toBe(false);
  });

  it('writes the loudspeaker text and the Zalo message from the campaign, the link on its own line', () => {
    const input = {
      communeName: 'xã Việt Khê', villageName: 'Thôn Đông Sơn', title: 'Làm đường bê tông', description: 'Mỗi hộ góp 500.000 đồng\n\nChi tiết khác.',
      kind: 'decision' as const, channels: ['meeting', 'paper'] as const, opensOn: '2026-12-10', closesOn: '2026-12-20', url: 'https://x.vn/x/xa-viet-khe',
    };
    const spoken = loudspeakerText(input);
    expect(spoken.split('\n')[0]).toBe('Thông báo của Ủy ban nhân dân xã Việt Khê.');
    expect(spoken).toContain('Mỗi hộ góp 500.000 đồng.');
    expect(spoken).not.toContain('Chi tiết khác');
    expect(spoken).toContain('dự họp cộng đồng dân cư tại nhà văn hóa thôn; hoặc điền phiếu lấy ý kiến');
    expect(spoken).toContain('Xin nhắc lại: Làm đường bê tông, từ ngày 10/12/2026 đến hết ngày 20/12/2026.');
    const zalo = zaloText(input).split('\n');
    expect(zalo[0]).toBe('[Thôn Đông Sơn] UBND xã Việt Khê tổ chức để Nhân dân bàn và quyết định: Làm đường bê tông');
    expect(zalo.at(-1)).toBe('https://x.vn/x/xa-viet-khe');
  });
});

describe('quarters', () => {
  it.each([
    ['2026-01-01', 2026, 1], ['2026-03-31', 2026, 1], ['2026-04-01', 2026, 2], ['2026-12-31', 2026, 4],
  ] as const)('%s is in quarter %i/%i', (d, year, quarter) => {
    expect(quarterOf(d)).toEqual({ year, quarter });
  });
  it('spans whole months, names quarters the Vietnamese way and steps back over the year', () => {
    expect(quarterRange({ year: 2028, quarter: 1 })).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(quarterRange({ year: 2026, quarter: 2 })).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterLabel({ year: 2026, quarter: 4 })).toEqual({ vi: 'Quý IV/2026', en: 'Q4 2026' });
    expect(previousQuarter({ year: 2027, quarter: 1 })).toEqual({ year: 2026, quarter: 4 });
    expect(inQuarter('2026-09-30', { year: 2026, quarter: 4 })).toBe(false);
    expect(inQuarter(null, { year: 2026, quarter: 4 })).toBe(false);
  });
});

describe('the scorecard', () => {
  const base = { quarter: { year: 2026, quarter: 4 as const }, feedback: [], questions: [], dialoguesHeldThisYear: 0, dialoguesRequiredPerYear: 1, satisfaction: [] };
  it('never counts more households informed or taking part than the village has', () => {
    const s = scorecard({
      ...base, villages: [{ villageId: 'a', code: 'A', name: 'A' }],
      decisions: [{ campaignId: 'c', title: 'T', kind: 'decision', villages: [{ villageId: 'a', households: 10, informed: 12, outreachDone: 2, outreachKinds: 4, meeting: 8, paper: 5, online: 1 }] }],
    });
    expect(s.villages[0]!.decisions[0]).toMatchObject({ informed: 10, informedShare: 1, tookPart: 10, tookPartShare: 1, meeting: 8, paper: 5 });
  });
  it('shows no share where there is nothing to divide, and counts items without a village for the commune only', () => {
    const s = scorecard({
      ...base, villages: [{ villageId: 'a', code: 'A', name: 'A' }], decisions: [],
      feedback: [{ villageId: null, answered: true, due: null, onTime: null, overdue: false }],
    });
    expect(s.villages[0]!.feedback).toMatchObject({ received: 0, answeredShare: null, onTimeShare: null });
    expect(s.commune.feedback).toMatchObject({ received: 1, answered: 1, answeredShare: 1, withDeadline: 0, onTimeShare: null });
  });
});

describe('satisfaction from stored answers', () => {
  it('finds the 22 SIPAS criteria in five elements and the one-stop rating question in the templates', () => {
    const criteria = sipasCriteriaOf(loadTemplate('sipas')!);
    expect(criteria).toHaveLength(22);
    expect(new Set(criteria.map((c) => c.element))).toEqual(new Set(['A', 'B', 'C', 'D', 'E']));
    expect(oneStopQuestionOf(loadTemplate('one-stop-rating')!)).toBe('rating');
    expect(oneStopQuestionOf(loadTemplate('sipas')!)).toBeNull();
  });
  it('computes the indices with the domain’s functions, skipping what is not a rating', () => {
    const f = satisfactionFigures(loadTemplate('one-stop-rating')!, [{ rating: 'very_satisfied' }, { rating: 'not_satisfied' }, { rating: 'bogus' }, {}]);
    expect(f.respondents).toBe(4);
    expect(f.sipas).toBeNull();
    expect(f.oneStop?.overall).toMatchObject({ total: 2, satisfiedShare: 0.5 });
  });
});
