// What a campaign kind is made of. Each kind is one folder here (decision/,
// election/, consultation/, satisfaction/) exporting one CampaignKindModule,
// listed once in server/kinds/index.ts. Its legal rules stay in
// server/domain/legal-rules.ts, keyed by the kind's name (the folder's
// index.ts says which); everything else a
// kind does differently lives in its folder: the form it starts from, the
// pure builder of its results snapshot, its results view and charts, its CSV
// and its part of the printed results notice. Nothing here reads the
// database: services/results/load.ts reads what `source` asks for and hands
// it to `build`.
import type { Child } from 'hono/jsx';
import type { Lang, LocalizedText } from '../domain/i18n';
import type { CampaignKind, SheetChannel } from '../domain/legal-rules';
import type { Campaign, Candidate } from '../domain/campaign';
import type { OnlineAnswers, TallyQuestion } from '../domain/tally';
import type { Opinion } from '../domain/consultation';
import type { ResultsSnapshot, SnapshotQuestion, SnapshotResults } from '../domain/results/snapshot';
import type { ChartSpec } from '../../web/views/results/charts';
import type { ResultsNoticeModel } from '../print/results-notice';

/** A confirmed tally sheet as stored (its data still as the village head entered it). */
export interface StoredSheet {
  id: string;
  villageId: string;
  channel: SheetChannel;
  version: number;
  data: unknown;
}

/** What a tallied kind's results are built from: the household counts, the signed sheets, the online answers. */
export interface TallyInput {
  campaign: Campaign;
  candidates: Candidate[];
  /** the campaign's villages with H and the online agreement frozen at opening (null before opening) */
  villages: { villageId: string; code: string; name: string; households: number | null; onlineAgreement: string | null }[];
  /** every confirmed sheet; the builder takes the latest per village and channel */
  sheets: StoredSheet[];
  /** photos of those sheets */
  photos: { id: string; tallyId: string; mime: string; sha256: string }[];
  /** online answers to the kind's questions, grouped (binding and advisory as stored) */
  online: OnlineAnswers[];
  /** paper ballots entered one by one with their marks, grouped the same way */
  paper: OnlineAnswers[];
  /** paper ballots registered on return, per village id */
  registeredPaper: Record<string, number>;
  /** villages with an online-vote record (NĐ 59 Đ5); absent: not read */
  onlineRecords?: string[];
}

/** What an answered kind's results are built from: every ballot's answers, and the themes staff grouped opinions under. */
export interface AnswersInput {
  campaign: Campaign;
  ballots: { id: string; answers: Record<string, unknown> }[];
  themes: { id: string; title: string; response: string; accepted: boolean | null }[];
  assignments: { ballotId: string; question: string; themeId: string }[];
}

/** What staff see beside the snapshot and the public never does: the opinions' own words, to group them. */
export interface StaffExtras {
  /** `label`: the question (and row, item or entry) it was written under, as the form words it */
  opinions: (Opinion & { themeId: string | null; label: LocalizedText })[];
}

export interface BuiltResults {
  results: SnapshotResults;
  staff: StaffExtras;
}

export interface KindViewProps {
  lang: Lang;
  s: ResultsSnapshot;
  /** this kind's chart specs for `s`, as `charts` computed them */
  charts: ChartSpec[];
}

/** The printed notice's part that depends on the kind: its pages (the commune's, or one per village), tables, verdicts, elected. */
export type NoticeResults = Pick<ResultsNoticeModel, 'pages'>;

interface KindBase {
  kind: CampaignKind;
  /** its name on public pages, on staff pages, and what it is for (the campaign form) */
  labels: { public: LocalizedText; staff: LocalizedText; hint: LocalizedText };
  /** the surveys/ template a new campaign of this kind starts from; null when its form is generated */
  template: string | null;
  /** the results view of the kind's own numbers (the page around it is shared) */
  Results: (props: KindViewProps) => Child;
  /** the summary a villager reads first, for kinds that decide (null: none) */
  Summary: ((props: KindViewProps) => Child) | null;
  /** chart specs: a pure function of the snapshot, drawn in the browser from the page's data block */
  charts: (s: ResultsSnapshot, lang: Lang) => ChartSpec[];
  /** the results as CSV rows (header first), in Vietnamese */
  csv: (s: ResultsSnapshot) => (string | number | boolean | null | undefined)[][];
  notice: (s: ResultsSnapshot) => NoticeResults;
}

/** A kind decided by tallies: signed sheets per village, online ballots, thresholds of all households. */
export interface TalliedKind extends KindBase {
  source: 'tally';
  /** the questions counted: their names are what the loader groups online answers by */
  questions: (campaign: Campaign, candidates: Candidate[]) => SnapshotQuestion[];
  /** the questions a village's tally sheet counts, with their choice values */
  sheetQuestions: (campaign: Campaign, candidates: Candidate[], villageId: string) => TallyQuestion[];
  build: (input: TallyInput) => BuiltResults;
}

/** A kind whose results are the answers themselves: counted, indexed or summarised. */
export interface AnsweredKind extends KindBase {
  source: 'answers';
  /** whether staff group this kind's opinions under themes (the loader reads them) */
  themes: boolean;
  build: (input: AnswersInput) => BuiltResults;
}

export type CampaignKindModule = TalliedKind | AnsweredKind;
