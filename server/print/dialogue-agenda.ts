// The order of business (chương trình) of a dialogue conference between the
// commune and its people (Đ32 Luật 10/2022/QH15): date, place, who chairs,
// the usual opening and closing items, and the questions sent in before it,
// group by group and numbered as the published answers will be.
import { formatDate, formatDateTime } from '../domain/i18n';
import { ReportWriter } from './report-writer';
import { renderPdf, type PdfOutput, type PrintFonts } from './pdf-output';

export interface AgendaModel {
  communeName: string;
  title: string;
  heldAt: string;
  place: string;
  chair: string;
  sections: { title: string; questions: { number: number; text: string; villageName: string | null; source: string }[] }[];
  createdAt?: Date;
}

const SOURCE: Record<string, string> = { feedback: 'hòm thư góp ý', paper: 'đơn, thư', village_meeting: 'họp thôn' };

export function renderDialogueAgenda(m: AgendaModel, fonts: PrintFonts): PdfOutput {
  return renderPdf(fonts, { title: `Chương trình - ${m.title}`, size: 'A4', createdAt: m.createdAt }, function* (doc) {
    const r = new ReportWriter(doc);
    const place = m.communeName.replace(/^(xã|Xã|phường|Phường)\s+/, '').replace(/\s*\(.*\)$/, '');
    r.header(m.communeName, place, formatDate((m.createdAt ?? new Date()).toISOString()));
    r.title('CHƯƠNG TRÌNH', m.title);
    const [day, time] = formatDateTime(m.heldAt).split(' ');
    r.paragraph(`Thời gian: ${time} ngày ${day}`);
    r.paragraph(`Địa điểm: ${m.place}`);
    r.paragraph(`Chủ trì: ${m.chair}`);
    r.gap(6);
    let item = 0;
    const step = (text: string) => r.paragraph(`${++item}. ${text}`, { weight: 'bold' });
    step('Tuyên bố lý do, giới thiệu đại biểu.');
    step('Chủ tịch UBND xã báo cáo tình hình kinh tế – xã hội và việc giải quyết ý kiến, kiến nghị của Nhân dân.');
    step('Trao đổi, đối thoại: các câu hỏi đã gửi trước hội nghị.');
    for (const s of m.sections) {
      r.heading(s.title);
      for (const q of s.questions) {
        const from = [SOURCE[q.source] ?? '', q.villageName ?? ''].filter(Boolean).join(', ');
        r.paragraph(`Câu ${q.number}. ${q.text}${from ? ` (${from})` : ''}`, {}, 14);
        r.gap(2);
      }
    }
    if (m.sections.every((s) => s.questions.length === 0)) r.paragraph('(Chưa có câu hỏi gửi trước.)', { color: '#777777' }, 14);
    step('Ý kiến phát biểu tại hội nghị.');
    step('Chủ trì kết luận hội nghị.');
    r.gap(16);
    r.signatures([{ office: `TM. ỦY BAN NHÂN DÂN`, title: 'CHỦ TỊCH', name: m.chair }]);
    yield;
  });
}
