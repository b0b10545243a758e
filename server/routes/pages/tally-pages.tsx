import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/context';
import { currentActor } from '../../http/context';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { statusOf } from '../../http/errors';
import { parseInput } from '../../http/validation';
import { detailTexts, pageUser, staffPage } from '../../http/pages';
import { safeBack } from '../../domain/return-path';
import { SHEET_CHANNELS, type SheetChannel } from '../../domain/legal-rules';
import { listTallies, listTallyCampaigns } from '../../services/list-tallies';
import { checkSheetFor, submitTally, type SheetInput } from '../../services/submit-tally';
import { correctTally } from '../../services/correct-tally';
import { campaignOf } from '../../services/guards';
import { confirmTally, sheetOf } from '../../services/confirm-tally';
import { attachTallyPhoto, checkPhoto } from '../../services/attach-tally-photo';
import { paperBallotForm, registerPaperBallot } from '../../services/register-paper-ballot';
import { paperBallotProgress } from '../../services/paper-ballot-progress';
import { correctionSchema, submitSchema } from '../tallies';
import { TallyIndexPage } from '../../../web/views/tallies/index-page';
import { TallyHistoryPage } from '../../../web/views/tallies/history-page';
import { TallyEntryPage } from '../../../web/views/tallies/entry-page';
import { PaperBallotsPage, type PaperOutcome } from '../../../web/views/tallies/paper-page';
import { PaperBallotEntryPage } from '../../../web/views/tallies/ballot-entry-page';
import { tallyHistoryUrl } from '../../../web/views/tallies/model';
import { formToAnswers, type FormFields } from '../../domain/survey/form-data';

const ENTER = staffPage('admin', 'staff', 'village_head');
const CHECK = staffPage('admin', 'staff', 'inspector');
const READ = staffPage('admin', 'staff', 'inspector', 'village_head');

/** The posted form: text fields as strings, and the `photo` file if one was chosen. */
async function postedForm(c: AppContext): Promise<{ fields: Record<string, string>; photo: File | null }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  // the CSRF check has already parsed it; Hono keeps the parsed body
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  let photo: File | null = null;
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') fields[k] = v.slice(0, 2000);
    else if (k === 'photo' && v instanceof File && v.size > 0) photo = v;
  }
  return { fields, photo };
}

/** A number box as typed: empty is absent; digits are a number; anything else goes on so the check names it. */
function typedNumber(s: string | undefined): unknown {
  const t = (s ?? '').trim();
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** Runs each check; returns the form errors they raised (anything else is thrown on). */
async function gather(checks: (() => unknown)[]): Promise<AppError[]> {
  const found: AppError[] = [];
  for (const check of checks) {
    try {
      await check();
    } catch (err) {
      if (err instanceof AppError && ['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'].includes(err.code)) found.push(err);
      else throw err;
    }
  }
  return found;
}

/** A refusal as the fields it names; a photo refusal without details names the photo. */
const detailsOf = (err: AppError): ErrorDetail[] => (err.details.length ? err.details : [{ path: 'photo', message: err.text }]);

/** The form's fields as the API's sheet body. */
function sheetFromForm(f: Record<string, string>): SheetInput {
  const counts: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(f)) {
    const m = /^counts\.([^.]+)\.(.+)$/.exec(k);
    if (!m) continue;
    const n = typedNumber(v);
    (counts[m[1]!] ??= {})[m[2]!] = n === undefined ? 0 : n;
  }
  const list = (name: string) => Object.keys(f).filter((k) => k.startsWith(`${name}.`)).sort().map((k) => f[k]!.trim()).filter(Boolean);
  const method = f.method;
  return {
    method: method === 'secret_ballot' || method === 'show_of_hands' ? method : undefined,
    present: typedNumber(f.present), issued: typedNumber(f.issued), returned: typedNumber(f.returned), invalid: typedNumber(f.invalid),
    counts, board: list('board'), witnesses: list('witnesses'),
    heldOn: f.heldOn || undefined, place: f.place || undefined,
    procedural: {
      secretary: { name: f['procedural.secretary.name']?.trim() || undefined, votesFor: typedNumber(f['procedural.secretary.votesFor']) },
      method: { votesFor: typedNumber(f['procedural.method.votesFor']) },
      board: { votesFor: typedNumber(f['procedural.board.votesFor']) },
    },
  };
}

