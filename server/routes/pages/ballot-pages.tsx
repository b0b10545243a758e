import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppContext, AppEnv } from '../../http/context';
import { AppError } from '../../domain/errors';
import { statusOf } from '../../http/errors';
import { readBytes } from '../../http/body';
import { parseSerial } from '../../domain/serial';
import { formToAnswers, type FormFields } from '../../domain/survey/form-data';
import { ballotForm } from '../../services/ballot-form';
import { castBallot } from '../../services/cast-ballot';
import { verifyReceipt } from '../../services/verify-receipt';
import { anonymousCampaign, submitAnonymous } from '../../services/submit-anonymous';
import { isKioskFor, KIOSK_COOKIE } from '../../services/kiosk-token';
import { base32 } from '../../runtime/ids';
import { clientKey } from '../../http/client-address';
import {
  AnonymousSurveyPage, AnonymousThanksPage, BallotPage, BallotStatePage, ReceiptPage, SerialEntryPage, VerifyPage,
} from '../../../web/views/ballot/pages';

const FORM_LIMIT = 64 * 1024;
export const DEVICE_COOKIE = 'danban_device';

/** The fields of a url-encoded form post (at most 64 KiB); repeated names become lists. */
async function readForm(c: AppContext): Promise<FormFields> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const params = new URLSearchParams(new TextDecoder().decode(await readBytes(c, FORM_LIMIT)));
  const fields: FormFields = {};
  for (const [k, v] of params) {
    const prev = fields[k];
    fields[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return fields;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

const SERIAL_REASON = {
  length: { vi: 'Mã phiếu phải có đúng 11 ký tự (chữ và số).', en: 'The code has exactly 11 letters and digits.' },
  character: { vi: 'Mã phiếu chỉ gồm chữ số và chữ cái (không có chữ U).', en: 'The code has only digits and letters (no U).' },
  check: { vi: 'Có ký tự bị gõ nhầm: ký tự kiểm tra cuối mã không khớp. Vui lòng so lại với mã in trên phiếu.', en: 'A character is mistyped: the last (check) character does not match. Compare with the printed code.' },
};

export const ballotPages = new Hono<AppEnv>()
  .get('/b', (c) => c.html(<SerialEntryPage lang={c.get('lang')} path="/b" />))
  .post('/b', async (c) => {
    const lang = c.get('lang');
    const typed = one((await readForm(c)).serial);
    const parsed = parseSerial(typed);
    if (!parsed.ok) return c.html(<SerialEntryPage lang={lang} path="/b" value={typed} error={SERIAL_REASON[parsed.reason][lang]} />, 422);
    return c.redirect(`/b/${parsed.serial}`, 303);
  })
  .get('/b/:serial', async (c) => {
    const lang = c.get('lang');
    const path = new URL(c.req.url).pathname;
    let form;
    try {
      form = await ballotForm(c.get('deps'), c.req.param('serial'), clientKey(c));
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return c.html(<BallotStatePage lang={lang} path={path} kind="not_found" />, 404);
      throw err;
    }
    const { campaign } = form;
    if (form.state !== 'open') {
      return c.html(
        <BallotStatePage
          lang={lang} path={path} kind={form.state} title={campaign.title} description={campaign.description}
          opensAt={campaign.opensAt} resultsHref={campaign.status === 'published' ? `/r/${campaign.slug}` : null}
        />,
        form.state === 'used' ? 409 : 200,
      );
    }
    return c.html(
      <BallotPage
        lang={lang} path={path} title={campaign.title} description={campaign.description} survey={form.survey}
        action={path} advisory={form.advisory} secret={campaign.secret} closesAt={campaign.closesAt}
        idempotencyKey={base32(c.get('deps').random(12), 19)}
      />,
    );
  })
  .post('/b/:serial', async (c) => {
    const deps = c.get('deps');
    const lang = c.get('lang');
    const path = new URL(c.req.url).pathname;
    const fields = await readForm(c);
    const form = await ballotForm(deps, c.req.param('serial'), clientKey(c)).catch((err) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    });
    if (!form) return c.html(<BallotStatePage lang={lang} path={path} kind="not_found" />, 404);
    const answers = formToAnswers(form.survey, fields);
    const idem = one(fields._idem).slice(0, 64) || undefined;
    try {
      const { receipt } = await castBallot(deps, { serial: c.req.param('serial'), answers, idempotencyKey: idem, client: clientKey(c), found: form.found });
      return c.html(<ReceiptPage lang={lang} path={path} title={form.campaign.title} receipt={receipt} />, 201);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const { campaign } = form;
      if (err.code === 'VALIDATION_FAILED') {
        return c.html(
          <BallotPage
            lang={lang} path={path} title={campaign.title} description={campaign.description} survey={form.survey}
            action={path} advisory={form.advisory} secret={campaign.secret} closesAt={campaign.closesAt}
            idempotencyKey={idem ?? base32(deps.random(12), 19)} answers={answers}
            errors={err.details.map((d) => ({ question: d.path, message: d.message }))}
          />,
          422,
        );
      }
      if (err.code === 'ALREADY_USED') return c.html(<BallotStatePage lang={lang} path={path} kind="used" title={campaign.title} />, 409);
      if (err.code === 'INVALID_STATE') return c.html(<BallotStatePage lang={lang} path={path} kind="closed" title={campaign.title} />, 409);
      if (err.code === 'CHANNEL_NOT_ALLOWED') {
        return c.html(<BallotStatePage lang={lang} path={path} kind="paper_only" title={campaign.title} description={campaign.description} />, 403);
      }
      throw err;
    }
  })
  .get('/verify', async (c) => {
    const lang = c.get('lang');
    const code = (c.req.query('code') ?? '').trim();
    if (!code) return c.html(<VerifyPage lang={lang} path="/verify" />);
    const r = await verifyReceipt(c.get('deps'), code, clientKey(c));
    if (r.limited) throw new AppError('RATE_LIMITED');
    return c.html(
      <VerifyPage
        lang={lang} path="/verify" code={code}
        result={r.found ? { found: true, title: r.campaign.title, recordedOn: r.recordedOn, channel: r.channel } : { found: false }}
      />,
      r.found ? 200 : 404,
    );
  })
  .get('/s/:slug', async (c) => {
    const deps = c.get('deps');
    const campaign = await anonymousCampaign(deps, c.req.param('slug'));
    const kiosk = await isKiosk(c, campaign.id);
    let device = getCookie(c, DEVICE_COOKIE);
    if (!device) {
      device = base32(deps.random(16), 25);
      setCookie(c, DEVICE_COOKIE, device, {
        httpOnly: true, sameSite: 'Lax', path: '/s', secure: deps.config.secureCookies, maxAge: 400 * 86_400,
      });
    }
    const path = new URL(c.req.url).pathname;
    return c.html(
      <AnonymousSurveyPage
        lang={c.get('lang')} path={path} title={campaign.title} description={campaign.description} survey={campaign.survey}
        action={kiosk ? `${path}?kiosk=1` : path} kiosk={kiosk} seed={kiosk ? undefined : device}
        notice={campaign.status !== 'open' ? (c.get('lang') === 'vi' ? 'Khảo sát này hiện không nhận ý kiến.' : 'This survey is not taking answers now.') : undefined}
      />,
    );
  })
  .post('/s/:slug', async (c) => {
    const deps = c.get('deps');
    const lang = c.get('lang');
    const slug = c.req.param('slug');
    const campaign = await anonymousCampaign(deps, slug);
    const kiosk = await isKiosk(c, campaign.id);
    const fields = await readForm(c);
    const answers = formToAnswers(campaign.survey, fields);
    const path = `/s/${slug}`;
    const again = kiosk ? `${path}?kiosk=1` : path;
    try {
      await submitAnonymous(deps, {
        slug, answers, kiosk, client: clientKey(c), deviceToken: getCookie(c, DEVICE_COOKIE),
        dossierCode: typeof answers.dossierCode === 'string' ? answers.dossierCode : undefined,
      });
      return c.html(<AnonymousThanksPage lang={lang} path={path} again={again} kiosk={kiosk} />, 201);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const errors = err.code === 'VALIDATION_FAILED' ? err.details.map((d) => ({ question: d.path, message: d.message })) : undefined;
      return c.html(
        <AnonymousSurveyPage
          lang={lang} path={path} title={campaign.title} description={campaign.description} survey={campaign.survey}
          action={again} kiosk={kiosk} answers={answers} errors={errors} notice={errors ? undefined : err.text[lang]}
          seed={kiosk ? undefined : getCookie(c, DEVICE_COOKIE)}
        />,
        statusOf(err) as 409,
      );
    }
  });

/** A tablet at the one-stop counter that staff switched to kiosk mode for this campaign. */
async function isKiosk(c: AppContext, campaignId: string): Promise<boolean> {
  return c.req.query('kiosk') === '1' && isKioskFor(c.get('deps'), getCookie(c, KIOSK_COOKIE), campaignId);
}
