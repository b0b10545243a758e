import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context';
import { currentActor, publicOrigin } from '../http/context';
import { requireRole } from '../http/middleware';
import { parseInput } from '../http/validation';
import { readJson } from '../http/body';
import { clientKey } from '../http/client-address';
import { FEEDBACK_ASSIGNEES, FEEDBACK_CHANNELS, FEEDBACK_KINDS, FEEDBACK_STATUSES } from '../domain/feedback';
import { submitOnlineFeedback, enterFeedback } from '../services/submit-feedback';
import { feedbackDetail, listFeedback, type FeedbackView } from '../services/list-feedback';
import { answerFeedback, assignFeedback, setFeedbackPublication } from '../services/handle-feedback';
import { feedbackSettings, updateFeedbackSettings } from '../services/feedback-settings';
import { runRetentionNow } from '../services/feedback-retention';
import { printFeedbackPoster } from '../services/print-feedback-documents';
import { sendPdf } from './print';

const READERS = ['admin', 'staff', 'inspector', 'village_head'] as const;
const office = requireRole('admin', 'staff');

const optionalText = (max: number) => z.string().max(max).optional().nullable();

export const feedbackSchema = z.object({
  text: z.string({ message: 'Hãy viết nội dung (text).|Write the text (text).' }).max(5000),
  kind: z.enum(FEEDBACK_KINDS).optional(),
  villageId: optionalText(100),
  topic: optionalText(200),
  name: optionalText(200),
  phone: optionalText(40),
  /** a client that sends contact has shown the sender the notice; false refuses the contact */
  consent: z.boolean().optional(),
  /** the commune's slug, where a server serves several and no village is named */
  commune: z.string().max(100).optional(),
  idempotencyKey: z.string().max(200).optional(),
});

const paperSchema = feedbackSchema.omit({ commune: true }).extend({
  channel: z.enum(FEEDBACK_CHANNELS.filter((c) => c !== 'online') as ['paper', 'meeting', 'counter']),
  receivedOn: z.string().max(20).optional(),
});

const listQuery = z.object({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  villageId: z.string().max(100).optional(),
  overdue: z.enum(['0', '1']).optional(),
});

const assignSchema = z.object({
  assignee: z.enum(FEEDBACK_ASSIGNEES),
  department: optionalText(200),
  officerId: optionalText(100),
  note: optionalText(500),
});

const answerSchema = z.object({
  answer: z.string().max(10_000),
  publish: z.boolean().optional(),
  publicSummary: optionalText(2000),
});

const publicationSchema = z.object({ publish: z.boolean(), publicSummary: optionalText(2000) });

const settingsSchema = z.object({
  topics: z.array(z.string().max(200)).max(100),
  departments: z.array(z.string().max(200)).max(100),
  retentionDays: z.number().int(),
});

const posterQuery = z.object({
  size: z.enum(['A4', 'A6'], { message: 'Khổ phải là A4 (áp phích) hoặc A6 (thẻ).|The size must be A4 (poster) or A6 (cards).' }).default('A4'),
  villageId: z.string().max(100).optional(),
});

/** An item as the API answers it; the contact only for its handlers. */
export function feedbackJson(v: FeedbackView) {
  return {
    id: v.id, kind: v.kind, channel: v.channel, villageId: v.villageId, villageName: v.villageName, topic: v.topic, text: v.text,
    status: v.status, receivedOn: v.receivedOn, receivedAt: v.receivedAt, due: v.progress.due, overdue: v.progress.overdue, onTime: v.progress.onTime,
    assignee: v.assignee, department: v.department, officerId: v.officerId, officerName: v.officerName,
    answer: v.answer, answeredOn: v.answeredOn, published: v.answerPublic, publicSummary: v.publicSummary,
    anonymised: v.anonymisedAt !== null, hasContact: v.hasContact, handles: v.handles,
    contact: v.contact ? { name: v.contact.name, phone: v.contact.phone, photo: v.contact.photoUrl } : null,
  };
}

export const feedbackRoutes = new Hono<AppEnv>()
  .post('/api/v1/feedback', async (c) => {
    const body = parseInput(feedbackSchema, await readJson(c, 64 * 1024));
    const r = await submitOnlineFeedback(c.get('deps'), {
      ...body, villageId: body.villageId ?? null, topic: body.topic ?? undefined, name: body.name ?? undefined, phone: body.phone ?? undefined,
      consent: body.consent ?? true, communeSlug: body.commune, client: clientKey(c),
      idempotencyKey: c.req.header('idempotency-key') ?? body.idempotencyKey,
    });
    return c.json({ code: r.code, status: 'received', trackingUrl: `${publicOrigin(c)}/g/${r.code}` }, 201);
  })
  .get('/api/v1/feedback', requireRole(...READERS), async (c) => {
    const q = parseInput(listQuery, c.req.query());
    const list = await listFeedback(c.get('deps'), currentActor(c), { status: q.status, villageId: q.villageId, overdue: q.overdue === '1' });
    return c.json(list.map(feedbackJson));
  })
  .post('/api/v1/feedback/paper', requireRole('admin', 'staff', 'village_head'), async (c) => {
    const body = parseInput(paperSchema, await readJson(c, 64 * 1024));
    const r = await enterFeedback(c.get('deps'), currentActor(c), {
      ...body, villageId: body.villageId ?? null, topic: body.topic ?? undefined, name: body.name ?? undefined, phone: body.phone ?? undefined,
      consent: body.consent ?? false, idempotencyKey: c.req.header('idempotency-key') ?? body.idempotencyKey,
    });
    return c.json({ id: r.id, code: r.code, status: 'received' }, 201);
  })
  .get('/api/v1/feedback/settings', requireRole(...READERS), async (c) => {
    const s = await feedbackSettings(c.get('deps'), currentActor(c));
    return c.json(s);
  })
  .put('/api/v1/feedback/settings', requireRole('admin'), async (c) => {
    const body = parseInput(settingsSchema, await readJson(c));
    return c.json(await updateFeedbackSettings(c.get('deps'), currentActor(c), body));
  })
  .post('/api/v1/feedback/retention', requireRole('admin'), async (c) => c.json(await runRetentionNow(c.get('deps'), currentActor(c))))
  .get('/api/v1/feedback/poster.pdf', office, async (c) => {
    const q = parseInput(posterQuery, c.req.query());
    return sendPdf(await printFeedbackPoster(c.get('deps'), currentActor(c), { ...q, origin: publicOrigin(c) }));
  })
  .get('/api/v1/feedback/:id', requireRole(...READERS), async (c) => {
    const d = await feedbackDetail(c.get('deps'), currentActor(c), c.req.param('id'));
    return c.json({
      ...feedbackJson(d.item), code: d.code,
      history: d.events.map((e) => ({ at: e.at, action: e.action, by: e.actorName, data: e.data })),
    });
  })
  .post('/api/v1/feedback/:id/assign', office, async (c) => {
    const body = parseInput(assignSchema, await readJson(c));
    return c.json(await assignFeedback(c.get('deps'), currentActor(c), c.req.param('id'), { ...body, note: body.note ?? undefined }));
  })
  .post('/api/v1/feedback/:id/answer', requireRole('admin', 'staff', 'inspector'), async (c) => {
    const body = parseInput(answerSchema, await readJson(c));
    return c.json(await answerFeedback(c.get('deps'), currentActor(c), c.req.param('id'), body));
  })
  .post('/api/v1/feedback/:id/publication', office, async (c) => {
    const body = parseInput(publicationSchema, await readJson(c));
    return c.json(await setFeedbackPublication(c.get('deps'), currentActor(c), c.req.param('id'), body));
  });
