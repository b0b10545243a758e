// A campaign as the services see it. Its kinds, categories and channels, and
// which channels decide, are legal rules: see legal-rules.ts.
import type { CampaignKind, Category, Channel, ElectionBoard } from './legal-rules';
import type { OnlineApproval } from './online-agreement';

export type CampaignStatus = 'draft' | 'open' | 'closed' | 'published';
/** How a ballot row came in: a household's serial online or on paper, or an anonymous answer (link or kiosk). */
export type BallotChannel = 'online' | 'paper' | 'anonymous' | 'kiosk';

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
  /** election: the seats of every village (or of those `seatsByVillage` does not name) */
  seats: number | null;
  /** election: seats that differ per village, by village id */
  seatsByVillage: Record<string, number> | null;
  /** election: the body it fills (k4 the village head; k5 the inspection or the investment supervision board) */
  board: ElectionBoard | null;
  /** k6 online: how the households agreed to vote online, per village or for all (NĐ 59 Đ5) */
  onlineApproval: OnlineApproval | null;
  opensAt: string | null;
  closesAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The seats a village elects: its own number when the campaign sets seats per village, else the campaign's. */
export function seatsFor(c: Pick<Campaign, 'seats' | 'seatsByVillage'>, villageId: string): number {
  return c.seatsByVillage?.[villageId] ?? c.seats ?? 1;
}

/**
 * Answered by the campaign's own link or QR, without a household serial: a
 * satisfaction survey, or a consultation open online (one answer per device).
 */
export function answeredByLink(c: Pick<Campaign, 'kind' | 'channels'>): boolean {
  return c.kind === 'satisfaction' || (c.kind === 'consultation' && c.channels.includes('online'));
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
