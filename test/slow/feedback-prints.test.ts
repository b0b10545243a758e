// The prints of issue 18: the hòm thư góp ý QR (A4 poster, A6 cards), the
// dialogue conference's order of business and the plan's report for the Sở
// Nội vụ, checked by page count and size, the extracted Vietnamese text and
// every QR scanned back.
import { afterAll, describe, expect, it } from 'vitest';
import { loadPrintFonts } from '../../server/runtime/fonts-node';
import { renderFeedbackPoster, type FeedbackPosterModel } from '../../server/print/feedback-poster';
import { renderDialogueAgenda } from '../../server/print/dialogue-agenda';
import { renderScorecardReport } from '../../server/print/scorecard-report';
import { scorecard } from '../../server/domain/scorecard';
import { pdfWorkspace } from '../support/pdf';

const pdf = pdfWorkspace();
afterAll(() => pdf.cleanup());
const text = (file: string): string => pdf.text(file).replace(/\s+/g, ' ');
const fonts = loadPrintFonts();

const poster: FeedbackPosterModel = {
  size: 'A4', communeName: 'Xã Việt Khê', placeName: 'Thôn Đông Sơn', url: 'https://danban.vietkhe.vn/gop-y/xa-viet-khe?thon=DS',
  trackUrl: 'https://danban.vietkhe.vn/g', answerDays: 15, answerArticle: 'Đ40, Đ45 Luật 10/2022/QH15', createdAt: new Date('2026-11-26T00:00:00Z'),
};

describe('the hòm thư góp ý QR', () => {
  it('prints an A4 poster whose QR opens the form with the village chosen, and says how senders are answered and protected', () => {
    const file = pdf.save(renderFeedbackPoster(poster, fonts).toBytes());
    expect(pdf.pages(file)).toBe(1);
    expect(pdf.info(file)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const t = text(file);
    for (const phrase of ['UBND XÃ VIỆT KHÊ', 'HÒM THƯ GÓP Ý', 'Góp ý · Phản ánh · Kiến nghị', 'THÔN ĐÔNG SƠN', 'CÁCH GỬI Ý KIẾN', 'Kiến nghị được trả lời trong 15 ngày (Đ40, Đ45 Luật 10/2022/QH15)', 'không bao giờ công khai']) {
      expect(t).toContain(phrase);
    }
    expect(pdf.scanQrCodes(file)).toEqual([poster.url]);
  });

  it('prints four A6 cards on one A4 sheet, each QR readable', () => {
    const card = { ...poster, size: 'A6' as const, placeName: 'Bộ phận Một cửa UBND xã', url: 'https://danban.vietkhe.vn/gop-y/xa-viet-khe?noi=mot-cua' };
    const file = pdf.save(renderFeedbackPoster(card, fonts).toBytes());
    expect(pdf.pages(file)).toBe(1);
    expect(pdf.scanQrCodes(file)).toEqual([card.url, card.url, card.url, card.url]);
    expect(text(file)).toContain('BỘ PHẬN MỘT CỬA UBND XÃ');
  });
});

describe('the order of business of a dialogue conference', () => {
  it('prints the time, place and chair, then the questions group by group with their numbers and where they came from', () => {
    const file = pdf.save(renderDialogueAgenda({
      communeName: 'Xã Việt Khê', title: 'Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân năm 2026', heldAt: '2026-12-18T08:00:00+07:00',
      place: 'Hội trường UBND xã', chair: 'Ông Vũ Văn Thành, Chủ tịch UBND xã',
      sections: [
        { title: 'Đất đai, xây dựng', questions: [{ number: 1, text: 'Khi nào cấp giấy chứng nhận đất xóm 3?', villageName: 'Thôn Đông Sơn', source: 'feedback' }] },
        { title: 'Các câu hỏi khác', questions: [{ number: 2, text: 'Thôn đề nghị làm nhà văn hóa mới.', villageName: 'Thôn Trung Hà', source: 'village_meeting' }] },
      ],
      createdAt: new Date('2026-12-01T00:00:00Z'),
    }, fonts).toBytes());
    expect(pdf.pages(file)).toBe(1);
    const t = text(file);
    for (const phrase of [
      'CHƯƠNG TRÌNH', 'Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân năm 2026', 'Thời gian: 08:00 ngày 18/12/2026', 'Địa điểm: Hội trường UBND xã',
      'Chủ trì: Ông Vũ Văn Thành, Chủ tịch UBND xã', 'Đất đai, xây dựng', 'Câu 1. Khi nào cấp giấy chứng nhận đất xóm 3? (hòm thư góp ý, Thôn Đông Sơn)',
      'Câu 2. Thôn đề nghị làm nhà văn hóa mới. (họp thôn, Thôn Trung Hà)', 'Chủ trì kết luận hội nghị', 'Việt Khê, ngày 01 tháng 12 năm 2026',
    ]) {
      expect(t).toContain(phrase);
    }
  });
});

describe('the report for the Sở Nội vụ', () => {
  it('prints the quarter’s figures per village with the commune’s totals, over as many landscape pages as the villages need', () => {
    const villages = Array.from({ length: 24 }, (_, i) => ({ villageId: `v${i}`, code: `T${i}`, name: `Thôn Số ${i + 1}` }));
    const s = scorecard({
      quarter: { year: 2026, quarter: 4 }, villages,
      decisions: [{ campaignId: 'c1', title: 'Làm đường bê tông liên thôn', kind: 'decision', villages: villages.map((v) => ({ villageId: v.villageId, households: 200, informed: 190, outreachDone: 4, outreachKinds: 4, meeting: 150, paper: 0, online: 0 })) }],
      feedback: [{ villageId: 'v0', answered: true, due: '2026-12-01', onTime: true, overdue: false }, { villageId: null, answered: false, due: '2026-11-10', onTime: null, overdue: true }],
      questions: [{ villageId: 'v1', answered: true }], dialoguesHeldThisYear: 1, dialoguesRequiredPerYear: 1,
      satisfaction: [{ campaignId: 's', title: 'SIPAS 2026', respondents: 60, sipasIndex: 0.833, sipasSatisfied: 0.8, sipasMean: 4.12, oneStopRatings: null, oneStopSatisfied: null }],
    });
    const file = pdf.save(renderScorecardReport({ ...s, communeName: 'Xã Việt Khê' }, fonts, new Date('2027-01-05T02:00:00Z')).toBytes());
    expect(pdf.pages(file)).toBeGreaterThan(1);
    expect(pdf.info(file)).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const t = text(file);
    for (const phrase of [
      'BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH', 'QUÝ IV/2026', 'Kính gửi: Sở Nội vụ', 'Từ ngày 01/10/2026 đến ngày 31/12/2026',
      'Thôn Số 24', 'Làm đường bê tông liên thôn', '190 (95,0%)', '150 (75,0%)', 'Toàn xã', '4.560 (95,0%)',
      'Số hội nghị đã tổ chức trong năm 2026 đến hết quý: 1', 'SIPAS 2026', '83,3%', '4,12', 'TM. ỦY BAN NHÂN DÂN', 'Việt Khê, ngày 05 tháng 01 năm 2027',
    ]) {
      expect(t).toContain(phrase);
    }
  });
});
