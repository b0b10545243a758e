// Dialogue conferences between the commune and its people (hội nghị trao
// đổi, đối thoại, Đ32 Luật 10/2022/QH15; at least once a year, legal-rules.ts
// `dialogueConferences`): the order of business built from the questions
// staff grouped, and what is published afterwards. Pure.
import type { LocalizedText } from './i18n';

export const DIALOGUE_STATUSES = ['planned', 'held', 'published'] as const;
export type DialogueStatus = (typeof DIALOGUE_STATUSES)[number];

export const QUESTION_SOURCES = ['feedback', 'paper', 'village_meeting'] as const;
/** feedback: an item of the feedback form; paper: a letter handed in; village_meeting: raised at a village meeting */
export type QuestionSource = (typeof QUESTION_SOURCES)[number];

export interface Dialogue {
  id: string;
  communeId: string;
  title: string;
  /** the planned start, an ISO timestamp */
  heldAt: string;
  place: string;
  chair: string;
  status: DialogueStatus;
  minutes: string;
  publishedAt: string | null;
  createdAt: string;
}

export interface DialogueGroup {
  id: string;
  dialogueId: string;
  title: string;
  position: number;
}

export interface DialogueQuestion {
  id: string;
  dialogueId: string;
  groupId: string | null;
  source: QuestionSource;
  feedbackId: string | null;
  villageId: string | null;
  text: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  position: number;
  createdAt: string;
}

export interface AgendaSection {
  /** null for the questions not yet grouped */
  groupId: string | null;
  title: string;
  questions: (DialogueQuestion & { number: number })[];
}

export const UNGROUPED: LocalizedText = { vi: 'Các câu hỏi khác', en: 'Other questions' };

/**
 * The questions in the order they are taken: group by group (staff's order),
 * the ungrouped ones last, numbered 1…n through the whole conference so the
 * printed order of business, the minutes and the published answers share
 * each question's number.
 */
export function agendaSections(groups: readonly DialogueGroup[], questions: readonly DialogueQuestion[], ungroupedTitle = UNGROUPED.vi): AgendaSection[] {
  const byPosition = <T extends { position: number; id: string }>(a: T, b: T) => a.position - b.position || a.id.localeCompare(b.id);
  const known = new Set(groups.map((g) => g.id));
  const sections: AgendaSection[] = [...groups].sort(byPosition).map((g) => ({
    groupId: g.id, title: g.title,
    questions: questions.filter((q) => q.groupId === g.id).sort(byPosition).map((q) => ({ ...q, number: 0 })),
  }));
  const rest = questions.filter((q) => q.groupId === null || !known.has(q.groupId)).sort(byPosition);
  if (rest.length) sections.push({ groupId: null, title: ungroupedTitle, questions: rest.map((q) => ({ ...q, number: 0 })) });
  let n = 0;
  for (const s of sections) for (const q of s.questions) q.number = ++n;
  return sections.filter((s) => s.questions.length > 0 || s.groupId !== null);
}

/** Questions answered at (or after) the conference, out of all asked. */
export function answeredCount(questions: readonly Pick<DialogueQuestion, 'answer'>[]): { asked: number; answered: number } {
  return { asked: questions.length, answered: questions.filter((q) => (q.answer ?? '').trim() !== '').length };
}
