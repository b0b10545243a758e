import type { AppDeps } from './deps';
import { AppError } from '../domain/errors';
import { invalidAnswers } from './answer-errors';
import { findCampaignBySlug } from '../../db/repositories/campaigns';
import { insertAnonymousToken, insertBallot } from '../../db/repositories/ballots';
import { compileValidator } from '../domain/survey/validator';
import { answeredByLink, type Campaign } from '../domain/campaign';
import { ballotBinds } from '../domain/legal-rules';
import { hmacHex } from '../runtime/crypto';
import { base32 } from '../runtime/ids';
import { ConstraintViolation } from '../runtime/types';

/** A campaign answered by campaign QR, without serials: satisfaction surveys (and open consultations). */
export async function anonymousCampaign(deps: AppDeps, slug: string): Promise<Campaign> {
  const c = await findCampaignBySlug(deps.db, slug);
  if (!c || !answeredByLink(c) || c.status === 'draft') throw new AppError('NOT_FOUND');
  return c;
}

export interface AnonymousInput {
  slug: string;
  answers: unknown;
  /** a random per-device cookie: one answer per device, identifying no one */
  deviceToken?: string;
  /** the dossier code printed on the one-stop receipt: one rating per dossier */
  dossierCode?: string;
  /** a staff-enabled kiosk tablet at the counter: many people, one device */
  kiosk: boolean;
  client: string;
}

/**
 * Stores an anonymous answer. Duplicates are suppressed without identifying
 * anyone (docs/design.md §3): a per-device token (not on kiosks), an optional
 * dossier code, and a rate limit per client. Only HMACs of the tokens are kept,
 * in a table with no link to the answer.
 */
export async function submitAnonymous(deps: AppDeps, input: AnonymousInput): Promise<void> {
  const c = await anonymousCampaign(deps, input.slug);
  if (c.status !== 'open') throw new AppError('INVALID_STATE', { vi: 'Khảo sát này hiện không nhận ý kiến.', en: 'This survey is not taking answers now.' });
  const perMinute = input.kiosk ? 12 : 5;
  if (!(await deps.rateLimiter.hit(`anon:${c.id}:${input.client}`, perMinute, 60_000))) throw new AppError('RATE_LIMITED');

  const checked = compileValidator(c.survey)(input.answers);
  if (!checked.ok) throw invalidAnswers(checked.errors);
  const tokens: string[] = [];
  if (!input.kiosk && input.deviceToken) tokens.push(await hmacHex(deps.secret, `device|${input.deviceToken}`));
  const dossier = input.dossierCode?.trim().toUpperCase();
  if (dossier) tokens.push(await hmacHex(deps.secret, `dossier|${dossier}`));
  try {
    await deps.atomic([
      ...tokens.map((tok) => insertAnonymousToken(deps.db, c.id, tok)),
      insertBallot(deps.db, {
        id: base32(deps.random(15), 24), campaignId: c.id, villageId: null, channel: input.kiosk ? 'kiosk' : 'anonymous',
        binding: ballotBinds(c.kind, c.category, 'online'), answers: checked.data as Record<string, unknown>, serialHash: null, submittedAt: null,
      }),
    ]);
  } catch (err) {
    if (err instanceof ConstraintViolation && err.detail === 'campaign_not_open') throw new AppError('INVALID_STATE');
    if (err instanceof ConstraintViolation && (err.kind === 'primary_key' || err.kind === 'unique')) {
      throw new AppError('ALREADY_USED', {
        vi: dossier ? 'Hồ sơ này đã được đánh giá. Cảm ơn bạn!' : 'Thiết bị này đã gửi ý kiến cho khảo sát này. Cảm ơn bạn!',
        en: dossier ? 'This dossier has already been rated. Thank you!' : 'This device has already answered this survey. Thank you!',
      });
    }
    throw err;
  }
}
