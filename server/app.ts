import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from './services/deps';
import type { AppEnv } from './http/context';
import { AppError } from './domain/errors';
import { statusOf, errorBody } from './http/errors';
import { injectDeps, securityHeaders, loadSession, csrfProtection, limitBody } from './http/middleware';
import { ErrorPage } from '../web/views/layout';
import { healthRoutes } from './routes/health';
import { staticRoutes } from './routes/static';
import { authRoutes } from './routes/auth';
import { registerRoutes } from './routes/register';
import { campaignRoutes } from './routes/campaigns';
import { ballotRoutes } from './routes/ballots';
import { tallyRoutes } from './routes/tallies';
import { resultRoutes } from './routes/results';
import { printRoutes } from './routes/print';
import { authPages } from './routes/pages/auth-pages';
import { registerPages } from './routes/pages/register-pages';
import { portalPages } from './routes/pages/portal';
import { campaignPages } from './routes/pages/campaign-pages';
import { resultsPages } from './routes/pages/results-pages';
import { ballotPages } from './routes/pages/ballot-pages';
import { themePages } from './routes/pages/theme-pages';
import { tallyPages } from './routes/pages/tally-pages';
import { feedbackRoutes } from './routes/feedback';
import { dialogueRoutes } from './routes/dialogues';
import { outreachRoutes } from './routes/outreach';
import { scorecardRoutes } from './routes/scorecard';
import { timelineRoutes } from './routes/timeline';
import { timelinePages } from './routes/pages/timeline-pages';
import { feedbackPublicPages } from './routes/pages/feedback-public-pages';
import { feedbackPages } from './routes/pages/feedback-pages';
import { dialoguePages } from './routes/pages/dialogue-pages';
import { outreachPages } from './routes/pages/outreach-pages';
import { scorecardPages } from './routes/pages/scorecard-pages';
import { recognitionRoutes } from './routes/recognition';
import { recognitionPages } from './routes/pages/recognition-pages';
import { recordRoutes } from './routes/records';
import { recordPages } from './routes/pages/record-pages';

/** The one place where middleware and routes are assembled, for every runtime. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use('*', injectDeps(deps));
  app.use('*', securityHeaders);
  app.use('*', limitBody);
  app.use('*', loadSession);
  app.use('*', csrfProtection);

  for (const routes of [
    healthRoutes, staticRoutes, authRoutes, registerRoutes, campaignRoutes, ballotRoutes, tallyRoutes, resultRoutes,
    printRoutes, authPages, registerPages, portalPages, campaignPages, resultsPages, ballotPages, tallyPages, themePages,
    feedbackRoutes, dialogueRoutes, outreachRoutes, scorecardRoutes, feedbackPublicPages, feedbackPages, dialoguePages, outreachPages,
    scorecardPages, timelineRoutes, timelinePages, recognitionRoutes, recognitionPages, recordRoutes, recordPages,
  ]) {
    app.route('/', routes);
  }

  app.notFound(() => {
    throw new AppError('NOT_FOUND');
  });

  app.onError((err, c) => {
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (err instanceof HTTPException && err.status === 413) appError = new AppError('PAYLOAD_TOO_LARGE');
    else if (err instanceof HTTPException && err.status < 500) appError = new AppError('BAD_REQUEST');
    else {
      // 5xx reveal nothing internal; the log keeps the cause with the request id.
      console.error(`[${c.get('requestId')}]`, err);
      appError = new AppError('INTERNAL');
    }
    const lang = c.get('lang') ?? 'vi';
    const requestId = c.get('requestId') ?? '-';
    const wantsHtml = !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html');
    if (wantsHtml) {
      const url = new URL(c.req.url);
      // A staff page opened without a session goes to the sign-in form, then back.
      if (statusOf(appError) === 401 && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
        return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
      }
      return c.html(ErrorPage({ lang, status: statusOf(appError), message: appError.text[lang], requestId, path: url.pathname + url.search }), statusOf(appError) as 400);
    }
    return c.json(errorBody(appError, lang, requestId), statusOf(appError) as 400);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
