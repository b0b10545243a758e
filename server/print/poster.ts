// Campaign poster for the village cultural house (nhà văn hóa): read from a
// few steps away by older villagers, so the type is large and the QR big;
// A3 is the same layout scaled by √2.
import { formatDate } from '../domain/i18n';
import { answeredByLink } from '../domain/campaign';
import type { CampaignKind, Channel } from '../domain/legal-rules';
import { GREY, MM, drawLines, drawQr, fitText, lineHeight, textLine, upper, wrap } from './draw';
import { renderPdf, type PdfOutput, type PrintFonts } from './pdf-output';

export interface PosterModel {
  size: 'A4' | 'A3';
  communeName: string;
  /** Omitted for a commune-wide campaign. */
  villageName?: string;
  title: string;
  description: string;
  /** ISO dates. */
  opensAt: string;
  closesAt: string;
  /** The campaign URL the big QR holds. */
  url: string;
  /** Steps in the villager's words; a default set is printed when omitted. */
  instructions?: string[];
  /**
   * What the QR opens. 'portal' (a household ballot: each household answers
   * with the QR on its own ballot) prints a smaller code after the steps, said
   * to open the commune's page, so nobody takes it for the ballot.
   */
  target?: PosterTarget;
  createdAt?: Date;
}

export const DEFAULT_INSTRUCTIONS = [
  'Mở camera hoặc Zalo trên điện thoại, quét mã QR ở trên.',
  'Đọc nội dung và chọn ý kiến của hộ gia đình.',
  'Bấm "Gửi" và giữ lại mã biên nhận.',
];

/** What the poster's QR opens: the survey itself, or the commune's page (content and results). */
export type PosterTarget = 'survey' | 'portal';

/**
 * The steps a villager follows for this campaign, and so what the poster's
 * QR must open. Answered by the campaign's link (a survey): scan this QR and
 * answer. Answered by household ballot: each household uses the QR on its
 * own ballot (its serial), so the poster's QR only opens the commune's page
 * and the steps say so; a paper ballot is handed in, a meeting attended.
 */
export function posterPlan(c: { kind: CampaignKind; channels: readonly string[]; advisoryOnline: boolean }): { target: PosterTarget; steps: string[] } {
  if (answeredByLink({ kind: c.kind, channels: [...c.channels] as Channel[] })) {
    return {
      target: 'survey',
      steps: [
        'Mở camera hoặc Zalo trên điện thoại, quét mã QR ở trên.',
        'Đọc nội dung, trả lời các câu hỏi; không cần ghi tên.',
        'Bấm "Gửi phiếu". Mỗi người trả lời một lần.',
      ],
    };
  }
  const online = c.channels.includes('online') || c.advisoryOnline;
  const paper = c.channels.includes('paper');
  const meeting = c.channels.includes('meeting');
  const steps: string[] = [];
  if (meeting) steps.push('Đại diện mỗi hộ gia đình dự cuộc họp cộng đồng dân cư tại nhà văn hóa thôn theo giấy mời, và biểu quyết tại cuộc họp.');
  if (online) steps.push('Mỗi hộ gia đình nhận một phiếu in mã QR riêng của hộ.');
  else if (paper) steps.push('Mỗi hộ gia đình nhận một phiếu lấy ý kiến.');
  if (online) {
    steps.push(c.channels.includes('online')
      ? 'Quét mã QR trên phiếu của hộ (không phải mã trên áp phích này) để trả lời trên điện thoại; bấm "Gửi phiếu" và giữ lại mã biên nhận.'
      : 'Có thể quét mã QR trên phiếu của hộ để gửi ý kiến trực tuyến; ý kiến trực tuyến chỉ để tham khảo.');
  }
  if (paper) {
    const fill = 'điền phiếu giấy theo hướng dẫn in trên phiếu, rồi nộp cho Tổ phát phiếu trước hạn.';
    steps.push(c.channels.includes('online') ? `Hoặc ${fill}` : `Đại diện hộ ${fill}`);
  }
  steps.push('Quét mã QR trên áp phích này để đọc nội dung và xem kết quả trên trang của xã.');
  return { target: 'portal', steps };
}

