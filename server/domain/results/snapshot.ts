// The results of a campaign as they are published: the frozen snapshot that
// the public pages, the CSV, the JSON and the results notice are all drawn
// from. A published snapshot is hashed and kept for ever, so its shape is
// written out here field by field, apart from the engines that compute it
// (tally.ts, election.ts, satisfaction.ts, consultation.ts): the builders in
// server/kinds/ copy what they computed into these fields, and a change of
// shape is a new `format`, never a silent one. Readers meet every format
// ever published.
import type { LocalizedText } from '../i18n';
import type { CampaignKind, Channel, ChannelRole, ElectionBoard, OnlineAgreementMethod, SheetChannel } from '../legal-rules';
import type { CampaignStatus } from '../campaign';
import type { SnapshotForm } from './form';
import { viCollator } from '../text';

export type * from './form';

/**
 * The shape of snapshots published now; one published before carries the
 * number it was written with. Format 2 (counting right, one household one
 * binding vote) added, per village, `seats`, `held`, `roles`, `sources` and
 * `onlineAgreement`; per commune question `required`, and `commune.adopted`;
 * `campaign.board`. `readSnapshot` gives the pages a format-1 snapshot in the
 * current shape; the JSON is served as it was published.
 */
export const SNAPSHOT_FORMAT = 2;

export interface SnapshotQuestion {
  name: string;
  title: LocalizedText;
  choices: { value: string; text: LocalizedText }[];
}

export interface SnapshotWarning {
  code: string;
  message: LocalizedText;
}

/** One question's result in one village. */
export interface SnapshotQuestionResult {
  /** per choice value: approve / reject / other for decisions, candidate ids for an election */
  counts: Record<string, number>;
  /** approvals (or votes) needed: of ALL households of the village (Đ21 k1) */
  required: number;
  passed: boolean;
}

export interface SnapshotVillage {
  villageId: string;
  code: string;
  name: string;
  /** households frozen when the campaign opened: the denominator */
  households: number;
  participated: number;
  questions: Record<string, SnapshotQuestionResult>;
  elected: string[];
  ties: string[];
  /** every question passed (decision) or every seat filled (election) */
  passed: boolean;
  /** which tally decided */
  basis: 'meeting' | 'paper' | 'online' | 'paper+online' | 'none';
  /** channels with a confirmed tally or online answers in this village */
  channels: Channel[];
  /** online answers counted apart as advice (k1–k5) */
  advisory: { ballots: number; counts: Record<string, Record<string, number>>; note: LocalizedText } | null;
  thresholdUnreachable: boolean;
  /** k3 covenant meeting quorum; null when the category has none or no meeting was held */
  quorumMet: boolean | null;
  /** why the household ballot replaces (or must replace) the meeting (Đ19 k1 b) */
  fallback: LocalizedText | null;
  /** participated / households, 0–1, 4 decimals */
  turnout: number;
  unfilledSeats: number;
  tiedSeats: number;
  warnings: SnapshotWarning[];
  /** paper ballots whose serial was registered on return (checked against the sheet's `returned`) */
  registeredPaper: number;
  /** election: the seats this village elects; null for a decision (format 2) */
  seats: number | null;
  /** the village's numbers could not all be true: nothing summed or passed, the gap shown (format 2) */
  held: SnapshotHeld | null;
  /** what each channel may do in this village (format 2) */
  roles: Record<Channel, ChannelRole> | null;
  /** every source of the village's result and what the reconciliation did with it (format 2) */
  sources: SnapshotSource[];
  /** k6 online: the households' agreement to vote online, frozen at opening (NĐ 59 Đ5); null where none applies (format 2) */
  onlineAgreement: SnapshotAgreement | null;
  /** k6 voted online with the agreement on record: whether the online-vote record (NĐ 59 Đ5) is on file; absent otherwise and before issue 13 */
  onlineRecord?: boolean;
}

export interface SnapshotHeld {
  gap: number;
  problems: { path: string; gap: number; message: LocalizedText }[];
  message: LocalizedText;
}

