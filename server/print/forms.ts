// The NĐ 59/2023 annex forms, pre-filled from the campaign: what the platform
// knows (commune, village, subject, the frozen household total, dates) is
// printed; everything decided on the day is a dotted blank or a box to fill
// by hand and sign. Fields follow the law brief §2 (Mẫu 02/04 were retrieved
// only partly, so their count fields follow Đ20 k2 and the Mẫu 02 opening).
import { formatDate, formatDateTime, formatNumber } from '../domain/i18n';
import { DEFAULT_RULES } from '../domain/legal-rules';
import {
  GREY,
  MM,
  authorityHeader,
  checkBox,
  setFont,
  communeAuthority,
  dottedLine,
  lineHeight,
  nationalMotto,
  placeAndDate,
  textLine,
  upper,
  wrap,
  type TextStyle,
} from './draw';
import type { Candidate } from './election-ballot';
import { renderPdf, type Doc, type PdfOutput, type PrintFonts } from './pdf-output';

export interface FormContext {
  communeName: string;
  villageName: string;
  /** What the community decides ("về việc …"). */
  campaignTitle: string;
  /** Households of the village frozen when the campaign opened: the Đ21 denominator. */
  totalHouseholds: number;
  createdAt?: Date;
}

export interface MeetingNotice extends FormContext {
  /** ISO date-time of the meeting, if fixed. */
  meetingAt?: string;
  place?: string;
  participants?: string;
  content: string;
  documents?: string;
  contact?: string;
}

export interface SecretBallotCount extends FormContext {
  /** Candidates for an election; otherwise the options of a decision. */
  candidates?: Candidate[];
  options?: string[];
  meetingAt?: string;
}

export interface MeetingMinutes extends FormContext {
  meetingAt?: string;
  place?: string;
  content: string;
  options?: string[];
  /** the article the procedural votes rest on, printed with their lines */
  proceduralArticle?: string;
  /** what a confirmed meeting sheet already records (printed filled in); blanks otherwise */
  present?: number;
  secretary?: string;
  proceduralVotes?: { secretary?: number; method?: number; board?: number };
}

export interface HouseholdBallotCount extends FormContext {
  /** Ballots issued: one per household (Đ19), when the serials have been issued. */
  ballotsIssued?: number;
  /** ISO dates of the distribution period. */
  distributedFrom?: string;
  deadline?: string;
  options?: string[];
}

const DEFAULT_OPTIONS = ['Đồng ý', 'Không đồng ý', 'Ý kiến khác'];

const PAGE = { w: 595.28, h: 841.89 };
// Vietnamese administrative documents: left margin 30 mm for binding, right 15–20 mm.
const LEFT = 30 * MM;
const RIGHT = PAGE.w - 18 * MM;
const TOP = 16 * MM;
const BOTTOM = PAGE.h - 15 * MM;
/** Title, note and room for a hand signature. */
const SIGN_H = 80;
const WIDTH = RIGHT - LEFT;
const BODY = 11.5;

/** A top-to-bottom cursor over A4 pages with the form vocabulary: paragraphs, blanks, tables, signatures. */
class FormWriter {
  y = TOP;
  constructor(readonly doc: Doc) {
    doc.addPage();
  }

  ensure(height: number): void {
    if (this.y + height > BOTTOM) {
      this.doc.addPage();
      this.y = TOP;
    }
  }

  header(ctx: FormContext, form: string, date?: string): void {
    const leftW = WIDTH * 0.4;
    textLine(this.doc, form, LEFT, TOP - 22, { size: 9, align: 'right', width: WIDTH, color: GREY });
    authorityHeader(this.doc, [communeAuthority(ctx.communeName), upper(ctx.villageName)], LEFT, this.y, leftW, 11.5);
    const bottom = nationalMotto(this.doc, LEFT + leftW, this.y, WIDTH - leftW, 11.5);
    const place = ctx.villageName.replace(/^(Thôn|Tổ dân phố|TDP)\s+/i, '');
    textLine(this.doc, placeAndDate(place, date ? formatDate(date) : undefined), LEFT + leftW, bottom + 6, {
      size: 11.5,
      align: 'center',
      width: WIDTH - leftW,
    });
    this.y = bottom + 6 + lineHeight(11.5) + 18;
  }

