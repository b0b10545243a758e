import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { cleanImage, crc32, sniffImage } from '../../server/domain/photo';
import { greyPng, pngChunk } from '../support/images';

// A real 16 × 16 baseline JPEG (JFIF, no metadata), as a camera library writes it.
const JPEG = new Uint8Array(Buffer.from('/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z', 'base64'));

const ascii = (s: string) => new TextEncoder().encode(s);
const contains = (hay: Uint8Array, needle: string) => Buffer.from(hay).includes(Buffer.from(needle, 'latin1'));

function segment(marker: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  out.set([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  out.set(payload, 4);
  return out;
}

/** The JPEG with segments put right after its SOI, and optional bytes after its EOI. */
function jpegWith(extra: Uint8Array[], trailer = new Uint8Array()): Uint8Array {
  return new Uint8Array(Buffer.concat([JPEG.subarray(0, 2), ...extra, JPEG.subarray(2), trailer]));
}

/** A valid w × h grey PNG built by hand, with extra chunks before IDAT. */
const png = (w: number, h: number, extra: Uint8Array[] = []): Uint8Array => greyPng(w, h, { extra });

describe('photo checks', () => {
  it('reads a JPEG by its bytes and its size from the frame header', () => {
    const r = cleanImage(JPEG);
    expect(r).toMatchObject({ ok: true, mime: 'image/jpeg', width: 16, height: 16 });
    if (r.ok) expect(Buffer.from(r.bytes).equals(Buffer.from(JPEG))).toBe(true);
  });

  it('drops EXIF (APP1), other APPn and comments from a JPEG, and anything after its end marker', () => {
    const exif = segment(0xe1, ascii('Exif\u0000\u0000GPS 20.86N 106.68E Samsung'));
    const xmp = segment(0xed, ascii('Photoshop IPTC author'));
    const comment = segment(0xfe, ascii('taken by Nguyen Van A'));
    const dirty = jpegWith([exif, xmp, comment], ascii('TRAILER-DATA'));
    const r = cleanImage(dirty);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const s of ['GPS', 'Photoshop', 'Nguyen', 'TRAILER']) expect(contains(r.bytes, s), s).toBe(false);
    expect(Buffer.from(r.bytes).equals(Buffer.from(JPEG))).toBe(true);
  });

  it('keeps the Adobe APP14 segment that tells how colours are encoded', () => {
    const adobe = segment(0xee, new Uint8Array([...ascii('Adobe'), 0, 100, 0, 0, 0, 0, 1]));
    const r = cleanImage(jpegWith([adobe]));
    expect(r.ok && contains(r.bytes, 'Adobe')).toBe(true);
  });

  it('reads a PNG size from IHDR and removes its text, EXIF and time chunks', () => {
    const dirty = png(3, 2, [
      pngChunk('tEXt', ascii('Author\u0000Nguyen Van A')),
      pngChunk('iTXt', ascii('Comment\u0000\u0000\u0000\u0000\u0000hidden')),
      pngChunk('zTXt', new Uint8Array([...ascii('Note'), 0, 0, ...deflateSync('zipped secret')])),
      pngChunk('eXIf', ascii('MM\u0000*GPS')),
      pngChunk('tIME', new Uint8Array([7, 234, 11, 26, 9, 0, 0])),
    ]);
    const r = cleanImage(dirty);
    expect(r).toMatchObject({ ok: true, mime: 'image/png', width: 3, height: 2 });
    if (!r.ok) return;
    for (const s of ['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME', 'Nguyen']) expect(contains(r.bytes, s), s).toBe(false);
    expect(Buffer.from(r.bytes).equals(Buffer.from(png(3, 2)))).toBe(true);
  });

  it.each([
    ['a text file named .jpg', ascii('Biên bản họp thôn\nnot a photo'), 'not_an_image'],
    ['an empty body', new Uint8Array(), 'not_an_image'],
    ['a GIF', ascii('GIF89a\u0001\u0000\u0001\u0000'), 'not_an_image'],
    ['a JPEG cut in the middle', JPEG.subarray(0, 300), 'damaged'],
    ['a JPEG header alone', JPEG.subarray(0, 20), 'damaged'],
    ['a PNG signature alone', png(1, 1).subarray(0, 8), 'damaged'],
    ['a PNG without its end', png(2, 2).subarray(0, 60), 'damaged'],
  ] as const)('refuses %s', (_name, bytes, reason) => {
    expect(cleanImage(bytes)).toEqual({ ok: false, reason });
  });

  it('refuses a PNG whose chunk checksum is wrong', () => {
    const bad = png(2, 2);
    bad[20] = bad[20]! ^ 0xff; // inside IHDR data
    expect(cleanImage(bad)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('refuses images that claim zero or absurd dimensions', () => {
    expect(cleanImage(png(0, 5))).toEqual({ ok: false, reason: 'damaged' });
    expect(cleanImage(png(1, 1).slice()).ok).toBe(true);
    const huge = png(1, 1);
    const v = new DataView(huge.buffer, huge.byteOffset);
    v.setUint32(16, 100_000);
    v.setUint32(20, 100_000);
    v.setUint32(29, crc32(huge, 12, 29));
    expect(cleanImage(huge)).toEqual({ ok: false, reason: 'too_many_pixels' });
  });

  it('tells the format from the bytes only', () => {
    expect(sniffImage(JPEG)).toBe('image/jpeg');
    expect(sniffImage(png(1, 1))).toBe('image/png');
    expect(sniffImage(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});
