// The register the import benchmark uploads: deterministic Vietnamese
// households over ten villages, as CSV and as XLSX the way the project's own
// exports write them (scripts/bench/import.ts, scripts/bench/import-memory.ts).
import { toCsv } from '../../server/services/spreadsheet/csv';
import { writeXlsx } from '../../server/services/spreadsheet/xlsx-write';
import type { TableRow } from '../../server/services/spreadsheet/table';

export const VILLAGES = 10;
export const HEADER = ['STT', 'Mã hộ', 'Thôn', 'Họ và tên chủ hộ', 'Người đại diện', 'Địa chỉ', 'Số nhân khẩu', 'Số điện thoại', 'Ghi chú'];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLES = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh', 'Thanh', 'Hữu'];
const GIVEN = ['Dũng', 'Hằng', 'Lữ', 'Mỹ', 'Phượng', 'Đạt', 'Yến', 'Quỳnh', 'Tuấn', 'Hưng', 'Thủy'];

export interface Household { code: string; village: number; head: string; representative: string; address: string; members: number; phone: string; note: string }

export const villageName = (v: number) => `Thôn ${['Đông Sơn', 'Trung Hà', 'Bắc Lưu', 'Nam Khê', 'Tây Kiếm', 'Phú Xuân', 'An Lạc', 'Hòa Bình', 'Thượng Cát', 'Hạ Long'][v]}`;

/** A deterministic register of `count` households, spread over the villages. */
export function register(count: number): Household[] {
  let x = 2026;
  const rand = (n: number) => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const village = i % VILLAGES;
    const head = `${SURNAMES[rand(10)]} ${MIDDLES[rand(7)]} ${GIVEN[rand(11)]}`;
    return {
      code: `VK-${village}-${String(i + 1).padStart(6, '0')}`, village, head,
      representative: rand(4) === 0 ? `${SURNAMES[rand(10)]} Thị ${GIVEN[rand(11)]}` : head,
      address: `Xóm ${1 + rand(12)}, ${villageName(village)}, xã Việt Khê, TP Hải Phòng`,
      members: 1 + rand(8), phone: rand(3) === 0 ? '' : `09${String(rand(100_000_000)).padStart(8, '0')}`, note: rand(20) === 0 ? 'Hộ nghèo' : '',
    };
  });
}

/** 2,000 households of other codes, imported first to warm the server up. */
export const WARM_UP = new TextEncoder().encode(toCsv([HEADER, ...register(2_000).map((h, i) => [i + 1, `WARM-${h.code}`, villageName(h.village), h.head, h.representative, h.address, h.members, h.phone, h.note])]));

const line = (h: Household, stt: number): TableRow => [stt, h.code, villageName(h.village), h.head, h.representative, h.address, h.members, h.phone, h.note];
export const asCsv = (hs: Household[]) => new TextEncoder().encode(toCsv([HEADER, ...hs.map((h, i) => line(h, i + 1))]));
/** As the project's own export writes it: one sheet per village. */
export const asXlsx = (hs: Household[]) =>
  writeXlsx(Array.from({ length: VILLAGES }, (_, v) => ({ name: villageName(v), rows: [HEADER, ...hs.filter((h) => h.village === v).map((h, i) => line(h, i + 1))] })));

