import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/context';
import { AppError } from '../../domain/errors';
import { FEEDBACK_KINDS, type FeedbackKind } from '../../domain/feedback';
import { clientKey } from '../../http/client-address';
import { detailTexts } from '../../http/pages';
import { submitOnlineFeedback } from '../../services/submit-feedback';
import { cleanCode, eraseSenderContact, senderData, trackFeedback } from '../../services/track-feedback';
import { feedbackCommunes, feedbackFormData, publicFeedbackPage, recommendationDeadline } from '../../services/public-feedback';
import { publicDialogue } from '../../services/manage-dialogues';
import {
  CodeEntryPage, CommuneChoicePage, CommuneFeedbackPage, FeedbackFormPage, FeedbackStatusPage, PublicDialoguePage, SenderDataPage,
  type FeedbackFormValues,
} from '../../../web/views/feedback/public';
import { pagePath } from './portal';
import { base32 } from '../../runtime/ids';

// The citizen's side of feedback: the form the hòm thư góp ý QR opens, the
// tracking page, the sender's own data, and the commune's public pages.

/** Errors a form shows in place; anything else is the error page. */
const IN_PLACE = new Set(['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE']);

function formErrors(c: AppContext, err: AppError) {
  const details = detailTexts(c, err.details);
  return details.length ? details : [{ path: 'text', message: err.text[c.get('lang')] }];
}

async function renderForm(c: AppContext, values: FeedbackFormValues, errors: { path: string; message: string }[], counter: boolean, status: 200 | 413 | 415 | 422 = 200, key?: string) {
  const lang = c.get('lang');
  const data = await feedbackFormData(c.get('deps'), c.req.param('slug')!);
  const deadline = recommendationDeadline();
  const deadlineNote = deadline.days === null ? null : lang === 'vi'
    ? `Xã trả lời trong ${deadline.days} ngày (${deadline.article}).`
    : `The commune answers within ${deadline.days} days (${deadline.article}).`;
  return c.html(
    <FeedbackFormPage
      lang={lang} path={pagePath(c)} commune={{ name: data.commune.name, slug: data.commune.slug }} villages={data.villages} topics={data.topics}
      values={values} errors={errors} counter={counter} deadlineNote={deadlineNote} csrfToken={c.get('session')?.csrfToken}
      submissionKey={key || base32(c.get('deps').random(10), 16)}
    />,
    status,
  );
}

