// The tally engine: from the frozen household counts, the CONFIRMED tally
// sheets, the paper ballots entered one by one and the online ballots to the
// results of docs/api.md "Results". Pure: the service loads the latest
// confirmed sheet per village and channel and the ballots grouped, and passes
// them in.
//
// Every village first goes through the reconciliation (domain/reconciliation.ts):
// which channels bind there, and at most one binding vote per household across
// the meeting, the paper sheet, the paper ballots entered one by one and the
// online ballots (advice counted apart, never in `counts`). Then each question
// is judged on its own against the village's threshold of ALL its households
// (Đ21 k1), or each candidate against the election rule; then each question
// at commune level: ⌈2V/3⌉ villages for k1/k2 at commune scope, every village
// otherwise. The commune passes when every question passed.
import {
  CATEGORIES,
  DEFAULT_RULES,
  boardOf,
  channelPolicy,
  thresholdFor,
  type Category,
  type Channel,
  type ChannelRole,
  type ElectionBoard,
  type LegalRules,
  type TalliedKindName,
} from './legal-rules';
import type { LocalizedText } from './i18n';
import { communePasses, requiredApprovals, requiredVillages } from './thresholds';
import { communeRoster, electionResult, type CommuneRoster, type ElectionCandidate } from './election';
import {
  NO_BALLOTS,
  addCounts,
  reconcileVillage,
  type BallotTally,
  type ConfirmedSheet,
  type Counts,
  type HeldVillage,
  type SourceReport,
  type TallyBasis,
  type TallyQuestion,
  type TallyWarning,
} from './reconciliation';

export type { ConfirmedSheet, Counts, TallyBasis, TallyQuestion, TallyWarning } from './reconciliation';

/** The election question of the ballot form (docs/api.md): a checkbox of candidate ids. */
export const ELECTION_QUESTION = 'candidates';

export interface TallyCampaign {
  kind: TalliedKindName;
  category?: Category | null;
  scope: 'village' | 'commune';
  /** election: the seats of a village that does not set its own (TallyVillage.seats) */
  seats?: number | null;
  /** election: the body it fills; k5 without it is the inspection board */
  board?: ElectionBoard | null;
  candidates?: ElectionCandidate[];
  /** decision questions; for an election the `candidates` question is implied */
  questions: TallyQuestion[];
  /** k6 online: the agreement to vote online of a village that does not say (TallyVillage.onlineAgreement) */
  onlineApprovalRecorded?: boolean;
}

export interface TallyVillage {
  villageId: string;
  code: string;
  name: string;
  /** total households frozen when the campaign opened: the denominator */
  households: number;
  /** k6 online: the village's households agreed to vote online (NĐ 59 Đ5), as frozen at opening */
  onlineAgreement?: boolean;
  /** election: the seats this village elects */
  seats?: number;
  /** paper serials registered on return (the ballots entered one by one among them) */
  registeredPaper?: number;
}

export interface OnlineAggregate {
  villageId: string;
  binding: boolean;
  counts: Counts;
  ballots: number;
}

export interface QuestionResult {
  counts: Record<string, number>;
  required: number;
  passed: boolean;
}

export interface VillageResult {
  villageId: string;
  code: string;
  name: string;
  households: number;
  participated: number;
  questions: Record<string, QuestionResult>;
  elected: string[];
  ties: string[];
  /** every question passed (decision) or every seat filled (election) */
  passed: boolean;
  /** which tally decided */
  basis: TallyBasis;
  /** channels with a confirmed tally, ballots entered or online answers in this village */
  channels: Channel[];
  advisory: { ballots: number; counts: Counts; note: LocalizedText } | null;
  thresholdUnreachable: boolean;
  /** k3 covenant meeting quorum; null when the category has none or no meeting was held */
  quorumMet: boolean | null;
  fallback: LocalizedText | null;
  /** participated / households, 0–1, 4 decimals */
  turnout: number;
  unfilledSeats: number;
  tiedSeats: number;
  warnings: TallyWarning[];
  /** election: the seats this village elects; null for a decision */
  seats: number | null;
  /** the village's numbers could not all be true: nothing summed or passed, the gap shown */
  held: HeldVillage | null;
  /** what each channel may do in this village */
  roles: Record<Channel, ChannelRole>;
  /** every source of the village and what the reconciliation did with it */
  sources: SourceReport[];
}

