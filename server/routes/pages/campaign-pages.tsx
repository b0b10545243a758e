import { Hono } from 'hono';
import { z } from 'zod';
import { setCookie } from 'hono/cookie';
import type { AppContext, AppEnv } from '../../http/context';
import { currentActor, publicOrigin } from '../../http/context';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { requireRole } from '../../http/middleware';
import { zodDetails } from '../../http/validation';
import { CAMPAIGN_KINDS, CATEGORIES, CHANNELS, type CampaignKind, type Category, type Channel } from '../../domain/legal-rules';
import { createCampaign, updateCampaign, type CampaignInput } from '../../services/create-campaign';
import { transitionCampaign } from '../../services/transition-campaign';
import { issueSerials, reprintSerial } from '../../services/campaign-serials';
import { campaignDetail, listCommuneCampaigns } from '../../services/campaign-overview';
import { printOverview } from '../../services/print-overview';
import { listVillageSummaries } from '../../services/list-villages';
import { loadStaffHome } from '../../services/staff-home';
import { enableKiosk, KIOSK_COOKIE } from '../../services/kiosk-token';
import { TEMPLATE_NAMES } from '../../../surveys';
import { qrOriginWarning } from '../../domain/public-url';
import { formsFor } from '../../domain/campaign-forms';
import { normalizeCode } from '../../domain/register-row';
import { posterPlan } from '../../print/poster';
import type { Lang, Text } from '../../domain/i18n';
import type { StaffFrame } from '../../../web/views/campaigns/page';
import { CampaignListPage } from '../../../web/views/campaigns/list';
import { CampaignFormPage, type CampaignFormValues } from '../../../web/views/campaigns/form';
import { CampaignDetailPage, type CampaignDetailView } from '../../../web/views/campaigns/detail';
import { PrintCentrePage } from '../../../web/views/campaigns/print-centre';
import { KioskPage } from '../../../web/views/campaigns/kiosk';
import { campaignOutreach } from '../../services/campaign-outreach';
import { outreachJson } from '../outreach';
import { onlineRecordApplies } from '../../services/online-vote-records';
import { initiativeOfCampaign } from '../../services/initiatives';
import { NotReturnedPage } from '../../../web/views/campaigns/not-returned';
import { ballotsNotReturned } from '../../services/ballot-returns';
import { ballotsReturnByHousehold, villageGlance } from '../../domain/participation';
import { loadCampaignTimeline, recordStep } from '../../services/campaign-timeline';
import { stepSchema, timelineJson } from '../timeline';
import { parseInput } from '../../http/validation';
import { detailTexts, formFields as textFields } from '../../http/pages';

const staff = requireRole('admin', 'staff');
const readers = requireRole('admin', 'staff', 'inspector', 'village_head');

const NOTICES: Record<string, Text> = {
  created: { vi: 'Đã tạo đợt lấy ý kiến (bản nháp).', en: 'Campaign created (draft).' },
  saved: { vi: 'Đã lưu bản nháp.', en: 'Draft saved.' },
  open: { vi: 'Đã mở đợt lấy ý kiến; số hộ của từng thôn đã được chốt.', en: 'The campaign is open; household counts are frozen.' },
  closed: { vi: 'Đã đóng đợt lấy ý kiến.', en: 'The campaign is closed.' },
  serials: { vi: 'Đã phát mã phiếu', en: 'Serials issued' },
  step: { vi: 'Đã ghi nhận bước đã thực hiện.', en: 'Step recorded.' },
};

async function frame(c: AppContext): Promise<StaffFrame> {
  const s = c.get('session')!;
  const url = new URL(c.req.url);
  const home = await loadStaffHome(c.get('deps'), s.actor);
  return {
    lang: c.get('lang'),
    user: { username: s.actor.username, role: s.actor.role, displayName: s.displayName },
    csrfToken: s.csrfToken,
    path: url.pathname + url.search,
    commune: home.communeName ?? undefined,
  };
}

/** The posted form as strings; checkbox groups as arrays. */
async function formFields(c: AppContext): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

const dateField = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng ngày/tháng/năm hợp lệ.|Enter a valid date.')]);