const SIZES = { A4: { w: 595.28, h: 841.89 }, A3: { w: 841.89, h: 1190.55 } };

export function renderPoster(p: PosterModel, fonts: PrintFonts): PdfOutput {
  return renderPdf(fonts, { title: `Áp phích - ${p.title}`, size: p.size, createdAt: p.createdAt }, function* (doc) {
    doc.addPage();
    const page = SIZES[p.size];
    const k = page.w / SIZES.A4.w;
    const margin = 16 * MM * k;
    const x = margin;
    const w = page.w - 2 * margin;
    let y = margin;

    const authority = [`UBND ${upper(p.communeName)}`, p.villageName ? upper(p.villageName) : undefined].filter(Boolean).join(' - ');
    textLine(doc, authority, x, y, { size: 12 * k, weight: 'bold', align: 'center', width: w, color: GREY });
    y += lineHeight(12 * k) + 10 * k;
    doc.moveTo(x, y).lineTo(x + w, y).lineWidth(2 * k).strokeColor('black').stroke();
    y += 18 * k;

    const title = fitText(doc, upper(p.title), w, 3 * lineHeight(30 * k), { max: 30 * k, min: 20 * k }, 'bold');
    y = drawLines(doc, title.lines, x, y, w, { size: title.size, weight: 'bold', align: 'center' }) + 6 * k;
    const description = fitText(doc, p.description, w, 5 * lineHeight(15 * k), { max: 15 * k, min: 11 * k });
    y = drawLines(doc, description.lines, x, y, w, { size: description.size, align: 'center' }) + 10 * k;

    const when = `Từ ngày ${formatDate(p.opensAt)} đến hết ngày ${formatDate(p.closesAt)}`;
    const boxH = lineHeight(17 * k) + 14 * k;
    doc.roundedRect(x + w * 0.08, y, w * 0.84, boxH, 6 * k).lineWidth(1.5 * k).strokeColor('black').stroke();
    textLine(doc, when, x, y + 7 * k, { size: 17 * k, weight: 'bold', align: 'center', width: w });
    y += boxH + 16 * k;

    const portal = p.target === 'portal';
    const drawCode = () => {
      const qr = (portal ? 150 : 230) * k;
      drawQr(doc, p.url, x + (w - qr) / 2, y, qr);
      y += qr + 6 * k;
      if (portal) {
        textLine(doc, 'Mã này mở trang của xã (nội dung, kết quả), không dùng để trả lời.', x, y, { size: 12 * k, weight: 'bold', align: 'center', width: w });
        y += lineHeight(12 * k);
      }
      textLine(doc, p.url, x, y, { size: 11 * k, align: 'center', width: w, color: GREY });
      y += lineHeight(11 * k) + 14 * k;
    };
    const drawSteps = () => {
      textLine(doc, 'CÁCH THAM GIA', x, y, { size: 18 * k, weight: 'bold', align: 'center', width: w });
      y += lineHeight(18 * k) + 4 * k;
      const steps = p.instructions ?? DEFAULT_INSTRUCTIONS;
      const size = 15 * k;
      steps.forEach((step, i) => {
        const label = `${i + 1}.`;
        textLine(doc, label, x + 20 * k, y, { size, weight: 'bold' });
        const lines = wrap(doc, step, w - 60 * k, 'regular', size);
        y = drawLines(doc, lines, x + 46 * k, y, w - 60 * k, { size }) + 4 * k;
      });
      y += 10 * k;
    };
    // A survey's poster is its QR first; a household ballot's poster is its steps first.
    if (portal) {
      drawSteps();
      drawCode();
    } else {
      drawCode();
      drawSteps();
    }
    const help = 'Không có điện thoại thông minh? Hãy liên hệ Trưởng thôn hoặc Bộ phận Một cửa UBND xã để được hỗ trợ.';
    drawLines(doc, wrap(doc, help, w, 'regular', 12 * k), x, page.h - margin - 2 * lineHeight(12 * k), w, {
      size: 12 * k,
      align: 'center',
      color: GREY,
    });
    yield;
  });
}