async function renderEntry(
  c: AppContext,
  campaignId: string,
  state: { villageId?: string; channel?: string; correct?: string; values?: Record<string, string>; errors?: ErrorDetail[]; formError?: string },
  status: 200 | 403 | 409 | 413 | 415 | 422 = 200,
) {
  const deps = c.get('deps');
  const actor = currentActor(c);
  const data = await listTallies(deps, actor, campaignId);
  const villageId = actor.role === 'village_head' ? actor.villageId! : state.villageId;
  const channel = state.channel === 'meeting' || state.channel === 'paper' ? state.channel : undefined;
  const sheetChannels = data.campaign.channels.filter((ch): ch is SheetChannel => (SHEET_CHANNELS as readonly string[]).includes(ch));
  return c.html(
    <TallyEntryPage
      {...pageUser(c)} campaign={data.campaign} villages={data.villages}
      villageId={villageId} channel={channel ?? (sheetChannels.length === 1 ? sheetChannels[0] : undefined)}
      villageFixed={actor.role === 'village_head'} correct={state.correct}
      values={state.values ?? {}} errors={detailTexts(c, state.errors ?? [])} formError={state.formError}
    />,
    status,
  );
}

/** A correction's form starts from the version it corrects. */
function valuesOf(sheet: Awaited<ReturnType<typeof sheetOf>>): Record<string, string> {
  const d = sheet.data;
  const v: Record<string, string> = {};
  for (const k of ['present', 'issued', 'returned', 'invalid'] as const) if (d[k] !== undefined) v[k] = String(d[k]);
  for (const [q, values] of Object.entries(d.counts)) for (const [choice, n] of Object.entries(values)) v[`counts.${q}.${choice}`] = String(n);
  d.board.forEach((n, i) => (v[`board.${i}`] = n));
  d.witnesses.forEach((n, i) => (v[`witnesses.${i}`] = n));
  if (d.method) v.method = d.method;
  if (d.heldOn) v.heldOn = d.heldOn;
  if (d.place) v.place = d.place;
  for (const [item, vote] of Object.entries(d.procedural ?? {})) {
    if (vote.votesFor !== undefined) v[`procedural.${item}.votesFor`] = String(vote.votesFor);
    if (vote.name) v[`procedural.${item}.name`] = vote.name;
  }
  return v;
}

async function renderPaper(c: AppContext, campaignId: string, outcome?: PaperOutcome, status: 200 | 201 | 403 | 404 | 409 | 422 = 200) {
  const progress = await paperBallotProgress(c.get('deps'), currentActor(c), campaignId);
  return c.html(
    <PaperBallotsPage {...pageUser(c)} campaign={{ id: progress.campaignId, title: progress.title }} villages={progress.villages} outcome={outcome} />,
    status,
  );
}

/** What a paper-ballot action refused, shown on the paper page in large text; anything else is an error page. */
function paperRefusal(c: AppContext, campaignId: string, serial: string, err: unknown) {
  if (!(err instanceof AppError)) throw err;
  const message = err.text[c.get('lang')];
  if (err.code === 'ALREADY_USED') return renderPaper(c, campaignId, { kind: 'dup', message, serial }, 409);
  if (err.code === 'NOT_FOUND') return renderPaper(c, campaignId, { kind: 'notFound', message, serial }, 404);
  if (['FORBIDDEN', 'INVALID_STATE', 'CHANNEL_NOT_ALLOWED'].includes(err.code)) {
    return renderPaper(c, campaignId, { kind: 'error', message, serial }, statusOf(err) as 403 | 409);
  }
  throw err;
}

