import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../http/context';
import { AppError } from '../domain/errors';
import { ASSETS } from '../../web/static/assets.gen';
import { findAsset, assetUrl, type BuiltAsset } from '../../web/static/assets';

export { assetUrl };

// Hashed URLs never change content, so browsers keep them a year without asking;
// plain names (old links, /favicon.ico) are revalidated with their ETag.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';
const DAY = 'public, max-age=86400';

const decoded = new Map<string, Uint8Array>();

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Base64 bodies are decoded once per process (Workers isolate) and kept. */
function bytesOf(key: string, base64: string): Uint8Array {
  let b = decoded.get(key);
  if (!b) {
    b = fromBase64(base64);
    decoded.set(key, b);
  }
  return b;
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/"/g, '');
  // Weak comparison (RFC 9110 §13.1.2): the gzip and identity bodies share the content hash.
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '').replace(/"/g, '').replace(/-gzip$/, '') === bare);
}

function serve(c: AppContext, asset: BuiltAsset, cacheControl: string): Response {
  const gzip = asset.gzip !== null && acceptsGzip(c.req.header('accept-encoding'));
  const etag = gzip ? asset.etag.replace(/"$/, '-gzip"') : asset.etag;
  const headers: Record<string, string> = {
    'Content-Type': asset.contentType,
    'Cache-Control': cacheControl,
    ETag: etag,
    Vary: 'Accept-Encoding',
  };
  if (matches(c.req.header('if-none-match'), asset.etag)) return c.body(null, 304, headers);
  if (gzip) {
    headers['Content-Encoding'] = 'gzip';
    return c.body(bytesOf(`${asset.name}.gz`, asset.gzip!) as Uint8Array<ArrayBuffer>, 200, headers);
  }
  if (asset.binary) return c.body(bytesOf(asset.name, asset.body) as Uint8Array<ArrayBuffer>, 200, headers);
  return c.body(asset.body, 200, headers);
}

function builtIn(name: string): BuiltAsset {
  const a = ASSETS[name];
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

export const staticRoutes = new Hono<AppEnv>()
  .get('/static/:file', (c) => {
    const found = findAsset(c.req.param('file'));
    if (!found) throw new AppError('NOT_FOUND');
    return serve(c, found.asset, found.hashed ? IMMUTABLE : REVALIDATE);
  })
  .get('/favicon.ico', (c) => serve(c, builtIn('favicon.ico'), DAY))
  .get('/robots.txt', (c) => serve(c, builtIn('robots.txt'), DAY));
