import { Hono } from 'hono';
import { z } from 'zod';
import QRCode from 'qrcode';
import { gzipSync, strToU8 } from 'fflate';
import type { AppContext, AppEnv } from '../../http/context';
import type { AppDeps } from '../../services/deps';
import { currentActor, publicOrigin } from '../../http/context';
import { requireRole } from '../../http/middleware';
import { AppError } from '../../domain/errors';
import { parseInput } from '../../http/validation';
import { previewPhoto, viewResults } from '../../services/results/visibility';
import { postingPeriod } from '../../domain/results/posting';
import { publicationVersions, publishResults } from '../../services/publish-results';
import { communePortal, portalHome, publishedHead, publishedPhoto, publishedResults } from '../../services/public-portal';
import { Layout } from '../../../web/views/layout';
import { ResultsContent } from '../../../web/views/results/results-page';
import { StaffPreview } from '../../../web/views/results/staff-preview';
import { CommuneListView, CommunePortalView } from '../../../web/views/results/portal';
import type { Lang, Text } from '../../domain/i18n';
import { publicRecognitionOf, recognitionOf, recognitionScanUrl, staffRecognitionScanUrl } from '../../services/recognition';

// Rendered results pages per app, keyed by (slug, version, hash, language,
// origin). A published snapshot never changes, so a page is rendered once per
// version and served from memory after one indexed read that finds the latest
// version; a correction is a new version and so a new key.
interface CachedPage { body: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer>; etag: string }
const pageCache = new WeakMap<AppDeps, Map<string, CachedPage>>();
const qrCache = new Map<string, string>();

function cacheOf(deps: AppDeps) {
  let m = pageCache.get(deps);
  if (!m) pageCache.set(deps, (m = new Map()));
  return m;
}

