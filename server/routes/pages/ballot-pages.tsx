import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppContext, AppEnv } from '../../http/context';
import { AppError } from '../../domain/errors';
import { statusOf } from '../../http/errors';
import { readBytes } from '../../http/body';
import { parseSerial } from '../../domain/serial';
import { formToAnswers, type FormFields } from '../../domain/survey/form-data';
import { ballotForm, type BallotForm } from '../../services/ballot-form';
import { castBallot } from '../../services/cast-ballot';
import { receiptPage, verifyReceipt } from '../../services/verify-receipt';
import type { SurveyFormError } from '../../../web/views/survey-form';
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
        idempotencyKey={base32(c.get('deps').random(12), 19)} {...ballotContext(form)}
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
      // Post, then redirect, then get: the receipt has its own address, so reloading it or going
      // Back never offers to send the form again, and it can be shared (it names no household).
      return c.redirect(`/receipt/${encodeURIComponent(receipt)}`, 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const { campaign } = form;
      if (err.code === 'VALIDATION_FAILED') {
        return c.html(
          <BallotPage
            lang={lang} path={path} title={campaign.title} description={campaign.description} survey={form.survey}
            action={path} advisory={form.advisory} secret={campaign.secret} closesAt={campaign.closesAt}
            idempotencyKey={idem ?? base32(deps.random(12), 19)} answers={answers} {...ballotContext(form)}
            errors={fieldErrors(err)}
          />,
          422,
          // Kept by the phone's own browser (never a shared cache), so after the ballot is sent, Back shows this
          // page again instead of "Confirm Form Resubmission" even without JavaScript (which rewrites the history
          // entry instead). Not for a secret ballot: its answers are not left on the device.
          campaign.secret ? undefined : { 'Cache-Control': 'private, no-cache' },
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
  .get('/receipt/:code', async (c) => {
    const lang = c.get('lang');
    const code = c.req.param('code').slice(0, 40);
    const r = await receiptPage(c.get('deps'), code, clientKey(c));
    if (r.limited) throw new AppError('RATE_LIMITED');
    if (!r.found) return c.html(<VerifyPage lang={lang} path="/verify" code={code} result={{ found: false }} />, 404);
    return c.html(
      <ReceiptPage
        lang={lang} path={`/receipt/${encodeURIComponent(code)}`} title={r.campaign.title} receipt={code.toUpperCase()}
        recordedOn={r.recordedOn} commune={r.commune} resultsDue={r.resultsDue}
      />,
    );
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
  .get('/s/:slug/thanks', async (c) => {
    const slug = c.req.param('slug');
    const campaign = await anonymousCampaign(c.get('deps'), slug);
    const kiosk = await isKiosk(c, campaign.id);
    const path = `/s/${slug}`;
    return c.html(<AnonymousThanksPage lang={c.get('lang')} path={path} again={kiosk ? `${path}?kiosk=1` : path} kiosk={kiosk} />);
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
      // Post, then redirect: a reload of the thanks page sends nothing again.
      return c.redirect(kiosk ? `${path}/thanks?kiosk=1` : `${path}/thanks`, 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const errors = err.code === 'VALIDATION_FAILED' ? fieldErrors(err) : undefined;
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

/** What the ballot page shows around the form: whose ballot, the commune, when the results come. */
function ballotContext(form: BallotForm) {
  return { holder: form.holder, commune: form.commune, resultsDue: form.resultsDue, paperToo: form.campaign.channels.includes('paper') };
}

/**
 * A refused form's errors as the page shows them: each beside its question
 * (which the page already titles), so in the words without the title.
 */
function fieldErrors(err: AppError): SurveyFormError[] {
  return err.details.map((d) => ({ question: d.path, message: d.beside ?? d.message }));
}

/** A tablet at the one-stop counter that staff switched to kiosk mode for this campaign. */
async function isKiosk(c: AppContext, campaignId: string): Promise<boolean> {
  return c.req.query('kiosk') === '1' && isKioskFor(c.get('deps'), getCookie(c, KIOSK_COOKIE), campaignId);
}
