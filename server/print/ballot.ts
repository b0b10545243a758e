// Household opinion ballots (phiếu lấy ý kiến hộ gia đình), NĐ 59/2023 Đ4 k5:
// title, content, the choices with how to mark them, "ý kiến khác", the return
// deadline, and authentication: the UBND xã's hanging seal top left for
// commune-wide content, the Trưởng thôn's signature bottom right for village
// content. One ballot per household (Đ19: "Mỗi hộ gia đình được phát 01 phiếu").
import { formatDate } from '../domain/i18n';
import {
  GREY,
  authorityHeader,
  checkBox,
  setFont,
  communeAuthority,
  cutLine,
  dottedLine,
  drawLines,
  drawQr,
  fitText,
  lineHeight,
  nationalMotto,
  stampPlace,
  textLine,
  upper,
  wrap,
} from './draw';
import { recordOps, renderPdf, replayOps, type Doc, type PdfOutput, type PrintFonts } from './pdf-output';
import { groupSerial } from './serial-format';

export interface HouseholdBallot {
  serial: string;
  householdCode: string;
  /** Name of the household's representative; printed only on non-secret ballots. */
  representative: string;
  /** Empty strings are left off (e.g. codes withheld by the caller). */
}

export interface HouseholdBallotBatch {
  /** Public origin, e.g. "https://danban.vietkhe.vn"; the QR holds `<origin>/b/<serial>`. */
  origin: string;
  /** A5: two ballots per A4 portrait sheet, cut in half. A4: one ballot per page. */
  format: 'A5' | 'A4';
  /** "xã Việt Khê" */
  communeName: string;
  /** "Thôn Đông Sơn" */
  villageName: string;
  /** commune: UBND seal top left; village: Trưởng thôn signs bottom right. */
  scope: 'commune' | 'village';
  campaignTitle: string;
  /** The content being decided; newlines separate paragraphs. */
  content: string;
  /** ISO date of the return deadline. */
  deadline: string;
  /** Whether the household may also answer online by scanning the QR. */
  onlineAllowed: boolean;
  /**
   * Secret campaign (DESIGN §3): no household identity on the ballot, and the
   * serial only on a detachable stub at the right edge, which the Tổ phát phiếu
   * registers before the ballot goes, unlinked, into the pile.
   */
  secret?: boolean;
  /** Iterated once, lazily: a caller may stream households from the database. */
  ballots: Iterable<HouseholdBallot>;
  createdAt?: Date;
}

const A4 = { w: 595.28, h: 841.89 };

interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Sizes per format; an A4 ballot is read at arm's length by older villagers, so larger. */
interface Scale {
  motto: number;
  title: number;
  about: number;
  contentMax: number;
  contentMin: number;
  choice: number;
  note: number;
  qr: number;
  box: number;
}

const SCALES: Record<HouseholdBallotBatch['format'], Scale> = {
  A5: { motto: 8.5, title: 15, about: 10, contentMax: 11, contentMin: 8, choice: 11, note: 8.5, qr: 84, box: 14 },
  A4: { motto: 10, title: 19, about: 12.5, contentMax: 14, contentMin: 9, choice: 13.5, note: 10.5, qr: 120, box: 18 },
};

export const CHOICES = ['Đồng ý', 'Không đồng ý', 'Ý kiến khác'] as const;
const INSTRUCTION = 'Đánh dấu X vào một ô.';
const INVALID_NOTE = 'Phiếu không đánh dấu ô nào hoặc đánh dấu từ hai ô trở lên là phiếu không hợp lệ.';

interface Layout {
  frame: Frame;
  /** The detachable stub of a secret ballot: the full-height strip at the right edge. */
  stub?: Frame;
  scale: Scale;
  main: { x: number; w: number };
  side: { x: number; w: number };
  contentTop: number;
  contentBottom: number;
  content: { size: number; lines: string[]; rest: string[] };
}

