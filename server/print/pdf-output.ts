// The one place that creates pdfkit documents. Every printable document is a
// sync generator that draws one sheet per step; the bytes are pulled from
// here in chunks, so a 10,000-ballot batch never sits in memory at once and
// the same code runs on Node and on Workers (fonts arrive as bytes, no paths).
import PDFDocument from 'pdfkit';

/** TrueType bytes of a font family that covers Vietnamese (pdfkit's 14 standard fonts do not). */
export interface PrintFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export type Doc = PDFKit.PDFDocument;

export const FONT = { regular: 'vn-regular', bold: 'vn-bold' } as const;

export interface DocumentSetup {
  title: string;
  size: 'A3' | 'A4' | 'A5';
  layout?: 'portrait' | 'landscape';
  /** Fixed for reproducible output in tests; defaults to now. */
  createdAt?: Date;
}

/** Draws the document, yielding once after each sheet so the caller can drain bytes. */
export type SheetWriter = (doc: Doc) => Iterable<unknown>;

const CHUNK_BYTES = 64 * 1024;
const TRIM_EVERY_SHEETS = 128;

interface PdfkitInternals {
  addContent(data: string): unknown;
  _font: { id: string; ref(): unknown };
  page: { fonts: Record<string, unknown>; dictionary: object } | undefined;
  _offset: number;
  _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }>;
  _root: { data: { Pages: { data: { Kids: object[] } } } };
}

/**
 * pdfkit pushes one tiny chunk per PDF line into a Node Readable, which
 * buffers everything nobody reads and needs a tick to flow. Taking the bytes
 * at `_write` instead (pdfkit 0.20, pinned) batches them and gives real
 * back-pressure: a sheet is drawn only when the consumer asks for more.
 */
class SinkDocument extends PDFDocument {
  // `declare`: no field initialisers, which would run after super() and drop
  // the header pdfkit writes from its constructor.
  declare private parts?: (string | Uint8Array)[];
  declare private pendingBytes?: number;

  _write(data: string | Uint8Array): void {
    const parts = (this.parts ??= []);
    let length: number;
    if (typeof data === 'string') {
      parts.push(data + '\n');
      length = data.length + 1;
    } else {
      parts.push(data);
      length = data.length;
    }
    this.pendingBytes = (this.pendingBytes ?? 0) + length;
    (this as unknown as PdfkitInternals)._offset += length;
  }

  /**
   * Keeps memory flat over a long batch (measured: ~4 KB of heap per ballot
   * otherwise). pdfkit caches the glyph layout of every distinct word for the
   * life of the document, and serials, codes and names are all distinct; and
   * it keeps each written page's dictionary (with its resources) until the
   * end, when only "N 0 R" is needed. Clearing the cache costs one re-layout
   * of the fixed wording per trim; pages already written become bare references.
   */
  forgetFinishedPages(): void {
    const self = this as unknown as PdfkitInternals;
    for (const font of Object.values(self._fontFamilies)) {
      if (font.layoutCache) font.layoutCache = Object.create(null) as Record<string, unknown>;
    }
    const kids = self._root.data.Pages.data.Kids;
    const current = self.page?.dictionary;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i] as { id: number; gen: number; data?: unknown };
      if (kid === current || kid.data === undefined) continue;
      // Same class, so PDFObject.convert still writes it as "id gen R".
      kids[i] = Object.assign(Object.create(Object.getPrototypeOf(kid) as object) as object, { id: kid.id, gen: kid.gen });
    }
  }

  get writtenBytes(): number {
    return this.pendingBytes ?? 0;
  }

  /** The bytes written since the last call, as one array; PDF syntax strings are Latin-1 by construction. */
  takeWritten(): Uint8Array {
    const out = new Uint8Array(this.writtenBytes);
    let at = 0;
    for (const part of this.parts ?? []) {
      if (typeof part === 'string') {
        for (let i = 0; i < part.length; i++) out[at++] = part.charCodeAt(i) & 0xff;
      } else {
        out.set(part, at);
        at += part.length;
      }
    }
    this.parts = [];
    this.pendingBytes = 0;
    return out;
  }
}