function etagMatches(c: AppContext, etag: string): boolean {
  const header = c.req.header('if-none-match');
  return !!header && header.split(',').some((t) => t.trim().replace(/^W\//, '').replace(/-gzip"$/, '"') === etag);
}

const PAGE_TITLE = {
  preview: { vi: 'Xem trước kết quả', en: 'Results preview' },
  results: { vi: 'Kết quả', en: 'Results' },
} satisfies Record<string, Text>;

const staffReaders = requireRole('admin', 'staff', 'inspector', 'province_admin');
const publishers = requireRole('admin', 'staff');
const publishForm = z.object({ reason: z.string().max(2000).optional(), _csrf: z.string().optional() });

async function renderPreview(
  c: AppContext,
  id: string,
  extra: { errors?: { path: string; message: string }[]; notice?: string; justPublished?: number } = {},
  status: 200 | 409 | 422 = 200,
  /** the results computed now even once published (to check a correction); before publication always */
  preview = false,
) {
  const deps = c.get('deps');
  const actor = currentActor(c);
  const session = c.get('session')!;
  const lang = c.get('lang');
  const [view, versions, recognition] = await Promise.all([
    viewResults(deps, actor, id, { preview, ownOnly: true }),
    publicationVersions(deps, actor, id),
    recognitionOf(deps, id),
  ]);
  const s = view.snapshot;
  const url = new URL(c.req.url);
  const posting = postingPeriod(view.publication?.publishedAt ?? deps.clock().toISOString());
  return c.html(
    <Layout
      lang={lang}
      title={`${(view.preview ? PAGE_TITLE.preview : PAGE_TITLE.results)[lang]}: ${s.campaign.title}`}
      user={{ username: actor.username, role: actor.role, displayName: session.displayName }}
      csrfToken={session.csrfToken}
      path={url.pathname}
      commune={s.campaign.communeName}
      scripts={['results.js']}
    >
      <StaffPreview
        lang={lang}
        snapshot={s}
        publication={view.publication}
        versions={versions}
        pageUrl={`${publicOrigin(c)}/r/${s.campaign.slug}`}
        postingUntil={posting.until}
        postingDays={posting.days}
        preview={view.preview}
        csrfToken={session.csrfToken}
        canPublish={(actor.role === 'admin' || actor.role === 'staff') && (s.campaign.status === 'closed' || s.campaign.status === 'published')}
        status={s.campaign.status}
        opinions={view.staff?.opinions ?? []}
        recognition={{
          status: recognition.status,
          scanUrl: recognition.latest?.scan ? staffRecognitionScanUrl(id, recognition.latest.version) : null,
        }}
        {...extra}
      />
    </Layout>,
    status,
  );
}

export const resultsPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const deps = c.get('deps');
    const lang = c.get('lang');
    const home = await portalHome(deps);
    return c.html(
      <Layout lang={lang} title={home.single ? home.single.commune.name : 'Dân Bàn'} path="/" commune={home.single?.commune.name} signedIn={!!c.get('session')}>
        {home.single ? <CommunePortalView lang={lang} portal={home.single} /> : <CommuneListView lang={lang} communes={home.communes} />}
      </Layout>,
    );
  })
  .get('/x/:slug', async (c) => {
    const lang = c.get('lang');
    const portal = await communePortal(c.get('deps'), c.req.param('slug'));
    return c.html(
      <Layout lang={lang} title={portal.commune.name} path={`/x/${portal.commune.slug}`} commune={portal.commune.name} signedIn={!!c.get('session')}>
        <CommunePortalView lang={lang} portal={portal} />
      </Layout>,
    );
  })
  .get('/r/:slug', async (c) => {
    const deps = c.get('deps');
    const lang: Lang = c.get('lang');
    const slug = c.req.param('slug');
    const head = await publishedHead(deps, slug);
    // a recognition recorded after publication shows without a new version: its own version is part of the key
    const recognition = await publicRecognitionOf(deps, head.campaignId);
    const recognised = recognition.latest?.version ?? 0;
    const origin = publicOrigin(c);
    const key = `${slug}\u0000${head.version}\u0000${head.hash}\u0000${recognised}\u0000${lang}\u0000${origin}`;
    const cache = cacheOf(deps);
    let page = cache.get(key);
    if (!page) {
      const { view, versions, posting } = await publishedResults(deps, head.campaignId);
      const s = view.snapshot;
      const html = (
        <Layout lang={lang} title={`${PAGE_TITLE.results[lang]}: ${s.campaign.title}`} path={`/r/${slug}`} commune={s.campaign.communeName} scripts={['results.js']}>
          <ResultsContent
            lang={lang} snapshot={s} publication={view.publication} versions={versions} pageUrl={`${origin}/r/${slug}`}
            postingUntil={posting.until} postingDays={posting.days} preview={false}
            recognition={{
              status: recognition.status,
              scanUrl: recognition.latest?.scan ? recognitionScanUrl(slug, recognition.latest.version) : null,
            }}
          />
        </Layout>
      ).toString();
      // Encoded and compressed once: a slow phone connection gets the gzip body.
      const body = strToU8(await html) as Uint8Array<ArrayBuffer>;
      page = { body, gzip: gzipSync(body, { level: 9 }) as Uint8Array<ArrayBuffer>, etag: `"r${head.version}-${head.hash.slice(0, 16)}-k${recognised}-${lang}"` };
      if (cache.size > 2000) cache.clear();
      cache.set(key, page);
    }
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    // The two encodings are two representations: their ETags differ, either one revalidates.
    c.header('ETag', gzip ? page.etag.replace(/"$/, '-gzip"') : page.etag);
    c.header('Cache-Control', 'public, max-age=60');
    c.header('Vary', 'Cookie, Accept-Encoding');
    if (etagMatches(c, page.etag)) return c.body(null, 304);
    c.header('Content-Type', 'text/html; charset=UTF-8');
    if (gzip) {
      c.header('Content-Encoding', 'gzip');
      return c.body(page.gzip);
    }
    return c.body(page.body);
  })
  .get('/r/:slug/qr.svg', async (c) => {
    const slug = c.req.param('slug');
    await publishedHead(c.get('deps'), slug);
    const url = `${publicOrigin(c)}/r/${slug}`;
    let svg = qrCache.get(url);
    if (!svg) {
      svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      if (qrCache.size > 2000) qrCache.clear();
      qrCache.set(url, svg);
    }
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(svg);
  })
  .get('/r/:slug/photos/:photoId', async (c) => {
    const blob = await publishedPhoto(c.get('deps'), c.req.param('slug'), c.req.param('photoId'));
    c.header('Content-Type', blob.contentType);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(blob.bytes as Uint8Array<ArrayBuffer>);
  })
  .get('/staff/campaigns/:id/results', staffReaders, async (c) => {
    const published = Number(c.req.query('published') ?? '');
    return renderPreview(c, c.req.param('id'), Number.isInteger(published) && published > 0 ? { justPublished: published } : {}, 200, c.req.query('preview') === '1');
  })
  .get('/staff/campaigns/:id/photos/:photoId', staffReaders, async (c) => {
    const blob = await previewPhoto(c.get('deps'), currentActor(c), c.req.param('id'), c.req.param('photoId'));
    c.header('Content-Type', blob.contentType);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', "default-src 'none'; sandbox");
    c.header('Cache-Control', 'private, max-age=86400');
    return c.body(blob.bytes as Uint8Array<ArrayBuffer>);
  })
  .post('/staff/campaigns/:id/publish', publishers, async (c) => {
    const id = c.req.param('id');
    const lang = c.get('lang');
    const form = parseInput(publishForm, await c.req.parseBody());
    try {
      const r = await publishResults(c.get('deps'), currentActor(c), id, form.reason);
      return c.redirect(`/staff/campaigns/${encodeURIComponent(id)}/results?published=${r.version}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'NOT_FOUND') throw err;
      if (err.code === 'VALIDATION_FAILED') {
        return renderPreview(c, id, { errors: err.details.map((d) => ({ path: d.path, message: d.message[lang] })) }, 422, true);
      }
      return renderPreview(c, id, { notice: err.text[lang] }, 409, true);
    }
  });