  title(title: string, subtitle?: string): void {
    textLine(this.doc, title, LEFT, this.y, { size: 15, weight: 'bold', align: 'center', width: WIDTH });
    this.y += lineHeight(15);
    if (subtitle) this.paragraph(subtitle, { size: 12.5, weight: 'bold', align: 'center' });
    this.y += 10;
  }

  paragraph(text: string, style: Partial<TextStyle> = {}, indent = 0): void {
    const size = style.size ?? BODY;
    for (const line of wrap(this.doc, text, WIDTH - indent, style.weight ?? 'regular', size)) {
      this.ensure(lineHeight(size));
      textLine(this.doc, line, LEFT + indent, this.y, { ...style, size, width: WIDTH - indent });
      this.y += lineHeight(size) + 1.5;
    }
  }

  /** "label ........" to the margin, then `extra` more dotted lines. */
  blank(label: string, extra = 0, indent = 0): void {
    this.ensure(lineHeight(BODY) + 6);
    const w = label ? textLine(this.doc, label, LEFT + indent, this.y, { size: BODY }) : 0;
    dottedLine(this.doc, LEFT + indent + w + 3, RIGHT, this.y + BODY * 1.05);
    this.y += lineHeight(BODY) + 5;
    for (let i = 0; i < extra; i++) {
      this.ensure(lineHeight(BODY) + 5);
      dottedLine(this.doc, LEFT + indent, RIGHT, this.y + BODY * 1.05);
      this.y += lineHeight(BODY) + 5;
    }
  }

  /** Two "label ........" blanks sharing one line. */
  blankPair(left: string, right: string): void {
    this.ensure(lineHeight(BODY) + 6);
    const half = WIDTH / 2;
    [left, right].forEach((label, i) => {
      const x = LEFT + i * half;
      const w = textLine(this.doc, label, x, this.y, { size: BODY });
      dottedLine(this.doc, x + w + 3, x + half - (i === 0 ? 10 : 0), this.y + BODY * 1.05);
    });
    this.y += lineHeight(BODY) + 5;
  }

  /** "label: value" when the value is known, a dotted blank when it is not. */
  field(label: string, value: string | undefined, unit = '', indent = 12): void {
    if (value === undefined || value === '') {
      this.ensure(lineHeight(BODY) + 6);
      const w = textLine(this.doc, `- ${label}:`, LEFT + indent, this.y, { size: BODY });
      const end = unit ? LEFT + indent + w + 110 : RIGHT;
      dottedLine(this.doc, LEFT + indent + w + 4, end, this.y + BODY * 1.05);
      if (unit) textLine(this.doc, unit, end + 4, this.y, { size: BODY });
      this.y += lineHeight(BODY) + 5;
      return;
    }
    this.ensure(lineHeight(BODY) + 6);
    const w = textLine(this.doc, `- ${label}: `, LEFT + indent, this.y, { size: BODY });
    textLine(this.doc, `${value}${unit ? ` ${unit}` : ''}`, LEFT + indent + w, this.y, { size: BODY, weight: 'bold' });
    this.y += lineHeight(BODY) + 5;
  }

  /** A list of people to write in: "1. .......... Tổ trưởng". */
  people(roles: string[]): void {
    roles.forEach((role, i) => {
      this.ensure(lineHeight(BODY) + 6);
      const w = textLine(this.doc, `${i + 1}. Ông (bà)`, LEFT + 12, this.y, { size: BODY });
      const roleW = role ? this.doc.widthOfString(role) : 0;
      dottedLine(this.doc, LEFT + 12 + w + 4, RIGHT - roleW - 8, this.y + BODY * 1.05);
      if (role) textLine(this.doc, role, RIGHT - roleW, this.y, { size: BODY });
      this.y += lineHeight(BODY) + 5;
    });
  }

