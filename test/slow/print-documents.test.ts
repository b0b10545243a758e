// Forms, poster and results notice: checked by page count and size, the
// extracted Vietnamese text (pre-filled values and the blanks' labels) and
// the QR codes scanned back.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPrintFonts } from '../../server/runtime/fonts-node';
import {
  renderHouseholdBallotCount,
  renderMeetingMinutes,
  renderMeetingNotice,
  renderSecretBallotCount,
  type FormContext,
} from '../../server/print/forms';
import { renderPoster } from '../../server/print/poster';
import { renderResultsNotice, type ResultsNoticeModel } from '../../server/print/results-notice';
import { pdfWorkspace } from '../support/pdf';

const pdf = pdfWorkspace();
afterAll(() => pdf.cleanup());
const { save, info, pages, scanQrCodes } = pdf;
/** Extracted text with runs of white space collapsed, so phrases can be found across layout gaps. */
const text = (file: string): string => pdf.text(file).replace(/\s+/g, ' ');

const fonts = loadPrintFonts();
const ctx: FormContext = {
  communeName: 'xã Việt Khê',
  villageName: 'Thôn Đông Sơn',
  campaignTitle: 'Đóng góp xây dựng đường giao thông nông thôn năm 2027',
  totalHouseholds: 412,
  createdAt: new Date('2026-11-26T00:00:00Z'),
};
const content = 'Đề nghị các hộ gia đình đóng góp kinh phí làm đường bê tông liên xóm 3 và xóm 4, mức 500.000 đồng/hộ.';