export interface SnapshotSource {
  source: 'meeting' | 'paper_sheet' | 'paper_entries' | 'paper_registered' | 'online' | 'online_advisory';
  households: number;
  role: 'counted' | 'in_sheet' | 'replaced' | 'not_added' | 'not_binding' | 'not_counted' | 'held' | 'advisory';
}

export interface SnapshotAgreement {
  onRecord: boolean;
  /** households needed: more than half of the village's H */
  required: number;
  /** village: listed for it with its numbers; campaign: a linked campaign; minutes: noted for every village; none: nothing recorded */
  source: 'village' | 'campaign' | 'minutes' | 'none';
  households: number | null;
  date: string | null;
  method: OnlineAgreementMethod | null;
  campaignId: string | null;
  note: string | null;
  linkedPassed: boolean | null;
}

/** The commune's Ban Thanh tra nhân dân assembled from the village elections (k5). */
export interface SnapshotRoster {
  members: { villageId: string; candidateId: string; name: string }[];
  target: number;
  short: boolean;
  missing: number;
  villagesWithoutMember: string[];
  villagesWithTie: string[];
  notes: LocalizedText[];
}

export interface SnapshotCommune {
  /** villages where every question passed */
  villagesPassed: number;
  /** every question passed at commune level (format 1: as published then) */
  passed: boolean;
  villages: number;
  /** commune_threshold: ⌈2V/3⌉ villages (k1/k2 commune scope); every_village otherwise */
  rule: 'commune_threshold' | 'every_village';
  requiredVillages: number;
  /** each question on its own villages; `required` the villages it needed (format 2) */
  questions: Record<string, { villagesPassed: number; required: number; passed: boolean }>;
  /** the questions adopted, in the form's order (format 2) */
  adopted: string[];
  roster: SnapshotRoster | null;
  warnings: SnapshotWarning[];
  households: number;
  participated: number;
  turnout: number;
}

/** Numbers rounded for display, and the same as Vietnamese text ("83,3%", "4,12"). */
export interface SnapshotRounded {
  satisfiedPercent: number | null;
  mean: number | null;
  text: { satisfiedPercent: string; mean: string };
}

export interface SnapshotSipasFigure {
  answers: number;
  satisfied: number;
  satisfiedShare: number | null;
  mean: number | null;
  rounded: SnapshotRounded;
}

export interface SnapshotSipas {
  respondents: number;
  /** `title`: the criterion's question, the element's panel (left out by snapshots published before them) */
  criteria: (SnapshotSipasFigure & { name: string; element: string; title?: LocalizedText })[];
  elements: (SnapshotSipasFigure & { element: string; title?: LocalizedText; criteria: string[] })[];
  overall: SnapshotSipasFigure & { elementIndex: number | null; elementIndexRounded: SnapshotRounded };
}

export interface SnapshotOneStopSummary {
  total: number;
  counts: Record<'very_satisfied' | 'satisfied' | 'not_satisfied', number>;
  satisfiedShare: number | null;
  satisfiedPercent: number | null;
  reasons: { code: string; label: LocalizedText; count: number }[];
}

export interface SnapshotOneStop {
  overall: SnapshotOneStopSummary;
  byOfficer: (SnapshotOneStopSummary & { officerId: string })[];
  byProcedure: (SnapshotOneStopSummary & { procedure: string })[];
}

export interface SnapshotTheme {
  id: string;
  title: string;
  response: string;
  accepted: boolean | null;
  /** opinions grouped under the theme */
  count: number;
  /** the commune's decision departs from the majority opinion here: its reasons are published (Đ28); absent before issue 13 */
  departsFromMajority?: boolean;
  departureReason?: string;
}

export interface SnapshotConsultation {
  ballots: number;
  questions: { name: string; title: LocalizedText; choices: { value: string; text: LocalizedText }[]; answered: number; counts: Record<string, number> }[];
  opinions: number;
  ungrouped: number;
  themes: SnapshotTheme[];
}

export interface SnapshotPhoto {
  id: string;
  villageId: string;
  channel: SheetChannel;
  mime: string;
  sha256: string;
}

