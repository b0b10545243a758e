// The results of a campaign as they are published: the frozen snapshot the
// public pages, the CSV, the JSON and the results notice are all drawn from.
// Only plain data and domain types: a snapshot is hashed and kept for ever,
// so nothing in it may depend on code that changes.
import type { Text } from '../../../server/domain/i18n';
import type { CommuneResult, VillageResult } from '../../../server/domain/tally';
import type { OneStopResult, SipasResult } from '../../../server/domain/satisfaction';

export interface SnapshotQuestion {
  name: string;
  title: Text;
  choices: { value: string; text: Text }[];
}

export interface SnapshotVillage extends VillageResult {
  /** paper ballots whose serial was registered on return (checked against the sheet's `returned`) */
  registeredPaper: number;
}

export interface SnapshotTheme {
  id: string;
  title: string;
  response: string;
  accepted: boolean | null;
  /** opinions grouped under the theme */
  count: number;
}

export interface ResultsSnapshot {
  format: 1;
  /**
   * The commune's audit chain head when these results were published: a
   * public anchor, so cutting off or rewriting the chain up to it is found.
   */
  auditAnchor?: { seq: number; hash: string };
  campaign: {
    id: string;
    slug: string;
    title: string;
    description: string;
    kind: 'decision' | 'election' | 'consultation' | 'satisfaction';
    category: string | null;
    scope: 'village' | 'commune';
    status: 'draft' | 'open' | 'closed' | 'published';
    communeId: string;
    communeName: string;
    channels: string[];
    secret: boolean;
    openedAt: string | null;
    closedAt: string | null;
  };
  /** binding tallies: decision and election campaigns */
  binding: boolean;
  questions: SnapshotQuestion[];
  candidates: { id: string; name: string; villageId: string; birthYear: number | null }[];
  villages: SnapshotVillage[];
  commune: CommuneResult & { households: number; participated: number; turnout: number };
  /** online answers for k1–k5: advice only, never in `counts` (Đ17 k2) */
  advisory: { ballots: number; counts: Record<string, Record<string, number>>; note: Text } | null;
  legalBasis: { article: string; note: Text }[];
  satisfaction: { respondents: number; sipas: SipasResult | null; oneStop: OneStopResult | null } | null;
  consultation: {
    ballots: number;
    questions: { name: string; title: Text; answered: number; counts: Record<string, number>; choices: { value: string; text: Text }[] }[];
    opinions: number;
    ungrouped: number;
    themes: SnapshotTheme[];
  } | null;
  /** photos of the signed tally sheets that count */
  photos: { id: string; villageId: string; channel: 'meeting' | 'paper'; mime: string; sha256: string }[];
  computedAt: string;
}

export interface PublicationInfo {
  version: number;
  hash: string;
  publishedAt: string;
  reason: string;
}