describe('NĐ 59 forms', () => {
  it('Mẫu 01 invites households with the meeting time, place and content filled in', () => {
    const file = save(
      renderMeetingNotice({ ...ctx, content, meetingAt: '2026-12-20T08:00:00+07:00', place: 'Nhà văn hóa thôn Đông Sơn' }, fonts).toBytes(),
    );
    expect(pages(file)).toBe(1);
    const t = text(file);
    for (const phrase of [
      'Mẫu số 01',
      'GIẤY MỜI HỌP',
      'UBND XÃ VIỆT KHÊ',
      'Thời gian: 08 giờ 00 phút, ngày 20/12/2026',
      'Địa điểm: Nhà văn hóa thôn Đông Sơn',
      'Đại diện các hộ gia đình Thôn Đông Sơn (412 hộ)',
      'mức 500.000 đồng/hộ',
      'Đầu mối liên hệ:',
      'TRƯỞNG THÔN',
    ]) {
      expect(t).toContain(phrase);
    }
  });

  it('Mẫu 02 has the counting board, two witnesses, the household total filled and one row per candidate', () => {
    const candidates = [
      { name: 'Nguyễn Thị Mỹ Dung', birthYear: 1972 },
      { name: 'Trần Văn Lữ', birthYear: 1968 },
    ];
    const file = save(renderSecretBallotCount({ ...ctx, campaignTitle: 'Bầu Trưởng thôn', candidates }, fonts).toBytes());
    expect(pages(file)).toBe(1);
    const t = text(file);
    for (const phrase of [
      'BIÊN BẢN KIỂM PHIẾU',
      'Về việc: Bầu Trưởng thôn',
      'Ban kiểm phiếu gồm các ông (bà):',
      'Tổ trưởng',
      'Đại diện hộ gia đình chứng kiến việc kiểm phiếu gồm:',
      'Tổng số đại diện hộ gia đình trong thôn: 412 người',
      'Số phiếu phát ra:',
      'Số phiếu hợp lệ:',
      'Số phiếu không hợp lệ:',
      'Nguyễn Thị Mỹ Dung (1972)',
      'Trần Văn Lữ (1968)',
      'Tỷ lệ % / 412 hộ',
      '03 bản',
      'TỔ TRƯỞNG BAN KIỂM',
    ]) {
      expect(t).toContain(phrase);
    }
    expect(t.match(/Thành viên/g)).toHaveLength(4);
  });

  it('Mẫu 03 holds the procedural votes (secretary, voting method, counting board), blank or filled from the confirmed sheet, still on one page', () => {
    const blank = text(save(renderMeetingMinutes({ ...ctx, content }, fonts).toBytes())).replace(/\s+/g, ' ');
    expect(blank).toContain('Biểu quyết thủ tục, đồng ý/dự họp (cần trên 50%, Đ18 k4 Luật 10/2022/QH15; Đ3 k5 NĐ 59/2023/NĐ-CP)');
    expect(blank).toContain('thư ký ……/……; hình thức biểu quyết ……/……; Ban kiểm phiếu (bỏ phiếu kín) ……/……');
    const file = save(renderMeetingMinutes({
      ...ctx, content, present: 300, secretary: 'Trần Thị Thư', proceduralVotes: { secretary: 280, method: 291, board: 270 },
    }, fonts).toBytes());
    expect(pages(file)).toBe(1);
    const filled = text(file).replace(/\s+/g, ' ');
    expect(filled).toContain('Thư ký: Ông (bà) Trần Thị Thư');
    expect(filled).toContain('Số người đại diện hộ gia đình có mặt: 300 người');
    expect(filled).toContain('Số hộ gia đình không có người đại diện tham dự: 112 hộ');
    expect(filled).toContain('thư ký 280/300; hình thức biểu quyết 291/300; Ban kiểm phiếu (bỏ phiếu kín) 270/300');
  });

  it('Mẫu 03 carries every Đ20 k2 field and the four signatures on one page', () => {
    const file = save(renderMeetingMinutes({ ...ctx, content }, fonts).toBytes());
    expect(pages(file)).toBe(1);
    const t = text(file);
    for (const phrase of [
      'BIÊN BẢN CUỘC HỌP CỘNG ĐỒNG DÂN CƯ',
      'vào hồi ….. giờ ….. phút',
      'Tổng số hộ gia đình trong thôn: 412 hộ',
      'Số người đại diện hộ gia đình có mặt:',
      'Số hộ gia đình không có người đại diện tham dự:',
      'Nội dung bàn và quyết định',
      'mức 500.000 đồng/hộ',
      'Hình thức quyết định',
      'Giơ tay',
      'Bỏ phiếu kín',
      'Kết quả biểu quyết',
      'Không đồng ý',
      'Nội dung được quyết định',
      'TRƯỞNG BAN CÔNG TÁC MẶT TRẬN',
      'TRƯỞNG THÔN',
    ]) {
      expect(t).toContain(phrase);
    }
    expect(t.match(/ĐẠI DIỆN HỘ GIA ĐÌNH/g)).toHaveLength(2);
  });

  it('Mẫu 04 fills the household total, the ballots issued and the distribution period', () => {
    const file = save(
      renderHouseholdBallotCount({ ...ctx, ballotsIssued: 412, distributedFrom: '2026-12-05', deadline: '2026-12-15' }, fonts).toBytes(),
    );
    expect(pages(file)).toBe(1);
    const t = text(file);
    for (const phrase of [
      'BIÊN BẢN KIỂM PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH',
      'từ ngày 05/12/2026 đến ngày 15/12/2026',
      'Tổ phát phiếu gồm các ông (bà):',
      'Tổng số hộ gia đình trong thôn: 412 hộ',
      'Số phiếu phát ra: 412 phiếu',
      'Số phiếu thu về:',
      'Ý kiến khác',
      'TỔ TRƯỞNG TỔ PHÁT',
    ]) {
      expect(t).toContain(phrase);
    }
  });

  it('leaves the ballots-issued line blank when no serials have been issued yet', () => {
    const t = text(save(renderHouseholdBallotCount(ctx, fonts).toBytes()));
    // The blank is a drawn dotted line, so only the label and the unit are text.
    expect(t).toContain('Số phiếu phát ra: phiếu');
    expect(t).toContain('từ ngày ….. / ….. / ……… đến ngày');
  });
});