/** The serial inside a scanned ballot URL (…/b/<serial>), or what was typed. */
function serialFrom(text: string): string {
  const at = text.indexOf('/b/');
  return (at < 0 ? text : text.slice(at + 3).split(/[?#/]/)[0] ?? '').trim();
}

export const tallyPages = new Hono<AppEnv>()
  .get('/staff/tallies', READ, async (c) => {
    const deps = c.get('deps');
    const actor = currentActor(c);
    const campaigns = await listTallyCampaigns(deps, actor);
    const data = [];
    for (const campaign of campaigns) data.push(await listTallies(deps, actor, campaign.id));
    const lang = c.get('lang');
    return c.html(
      <TallyIndexPage {...pageUser(c)} selfId={actor.id} role={actor.role} campaigns={data}
        notice={c.req.query('confirmed') ? (lang === 'vi' ? 'Đã xác nhận biên bản.' : 'The sheet is confirmed.') : undefined} />,
    );
  })
  .get('/staff/tallies/:campaignId/new', ENTER, async (c) => {
    const correct = c.req.query('correct');
    if (correct) {
      const sheet = await sheetOf(c.get('deps'), currentActor(c), correct);
      if (sheet.campaignId !== c.req.param('campaignId')) throw new AppError('NOT_FOUND');
      return renderEntry(c, sheet.campaignId, { villageId: sheet.villageId, channel: sheet.channel, correct, values: valuesOf(sheet) });
    }
    return renderEntry(c, c.req.param('campaignId'), { villageId: c.req.query('villageId'), channel: c.req.query('channel') });
  })
  .post('/staff/tallies/:campaignId/new', ENTER, async (c) => {
    const deps = c.get('deps');
    const actor = currentActor(c);
    const campaignId = c.req.param('campaignId');
    const { fields, photo } = await postedForm(c);
    const state = { villageId: fields.villageId, channel: fields.channel, correct: fields.correct || undefined, values: fields };
    let saved: { id: string; version: number };
    let villageId = fields.villageId ?? '';
    try {
      // the photo is checked before anything is stored, so a bad one changes nothing
      const image = photo ? new Uint8Array(await photo.arrayBuffer()) : null;
      const sheet = sheetFromForm(fields);
      const old = state.correct ? await sheetOf(deps, actor, state.correct) : null;
      if (old && old.campaignId !== campaignId) throw new AppError('NOT_FOUND');
      if (old) villageId = old.villageId;
      // Every mistake at once: the photo's, the form's and the numbers', so one submit shows them all.
      const early = await gather([
        () => { if (image) checkPhoto(image); },
        () => (old ? parseInput(correctionSchema, { ...sheet, reason: fields.reason ?? '' }) : parseInput(submitSchema, { ...sheet, villageId, channel: fields.channel })),
      ]);
      if (early.length) {
        const numbers = await gather([async () => {
          const campaign = await campaignOf(deps, actor, campaignId);
          const channel = old?.channel ?? (fields.channel === 'meeting' || fields.channel === 'paper' ? fields.channel : null);
          if (channel) await checkSheetFor(deps, actor, campaign, villageId, channel, sheet);
        }]);
        throw early.length === 1 && early[0]!.code !== 'VALIDATION_FAILED' && numbers.length === 0
          ? early[0]!
          : new AppError('VALIDATION_FAILED', undefined, [...early, ...numbers].flatMap(detailsOf));
      }
      if (old) saved = await correctTally(deps, actor, old.id, parseInput(correctionSchema, { ...sheet, reason: fields.reason ?? '' }));
      else saved = await submitTally(deps, actor, campaignId, parseInput(submitSchema, { ...sheet, villageId, channel: fields.channel }));
      if (image) await attachTallyPhoto(deps, actor, saved.id, async () => image);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return renderEntry(c, campaignId, { ...state, errors: err.details }, 422);
      if (err instanceof AppError && ['UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'].includes(err.code)) {
        return renderEntry(c, campaignId, { ...state, errors: [{ path: 'photo', message: err.text }] }, statusOf(err) as 413 | 415);
      }
      if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'INVALID_STATE')) {
        return renderEntry(c, campaignId, { ...state, formError: err.text[c.get('lang')] }, 409);
      }
      throw err;
    }
    return c.redirect(`${tallyHistoryUrl(campaignId, villageId)}?saved=${saved.version}`, 303);
  })
  .get('/staff/tallies/:campaignId/:villageId', READ, async (c) => {
    const actor = currentActor(c);
    const data = await listTallies(c.get('deps'), actor, c.req.param('campaignId'), c.req.param('villageId'));
    const village = data.villages.find((v) => v.villageId === c.req.param('villageId'));
    if (!village) throw new AppError('NOT_FOUND');
    const lang = c.get('lang');
    const saved = c.req.query('saved');
    const notice = saved
      ? (lang === 'vi' ? `Đã lưu biên bản, phiên bản ${saved}. Biên bản cần người thứ hai xác nhận.` : `Sheet saved as version ${saved}. A second person must confirm it.`)
      : c.req.query('photo') ? (lang === 'vi' ? 'Đã thêm ảnh biên bản.' : 'Photo added.')
      : c.req.query('confirmed') ? (lang === 'vi' ? 'Đã xác nhận biên bản.' : 'The sheet is confirmed.') : undefined;
    return c.html(<TallyHistoryPage {...pageUser(c)} selfId={actor.id} role={actor.role} data={data} village={village} notice={notice} />);
  })
  .post('/staff/tally-sheets/:id/confirm', CHECK, async (c) => {
    const { fields } = await postedForm(c);
    await confirmTally(c.get('deps'), currentActor(c), c.req.param('id'));
    const back = safeBack(fields.back);
    return c.redirect(`${back === '/' ? '/staff/tallies' : back}${back.includes('?') ? '&' : '?'}confirmed=1`, 303);
  })
  .post('/staff/tally-sheets/:id/photos', ENTER, async (c) => {
    const deps = c.get('deps');
    const actor = currentActor(c);
    const sheet = await sheetOf(deps, actor, c.req.param('id'));
    await attachTallyPhoto(deps, actor, sheet.id, async () => {
      const { photo } = await postedForm(c);
      if (!photo) throw new AppError('VALIDATION_FAILED', { vi: 'Hãy chọn ảnh chụp biên bản.', en: 'Choose a photo of the sheet.' });
      return new Uint8Array(await photo.arrayBuffer());
    });
    return c.redirect(`${tallyHistoryUrl(sheet.campaignId, sheet.villageId)}?photo=1`, 303);
  })
  .get('/staff/paper-ballots/:campaignId', ENTER, async (c) => renderPaper(c, c.req.param('campaignId')))
  .post('/staff/paper-ballots/:campaignId', ENTER, async (c) => {
    const { fields } = await postedForm(c);
    const campaignId = c.req.param('campaignId');
    const serial = serialFrom(fields.serial ?? '');
    try {
      const r = await registerPaperBallot(c.get('deps'), currentActor(c), campaignId, { serial });
      return renderPaper(c, campaignId, { kind: 'ok', householdCode: r.householdCode, serial }, 201);
    } catch (err) {
      return paperRefusal(c, campaignId, serial, err);
    }
  })
  .get('/staff/paper-ballots/:campaignId/ballot', ENTER, async (c) => {
    const campaignId = c.req.param('campaignId');
    const serial = serialFrom(c.req.query('serial') ?? '');
    try {
      const form = await paperBallotForm(c.get('deps'), currentActor(c), campaignId, serial);
      return c.html(<PaperBallotEntryPage {...pageUser(c)} campaignId={campaignId} title={form.title} serial={form.serial} secret={form.secret} survey={form.survey} />);
    } catch (err) {
      return paperRefusal(c, campaignId, serial, err);
    }
  })
  .post('/staff/paper-ballots/:campaignId/ballot', ENTER, async (c) => {
    const deps = c.get('deps');
    const actor = currentActor(c);
    const campaignId = c.req.param('campaignId');
    // repeated fields (an election's ticked names) stay lists
    const fields = (await c.req.parseBody({ all: true })) as FormFields;
    const serial = serialFrom(String(fields.serial ?? ''));
    try {
      const form = await paperBallotForm(deps, actor, campaignId, serial);
      const answers = formToAnswers(form.survey, fields);
      try {
        const r = await registerPaperBallot(deps, actor, campaignId, { serial, answers });
        return renderPaper(c, campaignId, { kind: 'ok', householdCode: r.householdCode, serial }, 201);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
        const errors = err.details.map((d) => ({ question: d.path, message: d.message }));
        return c.html(
          <PaperBallotEntryPage {...pageUser(c)} campaignId={campaignId} title={form.title} serial={form.serial} secret={form.secret}
            survey={form.survey} answers={answers} errors={errors} />,
          422,
        );
      }
    } catch (err) {
      return paperRefusal(c, campaignId, serial, err);
    }
  });