export interface CommuneQuestionResult {
  villagesPassed: number;
  /** villages needed: ⌈2V/3⌉ at commune scope (k1/k2), every village otherwise */
  required: number;
  passed: boolean;
}

export interface CommuneResult {
  /** villages where every question passed */
  villagesPassed: number;
  /** every question passed at commune level */
  passed: boolean;
  villages: number;
  /** commune_threshold: ⌈2V/3⌉ villages (k1/k2 commune scope); every_village otherwise */
  rule: 'commune_threshold' | 'every_village';
  requiredVillages: number;
  questions: Record<string, CommuneQuestionResult>;
  /** the questions (items) adopted, in the form's order */
  adopted: string[];
  roster: CommuneRoster | null;
  warnings: TallyWarning[];
}

export interface TallyResult {
  villages: VillageResult[];
  commune: CommuneResult;
  legalBasis: { article: string; note: LocalizedText }[];
}

const warn = (code: string, vi: string, en: string): TallyWarning => ({ code, message: { vi, en } });

const ADVISORY_NOTE: LocalizedText = {
  vi: 'Ý kiến trực tuyến chỉ để tham khảo, không có giá trị quyết định (Đ17 k2 Luật 10/2022/QH15).',
  en: 'Online answers are advisory only and not binding (Đ17 k2 Luật 10/2022/QH15).',
};

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function zeroFilled(choices: string[], given: Record<string, number> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of choices) out[c] = 0;
  for (const [v, n] of Object.entries(given ?? {})) out[v] = (out[v] ?? 0) + n;
  return out;
}

/** Online answers to count: one ballot, or `count` ballots with the same answers (grouped by the database). */
export interface OnlineAnswers {
  villageId: string;
  binding: boolean;
  answers: Readonly<Record<string, unknown>>;
  /** ballots with these answers; 1 when not given */
  count?: number;
}

/**
 * Counts online ballot answers (one per household, already deduplicated by
 * serial) per village, binding and advisory apart: the one count of online
 * answers. A choice counts under its value as text ("approve", "3", "true");
 * a checkbox once per value chosen; anything else is not a choice and is not
 * counted. Values come out in code-unit order, whatever order the ballots
 * were stored in.
 */
export function aggregateOnlineAnswers(ballots: Iterable<OnlineAnswers>, questions: readonly TallyQuestion[]): OnlineAggregate[] {
  const byKey = new Map<string, OnlineAggregate>();
  for (const b of ballots) {
    const n = b.count ?? 1;
    const key = `${b.binding ? 1 : 0}\u0000${b.villageId}`;
    let agg = byKey.get(key);
    if (!agg) {
      agg = { villageId: b.villageId, binding: b.binding, counts: {}, ballots: 0 };
      for (const q of questions) agg.counts[q.name] = {};
      byKey.set(key, agg);
    }
    agg.ballots += n;
    for (const q of questions) {
      const a = b.answers[q.name];
      const target = agg.counts[q.name]!;
      if (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') {
        const v = String(a);
        target[v] = (target[v] ?? 0) + n;
      } else if (Array.isArray(a)) {
        for (const item of new Set(a.map(String))) target[item] = (target[item] ?? 0) + n;
      }
    }
  }
  const inOrder = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return [...byKey.values()].map((agg) => {
    for (const q of questions) agg.counts[q.name] = inOrder(agg.counts[q.name]!);
    return agg;
  });
}

interface VillageInput {
  village: TallyVillage;
  meeting: ConfirmedSheet | undefined;
  paper: ConfirmedSheet | undefined;
  online: BallotTally;
  advisory: BallotTally;
  entries: BallotTally;
}

function addTally(into: BallotTally, o: OnlineAggregate): BallotTally {
  const out = { ballots: into.ballots + o.ballots, counts: {} as Counts };
  addCounts(out.counts, into.counts);
  addCounts(out.counts, o.counts);
  return out;
}

