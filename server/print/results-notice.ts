// Printable results notice, posted (niêm yết) for at least 30 days at the
// cultural house and the commune office (Đ23 k2; law brief §7 item 5). Every
// share is of ALL households of the village, the Đ21 denominator, so the bar
// marks the approvals needed against the same scale.
import { formatDate, formatNumber } from '../domain/i18n';
import { anchorText } from '../domain/audit-chain';
import type { Candidate } from './election-ballot';
import {
  GREY,
  MM,
  authorityHeader,
  drawLines,
  drawQr,
  lineHeight,
  nationalMotto,
  placeAndDate,
  textLine,
  upper,
  wrap,
} from './draw';
import { renderPdf, type Doc, type PdfOutput, type PrintFonts } from './pdf-output';

/** One row of a results table: a village (one question, commune scope), a question (one village) or a candidate. */
export interface NoticeRow {
  label: string;
  households: number;
  participated: number;
  /** approvals of this row's question, or a candidate's votes */
  approvals: number;
  /** Approvals needed under Đ21 (computed by the domain). */
  required: number;
  passed: boolean;
  /** the verdict when it is not "Thông qua" / "Không thông qua" ("Trúng cử", "Tạm giữ", …) */
  verdict?: string;
}

/** One table: a question across the villages, a village's questions, or a village's candidates. */
export interface NoticeTable {
  /** shown above the table (a question's title when there are several) */
  title: string | null;
  /** heading of the first column: "Thôn", "Nội dung", "Người ứng cử" */
  firstColumn: string;
  /** heading of the approvals column: "Số hộ đồng ý", "Số phiếu bầu" */
  approvalsColumn: string;
  rows: NoticeRow[];
  /** commune scope: this question's own commune verdict */
  commune?: { passed: boolean; summary: string };
}

export interface ElectedCandidate extends Candidate {
  votes: number;
  /** Households of the electing village: the share's denominator. */
  households: number;
}

/**
 * One notice: the commune's (commune scope, signed by the Chủ tịch UBND xã)
 * or one village's (announced by its Trưởng thôn, Đ23 k2).
 */
export interface NoticePage {
  /** the village whose head announces it; null: the commune */
  village: { id: string; name: string } | null;
  tables: NoticeTable[];
  /** the commune's overall result (commune scope) */
  commune?: { passed: boolean; summary: string };
  elected?: ElectedCandidate[];
  /** ties, unfilled seats, held or uncounted tallies: each one line */
  notes?: string[];
  /** what the notice announces: "Kết quả bầu cử"; by default a vote (a village) or a consultation (the commune) */
  heading?: string;
}

export interface ResultsNoticeModel {
  communeName: string;
  campaignTitle: string;
  /** "Điều 21 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15; Điều 4 Nghị định số 59/2023/NĐ-CP" */
  legalBasis: string;
  /** "Thông qua khi có từ hai phần ba tổng số hộ gia đình trở lên tán thành" */
  rule: string;
  /** one notice per page group: the commune's, or one per village */
  pages: NoticePage[];
  /** ISO dates of the posting period (≥ 30 days). */
  postedFrom: string;
  postedUntil: string;
  /** Public results page. */
  url: string;
  createdAt?: Date;
  /**
   * The audit chain's entry written with this publication and the results'
   * hash, printed as text and QR: a copy of the chain kept outside the
   * database (services/audit-anchor.ts). Absent on a preview.
   */
  auditAnchor?: { seq: number; hash: string; resultsHash: string };
}

const PAGE = { w: 595.28, h: 841.89 };
const LEFT = 20 * MM;
const RIGHT = PAGE.w - 15 * MM;
const WIDTH = RIGHT - LEFT;
const TOP = 15 * MM;
const BOTTOM = PAGE.h - 15 * MM;

const percent = (part: number, whole: number): string =>
  whole > 0 ? `${(Math.round((part / whole) * 1000) / 10).toLocaleString('vi-VN')}%` : '–';

const GREEN = '#2e7d32';
const RED = '#c62828';

