import type { ResultsSnapshot } from '../../domain/results/snapshot';

/** Per question and choice the answers counted, then each theme with the commune's answer. */
export function consultationCsv(s: ResultsSnapshot): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [['Câu hỏi', 'Lựa chọn', 'Mã lựa chọn', 'Số ý kiến', 'Nhóm ý kiến', 'Tiếp thu', 'Giải trình, trả lời']];
  const k = s.consultation;
  if (k) {
    for (const q of k.questions) {
      for (const [value, n] of Object.entries(q.counts)) {
        rows.push([q.title.vi, q.choices.find((c) => c.value === value)?.text.vi ?? value, value, n, null, null, null]);
      }
    }
    for (const t of k.themes) {
      rows.push([null, null, null, t.count, t.title, t.accepted === null ? null : t.accepted ? 'Tiếp thu' : 'Giải trình', t.response]);
    }
  }
  return rows;
}
