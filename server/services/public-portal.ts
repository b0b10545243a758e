import type { AppDeps } from './deps';
import { remembered } from './remembered';
import { AppError } from '../domain/errors';
import { listCampaigns } from '../../db/repositories/campaigns';
import { listCommunes, type Commune } from '../../db/repositories/communes';
import { latestVersionBySlug, listPublications, listPublishedCampaigns } from '../../db/repositories/publications';
import { findSheetPhoto } from '../../db/repositories/results';
import { viewResults } from './results/visibility';
import { postingPeriod } from '../domain/results/posting';
import { sortVi } from '../domain/text';
import type { CommunePortal } from '../domain/portal';
import { answeredByLink } from '../domain/campaign';

/**
 * The public front page: with one commune, that commune's portal; with many
 * (a province deployment), the list of communes, each at /x/<slug>.
 */
export async function portalHome(deps: AppDeps): Promise<{ communes: Commune[]; single: CommunePortal | null }> {
  const communes = await listCommunes(deps.db);
  if (communes.length === 1) return { communes, single: await communePortal(deps, communes[0]!.slug) };
  return { communes: sortVi(communes, (c) => c.name), single: null };
}

/** A commune's open campaigns (how to take part) and its published results. */
export async function communePortal(deps: AppDeps, slug: string): Promise<CommunePortal> {
  const commune = (await listCommunes(deps.db)).find((c) => c.slug === slug);
  if (!commune) throw new AppError('NOT_FOUND');
  const [campaigns, published] = await Promise.all([listCampaigns(deps.db, commune.id), listPublishedCampaigns(deps.db, commune.id)]);
  return {
    commune,
    open: campaigns.filter((c) => c.status === 'open').map((c) => ({
      id: c.id, slug: c.slug, title: c.title, kind: c.kind, category: c.category, channels: c.channels, closesAt: c.closesAt,
      anonymousLink: answeredByLink(c),
    })),
    published: published.map((p) => ({
      id: p.id, slug: p.slug, title: p.title, kind: p.kind, category: p.category,
      version: Number(p.version), publishedAt: String(p.publishedAt),
    })),
  };
}

type Head = NonNullable<Awaited<ReturnType<typeof latestVersionBySlug>>>;

// The latest version per slug, remembered for a second: the results page is
// the one public page a whole commune opens at once (a Zalo link), and the
// rendered page is already cached per version. A publication in this process
// forgets its entry at once; another instance's correction shows within a
// second, well inside the page's own max-age of 60 s.
const heads = remembered<Head>(1_000);

/** Forgets the remembered latest version of a campaign's page (called when it is published again). */
export function forgetPublishedHead(deps: AppDeps, slug: string): void {
  heads.forget(deps, slug);
}

/** The latest publication of the campaign at /r/<slug>: the cheap check a cached page is keyed on. */
export function publishedHead(deps: AppDeps, slug: string): Promise<Head> {
  return heads.get(deps, slug, async () => {
    const head = await latestVersionBySlug(deps.db, slug);
    if (!head) throw new AppError('NOT_FOUND');
    return head;
  });
}

/** Everything the public results page shows: the latest snapshot and every version's hash. */
export async function publishedResults(deps: AppDeps, campaignId: string) {
  const [view, versions] = await Promise.all([
    viewResults(deps, null, campaignId),
    listPublications(deps.db, campaignId),
  ]);
  return {
    view,
    versions: versions.map((p) => ({ version: p.version, hash: p.hash, publishedAt: p.publishedAt, reason: p.reason })),
    posting: postingPeriod(view.publication!.publishedAt),
  };
}

/** A photo of a signed tally sheet, served only when it belongs to the published results. */
export async function publishedPhoto(deps: AppDeps, slug: string, photoId: string) {
  const head = await publishedHead(deps, slug);
  const { view } = await publishedResults(deps, head.campaignId);
  if (!view.snapshot.photos.some((p) => p.id === photoId)) throw new AppError('NOT_FOUND');
  const photo = await findSheetPhoto(deps.db, photoId);
  if (!photo || photo.campaignId !== head.campaignId) throw new AppError('NOT_FOUND');
  const blob = await deps.blobs.get(photo.blobKey);
  if (!blob) throw new AppError('NOT_FOUND');
  return blob;
}