function tallyVillage(input: VillageInput, campaign: TallyCampaign, questions: TallyQuestion[], rules: LegalRules): VillageResult {
  const { village } = input;
  const H = village.households;
  if (!Number.isInteger(H) || H < 0) throw new RangeError(`households of ${village.code} must be a non-negative integer`);
  const r = reconcileVillage(
    {
      households: H, meeting: input.meeting, paper: input.paper, entries: input.entries,
      registeredPaper: village.registeredPaper ?? input.entries.ballots, online: input.online, advisory: input.advisory,
    },
    {
      kind: campaign.kind, category: campaign.category, scope: campaign.scope, questions,
      singleChoice: campaign.kind !== 'election', onlineAgreement: village.onlineAgreement ?? campaign.onlineApprovalRecorded ?? false,
    },
    rules,
  );
  const warnings = [...r.warnings];
  const rule = thresholdFor(campaign.kind, campaign.category, rules).value;
  const result: VillageResult = {
    villageId: village.villageId,
    code: village.code,
    name: village.name,
    households: H,
    participated: r.participated,
    questions: {},
    elected: [],
    ties: [],
    passed: false,
    basis: r.basis,
    channels: r.channels,
    advisory: r.advisory ? { ballots: r.advisory.ballots, counts: r.advisory.counts, note: ADVISORY_NOTE } : null,
    thresholdUnreachable: r.thresholdUnreachable,
    quorumMet: r.quorumMet,
    fallback: r.fallback,
    turnout: H > 0 ? round4(r.participated / H) : 0,
    unfilledSeats: 0,
    tiedSeats: 0,
    warnings,
    seats: null,
    held: r.held,
    roles: r.roles,
    sources: r.sources,
  };

  if (campaign.kind === 'election') {
    const seats = village.seats ?? campaign.seats ?? 1;
    result.seats = seats;
    const villageCandidates = (campaign.candidates ?? []).filter((c) => !c.villageId || c.villageId === village.villageId);
    const known = new Set(villageCandidates.map((c) => c.id));
    const votes: Record<string, number> = {};
    for (const c of villageCandidates) votes[c.id] = 0;
    for (const [id, n] of Object.entries(r.counts[ELECTION_QUESTION] ?? {})) {
      if (known.has(id)) votes[id] = (votes[id] ?? 0) + n;
      else {
        warnings.push(warn('unknown_candidate',
          `Biên bản có phiếu cho "${id}" không thuộc danh sách ứng cử viên của thôn: không được tính.`,
          `The tally has votes for "${id}", not a candidate of this village: not counted.`));
      }
    }
    const outcome = electionResult(votes, H, seats, rules);
    if (r.decisive) {
      result.elected = outcome.elected;
      result.ties = outcome.ties;
      result.tiedSeats = outcome.tiedSeats;
      result.unfilledSeats = outcome.unfilledSeats;
      warnings.push(...outcome.notes);
    } else {
      // Nothing that may decide (a meeting too small, paper without a failed meeting, a held village) elects nobody.
      result.unfilledSeats = seats;
    }
    result.passed = r.decisive && result.unfilledSeats === 0 && result.tiedSeats === 0;
    result.questions[ELECTION_QUESTION] = { counts: votes, required: outcome.required, passed: result.passed };
    return result;
  }

  const required = requiredApprovals(H, rule);
  let allPassed = questions.length > 0;
  for (const q of questions) {
    const qCounts = zeroFilled(q.choices, r.counts[q.name]);
    const passed = r.decisive && H > 0 && (qCounts.approve ?? 0) >= required;
    result.questions[q.name] = { counts: qCounts, required, passed };
    allPassed &&= passed;
  }
  result.passed = allPassed;
  return result;
}

/**
 * Tallies a decision or election campaign. Villages come out in the order
 * given. `online` are the online ballots grouped (binding and advisory, as
 * stored); `entries` the paper ballots entered one by one, grouped. Throws
 * RangeError on a campaign the engine cannot tally (a consultation, a
 * decision without category, a negative household count).
 */
