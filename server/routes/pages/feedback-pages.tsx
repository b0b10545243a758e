import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/context';
import { currentActor } from '../../http/context';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { detailTexts, pageUser, staffPage } from '../../http/pages';
import { FEEDBACK_ASSIGNEES, FEEDBACK_CHANNELS, FEEDBACK_KINDS, FEEDBACK_STATUSES, type FeedbackAssignee, type FeedbackStatus } from '../../domain/feedback';
import { enterFeedback } from '../../services/submit-feedback';
import { feedbackDetail, feedbackFormOptions, feedbackPhoto, listFeedback } from '../../services/list-feedback';
import { feedbackRow } from './feedback-rows';
import { answerFeedback, assignFeedback, setFeedbackPublication } from '../../services/handle-feedback';
import { updateFeedbackSettings } from '../../services/feedback-settings';
import { runRetentionNow } from '../../services/feedback-retention';
import { vietnamToday } from '../../services/commune-calendar';
import type { StaffFrame } from '../../../web/views/campaigns/page';
import {
  FEEDBACK_NOTICES, FeedbackDetailPage, FeedbackListPage, FeedbackSettingsPage, PaperFeedbackPage, SETTINGS_TEXT,
} from '../../../web/views/feedback/staff';
import { pagePath } from './portal';
import { base32 } from '../../runtime/ids';

const READ = staffPage('admin', 'staff', 'inspector', 'village_head');
const ENTER = staffPage('admin', 'staff', 'village_head');
const OFFICE = staffPage('admin', 'staff');
const ANSWER = staffPage('admin', 'staff', 'inspector');
const ADMIN = staffPage('admin');

/** What every staff page of this area passes to the layout. */
export async function staffFrame(c: AppContext, communeName?: string): Promise<StaffFrame> {
  const u = pageUser(c);
  return { lang: u.lang, user: u.user, csrfToken: u.csrfToken, path: pagePath(c), commune: communeName };
}

/** A posted form's text fields (the CSRF check may have parsed it already; hono keeps that copy). */
async function fields(c: AppContext): Promise<{ values: Record<string, string>; photo: File | null }> {
  const body = await c.req.parseBody().catch(() => {
    throw new AppError('BAD_REQUEST', { vi: 'Biểu mẫu gửi lên không đọc được.', en: 'The form cannot be read.' });
  });
  const values: Record<string, string> = {};
  let photo: File | null = null;
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') values[k] = v.slice(0, 12_000);
    else if (k === 'photo' && v instanceof File && v.size > 0) photo = v;
  }
  return { values, photo };
}

