// Secret election ballots for community meetings (Trưởng thôn, Ban TTND,
// Ban GSĐTCĐ; NĐ 59 Đ3 k5, law brief §6). The voter strikes through the full
// name of each candidate not chosen ("gạch tên") and may keep up to the number
// of seats. The ballot itself carries nothing that identifies a household or a
// serial: the serial is only on a detachable stub, which the counters register
// before dropping the marked ballot, unlinked, into the pile (DESIGN §3).
import { formatDate } from '../domain/i18n';
import {
  GREY,
  authorityHeader,
  communeAuthority,
  cutLine,
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
import { groupSerial } from './serial-format';

export interface Candidate {
  name: string;
  /** Left blank when unknown (0 or null). */
  birthYear: number | null;
}

export interface ElectionBallotBatch {
  origin: string;
  /** A5: two ballots per A4 portrait sheet, stub on the left. A4: one per page, stub at the top. */
  format: 'A5' | 'A4';
  communeName: string;
  villageName: string;
  /** "Bầu Trưởng thôn Đông Sơn nhiệm kỳ 2026 - 2031" */
  electionTitle: string;
  /** ISO date of the meeting. */
  meetingDate: string;
  seats: number;
  /** In the order the Ban công tác Mặt trận listed them. */
  candidates: Candidate[];
  /** One per ballot; printed on the stub only. */
  serials: Iterable<string>;
  createdAt?: Date;
}

const A4 = { w: 595.28, h: 841.89 };

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const STRIKE_INSTRUCTION = 'Gạch ngang cả họ và tên người không bầu; giữ lại tên người được bầu.';

function invalidNote(seats: number): string {
  return `Phiếu giữ lại quá ${seats} tên, gạch hết tất cả các tên, hoặc ghi thêm tên người ngoài danh sách là phiếu không hợp lệ.`;
}

interface BodyPlan {
  rowH: number;
  size: number;
}

const TEXT = { A5: { motto: 8, title: 16, sub: 10, note: 8.5 }, A4: { motto: 10, title: 20, sub: 12.5, note: 10.5 } };

function headerHeight(t: (typeof TEXT)['A5']): number {
  return 3 * lineHeight(t.motto + 0.5) + 6 + lineHeight(t.title) + lineHeight(t.sub) * 2 + lineHeight(t.sub + 1) + 4;
}

/** Row height and type size for the candidate table; throws when the list cannot be printed legibly on this format. */
function planBody(batch: ElectionBallotBatch, body: Box): BodyPlan {
  const t = TEXT[batch.format];
  const footer = lineHeight(t.note) * 4 + lineHeight(t.note) * 3.5;
  const tableH = body.h - headerHeight(t) - footer - lineHeight(t.note);
  const rows = batch.candidates.length;
  const rowH = Math.min(batch.format === 'A5' ? 22 : 30, tableH / Math.max(rows, 1));
  if (rowH < 13) {
    throw new RangeError(
      `Danh sách ${rows} ứng cử viên không in vừa phiếu ${batch.format}; hãy chọn khổ A4.|` +
        `${rows} candidates do not fit a ${batch.format} ballot; choose A4.`,
    );
  }
  return { rowH, size: Math.min(batch.format === 'A5' ? 11.5 : 14, rowH * 0.55) };
}

function drawStub(doc: Doc, batch: ElectionBallotBatch, stub: Box, serial: string, t: (typeof TEXT)['A5']): void {
  const vertical = stub.h > stub.w;
  const qr = vertical ? Math.min(stub.w - 24, 84) : Math.min(stub.h - 24, 84);
  const textW = vertical ? stub.w : stub.w - qr - 40;
  const tx = vertical ? stub.x : stub.x + 20;
  let y = stub.y + (vertical ? 24 : 14);
  textLine(doc, 'CUỐNG PHIẾU', tx, y, { size: t.note + 2, weight: 'bold', align: 'center', width: textW });
  y += lineHeight(t.note + 2);
  for (const line of wrap(doc, 'Ban kiểm phiếu giữ cuống này; phiếu bầu bỏ vào hòm phiếu.', textW - 12, 'regular', t.note - 1)) {
    textLine(doc, line, tx, y, { size: t.note - 1, align: 'center', width: textW, color: GREY });
    y += lineHeight(t.note - 1);
  }
  y += 6;
  textLine(doc, 'Số phiếu', tx, y, { size: t.note - 1, align: 'center', width: textW, color: GREY });
  y += lineHeight(t.note - 1);
  textLine(doc, groupSerial(serial), tx, y, { size: t.note + 1.5, weight: 'bold', align: 'center', width: textW });
  y += lineHeight(t.note + 1.5) + 8;
  const qx = vertical ? stub.x + (stub.w - qr) / 2 : stub.x + stub.w - qr - 20;
  const qy = vertical ? y : stub.y + (stub.h - qr) / 2;
  drawQr(doc, `${batch.origin}/b/${serial}`, qx, qy, qr);
}

function drawBody(doc: Doc, batch: ElectionBallotBatch, b: Box, plan: BodyPlan): void {
  const t = TEXT[batch.format];
  const leftW = b.w * 0.4;
  authorityHeader(doc, [communeAuthority(batch.communeName), upper(batch.villageName)], b.x, b.y, leftW, t.motto + 0.5);
  const mottoBottom = nationalMotto(doc, b.x + leftW, b.y, b.w - leftW, t.motto);
  textLine(doc, placeAndDate(batch.villageName.replace(/^(Thôn|Tổ dân phố|TDP)\s+/i, ''), formatDate(batch.meetingDate)), b.x + leftW, mottoBottom, {
    size: t.motto,
    align: 'center',
    width: b.w - leftW,
    color: GREY,
  });
  let y = mottoBottom + lineHeight(t.motto) + 2;
  textLine(doc, 'PHIẾU BẦU', b.x, y, { size: t.title, weight: 'bold', align: 'center', width: b.w });
  y += lineHeight(t.title);
  const title = wrap(doc, batch.electionTitle, b.w * 0.9, 'bold', t.sub).slice(0, 2);
  drawLines(doc, title, b.x + b.w * 0.05, y, b.w * 0.9, { size: t.sub, weight: 'bold', align: 'center' });
  y += 2 * lineHeight(t.sub) + 3;
  textLine(doc, `Bầu không quá ${batch.seats} người`, b.x, y, { size: t.sub + 1, weight: 'bold', align: 'center', width: b.w });
  y += lineHeight(t.sub + 1) + 4;

  // Candidate table: STT | Họ và tên | Năm sinh.
  const cols = [b.w * 0.1, b.w * 0.68, b.w * 0.22];
  const headH = lineHeight(t.note) + 4;
  doc.lineWidth(0.7).strokeColor('black');
  doc.rect(b.x, y, b.w, headH + plan.rowH * batch.candidates.length).stroke();
  doc.moveTo(b.x, y + headH).lineTo(b.x + b.w, y + headH).stroke();
  let cx = b.x;
  ['STT', 'Họ và tên', 'Năm sinh'].forEach((h, i) => {
    textLine(doc, h, cx, y + 2.5, { size: t.note, weight: 'bold', align: 'center', width: cols[i] });
    cx += cols[i] ?? 0;
    if (i < 2) doc.moveTo(cx, y).lineTo(cx, y + headH + plan.rowH * batch.candidates.length).stroke();
  });
  y += headH;
  batch.candidates.forEach((c, i) => {
    const ty = y + (plan.rowH - plan.size * 1.25) / 2;
    textLine(doc, String(i + 1), b.x, ty, { size: plan.size, align: 'center', width: cols[0] });
    textLine(doc, c.name, b.x + (cols[0] ?? 0) + 8, ty, { size: plan.size, weight: 'bold' });
    textLine(doc, c.birthYear ? String(c.birthYear) : '', b.x + (cols[0] ?? 0) + (cols[1] ?? 0), ty, { size: plan.size, align: 'center', width: cols[2] });
    y += plan.rowH;
    if (i < batch.candidates.length - 1) {
      doc.moveTo(b.x, y).lineTo(b.x + b.w, y).lineWidth(0.4).strokeColor(GREY).stroke();
      doc.lineWidth(0.7).strokeColor('black');
    }
  });
  y += 6;
  textLine(doc, STRIKE_INSTRUCTION, b.x, y, { size: t.note, weight: 'bold' });
  y += lineHeight(t.note);
  drawLines(doc, wrap(doc, invalidNote(batch.seats), b.w * 0.62, 'regular', t.note - 0.5), b.x, y, b.w, {
    size: t.note - 0.5,
    color: GREY,
  });

  // By analogy with election law Đ74, a ballot without the counting board's
  // signature or stamp is invalid; the place for it is bottom right.
  const signW = b.w * 0.36;
  const signX = b.x + b.w - signW;
  const signY = y + 2;
  textLine(doc, 'TM. BAN KIỂM PHIẾU', signX, signY, { size: t.note, weight: 'bold', align: 'center', width: signW });
  textLine(doc, '(Ký hoặc đóng dấu)', signX, signY + lineHeight(t.note), { size: t.note - 1, align: 'center', width: signW, color: GREY });
}

export function renderElectionBallots(batch: ElectionBallotBatch, fonts: PrintFonts): PdfOutput {
  const half = batch.format === 'A5';
  const frameH = half ? A4.h / 2 : A4.h;
  const stubSize = half ? 132 : 120;
  const pad = half ? 22 : 36;
  const stubAt = (top: number): Box =>
    half ? { x: 0, y: top, w: stubSize, h: frameH } : { x: 0, y: top, w: A4.w, h: stubSize };
  const bodyAt = (top: number): Box =>
    half
      ? { x: stubSize + pad, y: top + pad, w: A4.w - stubSize - 2 * pad, h: frameH - 2 * pad }
      : { x: pad + 8, y: top + stubSize + pad, w: A4.w - 2 * pad - 16, h: frameH - stubSize - 2 * pad };
  const plan = planBody(batch, bodyAt(0));
  const t = TEXT[batch.format];
  return renderPdf(fonts, { title: `Phiếu bầu - ${batch.electionTitle}`, size: 'A4', createdAt: batch.createdAt }, function* (doc) {
    let slot = 0;
    for (const serial of batch.serials) {
      if (slot === 0) doc.addPage();
      const top = slot * frameH;
      drawStub(doc, batch, stubAt(top), serial, t);
      if (half) cutLine(doc, [stubSize, top + 8], [stubSize, top + frameH - 8]);
      else cutLine(doc, [8, stubSize], [A4.w - 8, stubSize]);
      drawBody(doc, batch, bodyAt(top), plan);
      slot++;
      if (half && slot === 1) cutLine(doc, [8, frameH], [A4.w - 8, frameH]);
      if (!half || slot === 2) {
        slot = 0;
        yield;
      }
    }
  });
}
