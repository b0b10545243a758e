import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from './context';
import { AppError, type ErrorDetail } from '../domain/errors';
import { readBytes } from './body';
import type { Role } from '../domain/actor';

// What every server-rendered staff page needs: the sign-in gate, the user
// for the layout, a form's fields, and error details in the page's language.

/** A staff page: no session goes to the sign-in form and comes back; a wrong role is a 403 page. */
export function staffPage(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const s = c.get('session');
    if (!s) {
      const url = new URL(c.req.url);
      return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    if (!roles.includes(s.actor.role)) throw new AppError('FORBIDDEN');
    await next();
  };
}

/** The signed-in user and CSRF token, as the layout takes them. */
export function pageUser(c: AppContext) {
  const s = c.get('session')!;
  return { lang: c.get('lang'), user: { username: s.actor.username, role: s.actor.role, displayName: s.displayName }, csrfToken: s.csrfToken };
}

const FORM_LIMIT = 64 * 1024;

/** A form's text fields, read with a size cap (the CSRF check may have read the body already). */
export async function formFields(c: AppContext, limit = FORM_LIMIT): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  let entries: [string, unknown][];
  if (c.req.raw.bodyUsed) entries = Object.entries(await c.req.parseBody().catch(() => ({})));
  else {
    const bytes = await readBytes(c, limit);
    const form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }).formData().catch(() => new FormData());
    entries = [...form.entries()];
  }
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Error details in the page's language, for forms that show them beside the fields. */
export function detailTexts(c: AppContext, details: ErrorDetail[]) {
  return details.map((d) => ({ path: d.path, message: d.message[c.get('lang')] }));
}
