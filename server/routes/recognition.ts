import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../http/context';
import { currentActor } from '../http/context';
import { requireRole } from '../http/middleware';
import { parseInput } from '../http/validation';
import { readJson } from '../http/body';
import { AppError } from '../domain/errors';
import { PHOTO_MAX_BYTES } from '../domain/photo';
import { recordRecognition, recognitionJson, staffRecognitionScanUrl, viewRecognition } from '../services/recognition';
import { attestCandidate, electionPrep, recordElectionTeam } from '../services/election-prep';

const staff = requireRole('admin', 'staff');
const readers = requireRole('admin', 'staff', 'inspector');

// Field checks beyond the shape (a real date, not after today, …) are the domain's, with every field named.
export const recognitionSchema = z.object({
  number: z.string().max(200).optional(),
  decidedOn: z.string().max(40).optional(),
  signer: z.string().max(400).optional(),
  reason: z.string().max(2000).optional(),
});

export type RecognitionForm = z.infer<typeof recognitionSchema> & { scan: Uint8Array | null };

/** A recognition from JSON, or from a form (multipart, the decision's scan in the field `scan`). */
export async function recognitionInput(c: AppContext): Promise<RecognitionForm> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    if (Number(c.req.header('content-length') ?? 0) > PHOTO_MAX_BYTES + 64 * 1024) throw new AppError('PAYLOAD_TOO_LARGE');
    const body = await c.req.parseBody();
    const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
    const fields = parseInput(recognitionSchema, { number: text('number'), decidedOn: text('decidedOn'), signer: text('signer'), reason: text('reason') });
    const file = body['scan'];
    const scan = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    return { ...fields, scan };
  }
  return { ...parseInput(recognitionSchema, await readJson(c)), scan: null };
}

export const attestationSchema = z.object({
  conditions: z.array(z.string().max(60)).max(50).optional(),
  attestedBy: z.string().max(400).optional(),
  attestedOn: z.string().max(40).optional(),
});

export const teamSchema = z.object({
  members: z.array(z.object({
    name: z.string().max(200).optional(),
    role: z.string().max(100).optional(),
    birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  })).max(30),
});

export const recognitionRoutes = new Hono<AppEnv>()
  .get('/api/v1/campaigns/:id/recognition', async (c) =>
    c.json(await viewRecognition(c.get('deps'), c.get('session')?.actor ?? null, c.req.param('id'))))
  .post('/api/v1/campaigns/:id/recognition', staff, async (c) => {
    const { scan, ...input } = await recognitionInput(c);
    const r = await recordRecognition(c.get('deps'), currentActor(c), c.req.param('id'), input, scan);
    return c.json(recognitionJson(r, (v) => staffRecognitionScanUrl(r.campaignId, v)), 201);
  })
  .get('/api/v1/campaigns/:id/election', readers, async (c) => {
    const p = await electionPrep(c.get('deps'), currentActor(c), c.req.param('id'));
    return c.json({
      campaign: p.campaign, conditions: p.conditions, article: p.article, teamArticle: p.teamArticle,
      candidates: p.candidates.map((k) => ({
        id: k.id, name: k.name, villageId: k.villageId, birthYear: k.birthYear, attested: k.attested,
        attestation: k.attestation ? { version: k.attestation.version, conditions: k.attestation.conditions, attestedBy: k.attestation.attestedBy, attestedOn: k.attestation.attestedOn } : null,
      })),
      team: p.team ? { version: p.team.version, members: p.team.members, recordedAt: p.team.recordedAt } : null,
      clashes: p.clashes,
    });
  })
  .post('/api/v1/campaigns/:id/candidates/:candidateId/attestations', staff, async (c) => {
    const input = parseInput(attestationSchema, await readJson(c));
    const a = await attestCandidate(c.get('deps'), currentActor(c), c.req.param('id'), c.req.param('candidateId'), input);
    return c.json({ candidateId: a.candidateId, version: a.version, conditions: a.conditions, attestedBy: a.attestedBy, attestedOn: a.attestedOn }, 201);
  })
  .put('/api/v1/campaigns/:id/election-team', staff, async (c) => {
    const input = parseInput(teamSchema, await readJson(c));
    const t = await recordElectionTeam(c.get('deps'), currentActor(c), c.req.param('id'), input);
    return c.json({ version: t.version, members: t.members, recordedAt: t.recordedAt });
  });
