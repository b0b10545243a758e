import type { ResultsSnapshot } from '../../domain/results/snapshot';

const pct = (x: number): number => Math.round(x * 1000) / 10;

/**
 * One row per village and question/option (the advice apart), then the
 * commune's rows: one per question of a decision (each question is its own
 * matter), then the overall one. At village scope they sum the villages up
 * ("Tổng hợp các thôn") and never give the commune a verdict of its own.
 * `outcome` says what an option's count decided; a held village says so.
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
        rows.push([v.code, v.name, v.households, v.participated, pct(v.turnout), q.title.vi, label, value, n, 'Có giá trị quyết định', r.required, v.held ? 'Tạm giữ' : outcome(v, value, r.passed)]);
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
  // the commune's verdict only for a commune matter of several villages
  const commune = c.rule === 'commune_threshold' && s.villages.length > 1;
  const label = commune ? 'Toàn xã' : 'Tổng hợp các thôn';
  const verdict = (passed: boolean) => (passed ? 'Thông qua' : 'Không thông qua');
  const total = (question: string, required: number | null, result: string) =>
    rows.push(['', label, c.households, c.participated, pct(c.turnout), question, '', '', null, 'Có giá trị quyết định', required, result]);
  if (s.campaign.kind === 'decision') {
    for (const q of s.questions) {
      const r = c.questions[q.name];
      if (!r) continue;
      total(q.title.vi, r.required, commune ? `${verdict(r.passed)} (${r.villagesPassed}/${c.villages} thôn đạt)` : `${r.villagesPassed}/${c.villages} thôn thông qua`);
    }
    total('', null, commune
      ? `${verdict(c.passed)} (${c.adopted.length}/${s.questions.length} câu hỏi được thông qua)`
      : `${c.villagesPassed}/${c.villages} thôn thông qua mọi câu hỏi`);
  } else {
    total('', null, `${c.villagesPassed}/${c.villages} thôn đủ người trúng cử`);
  }
  return rows;
}
