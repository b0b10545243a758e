import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Dialogue, DialogueGroup, DialogueQuestion } from '../../server/domain/dialogue';

const toDialogue = (r: Database['dialogues']): Dialogue => ({
  id: r.id, communeId: r.commune_id, title: r.title, heldAt: r.held_at, place: r.place, chair: r.chair, status: r.status,
  minutes: r.minutes, publishedAt: r.published_at, createdAt: r.created_at,
});

const toQuestion = (r: Database['dialogue_questions']): DialogueQuestion => ({
  id: r.id, dialogueId: r.dialogue_id, groupId: r.group_id, source: r.source, feedbackId: r.feedback_id, villageId: r.village_id,
  text: r.text, answer: r.answer, answeredBy: r.answered_by, answeredAt: r.answered_at, position: r.position, createdAt: r.created_at,
});

export function insertDialogue(db: Kysely<Database>, d: Dialogue, by: string) {
  return db.insertInto('dialogues').values({
    id: d.id, commune_id: d.communeId, title: d.title, held_at: d.heldAt, place: d.place, chair: d.chair, status: d.status,
    minutes: d.minutes, published_at: d.publishedAt, created_by: by, created_at: d.createdAt, updated_at: d.createdAt,
  });
}

export async function findDialogue(db: Kysely<Database>, id: string): Promise<Dialogue | null> {
  const r = await db.selectFrom('dialogues').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDialogue(r) : null;
}

/** A commune's conferences, latest first. */
export async function listDialogues(db: Kysely<Database>, communeId: string): Promise<Dialogue[]> {
  return (await db.selectFrom('dialogues').selectAll().where('commune_id', '=', communeId).orderBy('held_at', 'desc').orderBy('id').execute()).map(toDialogue);
}

type DialogueChanges = Partial<Pick<Database['dialogues'], 'title' | 'held_at' | 'place' | 'chair' | 'status' | 'minutes' | 'published_at'>>;

/** Changes a conference still in one of `states`; 0 changed rows means it moved on meanwhile. */
export function updateDialogue(db: Kysely<Database>, id: string, states: Dialogue['status'][], changes: DialogueChanges, at: string) {
  return db.updateTable('dialogues').set({ ...changes, updated_at: at }).where('id', '=', id).where('status', 'in', states);
}

export function insertGroup(db: Kysely<Database>, g: DialogueGroup) {
  return db.insertInto('dialogue_groups').values({ id: g.id, dialogue_id: g.dialogueId, title: g.title, position: g.position });
}

export async function listGroups(db: Kysely<Database>, dialogueId: string): Promise<DialogueGroup[]> {
  const rows = await db.selectFrom('dialogue_groups').selectAll().where('dialogue_id', '=', dialogueId).orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, dialogueId: r.dialogue_id, title: r.title, position: r.position }));
}

export function insertQuestion(db: Kysely<Database>, q: DialogueQuestion, by: string) {
  return db.insertInto('dialogue_questions').values({
    id: q.id, dialogue_id: q.dialogueId, group_id: q.groupId, source: q.source, feedback_id: q.feedbackId, village_id: q.villageId,
    text: q.text, answer: q.answer, answered_by: q.answeredBy, answered_at: q.answeredAt, position: q.position, created_by: by, created_at: q.createdAt,
  });
}

export async function listQuestions(db: Kysely<Database>, dialogueId: string): Promise<DialogueQuestion[]> {
  const rows = await db.selectFrom('dialogue_questions').selectAll().where('dialogue_id', '=', dialogueId).orderBy('position').orderBy('id').execute();
  return rows.map(toQuestion);
}

export async function findQuestion(db: Kysely<Database>, id: string): Promise<DialogueQuestion | null> {
  const r = await db.selectFrom('dialogue_questions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toQuestion(r) : null;
}

export function updateQuestion(db: Kysely<Database>, id: string, changes: Partial<Pick<Database['dialogue_questions'], 'group_id' | 'text' | 'answer' | 'answered_by' | 'answered_at' | 'position'>>) {
  return db.updateTable('dialogue_questions').set(changes).where('id', '=', id);
}

/** The next free position (questions and groups are appended). */
export async function nextPosition(db: Kysely<Database>, table: 'dialogue_questions' | 'dialogue_groups', dialogueId: string): Promise<number> {
  const r = await db.selectFrom(table).select(sql<number>`coalesce(max(position), 0)`.as('p')).where('dialogue_id', '=', dialogueId).executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
}

/** The conferences where a feedback item was asked, with the answer given there. */
export async function listDialogueAnswersFor(db: Kysely<Database>, feedbackId: string) {
  return db
    .selectFrom('dialogue_questions as q')
    .innerJoin('dialogues as d', 'd.id', 'q.dialogue_id')
    .select(['d.id as dialogueId', 'd.title', 'd.held_at as heldAt', 'd.status', 'q.id as questionId', 'q.answer'])
    .where('q.feedback_id', '=', feedbackId)
    .orderBy('d.held_at')
    .execute();
}

/** Every question of the commune's conferences held between two instants (the scorecard's quarter). */
export async function questionsHeldBetween(db: Kysely<Database>, communeId: string, fromIso: string, toIso: string) {
  return db
    .selectFrom('dialogue_questions as q')
    .innerJoin('dialogues as d', 'd.id', 'q.dialogue_id')
    .select(['q.village_id as villageId', 'q.answer', 'd.status'])
    .where('d.commune_id', '=', communeId)
    .where('d.held_at', '>=', fromIso)
    .where('d.held_at', '<=', toIso)
    .execute();
}
