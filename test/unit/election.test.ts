import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type LegalRules } from '../../server/domain/legal-rules';
import { classifyElectionBallot, communeRoster, electionResult, type BallotMarks } from '../../server/domain/election';

const candidates = [{ id: 'an' }, { id: 'binh' }, { id: 'chi' }];

describe('classifyElectionBallot: the strike-through convention (gạch tên)', () => {
  it.each([
    ['keeps exactly the seats', ['an', 'binh'], 2, {}, true, undefined],
    ['keeps fewer names than seats', ['an'], 2, {}, true, undefined],
    ['keeps more names than seats', ['an', 'binh', 'chi'], 2, {}, false, 'more_than_seats'],
    ['strikes every name', [], 2, {}, false, 'all_struck'],
    ['keeps a name that is not on the list', ['an', 'dung'], 2, {}, false, 'names_added'],
    ['has a name written in', ['an'], 2, { addedNames: ['Đặng Văn Dũng'] }, false, 'names_added'],
    ['has other marks', ['an'], 2, { otherMarks: true }, false, 'extra_marks'],
    ['is not the issued form', ['an'], 2, { notIssuedForm: true }, false, 'not_issued_form'],
  ] as [string, string[], number, BallotMarks, boolean, string | undefined][])(
    'a ballot that %s → valid: %s',
    (_label, kept, seats, marks, valid, reason) => {
      const c = classifyElectionBallot(kept, candidates, seats, marks);
      expect(c.valid).toBe(valid);
      if (!c.valid) {
        expect(c.reason).toBe(reason);
        expect(c.message.vi.length).toBeGreaterThan(0);
        expect(c.message.en.length).toBeGreaterThan(0);
      }
    },
  );

  it('counts a name kept twice once', () => {
    expect(classifyElectionBallot(['an', 'an'], candidates, 1)).toEqual({ valid: true, kept: ['an'] });
  });

  it('a commune that accepts extra marks sets it in the rules', () => {
    const rules: LegalRules = {
      ...DEFAULT_RULES,
      election: {
        ...DEFAULT_RULES.election,
        invalidWhen: { ...DEFAULT_RULES.election.invalidWhen, value: { ...DEFAULT_RULES.election.invalidWhen.value, extra_marks: false } },
      },
    };
    expect(classifyElectionBallot(['an'], candidates, 1, { otherMarks: true }, rules).valid).toBe(true);
  });
});

describe('electionResult: elected with votes > H/2 of the village’s households, ranked to the seats', () => {
  it('a village of 300 households elects a candidate with 151 votes, not one with 150', () => {
    const r = electionResult({ an: 151, binh: 150 }, 300, 2);
    expect(r.required).toBe(151);
    expect(r.elected).toEqual(['an']);
    expect(r.unfilledSeats).toBe(1);
    expect(r.ties).toEqual([]);
    expect(r.notes.map((n) => n.code)).toEqual(['unfilled_seats']);
  });

  it('ranks eligible candidates by votes down to the seats', () => {
    const r = electionResult({ an: 200, binh: 180, chi: 160 }, 300, 2);
    expect(r.elected).toEqual(['an', 'binh']);
    expect(r.unfilledSeats).toBe(0);
    expect(r.ranking.map((x) => x.id)).toEqual(['an', 'binh', 'chi']);
  });

  it('reports a tie at the cut-off for the meeting instead of choosing', () => {
    const r = electionResult({ an: 200, binh: 170, chi: 170 }, 300, 2);
    expect(r.elected).toEqual(['an']);
    expect(r.ties).toEqual(['binh', 'chi']);
    expect(r.tiedSeats).toBe(1);
    expect(r.unfilledSeats).toBe(0);
    expect(r.notes[0]!.code).toBe('tie_at_cutoff');
    expect(r.notes[0]!.message.vi).toContain('nhiều tuổi hơn');
  });

  it('a tie for a single seat elects nobody and leaves the seat to the meeting', () => {
    const r = electionResult({ an: 160, binh: 160 }, 300, 1);
    expect(r.elected).toEqual([]);
    expect(r.ties).toEqual(['an', 'binh']);
    expect(r.tiedSeats).toBe(1);
  });

  it('a tie below the threshold is not a tie at the cut-off', () => {
    const r = electionResult({ an: 160, binh: 100, chi: 100 }, 300, 2);
    expect(r.elected).toEqual(['an']);
    expect(r.ties).toEqual([]);
    expect(r.unfilledSeats).toBe(1);
  });

  it('equal votes that all fit in the seats are all elected', () => {
    const r = electionResult({ an: 170, binh: 170 }, 300, 2);
    expect(r.elected.sort()).toEqual(['an', 'binh']);
    expect(r.ties).toEqual([]);
  });

  it('nobody is elected in a village with no households', () => {
    const r = electionResult({ an: 0 }, 0, 1);
    expect(r.elected).toEqual([]);
    expect(r.unfilledSeats).toBe(1);
  });
});

describe('communeRoster: the People’s Inspection Board, one member per village, at least 5', () => {
  const names = [
    { id: 'c1', name: 'Nguyễn Văn An' },
    { id: 'c2', name: 'Trần Thị Bình' },
    { id: 'c3', name: 'Lê Văn Chí' },
    { id: 'c4', name: 'Phạm Thị Dung' },
    { id: 'c5', name: 'Hoàng Văn Em' },
    { id: 'c6', name: 'Vũ Thị Phương' },
  ];
  const village = (id: string, elected: string[], ties: string[] = []) => ({ villageId: id, elected, ties });

  it('six villages each electing one member make a full board of six', () => {
    const r = communeRoster(names.map((c, i) => village(`v${i + 1}`, [c.id])), names);
    expect(r.target).toBe(6);
    expect(r.short).toBe(false);
    expect(r.members.map((m) => m.name)).toContain('Trần Thị Bình');
  });

  it('reports a short board naming the villages without a member or with a tie', () => {
    const r = communeRoster([village('v1', ['c1']), village('v2', []), village('v3', [], ['c3', 'c4']), village('v4', ['c5']), village('v5', ['c6']), village('v6', ['c2'])], names);
    expect(r.short).toBe(true);
    expect(r.missing).toBe(2);
    expect(r.villagesWithoutMember).toEqual(['v2', 'v3']);
    expect(r.villagesWithTie).toEqual(['v3']);
    expect(r.notes[0]!.vi).toContain('4/6');
  });

  it('a commune of three villages still needs five members', () => {
    const r = communeRoster([village('v1', ['c1']), village('v2', ['c2']), village('v3', ['c3'])], names);
    expect(r.target).toBe(5);
    expect(r.short).toBe(true);
    expect(r.missing).toBe(2);
  });
});
