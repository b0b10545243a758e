import type { Context } from 'hono';
import type { Actor } from '../domain/actor';
import type { Lang } from '../domain/i18n';
import { AppError } from '../domain/errors';
import type { AppDeps } from '../services/deps';
import type { SessionInfo } from '../services/sessions';

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    lang: Lang;
    session: SessionInfo | null;
  };
};

export type AppContext = Context<AppEnv>;

export function currentActor(c: AppContext): Actor {
  const s = c.get('session');
  if (!s) throw new AppError('UNAUTHORIZED');
  return s.actor;
}

/** The origin printed in QR codes: the configured public URL, else this request's. */
export function publicOrigin(c: AppContext): string {
  return c.get('deps').config.publicUrl ?? new URL(c.req.url).origin;
}
