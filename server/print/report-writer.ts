// A top-to-bottom writer for the commune's own reports (the dialogue
// conference's order of business, the plan's scorecard for the Sở Nội vụ):
// the administrative header, titles, paragraphs, tables whose cells wrap and
// whose header repeats on each new page, and signature blocks. Portrait or
// landscape A4, Vietnamese document margins (30 mm on the binding side).
import {
  GREY, MM, authorityHeader, communeAuthority, lineHeight, nationalMotto, placeAndDate, textLine, wrap, type TextStyle,
} from './draw';
import type { Doc } from './pdf-output';

export interface ReportColumn {
  title: string;
  /** share of the table's width; the shares are normalised */
  width: number;
  align?: 'left' | 'center' | 'right';
}

const SIZES = { portrait: { w: 595.28, h: 841.89 }, landscape: { w: 841.89, h: 595.28 } };

export class ReportWriter {
  y: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  constructor(readonly doc: Doc, readonly layout: 'portrait' | 'landscape' = 'portrait') {
    const page = SIZES[layout];
    this.left = 30 * MM;
    this.right = page.w - 15 * MM;
    this.top = 15 * MM;
    this.bottom = page.h - 15 * MM;
    this.y = this.top;
    doc.addPage({ size: 'A4', layout, margin: 0 });
  }

  get width(): number {
    return this.right - this.left;
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', layout: this.layout, margin: 0 });
    this.y = this.top;
  }

  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  /** "UBND XÃ …" on the left, the national motto and "…, ngày … tháng … năm …" on the right. */
  header(communeName: string, place: string, ddmmyyyy: string, number?: string): void {
    const leftW = this.width * 0.4;
    const below = authorityHeader(this.doc, [communeAuthority(communeName)], this.left, this.y, leftW, 11.5);
    if (number) textLine(this.doc, number, this.left, below + 4, { size: 11, align: 'center', width: leftW });
    const bottom = nationalMotto(this.doc, this.left + leftW, this.y, this.width - leftW, 11.5);
    textLine(this.doc, placeAndDate(place, ddmmyyyy), this.left + leftW, bottom + 6, { size: 11.5, align: 'center', width: this.width - leftW });
    this.y = bottom + 6 + lineHeight(11.5) + 16;
  }

  title(title: string, subtitle?: string): void {
    for (const line of wrap(this.doc, title, this.width, 'bold', 15)) {
      textLine(this.doc, line, this.left, this.y, { size: 15, weight: 'bold', align: 'center', width: this.width });
      this.y += lineHeight(15);
    }
    if (subtitle) this.paragraph(subtitle, { size: 12, align: 'center' });
    this.y += 8;
  }

  heading(text: string): void {
    this.ensure(lineHeight(12.5) * 2 + 8);
    this.y += 4;
    this.paragraph(text, { size: 12.5, weight: 'bold' });
    this.y += 2;
  }

  paragraph(text: string, style: Partial<TextStyle> = {}, indent = 0): void {
    const size = style.size ?? 11.5;
    for (const line of wrap(this.doc, text, this.width - indent, style.weight ?? 'regular', size)) {
      this.ensure(lineHeight(size));
      if (line) textLine(this.doc, line, this.left + indent, this.y, { ...style, size, width: this.width - indent });
      this.y += lineHeight(size) + 1;
    }
  }

  /** A ruled table; cells wrap, a row never splits, the header row repeats on a new page. */
  table(columns: ReportColumn[], rows: string[][], opts: { size?: number; boldLastRow?: boolean } = {}): void {
    const size = opts.size ?? 10;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 3;
    const lay = (cells: string[], bold: boolean) => cells.map((cell, i) => wrap(this.doc, cell, widths[i]! - 2 * pad, bold ? 'bold' : 'regular', size));
    const heightOf = (lines: string[][]) => Math.max(1, ...lines.map((l) => l.length)) * lineHeight(size) + 2 * pad;
    const drawRow = (lines: string[][], bold: boolean, shade: boolean) => {
      const h = heightOf(lines);
      let x = this.left;
      if (shade) this.doc.rect(this.left, this.y, this.width, h).fillColor('#eeeeee').fill();
      lines.forEach((cellLines, i) => {
        const w = widths[i]!;
        cellLines.forEach((line, j) => {
          textLine(this.doc, line, x + pad, this.y + pad + j * lineHeight(size), { size, weight: bold ? 'bold' : 'regular', align: columns[i]!.align ?? 'left', width: w - 2 * pad });
        });
        this.doc.rect(x, this.y, w, h).lineWidth(0.6).strokeColor('black').stroke();
        x += w;
      });
      this.y += h;
    };
    const head = lay(columns.map((c) => c.title), true);
    this.ensure(heightOf(head) + (rows[0] ? heightOf(lay(rows[0], false)) : 0));
    drawRow(head, true, true);
    rows.forEach((row, r) => {
      const bold = !!opts.boldLastRow && r === rows.length - 1;
      const lines = lay(row, bold);
      if (this.y + heightOf(lines) > this.bottom) {
        this.newPage();
        drawRow(head, true, true);
      }
      drawRow(lines, bold, false);
    });
    this.y += 8;
  }

  /** Signature blocks side by side: the office, the title, room to sign and the name if known. */
  signatures(blocks: { office: string; title: string; name?: string }[]): void {
    this.ensure(110);
    const w = this.width / blocks.length;
    blocks.forEach((b, i) => {
      const x = this.left + i * w;
      let y = this.y;
      for (const line of [b.office, b.title].filter(Boolean)) {
        textLine(this.doc, line, x, y, { size: 11.5, weight: 'bold', align: 'center', width: w });
        y += lineHeight(11.5);
      }
      textLine(this.doc, '(Ký, ghi rõ họ tên, đóng dấu)', x, y, { size: 10, align: 'center', width: w, color: GREY });
      if (b.name) textLine(this.doc, b.name, x, y + 70, { size: 11.5, weight: 'bold', align: 'center', width: w });
    });
    this.y += 110;
  }

  gap(points: number): void {
    this.y += points;
  }
}
