// The records printed after the count (issue 13):
// - the report to the HĐND xã on a consultation (Đ28 Luật 10/2022/QH15): what
//   was consulted, who took part, each question's counts and each opinion
//   group with its count and the commune's answer (tiếp thu / giải trình);
// - the online-vote record, the online variant of Mẫu 03 (NĐ 59/2023 Đ5):
//   start and end, the households that took part, the result, the online team.
import { formatDate, formatDateTime, formatNumber } from '../domain/i18n';
import { ReportWriter } from './report-writer';
import { renderPdf, type PdfOutput, type PrintFonts } from './pdf-output';

const placeOf = (communeName: string) => communeName.replace(/^(xã|Xã|phường|Phường)\s+/, '').replace(/\s*\(.*\)$/, '');
const pct = (n: number, of: number) => (of > 0 ? `${(Math.round((n / of) * 1000) / 10).toLocaleString('vi-VN')}%` : '—');

export interface ConsultationReportModel {
  communeName: string;
  title: string;
  content: string;
  opensAt: string | null;
  closesAt: string | null;
  villages: string[];
  respondents: number;
  opinions: number;
  questions: { title: string; answered: number; rows: { label: string; count: number }[] }[];
  themes: { title: string; count: number; accepted: boolean | null; response: string; departureReason: string }[];
  publishedVersion: number;
  publishedAt: string;
  article: string;
  createdAt?: Date;
}

