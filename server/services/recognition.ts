// Recording the decision that recognises a k3, k4 or k5 result (Đ21 k2
// Luật 10/2022/QH15), and reading where a campaign's result stands. The
// decision is kept beside the published snapshot, not inside it: a decision
// taken after publication shows on the public page and the notice without
// republishing the count, and every snapshot ever published still reads.
import type { AppDeps } from './deps';
import { remembered } from './remembered';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { asVietnamDate, type IsoDate } from '../domain/calendar/iso-date';
import {
  recognitionBodyFor, recognitionProblems, recognitionStatus, villageToRecognise,
  type Recognition, type RecognitionInput, type RecognitionStatus,
} from '../domain/recognition';
import { cleanText } from '../domain/text';
import { ConstraintViolation } from '../runtime/types';
import { findCampaign } from '../../db/repositories/campaigns';
import { insertRecognition, listRecognitions } from '../../db/repositories/recognition';
import { latestPublication } from '../../db/repositories/publications';
import { readSnapshot, type ResultsSnapshot } from '../domain/results/snapshot';
import { atomicWithAudit } from './audit';
import { campaignOf } from './guards';
import { vietnamToday } from './commune-calendar';
import { checkUploadedPhoto } from './uploaded-photo';
import { mayPreview } from './results/visibility';

export interface RecognitionOf {
  status: RecognitionStatus;
  /** the version in force, or null */
  latest: Recognition | null;
  /** every version, newest first: a correction never hides the one before */
  history: Recognition[];
  /** the day of the decision in force, for the campaign's timeline */
  recognizedOn: IsoDate | null;
}

/**
 * Where the campaign's result stands on recognition (no access check: the
 * callers decide who sees it). `status.state` is 'none' for a kind that takes
 * effect when adopted (k1, k2, k6, consultations, surveys).
 */
export async function recognitionOf(deps: AppDeps, campaignId: string): Promise<RecognitionOf> {
  const c = await findCampaign(deps.db, campaignId);
  if (!c) throw new AppError('NOT_FOUND');
  const history = recognitionBodyFor(c.kind, c.category) ? await listRecognitions(deps.db, c.id) : [];
  const latest = history[0] ?? null;
  return { status: recognitionStatus(c.kind, c.category, latest), latest, history, recognizedOn: latest?.decidedOn ?? null };
}

// The public results page asks on every view: remembered for a second, as the
// page's latest version is (public-portal.ts), and forgotten at once when this
// process records a decision.
const shown = remembered<RecognitionOf>(1_000);

/** recognitionOf for the public page, remembered for a second. */
export function publicRecognitionOf(deps: AppDeps, campaignId: string): Promise<RecognitionOf> {
  return shown.get(deps, campaignId, () => recognitionOf(deps, campaignId));
}

/** The scan of a decision, public once the results are: its URL on the public page. */
export const recognitionScanUrl = (slug: string, version: number) => `/r/${encodeURIComponent(slug)}/recognition/${version}`;
export const staffRecognitionScanUrl = (campaignId: string, version: number) => `/staff/campaigns/${encodeURIComponent(campaignId)}/recognition/${version}`;

/** A recognition as the API answers it: the scan by its URL, public or staff. */
export function recognitionJson(r: Recognition, scanUrl: (version: number) => string) {
  return {
    version: r.version, number: r.number, decidedOn: r.decidedOn, signer: r.signer, body: r.body, reason: r.reason,
    scan: r.scan ? scanUrl(r.version) : null, recordedAt: r.recordedAt,
  };
}

/**
 * What a viewer may see of a campaign's recognition: the campaign's own
 * staff and inspectors always; everyone once the results are published (with
 * the scan's public URL); otherwise 404, as for the results.
 */
export async function viewRecognition(deps: AppDeps, actor: Actor | null, campaignId: string) {
  const c = await findCampaign(deps.db, campaignId);
  if (!c) throw new AppError('NOT_FOUND');
  const own = mayPreview(actor, c.communeId);
  const published = (await latestPublication(deps.db, c.id)) !== null;
  if (!own && !published) throw new AppError('NOT_FOUND');
  const r = await recognitionOf(deps, c.id);
  const url = (v: number) => (published ? recognitionScanUrl(c.slug, v) : staffRecognitionScanUrl(c.id, v));
  return {
    campaignId: c.id,
    required: r.status.state !== 'none',
    body: r.status.state === 'none' ? null : r.status.body,
    state: r.status.state,
    recognition: r.latest ? recognitionJson(r.latest, url) : null,
    history: r.history.map((h) => recognitionJson(h, url)),
  };
}

