import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context';
import { currentActor } from '../http/context';
import { requireRole } from '../http/middleware';
import { parseInput } from '../http/validation';
import { readJson } from '../http/body';
import { CATEGORIES } from '../domain/legal-rules';
import { onlineVoteRecords, printOnlineVoteRecord, recordOnlineVote } from '../services/online-vote-records';
import { printConsultationReport } from '../services/consultation-report';
import { addConsents, createInitiative, initiativeToCampaign, initiativeView, initiativesOf } from '../services/initiatives';
import { sendPdf } from './print';

// The records after the count (issue 13): the online-vote record, the report
// to the HĐND xã on a consultation, and citizen initiatives. Office work:
// commune staff only (the consenting households are personal data).
const staff = requireRole('admin', 'staff');

const villageId = z.string().trim().min(1, 'Hãy chọn thôn (villageId).|Choose the village (villageId).').max(100);

export const onlineRecordSchema = z.object({
  villageId,
  startedAt: z.string().trim().max(40),
  endedAt: z.string().trim().max(40),
  // the 3–5 rule is the domain's (legal-rules), checked with its article; this only bounds the input
  team: z.array(z.object({ name: z.string().max(200), role: z.string().max(200) })).max(20),
  note: z.string().max(2000).optional(),
});

export const initiativeSchema = z.object({
  matter: z.string().max(5000),
  scope: z.enum(['village', 'commune'], { message: 'Phạm vi là "village" (thôn) hoặc "commune" (toàn xã).|The scope is "village" or "commune".' }),
  villageId: z.string().max(100).optional(),
  proposer: z.string().max(300).optional(),
});

export const consentsSchema = z.object({
  householdCodes: z.array(z.string().max(50)).min(1, 'Hãy nhập mã hộ của ít nhất một hộ đồng thuận.|Enter at least one household code.').max(2000),
  givenOn: z.string().max(20),
});

const toCampaignSchema = z.object({ category: z.enum(CATEGORIES).optional() });

export const recordRoutes = new Hono<AppEnv>()
  .get('/api/v1/campaigns/:id/online-records', staff, async (c) => c.json(await onlineVoteRecords(c.get('deps'), currentActor(c), c.req.param('id'))))
  .post('/api/v1/campaigns/:id/online-records', staff, async (c) => {
    const input = parseInput(onlineRecordSchema, await readJson(c));
    return c.json(await recordOnlineVote(c.get('deps'), currentActor(c), c.req.param('id'), input), 201);
  })
  .get('/api/v1/campaigns/:id/online-record.pdf', staff, async (c) => {
    const q = parseInput(z.object({ villageId }), c.req.query());
    return sendPdf(await printOnlineVoteRecord(c.get('deps'), currentActor(c), c.req.param('id'), q.villageId));
  })
  .get('/api/v1/campaigns/:id/hdnd-report.pdf', staff, async (c) => sendPdf(await printConsultationReport(c.get('deps'), currentActor(c), c.req.param('id'))))
  .get('/api/v1/initiatives', staff, async (c) => c.json(await initiativesOf(c.get('deps'), currentActor(c))))
  .post('/api/v1/initiatives', staff, async (c) => {
    const input = parseInput(initiativeSchema, await readJson(c));
    return c.json(await createInitiative(c.get('deps'), currentActor(c), input), 201);
  })
  .get('/api/v1/initiatives/:id', staff, async (c) => c.json(await initiativeView(c.get('deps'), currentActor(c), c.req.param('id'))))
  .post('/api/v1/initiatives/:id/consents', staff, async (c) => {
    const input = parseInput(consentsSchema, await readJson(c));
    return c.json(await addConsents(c.get('deps'), currentActor(c), c.req.param('id'), input), 201);
  })
  .post('/api/v1/initiatives/:id/campaign', staff, async (c) => {
    const input = parseInput(toCampaignSchema, (c.req.header('content-type') ?? '').includes('json') ? await readJson(c) : {});
    return c.json(await initiativeToCampaign(c.get('deps'), currentActor(c), c.req.param('id'), input), 201);
  });