  /** Votes per option or candidate; percentages are of ALL households (Đ21 k1 denominator). */
  votes(rows: string[], totalHouseholds: number): void {
    const cols = [WIDTH * 0.09, WIDTH * 0.49, WIDTH * 0.18, WIDTH * 0.24];
    const heads = ['STT', 'Nội dung / Họ và tên', 'Số phiếu', `Tỷ lệ % / ${formatNumber(totalHouseholds)} hộ`];
    const rowH = 20;
    this.ensure(rowH * (rows.length + 1) + 4);
    const top = this.y;
    const doc = this.doc;
    doc.lineWidth(0.7).strokeColor('black');
    doc.rect(LEFT, top, WIDTH, rowH * (rows.length + 1)).stroke();
    let x = LEFT;
    cols.forEach((w, i) => {
      textLine(doc, heads[i] ?? '', x, top + 4, { size: 10.5, weight: 'bold', align: 'center', width: w });
      x += w;
      if (i < cols.length - 1) doc.moveTo(x, top).lineTo(x, top + rowH * (rows.length + 1)).stroke();
    });
    rows.forEach((row, r) => {
      const y = top + rowH * (r + 1);
      doc.moveTo(LEFT, y).lineTo(RIGHT, y).stroke();
      textLine(doc, String(r + 1), LEFT, y + 4, { size: 11, align: 'center', width: cols[0] });
      textLine(doc, row, LEFT + (cols[0] ?? 0) + 6, y + 4, { size: 11 });
    });
    this.y = top + rowH * (rows.length + 1) + 10;
  }

  /** Boxes to tick, flowing onto the next line when the row is full. */
  checkOptions(options: string[]): void {
    this.ensure(lineHeight(BODY) * 2 + 8);
    let x = LEFT + 12;
    for (const option of options) {
      setFont(this.doc, 'regular', BODY);
      const w = 16 + this.doc.widthOfString(option) + 18;
      if (x + w > RIGHT + 18) {
        x = LEFT + 12;
        this.y += lineHeight(BODY) + 4;
      }
      checkBox(this.doc, x, this.y + 1, 11);
      textLine(this.doc, option, x + 16, this.y, { size: BODY });
      x += w;
    }
    this.y += lineHeight(BODY) + 8;
  }

  /** Signature blocks side by side; each title over "(Ký, ghi rõ họ tên)" and room to sign. */
  signatures(titles: string[]): void {
    this.ensure(SIGN_H);
    const w = WIDTH / titles.length;
    titles.forEach((title, i) => {
      const lines = wrap(this.doc, title, w - 8, 'bold', 11);
      let y = this.y;
      for (const line of lines) {
        textLine(this.doc, line, LEFT + i * w, y, { size: 11, weight: 'bold', align: 'center', width: w });
        y += lineHeight(11);
      }
      textLine(this.doc, '(Ký, ghi rõ họ tên)', LEFT + i * w, y, { size: 10, align: 'center', width: w, color: GREY });
    });
    this.y += SIGN_H;
  }

  gap(points: number): void {
    this.y += points;
  }
}

/** "09 giờ 00 phút, ngày 20/12/2026" or blanks. */
function timeAndDay(iso?: string): string {
  if (!iso) return 'vào hồi ….. giờ ….. phút, ngày ….. / ….. / ………';
  const [day, time] = formatDateTime(iso).split(' ');
  const [h, m] = (time ?? '').split(':');
  return `vào hồi ${h} giờ ${m} phút, ngày ${day}`;
}

function setup(ctx: FormContext, title: string) {
  return { title: `${title} - ${ctx.villageName} - ${ctx.campaignTitle}`, size: 'A4' as const, createdAt: ctx.createdAt };
}

/** Mẫu 01: giấy mời / thông tin về cuộc họp, to reach households at least 02 days before (NĐ 59 Đ3). */
export function renderMeetingNotice(m: MeetingNotice, fonts: PrintFonts): PdfOutput {
  return renderPdf(fonts, setup(m, 'Mẫu 01 Giấy mời họp'), function* (doc) {
    const f = new FormWriter(doc);
    f.header(m, 'Mẫu số 01 - NĐ 59/2023/NĐ-CP');
    f.title('GIẤY MỜI HỌP', `Thông tin về cuộc họp của cộng đồng dân cư ${m.villageName}`);
    f.blank('Kính gửi: Ông (bà)');
    f.paragraph(`Đại diện hộ gia đình ${m.villageName}, ${m.communeName}.`);
    f.gap(6);
    f.paragraph(`Trưởng thôn trân trọng kính mời đại diện hộ gia đình tham dự cuộc họp của cộng đồng dân cư về việc: ${m.campaignTitle}.`);
    f.gap(6);
    f.field('Thời gian', m.meetingAt ? timeAndDay(m.meetingAt).replace(/^vào hồi /, '') : undefined);
    f.field('Địa điểm', m.place);
    f.field('Thành phần', m.participants ?? `Đại diện các hộ gia đình ${m.villageName} (${formatNumber(m.totalHouseholds)} hộ)`);
    f.paragraph('- Nội dung:', {}, 12);
    f.paragraph(m.content, {}, 24);
    f.field('Tài liệu', m.documents);
    f.field('Đầu mối liên hệ', m.contact);
    f.gap(6);
    f.paragraph('Đề nghị đại diện hộ gia đình tham dự đầy đủ, đúng giờ.');
    f.gap(16);
    textLine(doc, 'TRƯỞNG THÔN', LEFT + WIDTH / 2, f.y, { size: 12, weight: 'bold', align: 'center', width: WIDTH / 2 });
    textLine(doc, '(Ký, ghi rõ họ tên)', LEFT + WIDTH / 2, f.y + lineHeight(12), { size: 10, align: 'center', width: WIDTH / 2, color: GREY });
    yield;
  });
}

