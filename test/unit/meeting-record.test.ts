// The meeting record's procedural votes (Đ18 k4 Luật 10/2022/QH15; NĐ 59/2023
// Đ3 k5): "được chọn khi có trên 50% đại diện hộ gia đình tham dự cuộc họp
// giơ tay biểu quyết đồng ý". Votes for / representatives present.
import { describe, expect, it } from 'vitest';
import { meetingRecordStatus, requiredProceduralVotes, type ProceduralVotes } from '../../server/domain/meeting-record';
import { checkTallySheet } from '../../server/domain/tally-sheet-checks';
import { tallyCampaign, type ConfirmedSheet } from '../../server/domain/tally';
import { DEFAULT_RULES, type LegalRules } from '../../server/domain/legal-rules';

const all = (n: number, secretary = 'Nguyễn Thị Lan'): ProceduralVotes => ({ secretary: { name: secretary, votesFor: n }, method: { votesFor: n }, board: { votesFor: n } });

describe('a procedural vote needs more than half of those present (NĐ 59 Đ3 k5)', () => {
  it.each([
    [10, 5, false], [10, 6, true], [11, 5, false], [11, 6, true], [1, 1, true], [1, 0, false], [2, 1, false], [2, 2, true],
  ])('%i present, %i in favour → approved %s', (present, yes, approved) => {
    const s = meetingRecordStatus({ method: 'show_of_hands', present, procedural: { secretary: { name: 'Lan', votesFor: yes }, method: { votesFor: present } } });
    expect(s.complete).toBe(approved);
    expect(s.gaps.some((g) => g.item === 'secretary' && g.reason === 'not_approved')).toBe(!approved);
  });

  it('exactly half is named as not approved, with the numbers, Vietnamese first', () => {
    const s = meetingRecordStatus({ method: 'show_of_hands', present: 40, procedural: { secretary: { name: 'Lan', votesFor: 40 }, method: { votesFor: 20 } } });
    expect(s.complete).toBe(false);
    expect(s.message!.vi).toMatch(/^Biên bản cuộc họp chưa đầy đủ: chọn hình thức biểu quyết chưa được thông qua \(20\/40/);
    expect(s.message!.vi).toContain(DEFAULT_RULES.meetingRecordVotes.article);
  });
});

describe('which procedural votes a record holds (Đ18 k4; NĐ 59 Đ3 k5)', () => {
  it('a show of hands needs the secretary and the method; a secret ballot the counting board too', () => {
    expect(requiredProceduralVotes('show_of_hands')).toEqual(['secretary', 'method']);
    expect(requiredProceduralVotes('secret_ballot')).toEqual(['secretary', 'method', 'board']);
  });

  it('a record without them names every missing one', () => {
    const s = meetingRecordStatus({ method: 'secret_ballot', present: 30 });
    expect(s.complete).toBe(false);
    expect(s.gaps.map((g) => [g.item, g.reason])).toEqual([['secretary', 'missing'], ['method', 'missing'], ['board', 'missing']]);
  });

  it('the secretary chosen must be named', () => {
    const s = meetingRecordStatus({ method: 'show_of_hands', present: 30, procedural: { ...all(30, ''), board: undefined } });
    expect(s.gaps.map((g) => g.reason)).toEqual(['no_name']);
  });

  it('the threshold is data: a commune rule of two thirds is followed', () => {
    const rules: LegalRules = { ...DEFAULT_RULES, proceduralVote: { ...DEFAULT_RULES.proceduralVote, value: { kind: 'at_least_fraction', num: 2, den: 3 } } };
    expect(meetingRecordStatus({ method: 'show_of_hands', present: 30, procedural: all(19) }, rules).complete).toBe(false);
    expect(meetingRecordStatus({ method: 'show_of_hands', present: 30, procedural: all(20) }, rules).complete).toBe(true);
  });
});

describe('the sheet checks refuse procedural votes that cannot be true', () => {
  const ctx = { households: 50, channel: 'meeting' as const, kind: 'decision' as const, questions: [{ name: 'q', choices: ['approve', 'reject', 'other'] }] };
  const counts = { q: { approve: 20, reject: 5, other: 0 } };
  it('more votes than representatives present, or not a whole number, is refused naming the field', () => {
    const r = checkTallySheet({ present: 30, counts, procedural: { secretary: { votesFor: 31 }, method: { votesFor: 2.5 } } }, ctx);
    expect(r.errors.map((e) => e.path)).toEqual(['procedural.secretary.votesFor', 'procedural.method.votesFor']);
    expect(r.errors[0]!.message.vi).toContain('lớn hơn số đại diện dự họp (30)');
  });
  it('missing votes are not refused (the record is then incomplete)', () => {
    expect(checkTallySheet({ present: 30, counts }, ctx).errors).toEqual([]);
  });
});

describe('a meeting record: unstated procedural votes flag it incomplete, a procedural vote not approved makes it decide nothing', () => {
  const campaign = { kind: 'decision' as const, category: 'k6' as const, scope: 'village' as const, questions: [{ name: 'q', choices: ['approve', 'reject', 'other'] }] };
  const village = { villageId: 'v1', code: 'T1', name: 'Thôn 1', households: 40 };
  const sheet = (procedural?: ProceduralVotes): ConfirmedSheet => ({
    villageId: 'v1', channel: 'meeting', present: 30, counts: { q: { approve: 28, reject: 2, other: 0 } }, record: { method: 'show_of_hands', procedural },
  });

  it('without the procedural votes: the vote counts, the record is flagged incomplete with what is missing', () => {
    const v = tallyCampaign(campaign, [village], [sheet()]).villages[0]!;
    expect(v.questions.q!.counts.approve).toBe(28);
    expect(v.passed).toBe(true);
    expect(v.questions.q!.passed).toBe(true);
    const warning = v.warnings.find((w) => w.code === 'meeting_record_incomplete')!.message.vi;
    expect(warning).toContain('chưa ghi kết quả biểu quyết chọn thư ký');
    expect(warning).toContain('Cần gửi bản sửa bổ sung');
    // not a meeting that failed for attendance: no household ballot is called for
    expect(v.fallback).toBeNull();
  });

  it('with exactly half for the method: not approved, so the vote decides nothing', () => {
    const v = tallyCampaign(campaign, [village], [sheet({ secretary: { name: 'Lan', votesFor: 30 }, method: { votesFor: 15 } })]).villages[0]!;
    expect(v.passed).toBe(false);
    expect(v.questions.q!.counts.approve).toBe(28);
    expect(v.warnings.find((w) => w.code === 'meeting_record_incomplete')!.message.vi).toContain('chưa được tính là quyết định của cuộc họp');
  });

  it('completed (each vote more than half of those present): passed', () => {
    const v = tallyCampaign(campaign, [village], [sheet({ secretary: { name: 'Lan', votesFor: 16 }, method: { votesFor: 16 } })]).villages[0]!;
    expect(v.passed).toBe(true);
    expect(v.warnings.map((w) => w.code)).not.toContain('meeting_record_incomplete');
  });

  it('an election by secret ballot needs the counting board approved too (exactly half is not)', () => {
    const election = { kind: 'election' as const, category: 'k4' as const, scope: 'village' as const, seats: 1, candidates: [{ id: 'c1', name: 'A', villageId: 'v1' }], questions: [] };
    const s = (board?: number): ConfirmedSheet => ({
      villageId: 'v1', channel: 'meeting', present: 30, issued: 30, returned: 30, invalid: 0, counts: { candidates: { c1: 25 } },
      record: { method: 'secret_ballot', procedural: { secretary: { name: 'Lan', votesFor: 20 }, method: { votesFor: 20 }, ...(board === undefined ? {} : { board: { votesFor: board } }) } },
    });
    // not stated: elected, the record flagged; stated and not approved (15 of 30): nobody elected
    const unstated = tallyCampaign(election, [village], [s()]).villages[0]!;
    expect(unstated.elected).toEqual(['c1']);
    expect(unstated.warnings.map((w) => w.code)).toContain('meeting_record_incomplete');
    expect(tallyCampaign(election, [village], [s(15)]).villages[0]!.elected).toEqual([]);
    expect(tallyCampaign(election, [village], [s(16)]).villages[0]!.elected).toEqual(['c1']);
  });
});
