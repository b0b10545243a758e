import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../http/context';
import { currentActor, publicOrigin } from '../http/context';
import { requireRole } from '../http/middleware';
import { parseInput } from '../http/validation';
import { readJson } from '../http/body';
import { AppError } from '../domain/errors';
import { PHOTO_MAX_BYTES } from '../domain/photo';
import { OUTREACH_KINDS } from '../domain/outreach';
import { campaignOutreach, outreachPhotoUrl, recordOutreach, type OutreachInput } from '../services/campaign-outreach';
import type { OutreachRecord } from '../domain/outreach';

const READERS = requireRole('admin', 'staff', 'inspector', 'village_head');

export const outreachSchema = z.object({
  villageId: z.string().min(1).max(100),
  kind: z.enum(OUTREACH_KINDS),
  doneOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng năm-tháng-ngày, ví dụ 2026-11-26.|The date must be year-month-day, e.g. 2026-11-26.'),
  households: z.coerce.number().int().min(0).max(100_000).optional().nullable(),
  note: z.string().max(1000).optional(),
});

/**
 * An outreach record from JSON, or from a form (multipart, with the notice's
 * photo in the field `photo`). A browser form may already have been read by
 * the CSRF check; hono keeps the parsed copy.
 */
export async function outreachInput(c: AppContext): Promise<OutreachInput> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    if (Number(c.req.header('content-length') ?? 0) > PHOTO_MAX_BYTES + 64 * 1024) throw new AppError('PAYLOAD_TOO_LARGE');
    const body = await c.req.parseBody();
    const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
    const fields = parseInput(outreachSchema, {
      villageId: text('villageId'), kind: text('kind'), doneOn: text('doneOn'), note: text('note'),
      households: text('households') ? text('households') : undefined,
    });
    const file = body['photo'];
    const photo = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    return { ...fields, photo };
  }
  return parseInput(outreachSchema, await readJson(c));
}

export const recordJson = (r: OutreachRecord) => ({
  id: r.id, villageId: r.villageId, kind: r.kind, doneOn: r.doneOn, households: r.households, note: r.note,
  photo: r.photo ? outreachPhotoUrl(r.id) : null, recordedAt: r.recordedAt,
});

/** A campaign's outreach as the API answers it (and the pages show it). */
export function outreachJson(o: Awaited<ReturnType<typeof campaignOutreach>>) {
  return {
    campaign: o.campaign, kinds: o.kinds, url: o.url,
    villages: o.villages.map((v) => ({
      villageId: v.villageId, code: v.code, name: v.name, households: v.households, reached: v.reached,
      outreach: v.progress.map((p) => ({
        kind: p.kind, status: p.status, doneOn: p.doneOn, due: p.due, basis: p.basis, article: p.article, dates: p.dates, households: p.households,
        records: p.records.map(recordJson),
      })),
      texts: { loudspeaker: v.loudspeaker, zalo: v.zalo },
    })),
  };
}

export const outreachRoutes = new Hono<AppEnv>()
  .get('/api/v1/campaigns/:id/outreach', READERS, async (c) =>
    c.json(outreachJson(await campaignOutreach(c.get('deps'), currentActor(c), c.req.param('id'), publicOrigin(c)))))
  .post('/api/v1/campaigns/:id/outreach', requireRole('admin', 'staff', 'village_head'), async (c) => {
    const input = await outreachInput(c);
    return c.json(recordJson(await recordOutreach(c.get('deps'), currentActor(c), c.req.param('id'), input)), 201);
  });