/** Everything shared by the batch, worked out once: sizes, wrapping and the content fit. */
function layoutFor(doc: Doc, batch: HouseholdBallotBatch, frame: Frame): Layout {
  const scale = SCALES[batch.format];
  const pad = batch.format === 'A5' ? 26 : 42;
  const stubW = batch.secret ? scale.qr + 28 : 0;
  const stub = batch.secret ? { x: frame.x + frame.w - stubW, y: frame.y, w: stubW, h: frame.h } : undefined;
  const inner = { x: frame.x + pad, y: frame.y + pad * 0.85, w: frame.w - stubW - 2 * pad, h: frame.h - 1.7 * pad };
  const sideW = scale.qr + 16;
  const main = stub ? { x: inner.x, w: inner.w } : { x: inner.x, w: inner.w - sideW - 12 };
  const side = stub ? { x: stub.x, w: stub.w } : { x: inner.x + inner.w - sideW, w: sideW };
  const contentTop = headerBottom(doc, batch, inner, scale) + lineHeight(scale.about) + 2;
  // Bottom-up: choices, instruction, other opinion lines, deadline and signature.
  const footer =
    8 + scale.box + 8 + lineHeight(scale.note) * 3 + 6 + (lineHeight(scale.note) + 5) * 3 + lineHeight(scale.note + 1) + 2 * lineHeight(scale.note);
  const contentBottom = inner.y + inner.h - footer;
  const content = fitText(doc, batch.content, main.w, contentBottom - contentTop, {
    max: scale.contentMax,
    min: scale.contentMin,
  });
  if (content.rest.length > 0) {
    // Leave the last line for "(Xem tiếp ở mặt sau)".
    content.rest.unshift(...content.lines.splice(-1, 1));
  }
  return { frame: inner, stub, scale, main, side, contentTop, contentBottom, content };
}

/** Draws (or only measures, when draw is false) the header and title; returns the y below "Về việc". */
function headerBottom(doc: Doc, batch: HouseholdBallotBatch, f: Frame, s: Scale, draw = false): number {
  const leftW = f.w * 0.38;
  const authority = [communeAuthority(batch.communeName)];
  if (batch.scope === 'village') authority.push(upper(batch.villageName));
  let y = f.y;
  if (draw) {
    authorityHeader(doc, authority, f.x, y, leftW, s.motto + 0.5);
    nationalMotto(doc, f.x + leftW, y, f.w - leftW, s.motto);
  }
  y += Math.max(authority.length, 2) * lineHeight(s.motto + 0.5) + s.motto * 1.6;
  if (draw) textLine(doc, 'PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH', f.x, y, { size: s.title, weight: 'bold', align: 'center', width: f.w });
  y += lineHeight(s.title);
  const about = wrap(doc, `Về việc: ${batch.campaignTitle}`, f.w * 0.85, 'bold', s.about).slice(0, 2);
  if (draw) drawLines(doc, about, f.x + f.w * 0.075, y, f.w * 0.85, { size: s.about, weight: 'bold', align: 'center' });
  return y + about.length * lineHeight(s.about);
}

/** Where the per-household parts go, relative to the ballot's frame. */
interface Anchors {
  householdY: number;
  qrY: number;
  serialY: number;
}

