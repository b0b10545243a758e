import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context';
import { currentActor } from '../http/context';
import { requireRole } from '../http/middleware';
import { parseInput } from '../http/validation';
import { readJson } from '../http/body';
import { QUESTION_SOURCES } from '../domain/dialogue';
import {
  addGroup, addQuestion, createDialogue, dialogueDetail, listCommuneDialogues, publishDialogue, saveMinutes, updateDialogueQuestion,
} from '../services/manage-dialogues';
import { printDialogueAgenda } from '../services/print-feedback-documents';
import { sendPdf } from './print';

const READERS = requireRole('admin', 'staff', 'inspector', 'village_head');
const office = requireRole('admin', 'staff');
const nullable = (max: number) => z.string().max(max).optional().nullable();

export const dialogueSchema = z.object({
  title: z.string().max(400),
  heldAt: z.string().max(40),
  place: z.string().max(400),
  chair: z.string().max(400),
});
const groupSchema = z.object({ title: z.string().max(300) });
const questionSchema = z.object({
  source: z.enum(QUESTION_SOURCES),
  feedbackId: nullable(100),
  villageId: nullable(100),
  text: z.string().max(5000).optional(),
  groupId: nullable(100),
});
const questionUpdateSchema = z.object({
  groupId: nullable(100),
  text: z.string().max(5000).optional(),
  answer: z.string().max(12_000).optional(),
  answeredBy: z.string().max(300).optional(),
});
const minutesSchema = z.object({ minutes: z.string().max(60_000) });

/** A conference with its questions in the order they are taken. */
export function dialogueJson(d: Awaited<ReturnType<typeof dialogueDetail>>) {
  return {
    ...d.dialogue,
    asked: d.counts.asked, answered: d.counts.answered,
    groups: d.groups.map((g) => ({ id: g.id, title: g.title })),
    sections: d.sections.map((s) => ({
      groupId: s.groupId, title: s.title,
      questions: s.questions.map((q) => ({
        id: q.id, number: q.number, source: q.source, feedbackId: q.feedbackId, villageId: q.villageId, villageName: d.villageName(q.villageId),
        text: q.text, answer: q.answer, answeredBy: q.answeredBy, answeredAt: q.answeredAt,
      })),
    })),
  };
}

export const dialogueRoutes = new Hono<AppEnv>()
  .get('/api/v1/dialogues', READERS, async (c) => c.json(await listCommuneDialogues(c.get('deps'), currentActor(c))))
  .post('/api/v1/dialogues', office, async (c) => {
    const body = parseInput(dialogueSchema, await readJson(c));
    return c.json(await createDialogue(c.get('deps'), currentActor(c), body), 201);
  })
  .get('/api/v1/dialogues/:id', READERS, async (c) => c.json(dialogueJson(await dialogueDetail(c.get('deps'), currentActor(c), c.req.param('id')))))
  .get('/api/v1/dialogues/:id/agenda.pdf', office, async (c) => sendPdf(await printDialogueAgenda(c.get('deps'), currentActor(c), c.req.param('id'))))
  .post('/api/v1/dialogues/:id/groups', office, async (c) => {
    const body = parseInput(groupSchema, await readJson(c));
    return c.json(await addGroup(c.get('deps'), currentActor(c), c.req.param('id'), body), 201);
  })
  .post('/api/v1/dialogues/:id/questions', requireRole('admin', 'staff', 'village_head'), async (c) => {
    const body = parseInput(questionSchema, await readJson(c));
    return c.json(await addQuestion(c.get('deps'), currentActor(c), c.req.param('id'), body), 201);
  })
  .post('/api/v1/dialogues/:id/questions/:questionId', office, async (c) => {
    const body = parseInput(questionUpdateSchema, await readJson(c));
    return c.json(await updateDialogueQuestion(c.get('deps'), currentActor(c), c.req.param('id'), c.req.param('questionId'), body));
  })
  .post('/api/v1/dialogues/:id/minutes', office, async (c) => {
    const body = parseInput(minutesSchema, await readJson(c));
    return c.json(await saveMinutes(c.get('deps'), currentActor(c), c.req.param('id'), body));
  })
  .post('/api/v1/dialogues/:id/publish', office, async (c) => c.json(await publishDialogue(c.get('deps'), currentActor(c), c.req.param('id'))));
