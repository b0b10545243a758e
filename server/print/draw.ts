// Drawing primitives shared by the printed documents. Text is laid out here
// (one line per call, wrapping done once) rather than through pdfkit's line
// wrapper: a ballot batch draws the same blocks thousands of times and needs
// to know heights before drawing to shrink or continue long content.
import QRCode from 'qrcode';
import { FONT, type Doc } from './pdf-output';

export type Weight = 'regular' | 'bold';
export type Align = 'left' | 'center' | 'right';

export const MM = 72 / 25.4;
export const GREY = '#777777';
export const LIGHT = '#bbbbbb';

/** Line height for Be Vietnam Pro: its stacked Vietnamese diacritics need ~1.3 em. */
export const lineHeight = (size: number): number => size * 1.3;

export function setFont(doc: Doc, weight: Weight, size: number): void {
  doc.font(weight === 'bold' ? FONT.bold : FONT.regular).fontSize(size);
}

export interface TextStyle {
  size: number;
  weight?: Weight;
  align?: Align;
  /** Box width for center/right alignment. */
  width?: number;
  color?: string;
  underline?: boolean;
}

/** One line of text whose top is at y; returns the drawn width. */
export function textLine(doc: Doc, text: string, x: number, y: number, style: TextStyle): number {
  setFont(doc, style.weight ?? 'regular', style.size);
  const w = doc.widthOfString(text);
  let left = x;
  if (style.width !== undefined && style.align === 'center') left = x + (style.width - w) / 2;
  if (style.width !== undefined && style.align === 'right') left = x + style.width - w;
  doc.fillColor(style.color ?? 'black');
  doc.text(text, left, y, { lineBreak: false });
  if (style.underline) {
    const uy = y + style.size * 1.2;
    doc.moveTo(left, uy).lineTo(left + w, uy).lineWidth(0.6).strokeColor(style.color ?? 'black').stroke();
  }
  return w;
}

