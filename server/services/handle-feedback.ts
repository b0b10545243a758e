import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, invalidField, type ErrorDetail } from '../domain/errors';
import { mayAnswerFeedback, type FeedbackAssignee, type FeedbackItem } from '../domain/feedback';
import { cleanParagraphs, cleanText } from '../domain/text';
import { vietnamDate } from '../domain/calendar/iso-date';
import { assignableOfficers, getFeedbackSettings, insertFeedbackEvent, updateFeedback } from '../../db/repositories/feedback';
import { expectChanged, isFailedAssertion } from '../../db/repositories/assertions';
import type { Compilable } from 'kysely';
import { atomicWithAudit } from './audit';
import { feedbackOf } from './list-feedback';

const CHANGED_MEANWHILE = {
  vi: 'Ý kiến này vừa được người khác cập nhật; hãy tải lại trang và làm lại.',
  en: 'Someone else updated this item just now; reload and try again.',
};

const office = (actor: Actor) => actor.role === 'admin' || actor.role === 'staff';

/** One change to an item, its history event and its audit entry, all or nothing; a lost race is 409. */
async function change(deps: AppDeps, actor: Actor, item: FeedbackItem, action: string, set: Parameters<typeof updateFeedback>[3], data: Record<string, unknown>) {
  const at = deps.clock().toISOString();
  const statements: Compilable[] = [
    updateFeedback(deps.db, item.id, item.version, set),
    expectChanged(deps.db, 'feedback_version'),
    insertFeedbackEvent(deps.db, { id: deps.newId(), feedbackId: item.id, at, actor: actor.id, action, data }),
  ];
  try {
    await atomicWithAudit(deps, statements, [{ communeId: item.communeId, actor: actor.id, action: `feedback.${action}`, entity: 'feedback', entityId: item.id, data }]);
  } catch (err) {
    if (isFailedAssertion(err)) throw new AppError('CONFLICT', CHANGED_MEANWHILE);
    throw err;
  }
}

export interface AssignInput {
  assignee: FeedbackAssignee;
  department?: string | null;
  officerId?: string | null;
  note?: string;
}

/**
 * Gives the item to a department (optionally a named officer in it), to one
 * officer, or to the Ban Thanh tra nhân dân for a matter it supervises. From
 * then on only they see the sender's contact (domain/feedback.ts).
 */
export async function assignFeedback(deps: AppDeps, actor: Actor, id: string, input: AssignInput) {
  if (!office(actor)) throw new AppError('FORBIDDEN');
  const item = await feedbackOf(deps, actor, id);
  if (item.status === 'answered') {
    throw new AppError('INVALID_STATE', { vi: 'Ý kiến này đã được trả lời; không cần giao nữa.', en: 'This item is already answered; there is nothing to assign.' });
  }
  const problems: ErrorDetail[] = [];
  let department: string | null = null;
  let officerId: string | null = null;
  if (input.assignee === 'department') {
    const settings = await getFeedbackSettings(deps.db, item.communeId);
    department = input.department ? cleanText(input.department) : null;
    if (!department || !settings.departments.includes(department)) {
      problems.push({ path: 'department', message: { vi: 'Hãy chọn một bộ phận trong danh sách của xã.', en: 'Choose a department from the commune’s list.' } });
    }
  }
  if (input.assignee === 'officer' || (input.assignee === 'department' && input.officerId)) {
    const officers = await assignableOfficers(deps.db, item.communeId);
    officerId = officers.find((o) => o.id === input.officerId)?.id ?? null;
    if (!officerId) problems.push({ path: 'officerId', message: { vi: 'Hãy chọn một cán bộ của xã.', en: 'Choose an officer of the commune.' } });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const note = cleanText(input.note ?? '').slice(0, 500);
  await change(deps, actor, item, 'assign', {
    status: 'assigned', assignee: input.assignee, department, officer_id: officerId, assigned_at: deps.clock().toISOString(), assigned_by: actor.id,
  }, { assignee: input.assignee, department, officerId, ...(note ? { note } : {}) });
  return { id: item.id, status: 'assigned' as const, assignee: input.assignee, department, officerId };
}

export interface AnswerInput {
  answer: string;
  /** publish the answer on the commune's public page */
  publish?: boolean;
  /** the question as published: staff's words, without the sender's details */
  publicSummary?: string | null;
}

function publication(actor: Actor, publish: boolean | undefined, summary: string | null | undefined): { publish: boolean; summary: string | null } {
  const text = summary ? cleanParagraphs(summary).slice(0, 2000) || null : null;
  if (publish && !office(actor)) throw new AppError('FORBIDDEN', { vi: 'Chỉ cán bộ xã công khai câu trả lời.', en: 'Only commune staff publish answers.' });
  if (publish && !text) {
    throw invalidField('publicSummary', {
      vi: 'Để công khai, hãy tóm tắt nội dung ý kiến bằng lời của cán bộ, không ghi tên, số điện thoại hay địa chỉ người gửi.',
      en: 'To publish, summarise the item in your own words, without the sender’s name, phone or address.',
    });
  }
  return { publish: !!publish, summary: text };
}

/**
 * Records the commune's answer (giải trình). Answering again corrects it: the
 * earlier answer stays in the history, and the day first answered stays the
 * one the deadline is judged by. Staff choose whether it is published.
 */
export async function answerFeedback(deps: AppDeps, actor: Actor, id: string, input: AnswerInput) {
  const item = await feedbackOf(deps, actor, id);
  if (!mayAnswerFeedback(actor, item)) throw new AppError('FORBIDDEN');
  const answer = cleanParagraphs(input.answer ?? '');
  if (!answer) throw invalidField('answer', { vi: 'Hãy viết nội dung trả lời.', en: 'Write the answer.' });
  if (answer.length > 10_000) throw invalidField('answer', { vi: 'Nội dung trả lời dài quá 10.000 ký tự.', en: 'The answer is longer than 10,000 characters.' });
  const pub = publication(actor, input.publish, input.publicSummary ?? item.publicSummary);
  const now = deps.clock().toISOString();
  const first = item.status !== 'answered';
  await change(deps, actor, item, first ? 'answer' : 'correct_answer', {
    status: 'answered', answer, answered_at: first ? now : item.answeredAt, answered_on: first ? vietnamDate(now) : item.answeredOn, answered_by: actor.id,
    answer_public: pub.publish ? 1 : 0, public_summary: pub.summary, published_at: pub.publish ? (item.answerPublic ? item.publishedAt : now) : null,
  }, { answer, publish: pub.publish, publicSummary: pub.summary });
  return { id: item.id, status: 'answered' as const, published: pub.publish };
}

/** Publishes an answer, or takes it off the public page (the history keeps both). */
export async function setFeedbackPublication(deps: AppDeps, actor: Actor, id: string, input: { publish: boolean; publicSummary?: string | null }) {
  if (!office(actor)) throw new AppError('FORBIDDEN');
  const item = await feedbackOf(deps, actor, id);
  if (item.status !== 'answered') throw new AppError('INVALID_STATE', { vi: 'Chỉ công khai được ý kiến đã có câu trả lời.', en: 'Only answered items can be published.' });
  const pub = publication(actor, input.publish, input.publicSummary ?? item.publicSummary);
  const now = deps.clock().toISOString();
  await change(deps, actor, item, pub.publish ? 'publish' : 'unpublish', {
    answer_public: pub.publish ? 1 : 0, public_summary: pub.summary, published_at: pub.publish ? (item.answerPublic ? item.publishedAt : now) : null,
  }, { publicSummary: pub.summary });
  return { id: item.id, published: pub.publish };
}