/** Approvals as a bar on the scale of all households, with a tick where the threshold lies. */
function bar(doc: Doc, x: number, y: number, w: number, h: number, v: NoticeRow): void {
  const scale = (n: number): number => (v.households > 0 ? Math.min(1, n / v.households) * w : 0);
  doc.rect(x, y, w, h).fillColor('#eeeeee').fill();
  doc.rect(x, y, scale(v.participated), h).fillColor('#c8c8c8').fill();
  doc.rect(x, y, scale(v.approvals), h).fillColor(v.passed ? GREEN : RED).fill();
  const t = x + scale(v.required);
  doc.moveTo(t, y - 3).lineTo(t, y + h + 3).lineWidth(1.2).strokeColor('black').stroke();
}

export function renderResultsNotice(m: ResultsNoticeModel, fonts: PrintFonts): PdfOutput {
  return renderPdf(fonts, { title: `Thông báo kết quả - ${m.campaignTitle}`, size: 'A4', createdAt: m.createdAt }, function* (doc) {
    // a kind without village tables (a consultation) still posts the commune's notice
    for (const page of m.pages.length > 0 ? m.pages : [{ village: null, tables: [] }]) {
      drawNotice(doc, m, page);
      yield;
    }
  });
}

/** One notice, from its header to its signature, on as many pages as its tables need. */
function drawNotice(doc: Doc, m: ResultsNoticeModel, page: NoticePage): void {
  doc.addPage();
  let y = TOP;
  const ensure = (h: number): void => {
    if (y + h > BOTTOM) {
      doc.addPage();
      y = TOP;
    }
  };
  const leftW = WIDTH * 0.4;
  const authority = page.village ? [`UBND ${upper(m.communeName)}`, upper(page.village.name)] : ['ỦY BAN NHÂN DÂN', upper(m.communeName)];
  authorityHeader(doc, authority, LEFT, y, leftW, 11);
  const motto = nationalMotto(doc, LEFT + leftW, y, WIDTH - leftW, 11);
  const place = m.communeName.replace(/^(xã|phường|đặc khu)\s+/i, '');
  textLine(doc, placeAndDate(place, formatDate(m.postedFrom)), LEFT + leftW, motto + 4, { size: 11, align: 'center', width: WIDTH - leftW });
  y = motto + 4 + lineHeight(11) + 16;

  textLine(doc, 'THÔNG BÁO', LEFT, y, { size: 17, weight: 'bold', align: 'center', width: WIDTH });
  y += lineHeight(17);
  const heading = page.heading ?? (page.village ? 'Kết quả biểu quyết' : 'Kết quả lấy ý kiến');
  const about = `${heading}${page.village ? ` của ${page.village.name}` : ''} về việc: ${m.campaignTitle}`;
  y = drawLines(doc, wrap(doc, about, WIDTH * 0.9, 'bold', 12.5), LEFT + WIDTH * 0.05, y, WIDTH * 0.9, { size: 12.5, weight: 'bold', align: 'center' });
  y += 6;
  y = drawLines(doc, wrap(doc, `Căn cứ: ${m.legalBasis}.`, WIDTH, 'regular', 10.5), LEFT, y, WIDTH, { size: 10.5 });
  y = drawLines(doc, wrap(doc, `Nguyên tắc: ${m.rule} (tính trên tổng số hộ gia đình của thôn).`, WIDTH, 'regular', 10.5), LEFT, y, WIDTH, { size: 10.5 });
  y += 8;

  const NARROW = [0.19, 0.09, 0.1, 0.1, 0.09, 0.25, 0.18].map((f) => f * WIDTH);
  // labels that are questions' titles get a wider first column
  const WIDE = [0.31, 0.08, 0.09, 0.09, 0.08, 0.19, 0.16].map((f) => f * WIDTH);
  let cols = NARROW;
  const headH = 2 * lineHeight(9) + 6;
  const rowH = 26;
  const drawHead = (table: NoticeTable): void => {
    const heads = [table.firstColumn, 'Tổng số hộ', 'Số hộ tham gia', table.approvalsColumn, 'Cần đạt', `Tỷ lệ ${table.approvalsColumn === 'Số hộ đồng ý' ? 'đồng ý' : 'phiếu bầu'} / tổng số hộ`, 'Kết quả'];
    let x = LEFT;
    doc.rect(LEFT, y, WIDTH, headH).fillColor('#f2f2f2').fill();
    heads.forEach((h, i) => {
      const lines = wrap(doc, h, (cols[i] ?? 0) - 6, 'bold', 9);
      drawLines(doc, lines, x + 3, y + (headH - lines.length * lineHeight(9)) / 2, (cols[i] ?? 0) - 6, { size: 9, weight: 'bold', align: 'center' });
      x += cols[i] ?? 0;
    });
    doc.rect(LEFT, y, WIDTH, headH).lineWidth(0.7).strokeColor('black').stroke();
    y += headH;
  };
  const communeLine = (c: { passed: boolean; summary: string }, prefix: string, size: number): void => {
    ensure(lineHeight(size) + 10);
    const label = `${prefix}: ${c.passed ? 'THÔNG QUA' : 'KHÔNG THÔNG QUA'}`;
    const w = textLine(doc, label, LEFT, y, { size, weight: 'bold', color: c.passed ? GREEN : RED });
    textLine(doc, ` - ${c.summary}`, LEFT + w, y + (size - 11) / 2 + 0.5, { size: 11 });
    y += lineHeight(size) + 8;
  };

  for (const table of page.tables) {
    if (table.title) {
      const lines = wrap(doc, table.title, WIDTH, 'bold', 11.5);
      ensure(lines.length * lineHeight(11.5) + headH + rowH);
      y = drawLines(doc, lines, LEFT, y, WIDTH, { size: 11.5, weight: 'bold' }) + 2;
    }
    cols = table.rows.some((r) => wrap(doc, r.label, (NARROW[0] ?? 0) - 8, 'bold', 10).length > 1) ? WIDE : NARROW;
    ensure(headH + rowH);
    drawHead(table);
    for (const v of table.rows) {
      // a long label (a question's title) wraps onto more lines; the row grows with it
      const labelLines = wrap(doc, v.label, (cols[0] ?? 0) - 8, 'bold', 10);
      const h = Math.max(rowH, labelLines.length * lineHeight(10) + 12);
      if (y + h > BOTTOM) {
        doc.addPage();
        y = TOP;
        drawHead(table);
      }
      const mid = y + (h - rowH) / 2;
      drawLines(doc, labelLines, LEFT + 4, y + 6, (cols[0] ?? 0) - 8, { size: 10, weight: 'bold' });
      const cells = [formatNumber(v.households), formatNumber(v.participated), formatNumber(v.approvals), formatNumber(v.required)];
      let x = LEFT + (cols[0] ?? 0);
      cells.forEach((cell, i) => {
        textLine(doc, cell, x + 4, mid + 7, { size: 10, align: 'center', width: (cols[i + 1] ?? 0) - 8 });
        x += cols[i + 1] ?? 0;
      });
      const bw = (cols[5] ?? 0) - 46;
      bar(doc, x + 5, mid + 9, bw, 9, v);
      textLine(doc, percent(v.approvals, v.households), x + bw + 8, mid + 7, { size: 9, align: 'right', width: 36 });
      x += cols[5] ?? 0;
      textLine(doc, v.verdict ?? (v.passed ? 'Thông qua' : 'Không thông qua'), x, mid + 7, {
        size: 9.5, weight: 'bold', align: 'center', width: cols[6], color: v.passed ? GREEN : RED,
      });
      doc.rect(LEFT, y, WIDTH, h).lineWidth(0.5).strokeColor(GREY).stroke();
      y += h;
    }
    y += 6;
    if (table.commune) communeLine(table.commune, 'Kết quả toàn xã', 11.5);
  }
  ensure(lineHeight(8.5) * 2);
  const counted = [...new Set(page.tables.map((t) => (t.approvalsColumn === 'Số hộ đồng ý' ? 'số hộ đồng ý' : t.approvalsColumn.toLocaleLowerCase('vi'))))].join(', ') || 'số hộ đồng ý';
  const legend = `Thanh màu: ${counted}; nền xám đậm: số hộ tham gia; vạch đen: số cần đạt.`;
  textLine(doc, legend, LEFT, y, { size: 8.5, color: GREY });
  y += lineHeight(8.5) + 10;

  if (page.commune) communeLine(page.commune, 'KẾT QUẢ TOÀN XÃ', 13);

  if (page.elected && page.elected.length > 0) {
    ensure(lineHeight(12) + 24 * (page.elected.length + 1));
    textLine(doc, 'Người trúng cử:', LEFT, y, { size: 12, weight: 'bold' });
    y += lineHeight(12) + 2;
    page.elected.forEach((c, i) => {
      ensure(20);
      const line = `${i + 1}. ${c.name}${c.birthYear ? ` (sinh năm ${c.birthYear})` : ''} - ${formatNumber(c.votes)} phiếu, bằng ${percent(c.votes, c.households)} tổng số hộ`;
      textLine(doc, line, LEFT + 12, y, { size: 11 });
      y += lineHeight(11) + 3;
    });
    y += 8;
  }
  for (const note of page.notes ?? []) {
    const lines = wrap(doc, note, WIDTH, 'regular', 10.5);
    ensure(lines.length * lineHeight(10.5) + 4);
    y = drawLines(doc, lines, LEFT, y, WIDTH, { size: 10.5 }) + 4;
  }
  if (page.notes?.length) y += 6;

  // Posting period, QR to the public page, and who announces it.
  ensure(lineHeight(10.5) * 3 + 100);
  const where = page.village ? `nhà văn hóa ${page.village.name}` : 'nhà văn hóa các thôn và trụ sở Ủy ban nhân dân xã';
  const postText = `Thông báo này được niêm yết từ ngày ${formatDate(m.postedFrom)} đến ngày ${formatDate(m.postedUntil)} tại ${where}.`;
  y = drawLines(doc, wrap(doc, postText, WIDTH, 'regular', 10.5), LEFT, y, WIDTH, { size: 10.5 }) + 8;
  const qr = 86;
  drawQr(doc, m.url, LEFT, y, qr);
  const noteW = WIDTH * 0.55 - qr - 12;
  const ty = drawLines(doc, wrap(doc, 'Quét mã để xem kết quả chi tiết:', noteW, 'bold', 10), LEFT + qr + 12, y + 6, noteW, { size: 10, weight: 'bold' });
  drawLines(doc, wrap(doc, m.url, noteW, 'regular', 9), LEFT + qr + 12, ty + 2, noteW, { size: 9, color: GREY });
  const signX = LEFT + WIDTH * 0.55;
  const signW = RIGHT - signX;
  // A village's result is announced by its head (Đ23 k2); the commune's by the chair of the commune.
  const signer = page.village ? ['TRƯỞNG THÔN'] : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
  signer.forEach((line, i) => textLine(doc, line, signX, y + i * lineHeight(11), { size: 11, weight: 'bold', align: 'center', width: signW }));
  textLine(doc, page.village ? '(Ký, ghi rõ họ tên)' : '(Ký, đóng dấu)', signX, y + signer.length * lineHeight(11), { size: 9.5, align: 'center', width: signW, color: GREY });
  if (m.auditAnchor) drawAuditAnchor(doc, m.auditAnchor, y + qr + 14);
}

/** The chain's anchor under the signature: the QR holds `seq:hash`, as `verify-audit --anchor` takes it. */
function drawAuditAnchor(doc: Doc, a: NonNullable<ResultsNoticeModel['auditAnchor']>, top: number): void {
  const qr = 58;
  const textX = LEFT + qr + 10;
  const textW = WIDTH - qr - 10;
  const lines = [
    `Dấu nhật ký kiểm tra (mục số ${a.seq}): ${a.hash}`,
    `Mã băm kết quả (SHA-256): ${a.resultsHash}`,
    'Ban Thanh tra nhân dân đối chiếu dấu này (mã QR) với nhật ký: trang Nhật ký, hoặc lệnh verify-audit --anchor.',
  ];
  const height = Math.max(qr, lines.length * 2 * lineHeight(8));
  let y = top;
  if (y + height > BOTTOM) {
    doc.addPage();
    y = TOP;
  }
  drawQr(doc, anchorText(a), LEFT, y, qr);
  for (const line of lines) y = drawLines(doc, wrap(doc, line, textW, 'regular', 8), textX, y, textW, { size: 8, color: GREY }) + 2;
}
