import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, invalidField, type ErrorDetail } from '../domain/errors';
import { agendaSections, answeredCount, type Dialogue, type DialogueQuestion, type QuestionSource } from '../domain/dialogue';
import { cleanParagraphs, cleanText } from '../domain/text';
import { formatDate } from '../domain/i18n';
import { expectChanged, isFailedAssertion } from '../../db/repositories/assertions';
import {
  findDialogue, findQuestion, insertDialogue, insertGroup, insertQuestion, listDialogues, listGroups, listQuestions, nextPosition,
  updateDialogue, updateQuestion,
} from '../../db/repositories/dialogues';
import { findVillage, listVillages } from '../../db/repositories/villages';
import { findFeedback, listFeedbackItems } from '../../db/repositories/feedback';
import { listCommunes } from '../../db/repositories/communes';
import { ConstraintViolation } from '../runtime/types';
import { atomicWithAudit } from './audit';
import { communeOfActor, requireCommune, requireVillage } from './guards';
import { answerFeedback } from './handle-feedback';

const office = (actor: Actor) => actor.role === 'admin' || actor.role === 'staff';

const NOT_EDITABLE = {
  vi: 'Hội nghị đã công khai biên bản; không thay đổi được nữa.',
  en: 'The conference’s minutes are published; it can no longer change.',
};

export interface DialogueInput {
  title: string;
  /** ISO timestamp of the start */
  heldAt: string;
  place: string;
  chair: string;
}

