import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/context';
import { currentActor } from '../../http/context';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { detailTexts, formFields, pageUser, staffPage } from '../../http/pages';
import { parseInput } from '../../http/validation';
import { CATEGORIES, type Category } from '../../domain/legal-rules';
import { onlineVoteRecords, recordOnlineVote } from '../../services/online-vote-records';
import { addConsents, createInitiative, initiativeToCampaign, initiativeView, initiativeVillages, initiativesOf } from '../../services/initiatives';
import { vietnamToday } from '../../services/commune-calendar';
import { consentsSchema, initiativeSchema, onlineRecordSchema } from '../records';
import { OnlineRecordsPage } from '../../../web/views/records/online-records';
import { InitiativePage, InitiativesPage } from '../../../web/views/records/initiatives';

const STAFF = staffPage('admin', 'staff');
const IN_PLACE = new Set(['VALIDATION_FAILED']);

/** An error's details, or the error itself under `field` when it names none. */
const detailsOf = (err: AppError, field: string): ErrorDetail[] => (err.details.length ? err.details : [{ path: field, message: err.text }]);
/** Errors on `name.N` are also shown beside the field `name` (a list typed in one box). */
const withParents = (errors: { path: string; message: string }[]) => [
  ...errors, ...errors.filter((e) => /\.\d+$/.test(e.path) && !errors.some((x) => x.path === e.path.replace(/\.\d+$/, ''))).map((e) => ({ ...e, path: e.path.replace(/\.\d+$/, '') })),
];

/** A datetime-local box (Vietnam time) as an ISO instant with its offset. */
const vietnamInstant = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s) ? `${s}+07:00` : (s ?? ''));

async function renderOnline(c: AppContext, extra: { values?: Record<string, string>; errors?: ErrorDetail[]; notice?: string; formError?: string } = {}, status: 200 | 409 | 422 = 200) {
  const data = await onlineVoteRecords(c.get('deps'), currentActor(c), c.req.param('id')!);
  return c.html(
    <OnlineRecordsPage {...pageUser(c)} campaign={data.campaign} applies={data.applies}
      team={{ ...data.team.value, article: data.team.article }} villages={data.villages}
      values={extra.values ?? {}} errors={detailTexts(c, extra.errors ?? [])} notice={extra.notice} formError={extra.formError} />,
    status,
  );
}

async function renderList(c: AppContext, extra: { values?: Record<string, string>; errors?: ErrorDetail[]; notice?: string } = {}, status: 200 | 422 = 200) {
  const actor = currentActor(c);
  const [list, villages] = await Promise.all([initiativesOf(c.get('deps'), actor), initiativeVillages(c.get('deps'), actor)]);
  return c.html(
    <InitiativesPage {...pageUser(c)} villages={villages} initiatives={list}
      values={extra.values ?? {}} errors={detailTexts(c, extra.errors ?? [])} notice={extra.notice} />,
    status,
  );
}

async function renderOne(c: AppContext, extra: { values?: Record<string, string>; errors?: ErrorDetail[]; notice?: string; formError?: string } = {}, status: 200 | 409 | 422 = 200) {
  const deps = c.get('deps');
  const actor = currentActor(c);
  const view = await initiativeView(deps, actor, c.req.param('id')!);
  const villages = await initiativeVillages(deps, actor);
  const lang = c.get('lang');
  const villageName = view.initiative.villageId ? villages.find((v) => v.id === view.initiative.villageId)?.name ?? '' : lang === 'vi' ? 'Toàn xã' : 'Whole commune';
  return c.html(
    <InitiativePage {...pageUser(c)} villageName={villageName} initiative={view.initiative} backing={view.backing} consents={view.consents}
      categories={[...CATEGORIES]} today={vietnamToday(deps)}
      values={extra.values ?? {}} errors={withParents(detailTexts(c, extra.errors ?? []))} notice={extra.notice} formError={extra.formError} />,
    status,
  );
}

