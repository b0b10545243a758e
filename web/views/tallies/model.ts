import type { SheetData } from '../../../server/domain/tally-sheet-checks';
import type { Lang, Text } from '../../../server/domain/i18n';
import type { SheetChannel } from '../../../server/domain/legal-rules';

// What the tally pages show, as plain data (the views read no database).

export interface PageUser {
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
}

export type SheetNumbers = SheetData;

export interface SheetRow {
  id: string;
  channel: SheetChannel;
  version: number;
  status: 'submitted' | 'confirmed' | 'superseded';
  data: SheetNumbers;
  warnings: { path: string; message: Text }[];
  reason: string;
  submittedBy: string;
  submittedByName: string;
  submittedAt: string;
  confirmedByName: string | null;
  confirmedAt: string | null;
  photos: { id: string; url: string; mime: string; size: number }[];
  /** a current paper sheet's numbers that cannot be true beside what the village has counted, each with its gap */
  gaps?: { path: string; gap: number; message: Text }[];
  /** a meeting sheet's record: complete when it holds every procedural vote, approved (Mẫu 03) */
  record?: { complete: boolean; message: Text | null } | null;
  /** a current paper sheet beside what its village has counted (web/views/tallies/reconciliation.tsx) */
  reconciliation?: ReconciliationView | null;
}

export interface ReconciliationView {
  households: number;
  bindingOnline: number;
  registeredPaper: number;
  enteredPaper: number;
  returned: number;
  left: number;
  notes: Text[];
  rule: { article: string; note: Text } | null;
}

export interface VillageSheets {
  villageId: string;
  code: string;
  name: string;
  households: number | null;
  questions: { name: string; choices: string[] }[];
  sheets: SheetRow[];
}

export interface CampaignSheets {
  campaign: {
    id: string; title: string; kind: string; status: string; channels: string[]; secret: boolean;
    candidates: { id: string; name: string; villageId: string }[];
  };
  villages: VillageSheets[];
}

export const TT = {
  meeting: { vi: 'Họp thôn', en: 'Village meeting' },
  paper: { vi: 'Phiếu lấy ý kiến hộ', en: 'Household ballot' },
  submitted: { vi: 'Chờ xác nhận', en: 'Awaiting confirmation' },
  confirmed: { vi: 'Đã xác nhận', en: 'Confirmed' },
  superseded: { vi: 'Đã được sửa', en: 'Superseded' },
  version: { vi: 'Phiên bản', en: 'Version' },
  present: { vi: 'Số đại diện hộ dự họp', en: 'Representatives present' },
  issued: { vi: 'Số phiếu phát ra', en: 'Ballots issued' },
  returned: { vi: 'Số phiếu thu về', en: 'Ballots returned' },
  invalid: { vi: 'Số phiếu không hợp lệ', en: 'Invalid ballots' },
  households: { vi: 'Tổng số hộ', en: 'Households' },
  board: { vi: 'Ban kiểm phiếu', en: 'Counting board' },
  witnesses: { vi: 'Người chứng kiến', en: 'Witnesses' },
  approve: { vi: 'Đồng ý', en: 'Agree' },
  reject: { vi: 'Không đồng ý', en: 'Disagree' },
  other: { vi: 'Ý kiến khác', en: 'Other opinion' },
  showOfHands: { vi: 'Biểu quyết giơ tay', en: 'Show of hands' },
  secretBallot: { vi: 'Bỏ phiếu kín', en: 'Secret ballot' },
  warnings: { vi: 'Cần lưu ý', en: 'Check these' },
  gaps: {
    vi: 'Không khớp với số phiếu thôn đã nhận (một hộ chỉ có một phiếu có giá trị)',
    en: 'Does not fit the ballots the village has received (one binding vote per household)',
  },
  correctFirst: {
    vi: 'Chưa xác nhận được: cần gửi bản sửa biên bản cho khớp với số phiếu đã nhận.',
    en: 'Cannot be confirmed yet: send a corrected sheet that fits the ballots received.',
  },
  photos: { vi: 'Ảnh biên bản', en: 'Photos of the sheet' },
  noPhotos: { vi: 'Chưa có ảnh biên bản đã ký.', en: 'No photo of the signed sheet yet.' },
  confirm: { vi: 'Xác nhận biên bản', en: 'Confirm the sheet' },
  confirmAsk: {
    vi: 'Bạn đã đối chiếu số liệu với biên bản giấy có chữ ký chưa? Xác nhận để biên bản được tính.',
    en: 'Have you compared these numbers with the signed paper sheet? Confirm so the sheet counts.',
  },
  correct: { vi: 'Sửa (tạo phiên bản mới)', en: 'Correct (new version)' },
  history: { vi: 'Lịch sử các phiên bản', en: 'Version history' },
  enter: { vi: 'Nhập biên bản', en: 'Enter a tally sheet' },
  paperBallots: { vi: 'Ghi nhận phiếu giấy', en: 'Register paper ballots' },
  reason: { vi: 'Lý do sửa', en: 'Reason for the correction' },
  by: { vi: 'Người nhập', en: 'Entered by' },
  confirmedBy: { vi: 'Người xác nhận', en: 'Confirmed by' },
  ownSheet: { vi: 'Bạn đã nhập biên bản này; cần người khác xác nhận.', en: 'You entered this sheet; someone else must confirm it.' },
  counts: { vi: 'Kết quả', en: 'Results' },
  none: { vi: 'Chưa có biên bản.', en: 'No sheet yet.' },
  incomplete: { vi: 'Chưa đầy đủ', en: 'Incomplete' },
  complete: { vi: 'Biên bản đầy đủ', en: 'Record complete' },
  procedural: { vi: 'Biểu quyết thủ tục (trên 50% đại diện dự họp đồng ý)', en: 'Procedural votes (more than half of those present)' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
  votesFor: { vi: 'đồng ý', en: 'in favour' },
  procSecretary: { vi: 'Chọn thư ký', en: 'Secretary chosen' },
  procMethod: { vi: 'Chọn hình thức biểu quyết', en: 'Voting method chosen' },
  procBoard: { vi: 'Thông qua Ban kiểm phiếu', en: 'Counting board approved' },
} satisfies Record<string, Text>;

export const statusTone = (s: SheetRow['status']) => (s === 'confirmed' ? 'ok' : s === 'submitted' ? 'warn' : 'neutral') as 'ok' | 'warn' | 'neutral';

/** A choice's label: Đồng ý / Không đồng ý / Ý kiến khác, or a candidate's name. */
export function choiceLabel(lang: Lang, value: string, candidates: { id: string; name: string }[]): string {
  const known = (TT as Record<string, Text>)[value];
  if (value === 'approve' || value === 'reject' || value === 'other') return known![lang];
  return candidates.find((c) => c.id === value)?.name ?? value;
}

export const tallyHistoryUrl = (campaignId: string, villageId: string) =>
  `/staff/tallies/${encodeURIComponent(campaignId)}/${encodeURIComponent(villageId)}`;
