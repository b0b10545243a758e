import type { ResultsSnapshot } from '../../web/views/results/model';
import { toCsv } from './spreadsheet/csv';
import type { TableRow } from './spreadsheet/table';

// Open data as a table: one row per village and question/option, then the
// commune row. As CSV (toCsv: UTF-8 with a BOM and CRLF, text guarded
// against formulas) numbers are plain with dot decimals so scripts read them
// without guessing the locale; a spreadsheet in a comma-decimal locale
// (Vietnamese) opens the XLSX (results-xlsx.ts), whose cells are numbers.

const pct = (x: number): number => Math.round(x * 1000) / 10;

function bindingRows(s: ResultsSnapshot): TableRow[] {
  const header = [
    'Mã thôn', 'Thôn', 'Tổng số hộ', 'Số hộ tham gia', 'Tỷ lệ tham gia (%)', 'Câu hỏi', 'Lựa chọn', 'Mã lựa chọn',
    'Số phiếu', 'Loại', 'Số phiếu cần đạt', 'Kết quả',
  ];
  const rows: TableRow[] = [header];
  const isElection = s.campaign.kind === 'election';
  for (const v of s.villages) {
    for (const q of s.questions) {
      const r = v.questions[q.name];
      if (!r) continue;
      for (const [value, n] of Object.entries(r.counts)) {
        const label = q.choices.find((c) => c.value === value)?.text.vi ?? value;
        let outcome: string;
        if (isElection) outcome = v.elected.includes(value) ? 'Trúng cử' : v.ties.includes(value) ? 'Bằng phiếu, cuộc họp quyết định' : 'Không trúng cử';
        else outcome = r.passed ? 'Thông qua' : 'Không thông qua';
        rows.push([v.code, v.name, v.households, v.participated, pct(v.turnout), q.title.vi, label, value, n, 'Có giá trị quyết định', r.required, outcome]);
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

function satisfactionRows(s: ResultsSnapshot): TableRow[] {
  const rows: TableRow[] = [['Phần', 'Yếu tố', 'Tiêu chí', 'Số câu trả lời', 'Số câu hài lòng', 'Tỷ lệ hài lòng (%)', 'Điểm trung bình']];
  const sipas = s.satisfaction?.sipas;
  if (sipas) {
    for (const c of sipas.criteria) rows.push(['SIPAS', c.element, c.name, c.answers, c.satisfied, c.rounded.satisfiedPercent, c.rounded.mean]);
    for (const e of sipas.elements) rows.push(['SIPAS', e.element, '(cả yếu tố)', e.answers, e.satisfied, e.rounded.satisfiedPercent, e.rounded.mean]);
    rows.push(['SIPAS', '(chỉ số chung)', '', sipas.overall.answers, sipas.overall.satisfied, sipas.overall.elementIndexRounded.satisfiedPercent, sipas.overall.rounded.mean]);
  }
  const one = s.satisfaction?.oneStop;
  if (one) {
    rows.push(['Một cửa', '(toàn bộ)', '', one.overall.total, null, one.overall.satisfiedPercent, null]);
    for (const o of one.byOfficer) rows.push(['Một cửa: cán bộ', o.officerId, '', o.total, null, o.satisfiedPercent, null]);
    for (const p of one.byProcedure) rows.push(['Một cửa: thủ tục', p.procedure, '', p.total, null, p.satisfiedPercent, null]);
    for (const r of one.overall.reasons) rows.push(['Một cửa: lý do không hài lòng', r.label.vi, r.code, r.count, null, null, null]);
  }
  return rows;
}

function consultationRows(s: ResultsSnapshot): TableRow[] {
  const rows: TableRow[] = [['Câu hỏi', 'Lựa chọn', 'Mã lựa chọn', 'Số ý kiến', 'Nhóm ý kiến', 'Tiếp thu', 'Giải trình, trả lời']];
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

/** The same numbers as the results JSON, as rows of a table (header first). */
export function resultsTable(s: ResultsSnapshot): TableRow[] {
  if (s.campaign.kind === 'satisfaction') return satisfactionRows(s);
  if (s.campaign.kind === 'consultation') return consultationRows(s);
  return bindingRows(s);
}

/** The same numbers as the results JSON, as CSV (UTF-8 with BOM). */
export function resultsCsv(s: ResultsSnapshot): string {
  return toCsv(resultsTable(s));
}