/** Everything identical on every ballot of the batch: drawn once, then replayed (see replayOps). */
function drawFixed(doc: Doc, batch: HouseholdBallotBatch, layout: Layout): Anchors {
  const { frame: f, scale: s, main, side } = layout;
  if (batch.scope === 'commune') {
    // NĐ 59 Đ4 k5: "đóng dấu treo ở phía trên bên trái" for commune-wide content.
    stampPlace(doc, f.x + f.w * 0.19, f.y + s.motto * 2.2, s.qr * 0.45, 'Dấu UBND xã');
  }
  headerBottom(doc, batch, f, s, true);

  let y = layout.contentTop;
  textLine(doc, 'Nội dung lấy ý kiến:', main.x, y - lineHeight(s.note) - 1, { size: s.note, weight: 'bold' });
  const c = layout.content;
  drawLines(doc, c.lines, main.x, y, main.w, { size: c.size });
  y = Math.min(layout.contentBottom, y + c.lines.length * lineHeight(c.size));
  if (c.rest.length > 0) {
    textLine(doc, '(Xem tiếp ở mặt sau)', main.x, y, { size: s.note, weight: 'bold', align: 'right', width: main.w });
    y += lineHeight(s.note);
  }
  // Short content pulls the choices up; the spare room becomes writing lines for other opinions.
  y += 8;
  setFont(doc, 'bold', s.choice);
  const widths = CHOICES.map((choice) => s.box + 6 + doc.widthOfString(choice));
  const gap = (main.w - widths.reduce((a, b) => a + b, 0)) / (CHOICES.length - 1);
  let x = main.x;
  CHOICES.forEach((choice, i) => {
    checkBox(doc, x, y, s.box);
    textLine(doc, choice, x + s.box + 6, y + (s.box - s.choice * 1.2) / 2, { size: s.choice, weight: 'bold' });
    x += (widths[i] ?? 0) + gap;
  });
  y += s.box + 8;
  textLine(doc, INSTRUCTION, main.x, y, { size: s.note, weight: 'bold' });
  y += lineHeight(s.note);
  y = drawLines(doc, wrap(doc, INVALID_NOTE, main.w, 'regular', s.note), main.x, y, main.w, { size: s.note, color: GREY }) + 6;

  const bottomTop = f.y + f.h - lineHeight(s.note + 1) - 2 * lineHeight(s.note);
  textLine(doc, 'Ý kiến khác (nếu có):', main.x, y, { size: s.note, weight: 'bold' });
  let lineX = main.x + doc.widthOfString('Ý kiến khác (nếu có):') + 4;
  const step = lineHeight(s.note) + 5;
  const signW = f.w * 0.32;
  const signX = f.x + f.w - signW;
  const signTop = bottomTop - lineHeight(s.note) * 1.2;
  for (let n = 0; n < 12 && (n < 3 || y + step * 2 < bottomTop); n++) {
    const clear = batch.scope === 'village' && y + step > signTop ? signX - 10 : main.x + main.w;
    dottedLine(doc, lineX, clear, y + s.note * 1.05);
    lineX = main.x;
    y += step;
  }
  y = bottomTop;

  textLine(doc, `Hạn nộp phiếu: ${formatDate(batch.deadline)}`, main.x, y, { size: s.note + 1, weight: 'bold' });
  const householdY = y + lineHeight(s.note + 1);

  // Side column (or stub): the serial as a QR for scanning (online answer, or
  // the counters' check of a returned paper ballot) and as text for typing.
  let sy = layout.contentTop - lineHeight(s.note);
  if (layout.stub) {
    const st = layout.stub;
    cutLine(doc, [st.x, st.y + 8], [st.x, st.y + st.h - 8]);
    sy = st.y + 28;
    textLine(doc, 'CUỐNG PHIẾU', side.x, sy, { size: s.note + 1, weight: 'bold', align: 'center', width: side.w });
    sy += lineHeight(s.note + 1) + 4;
  }
  const qrY = sy;
  sy += s.qr + 4;
  textLine(doc, 'Mã phiếu', side.x, sy, { size: s.note - 1, align: 'center', width: side.w, color: GREY });
  sy += lineHeight(s.note - 1);
  const serialY = sy;
  sy += lineHeight(s.note + 1.5) + 2;
  const notes = [
    ...(batch.onlineAllowed ? ['Có thể quét mã để trả lời trực tuyến'] : []),
    ...(layout.stub ? ['Tổ phát phiếu giữ cuống khi thu phiếu; phiếu được bỏ vào hòm không kèm cuống.'] : []),
  ];
  for (const note of notes) {
    for (const line of wrap(doc, note, side.w - 10, 'regular', s.note - 1)) {
      textLine(doc, line, side.x, sy, { size: s.note - 1, align: 'center', width: side.w, color: GREY });
      sy += lineHeight(s.note - 1);
    }
    sy += 3;
  }

  if (batch.scope === 'village') {
    // NĐ 59 Đ4 k5: the Trưởng thôn "ký trực tiếp vào góc bên phải phía dưới".
    const signY = signTop;
    textLine(doc, 'TRƯỞNG THÔN', signX, signY, { size: s.note + 0.5, weight: 'bold', align: 'center', width: signW });
    textLine(doc, '(Ký, ghi rõ họ tên)', signX, signY + lineHeight(s.note + 0.5), {
      size: s.note - 1,
      align: 'center',
      width: signW,
      color: GREY,
    });
  }
  return { householdY: householdY - f.y, qrY: qrY - f.y, serialY: serialY - f.y };
}

/** The parts that differ per household: identity (non-secret only), QR and serial. */
function drawHousehold(doc: Doc, batch: HouseholdBallotBatch, layout: Layout, anchors: Anchors, ballot: HouseholdBallot): void {
  const { frame: f, scale: s, main, side } = layout;
  let y = f.y + anchors.householdY;
  if (!batch.secret && ballot.householdCode) {
    textLine(doc, `Hộ: ${ballot.householdCode}${batch.scope === 'commune' ? ` - ${batch.villageName}` : ''}`, main.x, y, {
      size: s.note,
    });
    y += lineHeight(s.note);
  }
  if (!batch.secret && ballot.representative) {
    const rep = wrap(doc, `Đại diện hộ: ${ballot.representative}`, f.w * 0.6, 'regular', s.note)[0] ?? '';
    textLine(doc, rep, main.x, y, { size: s.note });
  }
  drawQr(doc, `${batch.origin}/b/${ballot.serial}`, side.x + (side.w - s.qr) / 2, f.y + anchors.qrY, s.qr);
  textLine(doc, groupSerial(ballot.serial), side.x, f.y + anchors.serialY, {
    size: s.note + 1.5,
    weight: 'bold',
    align: 'center',
    width: side.w,
  });
}

