import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, invalidField } from '../domain/errors';
import { TRANSITIONS } from '../domain/campaign';
import { cleanText } from '../domain/text';
import { sha256Hex } from '../runtime/crypto';
import { ConstraintViolation } from '../runtime/types';
import { findCampaign, setStatus } from '../../db/repositories/campaigns';
import { insertPublication, latestPublication, listPublications } from '../../db/repositories/publications';
import { campaignOf } from './guards';
import { computeResults } from './results/compute';
import { mayPreview } from './results/visibility';
import { atomicWithAudit } from './audit';
import { forgetPublishedHead } from './public-portal';
import { auditHead } from '../../db/repositories/audit';
import { GENESIS_HASH } from '../domain/audit-chain';
import { DEFAULT_RULES } from '../domain/legal-rules';
import { themeAnswerGaps, themeGapsMessage } from '../domain/consultation';

export interface Published {
  status: 'published';
  version: number;
  hash: string;
  publishedAt: string;
}

/**
 * Publishes the results: computes them now, freezes them as a snapshot whose
 * SHA-256 goes into the publication row and the hash-chained audit log, and
 * marks the campaign published. Allowed from `closed`; from `published` it is
 * a correction, which needs a reason and becomes version + 1 (every earlier
 * version stays listed: a correction never hides what was posted).
 *
 * Two staff publishing at once both read version n and both write n + 1: the
 * publications primary key lets one through and the other gets 409. Nothing
 * moves a closed or published campaign back, so the status read here holds.
 */
export async function publishResults(deps: AppDeps, actor: Actor, campaignId: string, reason?: string): Promise<Published> {
  const c = await campaignOf(deps, actor, campaignId);
  const t = TRANSITIONS.publish;
  if (!t.from.includes(c.status)) {
    throw new AppError('INVALID_STATE', {
      vi: 'Chỉ công bố kết quả sau khi đã đóng đợt lấy ý kiến.',
      en: 'Results can be published only after the campaign is closed.',
    });
  }
  const why = cleanText(reason ?? '');
  if (c.status === 'published' && why.length === 0) {
    throw invalidField('reason', {
      vi: 'Kết quả đã công bố; muốn đính chính phải nêu lý do (lý do được công khai cùng phiên bản mới).',
      en: 'The results are already published; a correction needs a reason (published with the new version).',
    });
  }
  const now = deps.clock().toISOString();
  const { snapshot } = await computeResults(deps, c);
  // Đ28: a consultation's synthesis goes out only with the commune's answer to every theme, and reasons where it departs from the majority
  if (DEFAULT_RULES.consultationAnswers.value.kinds.includes(c.kind) && snapshot.consultation) {
    const gaps = themeAnswerGaps(snapshot.consultation.themes, snapshot.consultation.opinions);
    if (gaps.length > 0) {
      throw new AppError('INVALID_STATE', themeGapsMessage(gaps), gaps.map((g) => ({
        path: `themes.${g.themeId}`,
        message: themeGapsMessage([g]),
      })));
    }
  }
  snapshot.campaign.status = 'published';
  const head = await auditHead(deps.db, c.communeId);
  snapshot.auditAnchor = head ?? { seq: 0, hash: GENESIS_HASH };
  const latest = await latestPublication(deps.db, c.id);
  const version = (latest?.version ?? 0) + 1;
  const text = JSON.stringify(snapshot);
  const hash = await sha256Hex(text);
  try {
    await atomicWithAudit(
      deps,
      [
        insertPublication(deps.db, { campaignId: c.id, version, snapshot: text, hash, reason: why, publishedBy: actor.id, publishedAt: now }),
        setStatus(deps.db, c.id, t.from, t.to, now),
      ],
      [{
        communeId: c.communeId, actor: actor.id, action: version === 1 ? 'results.publish' : 'results.correct',
        entity: 'campaign', entityId: c.id, data: { version, hash, reason: why },
      }],
    );
  } catch (err) {
    if (err instanceof ConstraintViolation && err.kind === 'primary_key') {
      throw new AppError('CONFLICT', {
        vi: 'Một người khác vừa công bố kết quả này; hãy tải lại trang để xem phiên bản mới nhất.',
        en: 'Someone else has just published these results; reload to see the latest version.',
      });
    }
    throw err;
  }
  forgetPublishedHead(deps, c.slug);
  // published: no paper ballot can be entered any more, so a secret campaign's sealed ones are moved now (services/ballot-mixer.ts)
  if (c.secret) await deps.mixer.settle(c.id);
  return { status: 'published', version, hash, publishedAt: now };
}

/**
 * Every published version with its hash, newest first: public once published
 * (a correction is visible as a new version); before that an empty list for
 * the commune's own users and 404 for everyone else.
 */
export async function publicationVersions(deps: AppDeps, actor: Actor | null, campaignId: string) {
  const c = await findCampaign(deps.db, campaignId);
  if (!c) throw new AppError('NOT_FOUND');
  const list = await listPublications(deps.db, c.id);
  if (list.length === 0 && !mayPreview(actor, c.communeId)) throw new AppError('NOT_FOUND');
  return list.map((p) => ({ version: p.version, hash: p.hash, publishedAt: p.publishedAt, reason: p.reason }));
}