function cleanDialogue(input: DialogueInput) {
  const problems: ErrorDetail[] = [];
  const title = cleanText(input.title ?? '');
  const place = cleanText(input.place ?? '');
  const chair = cleanText(input.chair ?? '');
  if (!title) problems.push({ path: 'title', message: { vi: 'Hãy nhập tên hội nghị.', en: 'Enter the conference’s title.' } });
  if (!place) problems.push({ path: 'place', message: { vi: 'Hãy nhập địa điểm.', en: 'Enter the place.' } });
  if (!chair) problems.push({ path: 'chair', message: { vi: 'Hãy nhập người chủ trì (thường là Chủ tịch UBND xã).', en: 'Enter who chairs it (usually the commune chair).' } });
  if (!input.heldAt || Number.isNaN(Date.parse(input.heldAt))) problems.push({ path: 'heldAt', message: { vi: 'Hãy chọn ngày giờ tổ chức.', en: 'Choose the date and time.' } });
  for (const [path, v] of [['title', title], ['place', place], ['chair', chair]] as const) {
    if (v.length > 300) problems.push({ path, message: { vi: 'Dài quá 300 ký tự.', en: 'Longer than 300 characters.' } });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  return { title, place, chair, heldAt: new Date(input.heldAt).toISOString() };
}

export async function createDialogue(deps: AppDeps, actor: Actor, input: DialogueInput): Promise<Dialogue> {
  if (!office(actor)) throw new AppError('FORBIDDEN');
  const communeId = communeOfActor(actor);
  const clean = cleanDialogue(input);
  const d: Dialogue = { id: deps.newId(), communeId, ...clean, status: 'planned', minutes: '', publishedAt: null, createdAt: deps.clock().toISOString() };
  await atomicWithAudit(deps, [insertDialogue(deps.db, d, actor.id)], [
    { communeId, actor: actor.id, action: 'dialogue.create', entity: 'dialogue', entityId: d.id, data: clean },
  ]);
  return d;
}

/** A conference of the actor's commune, or 404. */
export async function dialogueOf(deps: AppDeps, actor: Actor, id: string): Promise<Dialogue> {
  const d = await findDialogue(deps.db, id);
  if (!d) throw new AppError('NOT_FOUND');
  requireCommune(actor, d.communeId);
  return d;
}

export async function listCommuneDialogues(deps: AppDeps, actor: Actor) {
  const communeId = communeOfActor(actor);
  const dialogues = await listDialogues(deps.db, communeId);
  return Promise.all(dialogues.map(async (d) => ({ ...d, ...answeredCount(await listQuestions(deps.db, d.id)) })));
}

/** A conference with its groups and questions in the order they are taken, for staff. */
export async function dialogueDetail(deps: AppDeps, actor: Actor, id: string) {
  const d = await dialogueOf(deps, actor, id);
  const [groups, questions, villages] = await Promise.all([listGroups(deps.db, id), listQuestions(deps.db, id), listVillages(deps.db, d.communeId)]);
  const names = new Map(villages.map((v) => [v.id, v.name]));
  const asked = new Set(questions.flatMap((q) => (q.feedbackId ? [q.feedbackId] : [])));
  // items people sent that could be taken to the conference: not yet asked here, newest first
  const feedback = office(actor) ? (await listFeedbackItems(deps.db, d.communeId)).filter((f) => !asked.has(f.id)).slice(0, 200) : [];
  return {
    dialogue: d,
    groups,
    sections: agendaSections(groups, questions),
    villageName: (id: string | null) => (id ? names.get(id) ?? null : null),
    villages: villages.map((v) => ({ id: v.id, name: v.name, code: v.code })),
    feedback: feedback.map((f) => ({ id: f.id, kind: f.kind, topic: f.topic, villageId: f.villageId, receivedOn: f.receivedOn, summary: f.publicSummary ?? f.text })),
    counts: answeredCount(questions),
  };
}

async function editable(deps: AppDeps, actor: Actor, id: string): Promise<Dialogue> {
  const d = await dialogueOf(deps, actor, id);
  if (d.status === 'published') throw new AppError('INVALID_STATE', NOT_EDITABLE);
  return d;
}

/** Writes a change to a conference still editable; a publication meanwhile undoes it (409). */
async function write(deps: AppDeps, actor: Actor, d: Dialogue, statements: Parameters<typeof atomicWithAudit>[1], action: string, entityId: string, data: unknown) {
  try {
    await atomicWithAudit(deps, [
      ...statements,
      updateDialogue(deps.db, d.id, ['planned', 'held'], {}, deps.clock().toISOString()),
      expectChanged(deps.db, 'dialogue_editable'),
    ], [{ communeId: d.communeId, actor: actor.id, action, entity: 'dialogue', entityId, data }]);
  } catch (err) {
    if (isFailedAssertion(err)) throw new AppError('INVALID_STATE', NOT_EDITABLE);
    if (err instanceof ConstraintViolation && err.kind === 'unique') {
      throw invalidField('feedbackId', { vi: 'Ý kiến này đã có trong hội nghị.', en: 'This item is already on the conference’s list.' });
    }
    throw err;
  }
}

export async function addGroup(deps: AppDeps, actor: Actor, id: string, input: { title: string }) {
  if (!office(actor)) throw new AppError('FORBIDDEN');
  const d = await editable(deps, actor, id);
  const title = cleanText(input.title ?? '');
  if (!title || title.length > 200) throw invalidField('title', { vi: 'Hãy đặt tên nhóm (tối đa 200 ký tự).', en: 'Name the group (at most 200 characters).' });
  const group = { id: deps.newId(), dialogueId: d.id, title, position: await nextPosition(deps.db, 'dialogue_groups', d.id) };
  await write(deps, actor, d, [insertGroup(deps.db, group)], 'dialogue.group', d.id, { groupId: group.id, title });
  return group;
}

export interface QuestionInput {
  source: QuestionSource;
  feedbackId?: string | null;
  villageId?: string | null;
  text?: string;
  groupId?: string | null;
}

/**
 * A question for the conference: an item of the feedback form (staff's words,
 * or the item's published summary; never the sender's own text, which may
 * name them), a letter, or one raised at a village meeting (a village head
 * adds those of their village).
 */
export async function addQuestion(deps: AppDeps, actor: Actor, id: string, input: QuestionInput): Promise<DialogueQuestion> {
  // who may ask comes before the conference's state: a refusal never depends on timing
  await dialogueOf(deps, actor, id);
  let villageId = input.villageId || null;
  if (!office(actor)) {
    if (actor.role !== 'village_head' || input.source !== 'village_meeting') throw new AppError('FORBIDDEN');
    villageId ??= actor.villageId;
    requireVillage(actor, villageId ?? '', { vi: 'Trưởng thôn chỉ thêm câu hỏi của thôn mình.', en: 'A village head adds only their own village’s questions.' });
  }
  const d = await editable(deps, actor, id);
  let text = cleanParagraphs(input.text ?? '');
  let feedbackId: string | null = null;
  if (input.source === 'feedback') {
    const item = input.feedbackId ? await findFeedback(deps.db, input.feedbackId) : null;
    if (!item || item.communeId !== d.communeId) throw invalidField('feedbackId', { vi: 'Hãy chọn một ý kiến của xã.', en: 'Choose an item of the commune.' });
    feedbackId = item.id;
    villageId ??= item.villageId;
    // never the sender's own words unedited: they may name the sender, and the question is published
    if (!text) text = item.publicSummary ?? '';
  }
  if (!text) {
    throw invalidField('text', input.source === 'feedback'
      ? { vi: 'Hãy ghi câu hỏi bằng lời của cán bộ (ý kiến này chưa có tóm tắt công khai); không ghi tên, số điện thoại người gửi.', en: 'Write the question in your own words (the item has no published summary); no sender’s name or phone.' }
      : { vi: 'Hãy ghi nội dung câu hỏi.', en: 'Write the question.' });
  }
  if (text.length > 3000) throw invalidField('text', { vi: 'Câu hỏi dài quá 3.000 ký tự.', en: 'The question is longer than 3,000 characters.' });
  if (villageId && !(await findVillage(deps.db, d.communeId, villageId))) throw invalidField('villageId', { vi: 'Thôn không thuộc xã.', en: 'The village is not in the commune.' });
  const groups = await listGroups(deps.db, d.id);
  const groupId = input.groupId && groups.some((g) => g.id === input.groupId) ? input.groupId : null;
  const q: DialogueQuestion = {
    id: deps.newId(), dialogueId: d.id, groupId, source: input.source, feedbackId, villageId, text, answer: null, answeredBy: null, answeredAt: null,
    position: await nextPosition(deps.db, 'dialogue_questions', d.id), createdAt: deps.clock().toISOString(),
  };
  await write(deps, actor, d, [insertQuestion(deps.db, q, actor.id)], 'dialogue.question', q.id, { dialogueId: d.id, source: q.source, feedbackId, villageId, groupId });
  return q;
}

export interface QuestionUpdate {
  groupId?: string | null;
  text?: string;
  answer?: string;
  /** who answered at the conference, by office ("Chủ tịch UBND xã") */
  answeredBy?: string;
}

/**
 * Sorts a question into a group, rewords it, or records the answer given at
 * the conference. An answer to a question that came from the feedback form
 * also answers that item, so its sender reads it at /g/<code>.
 */
export async function updateDialogueQuestion(deps: AppDeps, actor: Actor, dialogueId: string, questionId: string, input: QuestionUpdate) {
  if (!office(actor)) throw new AppError('FORBIDDEN');
  const d = await editable(deps, actor, dialogueId);
  const q = await findQuestion(deps.db, questionId);
  if (!q || q.dialogueId !== d.id) throw new AppError('NOT_FOUND');
  const changes: Parameters<typeof updateQuestion>[2] = {};
  if (input.groupId !== undefined) {
    const groups = await listGroups(deps.db, d.id);
    if (input.groupId && !groups.some((g) => g.id === input.groupId)) throw invalidField('groupId', { vi: 'Nhóm không thuộc hội nghị này.', en: 'The group is not part of this conference.' });
    changes.group_id = input.groupId || null;
  }
  if (input.text !== undefined) {
    const text = cleanParagraphs(input.text);
    if (!text || text.length > 3000) throw invalidField('text', { vi: 'Hãy ghi nội dung câu hỏi (tối đa 3.000 ký tự).', en: 'Write the question (at most 3,000 characters).' });
    changes.text = text;
  }
  let answer: string | null = null;
  if (input.answer !== undefined && cleanParagraphs(input.answer) !== (q.answer ?? '')) {
    answer = cleanParagraphs(input.answer);
    if (answer.length > 10_000) throw invalidField('answer', { vi: 'Câu trả lời dài quá 10.000 ký tự.', en: 'The answer is longer than 10,000 characters.' });
    changes.answer = answer || null;
    changes.answered_by = answer ? cleanText(input.answeredBy ?? '') || d.chair : null;
    changes.answered_at = answer ? deps.clock().toISOString() : null;
  }
  if (Object.keys(changes).length === 0) return q;
  await write(deps, actor, d, [updateQuestion(deps.db, q.id, changes)], 'dialogue.question_update', q.id, {
    dialogueId: d.id, ...(changes.group_id !== undefined ? { groupId: changes.group_id } : {}),
    ...(changes.text !== undefined ? { text: changes.text } : {}), ...(changes.answer !== undefined ? { answer: changes.answer, answeredBy: changes.answered_by } : {}),
  });
  if (answer && q.feedbackId) {
    const item = await findFeedback(deps.db, q.feedbackId);
    if (item && item.status !== 'answered') {
      await answerFeedback(deps, actor, item.id, {
        answer: `Trả lời tại ${d.title} ngày ${formatDate(d.heldAt)} (${changes.answered_by}):\n${answer}`, publish: false,
      });
    }
  }
  return { ...q, ...(await findQuestion(deps.db, q.id)) };
}

/** The minutes (biên bản) of the conference once held; saving them marks it held. */
export async function saveMinutes(deps: AppDeps, actor: Actor, id: string, input: { minutes: string }) {
  if (!office(actor)) throw new AppError('FORBIDDEN');
  const d = await editable(deps, actor, id);
  const minutes = cleanParagraphs(input.minutes ?? '');
  if (minutes.length > 50_000) throw invalidField('minutes', { vi: 'Biên bản dài quá 50.000 ký tự.', en: 'The minutes are longer than 50,000 characters.' });
  const at = deps.clock().toISOString();
  try {
    await atomicWithAudit(deps, [updateDialogue(deps.db, d.id, ['planned', 'held'], { minutes, status: minutes ? 'held' : d.status }, at), expectChanged(deps.db, 'dialogue_editable')], [
      { communeId: d.communeId, actor: actor.id, action: 'dialogue.minutes', entity: 'dialogue', entityId: d.id, data: { length: minutes.length } },
    ]);
  } catch (err) {
    if (isFailedAssertion(err)) throw new AppError('INVALID_STATE', NOT_EDITABLE);
    throw err;
  }
  return { id: d.id, status: minutes ? 'held' : d.status };
}

/** Publishes the minutes and every answer, each question linked to its answer. */
export async function publishDialogue(deps: AppDeps, actor: Actor, id: string) {
  if (!office(actor)) throw new AppError('FORBIDDEN');
  const d = await dialogueOf(deps, actor, id);
  if (d.status !== 'held' || !d.minutes) {
    throw new AppError('INVALID_STATE', {
      vi: d.status === 'published' ? 'Hội nghị đã được công khai.' : 'Hãy ghi biên bản hội nghị trước khi công khai.',
      en: d.status === 'published' ? 'The conference is already published.' : 'Record the minutes before publishing.',
    });
  }
  const at = deps.clock().toISOString();
  try {
    await atomicWithAudit(deps, [updateDialogue(deps.db, d.id, ['held'], { status: 'published', published_at: at }, at), expectChanged(deps.db, 'dialogue_held')], [
      { communeId: d.communeId, actor: actor.id, action: 'dialogue.publish', entity: 'dialogue', entityId: d.id, data: answeredCount(await listQuestions(deps.db, d.id)) },
    ]);
  } catch (err) {
    if (isFailedAssertion(err)) throw new AppError('CONFLICT');
    throw err;
  }
  return { id: d.id, status: 'published' as const, publishedAt: at };
}

/** A published conference for everyone: minutes and answers, never who sent a question. */
export async function publicDialogue(deps: AppDeps, communeSlug: string, id: string) {
  const commune = (await listCommunes(deps.db)).find((c) => c.slug === communeSlug);
  const d = await findDialogue(deps.db, id);
  if (!commune || !d || d.communeId !== commune.id || d.status !== 'published') throw new AppError('NOT_FOUND');
  const [groups, questions, villages] = await Promise.all([listGroups(deps.db, id), listQuestions(deps.db, id), listVillages(deps.db, d.communeId)]);
  const names = new Map(villages.map((v) => [v.id, v.name]));
  return {
    commune,
    dialogue: d,
    sections: agendaSections(groups, questions).map((s) => ({
      ...s, questions: s.questions.map((q) => ({ number: q.number, id: q.id, source: q.source, villageName: q.villageId ? names.get(q.villageId) ?? null : null, text: q.text, answer: q.answer, answeredBy: q.answeredBy })),
    })),
    counts: answeredCount(questions),
  };
}

/** The commune's published conferences, latest first. */
export async function publishedDialogues(deps: AppDeps, communeId: string) {
  return (await listDialogues(deps.db, communeId)).filter((d) => d.status === 'published');
}
