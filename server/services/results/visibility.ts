// Who may see a campaign's results, and which: the published snapshot for
// everyone, a preview computed now for the commune's staff and inspectors.
import type { AppDeps } from '../deps';
import { AppError } from '../../domain/errors';
import { actsInCommune, type Actor } from '../../domain/actor';
import type { PublicationInfo, ResultsSnapshot } from '../../domain/results/snapshot';
import type { StaffExtras } from '../../kinds/kind';
import { findCampaign } from '../../../db/repositories/campaigns';
import { findPublication, latestPublication, type Publication } from '../../../db/repositories/publications';
import { findSheetPhoto } from '../../../db/repositories/results';
import { computeResults } from './compute';

export interface ResultsView {
  snapshot: ResultsSnapshot;
  /** the publication shown; null for a preview of a campaign never published */
  publication: PublicationInfo | null;
  /** computed now for staff, not yet what the public sees */
  preview: boolean;
  staff: StaffExtras | null;
}

/**
 * Roles of the campaign's own commune that may preview unpublished results:
 * staff and the inspection board (docs/design.md: results hidden until staff
 * publish; staff see a preview). A village head sees their own village's
 * tally sheets, not the other villages' numbers before publication.
 */
const PREVIEW_ROLES = new Set(['admin', 'staff', 'inspector', 'province_admin']);

/** Whether this user may see the campaign's results before they are published. */
export function mayPreview(actor: Actor | null, communeId: string): boolean {
  return actor !== null && PREVIEW_ROLES.has(actor.role) && actsInCommune(actor, communeId);
}

// Parsed snapshots per app (a deployment's deps), keyed by campaign, version
// and hash: a published snapshot never changes, so it is parsed once.
const parsedSnapshots = new WeakMap<AppDeps, Map<string, ResultsSnapshot>>();

export function parsedSnapshot(deps: AppDeps, p: Publication): ResultsSnapshot {
  let m = parsedSnapshots.get(deps);
  if (!m) parsedSnapshots.set(deps, (m = new Map()));
  const key = `${p.campaignId}\u0000${p.version}\u0000${p.hash}`;
  let s = m.get(key);
  if (!s) {
    s = JSON.parse(p.snapshot) as ResultsSnapshot;
    if (m.size > 500) m.clear();
    m.set(key, s);
  }
  return s;
}

export const publicationInfo = (p: Publication): PublicationInfo => ({ version: p.version, hash: p.hash, publishedAt: p.publishedAt, reason: p.reason });

/**
 * The results a viewer may see. Published: everyone gets the frozen snapshot
 * of the latest version (or the version asked for). Not yet published: only
 * staff and inspectors of the campaign's own commune get a preview computed
 * now; the public, village heads and other communes get 404, as if the campaign did not exist.
 * Staff may ask for a preview of a published campaign (the correction flow);
 * `ownOnly` (the staff pages) refuses everyone outside the commune.
 */
export async function viewResults(
  deps: AppDeps,
  actor: Actor | null,
  campaignId: string,
  opts: { preview?: boolean; version?: number; ownOnly?: boolean } = {},
): Promise<ResultsView> {
  const c = await findCampaign(deps.db, campaignId);
  if (!c) throw new AppError('NOT_FOUND');
  const own = mayPreview(actor, c.communeId);
  // The staff pages are the commune's own, even once the results are public.
  if (opts.ownOnly && !own) throw new AppError('NOT_FOUND');
  const latest = await latestPublication(deps.db, c.id);
  if (opts.version !== undefined) {
    const p = await findPublication(deps.db, c.id, opts.version);
    if (!p) throw new AppError('NOT_FOUND');
    return { snapshot: parsedSnapshot(deps, p), publication: publicationInfo(p), preview: false, staff: null };
  }
  if (latest && !(opts.preview && own)) {
    return { snapshot: parsedSnapshot(deps, latest), publication: publicationInfo(latest), preview: false, staff: null };
  }
  if (!own) throw new AppError('NOT_FOUND');
  const computed = await computeResults(deps, c);
  return { snapshot: computed.snapshot, publication: latest ? publicationInfo(latest) : null, preview: true, staff: computed.staff };
}

/**
 * A photo of a signed tally sheet as the staff results page shows it before
 * publication (the public /r/<slug>/photos/… serves only what a published
 * snapshot rests on): for whoever may preview the campaign's results, and
 * only a photo of one of this campaign's sheets.
 */
export async function previewPhoto(deps: AppDeps, actor: Actor, campaignId: string, photoId: string) {
  const c = await findCampaign(deps.db, campaignId);
  if (!c || !mayPreview(actor, c.communeId)) throw new AppError('NOT_FOUND');
  const photo = await findSheetPhoto(deps.db, photoId);
  if (!photo || photo.campaignId !== c.id) throw new AppError('NOT_FOUND');
  const blob = await deps.blobs.get(photo.blobKey);
  if (!blob) throw new AppError('NOT_FOUND');
  return blob;
}
