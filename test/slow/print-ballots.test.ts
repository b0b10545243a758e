// Ballots are checked the way a person would: page count, the Vietnamese text
// as a PDF reader extracts it, and every QR scanned back from a 150 dpi render.
import { afterAll, describe, expect, it } from 'vitest';
import { renderHouseholdBallots, type HouseholdBallot, type HouseholdBallotBatch } from '../../server/print/ballot';
import { renderElectionBallots, type ElectionBallotBatch } from '../../server/print/election-ballot';
import { loadPrintFonts } from '../../server/runtime/fonts-node';
import { groupSerial } from '../../server/print/serial-format';
import { pdfWorkspace } from '../support/pdf';

const pdf = pdfWorkspace();
afterAll(() => pdf.cleanup());
const { save, pages, text, scanQrCodes } = pdf;

const fonts = loadPrintFonts();
const ORIGIN = 'https://danban.vietkhe.vn';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const NAMES = ['Nguyễn Thị Mỹ Dung', 'Trần Văn Lữ', 'Phạm Đặng Thị Hằng', 'Lê Ngọc Đạt', 'Vũ Thị Quỳnh'];

/** Distinct 11-character serials from a fixed seed. */
function serials(count: number, seed = 7): string[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    let s = '';
    for (let i = 0; i < 11; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      s += CROCKFORD[(x >> 8) % 32];
    }
    return s;
  });
}

function households(count: number): HouseholdBallot[] {
  return serials(count).map((serial, i) => ({
    serial,
    householdCode: `VK-DS-${String(i + 1).padStart(4, '0')}`,
    representative: NAMES[i % NAMES.length] ?? '',
  }));
}

function batch(over: Partial<HouseholdBallotBatch> = {}): HouseholdBallotBatch {
  return {
    origin: ORIGIN,
    format: 'A5',
    communeName: 'xã Việt Khê',
    villageName: 'Thôn Đông Sơn',
    scope: 'village',
    campaignTitle: 'Đóng góp xây dựng đường giao thông nông thôn năm 2027',
    content:
      'Đề nghị các hộ gia đình đóng góp kinh phí làm đường bê tông liên xóm 3 và xóm 4, chiều dài 1,2 km, rộng 3,5 m.\n' +
      'Mức đóng góp: 500.000 đồng/hộ; hộ nghèo, hộ cận nghèo được miễn.',
    deadline: '2026-12-15T00:00:00+07:00',
    onlineAllowed: true,
    ballots: households(4),
    createdAt: new Date('2026-11-26T00:00:00Z'),
    ...over,
  };
}

describe('household ballots', () => {
  it('prints twenty A5 ballots on ten sheets whose QR codes all scan back to their own serial URLs', () => {
    const ballots = households(20);
    const file = save(renderHouseholdBallots(batch({ ballots }), fonts).toBytes());
    expect(pages(file)).toBe(10);
    const scanned = scanQrCodes(file).sort();
    expect(scanned).toEqual(ballots.map((b) => `${ORIGIN}/b/${b.serial}`).sort());
  });

  it('shows the title, choices, marking rule, deadline and household with their diacritics intact', () => {
    const file = save(renderHouseholdBallots(batch(), fonts).toBytes());
    const t = text(file);
    for (const phrase of [
      'PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND XÃ VIỆT KHÊ',
      'THÔN ĐÔNG SƠN',
      'Đồng ý',
      'Không đồng ý',
      'Ý kiến khác',
      'Đánh dấu X vào một ô.',
      'đánh dấu từ hai ô trở lên là phiếu không hợp lệ',
      'Hạn nộp phiếu: 15/12/2026',
      'Hộ: VK-DS-0001',
      'Đại diện hộ: Nguyễn Thị Mỹ Dung',
      'Đại diện hộ: Trần Văn Lữ',
      'Đại diện hộ: Phạm Đặng Thị Hằng',
      'chiều dài 1,2 km',
      'TRƯỞNG THÔN',
    ]) {
      expect(t).toContain(phrase);
    }
  });

  it('prints each serial grouped for reading aloud', () => {
    const ballots = households(2);
    const t = text(save(renderHouseholdBallots(batch({ ballots }), fonts).toBytes()));
    for (const b of ballots) expect(t).toContain(groupSerial(b.serial));
  });

  it('puts one ballot on each page in A4', () => {
    const file = save(renderHouseholdBallots(batch({ format: 'A4', ballots: households(3) }), fonts).toBytes());
    expect(pages(file)).toBe(3);
    expect(text(file, { page: 3 })).toContain('VK-DS-0003');
  });

  it('leaves the top-left place for the commune seal and no village signature on commune-wide content', () => {
    const t = text(save(renderHouseholdBallots(batch({ scope: 'commune' }), fonts).toBytes()));
    expect(t).toContain('Dấu UBND xã');
    expect(t).not.toContain('TRƯỞNG THÔN');
    expect(t).not.toContain('THÔN ĐÔNG SƠN');
    expect(t).toContain('Hộ: VK-DS-0001 - Thôn Đông Sơn');
  });

  it('continues content too long for the front on the back of the same half sheet', () => {
    const tail = 'Câu cuối cùng của nội dung được in ở mặt sau.';
    const content = `${'Đề nghị các hộ gia đình đóng góp kinh phí làm đường bê tông liên xóm, mức 500.000 đồng/hộ. '.repeat(40)}${tail}`;
    const file = save(renderHouseholdBallots(batch({ content, ballots: households(2) }), fonts).toBytes());
    expect(pages(file)).toBe(2);
    expect(text(file, { page: 1 })).toContain('(Xem tiếp ở mặt sau)');
    const back = text(file, { page: 2 }).replace(/\s+/g, ' ');
    expect(back).toContain('PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH (tiếp theo)');
    expect(back).toContain(tail);
  });

  it('prints no household identity on a secret ballot and keeps the serial on the detachable stub', () => {
    const ballots = households(2);
    const file = save(renderHouseholdBallots(batch({ secret: true, ballots }), fonts).toBytes());
    // The stub is the strip right of x = 595 - (84 + 28) points on an A4 page.
    const body = text(file, { crop: [0, 0, 480, 842] });
    const stub = text(file, { crop: [484, 0, 111, 842] });
    expect(body).toContain('PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH');
    expect(body).not.toMatch(/VK-DS-\d+/);
    for (const name of NAMES.slice(0, 2)) expect(body).not.toContain(name);
    for (const b of ballots) expect(body).not.toContain(groupSerial(b.serial));
    expect(stub).toContain('CUỐNG PHIẾU');
    for (const b of ballots) expect(stub).toContain(groupSerial(b.serial));
  });
});

