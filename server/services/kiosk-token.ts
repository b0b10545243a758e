import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { hmacHex } from '../runtime/crypto';
import { campaignOf } from './guards';

/** The cookie that marks a counter tablet as a satisfaction survey's kiosk. */
export const KIOSK_COOKIE = 'kiosk';

const signature = (secret: string, campaignId: string) => hmacHex(secret, `kiosk|${campaignId}`);

/**
 * Staff turn a tablet into the one-stop counter's kiosk (Đ35: rating at the
 * counter). The cookie is `<campaignId>.<HMAC(secret, 'kiosk|'+campaignId)>`,
 * so a visitor cannot make their own phone a kiosk, which has looser
 * duplicate limits. Returns the cookie value and where the tablet goes next.
 */
export async function enableKiosk(deps: AppDeps, actor: Actor, campaignId: string): Promise<{ cookie: string; slug: string }> {
  const c = await campaignOf(deps, actor, campaignId);
  if (c.kind !== 'satisfaction') {
    throw new AppError('INVALID_STATE', { vi: 'Chỉ khảo sát hài lòng mới dùng chế độ kiosk.', en: 'Only satisfaction surveys use kiosk mode.' });
  }
  if (c.status !== 'open') {
    throw new AppError('INVALID_STATE', { vi: 'Hãy mở đợt khảo sát trước khi bật kiosk.', en: 'Open the survey before enabling the kiosk.' });
  }
  return { cookie: `${c.id}.${await signature(deps.secret, c.id)}`, slug: c.slug };
}

/** Whether a `kiosk` cookie value was signed by this server for this campaign. */
export async function isKioskFor(deps: Pick<AppDeps, 'secret'>, cookie: string | undefined, campaignId: string): Promise<boolean> {
  if (!cookie) return false;
  const dot = cookie.lastIndexOf('.');
  if (dot < 0 || cookie.slice(0, dot) !== campaignId) return false;
  const expected = await signature(deps.secret, campaignId);
  const given = cookie.slice(dot + 1);
  if (given.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < given.length; i++) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0;
}
