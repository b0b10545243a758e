import { describe, expect, it } from 'vitest';
import { oneStopRatings, sipasIndices } from '../../server/domain/satisfaction';

// A hand-computed sample: two criteria in element A, one in element B.
//        a1  a2  b1
// r1      5   4   2
// r2      3   –   4      (a2 skipped)
// r3      4   5   1
// r4      1   2   –      (b1 missing)
// r5      6   0  ""      (out of scale or blank: excluded)
const criteria = [
  { name: 'a1', element: 'A' },
  { name: 'a2', element: 'A' },
  { name: 'b1', element: 'B' },
];
const answers = [
  { a1: 5, a2: 4, b1: 2 },
  { a1: 3, a2: null, b1: '4' },
  { a1: 4, a2: 5, b1: 1 },
  { a1: 1, a2: 2 },
  { a1: 6, a2: 0, b1: '' },
];

describe('SIPAS: share at levels 4–5 and mean, skipped answers excluded', () => {
  const r = sipasIndices(answers, criteria);

  it.each([
    // name, answers, satisfied, share, mean, percent shown, mean shown
    ['a1', 4, 2, 2 / 4, 13 / 4, '50,0%', '3,25'],
    ['a2', 3, 2, 2 / 3, 11 / 3, '66,7%', '3,67'],
    ['b1', 3, 1, 1 / 3, 7 / 3, '33,3%', '2,33'],
  ])('criterion %s: %i answers, %i satisfied', (name, n, satisfied, share, mean, percentText, meanText) => {
    const c = r.criteria.find((x) => x.name === name)!;
    expect(c.answers).toBe(n);
    expect(c.satisfied).toBe(satisfied);
    expect(c.satisfiedShare).toBeCloseTo(share, 10);
    expect(c.mean).toBeCloseTo(mean, 10);
    expect(c.rounded.text).toEqual({ satisfiedPercent: percentText, mean: meanText });
  });

  it('pools an element’s criteria: A has 4 of 7 answers satisfied, mean 24/7', () => {
    const a = r.elements.find((e) => e.element === 'A')!;
    expect(a.criteria).toEqual(['a1', 'a2']);
    expect(a.answers).toBe(7);
    expect(a.satisfiedShare).toBeCloseTo(4 / 7, 10);
    expect(a.rounded.satisfiedPercent).toBe(57.1);
    expect(a.rounded.mean).toBe(3.43);
  });

  it('gives the overall figure pooled and as the mean of the element indices', () => {
    expect(r.respondents).toBe(5);
    expect(r.overall.answers).toBe(10);
    expect(r.overall.satisfiedShare).toBeCloseTo(0.5, 10);
    expect(r.overall.mean).toBeCloseTo(3.1, 10);
    expect(r.overall.elementIndex).toBeCloseTo((4 / 7 + 1 / 3) / 2, 10);
    expect(r.overall.elementIndexRounded.satisfiedPercent).toBe(45.2);
  });

  it('shows no figure, not zero, for a criterion nobody answered', () => {
    const empty = sipasIndices([{}], [{ name: 'x', element: 'E' }]);
    expect(empty.criteria[0]!.satisfiedShare).toBeNull();
    expect(empty.criteria[0]!.mean).toBeNull();
    expect(empty.criteria[0]!.rounded.text.mean).toBe('–');
    expect(empty.overall.elementIndex).toBeNull();
  });
});

describe('one-stop rating per officer and per procedure', () => {
  const r = oneStopRatings([
    { officerId: 'o1', procedure: 'P1', level: 'very_satisfied' },
    { officerId: 'o1', procedure: 'P1', level: 'satisfied' },
    { officerId: 'o1', procedure: 'P2', level: 'not_satisfied', reasons: ['time', 'attitude'] },
    { officerId: 'o2', procedure: 'P1', level: 'not_satisfied', reasons: ['attitude', 'attitude'] },
    { officerId: 'o2', level: 'satisfied' },
  ]);

  it('counts each level and the satisfied share overall', () => {
    expect(r.overall.total).toBe(5);
    expect(r.overall.counts).toEqual({ very_satisfied: 1, satisfied: 2, not_satisfied: 2 });
    expect(r.overall.satisfiedShare).toBeCloseTo(0.6, 10);
    expect(r.overall.satisfiedPercent).toBe(60);
  });

  it('lists the Đ31 reasons given, most frequent first, with their labels', () => {
    expect(r.overall.reasons.map((x) => [x.code, x.count])).toEqual([['attitude', 2], ['time', 1]]);
    expect(r.overall.reasons[0]!.label.vi).toContain('Thái độ');
  });

  it.each([
    ['o1', 3, 66.7],
    ['o2', 2, 50],
  ])('officer %s: %i ratings, %s% satisfied', (id, total, percent) => {
    const o = r.byOfficer.find((x) => x.officerId === id)!;
    expect(o.total).toBe(total);
    expect(o.satisfiedPercent).toBe(percent);
  });

  it.each([
    ['P1', 3, 66.7],
    ['P2', 1, 0],
  ])('procedure %s: %i ratings, %s% satisfied', (procedure, total, percent) => {
    const p = r.byProcedure.find((x) => x.procedure === procedure)!;
    expect(p.total).toBe(total);
    expect(p.satisfiedPercent).toBe(percent);
  });

  it('keeps a reason code it does not know, labelled with the code', () => {
    const u = oneStopRatings([{ level: 'not_satisfied', reasons: ['queue'] }]);
    expect(u.overall.reasons).toEqual([{ code: 'queue', label: { vi: 'queue', en: 'queue' }, count: 1 }]);
  });
});
