import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../http/context';
import { currentActor, publicOrigin } from '../http/context';
import { requireRole } from '../http/middleware';
import { parseInput } from '../http/validation';
import { readJson } from '../http/body';
import { viewResults, type ResultsView } from '../services/results/visibility';
import { resultsNotice } from '../services/results/notice';
import { publicationVersions, publishResults } from '../services/publish-results';
import { resultsCsv } from '../services/results-csv';
import { resultsXlsx } from '../services/results-xlsx';
import { XLSX_TYPE } from '../services/spreadsheet/xlsx-write';
import { createTheme, editTheme, groupOpinions } from '../services/manage-themes';
import { slugify } from '../domain/text';

const staff = requireRole('admin', 'staff');

const viewQuery = z.object({
  preview: z.enum(['0', '1']).optional(),
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

const publishSchema = z.object({ reason: z.string().max(2000).optional() });

const themeSchema = z.object({
  title: z.string().trim().min(1).max(300),
  response: z.string().max(20_000).optional(),
  accepted: z.boolean().nullable().optional(),
  departsFromMajority: z.boolean().optional(),
  departureReason: z.string().max(20_000).optional(),
});
const themePatch = themeSchema.partial();
const opinionsSchema = z.object({
  ballotIds: z.array(z.string().min(1).max(100)).min(1).max(5000),
  // a question's name, or a place inside it (`name[row].column`, a row being any text)
  question: z.string().trim().min(1).max(1000),
});

const viewer = (c: AppContext) => c.get('session')?.actor ?? null;

async function view(c: AppContext): Promise<ResultsView> {
  const q = parseInput(viewQuery, c.req.query());
  return viewResults(c.get('deps'), viewer(c), c.req.param('id')!, { preview: q.preview === '1', version: q.version });
}

/**
 * A published snapshot never changes, so the open data may be cached by
 * anyone; a preview is for the signed-in user alone (the default no-store).
 */
function cacheHeaders(c: AppContext, v: ResultsView, kind: string): boolean {
  if (v.preview || !v.publication) return false;
  const etag = `"${kind}-${v.publication.version}-${v.publication.hash.slice(0, 16)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=60');
  return (c.req.header('if-none-match') ?? '').split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

function resultsBody(v: ResultsView) {
  return {
    ...v.snapshot,
    publication: v.publication,
    preview: v.preview,
    ...(v.staff && v.staff.opinions.length > 0 ? { opinions: v.staff.opinions } : {}),
  };
}

async function resultsJson(c: AppContext) {
  const v = await view(c);
  if (cacheHeaders(c, v, 'json')) return c.body(null, 304);
  return c.json(resultsBody(v));
}

function fileName(v: ResultsView, ext: string): string {
  const version = v.publication && !v.preview ? `-v${v.publication.version}` : '-xem-truoc';
  return `ket-qua-${slugify(v.snapshot.campaign.title).slice(0, 50) || v.snapshot.campaign.id}${version}.${ext}`;
}

export const resultRoutes = new Hono<AppEnv>()
  .get('/api/v1/campaigns/:id/results', resultsJson)
  .get('/api/v1/campaigns/:id/results.json', resultsJson)
  .get('/api/v1/campaigns/:id/results.csv', async (c) => {
    const v = await view(c);
    if (cacheHeaders(c, v, 'csv')) return c.body(null, 304);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName(v, 'csv')}"`);
    return c.body(resultsCsv(v.snapshot));
  })
  .get('/api/v1/campaigns/:id/results.xlsx', async (c) => {
    const v = await view(c);
    if (cacheHeaders(c, v, 'xlsx')) return c.body(null, 304);
    c.header('Content-Type', XLSX_TYPE);
    c.header('Content-Disposition', `attachment; filename="${fileName(v, 'xlsx')}"`);
    return c.body(resultsXlsx(v.snapshot) as Uint8Array<ArrayBuffer>);
  })
  .get('/api/v1/campaigns/:id/results-notice.pdf', async (c) => {
    const v = await view(c);
    const villageId = c.req.query('villageId') || undefined;
    const pdf = await resultsNotice(c.get('deps'), v, `${publicOrigin(c)}/r/${v.snapshot.campaign.slug}`, villageId?.slice(0, 100));
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `inline; filename="${fileName(v, 'pdf')}"`);
    return c.body(pdf.toReadableStream());
  })
  .get('/api/v1/campaigns/:id/publications', async (c) =>
    c.json(await publicationVersions(c.get('deps'), viewer(c), c.req.param('id'))))
  .post('/api/v1/campaigns/:id/publish', staff, async (c) => {
    // The body is optional: a first publication needs no reason.
    const input = c.req.header('content-type') ? parseInput(publishSchema, await readJson(c)) : {};
    return c.json(await publishResults(c.get('deps'), currentActor(c), c.req.param('id'), input.reason));
  })
  .post('/api/v1/campaigns/:id/themes', staff, async (c) => {
    const input = parseInput(themeSchema, await readJson(c));
    return c.json(await createTheme(c.get('deps'), currentActor(c), c.req.param('id'), input), 201);
  })
  .put('/api/v1/themes/:id', staff, async (c) => {
    const input = parseInput(themePatch, await readJson(c));
    return c.json(await editTheme(c.get('deps'), currentActor(c), c.req.param('id'), input));
  })
  .post('/api/v1/themes/:id/opinions', staff, async (c) => {
    const input = parseInput(opinionsSchema, await readJson(c));
    return c.json(await groupOpinions(c.get('deps'), currentActor(c), c.req.param('id'), input));
  });