/** Mẫu 02: biên bản kiểm phiếu of a secret ballot at a meeting; 03 copies (UBND xã, UBMTTQ xã, thôn). */
export function renderSecretBallotCount(m: SecretBallotCount, fonts: PrintFonts): PdfOutput {
  return renderPdf(fonts, setup(m, 'Mẫu 02 Biên bản kiểm phiếu'), function* (doc) {
    const f = new FormWriter(doc);
    f.header(m, 'Mẫu số 02 - NĐ 59/2023/NĐ-CP', m.meetingAt);
    f.title('BIÊN BẢN KIỂM PHIẾU', `Về việc: ${m.campaignTitle}`);
    f.paragraph(
      `Hôm nay, ${timeAndDay(m.meetingAt)}, tại ………………………………, ${m.villageName} tổ chức cuộc họp của cộng đồng dân cư về việc ${m.campaignTitle}.`,
    );
    f.gap(4);
    f.paragraph('Ban kiểm phiếu gồm các ông (bà):', { weight: 'bold' });
    f.people(['Tổ trưởng', 'Thành viên', 'Thành viên', 'Thành viên', 'Thành viên']);
    f.paragraph('Đại diện hộ gia đình chứng kiến việc kiểm phiếu gồm:', { weight: 'bold' });
    f.people(['', '']);
    f.paragraph('Kết quả kiểm phiếu như sau:', { weight: 'bold' });
    f.field('Tổng số đại diện hộ gia đình trong thôn', formatNumber(m.totalHouseholds), 'người');
    f.field('Số đại diện hộ gia đình có mặt', undefined, 'người');
    f.field('Số phiếu phát ra', undefined, 'phiếu');
    f.field('Số phiếu thu vào', undefined, 'phiếu');
    f.field('Số phiếu hợp lệ', undefined, 'phiếu');
    f.field('Số phiếu không hợp lệ', undefined, 'phiếu');
    const rows = m.candidates
      ? m.candidates.map((c) => (c.birthYear ? `${c.name} (${c.birthYear})` : c.name))
      : (m.options ?? DEFAULT_OPTIONS);
    f.paragraph(m.candidates ? 'Số phiếu bầu cho từng người:' : 'Số phiếu cho từng phương án:', { weight: 'bold' });
    f.votes(rows, m.totalHouseholds);
    f.paragraph('Biên bản được lập thành 03 bản: 01 bản gửi Ủy ban nhân dân xã, 01 bản gửi Ủy ban Mặt trận Tổ quốc Việt Nam xã, 01 bản lưu tại thôn.', { size: 11 });
    f.gap(10);
    f.signatures(['ĐẠI DIỆN HỘ GIA ĐÌNH CHỨNG KIẾN', 'ĐẠI DIỆN HỘ GIA ĐÌNH CHỨNG KIẾN', 'TỔ TRƯỞNG BAN KIỂM PHIẾU']);
    yield;
  });
}