const text = (body: Record<string, unknown>, k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');

export const feedbackPublicPages = new Hono<AppEnv>()
  .get('/gop-y', async (c) => {
    const communes = await feedbackCommunes(c.get('deps'));
    if (communes.length === 1) return c.redirect(`/gop-y/${encodeURIComponent(communes[0]!.slug)}`, 303);
    return c.html(<CommuneChoicePage lang={c.get('lang')} path={pagePath(c)} communes={communes} />);
  })
  .get('/gop-y/:slug', async (c) => {
    const data = await feedbackFormData(c.get('deps'), c.req.param('slug'));
    const thon = c.req.query('thon');
    const village = thon ? data.villages.find((v) => v.code.toLowerCase() === thon.toLowerCase()) : undefined;
    return renderForm(c, { kind: '', villageId: village?.id ?? '', topic: '', text: '', name: '', phone: '', consent: false }, [], c.req.query('noi') === 'mot-cua');
  })
  .post('/gop-y/:slug', async (c) => {
    const body = await c.req.parseBody().catch(() => {
      throw new AppError('BAD_REQUEST', { vi: 'Biểu mẫu gửi lên không đọc được.', en: 'The form cannot be read.' });
    });
    const kind = text(body, 'kind');
    const values: FeedbackFormValues = {
      kind, villageId: text(body, 'villageId'), topic: text(body, 'topic'), text: text(body, 'text'), name: text(body, 'name'), phone: text(body, 'phone'),
      consent: text(body, 'consent') === '1',
    };
    const counter = text(body, 'noi') === 'mot-cua';
    const file = body['photo'];
    try {
      if (!FEEDBACK_KINDS.includes(kind as FeedbackKind)) {
        throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'kind', message: { vi: 'Hãy chọn loại ý kiến.', en: 'Choose the kind.' } }]);
      }
      const r = await submitOnlineFeedback(c.get('deps'), {
        communeSlug: c.req.param('slug'), kind: kind as FeedbackKind, villageId: values.villageId || null, topic: values.topic, text: values.text,
        name: values.name, phone: values.phone, consent: values.consent, client: clientKey(c),
        photo: file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null, idempotencyKey: text(body, 'key') || undefined,
      });
      return c.redirect(`/g/${r.code}?moi=1`, 303);
    } catch (err) {
      if (err instanceof AppError && IN_PLACE.has(err.code)) {
        return renderForm(c, values, formErrors(c, err), counter, err.code === 'VALIDATION_FAILED' ? 422 : err.code === 'PAYLOAD_TOO_LARGE' ? 413 : 415, text(body, 'key'));
      }
      throw err;
    }
  })
  .get('/g', (c) => {
    const typed = c.req.query('code');
    if (typed === undefined) return c.html(<CodeEntryPage lang={c.get('lang')} path={pagePath(c)} />);
    const code = cleanCode(typed);
    if (code) return c.redirect(`/g/${code}`, 303);
    const lang = c.get('lang');
    const error = lang === 'vi' ? 'Mã chưa đúng: mã gồm 11 chữ và số; hãy kiểm tra lại từng ký tự.' : 'That is not a code: it has 11 letters and digits; check each one.';
    return c.html(<CodeEntryPage lang={lang} path={pagePath(c)} value={typed} error={error} />, 422);
  })
  .get('/g/:code', async (c) => {
    const view = await trackFeedback(c.get('deps'), c.req.param('code'), clientKey(c));
    return c.html(<FeedbackStatusPage lang={c.get('lang')} path={pagePath(c)} view={view} justSent={c.req.query('moi') === '1'} />);
  })
  .get('/g/:code/du-lieu', (c) => c.html(<SenderDataPage lang={c.get('lang')} path={pagePath(c)} code={c.req.param('code')} csrfToken={c.get('session')?.csrfToken} />))
  .post('/g/:code/du-lieu', async (c) => {
    const body = await c.req.parseBody();
    const tail = text(body, 'phoneTail');
    const props = { lang: c.get('lang'), path: pagePath(c), code: c.req.param('code'), tail, csrfToken: c.get('session')?.csrfToken };
    try {
      const data = await senderData(c.get('deps'), c.req.param('code'), tail, clientKey(c));
      return c.html(<SenderDataPage {...props} data={data} />);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return c.html(<SenderDataPage {...props} error={err.details[0]?.message[props.lang] ?? err.text[props.lang]} />, 422);
      throw err;
    }
  })
  .post('/g/:code/xoa', async (c) => {
    const body = await c.req.parseBody();
    const tail = text(body, 'phoneTail');
    const props = { lang: c.get('lang'), path: pagePath(c), code: c.req.param('code'), tail, csrfToken: c.get('session')?.csrfToken };
    try {
      await eraseSenderContact(c.get('deps'), c.req.param('code'), tail, clientKey(c));
      const data = await senderData(c.get('deps'), c.req.param('code'), '', clientKey(c));
      return c.html(<SenderDataPage {...props} data={data} erased />);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return c.html(<SenderDataPage {...props} error={err.details[0]?.message[props.lang] ?? err.text[props.lang]} />, 422);
      throw err;
    }
  })
  .get('/x/:slug/gop-y', async (c) => {
    const view = await publicFeedbackPage(c.get('deps'), c.req.param('slug'));
    return c.html(<CommuneFeedbackPage lang={c.get('lang')} path={pagePath(c)} view={{ ...view, commune: { name: view.commune.name, slug: view.commune.slug } }} />);
  })
  .get('/x/:slug/doi-thoai/:id', async (c) => {
    const view = await publicDialogue(c.get('deps'), c.req.param('slug'), c.req.param('id'));
    return c.html(<PublicDialoguePage lang={c.get('lang')} path={pagePath(c)} view={{ ...view, commune: { name: view.commune.name, slug: view.commune.slug } }} />);
  });
