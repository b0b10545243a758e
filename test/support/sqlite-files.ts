// Reading SQLite files as an attacker with a copy of them would: the database
// file page by page, the write-ahead log frame by frame (stale frames of
// earlier generations included), and the rows on every b-tree leaf page with
// where each one sits on its page. Only what the file format documents
// (https://www.sqlite.org/fileformat2.html); no SQLite library, so nothing is
// hidden by a reader that skips uncommitted or stale data.

export type Value = null | number | bigint | string | Uint8Array;

/** One row as found on a leaf page. */
export interface LeafRow {
  page: number;
  /** a table b-tree (rowid tables) or an index b-tree (indexes and WITHOUT ROWID tables) */
  tree: 'table' | 'index';
  /** byte offset of the cell on its page: SQLite fills a page from its end, so lower means written later */
  offset: number;
  /** the record's payload size in bytes (the whole row, overflow included) */
  size: number;
  /** the record's columns; a column cut short by an overflow page is decoded as far as it goes */
  values: Value[];
}

export interface WalFrame {
  /** position in the file, from 0 */
  index: number;
  page: number;
  /** database size in pages after this commit; 0 for a frame that does not end a commit */
  commit: number;
  salt1: number;
  salt2: number;
  data: Uint8Array;
}

export interface Wal {
  pageSize: number;
  salt1: number;
  salt2: number;
  frames: WalFrame[];
}

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

function varint(b: Uint8Array, at: number): [bigint, number] {
  let v = 0n;
  for (let i = 0; i < 8; i++) {
    const byte = b[at + i];
    if (byte === undefined) return [v, i];
    v = (v << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) return [v, i + 1];
  }
  return [(v << 8n) | BigInt(b[at + 8] ?? 0), 9];
}

/** The page size of a database file (its header), 4096 when the file is empty. */
export function pageSizeOf(db: Uint8Array): number {
  if (db.length < 100) return 4096;
  const n = u16(db, 16);
  return n === 1 ? 65536 : n;
}

/** The database file cut into pages (page numbers start at 1). */
export function dbPages(db: Uint8Array): Map<number, Uint8Array> {
  const size = pageSizeOf(db);
  const out = new Map<number, Uint8Array>();
  for (let at = 0, n = 1; at + size <= db.length; at += size, n++) out.set(n, db.subarray(at, at + size));
  return out;
}

