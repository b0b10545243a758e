// The answered kinds' CSV (consultation, satisfaction): one table whose
// rows name what they count by its words (the section, the question, the
// row or item, the choice) with the codes beside them for scripts, then the
// numbers. Free texts never appear; a theme staff grouped them under does.
import type { Lang } from '../../domain/i18n';
import type { SnapshotField, SnapshotForm, SnapshotTheme } from '../../domain/results/snapshot';
import { RT } from '../../../web/views/results/parts';
import { FT, choiceLabel, entriesLabel, percent, scaleText } from './labels';

export type CsvCell = string | number | null;

export const ANSWERED_CSV_HEADER: CsvCell[] = [
  'Phần', 'Câu hỏi', 'Dòng, mục', 'Lựa chọn', 'Mã', 'Số câu trả lời', 'Số lượng', 'Tỷ lệ (%)', 'Trung bình', 'Nhỏ nhất', 'Lớn nhất', 'Ghi chú',
];

export interface CsvRow {
  part?: string | null;
  question?: string | null;
  item?: string | null;
  choice?: string | null;
  code?: string | null;
  answered?: number | null;
  count?: number | null;
  percent?: number | null;
  mean?: number | null;
  min?: number | string | null;
  max?: number | string | null;
  note?: string | null;
}

/** A row in the header's column order. */
export const csvRow = (r: CsvRow): CsvCell[] => [
  r.part ?? null, r.question ?? null, r.item ?? null, r.choice ?? null, r.code ?? null, r.answered ?? null, r.count ?? null,
  r.percent ?? null, r.mean ?? null, r.min ?? null, r.max ?? null, r.note ?? null,
];

const VI: Lang = 'vi';
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** One field's rows: a row per choice (with a mean row for a rating), per ranked item, or one row. */
function fieldRows(f: SnapshotField, at: Pick<CsvRow, 'part' | 'question' | 'item'>, code: string): CsvCell[][] {
  switch (f.kind) {
    case 'choice':
    case 'boolean':
    case 'rating': {
      const rows = f.choices.map((c) => csvRow({
        ...at, choice: choiceLabel(f, c, VI), code: `${code}=${c.value}`, answered: f.answered, count: f.counts[c.value] ?? 0, percent: percent(f.counts[c.value] ?? 0, f.answered),
      }));
      if (f.kind === 'rating') {
        rows.push(csvRow({ ...at, choice: FT.meanScore.vi, code, answered: f.answered, mean: round2(f.mean), min: f.scale.min, max: f.scale.max, note: `${FT.scale.vi} ${scaleText(f, VI)}` }));
      }
      return rows;
    }
    case 'ranking':
      return f.choices.map((c) => csvRow({
        ...at, item: [at.item, c.text.vi].filter(Boolean).join(' › '), choice: FT.first.vi, code: `${code}=${c.value}`, answered: f.answered,
        count: f.first[c.value] ?? 0, percent: percent(f.first[c.value] ?? 0, f.answered), mean: round2(f.meanRank[c.value] ?? null),
        note: `Trung bình: ${FT.meanRank.vi.toLowerCase()}; ${FT.ranked.vi.toLowerCase()}: ${f.ranked[c.value] ?? 0}`,
      }));
    case 'number':
      return [csvRow({ ...at, choice: FT.number.vi, code, answered: f.answered, mean: round2(f.mean), min: f.min, max: f.max })];
    case 'date':
      return [csvRow({ ...at, choice: FT.date.vi, code, answered: f.answered, min: f.earliest, max: f.latest })];
    case 'text':
      return [csvRow({ ...at, choice: FT.text.vi, code, answered: f.answered, note: 'Nội dung chỉ cán bộ xem, để tổng hợp theo nhóm ý kiến' })];
    case 'personal':
      return [csvRow({ ...at, choice: FT.personal.vi, code, answered: f.answered, note: 'Không công bố' })];
  }
}

/** Every question of the form, in its order. */
export function formCsvRows(form: SnapshotForm | undefined): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const q of form?.questions ?? []) {
    const at = { part: q.section?.vi ?? null, question: q.title.vi };
    switch (q.kind) {
      case 'matrix': {
        const columnValues = `${FT.scale.vi}: ${q.columns.map((c) => `${c.value} = ${c.text.vi}`).join(', ')}`;
        for (const r of q.rows) {
          for (const c of q.columns) {
            rows.push(csvRow({ ...at, item: r.text.vi, choice: c.text.vi, code: `${q.name}[${r.value}]=${c.value}`, answered: r.answered, count: r.counts[c.value] ?? 0, percent: percent(r.counts[c.value] ?? 0, r.answered) }));
          }
          if (r.mean !== null) rows.push(csvRow({ ...at, item: r.text.vi, choice: FT.meanScore.vi, code: `${q.name}[${r.value}]`, answered: r.answered, mean: round2(r.mean), note: columnValues }));
        }
        break;
      }
      case 'matrixdropdown':
        for (const r of q.rows) {
          for (const cell of r.cells) rows.push(...fieldRows(cell, { ...at, item: `${r.text.vi} › ${cell.title.vi}` }, `${q.name}[${r.value}].${cell.name}`));
        }
        break;
      case 'multipletext':
      case 'matrixdynamic':
      case 'paneldynamic':
        if (q.kind !== 'multipletext') rows.push(csvRow({ ...at, choice: entriesLabel(q).vi, code: q.name, answered: q.answered, count: q.entries }));
        for (const p of q.parts) rows.push(...fieldRows(p, { ...at, item: p.title.vi }, `${q.name}.${p.name}`));
        break;
      default:
        rows.push(...fieldRows(q, at, q.name));
    }
  }
  return rows;
}

/** The written answers: how many, how many grouped, and each theme with the commune's answer. */
export function themeCsvRows(texts: number, ungrouped: number, themes: SnapshotTheme[]): CsvCell[][] {
  const part = RT.themes.vi;
  return [
    csvRow({ part, question: FT.text.vi, choice: 'Đã tổng hợp theo nhóm', answered: texts, count: texts - ungrouped, percent: percent(texts - ungrouped, texts) }),
    ...themes.map((t) => csvRow({
      part, question: t.title, choice: t.accepted === null ? RT.pending.vi : t.accepted ? RT.accepted.vi : RT.explained.vi, count: t.count, note: t.response,
    })),
  ];
}
