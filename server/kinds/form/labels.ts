// The words the answered kinds' results use for a form's questions, on the
// page, in the charts and in the CSV alike: labels, never codes.
import type { Lang, Text } from '../../domain/i18n';
import type { SnapshotChoice, SnapshotField, SnapshotFormQuestion } from '../../domain/results/snapshot';

export const FT = {
  questions: { vi: 'Kết quả từng câu hỏi', en: 'Question by question' },
  choice: { vi: 'Lựa chọn', en: 'Choice' },
  count: { vi: 'Số lượng', en: 'Count' },
  countShare: { vi: 'Số lượng (tỷ lệ)', en: 'Count (share)' },
  answered: { vi: 'Số người trả lời câu này', en: 'Answered this question' },
  answers: { vi: 'Số câu trả lời', en: 'Answers' },
  row: { vi: 'Dòng', en: 'Row' },
  item: { vi: 'Mục', en: 'Item' },
  mean: { vi: 'Trung bình', en: 'Mean' },
  meanScore: { vi: 'Điểm trung bình', en: 'Mean score' },
  min: { vi: 'Nhỏ nhất', en: 'Lowest' },
  max: { vi: 'Lớn nhất', en: 'Highest' },
  from: { vi: 'Sớm nhất', en: 'Earliest' },
  to: { vi: 'Muộn nhất', en: 'Latest' },
  scale: { vi: 'Thang điểm', en: 'Scale' },
  multiple: { vi: 'Mỗi người chọn được nhiều lựa chọn; tỷ lệ tính trên số người trả lời câu này.', en: 'Several choices per person; shares are of those who answered this question.' },
  meanRank: { vi: 'Hạng trung bình (1 là cao nhất)', en: 'Mean rank (1 = first)' },
  first: { vi: 'Số lần xếp thứ nhất', en: 'Ranked first' },
  ranked: { vi: 'Số lần được xếp hạng', en: 'Times ranked' },
  number: { vi: 'Giá trị số', en: 'Number' },
  date: { vi: 'Ngày', en: 'Date' },
  text: { vi: 'Ý kiến bằng lời', en: 'Written answers' },
  textNote: {
    vi: 'Nội dung chỉ cán bộ xã đọc, để tổng hợp theo nhóm ý kiến; các nhóm và trả lời của xã được công bố ở phần tổng hợp ý kiến.',
    en: 'Only commune staff read the words, to group them; the groups and the commune’s answers are published with the opinions below.',
  },
  personal: { vi: 'Thông tin cá nhân', en: 'Personal details' },
  personalNote: { vi: 'Thông tin cá nhân: chỉ đếm số người trả lời, không công bố nội dung.', en: 'Personal details: only counted, never published.' },
  rows: { vi: 'Số dòng đã điền', en: 'Rows filled in' },
  entries: { vi: 'Số mục đã điền', en: 'Entries filled in' },
  satisfied: { vi: 'Hài lòng (mức 4–5)', en: 'Satisfied (levels 4–5)' },
} satisfies Record<string, Text>;

type ChoiceField = Extract<SnapshotField, { choices: SnapshotChoice[] }>;

/** A choice's text; a rating value with its scale's end descriptions beside the first and last values ("1 · Rất không hài lòng"). */
export function choiceLabel(field: ChoiceField, c: SnapshotChoice, lang: Lang): string {
  if (field.kind !== 'rating') return c.text[lang];
  const n = Number(c.value);
  const end = n === field.scale.min ? field.scale.minText : n === field.scale.max ? field.scale.maxText : null;
  return end && end[lang] ? `${c.text[lang]} · ${end[lang]}` : c.text[lang];
}

/** "1–5 (1 = Rất không hài lòng, 5 = Rất hài lòng)" */
export function scaleText(field: Extract<SnapshotField, { kind: 'rating' }>, lang: Lang): string {
  const { min, max, minText, maxText } = field.scale;
  const ends = [minText?.[lang] ? `${min} = ${minText[lang]}` : '', maxText?.[lang] ? `${max} = ${maxText[lang]}` : ''].filter(Boolean);
  return `${min}–${max}${ends.length ? ` (${ends.join(', ')})` : ''}`;
}

/** How many entries a list question counts them in. */
export const entriesLabel = (q: Extract<SnapshotFormQuestion, { entries: number }>): Text => (q.kind === 'matrixdynamic' ? FT.rows : FT.entries);

/** count / answered × 100, one decimal; null without answers. */
export const percent = (count: number, answered: number): number | null => (answered > 0 ? Math.round((count / answered) * 1000) / 10 : null);