export const recordPages = new Hono<AppEnv>()
  .get('/staff/campaigns/:id/online-records', STAFF, (c) =>
    renderOnline(c, { notice: c.req.query('saved') ? (c.get('lang') === 'vi' ? 'Đã lưu biên bản biểu quyết trực tuyến.' : 'The online-vote record is saved.') : undefined }))
  .post('/staff/campaigns/:id/online-records', STAFF, async (c) => {
    const f = await formFields(c);
    const team = Array.from({ length: 20 }, (_, i) => ({ name: (f[`team.${i}.name`] ?? '').trim(), role: (f[`team.${i}.role`] ?? '').trim() }))
      .filter((m) => m.name || m.role);
    try {
      const input = parseInput(onlineRecordSchema, { villageId: f.villageId ?? '', startedAt: vietnamInstant(f.startedAt), endedAt: vietnamInstant(f.endedAt), team, note: f.note });
      await recordOnlineVote(c.get('deps'), currentActor(c), c.req.param('id'), input);
    } catch (err) {
      if (err instanceof AppError && IN_PLACE.has(err.code)) return renderOnline(c, { values: f, errors: detailsOf(err, 'villageId') }, 422);
      if (err instanceof AppError && (err.code === 'INVALID_STATE' || err.code === 'CONFLICT')) return renderOnline(c, { values: f, formError: err.text[c.get('lang')] }, 409);
      throw err;
    }
    return c.redirect(`/staff/campaigns/${encodeURIComponent(c.req.param('id'))}/online-records?saved=1`, 303);
  })
  .get('/staff/initiatives', STAFF, (c) => renderList(c))
  .post('/staff/initiatives', STAFF, async (c) => {
    const f = await formFields(c);
    let id: string;
    try {
      const input = parseInput(initiativeSchema, { matter: f.matter ?? '', scope: f.scope ?? 'village', villageId: f.villageId || undefined, proposer: f.proposer });
      id = (await createInitiative(c.get('deps'), currentActor(c), input)).initiative.id;
    } catch (err) {
      if (err instanceof AppError && IN_PLACE.has(err.code)) return renderList(c, { values: f, errors: detailsOf(err, 'matter') }, 422);
      throw err;
    }
    return c.redirect(`/staff/initiatives/${encodeURIComponent(id)}`, 303);
  })
  .get('/staff/initiatives/:id', STAFF, (c) => renderOne(c, {
    notice: c.req.query('done') === 'consents' ? (c.get('lang') === 'vi' ? 'Đã ghi nhận các hộ đồng thuận.' : 'Consents recorded.') : undefined,
  }))
  .post('/staff/initiatives/:id/consents', STAFF, async (c) => {
    const f = await formFields(c);
    try {
      const input = parseInput(consentsSchema, { householdCodes: (f.householdCodes ?? '').split(/[\s,;]+/).filter(Boolean), givenOn: f.givenOn ?? '' });
      await addConsents(c.get('deps'), currentActor(c), c.req.param('id'), input);
    } catch (err) {
      if (err instanceof AppError && IN_PLACE.has(err.code)) return renderOne(c, { values: f, errors: detailsOf(err, 'householdCodes') }, 422);
      if (err instanceof AppError && err.code === 'CONFLICT') return renderOne(c, { values: f, formError: err.text[c.get('lang')] }, 409);
      throw err;
    }
    return c.redirect(`/staff/initiatives/${encodeURIComponent(c.req.param('id'))}?done=consents`, 303);
  })
  .post('/staff/initiatives/:id/campaign', STAFF, async (c) => {
    const f = await formFields(c);
    const category = (CATEGORIES as readonly string[]).includes(f.category ?? '') ? (f.category as Category) : undefined;
    try {
      const r = await initiativeToCampaign(c.get('deps'), currentActor(c), c.req.param('id'), { category });
      return c.redirect(`/staff/campaigns/${encodeURIComponent(r.campaignId)}`, 303);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'INVALID_STATE' || err.code === 'CONFLICT')) return renderOne(c, { formError: err.text[c.get('lang')] }, 409);
      if (err instanceof AppError && IN_PLACE.has(err.code)) return renderOne(c, { formError: err.details.map((d) => d.message[c.get('lang')]).join(' ') || err.text[c.get('lang')] }, 409);
      throw err;
    }
  });
