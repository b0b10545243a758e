// The public portal of a commune, as the portal service builds it and the
// portal page shows it: what is open now and what has been published.
import type { CampaignKind } from './legal-rules';
export interface PortalCampaign {
  id: string;
  slug: string;
  title: string;
  kind: CampaignKind;
  category: string | null;
  channels: string[];
  closesAt: string | null;
  /** answered by campaign QR/link (satisfaction, online consultation), not by a household's own serial */
  anonymousLink: boolean;
}

export interface CommunePortal {
  commune: { id: string; name: string; slug: string };
  open: PortalCampaign[];
  published: { id: string; slug: string; title: string; kind: CampaignKind; category: string | null; version: number; publishedAt: string }[];
}
