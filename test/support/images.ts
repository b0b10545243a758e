import { deflateSync } from 'node:zlib';
import { crc32 } from '../../server/domain/photo';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** One PNG chunk: length, type, data and its CRC. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out, 4, 8 + data.length), 8 + data.length);
  return out;
}

/**
 * A real, valid grey PNG built by hand: `bitDepth` bits per pixel, every
 * byte of every scanline `fill`, with `extra` chunks (tEXt, eXIf…) before the
 * pixels, the scanlines deflated at `level`.
 */
export function greyPng(
  width: number, height: number, opts: { bitDepth?: 1 | 8; fill?: number; extra?: Uint8Array[]; level?: number } = {},
): Uint8Array<ArrayBuffer> {
  const bitDepth = opts.bitDepth ?? 8;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([bitDepth, 0, 0, 0, 0], 8);
  const row = 1 + Math.ceil((width * bitDepth) / 8);
  const raw = Buffer.alloc(row * height, opts.fill ?? 0x80);
  for (let y = 0; y < height; y++) raw[y * row] = 0;
  return new Uint8Array(Buffer.concat([
    Buffer.from(SIGNATURE), pngChunk('IHDR', ihdr), ...(opts.extra ?? []),
    pngChunk('IDAT', deflateSync(raw, { level: opts.level ?? 6 })), pngChunk('IEND', new Uint8Array()),
  ]));
}

/** A real 2 × 2 grey PNG, as a phone photo (of a signed sheet, a notice, a decision) would arrive, only smaller. */
export const tinyPng = (): Uint8Array<ArrayBuffer> => greyPng(2, 2);
