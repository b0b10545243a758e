import type { Context } from 'hono';
import type { Runtime } from '../runtime/types';
import type { Config } from '../config';
import type { Actor } from '../domain/actor';
import type { FontProvider } from '../print/font-provider';
import type { Lang } from './errors';
import { AppError } from './errors';

export interface AppDeps extends Runtime {
  config: Config;
  /** The server secret: sessions, serial derivation, receipts. */
  secret: string;
  /** Font bytes for PDFs; given by the entry file, since only it may read the disk. */
  fonts?: FontProvider;
}

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  displayName: string;
}

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
