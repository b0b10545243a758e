import { Hono } from 'hono';
import { staffPage, pageUser } from '../../http/pages';
import { z } from 'zod';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv, AppContext } from '../../http/context';
import { currentActor } from '../../http/context';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { statusOf } from '../../http/errors';
import { parseInput } from '../../http/validation';
import { readBytes } from '../../http/body';
import { SESSION_COOKIE } from '../../http/middleware';
import { base32 } from '../../runtime/ids';
import { signIn, signOut } from '../../services/sessions';
import { createUser, NAME_REQUIRED } from '../../services/create-user';
import { updateUser } from '../../services/update-user';
import { listCommuneUsers, listAccountVillages } from '../../services/list-users';
import { listAllCommunes } from '../../services/list-communes';
import { auditCommune, parseAnchors } from '../../services/audit-anchor';
import { provinceAuditOverview } from '../../services/province-audit';
import { PROVINCE_CHAIN, type OutsideAnchor } from '../../domain/audit-chain';
import { auditLog } from '../../services/audit-log';
import { createUserSchema, setSessionCookie } from '../auth';
import { clientKey } from '../../http/client-address';
import { safeBack } from '../../domain/return-path';
import { LoginPage } from '../../../web/views/auth/login';
import { AccountsPage, ACCOUNT_TEXT } from '../../../web/views/auth/accounts';
import { AuditPage, ProvinceAuditPage } from '../../../web/views/auth/audit';

// Before sign-in there is no session token to put in the form, so the login
// form is guarded by a double-submit cookie: a cross-site page can post the
// form but can neither read nor set this cookie.
const LOGIN_CSRF_COOKIE = 'danban_login_csrf';
const FORM_LIMIT = 16 * 1024;

const loginForm = z.object({
  username: z.string().trim().min(1, 'Hãy nhập tên đăng nhập.|Enter your username.').max(100),
  password: z.string().min(1, 'Hãy nhập mật khẩu.|Enter your password.').max(200),
});

/** A form body as strings (files are ignored), read with a size cap so an anonymous post cannot be huge. */
async function formFields(c: AppContext): Promise<Record<string, string>> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return {};
  let data: FormData | Record<string, unknown>;
  if (c.req.raw.bodyUsed) {
    // The CSRF middleware already parsed it; Hono keeps the parsed body.
    data = await c.req.parseBody().catch(() => ({}));
  } else {
    const bytes = await readBytes(c, FORM_LIMIT);
    data = await new Request('http://form.invalid/', { method: 'POST', headers: { 'content-type': type }, body: bytes as Uint8Array<ArrayBuffer> })
      .formData()
      .catch(() => new FormData());
  }
  const entries = data instanceof FormData ? [...data.entries()] : Object.entries(data);
  const out: Record<string, string> = {};
  for (const [k, v] of entries) if (typeof v === 'string') out[k] = v;
  return out;
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function loginToken(c: AppContext, reuse: boolean): string {
  const existing = getCookie(c, LOGIN_CSRF_COOKIE);
  if (reuse && existing && /^[0-9A-Z]{32}$/.test(existing)) return existing;
  const token = base32(c.get('deps').random(20), 32);
  setCookie(c, LOGIN_CSRF_COOKIE, token, {
    httpOnly: true, sameSite: 'Strict', path: '/login', secure: c.get('deps').config.secureCookies, maxAge: 2 * 3600,
  });
  return token;
}

/** Where to go after sign-in: a same-site path, the staff home by default. */
function nextPath(next: string | undefined): string {
  const p = safeBack(next);
  return p === '/' || p.startsWith('/login') ? '/staff' : p;
}

const auditFilter = z.object({ campaignId: z.string().max(100).optional(), person: z.string().max(100).optional() });

const texts = (lang: 'vi' | 'en', details: ErrorDetail[]) => details.map((d) => ({ path: d.path, message: d.message[lang] }));

