import { ASSETS } from './assets.gen';
import type { BuiltAsset } from './asset-types';

export type { BuiltAsset };

/**
 * The content-hashed URL of a built asset ('app.css' → '/static/app.<hash>.css'),
 * so browsers may cache it forever and still see a new version at once.
 * An unknown name is a programming error, caught by the first render in tests.
 */
export function assetUrl(name: string): string {
  const a = ASSETS[name];
  if (!a) throw new Error(`unknown asset ${name}; add it under web/static or web/client and run npm run build:assets`);
  return a.url;
}

const byFile = new Map<string, BuiltAsset>();
for (const a of Object.values(ASSETS)) {
  byFile.set(a.url.slice('/static/'.length), a);
}

/** Finds an asset by its file name in a URL: the hashed name, or the plain name (revalidated, not immutable). */
export function findAsset(file: string): { asset: BuiltAsset; hashed: boolean } | null {
  const hashed = byFile.get(file);
  if (hashed) return { asset: hashed, hashed: true };
  const plain = ASSETS[file];
  return plain ? { asset: plain, hashed: false } : null;
}
