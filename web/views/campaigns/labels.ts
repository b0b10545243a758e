// Words for campaigns shown to staff: kinds, the Đ15 categories in plain
// Vietnamese, statuses and channels. The rules themselves live in
// server/domain; these only say them.
import type { Text } from '../../../server/domain/i18n';
import type { Tone } from '../components';
import { CAMPAIGN_KINDS } from '../../../server/domain/legal-rules';
import { KINDS } from '../../../server/kinds';

/** Each kind's name and purpose as staff see them: from its module (server/kinds/<kind>). */
export const KIND_LABEL: Record<string, Text> = Object.fromEntries(CAMPAIGN_KINDS.map((k) => [k, KINDS[k].labels.staff]));
export const KIND_HINT: Record<string, Text> = Object.fromEntries(CAMPAIGN_KINDS.map((k) => [k, KINDS[k].labels.hint]));

/** Điều 15 Luật 10/2022/QH15, in the words a commune officer would use. */
export const CATEGORY_LABEL: Record<string, Text> = {
  k1: { vi: 'k1 – Chủ trương và mức đóng góp xây dựng hạ tầng, công trình công cộng', en: 'k1 – Contributions to infrastructure and public works' },
  k2: { vi: 'k2 – Thu, chi, quản lý các khoản đóng góp, kinh phí, tài sản của cộng đồng', en: 'k2 – Collecting, spending and managing community funds' },
  k3: { vi: 'k3 – Hương ước, quy ước của thôn, tổ dân phố', en: 'k3 – The village covenant (hương ước, quy ước)' },
  k4: { vi: 'k4 – Bầu, cho thôi làm Trưởng thôn, Tổ trưởng tổ dân phố', en: 'k4 – Electing or removing the village head' },
  k5: { vi: 'k5 – Bầu, cho thôi làm thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng', en: 'k5 – Electing or removing inspection and investment supervision board members' },
  k6: { vi: 'k6 – Các công việc tự quản khác trong nội bộ cộng đồng', en: 'k6 – Other self-managed community matters' },
};

export const CATEGORY_HINT: Record<string, Text> = {
  k1: { vi: 'Thông qua khi từ 2/3 tổng số hộ trở lên đồng ý. Quyết định bằng họp hoặc phiếu hộ gia đình.', en: 'Passes with at least 2/3 of all households. Meeting or household ballot.' },
  k2: { vi: 'Thông qua khi từ 2/3 tổng số hộ trở lên đồng ý. Quyết định bằng họp hoặc phiếu hộ gia đình.', en: 'Passes with at least 2/3 of all households. Meeting or household ballot.' },
  k3: { vi: 'Thông qua khi trên 50% tổng số hộ đồng ý. Phải quyết định tại cuộc họp; phiếu hộ gia đình chỉ khi họp không đủ người.', en: 'Passes with more than half of all households. Decided at a meeting; a household ballot only if the meeting lacks attendance.' },
  k4: { vi: 'Trúng cử khi được trên 50% tổng số hộ bầu. Bầu tại cuộc họp.', en: 'Elected with more than half of all households. Held at a meeting.' },
  k5: { vi: 'Trúng cử khi được trên 50% tổng số hộ bầu. Bầu tại cuộc họp.', en: 'Elected with more than half of all households. Held at a meeting.' },
  k6: { vi: 'Thông qua khi trên 50% tổng số hộ đồng ý. Được biểu quyết trực tuyến nếu các hộ đã đồng ý dùng hình thức này.', en: 'Passes with more than half of all households. May be voted online once households agreed to it.' },
};

export const STATUS_LABEL: Record<string, { text: Text; tone: Tone }> = {
  draft: { text: { vi: 'Bản nháp', en: 'Draft' }, tone: 'neutral' },
  open: { text: { vi: 'Đang mở', en: 'Open' }, tone: 'ok' },
  closed: { text: { vi: 'Đã đóng', en: 'Closed' }, tone: 'warn' },
  published: { text: { vi: 'Đã công bố', en: 'Published' }, tone: 'info' },
};

export const CHANNEL_LABEL: Record<string, Text> = {
  meeting: { vi: 'Họp cộng đồng dân cư', en: 'Community meeting' },
  paper: { vi: 'Phiếu giấy phát đến từng hộ', en: 'Paper ballot to each household' },
  online: { vi: 'Trực tuyến (quét mã QR)', en: 'Online (scan the QR code)' },
};

export const CHANNEL_HINT: Record<string, Text> = {
  meeting: { vi: 'Giơ tay hoặc bỏ phiếu kín tại cuộc họp; trưởng thôn nhập biên bản.', en: 'Show of hands or secret ballot; the village head enters the minutes.' },
  paper: { vi: 'Mỗi hộ một phiếu có mã QR; tổ phát phiếu kiểm và nhập biên bản.', en: 'One QR ballot per household; the counting team enters the count.' },
  online: {
    vi: 'Có giá trị quyết định chỉ với nội dung k6, lấy ý kiến và khảo sát hài lòng. Với k1–k5, hãy dùng ô "thu ý kiến trực tuyến để tham khảo" bên dưới.',
    en: 'Decides only k6 matters, consultations and surveys. For k1–k5 use "collect online answers for reference" below.',
  },
};

export const TEMPLATE_LABEL: Record<string, Text> = {
  'household-decision': { vi: 'Phiếu lấy ý kiến hộ gia đình (Đồng ý / Không đồng ý / Ý kiến khác)', en: 'Household ballot (approve / reject / other)' },
  consultation: { vi: 'Phiếu góp ý dự thảo theo từng phần', en: 'Consultation on a draft, section by section' },
  sipas: { vi: 'Chỉ số hài lòng SIPAS (5 yếu tố, 22 tiêu chí)', en: 'SIPAS satisfaction index (5 elements, 22 criteria)' },
  'one-stop-rating': { vi: 'Đánh giá tại Bộ phận Một cửa (3 mức)', en: 'One-stop counter rating (3 levels)' },
  election: { vi: 'Phiếu bầu (tạo từ danh sách người ứng cử)', en: 'Election ballot (built from the candidates)' },
};

export const label = (map: Record<string, Text>, key: string | null | undefined, lang: 'vi' | 'en'): string =>
  key ? (map[key]?.[lang] ?? key) : '';