/** The accounts page with whatever the last form left: values, errors, a notice. */
async function renderAccounts(
  c: AppContext,
  extra: { values?: Record<string, string>; errors?: ErrorDetail[]; rowError?: { id: string; message: string; action?: string }; notice?: string } = {},
  status: 200 | 409 | 422 = 200,
) {
  const deps = c.get('deps');
  const actor = currentActor(c);
  const lang = c.get('lang');
  const province = actor.role === 'province_admin';
  const communeId = province ? c.req.query('communeId') || null : actor.communeId;
  const [accounts, villages, communes] = await Promise.all([
    communeId ? listCommuneUsers(deps, actor, communeId) : [],
    communeId ? listAccountVillages(deps, actor, communeId) : [],
    province ? listAllCommunes(deps, actor) : undefined,
  ]);
  return c.html(
    <AccountsPage
      {...pageUser(c)} communeId={communeId} communes={communes} accounts={accounts} villages={villages}
      selfId={actor.id} notice={extra.notice} values={extra.values} errors={extra.errors ? texts(lang, extra.errors) : undefined}
      rowError={extra.rowError}
    />,
    status,
  );
}

function accountsUrl(c: AppContext, notice: string): string {
  const communeId = c.req.query('communeId');
  return `/staff/accounts?${communeId ? `communeId=${encodeURIComponent(communeId)}&` : ''}${notice}`;
}

