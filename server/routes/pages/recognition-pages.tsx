import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/context';
import { currentActor } from '../../http/context';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { detailTexts, staffPage } from '../../http/pages';
import { vietnamToday } from '../../services/commune-calendar';
import { campaignOf } from '../../services/guards';
import {
  readPublishedRecognitionScan, readRecognitionScan, recognitionJson, recognitionOf, recordRecognition, staffRecognitionScanUrl,
} from '../../services/recognition';
import { attestCandidate, electionPrep, recordElectionTeam } from '../../services/election-prep';
import { publishedHead } from '../../services/public-portal';
import { RECOGNITION_TEXT, RecognitionPage } from '../../../web/views/recognition/page';
import { ELECTION_PREP_TEXT, ElectionPrepPage } from '../../../web/views/election/prep-page';
import { recognitionInput } from '../recognition';
import { staffFrame } from './feedback-pages';

const READ = staffPage('admin', 'staff', 'inspector');
const ENTER = staffPage('admin', 'staff');

const IN_PLACE = new Set(['VALIDATION_FAILED', 'CONFLICT', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'INVALID_STATE']);
const STATUS = { CONFLICT: 409, INVALID_STATE: 409, UNSUPPORTED_MEDIA_TYPE: 415, PAYLOAD_TOO_LARGE: 413 } as const;
type Status = 200 | 409 | 413 | 415 | 422;
const statusOf = (code: string): Status => STATUS[code as keyof typeof STATUS] ?? 422;

type Extra = { notice?: string; errors?: ErrorDetail[]; values?: Record<string, string> };

function scanResponse(c: AppContext, scan: { mime: string; bytes: Uint8Array }, cache: string) {
  return c.body(scan.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': scan.mime,
    'Content-Length': String(scan.bytes.byteLength),
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `inline; filename="quyet-dinh-cong-nhan.${scan.mime === 'image/png' ? 'png' : 'jpg'}"`,
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': cache,
  });
}

async function renderRecognition(c: AppContext, extra: Extra = {}, status: Status = 200) {
  const deps = c.get('deps');
  const actor = currentActor(c);
  const campaign = await campaignOf(deps, actor, c.req.param('id')!);
  const r = await recognitionOf(deps, campaign.id);
  const url = (v: number) => staffRecognitionScanUrl(campaign.id, v);
  return c.html(
    <RecognitionPage
      {...await staffFrame(c)}
      campaign={{ id: campaign.id, title: campaign.title, kind: campaign.kind, status: campaign.status }}
      status={r.status}
      history={r.history.map((h) => recognitionJson(h, url))}
      canRecord={(actor.role === 'admin' || actor.role === 'staff') && (campaign.status === 'closed' || campaign.status === 'published')}
      today={vietnamToday(deps)}
      values={extra.values ?? {}} errors={detailTexts(c, extra.errors ?? [])} notice={extra.notice}
    />,
    status,
  );
}

async function renderPrep(c: AppContext, extra: Extra = {}, status: Status = 200) {
  const deps = c.get('deps');
  const p = await electionPrep(deps, currentActor(c), c.req.param('id')!);
  return c.html(
    <ElectionPrepPage
      {...await staffFrame(c)}
      campaign={p.campaign} boardName={p.boardName} conditions={p.conditions} article={p.article} teamArticle={p.teamArticle}
      villages={p.villages} candidates={p.candidates} team={p.team} clashes={p.clashes} canEdit={p.canEdit} canEditTeam={p.canEditTeam}
      today={vietnamToday(deps)} values={extra.values ?? {}} errors={detailTexts(c, extra.errors ?? [])} notice={extra.notice}
    />,
    status,
  );
}

/** Runs a form's action; a refusal is shown on the page with what was entered, else the page reloads with a notice. */
async function submit(c: AppContext, values: Record<string, string>, action: () => Promise<unknown>, render: typeof renderPrep, done: string) {
  try {
    await action();
  } catch (err) {
    if (err instanceof AppError && IN_PLACE.has(err.code)) {
      const details = err.details.length ? err.details : [{ path: '(form)', message: err.text }];
      return render(c, { errors: details, values }, statusOf(err.code));
    }
    throw err;
  }
  return c.redirect(done, 303);
}

