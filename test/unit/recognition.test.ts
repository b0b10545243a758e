// The recognition of a community decision and what an election needs before
// it opens, from the law's text: Đ21 k2 Luật 10/2022/QH15 (who recognises
// what), Đ37 and Đ42 (the boards' standards), NĐ 59/2023 Đ6 k1 b (no
// candidate on the election team), Đ15 k4 with NĐ 59 Đ6 (one village head).
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, CATEGORIES } from '../../server/domain/legal-rules';
import { awaitingNote, awaitingText, recognisedText, recognitionBodyFor, recognitionProblems, recognitionStatus, shownStatus, type Recognition } from '../../server/domain/recognition';
import { attestationHolds, attestationProblems, clashText, conditionsFor, samePerson, teamClashes, unattested, type Attestation } from '../../server/domain/election-prep';

describe('who recognises what (Đ21 k2)', () => {
  it('the UBND xã recognises a covenant (k3) and a village head (k4); the UBMTTQ xã the board members (k5)', () => {
    expect(recognitionBodyFor('decision', 'k3')).toBe('ubnd_xa');
    expect(recognitionBodyFor('election', 'k4')).toBe('ubnd_xa');
    expect(recognitionBodyFor('election', 'k5')).toBe('ubmttq_xa');
  });

  it('k1, k2 and k6 take effect when adopted; consultations and surveys decide nothing to recognise', () => {
    for (const k of ['k1', 'k2', 'k6'] as const) expect(recognitionBodyFor('decision', k)).toBeNull();
    expect(recognitionBodyFor('consultation', null)).toBeNull();
    expect(recognitionBodyFor('satisfaction', null)).toBeNull();
    // every category is answered from the rule, never restated
    for (const k of CATEGORIES) expect(recognitionBodyFor('decision', k)).toBe(DEFAULT_RULES.recognitionBody.value[k] ?? null);
  });

  it('a result awaits recognition until a decision is recorded, and says so Vietnamese first', () => {
    expect(recognitionStatus('election', 'k4', null)).toEqual({ state: 'awaiting', body: 'ubnd_xa' });
    expect(awaitingText('decision').vi).toBe('Đã thông qua, chờ công nhận');
    expect(awaitingText('election').vi).toBe('Trúng cử, chờ công nhận');
    const note = awaitingNote('election', 'ubmttq_xa');
    expect(note.vi).toContain('UBMTTQ xã');
    expect(note.vi).toContain('Đ21 k2');
    const r: Recognition = {
      campaignId: 'c', version: 1, number: '12/QĐ-UBND', decidedOn: '2026-12-02', signer: 'Nguyễn Văn Bình, Chủ tịch UBND xã', body: 'ubnd_xa',
      scan: null, reason: '', recordedBy: 'u', recordedAt: '2026-12-02T03:00:00.000Z',
    };
    expect(recognitionStatus('election', 'k4', r)).toMatchObject({ state: 'recognised', recognition: { number: '12/QĐ-UBND' } });
    expect(recognisedText(r).vi).toBe('Đã được UBND xã công nhận theo Quyết định số 12/QĐ-UBND ngày 02/12/2026; người ký: Nguyễn Văn Bình, Chủ tịch UBND xã.');
  });

  it('names every field a recorded decision lacks, and asks a correction for its reason', () => {
    const paths = (p: ReturnType<typeof recognitionProblems>) => p.map((x) => x.path);
    const ctx = { earliest: '2026-11-20', today: '2026-11-26', correcting: false } as const;
    expect(paths(recognitionProblems({}, ctx))).toEqual(['number', 'decidedOn', 'signer']);
    expect(paths(recognitionProblems({ number: '1/QĐ', decidedOn: '2026-11-27', signer: 'A' }, ctx))).toEqual(['decidedOn']); // after today
    expect(paths(recognitionProblems({ number: '1/QĐ', decidedOn: '2026-11-19', signer: 'A' }, ctx))).toEqual(['decidedOn']); // before the vote closed
    expect(paths(recognitionProblems({ number: '1/QĐ', decidedOn: '2026-02-30', signer: 'A' }, ctx))).toEqual(['decidedOn']); // no such day
    expect(recognitionProblems({ number: '1/QĐ', decidedOn: '2026-11-20', signer: 'A' }, ctx)).toEqual([]);
    expect(paths(recognitionProblems({ number: '1/QĐ', decidedOn: '2026-11-20', signer: 'A' }, { ...ctx, correcting: true }))).toEqual(['reason']);
    expect(recognitionProblems({}, ctx)[0]!.message.vi).toContain('số quyết định');
  });
});

