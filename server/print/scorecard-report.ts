// The quarter's report on the plan "Chính quyền thân thiện, Nhân dân phát huy
// quyền làm chủ", for the commune to send to the Sở Nội vụ: every figure from
// the scorecard (domain/scorecard.ts), village by village, with the commune's
// totals. Landscape A4: the tables are wide.
import { formatDate, formatNumber } from '../domain/i18n';
import { quarterLabel, type DecisionLine, type Scorecard } from '../domain/scorecard';
import { ReportWriter } from './report-writer';
import { renderPdf, type PdfOutput, type PrintFonts } from './pdf-output';

const pct = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const meanFmt = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const share = (x: number | null) => (x === null ? '–' : `${pct.format(Math.round(x * 1000) / 10)}%`);
const n = (x: number) => formatNumber(x);
const withShare = (count: number, s: number | null) => `${n(count)} (${share(s)})`;

function decisionRow(place: string, d: DecisionLine): string[] {
  return [
    place, d.title, n(d.households), withShare(d.informed, d.informedShare), `${d.outreachDone}/${d.outreachKinds}`,
    n(d.meeting), n(d.paper), n(d.online), withShare(d.tookPart, d.tookPartShare),
  ];
}

export function renderScorecardReport(s: Scorecard & { communeName: string }, fonts: PrintFonts, createdAt = new Date()): PdfOutput {
  const label = quarterLabel(s.quarter).vi;
  return renderPdf(fonts, { title: `Báo cáo ${label} - ${s.communeName}`, size: 'A4', layout: 'landscape', createdAt }, function* (doc) {
    const r = new ReportWriter(doc, 'landscape');
    const place = s.communeName.replace(/^(xã|Xã|phường|Phường)\s+/, '').replace(/\s*\(.*\)$/, '');
    r.header(s.communeName, place, formatDate(createdAt.toISOString()), 'Số: ……/BC-UBND');
    r.title(
      `BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH "CHÍNH QUYỀN THÂN THIỆN, NHÂN DÂN PHÁT HUY QUYỀN LÀM CHỦ" ${label.toLocaleUpperCase('vi')}`,
      `Từ ngày ${formatDate(`${s.from}T12:00:00+07:00`)} đến ngày ${formatDate(`${s.to}T12:00:00+07:00`)}`,
    );
    r.paragraph('Kính gửi: Sở Nội vụ', { weight: 'bold', align: 'center' });
    r.paragraph('Số liệu dưới đây được tính từ dữ liệu của hệ thống Dân Bàn: sổ hộ gia đình, các đợt lấy ý kiến, biên bản kiểm phiếu đã xác nhận, sổ theo dõi thông tin đến từng hộ, hòm thư góp ý và hội nghị đối thoại.', { size: 10.5 });

    r.heading('1. Thông tin đến từng hộ và hộ tham gia quyết định');
    const decisionCols = [
      { title: 'Thôn', width: 12 }, { title: 'Nội dung', width: 26 }, { title: 'Số hộ', width: 7, align: 'right' as const },
      { title: 'Hộ nhận giấy mời', width: 11, align: 'right' as const }, { title: 'Kênh thông tin đã làm', width: 9, align: 'center' as const },
      { title: 'Dự họp', width: 7, align: 'right' as const }, { title: 'Phiếu giấy', width: 7, align: 'right' as const },
      { title: 'Trực tuyến', width: 7, align: 'right' as const }, { title: 'Hộ tham gia', width: 12, align: 'right' as const },
    ];
    const decisionRows = s.villages.flatMap((v) => v.decisions.map((d) => decisionRow(v.name, d)));
    if (decisionRows.length) {
      r.table(decisionCols, [...decisionRows, ...s.commune.decisions.map((d) => decisionRow('Toàn xã', d))]);
    } else r.paragraph('Trong quý không có nội dung nào đưa ra Nhân dân bàn và quyết định.', { size: 10.5 });

    r.heading('2. Tiếp nhận, trả lời góp ý, phản ánh, kiến nghị');
    const fb = (name: string, f: Scorecard['commune']['feedback']) => [
      name, n(f.received), withShare(f.answered, f.answeredShare), n(f.withDeadline), withShare(f.answeredOnTime, f.onTimeShare), n(f.overdue),
    ];
    r.table([
      { title: 'Thôn', width: 20 }, { title: 'Tiếp nhận', width: 10, align: 'right' }, { title: 'Đã trả lời', width: 14, align: 'right' },
      { title: 'Kiến nghị có thời hạn', width: 14, align: 'right' }, { title: 'Trả lời đúng hạn', width: 14, align: 'right' },
      { title: 'Quá hạn chưa trả lời', width: 14, align: 'right' },
    ], [...s.villages.map((v) => fb(v.name, v.feedback)), fb('Toàn xã (kể cả ý kiến không ghi thôn)', s.commune.feedback)], { boldLastRow: true });

    r.heading('3. Hội nghị đối thoại với Nhân dân');
    r.paragraph(`Số hội nghị đã tổ chức trong năm ${s.quarter.year} đến hết quý: ${n(s.dialoguesHeldThisYear)} (yêu cầu tối thiểu ${n(s.dialoguesRequiredPerYear)} hội nghị mỗi năm).`, { size: 10.5 });
    const dl = (name: string, d: Scorecard['commune']['dialogue']) => [name, n(d.asked), withShare(d.answered, d.answeredShare)];
    r.table([{ title: 'Thôn', width: 30 }, { title: 'Câu hỏi tại hội nghị trong quý', width: 20, align: 'right' }, { title: 'Đã trả lời', width: 20, align: 'right' }],
      [...s.villages.map((v) => dl(v.name, v.dialogue)), dl('Toàn xã', s.commune.dialogue)], { boldLastRow: true });

    r.heading('4. Mức độ hài lòng (SIPAS, đánh giá tại Bộ phận Một cửa)');
    if (s.satisfaction.length) {
      r.table([
        { title: 'Khảo sát', width: 30 }, { title: 'Lượt trả lời', width: 10, align: 'right' }, { title: 'Chỉ số SIPAS', width: 10, align: 'right' },
        { title: 'Câu trả lời mức 4–5', width: 12, align: 'right' }, { title: 'Điểm trung bình', width: 10, align: 'right' },
        { title: 'Lượt đánh giá Một cửa', width: 12, align: 'right' }, { title: 'Hài lòng, rất hài lòng', width: 12, align: 'right' },
      ], s.satisfaction.map((x) => [
        x.title, n(x.respondents), share(x.sipasIndex), share(x.sipasSatisfied), x.sipasMean === null ? '–' : meanFmt.format(Math.round(x.sipasMean * 100) / 100),
        x.oneStopRatings === null ? '–' : n(x.oneStopRatings), share(x.oneStopSatisfied),
      ]));
      r.paragraph('Phiếu khảo sát không ghi tên và không gắn với thôn; khảo sát mở qua nhiều quý được tính vào từng quý.', { size: 9.5, color: '#555555' });
    } else r.paragraph('Trong quý không có khảo sát sự hài lòng nào.', { size: 10.5 });

    r.gap(12);
    r.signatures([{ office: 'NGƯỜI LẬP BIỂU', title: '' }, { office: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' }]);
    yield;
  });
}