/**
 * Staff record the recognition decision: its number, date and signer, the
 * body derived from the campaign's kind (never entered), and optionally a
 * scan (JPEG or PNG, the project's photo caps). Only after the vote closed.
 * A second recording is a correction: it needs a reason, becomes the next
 * version, keeps the earlier scan unless a new one is sent, and the earlier
 * version stays listed. Bad input changes nothing.
 */
export async function recordRecognition(
  deps: AppDeps, actor: Actor, campaignId: string, input: RecognitionInput, scan?: Uint8Array | null,
): Promise<Recognition> {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('FORBIDDEN');
  const c = await campaignOf(deps, actor, campaignId);
  const body = recognitionBodyFor(c.kind, c.category);
  if (!body) {
    throw new AppError('INVALID_STATE', {
      vi: 'Kết quả đợt này có hiệu lực từ ngày thông qua, không cần quyết định công nhận (chỉ nội dung k3, k4, k5; Điều 21 khoản 2 Luật 10/2022/QH15).',
      en: 'This result takes effect when adopted and needs no recognition (only k3, k4, k5; Art. 21(2) Law 10/2022/QH15).',
    });
  }
  if (c.status !== 'closed' && c.status !== 'published') {
    throw new AppError('INVALID_STATE', {
      vi: 'Chỉ ghi quyết định công nhận sau khi đã đóng đợt và có kết quả.',
      en: 'A recognition is recorded only after the campaign is closed and counted.',
    });
  }
  const published = await latestPublication(deps.db, c.id);
  if (published && !readSnapshot(JSON.parse(published.snapshot) as ResultsSnapshot).villages.some(villageToRecognise)) {
    throw new AppError('INVALID_STATE', {
      vi: 'Kết quả đã công bố không có nội dung được thông qua hay người trúng cử nên không có gì để công nhận.',
      en: 'The published result adopted nothing and elected nobody, so there is nothing to recognise.',
    });
  }
  const history = await listRecognitions(deps.db, c.id);
  const previous = history[0] ?? null;
  const problems = recognitionProblems(input, { earliest: c.closedAt ? asVietnamDate(c.closedAt) : null, today: vietnamToday(deps), correcting: previous !== null });
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const image = scan && scan.byteLength > 0 ? checkUploadedPhoto(scan, 'scan') : null;
  const version = (previous?.version ?? 0) + 1;
  const record: Recognition = {
    campaignId: c.id, version, number: cleanText(input.number!), decidedOn: input.decidedOn as IsoDate, signer: cleanText(input.signer!), body,
    // a key of its own: two staff recording the same version at once never overwrite each other's scan
    scan: image ? { key: `recognition-scans/${c.id}/${version}-${deps.newId()}`, mime: image.mime } : previous?.scan ?? null,
    reason: previous ? cleanText(input.reason ?? '').slice(0, 2000) : '', recordedBy: actor.id, recordedAt: deps.clock().toISOString(),
  };
  if (image && record.scan) await deps.blobs.put(record.scan.key, image.bytes, image.mime);
  try {
    await atomicWithAudit(deps, [insertRecognition(deps.db, record)], [{
      communeId: c.communeId, actor: actor.id, action: previous ? 'recognition.correct' : 'recognition.record', entity: 'campaign', entityId: c.id,
      data: { version, number: record.number, decidedOn: record.decidedOn, signer: record.signer, body, scan: image !== null, reason: record.reason },
    }]);
    shown.forget(deps, c.id);
  } catch (err) {
    if (err instanceof ConstraintViolation && err.kind === 'primary_key') {
      throw new AppError('CONFLICT', {
        vi: 'Một người khác vừa ghi quyết định công nhận này; hãy tải lại trang để xem bản mới nhất.',
        en: 'Someone else has just recorded this recognition; reload to see the latest.',
      });
    }
    throw err;
  }
  return record;
}

async function scanBlob(deps: AppDeps, campaignId: string, version: number) {
  const r = (await listRecognitions(deps.db, campaignId)).find((x) => x.version === version);
  if (!r?.scan) throw new AppError('NOT_FOUND');
  const blob = await deps.blobs.get(r.scan.key);
  if (!blob) throw new AppError('NOT_FOUND');
  return { mime: r.scan.mime, bytes: blob.bytes };
}

/** A decision's scan for the campaign's own staff and inspectors, published or not. */
export async function readRecognitionScan(deps: AppDeps, actor: Actor, campaignId: string, version: number) {
  const c = await campaignOf(deps, actor, campaignId);
  if (!mayPreview(actor, c.communeId)) throw new AppError('NOT_FOUND');
  return scanBlob(deps, c.id, version);
}

/** A decision's scan for anyone, once the campaign's results are published (else 404). */
export async function readPublishedRecognitionScan(deps: AppDeps, campaignId: string, version: number) {
  if (!(await latestPublication(deps.db, campaignId))) throw new AppError('NOT_FOUND');
  return scanBlob(deps, campaignId, version);
}