describe('poster', () => {
  const poster = {
    communeName: 'xã Việt Khê',
    villageName: 'Thôn Đông Sơn',
    title: 'Lấy ý kiến về sân chơi cho trẻ em',
    description: 'Ủy ban nhân dân xã lấy ý kiến các hộ gia đình về vị trí sân chơi tại khu đất công xóm 2.',
    opensAt: '2026-12-01T00:00:00+07:00',
    closesAt: '2026-12-21T00:00:00+07:00',
    url: 'https://danban.vietkhe.vn/c/san-choi-tre-em',
    createdAt: new Date('2026-11-26T00:00:00Z'),
  };

  it('prints the title, dates and steps in large type with a QR that opens the campaign', () => {
    const file = save(renderPoster({ ...poster, size: 'A4' }, fonts).toBytes());
    expect(info(file)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const t = text(file);
    for (const phrase of ['LẤY Ý KIẾN VỀ SÂN CHƠI CHO TRẺ EM', 'Từ ngày 01/12/2026 đến hết ngày 21/12/2026', 'CÁCH THAM GIA', 'quét mã QR']) {
      expect(t).toContain(phrase);
    }
    expect(scanQrCodes(file)).toEqual([poster.url]);
  });

  it('scales the same poster to A3', () => {
    const file = save(renderPoster({ ...poster, size: 'A3' }, fonts).toBytes());
    expect(pages(file)).toBe(1);
    expect(info(file)).toMatch(/Page size:\s+841\.89 x 1190\.55 pts \(A3\)/);
    expect(text(file)).toContain('THÔN ĐÔNG SƠN');
  });
});

describe('results notice', () => {
  const village = (label: string, households: number, participated: number, approvals: number) => {
    const required = Math.ceil((households * 2) / 3);
    return { label, households, participated, approvals, required, passed: approvals >= required };
  };
  const table = (rows: ReturnType<typeof village>[]) => ({ title: null, firstColumn: 'Thôn', approvalsColumn: 'Số hộ đồng ý', rows });
  const notice: ResultsNoticeModel = {
    communeName: 'xã Việt Khê',
    campaignTitle: 'Đóng góp xây dựng đường giao thông nông thôn năm 2027',
    legalBasis: 'Điều 21 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15; Điều 4 Nghị định số 59/2023/NĐ-CP',
    rule: 'Thông qua khi có từ hai phần ba tổng số hộ gia đình trở lên tán thành',
    pages: [{
      village: null,
      tables: [table([village('Thôn Đông Sơn', 412, 301, 290), village('Thôn Trung Hà', 268, 200, 150), village('Thôn Bắc Lưu', 195, 160, 140)])],
      commune: { passed: true, summary: '2/3 thôn tán thành (cần từ 2 thôn trở lên)' },
      elected: [{ name: 'Phạm Đặng Thị Hằng', birthYear: 1980, votes: 250, households: 412 }],
    }],
    postedFrom: '2026-12-22T00:00:00+07:00',
    postedUntil: '2027-01-21T00:00:00+07:00',
    url: 'https://danban.vietkhe.vn/ket-qua/duong-2027',
    createdAt: new Date('2026-11-26T00:00:00Z'),
  };

  it('shows each village against its threshold, the commune result, the legal basis and the posting period', () => {
    const file = save(renderResultsNotice(notice, fonts).toBytes());
    expect(pages(file)).toBe(1);
    const t = text(file);
    expect(t).toMatch(/Thôn Đông Sơn 412 301 290 275 70,4% Thông qua/);
    expect(t).toMatch(/Thôn Trung Hà 268 200 150 179 56% Không thông qua/);
    for (const phrase of [
      'THÔNG BÁO',
      'Căn cứ: Điều 21 Luật Thực hiện dân chủ ở cơ sở',
      'KẾT QUẢ TOÀN XÃ: THÔNG QUA',
      'Phạm Đặng Thị Hằng (sinh năm 1980) - 250 phiếu, bằng 60,7% tổng số hộ',
      'niêm yết từ ngày 22/12/2026 đến ngày 21/01/2027',
      'TM. ỦY BAN NHÂN DÂN',
    ]) {
      expect(t).toContain(phrase);
    }
    expect(scanQrCodes(file)).toEqual([notice.url]);
  });

  it('continues a long village table on a second page with the header repeated', () => {
    const many = Array.from({ length: 30 }, (_, i) => village(`Thôn số ${i + 1}`, 200 + i, 150, 140));
    const file = save(renderResultsNotice({ ...notice, pages: [{ ...notice.pages[0]!, tables: [table(many)] }] }, fonts).toBytes());
    expect(pages(file)).toBe(2);
    const second = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-'], { encoding: 'utf8' });
    expect(second).toContain('Thôn số 30');
    expect(second).toContain('Tổng số');
  });
});
