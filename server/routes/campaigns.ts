import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context';
import { currentActor } from '../http/context';
import { requireRole } from '../http/middleware';
import { parseInput } from '../http/validation';
import { readJson } from '../http/body';
import { createCampaign, updateCampaign } from '../services/create-campaign';
import { transitionCampaign } from '../services/transition-campaign';
import { CAMPAIGN_KINDS, CATEGORIES, CHANNELS, ELECTION_BOARDS, ONLINE_AGREEMENT_METHODS } from '../domain/legal-rules';
import { recordOnlineAgreement } from '../services/record-online-agreement';
import { issueSerials, listSerials, reprintSerial } from '../services/campaign-serials';
import { campaignDetail, listCommuneCampaigns } from '../services/campaign-overview';

const isoTime = z.string().max(40).refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), {
  message: 'Phải là thời điểm ISO 8601, ví dụ 2026-12-01T08:00:00+07:00|Must be an ISO 8601 time, e.g. 2026-12-01T08:00:00+07:00',
});

const seatCount = z.number().int().min(1).max(100);

/** One village's agreement to vote online (NĐ 59 Đ5); the village is named by the key or the path when not in the entry. */
const agreementFields = {
  households: z.number().int().min(0).max(1_000_000),
  date: z.string().max(10),
  method: z.enum(ONLINE_AGREEMENT_METHODS),
  campaignId: z.string().max(100).optional(),
  note: z.string().max(2000).optional(),
};
const agreementEntry = z.object({ villageId: z.string().min(1).max(100), ...agreementFields });

const campaignSchema = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).optional(),
  kind: z.enum(CAMPAIGN_KINDS),
  category: z.enum(CATEGORIES).nullable().optional(),
  // required at village scope (the service names it); commune scope covers every village anyway
  villageIds: z.array(z.string().min(1).max(100)).max(2000).optional(),
  channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length),
  survey: z.record(z.string(), z.unknown()).optional(),
  template: z.string().max(100).optional(),
  seats: z.union([seatCount, z.record(z.string().max(100), seatCount)]).optional(),
  board: z.enum(ELECTION_BOARDS).optional(),
  candidates: z
    .array(z.object({
      id: z.string().trim().min(1).max(64),
      name: z.string().trim().min(1).max(200),
      villageId: z.string().min(1).max(100),
      birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
    }))
    .max(1000)
    .optional(),
  opensAt: isoTime.optional(),
  closesAt: isoTime.optional(),
  secret: z.boolean().optional(),
  scope: z.enum(['village', 'commune']).optional(),
  advisoryOnline: z.boolean().optional(),
  onlineApproval: z.object({
    campaignId: z.string().max(100).optional(),
    note: z.string().max(2000).optional(),
    villages: z.union([z.array(agreementEntry).max(2000), z.record(z.string().max(100), z.object(agreementFields))]).optional(),
  }).optional(),
});

const villageAgreementSchema = z.object(agreementFields);

const staff = requireRole('admin', 'staff');
const readers = requireRole('admin', 'staff', 'inspector', 'village_head');

export const campaignRoutes = new Hono<AppEnv>()
  .post('/api/v1/campaigns', staff, async (c) => {
    const input = parseInput(campaignSchema, await readJson(c));
    const campaign = await createCampaign(c.get('deps'), currentActor(c), input);
    return c.json({ id: campaign.id, slug: campaign.slug, status: campaign.status }, 201);
  })
  .get('/api/v1/campaigns', readers, async (c) => c.json(await listCommuneCampaigns(c.get('deps'), currentActor(c))))
  .get('/api/v1/campaigns/:id', readers, async (c) => c.json(await campaignDetail(c.get('deps'), currentActor(c), c.req.param('id'))))
  .put('/api/v1/campaigns/:id', staff, async (c) => {
    const input = parseInput(campaignSchema, await readJson(c));
    const campaign = await updateCampaign(c.get('deps'), currentActor(c), c.req.param('id'), input);
    return c.json({ id: campaign.id, slug: campaign.slug, status: campaign.status });
  })
  .put('/api/v1/campaigns/:id/villages/:villageId/online-approval', staff, async (c) => {
    const input = parseInput(villageAgreementSchema, await readJson(c));
    return c.json(await recordOnlineAgreement(c.get('deps'), currentActor(c), c.req.param('id'), { ...input, villageId: c.req.param('villageId') }));
  })
  .post('/api/v1/campaigns/:id/open', staff, async (c) =>
    c.json({ status: await transitionCampaign(c.get('deps'), currentActor(c), c.req.param('id'), 'open') }))
  .post('/api/v1/campaigns/:id/close', staff, async (c) =>
    c.json({ status: await transitionCampaign(c.get('deps'), currentActor(c), c.req.param('id'), 'close') }))
  .post('/api/v1/campaigns/:id/serials', staff, async (c) =>
    c.json(await issueSerials(c.get('deps'), currentActor(c), c.req.param('id'))))
  .get('/api/v1/campaigns/:id/serials', staff, async (c) => {
    const villageId = c.req.query('villageId') || undefined;
    const rows = await listSerials(c.get('deps'), currentActor(c), c.req.param('id'), villageId);
    return c.json(rows.map((r) => ({ householdCode: r.householdCode, serial: r.serial, villageId: r.villageId })));
  })
  .post('/api/v1/campaigns/:id/serials/:householdCode/reprint', staff, async (c) => {
    const r = await reprintSerial(c.get('deps'), currentActor(c), c.req.param('id'), c.req.param('householdCode'));
    return c.json({ householdCode: r.householdCode, serial: r.serial, reprint: r.reprint });
  });

