// Builds every static asset into one generated module, web/static/assets.gen.ts,
// so the server never reads the filesystem at request time: Cloudflare Workers
// have no filesystem, and on Node the same module keeps a deployment to one
// process with nothing to copy beside it.
//
// Inputs: web/client/*.ts (bundled by esbuild, ES2019 for the old Android
// WebViews inside Zalo), web/static/*.{css,svg,txt} and a generated favicon.ico.
// Each asset gets a content hash (for `/static/app.<hash>.css` URLs cached
// forever), an ETag and a precompressed gzip body.
//
// Runs from `npm install`/`npm ci` (prepare) and before start, test and
// typecheck; `npm run build:assets` runs it by hand.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, extname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const clientDir = join(root, 'web/client');
const staticDir = join(root, 'web/static');
const outFile = join(staticDir, 'assets.gen.ts');

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};
const TEXT = new Set(['.css', '.js', '.svg', '.txt', '.json']);

interface Source { name: string; bytes: Uint8Array }

async function clientBundles(): Promise<Source[]> {
  if (!existsSync(clientDir)) return [];
  const entries = readdirSync(clientDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const out: Source[] = [];
  for (const file of entries) {
    const result = await build({
      entryPoints: [join(clientDir, file)],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2019',
      platform: 'browser',
      write: false,
      legalComments: 'none',
      logLevel: 'warning',
    });
    out.push({ name: file.replace(/\.ts$/, '.js'), bytes: result.outputFiles[0]!.contents });
  }
  return out;
}

function staticFiles(): Source[] {
  return readdirSync(staticDir)
    .filter((f) => f !== basename(outFile) && TYPES[extname(f)] && !f.endsWith('.ts'))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(staticDir, f))) }));
}

/**
 * A 32×32 favicon.ico drawn in code (a white tick on the brand blue), so the
 * repository holds no binary file. ICO = ICONDIR + one entry + a 32-bit BMP
 * (bottom-up rows) + a 1-bit AND mask.
 */
function favicon(): Source {
  const size = 32;
  const brand = [0x94, 0x53, 0x0b]; // #0b5394 as B, G, R
  const pixels = new Uint8Array(size * size * 4);
  const seg = (px: number, py: number, ax: number, ay: number, bx: number, by: number) => {
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = x + 0.5, cy = y + 0.5;
      // rounded square, radius 6
      const qx = Math.max(6 - cx, 0, cx - (size - 6)), qy = Math.max(6 - cy, 0, cy - (size - 6));
      const inside = Math.hypot(qx, qy) <= 6;
      const tick = Math.min(seg(cx, cy, 8, 17, 13.5, 22.5), seg(cx, cy, 13.5, 22.5, 24, 10)) <= 2.4;
      const row = size - 1 - y; // BMP rows run bottom-up
      const i = (row * size + x) * 4;
      if (!inside) continue; // transparent
      const [b, g, r] = tick ? [255, 255, 255] : brand;
      pixels.set([b!, g!, r!, 255], i);
    }
  }
  const maskRow = 4; // 32 bits per row, already 4-byte aligned
  const mask = new Uint8Array(maskRow * size); // all zero: alpha channel decides
  const header = new DataView(new ArrayBuffer(6 + 16 + 40));
  header.setUint16(0, 0, true); header.setUint16(2, 1, true); header.setUint16(4, 1, true);
  const imageSize = 40 + pixels.length + mask.length;
  header.setUint8(6, size); header.setUint8(7, size); header.setUint8(8, 0); header.setUint8(9, 0);
  header.setUint16(10, 1, true); header.setUint16(12, 32, true);
  header.setUint32(14, imageSize, true); header.setUint32(18, 22, true);
  const bmp = 22;
  header.setUint32(bmp, 40, true); header.setInt32(bmp + 4, size, true); header.setInt32(bmp + 8, size * 2, true);
  header.setUint16(bmp + 12, 1, true); header.setUint16(bmp + 14, 32, true); header.setUint32(bmp + 16, 0, true);
  header.setUint32(bmp + 20, pixels.length + mask.length, true);
  const bytes = new Uint8Array(header.byteLength + pixels.length + mask.length);
  bytes.set(new Uint8Array(header.buffer), 0);
  bytes.set(pixels, header.byteLength);
  bytes.set(mask, header.byteLength + pixels.length);
  return { name: 'favicon.ico', bytes };
}

function entry(src: Source) {
  const ext = extname(src.name);
  const hash = createHash('sha256').update(src.bytes).digest('hex').slice(0, 12);
  const stem = src.name.slice(0, -ext.length);
  const gz = gzipSync(src.bytes, { level: 9 });
  const text = TEXT.has(ext);
  return {
    name: src.name,
    url: `/static/${stem}.${hash}${ext}`,
    contentType: TYPES[ext]!,
    etag: `"${hash}"`,
    binary: !text,
    body: text ? new TextDecoder().decode(src.bytes) : Buffer.from(src.bytes).toString('base64'),
    size: src.bytes.byteLength,
    // Only worth sending when it saves bytes (a tiny SVG may grow).
    gzip: gz.byteLength < src.bytes.byteLength * 0.9 ? Buffer.from(gz).toString('base64') : null,
  };
}

const sources = [...(await clientBundles()), ...staticFiles(), favicon()];
const assets = sources.map(entry);
const lines = [
  '// Generated by scripts/build-assets.ts from web/client and web/static: do not edit, do not commit.',
  "import type { BuiltAsset } from './asset-types';",
  '',
  'export const ASSETS: Record<string, BuiltAsset> = {',
  ...assets.map((a) => `  ${JSON.stringify(a.name)}: ${JSON.stringify(a)},`),
  '};',
  '',
];
const next = lines.join('\n');
if (!existsSync(outFile) || readFileSync(outFile, 'utf8') !== next) writeFileSync(outFile, next);
for (const a of assets) {
  const gz = a.gzip ? Math.floor((a.gzip.length * 3) / 4) : a.size;
  console.log(`  ${a.url.padEnd(40)} ${String(a.size).padStart(7)} B  gzip ${String(gz).padStart(6)} B`);
}