async function formValues(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

export const recognitionPages = new Hono<AppEnv>()
  .get('/staff/campaigns/:id/recognition', READ, (c) =>
    renderRecognition(c, { notice: c.req.query('done') === 'recorded' ? RECOGNITION_TEXT.saved[c.get('lang')] : undefined }))
  .post('/staff/campaigns/:id/recognition', ENTER, async (c) => {
    let values: Record<string, string> = {};
    const id = c.req.param('id');
    try {
      const { scan, ...input } = await recognitionInput(c);
      values = { number: input.number ?? '', decidedOn: input.decidedOn ?? '', signer: input.signer ?? '', reason: input.reason ?? '' };
      await recordRecognition(c.get('deps'), currentActor(c), id, input, scan);
    } catch (err) {
      if (err instanceof AppError && IN_PLACE.has(err.code)) {
        const details = err.details.length ? err.details : [{ path: err.code === 'INVALID_STATE' ? '(form)' : 'scan', message: err.text }];
        return renderRecognition(c, { errors: details, values }, statusOf(err.code));
      }
      throw err;
    }
    return c.redirect(`/staff/campaigns/${encodeURIComponent(id)}/recognition?done=recorded`, 303);
  })
  .get('/staff/campaigns/:id/recognition/:version', READ, async (c) => {
    const version = Number(c.req.param('version'));
    if (!Number.isInteger(version) || version < 1) throw new AppError('NOT_FOUND');
    return scanResponse(c, await readRecognitionScan(c.get('deps'), currentActor(c), c.req.param('id'), version), 'private, max-age=3600');
  })
  .get('/r/:slug/recognition/:version', async (c) => {
    const version = Number(c.req.param('version'));
    if (!Number.isInteger(version) || version < 1) throw new AppError('NOT_FOUND');
    const head = await publishedHead(c.get('deps'), c.req.param('slug'));
    return scanResponse(c, await readPublishedRecognitionScan(c.get('deps'), head.campaignId, version), 'public, max-age=3600');
  })
  .get('/staff/campaigns/:id/election', READ, (c) =>
    renderPrep(c, { notice: c.req.query('done') ? ELECTION_PREP_TEXT.saved[c.get('lang')] : undefined }))
  .post('/staff/campaigns/:id/election/attest', ENTER, async (c) => {
    const id = c.req.param('id');
    const values = await formValues(c);
    const conditions = Object.keys(values).filter((k) => k.startsWith('condition_') && values[k] === '1').map((k) => k.slice('condition_'.length));
    if (!values.candidateId) {
      return renderPrep(c, { errors: [{ path: 'candidateId', message: { vi: 'Hãy chọn người ứng cử.', en: 'Choose the candidate.' } }], values }, 422);
    }
    return submit(c, values, () => attestCandidate(c.get('deps'), currentActor(c), id, values.candidateId!, {
      conditions, attestedBy: values.attestedBy, attestedOn: values.attestedOn,
    }), renderPrep, `/staff/campaigns/${encodeURIComponent(id)}/election?done=attested`);
  })
  .post('/staff/campaigns/:id/election/team', ENTER, async (c) => {
    const id = c.req.param('id');
    const values = await formValues(c);
    const members: { name?: string; role?: string; birthYear?: number | null }[] = [];
    for (let i = 0; i < 30; i++) {
      const name = (values[`members.${i}.name`] ?? '').trim();
      if (!name) continue;
      const year = Number(values[`members.${i}.birthYear`] ?? '');
      members.push({ name, role: values[`members.${i}.role`], birthYear: Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : null });
    }
    // a clash names the member's row as entered; rows were compacted, so map the error back onto the form's rows
    const rowsWithNames = Array.from({ length: 30 }, (_, i) => i).filter((i) => (values[`members.${i}.name`] ?? '').trim());
    return submit(c, values, async () => {
      try {
        await recordElectionTeam(c.get('deps'), currentActor(c), id, { members });
      } catch (err) {
        if (err instanceof AppError) {
          const details = err.details.map((d) => ({ ...d, path: d.path.replace(/^members\.(\d+)\./, (_m, n: string) => `members.${rowsWithNames[Number(n)] ?? n}.`) }));
          throw new AppError(err.code, err.text, details);
        }
        throw err;
      }
    }, renderPrep, `/staff/campaigns/${encodeURIComponent(id)}/election?done=team`);
  });