export interface ResultsSnapshot {
  format: number;
  campaign: {
    id: string;
    slug: string;
    title: string;
    description: string;
    kind: CampaignKind;
    category: string | null;
    scope: 'village' | 'commune';
    status: CampaignStatus;
    communeId: string;
    communeName: string;
    channels: string[];
    secret: boolean;
    openedAt: string | null;
    closedAt: string | null;
    /** election: the body it fills (format 2) */
    board: ElectionBoard | null;
  };
  candidates: { id: string; name: string; villageId: string; birthYear: number | null }[];
  satisfaction: { respondents: number; sipas: SnapshotSipas | null; oneStop: SnapshotOneStop | null } | null;
  consultation: SnapshotConsultation | null;
  /** answered kinds: every question of the form summed up (left out by tallied kinds and by snapshots published before it) */
  form?: SnapshotForm;
  /** photos of the signed tally sheets that count */
  photos: SnapshotPhoto[];
  computedAt: string;
  /** binding tallies: decision and election campaigns */
  binding: boolean;
  questions: SnapshotQuestion[];
  villages: SnapshotVillage[];
  commune: SnapshotCommune;
  /** online answers for k1–k5, all villages together: advice only, never in `counts` (Đ17 k2) */
  advisory: { ballots: number; counts: Record<string, Record<string, number>>; note: LocalizedText } | null;
  legalBasis: { article: string; note: LocalizedText }[];
  /**
   * The commune's audit chain head when these results were published: a
   * public anchor, so cutting off or rewriting the chain up to it is found.
   */
  auditAnchor?: { seq: number; hash: string };
}

/** What a kind's builder computes: everything of the snapshot but the campaign, its candidates and the time. */
export type SnapshotResults = Pick<
  ResultsSnapshot,
  'binding' | 'questions' | 'villages' | 'commune' | 'advisory' | 'legalBasis' | 'satisfaction' | 'consultation' | 'photos' | 'form'
>;

/** One published version of a campaign's results. */
export interface PublicationInfo {
  version: number;
  hash: string;
  publishedAt: string;
  reason: string;
}

/**
 * A published snapshot in the current shape, for the pages, the CSV and the
 * notice: a format-1 snapshot (published before format 2) gets the fields
 * format 2 added, with what it implied (the villages each question needed
 * were `requiredVillages`; nothing was held; no per-village seats or
 * agreements were recorded). Its published verdicts stay as published.
 * Villages read in Vietnamese order (Intl.Collator('vi')) whatever order
 * they were stored in, so every table, chart, CSV/XLSX and notice lists
 * them as the forms do.
 */
export function readSnapshot(s: ResultsSnapshot): ResultsSnapshot {
  const current = s.format >= SNAPSHOT_FORMAT ? s : upgrade(s);
  return { ...current, villages: byVillageName(current.villages) };
}

/** Villages by name in Vietnamese order (a, ă, â, …, đ after d), the code breaking a tie. */
export function byVillageName<V extends { name: string; code?: string }>(villages: readonly V[]): V[] {
  return [...villages].sort((a, b) => viCollator.compare(a.name, b.name) || viCollator.compare(a.code ?? '', b.code ?? ''));
}

function upgrade(s: ResultsSnapshot): ResultsSnapshot {
  const c = s.commune;
  const questions: SnapshotCommune['questions'] = {};
  for (const [name, q] of Object.entries(c.questions ?? {})) questions[name] = { ...q, required: q.required ?? c.requiredVillages };
  return {
    ...s,
    campaign: { ...s.campaign, board: s.campaign.board ?? null },
    villages: s.villages.map((v) => ({
      ...v, seats: v.seats ?? null, held: v.held ?? null, roles: v.roles ?? null, sources: v.sources ?? [], onlineAgreement: v.onlineAgreement ?? null,
    })),
    commune: { ...c, questions, adopted: c.adopted ?? s.questions.filter((q) => questions[q.name]?.passed).map((q) => q.name) },
  };
}
