// The "hòm thư góp ý" QR for a village cultural house or the one-stop counter
// (Đ26 d Luật 10/2022/QH15: hòm thư góp ý is a form of taking people's
// views): an A4 poster read from a few steps away, and A6 cards, four to an
// A4 sheet with cut lines, for the counter and the village head's table.
import { GREY, MM, cutLine, drawLines, drawQr, fitText, lineHeight, textLine, upper, wrap } from './draw';
import { renderPdf, type Doc, type PdfOutput, type PrintFonts } from './pdf-output';

export interface FeedbackPosterModel {
  /** A4: one poster; A6: four cards on one A4 sheet */
  size: 'A4' | 'A6';
  communeName: string;
  /** "Thôn Đông Sơn" or "Bộ phận Một cửa" */
  placeName: string;
  /** what the QR opens: the feedback form, with the place chosen */
  url: string;
  /** where a sender follows their item by code */
  trackUrl: string;
  /** days the commune has to answer a kiến nghị (legal-rules.ts), and the article */
  answerDays: number | null;
  answerArticle: string;
  createdAt?: Date;
}

const A4 = { w: 595.28, h: 841.89 };

const STEPS = [
  'Quét mã QR bằng camera hoặc Zalo trên điện thoại.',
  'Chọn loại ý kiến (góp ý, phản ánh, kiến nghị), lĩnh vực, viết nội dung; có thể gửi kèm ảnh.',
  'Ghi lại mã theo dõi để xem tình trạng và câu trả lời của xã.',
];
const PRIVACY = 'Họ tên, số điện thoại không bắt buộc; chỉ cán bộ trực tiếp xử lý được xem và không bao giờ công khai.';
const PAPER = 'Không dùng điện thoại? Viết thư bỏ vào hòm thư góp ý, hoặc gửi Trưởng thôn, Bộ phận Một cửa UBND xã.';

function poster(doc: Doc, m: FeedbackPosterModel): void {
  const margin = 16 * MM;
  const x = margin;
  const w = A4.w - 2 * margin;
  let y = margin;
  textLine(doc, `UBND ${upper(m.communeName)}`, x, y, { size: 12, weight: 'bold', align: 'center', width: w, color: GREY });
  y += lineHeight(12) + 10;
  doc.moveTo(x, y).lineTo(x + w, y).lineWidth(2).strokeColor('black').stroke();
  y += 16;
  textLine(doc, 'HÒM THƯ GÓP Ý', x, y, { size: 38, weight: 'bold', align: 'center', width: w });
  y += lineHeight(38);
  textLine(doc, 'Góp ý · Phản ánh · Kiến nghị', x, y, { size: 18, align: 'center', width: w });
  y += lineHeight(18) + 6;
  const place = fitText(doc, upper(m.placeName), w, 2 * lineHeight(22), { max: 22, min: 14 }, 'bold');
  y = drawLines(doc, place.lines, x, y, w, { size: place.size, weight: 'bold', align: 'center' }) + 10;

  const qr = 250;
  drawQr(doc, m.url, x + (w - qr) / 2, y, qr);
  y += qr + 4;
  textLine(doc, m.url, x, y, { size: 10, align: 'center', width: w, color: GREY });
  y += lineHeight(10) + 12;

  textLine(doc, 'CÁCH GỬI Ý KIẾN', x, y, { size: 17, weight: 'bold', align: 'center', width: w });
  y += lineHeight(17) + 4;
  const size = 14;
  STEPS.forEach((step, i) => {
    textLine(doc, `${i + 1}.`, x + 18, y, { size, weight: 'bold' });
    y = drawLines(doc, wrap(doc, step, w - 56, 'regular', size), x + 42, y, w - 56, { size }) + 3;
  });
  y += 6;
  const promise = `${m.answerDays !== null ? `Kiến nghị được trả lời trong ${m.answerDays} ngày (${m.answerArticle}). ` : ''}Xem trả lời: ${m.trackUrl}`;
  y = drawLines(doc, wrap(doc, promise, w, 'bold', 12), x, y, w, { size: 12, weight: 'bold', align: 'center' }) + 6;
  const foot = [PRIVACY, PAPER].flatMap((t) => wrap(doc, t, w, 'regular', 11));
  drawLines(doc, foot, x, Math.max(y, A4.h - margin - foot.length * lineHeight(11)), w, { size: 11, align: 'center', color: GREY });
}

function card(doc: Doc, m: FeedbackPosterModel, fx: number, fy: number, fw: number): void {
  const pad = 16;
  const x = fx + pad;
  const w = fw - 2 * pad;
  let y = fy + pad;
  textLine(doc, `UBND ${upper(m.communeName)}`, x, y, { size: 8.5, weight: 'bold', align: 'center', width: w, color: GREY });
  y += lineHeight(8.5) + 4;
  textLine(doc, 'HÒM THƯ GÓP Ý', x, y, { size: 20, weight: 'bold', align: 'center', width: w });
  y += lineHeight(20);
  textLine(doc, 'Góp ý · Phản ánh · Kiến nghị', x, y, { size: 10.5, align: 'center', width: w });
  y += lineHeight(10.5) + 2;
  const place = fitText(doc, upper(m.placeName), w, lineHeight(12), { max: 12, min: 8 }, 'bold');
  y = drawLines(doc, place.lines, x, y, w, { size: place.size, weight: 'bold', align: 'center' }) + 4;
  const qr = 190;
  drawQr(doc, m.url, x + (w - qr) / 2, y, qr);
  y += qr + 2;
  textLine(doc, m.url, x, y, { size: 6.5, align: 'center', width: w, color: GREY });
  y += lineHeight(6.5) + 5;
  const promise = m.answerDays !== null ? ` Kiến nghị được trả lời trong ${m.answerDays} ngày.` : '';
  const lines = wrap(doc, `Quét mã, viết ý kiến, giữ mã theo dõi.${promise} Xem trả lời: ${m.trackUrl}. ${PRIVACY}`, w, 'regular', 9);
  drawLines(doc, lines, x, y, w, { size: 9, align: 'center' });
}

export function renderFeedbackPoster(m: FeedbackPosterModel, fonts: PrintFonts): PdfOutput {
  const title = `${m.size === 'A4' ? 'Áp phích' : 'Thẻ'} hòm thư góp ý - ${m.placeName}`;
  return renderPdf(fonts, { title, size: 'A4', createdAt: m.createdAt }, function* (doc) {
    doc.addPage();
    if (m.size === 'A4') poster(doc, m);
    else {
      // four A6 cards: cut along the two lines
      const hw = A4.w / 2;
      const hh = A4.h / 2;
      for (const [cx, cy] of [[0, 0], [hw, 0], [0, hh], [hw, hh]] as const) card(doc, m, cx, cy, hw);
      cutLine(doc, [0, hh], [A4.w, hh]);
      cutLine(doc, [hw, 0], [hw, A4.h]);
    }
    yield;
  });
}
