import type { ResultsSnapshot } from '../../domain/results/snapshot';
import { ANSWERED_CSV_HEADER, csvRow, formCsvRows, themeCsvRows, type CsvCell } from '../form/csv';
import { percent } from '../form/labels';

/**
 * Every question of the form by its words (snapshots before `form`: each
 * choice question's choices), then the written opinions grouped under themes
 * with the commune's answer.
 */
export function consultationCsv(s: ResultsSnapshot): CsvCell[][] {
  const rows: CsvCell[][] = [ANSWERED_CSV_HEADER];
  const k = s.consultation;
  if (!k) return rows;
  if (s.form) rows.push(...formCsvRows(s.form));
  else {
    for (const q of k.questions) {
      for (const [value, n] of Object.entries(q.counts)) {
        rows.push(csvRow({ question: q.title.vi, choice: q.choices.find((c) => c.value === value)?.text.vi ?? value, code: `${q.name}=${value}`, answered: q.answered, count: n, percent: percent(n, q.answered) }));
      }
    }
  }
  rows.push(...themeCsvRows(k.opinions, k.ungrouped, k.themes));
  return rows;
}