/** Greedy word wrap; explicit newlines start paragraphs, a word longer than the width is cut. */
export function wrap(doc: Doc, text: string, width: number, weight: Weight, size: number): string[] {
  setFont(doc, weight, size);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (let word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (doc.widthOfString(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      while (doc.widthOfString(word) > width && word.length > 1) {
        let cut = word.length - 1;
        while (cut > 1 && doc.widthOfString(word.slice(0, cut)) > width) cut--;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

/** Draws wrapped lines from y; returns the y below the last line. */
export function paragraph(doc: Doc, text: string, x: number, y: number, width: number, style: TextStyle): number {
  const step = lineHeight(style.size);
  for (const line of wrap(doc, text, width, style.weight ?? 'regular', style.size)) {
    if (line) textLine(doc, line, x, y, { ...style, width });
    y += step;
  }
  return y;
}

export interface Fitted {
  size: number;
  lines: string[];
  /** Lines that did not fit even at the smallest size (to continue elsewhere). */
  rest: string[];
}

/** The largest size from max down to min (0.5 pt steps) at which the text fits the height. */
export function fitText(
  doc: Doc,
  text: string,
  width: number,
  height: number,
  sizes: { max: number; min: number },
  weight: Weight = 'regular',
): Fitted {
  let lines: string[] = [];
  for (let size = sizes.max; size >= sizes.min; size -= 0.5) {
    lines = wrap(doc, text, width, weight, size);
    if (lines.length * lineHeight(size) <= height) return { size, lines, rest: [] };
  }
  const fits = Math.max(1, Math.floor(height / lineHeight(sizes.min)));
  return { size: sizes.min, lines: lines.slice(0, fits), rest: lines.slice(fits) };
}

export function drawLines(doc: Doc, lines: string[], x: number, y: number, width: number, style: TextStyle): number {
  const step = lineHeight(style.size);
  for (const line of lines) {
    if (line) textLine(doc, line, x, y, { ...style, width });
    y += step;
  }
  return y;
}

/** A dotted writing line from x1 to x2 at baseline y. */
export function dottedLine(doc: Doc, x1: number, x2: number, y: number): void {
  doc.save();
  doc.moveTo(x1, y).lineTo(x2, y).lineWidth(0.7).dash(0.8, { space: 2.2 }).strokeColor(GREY).stroke();
  doc.restore();
}


export function checkBox(doc: Doc, x: number, y: number, size: number): void {
  doc.rect(x, y, size, size).lineWidth(1).strokeColor('black').stroke();
}

/**
 * A QR code as vector rectangles (about four times faster than an image and
 * a fraction of the bytes): dark runs are merged along each row, and a run
 * repeated on the next row extends the same rectangle downwards. Coordinates
 * are drawn in module units under one scale so they stay small integers.
 */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const data = qr.modules.data;
  const open = new Map<number, { row: number; height: number; len: number; col: number }>();
  const rects: [number, number, number, number][] = [];
  for (let row = 0; row <= n; row++) {
    const seen = new Set<number>();
    if (row < n) {
      let col = 0;
      while (col < n) {
        if (!data[row * n + col]) {
          col++;
          continue;
        }
        const start = col;
        while (col < n && data[row * n + col]) col++;
        const key = start * 256 + (col - start);
        const rect = open.get(key);
        if (rect) rect.height++;
        else open.set(key, { row, height: 1, len: col - start, col: start });
        seen.add(key);
      }
    }
    for (const [key, rect] of open) {
      if (!seen.has(key)) {
        rects.push([rect.col, rect.row, rect.len, rect.height]);
        open.delete(key);
      }
    }
  }
  doc.save();
  doc.translate(x, y).scale(size / n);
  for (const [c, r, w, h] of rects) doc.rect(c, r, w, h);
  doc.fillColor('black').fill();
  doc.restore();
}

/** Small scissors: two finger loops and two blades, pointing along the cut. */
function scissors(doc: Doc, x: number, y: number, vertical: boolean): void {
  doc.save();
  doc.translate(x, y);
  if (vertical) doc.rotate(90);
  doc.lineWidth(0.8).strokeColor(GREY);
  doc.circle(-5, -3, 2.4).stroke();
  doc.circle(-5, 3, 2.4).stroke();
  doc.moveTo(-3, -2).lineTo(8, 2.2).stroke();
  doc.moveTo(-3, 2).lineTo(8, -2.2).stroke();
  doc.restore();
}

/** A dashed cut line with a scissors mark at its start. */
export function cutLine(doc: Doc, from: [number, number], to: [number, number]): void {
  const vertical = from[0] === to[0];
  doc.save();
  doc.moveTo(from[0] + (vertical ? 0 : 16), from[1] + (vertical ? 16 : 0)).lineTo(to[0], to[1]);
  doc.lineWidth(0.6).dash(4, { space: 3 }).strokeColor(GREY).stroke();
  doc.restore();
  scissors(doc, from[0] + (vertical ? 0 : 7), from[1] + (vertical ? 7 : 0), vertical);
}

/** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc", centred in the box; returns y below. */
export function nationalMotto(doc: Doc, x: number, y: number, width: number, size: number): number {
  textLine(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', x, y, { size, weight: 'bold', align: 'center', width });
  y += lineHeight(size);
  textLine(doc, 'Độc lập - Tự do - Hạnh phúc', x, y, { size: size + 0.5, weight: 'bold', align: 'center', width, underline: true });
  return y + lineHeight(size + 0.5) + 2;
}

/** "UBND XÃ …" and optionally "THÔN …", centred in the box, with the short rule under them. */
export function authorityHeader(doc: Doc, lines: string[], x: number, y: number, width: number, size: number): number {
  lines.forEach((line, i) => {
    textLine(doc, line, x, y, { size, weight: i === lines.length - 1 ? 'bold' : 'regular', align: 'center', width });
    y += lineHeight(size);
  });
  const rule = Math.min(width * 0.4, 60);
  doc.moveTo(x + (width - rule) / 2, y + 1).lineTo(x + (width + rule) / 2, y + 1).lineWidth(0.6).strokeColor('black').stroke();
  return y + 4;
}

export const upper = (s: string): string => s.toLocaleUpperCase('vi');

/** "UBND XÃ VIỆT KHÊ" from "xã Việt Khê". */
export const communeAuthority = (communeName: string): string => `UBND ${upper(communeName)}`;

/** A faint dashed circle marking where staff stamp or sign: printed guidance, not a seal. */
export function stampPlace(doc: Doc, cx: number, cy: number, r: number, label: string): void {
  doc.save();
  doc.circle(cx, cy, r).lineWidth(0.5).dash(2, { space: 2 }).strokeColor(LIGHT).stroke();
  doc.restore();
  textLine(doc, label, cx - r, cy + r - 12, { size: 6.5, align: 'center', width: 2 * r, color: LIGHT });
}

/** "…, ngày 05 tháng 12 năm 2026" from dd/mm/yyyy; blanks when no date is known yet. */
export function placeAndDate(place: string, ddmmyyyy?: string): string {
  if (!ddmmyyyy) return `${place}, ngày ….. tháng ….. năm ……..`;
  const [d, m, y] = ddmmyyyy.split('/');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}
