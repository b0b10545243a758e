// Photos of signed tally sheets (biên bản) taken on a village head's phone.
// Pure byte work, no native image library (the same code runs on Workers):
// - the format is read from the bytes (magic number), never from the file
//   name or the Content-Type the phone sent, so a renamed text file is refused;
// - width and height come from the header (PNG IHDR, JPEG SOFn), so a file
//   that only starts like an image is refused too;
// - metadata is removed before storing: a phone's EXIF carries GPS position,
//   the device and the time, which a village head never meant to publish.
//   JPEG: APP1–APP13, APP15 and COM segments are dropped; PNG: tEXt, iTXt,
//   zTXt, eXIf and tIME chunks. Anything after the end marker is dropped too
//   (some phones append their own data after JPEG EOI).

export type ImageType = 'image/jpeg' | 'image/png';

export interface CleanImage {
  mime: ImageType;
  width: number;
  height: number;
  bytes: Uint8Array;
}

export type ImageRefusal =
  /** not a JPEG or PNG at all */
  | 'not_an_image'
  /** starts like one but its structure is broken or truncated */
  | 'damaged'
  /** decodes to more pixels than any phone photo (a decompression bomb for whoever views it) */
  | 'too_many_pixels';

export type ImageCheck = ({ ok: true } & CleanImage) | { ok: false; reason: ImageRefusal };

/** Photos larger than this are refused before anything is read. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/**
 * Read from the header before anything is decoded: a phone's full-resolution
 * 48–50 megapixel mode (8160 × 6120) still passes, while a few kilobytes of
 * blank PNG that decode to 100 megapixels (400 MB of RGBA in whoever opens
 * it) do not. Any larger phone photo is over PHOTO_MAX_BYTES anyway.
 */
export const PHOTO_MAX_PIXELS = 50_000_000;
/** No side longer than this (the canvas limit of common browsers). */
export const PHOTO_MAX_SIDE = 16_384;
/** Photos one version of a tally sheet takes: its pages, and a few retakes. */
export const PHOTOS_PER_SHEET = 10;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_METADATA = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Checks and strips a JPEG or PNG; the result is what gets stored. */
export function cleanImage(bytes: Uint8Array): ImageCheck {
  const type = sniffImage(bytes);
  if (type === 'image/png') return cleanPng(bytes);
  if (type === 'image/jpeg') return cleanJpeg(bytes);
  return { ok: false, reason: 'not_an_image' };
}

function sizeCheck(width: number, height: number): ImageRefusal | null {
  if (width < 1 || height < 1) return 'damaged';
  if (width > PHOTO_MAX_SIDE || height > PHOTO_MAX_SIDE || width * height > PHOTO_MAX_PIXELS) return 'too_many_pixels';
  return null;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---- PNG ----

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG computes it (over the chunk type and data). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function cleanPng(bytes: Uint8Array): ImageCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  let width = 0;
  let height = 0;
  let first = true;
  let sawData = false;
  for (;;) {
    if (at + 12 > bytes.length) return { ok: false, reason: 'damaged' };
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return { ok: false, reason: 'damaged' };
    if (crc32(bytes, at + 4, at + 8 + length) !== view.getUint32(at + 8 + length)) return { ok: false, reason: 'damaged' };
    if (first) {
      // IHDR must come first and is exactly 13 bytes (PNG spec §11.2.2).
      if (type !== 'IHDR' || length !== 13) return { ok: false, reason: 'damaged' };
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const refusal = sizeCheck(width, height);
      if (refusal) return { ok: false, reason: refusal };
      first = false;
    }
    if (type === 'IDAT') sawData = true;
    if (!PNG_METADATA.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  if (!sawData) return { ok: false, reason: 'damaged' };
  return { ok: true, mime: 'image/png', width, height, bytes: concat(kept) };
}

// ---- JPEG ----

// Start-of-frame markers carry the dimensions; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
// APP14 ("Adobe") only says how colours are encoded; dropping it would turn
// some CMYK/YCCK photos into wrong colours, and it holds nothing personal.
const dropSegment = (m: number) => (m >= 0xe1 && m <= 0xef && m !== 0xee) || m === 0xfe;
// Markers without a length: TEM and the restart markers.
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

function cleanJpeg(bytes: Uint8Array): ImageCheck {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  let width = 0;
  let height = 0;
  let scanned = false;
  for (;;) {
    if (at + 2 > bytes.length) return { ok: false, reason: 'damaged' };
    if (bytes[at] !== 0xff) return { ok: false, reason: 'damaged' };
    let marker = bytes[at + 1]!;
    // fill bytes (FF FF …) may pad before a marker
    while (marker === 0xff && at + 2 < bytes.length) {
      at++;
      marker = bytes[at + 1]!;
    }
    if (marker === 0xd9) {
      if (!scanned || width === 0) return { ok: false, reason: 'damaged' };
      kept.push(bytes.subarray(at, at + 2));
      break;
    }
    if (standalone(marker)) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (marker === 0xd8 || marker === 0x00) return { ok: false, reason: 'damaged' };
    if (at + 4 > bytes.length) return { ok: false, reason: 'damaged' };
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return { ok: false, reason: 'damaged' };
    if (isSof(marker)) {
      if (length < 8) return { ok: false, reason: 'damaged' };
      height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      const refusal = sizeCheck(width, height);
      if (refusal) return { ok: false, reason: refusal };
    }
    if (!dropSegment(marker)) kept.push(bytes.subarray(at, end));
    at = end;
    if (marker === 0xda) {
      if (width === 0) return { ok: false, reason: 'damaged' };
      scanned = true;
      // Entropy-coded data runs until a marker that is not a stuffed 00 or a restart marker.
      const start = at;
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7))) at++;
      if (at + 1 >= bytes.length) return { ok: false, reason: 'damaged' };
      kept.push(bytes.subarray(start, at));
    }
  }
  return { ok: true, mime: 'image/jpeg', width, height, bytes: concat(kept) };
}