export function renderConsultationReport(m: ConsultationReportModel, fonts: PrintFonts): PdfOutput {
  return renderPdf(fonts, { title: `Báo cáo kết quả lấy ý kiến Nhân dân - ${m.title}`, size: 'A4', createdAt: m.createdAt }, function* (doc) {
    const r = new ReportWriter(doc);
    r.header(m.communeName, placeOf(m.communeName), formatDate((m.createdAt ?? new Date()).toISOString()), 'Số: ……/BC-UBND');
    r.title('BÁO CÁO', `Kết quả lấy ý kiến Nhân dân về: ${m.title}`);
    r.paragraph('Kính gửi: Hội đồng nhân dân xã', { weight: 'bold', align: 'center' });
    r.gap(6);
    r.paragraph(`Thực hiện ${m.article}, Ủy ban nhân dân xã báo cáo kết quả lấy ý kiến Nhân dân như sau:`);
    r.heading('1. Nội dung lấy ý kiến');
    r.paragraph(m.content || m.title);
    r.heading('2. Thời gian, phạm vi và sự tham gia');
    r.paragraph(`Thời gian lấy ý kiến: từ ngày ${m.opensAt ? formatDate(m.opensAt) : '……'} đến ngày ${m.closesAt ? formatDate(m.closesAt) : '……'}.`);
    r.paragraph(`Phạm vi: ${m.villages.length ? m.villages.join(', ') : 'toàn xã'}.`);
    r.paragraph(`Số phiếu ý kiến nhận được: ${formatNumber(m.respondents)}; số ý kiến viết: ${formatNumber(m.opinions)}.`);
    r.heading('3. Kết quả tổng hợp theo từng câu hỏi');
    if (m.questions.length === 0) r.paragraph('(Không có câu hỏi lựa chọn.)', { color: '#777777' });
    m.questions.forEach((q, i) => {
      r.paragraph(`3.${i + 1}. ${q.title}`, { weight: 'bold' });
      r.table(
        [{ title: 'Lựa chọn', width: 5 }, { title: 'Số ý kiến', width: 2, align: 'right' }, { title: 'Tỷ lệ', width: 2, align: 'right' }],
        q.rows.map((row) => [row.label, formatNumber(row.count), pct(row.count, q.answered)]),
      );
    });
    r.heading('4. Các nhóm ý kiến và nội dung tiếp thu, giải trình');
    if (m.themes.length === 0) r.paragraph('(Không có ý kiến viết được xếp nhóm.)', { color: '#777777' });
    r.table(
      [{ title: 'STT', width: 0.7, align: 'center' }, { title: 'Nhóm ý kiến', width: 3 }, { title: 'Số ý kiến', width: 1.2, align: 'right' }, { title: 'Tiếp thu / giải trình của UBND xã', width: 6 }],
      m.themes.map((t, i) => [
        String(i + 1), t.title, formatNumber(t.count),
        [
          `${t.accepted === true ? 'Tiếp thu' : t.accepted === false ? 'Giải trình' : 'Chưa quyết định'}: ${t.response}`,
          t.departureReason ? `Lý do quyết định khác với ý kiến đa số: ${t.departureReason}` : '',
        ].filter(Boolean).join(' '),
      ]),
    );
    r.paragraph(`Kết quả tổng hợp và nội dung tiếp thu, giải trình đã được công khai (phiên bản ${m.publishedVersion}, ngày ${formatDateTime(m.publishedAt)}).`, { size: 10.5 });
    r.gap(16);
    r.signatures([{ office: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' }]);
    yield;
  });
}

export interface OnlineVoteRecordModel {
  communeName: string;
  villageName: string;
  title: string;
  startedAt: string;
  endedAt: string;
  totalHouseholds: number;
  households: number;
  /** the result per option, from the app's counts; null when the results are not computed for this village */
  result: { label: string; count: number }[] | null;
  team: { name: string; role: string }[];
  note: string;
  version: number;
  article: string;
  createdAt?: Date;
}

export function renderOnlineVoteRecord(m: OnlineVoteRecordModel, fonts: PrintFonts): PdfOutput {
  return renderPdf(fonts, { title: `Biên bản biểu quyết trực tuyến - ${m.title}`, size: 'A4', createdAt: m.createdAt }, function* (doc) {
    const r = new ReportWriter(doc);
    r.header(m.communeName, placeOf(m.communeName), formatDate((m.createdAt ?? new Date()).toISOString()), m.villageName.toUpperCase());
    r.title('BIÊN BẢN BIỂU QUYẾT TRỰC TUYẾN', `Về việc: ${m.title}`);
    r.paragraph(`Căn cứ ${m.article}, Tổ lấy ý kiến biểu quyết trực tuyến ${m.villageName} lập biên bản như sau:`);
    r.heading('1. Thời gian biểu quyết');
    r.paragraph(`Bắt đầu: ${formatDateTime(m.startedAt)}; kết thúc: ${formatDateTime(m.endedAt)}.`);
    r.heading('2. Tham gia');
    r.paragraph(`Tổng số hộ gia đình trong thôn: ${formatNumber(m.totalHouseholds)} hộ.`);
    r.paragraph(`Số đại diện hộ gia đình tham gia biểu quyết trực tuyến: ${formatNumber(m.households)} hộ (${pct(m.households, m.totalHouseholds)}), theo số liệu của ứng dụng.`);
    r.heading('3. Kết quả biểu quyết');
    if (m.result) {
      r.table(
        [{ title: 'Lựa chọn', width: 5 }, { title: 'Số hộ', width: 2, align: 'right' }, { title: `Tỷ lệ / ${formatNumber(m.totalHouseholds)} hộ`, width: 2.5, align: 'right' }],
        m.result.map((row) => [row.label, formatNumber(row.count), pct(row.count, m.totalHouseholds)]),
      );
    } else {
      r.paragraph('(Kết quả theo số liệu của ứng dụng, kèm bản chụp kết quả và danh sách đại diện hộ tham gia.)', { color: '#777777' });
    }
    r.heading('4. Tổ lấy ý kiến biểu quyết trực tuyến');
    r.table(
      [{ title: 'STT', width: 0.7, align: 'center' }, { title: 'Họ và tên', width: 4 }, { title: 'Nhiệm vụ', width: 3 }],
      m.team.map((p, i) => [String(i + 1), p.name, p.role]),
    );
    if (m.note) r.paragraph(`Ghi chú: ${m.note}`);
    r.paragraph(`Biên bản phiên bản ${m.version}; kèm theo bản chụp kết quả và danh sách đại diện hộ gia đình tham gia.`, { size: 10.5 });
    r.gap(16);
    r.signatures([{ office: 'TỔ LẤY Ý KIẾN', title: 'TỔ TRƯỞNG', name: m.team[0]?.name }, { office: '', title: 'TRƯỞNG THÔN' }]);
    yield;
  });
}