/** The back of a ballot whose content did not fit its front (duplex, long-edge flip keeps halves in place). */
function drawContinuation(doc: Doc, batch: HouseholdBallotBatch, layout: Layout): void {
  const { frame: f, scale: s } = layout;
  textLine(doc, `PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH (tiếp theo)`, f.x, f.y, { size: s.about + 1, weight: 'bold', align: 'center', width: f.w });
  textLine(doc, `Về việc: ${batch.campaignTitle}`, f.x, f.y + lineHeight(s.about + 1), { size: s.note, align: 'center', width: f.w });
  const top = f.y + lineHeight(s.about + 1) + lineHeight(s.note) + 8;
  const rest = fitText(doc, layout.content.rest.join('\n'), f.w, f.y + f.h - top, { max: layout.content.size, min: 6 });
  drawLines(doc, rest.lines, f.x, top, f.w, { size: rest.size });
}

/**
 * One ballot per household. A5 puts two ballots on each A4 portrait sheet with
 * a dashed cut line between them (the usual office practice: print, cut in half).
 */
export function renderHouseholdBallots(batch: HouseholdBallotBatch, fonts: PrintFonts): PdfOutput {
  const perSheet = batch.format === 'A5' ? 2 : 1;
  const frameH = A4.h / perSheet;
  return renderPdf(fonts, { title: `Phiếu lấy ý kiến - ${batch.campaignTitle}`, size: 'A4', createdAt: batch.createdAt }, function* (doc) {
    doc.addPage();
    const layout = layoutFor(doc, batch, { x: 0, y: 0, w: A4.w, h: frameH });
    const overflow = layout.content.rest.length > 0;
    let sheet: HouseholdBallot[] = [];
    let fixed: { ops: string; anchors: Anchors } | undefined;
    let back: string | undefined;
    const slots = Array.from({ length: perSheet }, (_, i) => ({ ...layout, ...shift(layout, i * frameH) }));
    // The wording, boxes and lines are the same on every ballot: laid out once
    // for the top half, then replayed (shifted for the bottom half), which
    // keeps a batch fast and its pages small.
    const drawSheet = (): void => {
      sheet.forEach((ballot, i) => {
        const slot = slots[i] ?? layout;
        if (!fixed) {
          let anchors: Anchors | undefined;
          const ops = recordOps(doc, () => {
            anchors = drawFixed(doc, batch, slot);
          });
          fixed = { ops, anchors: anchors as Anchors };
        } else {
          replayOps(doc, fixed.ops, i * frameH);
        }
        drawHousehold(doc, batch, slot, fixed.anchors, ballot);
      });
      if (perSheet === 2) cutLine(doc, [10, frameH], [A4.w - 10, frameH]);
      if (overflow) {
        doc.addPage();
        sheet.forEach((_b, i) => {
          if (!back) back = recordOps(doc, () => drawContinuation(doc, batch, slots[i] ?? layout));
          else replayOps(doc, back, i * frameH);
        });
        if (perSheet === 2 && sheet.length === 2) cutLine(doc, [10, frameH], [A4.w - 10, frameH]);
      }
      sheet = [];
    };
    let first = true;
    for (const ballot of batch.ballots) {
      sheet.push(ballot);
      if (sheet.length === perSheet) {
        if (!first) doc.addPage();
        first = false;
        drawSheet();
        yield;
      }
    }
    if (sheet.length > 0) {
      if (!first) doc.addPage();
      drawSheet();
    }
  });
}

function shift(layout: Layout, dy: number): Pick<Layout, 'frame' | 'stub' | 'contentTop' | 'contentBottom'> {
  return {
    frame: { ...layout.frame, y: layout.frame.y + dy },
    stub: layout.stub ? { ...layout.stub, y: layout.stub.y + dy } : undefined,
    contentTop: layout.contentTop + dy,
    contentBottom: layout.contentBottom + dy,
  };
}
