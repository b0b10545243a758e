import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/context';
import { currentActor, publicOrigin } from '../../http/context';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { detailTexts, staffPage } from '../../http/pages';
import { campaignOutreach, readOutreachPhoto, recordOutreach } from '../../services/campaign-outreach';
import { vietnamToday } from '../../services/commune-calendar';
import { OUTREACH_TEXT, OutreachPage } from '../../../web/views/outreach/page';
import { outreachInput, outreachJson } from '../outreach';
import { staffFrame } from './feedback-pages';

const READ = staffPage('admin', 'staff', 'inspector', 'village_head');
const ENTER = staffPage('admin', 'staff', 'village_head');

const IN_PLACE = new Set(['VALIDATION_FAILED', 'CONFLICT', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE']);

async function render(c: AppContext, extra: { notice?: string; errors?: ErrorDetail[]; values?: Record<string, string> } = {}, status: 200 | 409 | 413 | 415 | 422 = 200) {
  const actor = currentActor(c);
  const o = outreachJson(await campaignOutreach(c.get('deps'), actor, c.req.param('id')!, publicOrigin(c)));
  return c.html(
    <OutreachPage
      {...await staffFrame(c)} campaign={o.campaign} kinds={o.kinds} url={o.url} villages={o.villages}
      canRecord={actor.role !== 'inspector'} today={vietnamToday(c.get('deps'))}
      values={extra.values ?? {}} errors={detailTexts(c, extra.errors ?? [])} notice={extra.notice}
    />,
    status,
  );
}

export const outreachPages = new Hono<AppEnv>()
  .get('/staff/campaigns/:id/outreach', READ, (c) => render(c, { notice: c.req.query('done') === 'recorded' ? OUTREACH_TEXT.savedNotice[c.get('lang')] : undefined }))
  .post('/staff/campaigns/:id/outreach', ENTER, async (c) => {
    let values: Record<string, string> = {};
    try {
      const input = await outreachInput(c);
      values = { villageId: input.villageId, kind: input.kind, doneOn: input.doneOn, households: input.households == null ? '' : String(input.households), note: input.note ?? '' };
      await recordOutreach(c.get('deps'), currentActor(c), c.req.param('id'), input);
    } catch (err) {
      if (err instanceof AppError && IN_PLACE.has(err.code)) {
        const details = err.details.length ? err.details : [{ path: 'doneOn', message: err.text }];
        const status = ({ CONFLICT: 409, UNSUPPORTED_MEDIA_TYPE: 415, PAYLOAD_TOO_LARGE: 413 } as const)[err.code as 'CONFLICT'] ?? 422;
        return render(c, { errors: details, values }, status);
      }
      throw err;
    }
    return c.redirect(`/staff/campaigns/${encodeURIComponent(c.req.param('id'))}/outreach?done=recorded`, 303);
  })
  .get('/staff/outreach-photos/:photoId', READ, async (c) => {
    const photo = await readOutreachPhoto(c.get('deps'), currentActor(c), c.req.param('photoId'));
    return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': photo.mime,
      'Content-Length': String(photo.bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': `inline; filename="thong-bao-${photo.id.replace(/[^A-Za-z0-9-]/g, '')}.${photo.mime === 'image/png' ? 'png' : 'jpg'}"`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=86400',
    });
  });