/** Every frame of a WAL file, the current generation's and the stale ones left behind after a checkpoint. */
export function walFrames(wal: Uint8Array): Wal | null {
  if (wal.length < 32) return null;
  const magic = u32(wal, 0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return null;
  const pageSize = u32(wal, 8);
  const frames: WalFrame[] = [];
  for (let at = 32, index = 0; at + 24 + pageSize <= wal.length; at += 24 + pageSize, index++) {
    const page = u32(wal, at);
    if (page === 0) continue;
    frames.push({ index, page, commit: u32(wal, at + 4), salt1: u32(wal, at + 8), salt2: u32(wal, at + 12), data: wal.subarray(at + 24, at + 24 + pageSize) });
  }
  return { pageSize, salt1: u32(wal, 16), salt2: u32(wal, 20), frames };
}

/** A group of frames written by one commit. */
export interface Commit {
  generation: number;
  frames: WalFrame[];
}

/**
 * The commits a WAL holds, oldest first: stale generations (frames whose salt
 * is not the header's, left by an earlier cycle of the log; the first salt
 * grows by one at each restart) before the current one, and in each the
 * frames in file order up to each commit frame.
 */
export function walCommits(wal: Wal): Commit[] {
  const bySalt = new Map<string, WalFrame[]>();
  for (const f of wal.frames) {
    const key = `${f.salt1}:${f.salt2}`;
    let list = bySalt.get(key);
    if (!list) bySalt.set(key, (list = []));
    list.push(f);
  }
  const current = `${wal.salt1}:${wal.salt2}`;
  const generations = [...bySalt.entries()].sort(([a, fa], [b, fb]) => {
    if (a === current) return 1;
    if (b === current) return -1;
    return fa[0]!.salt1 - fb[0]!.salt1;
  });
  const out: Commit[] = [];
  generations.forEach(([, frames], generation) => {
    let group: WalFrame[] = [];
    for (const f of frames) {
      group.push(f);
      if (f.commit !== 0) {
        out.push({ generation, frames: group });
        group = [];
      }
    }
  });
  return out;
}

/** Decodes a record (header of serial types, then the values) as far as the bytes go. */
export function decodeRecord(b: Uint8Array): Value[] {
  const [headerSize, n0] = varint(b, 0);
  const types: bigint[] = [];
  for (let at = n0; at < Number(headerSize) && at < b.length;) {
    const [t, n] = varint(b, at);
    types.push(t);
    at += n;
  }
  const values: Value[] = [];
  let at = Number(headerSize);
  const dec = new TextDecoder('utf-8', { fatal: false });
  for (const t of types) {
    const type = Number(t);
    if (type === 0) values.push(null);
    else if (type >= 1 && type <= 6) {
      const width = [0, 1, 2, 3, 4, 6, 8][type]!;
      let v = 0n;
      for (let i = 0; i < width; i++) v = (v << 8n) | BigInt(b[at + i] ?? 0);
      if (width > 0 && (b[at] ?? 0) & 0x80) v -= 1n << BigInt(width * 8);
      values.push(width <= 6 ? Number(v) : v);
      at += width;
    } else if (type === 7) {
      values.push(at + 8 <= b.length ? new DataView(b.buffer, b.byteOffset + at, 8).getFloat64(0) : null);
      at += 8;
    } else if (type === 8 || type === 9) values.push(type - 8);
    else if (type >= 12) {
      const len = type % 2 === 0 ? (type - 12) / 2 : (type - 13) / 2;
      const bytes = b.subarray(at, Math.min(b.length, at + len));
      values.push(type % 2 === 0 ? bytes : dec.decode(bytes));
      at += len;
    } else values.push(null);
  }
  return values;
}

/**
 * The rows on a b-tree page, each with its cell offset: the rows of a table
 * leaf, and every entry of an index page, leaf or interior (WITHOUT ROWID
 * tables are index b-trees, and their interior pages hold whole rows as
 * dividers); [] for any other page.
 */
export function leafRows(page: Uint8Array, pageNo: number, usable = page.length): LeafRow[] {
  const h = pageNo === 1 ? 100 : 0;
  const type = page[h];
  if (type !== 0x0a && type !== 0x0d && type !== 0x02) return [];
  const cells = u16(page, h + 3);
  const pointers = h + (type === 0x02 ? 12 : 8);
  const out: LeafRow[] = [];
  const maxLocal = type === 0x0d ? usable - 35 : Math.floor(((usable - 12) * 64) / 255) - 23;
  const minLocal = Math.floor(((usable - 12) * 32) / 255) - 23;
  for (let i = 0; i < cells; i++) {
    const offset = u16(page, pointers + 2 * i);
    if (offset < pointers || offset >= page.length) continue;
    let at = offset + (type === 0x02 ? 4 : 0);
    const [size, n] = varint(page, at);
    at += n;
    if (type === 0x0d) at += varint(page, at)[1];
    const p = Number(size);
    let local = p;
    if (p > maxLocal) {
      const k = minLocal + ((p - minLocal) % (usable - 4));
      local = k <= maxLocal ? k : minLocal;
    }
    const payload = page.subarray(at, Math.min(page.length, at + local));
    try {
      out.push({ page: pageNo, tree: type === 0x0d ? 'table' : 'index', offset, size: p, values: decodeRecord(payload) });
    } catch {
      /* a torn or foreign page: nothing an attacker could read either */
    }
  }
  return out;
}

/** How many times `needle` occurs in `hay`. */
export function occurrences(hay: Uint8Array, needle: Uint8Array): number {
  if (needle.length === 0) return 0;
  let count = 0;
  const first = needle[0]!;
  for (let i = hay.indexOf(first); i !== -1 && i <= hay.length - needle.length; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) count++;
  }
  return count;
}
