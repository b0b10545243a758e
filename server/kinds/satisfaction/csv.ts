import type { ResultsSnapshot } from '../../domain/results/snapshot';

/** SIPAS per criterion, element and overall; one-stop overall, per officer, per procedure and per reason. */
export function satisfactionCsv(s: ResultsSnapshot): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [['Phần', 'Yếu tố', 'Tiêu chí', 'Số câu trả lời', 'Số câu hài lòng', 'Tỷ lệ hài lòng (%)', 'Điểm trung bình']];
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