// The form's own shape; the legal and structural rules are the service's (createCampaign).
const formSchema = z.object({
  kind: z.enum(CAMPAIGN_KINDS, { message: 'Hãy chọn loại đợt.|Choose the kind of campaign.' }),
  category: z.union([z.literal(''), z.enum(CATEGORIES)]),
  title: z.string().trim().min(1, 'Hãy nhập tên đợt.|Enter a title.').max(300, 'Tên đợt dài quá 300 ký tự.|The title is longer than 300 characters.'),
  description: z.string().max(20_000, 'Nội dung dài quá 20.000 ký tự.|The content is longer than 20,000 characters.'),
  template: z.string().max(100),
  villageIds: z.array(z.string().min(1).max(100)).min(1, 'Hãy chọn ít nhất một thôn.|Choose at least one village.').max(2000),
  channels: z.array(z.enum(CHANNELS, { message: 'Kênh không hợp lệ.|Unknown channel.' })).min(1, 'Hãy chọn ít nhất một kênh.|Choose at least one channel.'),
  opensAt: dateField,
  closesAt: dateField,
});

/** The value a date input holds (yyyy-mm-dd) for an instant, in Vietnam time. */
const dateInput = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
const toDateInput = (iso: string | null | undefined) => (iso ? dateInput.format(new Date(iso)) : '');

function formValues(form: Record<string, string | string[]>): CampaignFormValues {
  return {
    kind: one(form.kind), category: one(form.category), title: one(form.title), description: one(form.description), template: one(form.template),
    villageIds: list(form.villageIds), communeScope: one(form.communeScope) === '1',
    channels: list(form.channels), advisoryOnline: one(form.advisoryOnline) === '1', secret: one(form.secret) === '1',
    opensAt: one(form.opensAt), closesAt: one(form.closesAt), seats: one(form.seats), candidates: one(form.candidates),
  };
}

const msg = (vi: string, en: string): Text => ({ vi, en });

/** "Tên; năm sinh; mã thôn", one candidate per line. */
function parseCandidates(text: string, villages: { id: string; code: string }[], chosen: string[]) {
  const errors: ErrorDetail[] = [];
  const candidates: NonNullable<CampaignInput['candidates']> = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  lines.forEach((line, i) => {
    const [name = '', year = '', code = ''] = line.split(/[;\t]/).map((p) => p.trim());
    const n = i + 1;
    if (!name) errors.push({ path: 'candidates', message: msg(`Dòng ${n}: thiếu họ và tên.`, `Line ${n}: the name is missing.`) });
    if (year && !/^\d{4}$/.test(year)) errors.push({ path: 'candidates', message: msg(`Dòng ${n}: năm sinh "${year}" phải là 4 chữ số.`, `Line ${n}: birth year "${year}" must be 4 digits.`) });
    let villageId: string | undefined;
    if (code) {
      villageId = villages.find((v) => v.code.toLowerCase() === code.toLowerCase())?.id;
      if (!villageId) errors.push({ path: 'candidates', message: msg(`Dòng ${n}: không có thôn mã "${code}".`, `Line ${n}: no village with code "${code}".`) });
    } else if (chosen.length === 1) villageId = chosen[0];
    else errors.push({ path: 'candidates', message: msg(`Dòng ${n}: hãy ghi mã thôn của người ứng cử.`, `Line ${n}: add the candidate's village code.`) });
    if (name && villageId) candidates.push({ id: `c${n}`, name, villageId, birthYear: year && /^\d{4}$/.test(year) ? Number(year) : null });
  });
  return { candidates, errors };
}

