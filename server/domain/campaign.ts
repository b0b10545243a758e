import type { Text } from './i18n';

export type CampaignKind = 'decision' | 'election' | 'consultation' | 'satisfaction';
export type Category = 'k1' | 'k2' | 'k3' | 'k4' | 'k5' | 'k6';
export type Channel = 'online' | 'paper' | 'meeting';
export type CampaignStatus = 'draft' | 'open' | 'closed' | 'published';

export interface Candidate {
  id: string;
  name: string;
  villageId: string;
  birthYear: number | null;
}

export interface Campaign {
  id: string;
  communeId: string;
  slug: string;
  title: string;
  description: string;
  kind: CampaignKind;
  category: Category | null;
  scope: 'village' | 'commune';
  secret: boolean;
  status: CampaignStatus;
  channels: Channel[];
  /** k1–k5: online answers collected as advice only, never in a binding count */
  advisoryOnline: boolean;
  survey: Record<string, unknown>;
  seats: number | null;
  onlineApproval: { campaignId?: string; note?: string } | null;
  opensAt: string | null;
  closesAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

interface ChannelRule {
  allowed: Channel[];
  article: string;
  why: Text;
}

// Which channels may produce the result of each kind of campaign.
// Đ17 k2 Luật 10/2022/QH15: k3, k4, k5 are decided at a community meeting
// (a household ballot only as the Đ19 k1 b fallback); online voting decides
// only k6 (and NĐ 59/2023 Đ5 adds the prior household vote to use it).
// Consultations may use every channel (Đ26 e, g); satisfaction surveys are
// answered online, at the kiosk or on paper slips entered by staff (Đ35).
export const CHANNEL_RULES: Record<string, ChannelRule> = {
  'decision:k1': { allowed: ['meeting', 'paper'], article: 'Đ17 k2 Luật 10/2022/QH15', why: { vi: 'Biểu quyết trực tuyến chỉ áp dụng cho nội dung k6 (Điều 17 khoản 2 Luật 10/2022/QH15).', en: 'Online voting may decide only k6 matters (Art. 17(2), Law 10/2022/QH15).' } },
  'decision:k2': { allowed: ['meeting', 'paper'], article: 'Đ17 k2 Luật 10/2022/QH15', why: { vi: 'Biểu quyết trực tuyến chỉ áp dụng cho nội dung k6 (Điều 17 khoản 2 Luật 10/2022/QH15).', en: 'Online voting may decide only k6 matters (Art. 17(2), Law 10/2022/QH15).' } },
  'decision:k3': { allowed: ['meeting', 'paper'], article: 'Đ17 k2 Luật 10/2022/QH15', why: { vi: 'Hương ước, quy ước phải được quyết định tại cuộc họp cộng đồng; không biểu quyết trực tuyến (Điều 17 khoản 2).', en: 'A village covenant is decided at a community meeting, never online (Art. 17(2)).' } },
  'decision:k4': { allowed: ['meeting', 'paper'], article: 'Đ17 k2 Luật 10/2022/QH15', why: { vi: 'Bầu Trưởng thôn phải thực hiện tại cuộc họp cộng đồng; không biểu quyết trực tuyến (Điều 17 khoản 2).', en: 'A village head is elected at a community meeting, never online (Art. 17(2)).' } },
  'decision:k5': { allowed: ['meeting', 'paper'], article: 'Đ17 k2 Luật 10/2022/QH15', why: { vi: 'Bầu thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư phải thực hiện tại cuộc họp; không trực tuyến (Điều 17 khoản 2).', en: 'Board members are elected at a community meeting, never online (Art. 17(2)).' } },
  'decision:k6': { allowed: ['meeting', 'paper', 'online'], article: 'Đ17 k1, NĐ 59/2023 Đ5', why: { vi: '', en: '' } },
  election: { allowed: ['meeting', 'paper'], article: 'Đ17 k2 Luật 10/2022/QH15', why: { vi: 'Bầu cử chỉ thực hiện tại cuộc họp (bỏ phiếu kín hoặc giơ tay) hoặc bằng phiếu giấy; không bầu trực tuyến (Điều 17 khoản 2).', en: 'Elections are held at a meeting or on paper, never online (Art. 17(2)).' } },
  consultation: { allowed: ['online', 'paper', 'meeting'], article: 'Đ26 Luật 10/2022/QH15', why: { vi: '', en: '' } },
  satisfaction: { allowed: ['online', 'paper'], article: 'Đ34–35 Luật 10/2022/QH15', why: { vi: 'Khảo sát mức độ hài lòng dùng kênh trực tuyến/kiosk hoặc phiếu giấy, không dùng cuộc họp.', en: 'Satisfaction surveys are answered online, at a kiosk or on paper, not at a meeting.' } },
};

export function channelRule(kind: CampaignKind, category: Category | null): ChannelRule {
  return CHANNEL_RULES[kind === 'decision' ? `decision:${category}` : kind]!;
}

/** Consultations stay open at least 20 days from publication (Đ28 Luật 10/2022/QH15). */
export const CONSULTATION_MIN_DAYS = 20;

/** Whether an online answer counts in the binding result. */
export function onlineIsBinding(c: Pick<Campaign, 'kind' | 'category'>): boolean {
  if (c.kind === 'decision') return c.category === 'k6';
  return c.kind === 'consultation' || c.kind === 'satisfaction';
}

/** Elections are always secret (Đ18 k4; NĐ 59 Đ3 k5); other campaigns when marked. */
export function isSecret(kind: CampaignKind, requested: boolean | undefined): boolean {
  return kind === 'election' || requested === true;
}

export const TRANSITIONS: Record<'open' | 'close' | 'publish', { from: CampaignStatus[]; to: CampaignStatus }> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  // A correction after publication republishes a new version.
  publish: { from: ['closed', 'published'], to: 'published' },
};
