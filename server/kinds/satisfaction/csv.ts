import type { ResultsSnapshot } from '../../domain/results/snapshot';
import { ANSWERED_CSV_HEADER, csvRow, formCsvRows, themeCsvRows, type CsvCell } from '../form/csv';
import { FT, percent } from '../form/labels';
import { LEVEL } from './charts';

const SATISFIED_ONE_STOP = 'Hài lòng (rất hài lòng và hài lòng)';

/**
 * SIPAS per criterion, element and overall, named by their words; one-stop
 * ratings per level, officer, procedure and reason; then every question of
 * the form, and the written answers grouped under themes.
 */
export function satisfactionCsv(s: ResultsSnapshot): CsvCell[][] {
  const rows: CsvCell[][] = [ANSWERED_CSV_HEADER];
  const sipas = s.satisfaction?.sipas;
  if (sipas) {
    const part = 'SIPAS';
    const elementName = (code: string) => sipas.elements.find((e) => e.element === code)?.title?.vi ?? code;
    for (const c of sipas.criteria) {
      rows.push(csvRow({
        part, question: elementName(c.element), item: c.title?.vi ?? c.name, choice: FT.satisfied.vi, code: `${c.element}.${c.name}`,
        answered: c.answers, count: c.satisfied, percent: c.rounded.satisfiedPercent, mean: c.rounded.mean,
      }));
    }
    for (const e of sipas.elements) {
      rows.push(csvRow({
        part, question: e.title?.vi ?? e.element, item: '(cả yếu tố)', choice: FT.satisfied.vi, code: e.element,
        answered: e.answers, count: e.satisfied, percent: e.rounded.satisfiedPercent, mean: e.rounded.mean,
      }));
    }
    rows.push(csvRow({
      part, question: 'Chỉ số hài lòng chung (trung bình các yếu tố)', choice: FT.satisfied.vi, answered: sipas.overall.answers, count: sipas.overall.satisfied,
      percent: sipas.overall.elementIndexRounded.satisfiedPercent, mean: sipas.overall.rounded.mean,
    }));
  }
  const one = s.satisfaction?.oneStop;
  if (one) {
    const part = 'Một cửa';
    const satisfied = (x: { counts: Record<string, number> }) => (x.counts.very_satisfied ?? 0) + (x.counts.satisfied ?? 0);
    for (const [level, n] of Object.entries(one.overall.counts)) {
      rows.push(csvRow({ part, question: 'Toàn bộ', choice: LEVEL[level]?.vi ?? level, code: level, answered: one.overall.total, count: n, percent: percent(n, one.overall.total) }));
    }
    rows.push(csvRow({ part, question: 'Toàn bộ', choice: SATISFIED_ONE_STOP, answered: one.overall.total, count: satisfied(one.overall), percent: one.overall.satisfiedPercent }));
    for (const o of one.byOfficer) rows.push(csvRow({ part, question: 'Theo cán bộ', item: o.officerId, choice: SATISFIED_ONE_STOP, answered: o.total, count: satisfied(o), percent: o.satisfiedPercent }));
    for (const p of one.byProcedure) rows.push(csvRow({ part, question: 'Theo thủ tục', item: p.procedure, choice: SATISFIED_ONE_STOP, answered: p.total, count: satisfied(p), percent: p.satisfiedPercent }));
    for (const r of one.overall.reasons) rows.push(csvRow({ part, question: 'Lý do không hài lòng', item: r.label.vi, code: r.code, count: r.count }));
  }
  const form = s.form;
  if (form) {
    rows.push(...formCsvRows(form));
    if (form.texts > 0 || form.themes.length > 0) rows.push(...themeCsvRows(form.texts, form.ungrouped, form.themes));
  }
  return rows;
}