/** The form as the campaign service's input, or the form's own errors. */
function toInput(form: Record<string, string | string[]>, villages: { id: string; code: string }[]): { input?: CampaignInput; errors: ErrorDetail[] } {
  const v = formValues(form);
  const parsed = formSchema.safeParse(v);
  const errors: ErrorDetail[] = parsed.success ? [] : zodDetails(parsed.error);
  let seats: number | undefined;
  let candidates: CampaignInput['candidates'];
  if (v.kind === 'election') {
    seats = v.seats === '' ? 1 : Number(v.seats);
    if (!Number.isInteger(seats) || seats < 1 || seats > 100) errors.push({ path: 'seats', message: msg('Số người được bầu phải là số nguyên từ 1 đến 100.', 'Seats must be a whole number from 1 to 100.') });
    const r = parseCandidates(v.candidates, villages, v.villageIds);
    errors.push(...r.errors);
    candidates = r.candidates;
  }
  if (!parsed.success || errors.length) return { errors };
  const d = parsed.data;
  return {
    errors,
    input: {
      title: d.title, description: d.description, kind: d.kind as CampaignKind, category: (d.category || null) as Category | null,
      villageIds: d.villageIds, channels: d.channels as Channel[], template: d.template || undefined,
      // A date input means the whole day in Vietnam: from its first minute to its last.
      opensAt: d.opensAt ? `${d.opensAt}T00:00:00+07:00` : undefined,
      closesAt: d.closesAt ? `${d.closesAt}T23:59:59+07:00` : undefined,
      advisoryOnline: v.advisoryOnline || undefined, secret: v.secret || undefined,
      // explicit: commune-wide only when asked (docs/api.md "Campaigns")
      ...(v.communeScope ? { scope: 'commune' as const } : {}),
      ...(d.kind === 'election' ? { seats, candidates } : {}),
    },
  };
}

/** API paths ("villageIds.2", "candidates.0.villageId", "survey.q1") name the form's field. */
function formErrors(details: ErrorDetail[], lang: Lang): { path: string; message: string }[] {
  const FIELD: Record<string, string> = { survey: 'template', onlineApproval: 'channels', scope: 'communeScope' };
  return details.map((d) => {
    const [head = '', index] = d.path.split('.');
    const field = FIELD[head] ?? head;
    const line = head === 'candidates' && index !== undefined && /^\d+$/.test(index) ? (lang === 'vi' ? `Dòng ${Number(index) + 1}: ` : `Line ${Number(index) + 1}: `) : '';
    return { path: field, message: line + d.message[lang] };
  });
}

async function renderForm(
  c: AppContext, mode: 'new' | 'edit', values: CampaignFormValues, errors: ErrorDetail[], status: 200 | 409 | 422 = 200, campaignId?: string,
) {
  const deps = c.get('deps');
  const villages = await listVillageSummaries(deps, currentActor(c));
  const f = await frame(c);
  return c.html(
    <CampaignFormPage
      {...f} mode={mode} campaignId={campaignId} values={values} errors={formErrors(errors, f.lang)} templates={TEMPLATE_NAMES}
      villages={villages.map((v) => ({ id: v.id, code: v.code, name: v.name, households: v.households }))}
    />,
    status,
  );
}

async function saveForm(c: AppContext, mode: 'new' | 'edit', campaignId?: string) {
  const deps = c.get('deps');
  const actor = currentActor(c);
  const form = await formFields(c);
  const villages = await listVillageSummaries(deps, actor);
  const { input, errors } = toInput(form, villages);
  if (!input) return renderForm(c, mode, formValues(form), errors, 422, campaignId);
  try {
    const saved = mode === 'new' ? await createCampaign(deps, actor, input) : await updateCampaign(deps, actor, campaignId!, input);
    return c.redirect(`/staff/campaigns/${encodeURIComponent(saved.id)}?done=${mode === 'new' ? 'created' : 'saved'}`, 303);
  } catch (err) {
    if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return renderForm(c, mode, formValues(form), err.details, 422, campaignId);
    if (err instanceof AppError && err.code === 'INVALID_STATE') {
      return renderForm(c, mode, formValues(form), [{ path: 'title', message: err.text }], 409, campaignId);
    }
    throw err;
  }
}