export const authPages = new Hono<AppEnv>()
  .get('/login', (c) => {
    if (c.get('session')) return c.redirect(nextPath(c.req.query('next')), 303);
    return c.html(<LoginPage lang={c.get('lang')} csrfToken={loginToken(c, true)} next={c.req.query('next')} />);
  })
  .post('/login', async (c) => {
    const lang = c.get('lang');
    const form = await formFields(c);
    const again = (status: 401 | 403 | 422 | 429, error?: string, fieldErrors?: ErrorDetail[]) =>
      c.html(
        <LoginPage lang={lang} csrfToken={loginToken(c, status !== 403)} next={form.next} username={form.username?.slice(0, 100)}
          error={error} fieldErrors={fieldErrors ? texts(lang, fieldErrors) : undefined} />,
        status,
      );
    if (!sameToken(form._csrf, getCookie(c, LOGIN_CSRF_COOKIE))) return again(403, new AppError('CSRF_FAILED').text[lang]);
    let input: z.output<typeof loginForm>;
    try {
      input = parseInput(loginForm, form);
    } catch (err) {
      if (err instanceof AppError) return again(422, undefined, err.details);
      throw err;
    }
    try {
      const { token } = await signIn(c.get('deps'), { ...input, client: clientKey(c) });
      setSessionCookie(c, token);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'UNAUTHORIZED' || err.code === 'RATE_LIMITED')) return again(statusOf(err) as 401 | 429, err.text[lang]);
      throw err;
    }
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/login' });
    return c.redirect(nextPath(form.next), 303);
  })
  .post('/logout', async (c) => {
    await signOut(c.get('deps'), getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  })
  .get('/staff/accounts', staffPage('admin', 'province_admin'), async (c) => {
    const lang = c.get('lang');
    const created = c.req.query('created');
    const notice = created ? `${ACCOUNT_TEXT.created[lang]}: ${created}` : c.req.query('updated') ? ACCOUNT_TEXT.updated[lang] : undefined;
    return renderAccounts(c, { notice });
  })
  .post('/staff/accounts', staffPage('admin', 'province_admin'), async (c) => {
    const form = await formFields(c);
    const actor = currentActor(c);
    const values = { username: form.username ?? '', displayName: form.displayName ?? '', role: form.role ?? '', villageId: form.villageId ?? '' };
    try {
      const input = parseInput(createUserSchema, {
        username: form.username ?? '', password: form.password ?? '', role: form.role ?? '', displayName: form.displayName,
        villageId: form.villageId || undefined,
        ...(actor.role === 'province_admin' ? { communeId: c.req.query('communeId') } : {}),
      });
      // The page asks for the person's name (tally sheets and the audit log show it); the API keeps it optional.
      await createUser(c.get('deps'), actor, input, { requireName: true });
    } catch (err) {
      if (err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.code === 'CONFLICT')) {
        // a form the schema refused never reached the service's own checks: the missing name is said with the rest
        const unnamed = !values.displayName.trim() && !err.details.some((d) => d.path === 'displayName');
        const errors = unnamed ? [{ path: 'displayName', message: NAME_REQUIRED }, ...err.details] : err.details;
        return renderAccounts(c, { values, errors }, statusOf(err) as 409 | 422);
      }
      throw err;
    }
    return c.redirect(accountsUrl(c, `created=${encodeURIComponent(values.username.normalize('NFC').trim().toLowerCase())}`), 303);
  })
  .post('/staff/accounts/:id', staffPage('admin', 'province_admin'), async (c) => {
    const form = await formFields(c);
    const id = c.req.param('id');
    const action = form.action;
    const changes =
      action === 'disable' ? { disabled: true }
      : action === 'enable' ? { disabled: false }
      : action === 'password' ? { password: form.password ?? '' }
      : action === 'name' ? { displayName: form.displayName ?? '' }
      : null;
    if (!changes) throw new AppError('BAD_REQUEST');
    try {
      if (changes.password !== undefined && (changes.password.length < 8 || changes.password.length > 200)) {
        throw new AppError('VALIDATION_FAILED', undefined, [
          { path: 'password', message: { vi: 'Mật khẩu phải có 8 đến 200 ký tự.', en: 'The password needs 8 to 200 characters.' } },
        ]);
      }
      if (changes.displayName !== undefined && (!changes.displayName.trim() || changes.displayName.length > 100)) {
        throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'displayName', message: NAME_REQUIRED }]);
      }
      await updateUser(c.get('deps'), currentActor(c), id, changes);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
        return renderAccounts(c, { rowError: { id, action, message: err.details[0]?.message[c.get('lang')] ?? err.text[c.get('lang')] } }, 422);
      }
      throw err;
    }
    return c.redirect(accountsUrl(c, 'updated=1'), 303);
  })
  .get('/staff/audit', staffPage('inspector', 'admin', 'staff', 'province_admin'), async (c) => {
    const deps = c.get('deps');
    const actor = currentActor(c);
    const requested = c.req.query('communeId');
    const province = actor.role === 'province_admin';
    // the province administrator first sees every commune's chain, then one (read only)
    if (province && !requested) return c.html(<ProvinceAuditPage {...pageUser(c)} chains={await provinceAuditOverview(deps, actor)} />);
    const commune = await auditCommune(deps, actor, requested);
    const anchorValue = (c.req.query('anchor') ?? '').slice(0, 2000).trim();
    let anchors: OutsideAnchor[] = [];
    let anchorError: string | undefined;
    try {
      anchors = parseAnchors([anchorValue]);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      anchorError = err.details[0]?.message[c.get('lang')] ?? err.text[c.get('lang')];
    }
    const filter = parseInput(auditFilter, c.req.query());
    const log = await auditLog(deps, actor, { campaignId: filter.campaignId || undefined, person: filter.person || undefined, communeId: commune.id, anchors });
    const query = province ? `?communeId=${encodeURIComponent(commune.id || PROVINCE_CHAIN)}` : '';
    return c.html(
      <AuditPage
        {...pageUser(c)} {...log} filter={filter} anchorHref={`/api/v1/audit/anchor${query}`} anchorValue={anchorValue || undefined} anchorError={anchorError}
        commune={commune} communes={province ? await listAllCommunes(deps, actor) : undefined}
      />,
      anchorError ? 422 : 200,
    );
  });
