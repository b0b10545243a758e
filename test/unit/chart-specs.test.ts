// Issue 15: charts that do not mislead. A village's bars are drawn against
// its households (163 of 412 must look like 40 %, not like a full bar) and
// the threshold is a line at the number the law needs (Đ21: of ALL
// households), not a dot. The specs are pure data, so they are checked here.
import { describe, expect, it } from 'vitest';
import { participationCharts, villageBarsChart } from '../../web/views/results/charts';
import { electionCharts } from '../../server/kinds/election/charts';
import { requiredApprovals } from '../../server/domain/thresholds';
import { thresholdFor } from '../../server/domain/legal-rules';
import type { ResultsSnapshot } from '../../server/domain/results/snapshot';
import { ELECTION_QUESTION } from '../../server/domain/tally';

const words = {
  online: 'Trực tuyến', paper: 'Phiếu giấy', total: 'Đã tham gia', unit: 'hộ',
  needed: (n: number) => `Cần ${n} phiếu đồng ý`, title: (name: string, h: number) => `${name} (${h} hộ)`,
};

describe('a village’s chart', () => {
  it('ends its axis at the village’s households, not at the largest bar, and draws the threshold as a line', () => {
    // Đông Sơn: 163 of 412 households took part; a k6 matter needs more than half of all: 207
    const needed = requiredApprovals(412, thresholdFor('decision', 'k6').value);
    expect(needed).toBe(207);
    const [chart] = participationCharts('p', [{ name: 'Thôn Đông Sơn', households: 412, online: 120, paper: 43, needed }], words);
    expect(chart!.max).toBe(412);
    expect(chart!.threshold).toMatchObject({ value: 207, label: 'Cần 207 phiếu đồng ý' });
    expect(chart!.labels).toEqual(['Trực tuyến', 'Phiếu giấy', 'Đã tham gia']);
    expect(chart!.datasets[0]!.data).toEqual([120, 43, 163]);
    expect(chart!.horizontal).toBe(true);
    expect(chart!.title).toBe('Thôn Đông Sơn (412 hộ)');
  });

  it('gives each village its own axis and threshold, and none where no threshold decides', () => {
    const charts = participationCharts('p', [
      { name: 'Thôn A', households: 151, online: 0, paper: 96, needed: 101 },
      { name: 'Thôn B', households: 30, online: 3, paper: 0, needed: null },
    ], words);
    expect(charts.map((c) => [c.id, c.max, c.threshold?.value])).toEqual([['p-chart-0', 151, 101], ['p-chart-1', 30, undefined]]);
  });

  it('still shows a count past the households whole (a sheet to check), never clipped', () => {
    const chart = villageBarsChart({ id: 'x', title: 'Thôn A', households: 2, unit: 'hộ', threshold: null, bars: [{ label: 'Phiếu giấy', value: 300, color: '#000' }] });
    expect(chart.max).toBe(300);
  });
});

describe('an election’s chart', () => {
  it('draws each candidate’s votes against the village’s households, the votes needed as a line', () => {
    const s = {
      candidates: [{ id: 'c1', name: 'Nguyễn Văn An' }, { id: 'c2', name: 'Trần Thị Bình' }],
      villages: [{ name: 'Thôn Đông Sơn', households: 412, questions: { [ELECTION_QUESTION]: { counts: { c1: 250, c2: 120 }, required: 207, passed: true } } }],
    } as unknown as ResultsSnapshot;
    const [chart] = electionCharts(s, 'vi');
    expect(chart!.labels).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(chart!.datasets[0]!.data).toEqual([250, 120]);
    expect(chart!.max).toBe(412);
    expect(chart!.threshold?.value).toBe(207);
  });
});