export function tallyCampaign(
  campaign: TallyCampaign,
  villages: readonly TallyVillage[],
  sheets: readonly ConfirmedSheet[],
  online: readonly OnlineAggregate[] = [],
  rules: LegalRules = DEFAULT_RULES,
  entries: readonly OnlineAggregate[] = [],
): TallyResult {
  if (campaign.kind !== 'decision' && campaign.kind !== 'election') throw new RangeError(`cannot tally a ${String(campaign.kind)} campaign`);
  if (campaign.kind === 'decision' && (!campaign.category || !CATEGORIES.includes(campaign.category))) {
    throw new RangeError('a decision campaign needs a category k1–k6');
  }
  const questions = campaign.kind === 'election' ? [{ name: ELECTION_QUESTION, choices: (campaign.candidates ?? []).map((c) => c.id) }] : campaign.questions;
  const communeWarnings: TallyWarning[] = [];
  const inputs = new Map<string, VillageInput>(villages.map((v) => [v.villageId, {
    village: v, meeting: undefined, paper: undefined, online: NO_BALLOTS, advisory: NO_BALLOTS, entries: NO_BALLOTS,
  }]));

  for (const s of sheets) {
    const input = inputs.get(s.villageId);
    if (!input) {
      communeWarnings.push(warn('sheet_outside_scope', `Biên bản của thôn ngoài phạm vi (${s.villageId}) không được tính.`, `A tally of a village outside the campaign (${s.villageId}) is not counted.`));
      continue;
    }
    if (input[s.channel]) {
      communeWarnings.push(warn('duplicate_sheet',
        `Thôn ${input.village.code} có hơn một biên bản ${s.channel === 'meeting' ? 'cuộc họp' : 'phiếu giấy'} được xác nhận: dùng biên bản sau cùng.`,
        `Village ${input.village.code} has more than one confirmed ${s.channel} tally: the last one is used.`));
    }
    input[s.channel] = s;
  }
  for (const o of online) {
    const input = inputs.get(o.villageId);
    if (!input) {
      communeWarnings.push(warn('online_outside_scope', `Phiếu trực tuyến của thôn ngoài phạm vi (${o.villageId}) không được tính.`, `Online ballots of a village outside the campaign (${o.villageId}) are not counted.`));
    } else if (o.binding) input.online = addTally(input.online, o);
    else input.advisory = addTally(input.advisory, o);
  }
  for (const e of entries) {
    const input = inputs.get(e.villageId);
    if (!input) {
      communeWarnings.push(warn('paper_outside_scope', `Phiếu giấy của thôn ngoài phạm vi (${e.villageId}) không được tính.`, `Paper ballots of a village outside the campaign (${e.villageId}) are not counted.`));
    } else input.entries = addTally(input.entries, e);
  }

  const results = villages.map((v) => tallyVillage(inputs.get(v.villageId)!, campaign, questions, rules));
  const V = results.length;
  const villagesPassed = results.filter((r) => r.passed).length;
  const communeRule = campaign.kind === 'decision' && campaign.scope === 'commune' && campaign.category
    ? rules.communeThresholds[campaign.category]
    : undefined;
  const required = communeRule ? requiredVillages(V, communeRule.value) : V;
  const decide = (n: number): boolean => (communeRule ? communePasses(n, V, communeRule.value) : V > 0 && n === V);
  const questionSummary: CommuneResult['questions'] = {};
  for (const q of questions) {
    const n = results.filter((r) => r.questions[q.name]?.passed).length;
    questionSummary[q.name] = { villagesPassed: n, required, passed: decide(n) };
  }
  const adopted = questions.filter((q) => questionSummary[q.name]!.passed).map((q) => q.name);

  const threshold = thresholdFor(campaign.kind, campaign.category, rules);
  const channelRule = channelPolicy(campaign.kind, campaign.category, rules);
  const board = campaign.kind === 'election' ? boardOf(campaign.category, campaign.board, rules) : null;
  const boardRule = board ? rules.boards[board] : undefined;
  const legalBasis = [threshold, channelRule, ...(communeRule ? [communeRule] : []), ...(boardRule ? [boardRule] : [])]
    .map((r) => ({ article: r.article, note: r.note }));

  return {
    villages: results,
    commune: {
      villagesPassed,
      passed: questions.length > 0 && adopted.length === questions.length,
      villages: V,
      rule: communeRule ? 'commune_threshold' : 'every_village',
      requiredVillages: required,
      questions: questionSummary,
      adopted,
      roster: boardRule?.value.roster
        ? communeRoster(results.map((r) => ({ villageId: r.villageId, code: r.code, name: r.name, elected: r.elected, ties: r.ties })), campaign.candidates, rules)
        : null,
      warnings: communeWarnings,
    },
    legalBasis,
  };
}