/** Mẫu 03: biên bản cuộc họp with the Đ20 k2 fields a) to g). */
export function renderMeetingMinutes(m: MeetingMinutes, fonts: PrintFonts): PdfOutput {
  return renderPdf(fonts, setup(m, 'Mẫu 03 Biên bản cuộc họp'), function* (doc) {
    const f = new FormWriter(doc);
    f.header(m, 'Mẫu số 03 - NĐ 59/2023/NĐ-CP', m.meetingAt);
    f.title('BIÊN BẢN CUỘC HỌP CỘNG ĐỒNG DÂN CƯ', `Về việc: ${m.campaignTitle}`);
    f.paragraph(`Hôm nay, ${timeAndDay(m.meetingAt)}, tại ${m.place ?? '………………………………'}, ${m.villageName} tổ chức cuộc họp của cộng đồng dân cư.`);
    f.blankPair('Chủ trì: Ông (bà)', m.secretary ? `Thư ký: Ông (bà) ${m.secretary}` : 'Thư ký: Ông (bà)');
    f.paragraph('1. Thành phần tham dự', { weight: 'bold' });
    f.field('Tổng số hộ gia đình trong thôn', formatNumber(m.totalHouseholds), 'hộ');
    f.field('Số người đại diện hộ gia đình có mặt', m.present === undefined ? undefined : formatNumber(m.present), 'người');
    f.field('Số hộ gia đình không có người đại diện tham dự', m.present === undefined ? undefined : formatNumber(m.totalHouseholds - m.present), 'hộ');
    // the procedural votes: "số đồng ý / số dự họp" for each, one line
    const votes = (n: number | undefined) => (n === undefined ? '……/……' : `${formatNumber(n)}/${m.present === undefined ? '……' : formatNumber(m.present)}`);
    const v = m.proceduralVotes;
    f.paragraph(`Biểu quyết thủ tục, đồng ý/dự họp (cần trên 50%, ${m.proceduralArticle ?? DEFAULT_RULES.meetingRecordVotes.article}): thư ký ${votes(v?.secretary)}; hình thức biểu quyết ${votes(v?.method)}; Ban kiểm phiếu (bỏ phiếu kín) ${votes(v?.board)}.`, { size: 10.5 }, 12);
    f.paragraph('2. Nội dung bàn và quyết định', { weight: 'bold' });
    f.paragraph(m.content, {}, 12);
    f.blank('Ý kiến thảo luận:', 0, 12);
    f.paragraph('3. Hình thức quyết định', { weight: 'bold' });
    f.checkOptions(['Giơ tay', 'Bỏ phiếu kín', 'Phát phiếu lấy ý kiến hộ gia đình', 'Biểu quyết trực tuyến']);
    f.paragraph('4. Kết quả biểu quyết', { weight: 'bold' });
    f.votes(m.options ?? DEFAULT_OPTIONS, m.totalHouseholds);
    f.paragraph('5. Nội dung được quyết định', { weight: 'bold' });
    f.blank('', 0, 12);
    f.paragraph('Cuộc họp kết thúc vào hồi ….. giờ ….. phút cùng ngày.');
    f.gap(10);
    f.signatures(['ĐẠI DIỆN HỘ GIA ĐÌNH', 'ĐẠI DIỆN HỘ GIA ĐÌNH', 'THƯ KÝ']);
    f.signatures(['TRƯỞNG BAN CÔNG TÁC MẶT TRẬN', 'TRƯỞNG THÔN']);
    yield;
  });
}

/** Mẫu 04: biên bản kiểm phiếu of the household ballot, by the Tổ phát phiếu with 02 witnesses (NĐ 59 Đ4). */
export function renderHouseholdBallotCount(m: HouseholdBallotCount, fonts: PrintFonts): PdfOutput {
  return renderPdf(fonts, setup(m, 'Mẫu 04 Biên bản kiểm phiếu lấy ý kiến hộ gia đình'), function* (doc) {
    const f = new FormWriter(doc);
    f.header(m, 'Mẫu số 04 - NĐ 59/2023/NĐ-CP');
    f.title('BIÊN BẢN KIỂM PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH', `Về việc: ${m.campaignTitle}`);
    const from = m.distributedFrom ? formatDate(m.distributedFrom) : '….. / ….. / ………';
    const to = m.deadline ? formatDate(m.deadline) : '….. / ….. / ………';
    f.paragraph(`Thời gian phát phiếu: từ ngày ${from} đến ngày ${to}.`);
    f.paragraph(`Hôm nay, ${timeAndDay()}, tại ………………………………, Tổ phát phiếu lấy ý kiến ${m.villageName} tiến hành kiểm phiếu.`);
    f.gap(4);
    f.paragraph('Tổ phát phiếu gồm các ông (bà):', { weight: 'bold' });
    f.people(['Tổ trưởng', 'Thành viên', 'Thành viên', 'Thành viên', 'Thành viên']);
    f.paragraph('Đại diện hộ gia đình chứng kiến việc kiểm phiếu gồm:', { weight: 'bold' });
    f.people(['', '']);
    f.paragraph('Kết quả kiểm phiếu như sau:', { weight: 'bold' });
    f.field('Tổng số hộ gia đình trong thôn', formatNumber(m.totalHouseholds), 'hộ');
    f.field('Số phiếu phát ra', m.ballotsIssued === undefined ? undefined : formatNumber(m.ballotsIssued), 'phiếu');
    f.field('Số phiếu thu về', undefined, 'phiếu');
    f.field('Số phiếu hợp lệ', undefined, 'phiếu');
    f.field('Số phiếu không hợp lệ', undefined, 'phiếu');
    f.votes(m.options ?? DEFAULT_OPTIONS, m.totalHouseholds);
    f.blank('Ý kiến khác của các hộ gia đình:', 2);
    f.gap(8);
    f.signatures(['ĐẠI DIỆN HỘ GIA ĐÌNH CHỨNG KIẾN', 'ĐẠI DIỆN HỘ GIA ĐÌNH CHỨNG KIẾN', 'TỔ TRƯỞNG TỔ PHÁT PHIẾU']);
    yield;
  });
}