/** A campaign as the staff pages show it; households of a draft (not yet frozen) come from the register. */
export function detailView(
  d: Awaited<ReturnType<typeof campaignDetail>>, registerHouseholds: (villageId: string) => number, villageName: (villageId: string) => string,
): CampaignDetailView {
  return {
    id: d.id, slug: d.slug, title: d.title, description: d.description, kind: d.kind, category: d.category, status: d.status,
    channels: d.channels, advisoryOnline: d.advisoryOnline, secret: d.secret, seats: d.seats, opensAt: d.opensAt, closesAt: d.closesAt,
    openedAt: d.openedAt, closedAt: d.closedAt, frozen: d.status !== 'draft', anonymousAnswers: d.anonymousAnswers,
    villages: d.villages.map((v) => ({
      villageId: v.villageId, code: v.code, name: v.name, households: v.households ?? registerHouseholds(v.villageId),
      online: v.online, paper: v.paper,
    })),
    candidates: d.candidates.map((k) => ({ name: k.name, birthYear: k.birthYear, villageName: villageName(k.villageId) })),
  };
}

async function renderDetail(
  c: AppContext,
  extra: { notice?: string; error?: string; step?: { values: Record<string, string>; errors: { path: string; message: string }[] } } = {},
  status: 200 | 409 | 422 = 200,
) {
  const deps = c.get('deps');
  const actor = currentActor(c);
  const id = c.req.param('id')!;
  const [d, overview, outreach, timeline] = await Promise.all([
    campaignDetail(deps, actor, id), printOverview(deps, actor, id), campaignOutreach(deps, actor, id, publicOrigin(c)),
    loadCampaignTimeline(deps, actor, id),
  ]);
  const canManage = actor.role === 'admin' || actor.role === 'staff';
  // A village head sees only their village; the detail service already filtered it.
  const visible = new Set(d.villages.map((v) => v.villageId));
  const counts = new Map(overview.villages.map((v) => [v.villageId, v]));
  const names = new Map(overview.villages.map((v) => [v.villageId, v.name]));
  const campaign = detailView(d, (v) => counts.get(v)?.households ?? 0, (v) => names.get(v) ?? '');
  const f = await frame(c);
  // One village in view (a village head's): its line at a glance; while ballots still come back, the list of those not back.
  const only = campaign.villages.length === 1 ? campaign.villages[0]! : null;
  const started = d.status !== 'draft';
  // households take part by a ballot of their own: counted by serial, so a line and a list of those not back make sense
  const byBallot = ballotsReturnByHousehold(d);
  return c.html(
    <CampaignDetailPage
      {...f} campaign={campaign} canManage={canManage} notice={extra.notice} error={extra.error}
      serials={canManage ? overview.villages.filter((v) => visible.has(v.villageId)) : undefined}
      outreach={outreachJson(outreach)}
      timeline={timelineJson(timeline)} stepValues={extra.step?.values} stepErrors={extra.step?.errors}
      glance={only && started && byBallot ? { village: only.name, glance: villageGlance(d, { households: only.households, tookPart: only.online + only.paper }, deps.clock()) } : undefined}
      notReturned={d.status === 'open' && byBallot ? { villageId: only?.villageId, village: only?.name } : undefined}
      records={canManage ? {
        onlineRecords: onlineRecordApplies(d), hdndReport: d.kind === 'consultation' && d.status === 'published', initiative: await initiativeOfCampaign(deps, id),
      } : undefined}
    />,
    status,
  );
}

function noticeFrom(c: AppContext): string | undefined {
  const done = c.req.query('done');
  const text = done ? NOTICES[done] : undefined;
  if (!text) return undefined;
  const n = c.req.query('n');
  return done === 'serials' && n && /^\d+$/.test(n) ? `${text[c.get('lang')]}: ${n}.` : text[c.get('lang')];
}

async function transition(c: AppContext, action: 'open' | 'close') {
  const id = c.req.param('id')!;
  try {
    await transitionCampaign(c.get('deps'), currentActor(c), id, action);
  } catch (err) {
    if (err instanceof AppError && err.code === 'INVALID_STATE') return renderDetail(c, { error: err.text[c.get('lang')] }, 409);
    throw err;
  }
  return c.redirect(`/staff/campaigns/${encodeURIComponent(id)}?done=${action === 'open' ? 'open' : 'closed'}`, 303);
}