function* pdfChunks(fonts: PrintFonts, setup: DocumentSetup, write: SheetWriter): Generator<Uint8Array> {
  const doc = new SinkDocument({
    size: setup.size,
    layout: setup.layout ?? 'portrait',
    margin: 0,
    autoFirstPage: false,
    // null skips loading Helvetica's metrics, which are read from disk on Node and never used here.
    font: null as unknown as string,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: setup.title,
      Creator: 'Dân Bàn',
      Producer: 'Dân Bàn (pdfkit)',
      CreationDate: setup.createdAt ?? new Date(),
    },
  });
  // Registered once per document: the font file is parsed once and embedded once,
  // subset to the glyphs the whole batch used, however many ballots it holds.
  doc.registerFont(FONT.regular, fonts.regular as Buffer);
  doc.registerFont(FONT.bold, fonts.bold as Buffer);
  let sheets = 0;
  for (const _sheet of write(doc)) {
    if (++sheets % TRIM_EVERY_SHEETS === 0) doc.forgetFinishedPages();
    if (doc.writtenBytes >= CHUNK_BYTES) yield doc.takeWritten();
  }
  doc.end();
  yield doc.takeWritten();
}

/** A PDF being produced: iterate it, stream it, pipe it to a sink, or collect it. */
export class PdfOutput implements AsyncIterable<Uint8Array>, Iterable<Uint8Array> {
  constructor(
    private readonly fonts: PrintFonts,
    private readonly setup: DocumentSetup,
    private readonly write: SheetWriter,
  ) {}

  [Symbol.iterator](): Iterator<Uint8Array> {
    return pdfChunks(this.fonts, this.setup, this.write);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (const chunk of this) yield chunk;
  }

  /** For an HTTP response body: sheets are drawn as the client reads. */
  toReadableStream(): ReadableStream<Uint8Array> {
    const chunks = this[Symbol.iterator]();
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel() {
        chunks.return?.(undefined);
      },
    });
  }

  /** Writes every chunk to the sink, awaiting it (back-pressure); resolves to the byte count. */
  async writeTo(sink: (chunk: Uint8Array) => void | Promise<void>): Promise<number> {
    let total = 0;
    for (const chunk of this) {
      total += chunk.length;
      await sink(chunk);
    }
    return total;
  }

  /** The whole PDF in memory: for small documents (forms, posters, a village's ballots). */
  toBytes(): Uint8Array {
    const chunks = [...this];
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/**
 * Draws once and returns the content-stream operators it produced, so the
 * same artwork can be stamped on later pages by replayOps without laying the
 * text out again (glyph layout is most of pdfkit's cost per ballot). The
 * drawing is wrapped in q/Q so no graphics state leaks in or out.
 */
export function recordOps(doc: Doc, draw: () => void): string {
  const self = doc as unknown as PdfkitInternals;
  const original = self.addContent;
  const ops: string[] = [];
  self.addContent = function (this: unknown, data: string) {
    ops.push(data);
    return original.call(this, data);
  };
  try {
    doc.save();
    draw();
    doc.restore();
  } finally {
    self.addContent = original;
  }
  return ops.join('\n');
}

/** Replays recorded operators on the current page, moved down by dy points. */
export function replayOps(doc: Doc, ops: string, dy = 0): void {
  const self = doc as unknown as PdfkitInternals;
  // The recorded text names the fonts as /F1, /F2: the page must list them as resources.
  for (const name of [FONT.regular, FONT.bold]) {
    doc.font(name);
    if (self.page && self.page.fonts[self._font.id] == null) self.page.fonts[self._font.id] = self._font.ref();
  }
  self.addContent(dy ? `q\n1 0 0 1 0 ${dy} cm\n${ops}\nQ` : ops);
}

export function renderPdf(fonts: PrintFonts, setup: DocumentSetup, write: SheetWriter): PdfOutput {
  return new PdfOutput(fonts, setup, write);
}