describe('election ballots', () => {
  const candidates = [
    { name: 'Nguyễn Thị Mỹ Dung', birthYear: 1972 },
    { name: 'Trần Văn Lữ', birthYear: 1968 },
    { name: 'Phạm Đặng Thị Hằng', birthYear: 1980 },
    { name: 'Vũ Thị Quỳnh', birthYear: 1975 },
  ];
  const election = (over: Partial<ElectionBallotBatch> = {}): ElectionBallotBatch => ({
    origin: ORIGIN,
    format: 'A5',
    communeName: 'xã Việt Khê',
    villageName: 'Thôn Đông Sơn',
    electionTitle: 'Bầu Ban Thanh tra nhân dân nhiệm kỳ 2026 - 2031',
    meetingDate: '2026-12-20T09:00:00+07:00',
    seats: 3,
    candidates,
    serials: serials(4, 99),
    createdAt: new Date('2026-11-26T00:00:00Z'),
    ...over,
  });

  it('lists the candidates with birth years, the seats and the strike-through instruction', () => {
    const file = save(renderElectionBallots(election(), fonts).toBytes());
    expect(pages(file)).toBe(2);
    const t = text(file);
    for (const phrase of ['PHIẾU BẦU', 'Bầu không quá 3 người', 'Gạch ngang cả họ và tên người không bầu', 'TM. BAN KIỂM PHIẾU']) {
      expect(t).toContain(phrase);
    }
    for (const c of candidates) expect(t).toMatch(new RegExp(`${c.name}\\s+${c.birthYear}`));
  });

  it('keeps the serial on the stub only, so the marked ballot carries nothing that links it to a household', () => {
    const codes = serials(4, 99);
    const file = save(renderElectionBallots(election({ serials: codes }), fonts).toBytes());
    // A5 halves: the stub is the 132-point strip at the left edge.
    const body = text(file, { crop: [136, 0, 460, 842] });
    const stub = text(file, { crop: [0, 0, 130, 842] });
    expect(body).toContain('Phạm Đặng Thị Hằng');
    for (const code of codes) {
      expect(body).not.toContain(groupSerial(code));
      expect(body).not.toContain(code);
    }
    expect(body).not.toMatch(/VK-DS-\d+/);
    expect(stub).toContain('CUỐNG PHIẾU');
    for (const code of codes) expect(stub).toContain(groupSerial(code));
    expect(scanQrCodes(file).sort()).toEqual(codes.map((c) => `${ORIGIN}/b/${c}`).sort());
  });

  it('refuses an A5 ballot whose candidate list would be too small to read, and prints it on A4', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `Ứng cử viên số ${i + 1}`, birthYear: 1960 + i }));
    expect(() => renderElectionBallots(election({ candidates: many }), fonts)).toThrow(/khổ A4/);
    const file = save(renderElectionBallots(election({ candidates: many, format: 'A4', serials: serials(1) }), fonts).toBytes());
    expect(pages(file)).toBe(1);
    expect(text(file)).toContain('Ứng cử viên số 20');
  });
});