export const campaignPages = new Hono<AppEnv>()
  .get('/staff/campaigns', readers, async (c) => {
    const actor = currentActor(c);
    const campaigns = await listCommuneCampaigns(c.get('deps'), actor);
    return c.html(<CampaignListPage {...await frame(c)} campaigns={campaigns} canCreate={actor.role === 'admin' || actor.role === 'staff'} />);
  })
  .get('/staff/campaigns/new', staff, async (c) => {
    const villages = await listVillageSummaries(c.get('deps'), currentActor(c));
    return renderForm(c, 'new', {
      kind: 'decision', category: '', title: '', description: '', template: '', villageIds: villages.map((v) => v.id), communeScope: false,
      channels: ['meeting', 'paper'], advisoryOnline: false, secret: false, opensAt: '', closesAt: '', seats: '1', candidates: '',
    }, []);
  })
  .post('/staff/campaigns/new', staff, (c) => saveForm(c, 'new'))
  .get('/staff/campaigns/:id', readers, async (c) => renderDetail(c, { notice: noticeFrom(c) }))
  .get('/staff/campaigns/:id/not-returned', readers, async (c) => {
    const r = await ballotsNotReturned(c.get('deps'), currentActor(c), c.req.param('id'), c.req.query('villageId') || undefined);
    return c.html(<NotReturnedPage {...await frame(c)} campaign={r.campaign} villages={r.villages} households={r.households} asOf={r.asOf} />);
  })
  .get('/staff/campaigns/:id/edit', staff, async (c) => {
    const d = await campaignDetail(c.get('deps'), currentActor(c), c.req.param('id'));
    if (d.status !== 'draft') return c.redirect(`/staff/campaigns/${encodeURIComponent(d.id)}`, 303);
    const codes = new Map(d.villages.map((v) => [v.villageId, v.code]));
    return renderForm(c, 'edit', {
      kind: d.kind, category: d.category ?? '', title: d.title, description: d.description, template: '',
      villageIds: d.villages.map((v) => v.villageId), communeScope: d.scope === 'commune', channels: d.channels, advisoryOnline: d.advisoryOnline, secret: d.secret,
      opensAt: toDateInput(d.opensAt), closesAt: toDateInput(d.closesAt), seats: String(d.seats ?? 1),
      candidates: d.candidates.map((k) => [k.name, k.birthYear ?? '', codes.get(k.villageId) ?? ''].join('; ')).join('\n'),
    }, [], 200, d.id);
  })
  .post('/staff/campaigns/:id/edit', staff, (c) => saveForm(c, 'edit', c.req.param('id')))
  .post('/staff/campaigns/:id/timeline', staff, async (c) => {
    const form = await textFields(c);
    const values = { fact: form.fact ?? '', doneOn: form.doneOn ?? '', untilOn: form.untilOn ?? '', note: form.note ?? '' };
    try {
      const input = parseInput(stepSchema, values);
      await recordStep(c.get('deps'), currentActor(c), c.req.param('id'), { ...input, doneOn: input.doneOn || null, untilOn: input.untilOn || null });
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
        const details = err.details.length ? err.details : [{ path: 'fact', message: err.text }];
        return renderDetail(c, { step: { values, errors: detailTexts(c, details) } }, 422);
      }
      throw err;
    }
    return c.redirect(`/staff/campaigns/${encodeURIComponent(c.req.param('id'))}?done=step#timeline`, 303);
  })
  .post('/staff/campaigns/:id/open', staff, (c) => transition(c, 'open'))
  .post('/staff/campaigns/:id/close', staff, (c) => transition(c, 'close'))
  .post('/staff/campaigns/:id/serials', staff, async (c) => {
    const id = c.req.param('id');
    try {
      const r = await issueSerials(c.get('deps'), currentActor(c), id);
      return c.redirect(`/staff/campaigns/${encodeURIComponent(id)}?done=serials&n=${r.issued}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'INVALID_STATE') return renderDetail(c, { error: err.text[c.get('lang')] }, 409);
      throw err;
    }
  })
  .get('/staff/campaigns/:id/kiosk', staff, async (c) => {
    const d = await campaignDetail(c.get('deps'), currentActor(c), c.req.param('id'));
    return c.html(<KioskPage {...await frame(c)} campaignId={d.id} title={d.title} />);
  })
  // A POST, not a link: a forged page must not turn a staff tablet into a kiosk.
  .post('/staff/campaigns/:id/kiosk', staff, async (c) => {
    const deps = c.get('deps');
    const { cookie, slug } = await enableKiosk(deps, currentActor(c), c.req.param('id'));
    // A working day at the counter; staff enable it again the next morning.
    setCookie(c, KIOSK_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'Lax', secure: deps.config.secureCookies, maxAge: 12 * 3600 });
    return c.redirect(`/s/${encodeURIComponent(slug)}?kiosk=1`, 303);
  })
  .get('/staff/print', staff, async (c) => renderPrint(c, {
    reprinted: c.req.query('reprinted') && c.req.query('village')
      ? { householdCode: c.req.query('reprinted')!, villageId: c.req.query('village')! }
      : undefined,
  }))
  // One household's lost ballot: a new serial, the old one revoked, then its one-ballot PDF.
  .post('/staff/print/reprint', staff, async (c) => {
    const form = await formFields(c);
    const campaignId = one(form.campaignId);
    const format = one(form.format) === 'A4' ? 'A4' : 'A5';
    const typed = one(form.householdCode).trim();
    const code = normalizeCode(typed);
    const refuse = (message: Text, status: 404 | 409 | 422) =>
      renderPrint(c, { campaignId, format, reprint: { householdCode: typed, error: message[c.get('lang')] } }, status);
    if (!code || code.length > 50) return refuse({ vi: 'Hãy nhập mã hộ như trong sổ hộ, ví dụ VK-DS-0042.', en: 'Enter the household code as in the register, e.g. VK-DS-0042.' }, 422);
    try {
      const r = await reprintSerial(c.get('deps'), currentActor(c), campaignId, code);
      const q = new URLSearchParams({ campaignId, format, reprinted: r.householdCode, village: r.villageId });
      return c.redirect(`/staff/print?${q}#reprint-title`, 303);
    } catch (err) {
      // an unknown household is said beside the field; an unknown campaign is the 404 page (renderPrint reads it again)
      if (err instanceof AppError && err.code === 'NOT_FOUND') return refuse(err.text, 404);
      if (err instanceof AppError && (err.code === 'ALREADY_USED' || err.code === 'INVALID_STATE')) return refuse(err.text, 409);
      throw err;
    }
  });

/** The print centre: a campaign's files per village, its poster, the reprint form, and a warning when QR codes would not open. */
async function renderPrint(
  c: AppContext,
  state: { campaignId?: string; format?: 'A4' | 'A5'; reprint?: { householdCode: string; error?: string }; reprinted?: { householdCode: string; villageId: string } } = {},
  status: 200 | 404 | 409 | 422 = 200,
) {
  const deps = c.get('deps');
  const actor = currentActor(c);
  const campaigns = await listCommuneCampaigns(deps, actor);
  const format = state.format ?? (c.req.query('format') === 'A4' ? 'A4' : 'A5');
  const id = state.campaignId ?? c.req.query('campaignId');
  const overview = id ? await printOverview(deps, actor, id) : undefined;
  const warning = qrOriginWarning(deps.config.publicUrl, publicOrigin(c));
  const api = overview ? `/api/v1/campaigns/${encodeURIComponent(overview.campaign.id)}` : '';
  const reprinted = overview && state.reprinted && overview.villages.some((v) => v.villageId === state.reprinted!.villageId)
    ? {
        householdCode: state.reprinted.householdCode,
        href: `${api}/ballots.pdf?${new URLSearchParams({ villageId: state.reprinted.villageId, householdCode: state.reprinted.householdCode, format })}`,
      }
    : undefined;
  return c.html(
    <PrintCentrePage
      {...await frame(c)} format={format} campaigns={campaigns.map((x) => ({ id: x.id, title: x.title, status: x.status }))}
      qrWarning={warning?.message[c.get('lang')]} reprint={state.reprint} reprinted={reprinted}
      selected={overview ? {
        id: overview.campaign.id, title: overview.campaign.title, kind: overview.campaign.kind, status: overview.campaign.status,
        posterOpensSurvey: posterPlan(overview.campaign).target === 'survey', forms: formsFor(overview.campaign.channels),
        villages: overview.villages,
      } : undefined}
    />,
    status,
  );
}
