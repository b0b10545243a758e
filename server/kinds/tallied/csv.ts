import type { ResultsSnapshot } from '../../domain/results/snapshot';

const pct = (x: number): number => Math.round(x * 1000) / 10;

/**
 * One row per village and question/option (the advice apart), then the
 * commune row; `outcome` says what an option's count decided.
 */
export function talliedCsv(
  s: ResultsSnapshot,
  outcome: (v: ResultsSnapshot['villages'][number], value: string, passed: boolean) => string,
): (string | number | boolean | null)[][] {
  const header = [
    'Mã thôn', 'Thôn', 'Tổng số hộ', 'Số hộ tham gia', 'Tỷ lệ tham gia (%)', 'Câu hỏi', 'Lựa chọn', 'Mã lựa chọn',
    'Số phiếu', 'Loại', 'Số phiếu cần đạt', 'Kết quả',
  ];
  const rows: (string | number | boolean | null)[][] = [header];
  for (const v of s.villages) {
    for (const q of s.questions) {
      const r = v.questions[q.name];
      if (!r) continue;
      for (const [value, n] of Object.entries(r.counts)) {
        const label = q.choices.find((c) => c.value === value)?.text.vi ?? value;
        rows.push([v.code, v.name, v.households, v.participated, pct(v.turnout), q.title.vi, label, value, n, 'Có giá trị quyết định', r.required, outcome(v, value, r.passed)]);
      }
      const advisory = v.advisory?.counts[q.name];
      if (advisory) {
        for (const [value, n] of Object.entries(advisory)) {
          const label = q.choices.find((c) => c.value === value)?.text.vi ?? value;
          rows.push([v.code, v.name, v.households, v.participated, pct(v.turnout), q.title.vi, label, value, n, 'Tham khảo (trực tuyến)', null, null]);
        }
      }
    }
  }
  const c = s.commune;
  rows.push([
    '', 'Toàn xã', c.households, c.participated, pct(c.turnout), '', '', '', null, 'Có giá trị quyết định',
    c.rule === 'commune_threshold' ? c.requiredVillages : null,
    `${c.passed ? 'Thông qua' : 'Không thông qua'} (${c.villagesPassed}/${c.villages} thôn đạt)`,
  ]);
  return rows;
}