export interface CandidateListForm extends FormContext {
  /** "Trưởng thôn", "thành viên Ban Thanh tra nhân dân" */
  office: string;
  /** ISO date-time of the election meeting, if fixed */
  electionAt?: string;
  candidates: { name: string; birthYear: number | null; attested: { by: string; on: string } | null }[];
  /** the conditions attested, with their article */
  conditions: string[];
  article: string;
}

/**
 * Mẫu 05: biên bản họp Ban công tác Mặt trận dự kiến danh sách người ứng cử
 * (NĐ 59 Đ6): the meeting's time, place and attendees to fill in, the list
 * (at least one) with each candidate's attestation, and the signatures.
 */
export function renderCandidateList(m: CandidateListForm, fonts: PrintFonts): PdfOutput {
  return renderPdf(fonts, setup(m, 'Mẫu 05 Danh sách người ứng cử'), function* (doc) {
    const f = new FormWriter(doc);
    f.header(m, 'Mẫu số 05 - NĐ 59/2023/NĐ-CP');
    f.title('BIÊN BẢN HỌP BAN CÔNG TÁC MẶT TRẬN', `Dự kiến danh sách người ứng cử ${m.office} ${m.villageName}`);
    f.paragraph(`Hôm nay, ${timeAndDay()}, tại ………………………………, Ban công tác Mặt trận ${m.villageName} họp để dự kiến danh sách người ứng cử ${m.office}${m.electionAt ? ` (cuộc họp bầu dự kiến ${timeAndDay(m.electionAt).replace(/^vào hồi /, '')})` : ''}.`);
    f.gap(4);
    f.paragraph('Thành phần tham dự gồm các ông (bà):', { weight: 'bold' });
    f.people(['Trưởng ban', 'Thành viên', 'Thành viên']);
    f.paragraph(`Ban công tác Mặt trận thống nhất dự kiến danh sách ${formatNumber(m.candidates.length)} người ứng cử như sau:`, { weight: 'bold' });
    const rows = m.candidates.map((c) => `${c.name}${c.birthYear ? `, sinh năm ${c.birthYear}` : ''}${c.attested ? ` - đủ tiêu chuẩn (xác nhận ngày ${formatDate(`${c.attested.on}T12:00:00+07:00`)})` : ' - chưa xác nhận tiêu chuẩn'}`);
    rows.forEach((row, i) => f.paragraph(`${i + 1}. ${row}`, {}, 12));
    f.gap(6);
    f.paragraph(`Tiêu chuẩn đã được Ban công tác Mặt trận xác nhận đối với từng người (${m.article}):`, { weight: 'bold' });
    m.conditions.forEach((c) => f.paragraph(`- ${c}.`, { size: 11 }, 12));
    f.gap(6);
    f.paragraph('Biên bản được lập thành 02 bản: 01 bản gửi Ủy ban nhân dân xã, 01 bản lưu tại Ban công tác Mặt trận.', { size: 11 });
    f.gap(10);
    f.signatures(['THƯ KÝ', 'TRƯỞNG BAN CÔNG TÁC MẶT TRẬN']);
    yield;
  });
}
