/** One built asset, as scripts/build-assets.ts writes it into assets.gen.ts. */
export interface BuiltAsset {
  /** the logical name views ask for: 'app.css' */
  name: string;
  /** the content-hashed URL: '/static/app.3f2a1b9c0d1e.css' */
  url: string;
  contentType: string;
  /** a strong validator: the content hash in quotes */
  etag: string;
  /** true when `body` is base64 (icons), false when it is the text itself */
  binary: boolean;
  body: string;
  size: number;
  /** the gzip body, base64; null when compression would not save bytes */
  gzip: string | null;
}
