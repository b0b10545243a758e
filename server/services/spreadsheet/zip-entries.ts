import { Inflate } from 'fflate';

// Reads the entries of a zip archive (an .xlsx is one) with hard limits, so a
// small upload cannot expand into gigabytes of memory. fflate's unzipSync
// trusts the sizes the archive declares and grows its buffer past them, so
// the central directory is read here and each entry inflated in small input
// slices, stopping as soon as the real output passes the limit.

export interface ZipLimits {
  /** Most entries the archive may list. */
  maxEntries: number;
  /** Most bytes all the inflated entries together may take. */
  maxTotalBytes: number;
}

export class ZipError extends Error {
  constructor(readonly reason: 'not_zip' | 'broken' | 'too_large' | 'too_many_entries' | 'unsupported') {
    super(`zip: ${reason}`);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

/** Lists the entries from the central directory; refuses what is not a zip or lists too much. */
export function listZipEntries(data: Uint8Array, limits: ZipLimits): ZipEntry[] {
  if (data.length < 22 || u32(data, 0) !== 0x04034b50) throw new ZipError('not_zip');
  let eocd = -1;
  for (let o = data.length - 22; o >= Math.max(0, data.length - 22 - 0xffff); o--) {
    if (u32(data, o) === 0x06054b50) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('broken');
  const count = u16(data, eocd + 10);
  let at = u32(data, eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError('unsupported'); // zip64: never an office file this small
  if (count > limits.maxEntries) throw new ZipError('too_many_entries');
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(data, at) !== 0x02014b50) throw new ZipError('broken');
    const method = u16(data, at + 10);
    const compressedSize = u32(data, at + 20);
    const size = u32(data, at + 24);
    const nameLen = u16(data, at + 28);
    const extraLen = u16(data, at + 30);
    const commentLen = u16(data, at + 32);
    const localOffset = u32(data, at + 42);
    if (at + 46 + nameLen > data.length) throw new ZipError('broken');
    const name = names.decode(data.subarray(at + 46, at + 46 + nameLen));
    declared += size;
    if (declared > limits.maxTotalBytes) throw new ZipError('too_large');
    entries.push({ name, method, compressedSize, size, localOffset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** A budget of inflated bytes shared by every entry read from one archive. */
export interface InflateBudget {
  remaining: number;
}

const SLICE = 16 * 1024; // a 16 KiB slice inflates to at most ~16 MiB: the most one step can overshoot the budget

/**
 * Inflates one entry slice by slice, counting its real output against the
 * budget, and hands out what each slice produced: a reader can parse a
 * sheet as it inflates, never holding the whole of it.
 */
export function* inflateEntry(data: Uint8Array, entry: ZipEntry, budget: InflateBudget): Generator<Uint8Array> {
  const o = entry.localOffset;
  if (o + 30 > data.length || u32(data, o) !== 0x04034b50) throw new ZipError('broken');
  const start = o + 30 + u16(data, o + 26) + u16(data, o + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new ZipError('broken');
  const raw = data.subarray(start, end);
  if (entry.method === 0) {
    if (raw.length > budget.remaining) throw new ZipError('too_large');
    budget.remaining -= raw.length;
    for (let i = 0; i < raw.length; i += SLICE) yield raw.slice(i, Math.min(raw.length, i + SLICE));
    return;
  }
  if (entry.method !== 8) throw new ZipError('unsupported');
  let out: Uint8Array[] = [];
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (chunk.length > budget.remaining) throw new ZipError('too_large');
    budget.remaining -= chunk.length;
    out.push(chunk);
    if (final) ended = true;
  });
  const push = (slice: Uint8Array, final: boolean) => {
    try {
      inflater.push(slice, final);
    } catch (err) {
      if (err instanceof ZipError) throw err;
      throw new ZipError('broken');
    }
  };
  if (raw.length === 0) push(new Uint8Array(0), true);
  for (let i = 0; i < raw.length; i += SLICE) {
    push(raw.subarray(i, Math.min(raw.length, i + SLICE)), i + SLICE >= raw.length);
    const produced = out;
    out = [];
    for (const chunk of produced) yield chunk;
  }
  for (const chunk of out) yield chunk;
  if (!ended) throw new ZipError('broken');
}

/** Inflates one whole entry (a small part: the workbook, its relationships). */
export function readZipEntry(data: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const chunks = [...inflateEntry(data, entry, budget)];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