const IN_PLACE = new Set(['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'INVALID_STATE', 'CONFLICT', 'FORBIDDEN']);
const statusFor = (err: AppError) => ({ VALIDATION_FAILED: 422, UNSUPPORTED_MEDIA_TYPE: 415, PAYLOAD_TOO_LARGE: 413, INVALID_STATE: 409, CONFLICT: 409, FORBIDDEN: 403 } as const)[err.code as 'CONFLICT'] ?? 422;

function errorsOf(c: AppContext, err: AppError, field: string) {
  const details: ErrorDetail[] = err.details.length ? err.details : [{ path: field, message: err.text }];
  return detailTexts(c, details);
}

async function renderDetail(c: AppContext, id: string, extra: { notice?: string; errors?: { path: string; message: string }[]; values?: Record<string, string> } = {}, status: 200 | 403 | 409 | 413 | 415 | 422 = 200) {
  const deps = c.get('deps');
  const actor = currentActor(c);
  const [d, options] = await Promise.all([feedbackDetail(deps, actor, id), feedbackFormOptions(deps, actor)]);
  const office = actor.role === 'admin' || actor.role === 'staff';
  return c.html(
    <FeedbackDetailPage
      {...await staffFrame(c, options.commune.name)}
      item={{
        ...feedbackRow(d.item), answer: d.item.answer, answeredOn: d.item.answeredOn, publicSummary: d.item.publicSummary, anonymisedAt: d.item.anonymisedAt,
        retentionEndsOn: d.item.retentionEndsOn, officerId: d.item.officerId, handles: d.item.handles, mayAnswer: d.item.mayAnswer, hasContact: d.item.hasContact,
        contact: d.item.contact, code: d.code, history: d.events.map((e) => ({ at: e.at, action: e.action, by: e.actorName, data: e.data })),
      }}
      canAssign={office} canPublish={office} departments={options.departments} officers={options.officers}
      notice={extra.notice} errors={extra.errors ?? []} values={extra.values ?? {}}
    />,
    status,
  );
}

const NOTICE: Record<string, keyof typeof FEEDBACK_NOTICES> = { created: 'created', assigned: 'assigned', answered: 'answered', published: 'published' };

async function act(c: AppContext, done: string, field: string, run: (values: Record<string, string>) => Promise<unknown>) {
  const id = c.req.param('id')!;
  const { values } = await fields(c);
  try {
    await run(values);
  } catch (err) {
    if (err instanceof AppError && IN_PLACE.has(err.code)) return renderDetail(c, id, { errors: errorsOf(c, err, field), values }, statusFor(err));
    throw err;
  }
  return c.redirect(`/staff/feedback/${encodeURIComponent(id)}?done=${done}`, 303);
}

async function renderSettings(c: AppContext, extra: { notice?: string; errors?: { path: string; message: string }[]; values?: { topics: string; departments: string; retentionDays: string } } = {}, status: 200 | 403 | 422 = 200) {
  const actor = currentActor(c);
  const o = await feedbackFormOptions(c.get('deps'), actor);
  const values = extra.values ?? { topics: o.settings.topics.join('\n'), departments: o.settings.departments.join('\n'), retentionDays: String(o.settings.retentionDays) };
  return c.html(
    <FeedbackSettingsPage
      {...await staffFrame(c, o.commune.name)} values={values} errors={extra.errors ?? []} notice={extra.notice}
      retentionRanAt={o.settings.retentionRanAt} retentionLastCount={o.settings.retentionLastCount} canEdit={actor.role === 'admin'} villages={o.villages}
    />,
    status,
  );
}

const lines = (s: string | undefined) => (s ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export const feedbackPages = new Hono<AppEnv>()
  .get('/staff/feedback', READ, async (c) => {
    const deps = c.get('deps');
    const actor = currentActor(c);
    const q = c.req.query();
    const status = FEEDBACK_STATUSES.includes(q.status as FeedbackStatus) ? (q.status as FeedbackStatus) : undefined;
    const [items, options] = await Promise.all([
      listFeedback(deps, actor, { status, villageId: q.villageId || undefined, overdue: q.overdue === '1' }), feedbackFormOptions(deps, actor),
    ]);
    return c.html(
      <FeedbackListPage
        {...await staffFrame(c, options.commune.name)} rows={items.map(feedbackRow)} villages={options.villages}
        filter={{ status: status ?? '', villageId: q.villageId ?? '', overdue: q.overdue === '1' }}
        canEnter={actor.role !== 'inspector'} canSettings={actor.role === 'admin'} canPrint={actor.role === 'admin' || actor.role === 'staff'} communeSlug={options.commune.slug}
      />,
    );
  })
  .get('/staff/feedback/new', ENTER, async (c) => {
    const o = await feedbackFormOptions(c.get('deps'), currentActor(c));
    return c.html(<PaperFeedbackPage {...await staffFrame(c, o.commune.name)} villages={o.villages} topics={o.topics} values={{ key: base32(c.get('deps').random(10), 16) }} errors={[]} today={vietnamToday(c.get('deps'))} />);
  })
  .post('/staff/feedback/new', ENTER, async (c) => {
    const deps = c.get('deps');
    const actor = currentActor(c);
    const { values, photo } = await fields(c);
    try {
      const channel = FEEDBACK_CHANNELS.find((ch) => ch !== 'online' && ch === values.channel);
      const kind = FEEDBACK_KINDS.find((k) => k === values.kind);
      if (!channel || !kind) {
        throw new AppError('VALIDATION_FAILED', undefined, [
          ...(channel ? [] : [{ path: 'channel', message: { vi: 'Hãy chọn ý kiến nhận qua đâu.', en: 'Choose how it was received.' } }]),
          ...(kind ? [] : [{ path: 'kind', message: { vi: 'Hãy chọn loại ý kiến.', en: 'Choose the kind.' } }]),
        ]);
      }
      const r = await enterFeedback(deps, actor, {
        channel: channel as 'paper', kind, receivedOn: values.receivedOn, villageId: values.villageId || null, topic: values.topic, text: values.text ?? '',
        name: values.name, phone: values.phone, consent: values.consent === '1', photo: photo ? new Uint8Array(await photo.arrayBuffer()) : null,
        idempotencyKey: values.key || undefined,
      });
      return c.redirect(`/staff/feedback/${encodeURIComponent(r.id)}?done=created`, 303);
    } catch (err) {
      if (err instanceof AppError && IN_PLACE.has(err.code)) {
        const o = await feedbackFormOptions(deps, actor);
        return c.html(
          <PaperFeedbackPage {...await staffFrame(c, o.commune.name)} villages={o.villages} topics={o.topics} values={values} errors={errorsOf(c, err, 'text')} today={vietnamToday(deps)} />,
          statusFor(err),
        );
      }
      throw err;
    }
  })
  .get('/staff/feedback/settings', OFFICE, async (c) => renderSettings(c, { notice: c.req.query('done') === 'saved' ? SETTINGS_TEXT.saved[c.get('lang')] : c.req.query('ran') ? SETTINGS_TEXT.ran[c.get('lang')].replace('{n}', c.req.query('ran')!.replace(/\D/g, '')) : undefined }))
  .post('/staff/feedback/settings', ADMIN, async (c) => {
    const { values } = await fields(c);
    const form = { topics: values.topics ?? '', departments: values.departments ?? '', retentionDays: values.retentionDays ?? '' };
    try {
      await updateFeedbackSettings(c.get('deps'), currentActor(c), {
        topics: lines(form.topics), departments: lines(form.departments), retentionDays: /^\d+$/.test(form.retentionDays.trim()) ? Number(form.retentionDays) : NaN,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return renderSettings(c, { errors: errorsOf(c, err, 'topics'), values: form }, 422);
      throw err;
    }
    return c.redirect('/staff/feedback/settings?done=saved', 303);
  })
  .post('/staff/feedback/retention', ADMIN, async (c) => {
    const r = await runRetentionNow(c.get('deps'), currentActor(c));
    return c.redirect(`/staff/feedback/settings?ran=${r.anonymised}`, 303);
  })
  .get('/staff/feedback/:id', READ, async (c) => {
    const done = c.req.query('done');
    const key = done ? NOTICE[done] : undefined;
    return renderDetail(c, c.req.param('id'), { notice: key ? FEEDBACK_NOTICES[key][c.get('lang')] : undefined });
  })
  .get('/staff/feedback/:id/photo', READ, async (c) => {
    const photo = await feedbackPhoto(c.get('deps'), currentActor(c), c.req.param('id'));
    return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': photo.mime,
      'Content-Length': String(photo.bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': `inline; filename="gop-y-${photo.id.replace(/[^A-Za-z0-9-]/g, '')}.${photo.mime === 'image/png' ? 'png' : 'jpg'}"`,
      // an uploaded file never runs or loads anything, even if a browser took it for a page
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    });
  })
  .post('/staff/feedback/:id/assign', OFFICE, (c) =>
    act(c, 'assigned', 'assignee', (v) => assignFeedback(c.get('deps'), currentActor(c), c.req.param('id'), {
      assignee: (FEEDBACK_ASSIGNEES.includes(v.assignee as FeedbackAssignee) ? v.assignee : 'department') as FeedbackAssignee,
      department: v.department || null, officerId: v.officerId || null, note: v.note,
    })))
  .post('/staff/feedback/:id/answer', ANSWER, (c) =>
    act(c, 'answered', 'answer', (v) => answerFeedback(c.get('deps'), currentActor(c), c.req.param('id'), {
      answer: v.answer ?? '', publish: v.publish === '1', publicSummary: v.publicSummary ?? null,
    })))
  .post('/staff/feedback/:id/publication', OFFICE, (c) =>
    act(c, 'published', 'publicSummary', (v) => setFeedbackPublication(c.get('deps'), currentActor(c), c.req.param('id'), {
      publish: v.publish === '1', publicSummary: v.publicSummary ?? null,
    })));