describe('eligibility attested by the Ban công tác Mặt trận (Đ37, Đ42)', () => {
  it('the Ban TTND candidate is a permanent resident and not a commune official (Đ37)', () => {
    const codes = conditionsFor('inspection').map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['resident', 'not_official']));
    expect(conditionsFor('inspection').find((c) => c.code === 'not_official')!.text.vi).toContain('cán bộ, công chức cấp xã');
    expect(DEFAULT_RULES.eligibility.inspection.article).toContain('Đ37');
  });

  it('the Ban GSĐTCĐ member has no relative among the investor and the contractors (Đ42)', () => {
    const c = conditionsFor('investment_supervision');
    expect(c.map((x) => x.code)).toEqual(['resident', 'not_official', 'no_relatives']);
    expect(c.find((x) => x.code === 'no_relatives')!.text.vi).toContain('chủ đầu tư');
    expect(DEFAULT_RULES.eligibility.investment_supervision.article).toContain('Đ42');
  });

  it('an attestation lacking one condition is refused naming that condition, and needs who attests and when', () => {
    const all = conditionsFor('inspection').map((c) => c.code);
    const ok = { conditions: all, attestedBy: 'Lê Thị Hoa', attestedOn: '2026-11-20' };
    expect(attestationProblems('inspection', ok, '2026-11-26')).toEqual([]);
    const missing = attestationProblems('inspection', { ...ok, conditions: all.filter((c) => c !== 'not_official') }, '2026-11-26');
    expect(missing.map((p) => p.path)).toEqual(['conditions.not_official']);
    expect(missing[0]!.message.vi).toContain('Đ37');
    expect(attestationProblems('inspection', { conditions: all }, '2026-11-26').map((p) => p.path)).toEqual(['attestedBy', 'attestedOn']);
    expect(attestationProblems('inspection', { ...ok, attestedOn: '2026-11-27' }, '2026-11-26').map((p) => p.path)).toEqual(['attestedOn']);
  });

  it('an election cannot open with a candidate unattested, or attested under another name', () => {
    const all = conditionsFor('village_head').map((c) => c.code);
    const a = (candidateId: string, candidateName: string, conditions = all): Attestation => ({
      campaignId: 'c', candidateId, candidateName, version: 1, conditions, attestedBy: 'X', attestedOn: '2026-11-20', recordedBy: 'u', recordedAt: '',
    });
    const candidates = [{ id: 'c1', name: 'Nguyễn Văn An' }, { id: 'c2', name: 'Trần Thị Bình' }, { id: 'c3', name: 'Lê Văn Cường' }];
    const latest = new Map([['c1', a('c1', 'Nguyễn Văn An')], ['c2', a('c2', 'Trần Thị Bích')], ['c3', a('c3', 'Lê Văn Cường', all.slice(1))]]);
    expect(unattested('village_head', candidates, latest).map((c) => c.id)).toEqual(['c2', 'c3']);
    expect(attestationHolds('village_head', candidates[0]!, latest.get('c1'))).toBe(true);
  });
});

describe('a member of the election team is not a candidate (NĐ 59 Đ6 k1 b)', () => {
  const candidates = [{ id: 'c1', name: 'Nguyễn Văn An', birthYear: 1975 }, { id: 'c2', name: 'Trần Thị Bình', birthYear: null }];

  it('finds the member who is a candidate, case and spacing aside', () => {
    const team = [{ name: 'Hà Văn Tuấn', role: 'Tổ trưởng', birthYear: null }, { name: 'nguyễn  văn an', role: 'Thành viên', birthYear: 1975 }];
    const clashes = teamClashes(team, candidates);
    expect(clashes.map((c) => [c.index, c.candidate.id])).toEqual([[1, 'c1']]);
    const text = clashText(clashes[0]!.member, clashes[0]!.candidate);
    expect(text.vi).toContain('nguyễn  văn an');
    expect(text.vi).toContain('Nguyễn Văn An');
    expect(text.vi).toContain('Đ6 k1 b');
  });

  it('tells apart names that differ only by their diacritics, and people born in different years', () => {
    expect(samePerson({ name: 'Nguyễn Văn Ân' }, { name: 'Nguyễn Văn An' })).toBe(false);
    expect(samePerson({ name: 'Nguyễn Văn An', birthYear: 1980 }, { name: 'Nguyễn Văn An', birthYear: 1975 })).toBe(false);
    expect(samePerson({ name: 'Trần Thị Bình', birthYear: 1990 }, { name: 'Trần Thị Bình', birthYear: null })).toBe(true);
  });
});

describe('a village-head election has one seat (Đ15 k4; NĐ 59 Đ6)', () => {
  it('the rule every village head election is checked against', () => {
    expect(DEFAULT_RULES.boards.village_head.value).toMatchObject({ category: 'k4', seatsPerVillage: 1 });
  });
});

describe('only a result that passed awaits recognition', () => {
  it('a vote where nothing passed and nobody was elected has nothing to recognise', () => {
    const awaiting = { state: 'awaiting', body: 'ubnd_xa' } as const;
    expect(shownStatus(awaiting, [{ passed: false, elected: [] }])).toEqual({ state: 'none' });
    expect(shownStatus(awaiting, [{ passed: false, elected: [] }, { passed: false, elected: ['c1'] }])).toEqual(awaiting);
    expect(shownStatus(awaiting, [{ passed: true, elected: [] }])).toEqual(awaiting);
  });
});
