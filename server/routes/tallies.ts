import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../http/context';
import { currentActor } from '../http/context';
import { requireRole } from '../http/middleware';
import { parseInput } from '../http/validation';
import { readBytes, readJson } from '../http/body';
import { AppError, invalidField } from '../domain/errors';
import { PHOTO_MAX_BYTES } from '../domain/photo';
import { submitTally } from '../services/submit-tally';
import { confirmTally } from '../services/confirm-tally';
import { correctTally } from '../services/correct-tally';
import { listTallies } from '../services/list-tallies';
import { attachTallyPhoto, readTallyPhoto } from '../services/attach-tally-photo';
import { registerPaperBallot } from '../services/register-paper-ballot';
import { paperBallotProgress } from '../services/paper-ballot-progress';
import { SHEET_CHANNELS } from '../domain/legal-rules';

// Numbers stay `unknown` here: the sheet checks name each bad one in the
// village head's words ("Số phiếu thu về phải là số nguyên không âm").
const names = z.array(z.string().max(200)).max(20).optional();
export const sheetFields = {
  method: z.enum(['show_of_hands', 'secret_ballot']).optional(),
  present: z.unknown().optional(),
  issued: z.unknown().optional(),
  returned: z.unknown().optional(),
  invalid: z.unknown().optional(),
  counts: z.record(z.string().max(100), z.record(z.string().max(100), z.unknown())).optional(),
  board: names,
  witnesses: names,
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng năm-tháng-ngày, ví dụ 2026-11-26.|The date must be year-month-day, e.g. 2026-11-26.').optional(),
  place: z.string().max(300).optional(),
  note: z.string().max(2000).optional(),
  /** a meeting's procedural votes (Mẫu 03): the numbers stay `unknown` for the sheet checks to name */
  procedural: z.object({
    secretary: z.object({ name: z.string().max(200).optional(), votesFor: z.unknown().optional() }).optional(),
    method: z.object({ votesFor: z.unknown().optional() }).optional(),
    board: z.object({ votesFor: z.unknown().optional() }).optional(),
  }).optional(),
};
export const submitSchema = z.object({
  villageId: z.string().min(1).max(100),
  channel: z.enum(SHEET_CHANNELS),
  ...sheetFields,
});
export const correctionSchema = z.object({
  ...sheetFields,
  reason: z.string().trim().min(1, 'Cần ghi lý do sửa biên bản.|Give the reason for the correction.').max(1000),
});

const paperSchema = z.object({ answers: z.unknown().optional(), idempotencyKey: z.string().max(200).optional() });

/** The image of a photo upload: multipart field `photo`, or the raw image as the body. */
async function photoBytes(c: AppContext): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    if (Number(c.req.header('content-length') ?? 0) > PHOTO_MAX_BYTES + 64 * 1024) throw new AppError('PAYLOAD_TOO_LARGE');
    const body = await c.req.parseBody();
    const file = body['photo'];
    if (!(file instanceof File) || file.size === 0) {
      throw invalidField('photo', { vi: 'Hãy chọn ảnh chụp biên bản.', en: 'Choose a photo of the sheet.' });
    }
    if (file.size > PHOTO_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { vi: 'Ảnh lớn hơn 8 MB.', en: 'The photo is larger than 8 MB.' });
    return new Uint8Array(await file.arrayBuffer());
  }
  if (type.startsWith('image/') || type.startsWith('application/octet-stream')) return readBytes(c, PHOTO_MAX_BYTES);
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
    vi: 'Gửi ảnh JPEG hoặc PNG (trường "photo" của biểu mẫu, hoặc chính ảnh).', en: 'Send a JPEG or PNG (form field "photo", or the image itself).',
  });
}

/** An optional JSON body: none at all is fine (registering a stub without its marks). */
async function optionalJson(c: AppContext): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type && !c.req.raw.body) return {};
  if (!type.toLowerCase().includes('json') && Number(c.req.header('content-length') ?? 0) === 0) return {};
  return readJson(c, 256 * 1024);
}

const enterers = requireRole('admin', 'staff', 'village_head');
const checkers = requireRole('admin', 'staff', 'inspector');
const readers = requireRole('admin', 'staff', 'inspector', 'village_head');

export const tallyRoutes = new Hono<AppEnv>()
  .post('/api/v1/campaigns/:id/tallies', enterers, async (c) => {
    const input = parseInput(submitSchema, await readJson(c));
    return c.json(await submitTally(c.get('deps'), currentActor(c), c.req.param('id'), input), 201);
  })
  .get('/api/v1/campaigns/:id/tallies', readers, async (c) =>
    c.json(await listTallies(c.get('deps'), currentActor(c), c.req.param('id'), c.req.query('villageId') || undefined)))
  .post('/api/v1/tallies/:id/confirm', checkers, async (c) => c.json(await confirmTally(c.get('deps'), currentActor(c), c.req.param('id'))))
  .post('/api/v1/tallies/:id/corrections', enterers, async (c) => {
    const input = parseInput(correctionSchema, await readJson(c));
    return c.json(await correctTally(c.get('deps'), currentActor(c), c.req.param('id'), input), 201);
  })
  .post('/api/v1/tallies/:id/photos', enterers, async (c) => {
    return c.json(await attachTallyPhoto(c.get('deps'), currentActor(c), c.req.param('id'), () => photoBytes(c)), 201);
  })
  .get('/api/v1/tally-photos/:photoId', readers, async (c) => {
    const photo = await readTallyPhoto(c.get('deps'), currentActor(c), c.req.param('photoId'));
    const ext = photo.mime === 'image/png' ? 'png' : 'jpg';
    return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': photo.mime,
      'Content-Length': String(photo.bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      // the name is built from the id (letters, digits, hyphens), never from what was uploaded
      'Content-Disposition': `inline; filename="bien-ban-${photo.id.replace(/[^A-Za-z0-9-]/g, '')}.${ext}"`,
      // nothing in an uploaded file may ever run or load anything, even if a browser took it for a page
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=86400',
    });
  })
  .post('/api/v1/campaigns/:id/paper-ballots/:serial', enterers, async (c) => {
    const body = parseInput(paperSchema, await optionalJson(c));
    const r = await registerPaperBallot(c.get('deps'), currentActor(c), c.req.param('id'), {
      serial: c.req.param('serial'), answers: body.answers, idempotencyKey: c.req.header('idempotency-key') ?? body.idempotencyKey,
    });
    return c.json(r, r.replay ? 200 : 201);
  })
  .get('/api/v1/campaigns/:id/paper-ballots', readers, async (c) =>
    c.json(await paperBallotProgress(c.get('deps'), currentActor(c), c.req.param('id'), c.req.query('villageId') || undefined)));
