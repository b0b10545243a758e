import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './context';
import type { AppDeps } from '../services/deps';
import { AppError } from '../domain/errors';
import type { Lang } from '../domain/i18n';
import { sessionOf } from '../services/sessions';
import type { Role } from '../domain/actor';
import { base32 } from '../runtime/ids';

export const SESSION_COOKIE = 'danban_session';
export const LANG_COOKIE = 'lang';

export function injectDeps(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    c.set('requestId', base32(deps.random(8), 12));
    const q = c.req.query('lang');
    const lang: Lang = q === 'en' || q === 'vi' ? q : getCookie(c, LANG_COOKIE) === 'en' ? 'en' : 'vi';
    c.set('lang', lang);
    // A page's own ?lang= link (the language switch of a view given no path) sticks, like /lang does.
    if ((q === 'en' || q === 'vi') && getCookie(c, LANG_COOKIE) !== q) {
      setCookie(c, LANG_COOKIE, q, { path: '/', sameSite: 'Lax', httpOnly: true, secure: deps.config.secureCookies, maxAge: 365 * 24 * 3600 });
    }
    c.set('session', null);
    await next();
  };
}

// A strict policy: no inline script or style anywhere, so an injected string
// can never run. Referrer is off so a ballot URL never leaks its serial.
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const h = c.res.headers;
  // A route may set a stricter policy of its own (uploaded photos: default-src 'none').
  if (!h.has('Content-Security-Policy')) h.set(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
      "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  );
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'no-referrer');
  h.set('X-Frame-Options', 'DENY');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
  h.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
  if (c.get('deps').config.secureCookies) h.set('Strict-Transport-Security', 'max-age=31536000');
  if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
};

export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token && token.length < 200) {
    const session = await sessionOf(c.get('deps'), token);
    if (session) c.set('session', session);
  }
  await next();
};

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
/** No request body is larger: the biggest are register files (25 MiB, 100,000 households) and tally-sheet photos (10 MiB). */
export const MAX_BODY_BYTES = 26 * 1024 * 1024;
const PUBLIC_FORMS = ['/b', '/s', '/verify'];

/** The media type without its parameters: `text/plain; x=json` is text/plain. */
const essence = (type: string) => type.split(';')[0]!.trim();

/**
 * CSRF. Any request whose Origin is another site, or whose Sec-Fetch-Site is
 * cross-site, is refused outright. Beyond that, every unsafe request a
 * browser sends with a session cookie must carry the session's token (the
 * `_csrf` field of a form, or the X-CSRF-Token header), whatever its body or
 * lack of one, unless it is JSON: a page of another origin cannot send JSON
 * without a CORS preflight, which this app never grants. `Origin: null` (a
 * sandboxed frame, a redirect, a page under Referrer-Policy: no-referrer) and
 * Sec-Fetch-Site: same-site (a sibling subdomain) prove nothing, so they need
 * the token like anything else; the app's own forms post it. A request that
 * carries none of the headers every current browser sends (Origin,
 * Sec-Fetch-Site) comes from a script, not from a victim's browser.
 */
export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  // (the request's own origin is worked out only when there is an Origin to compare)
  if ((origin && origin !== 'null' && site !== 'same-origin' && origin !== new URL(c.req.url).origin) || site === 'cross-site') {
    throw new AppError('CSRF_FAILED');
  }
  const session = c.get('session');
  const browser = origin !== undefined || site !== undefined;
  // The citizen's forms act with no session authority (a ballot's serial is
  // its own credential), so a signed-in village head can still vote for
  // their own household from the same phone.
  const publicForm = PUBLIC_FORMS.some((p) => c.req.path === p || c.req.path.startsWith(`${p}/`));
  if (!session || !browser || publicForm) return next();
  const type = essence((c.req.header('content-type') ?? '').toLowerCase());
  if (type === 'application/json' || type.endsWith('+json')) return next();
  let token = c.req.header('x-csrf-token');
  if (!token && FORM_TYPES.includes(type)) {
    // The token sits in the body, so the body is read here: cap it first
    // (uploads are at most 10 MiB), or a form could make the server buffer anything.
    if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const v = (body as Record<string, unknown>)['_csrf'];
    token = typeof v === 'string' ? v : undefined;
  }
  if (token !== session.csrfToken) throw new AppError('CSRF_FAILED');
  return next();
};

const limitStreamedBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new AppError('PAYLOAD_TOO_LARGE');
  },
});

/**
 * Refuses any body over MAX_BODY_BYTES. A declared length is checked from
 * the header alone (touching the body here would make @hono/node-server build
 * a full web Request for every request); a body streamed without a length is
 * counted as it arrives.
 */
export const limitBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
  const declared = c.req.header('content-length');
  if (declared !== undefined) {
    if (Number(declared) > MAX_BODY_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    return next();
  }
  return limitStreamedBody(c, next);
};

/** Requires a session with one of the roles; 401 without a session, 403 with the wrong role. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const s = c.get('session');
    if (!s) throw new AppError('UNAUTHORIZED');
    if (!roles.includes(s.actor.role)) throw new AppError('FORBIDDEN');
    await next();
  };
}
