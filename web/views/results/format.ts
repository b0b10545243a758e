import type { Lang, Text } from '../../../server/domain/i18n';

const numberFmt = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') };
const pctFmt = {
  vi: new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** 1.599 in Vietnamese, 1,599 in English. */
export const num = (lang: Lang, n: number): string => numberFmt[lang].format(n);

const decimalFmt = {
  vi: new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** A mean as "3,50" / "3.50"; "–" without one. */
export const decimal = (lang: Lang, x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : decimalFmt[lang].format(x);

/** A share 0–1 as "75,3%" / "75.3%"; "–" without a denominator. */
export const pct = (lang: Lang, share: number | null | undefined): string =>
  share === null || share === undefined || !Number.isFinite(share) ? '–' : pctFmt[lang].format(share);

export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export const CATEGORY_LABEL: Record<string, Text> = {
  k1: { vi: 'Chủ trương, mức đóng góp xây dựng công trình công cộng (Đ15 k1)', en: 'Contributions to public works (Art. 15(1))' },
  k2: { vi: 'Thu, chi quỹ của cộng đồng (Đ15 k2)', en: 'Community funds (Art. 15(2))' },
  k3: { vi: 'Hương ước, quy ước (Đ15 k3)', en: 'Village covenant (Art. 15(3))' },
  k4: { vi: 'Bầu, cho thôi làm Trưởng thôn (Đ15 k4)', en: 'Village head (Art. 15(4))' },
  k5: { vi: 'Bầu thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng (Đ15 k5)', en: 'Board members (Art. 15(5))' },
  k6: { vi: 'Công việc tự quản khác (Đ15 k6)', en: 'Other self-managed matters (Art. 15(6))' },
};

export const CHANNEL_LABEL: Record<string, Text> = {
  meeting: { vi: 'họp cộng đồng', en: 'community meeting' },
  paper: { vi: 'phiếu giấy gửi từng hộ', en: 'paper household ballot' },
  online: { vi: 'trực tuyến (quét mã QR)', en: 'online (scan the QR code)' },
};
