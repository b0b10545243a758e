// The tally engine: from the frozen household counts, the CONFIRMED tally
// sheets and the online ballot aggregates to the results of docs/api.md "Results".
// Pure: the service loads the latest confirmed sheet per village and channel
// and the online aggregates, and passes them in.
//
// How channels combine in one village (never the same household twice):
// 1. A meeting whose attendance could reach the threshold (and, for a k3
//    covenant, had its quorum) decides. A paper or online tally for the same
//    village is then reported in `warnings` and not added: the households at
//    the meeting would be counted again.
// 2. A meeting that could not reach the threshold is REPLACED by the household
//    ballot (Đ19 k1 b Luật 10/2022/QH15): the paper sheet (plus binding online
//    ballots for k6) decides alone; the meeting's counts are dropped. Without a
//    paper sheet yet, the meeting's counts are shown, nothing passes, and
//    `fallback` says the household ballot applies.
// 3. Paper and binding online ballots (k6 only, NĐ 59 Đ5) are added together:
//    a serial is used once across both channels, enforced by the database.
// 4. Online answers for k1–k5 (or marked non-binding) are advisory: reported
//    under `advisory`, never in `counts`.
import {
  CATEGORIES,
  DEFAULT_RULES,
  ballotBinds,
  channelPolicy,
  thresholdFor,
  type Category,
  type Channel,
  type LegalRules,
  type SheetChannel,
  type TalliedKindName,
} from './legal-rules';
import type { LocalizedText } from './i18n';
import { communePasses, quorumMet, requiredApprovals, requiredVillages, thresholdReachable } from './thresholds';
import { communeRoster, electionResult, type CommuneRoster, type ElectionCandidate } from './election';

/** { question name: { choice value: n } } */
export type Counts = Record<string, Record<string, number>>;

/** The election question of the ballot form (docs/api.md): a checkbox of candidate ids. */
export const ELECTION_QUESTION = 'candidates';

export interface TallyQuestion {
  name: string;
  /** choice values; approve / reject / other for decisions */
  choices: string[];
  /** the question's title on the form, to name it to people (never its internal name) */
  title?: LocalizedText;
}

export interface TallyCampaign {
  kind: TalliedKindName;
  category?: Category | null;
  scope: 'village' | 'commune';
  seats?: number | null;
  candidates?: ElectionCandidate[];
  /** decision questions; for an election the `candidates` question is implied */
  questions: TallyQuestion[];
  /** k6 online: whether the households' choice of online voting is recorded (NĐ 59 Đ5) */
  onlineApprovalRecorded?: boolean;
}

export interface TallyVillage {
  villageId: string;
  code: string;
  name: string;
  /** total households frozen when the campaign opened: the denominator */
  households: number;
}

export interface ConfirmedSheet {
  villageId: string;
  channel: SheetChannel;
  present?: number;
  issued?: number;
  returned?: number;
  invalid?: number;
  counts: Counts;
}

export interface OnlineAggregate {
  villageId: string;
  binding: boolean;
  counts: Counts;
  ballots: number;
}

export interface TallyWarning {
  code: string;
  message: LocalizedText;
}

export interface QuestionResult {
  counts: Record<string, number>;
  required: number;
  passed: boolean;
}

export type TallyBasis = 'meeting' | 'paper' | 'online' | 'paper+online' | 'none';

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
  /** channels with a confirmed tally or online answers in this village */
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
}

export interface CommuneResult {
  villagesPassed: number;
  passed: boolean;
  villages: number;
  /** commune_threshold: ⌈2V/3⌉ villages (k1/k2 commune scope); every_village otherwise */
  rule: 'commune_threshold' | 'every_village';
  requiredVillages: number;
  questions: Record<string, { villagesPassed: number; passed: boolean }>;
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

function addCounts(into: Counts, from: Counts): void {
  for (const [q, values] of Object.entries(from)) {
    const target = (into[q] ??= {});
    for (const [v, n] of Object.entries(values)) target[v] = (target[v] ?? 0) + n;
  }
}

function sumOf(values: Record<string, number> | undefined): number {
  let s = 0;
  for (const n of Object.values(values ?? {})) s += n;
  return s;
}

/** Largest per-question sum: the participants a sheet implies when it does not state them. */
function impliedParticipants(counts: Counts, questions: TallyQuestion[]): number {
  let max = 0;
  for (const q of questions) max = Math.max(max, sumOf(counts[q.name]));
  return max;
}

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
  online: OnlineAggregate[];
}

function tallyVillage(input: VillageInput, campaign: TallyCampaign, questions: TallyQuestion[], rules: LegalRules): VillageResult {
  const { village, meeting, paper } = input;
  const H = village.households;
  if (!Number.isInteger(H) || H < 0) throw new RangeError(`households of ${village.code} must be a non-negative integer`);
  const warnings: TallyWarning[] = [];
  const policy = channelPolicy(campaign.kind, campaign.category, rules).value;
  const rule = thresholdFor(campaign.kind, campaign.category, rules).value;
  const onlineMayBind = ballotBinds(campaign.kind, campaign.category, 'online', rules);

  const bindingOnline: OnlineAggregate[] = [];
  const advisoryOnline: OnlineAggregate[] = [];
  for (const o of input.online) {
    if (o.binding && onlineMayBind) bindingOnline.push(o);
    else {
      if (o.binding) {
        warnings.push(warn('online_not_binding',
          'Phiếu trực tuyến được đánh dấu có giá trị quyết định nhưng nội dung này không được biểu quyết trực tuyến: chỉ tính là ý kiến tham khảo.',
          'Online ballots were marked binding but this content may not be decided online: counted as advisory only.'));
      }
      advisoryOnline.push(o);
    }
  }
  if (bindingOnline.length > 0 && policy.onlineNeedsApproval && !campaign.onlineApprovalRecorded) {
    warnings.push(warn('online_approval_missing',
      'Chưa ghi nhận việc trên 50% hộ gia đình đồng ý biểu quyết trực tuyến (Đ5 NĐ 59/2023/NĐ-CP).',
      'The households’ agreement (> 50%) to vote online is not recorded (NĐ 59/2023 Đ5).'));
  }

  const channels: Channel[] = [];
  if (meeting) channels.push('meeting');
  if (paper) channels.push('paper');
  if (input.online.length > 0) channels.push('online');

  // Attendance check of the meeting: threshold reachable, and the k3 quorum.
  let meetingPresent = 0;
  let reachable = true;
  let quorum: boolean | null = null;
  if (meeting) {
    meetingPresent = meeting.present ?? impliedParticipants(meeting.counts, questions);
    reachable = thresholdReachable(meetingPresent, H, rule);
    if (campaign.kind === 'decision' && campaign.category && rules.meetingQuorum[campaign.category]) {
      quorum = quorumMet(meetingPresent, H, campaign.category, rules);
    }
  }
  const meetingFailed = meeting !== undefined && (!reachable || quorum === false);
  const householdLevel = paper !== undefined || bindingOnline.length > 0;

  let basis: TallyBasis;
  let fallback: LocalizedText | null = null;
  if (meeting && !meetingFailed) {
    basis = 'meeting';
    if (householdLevel) {
      warnings.push(warn('meeting_stands',
        'Cuộc họp đã đủ số hộ dự để đạt tỷ lệ biểu quyết nên kết quả cuộc họp có giá trị; phiếu giấy/trực tuyến của thôn này không được cộng thêm (tránh tính một hộ hai lần).',
        'The meeting had enough households to reach the threshold, so its result stands; the paper/online tally of this village is not added (a household would count twice).'));
    }
  } else if (householdLevel) {
    basis = paper && bindingOnline.length > 0 ? 'paper+online' : paper ? 'paper' : 'online';
    if (meetingFailed) {
      fallback = {
        vi: 'Cuộc họp không đủ đại diện hộ gia đình tham dự để đạt tỷ lệ biểu quyết; kết quả phát phiếu lấy ý kiến hộ gia đình thay thế kết quả cuộc họp (Đ19 k1 b Luật 10/2022/QH15).',
        en: 'Too few households attended the meeting to reach the threshold; the household ballot replaces the meeting (Đ19 k1 b Luật 10/2022/QH15).',
      };
    } else if (paper && policy.fallback.includes('paper')) {
      warnings.push(warn('paper_without_meeting',
        'Nội dung này phải quyết định tại cuộc họp; chỉ phát phiếu khi cuộc họp không đủ người dự, nhưng chưa có biên bản cuộc họp được xác nhận (Đ17 k2 Luật 10/2022/QH15).',
        'This content is decided at a meeting; a household ballot only after a meeting lacked attendance, but no confirmed meeting record exists (Đ17 k2).'));
    }
  } else if (meeting) {
    basis = 'meeting';
    fallback = {
      vi: 'Số đại diện hộ gia đình dự họp không đủ để đạt tỷ lệ biểu quyết tối thiểu; cần phát phiếu lấy ý kiến đến từng hộ gia đình (Đ19 k1 b Luật 10/2022/QH15).',
      en: 'Too few household representatives attended to reach the threshold; a household ballot to every household is needed (Đ19 k1 b Luật 10/2022/QH15).',
    };
  } else {
    basis = 'none';
    warnings.push(warn('no_tally', 'Chưa có biên bản kiểm phiếu được xác nhận.', 'No confirmed tally yet.'));
  }
  if (quorum === false) {
    warnings.push(warn('quorum_not_met',
      'Cuộc họp về hương ước, quy ước không đủ đại diện của trên 50% tổng số hộ gia đình tham dự (Đ10 NĐ 61/2023/NĐ-CP).',
      'The covenant meeting lacked representatives of more than 50% of all households (NĐ 61/2023 Đ10).'));
  }

  const counts: Counts = {};
  let participated = 0;
  if (basis === 'meeting' && meeting) {
    addCounts(counts, meeting.counts);
    participated = meetingPresent;
  } else {
    if (paper && basis !== 'none') {
      addCounts(counts, paper.counts);
      participated += paper.returned ?? impliedParticipants(paper.counts, questions) + (paper.invalid ?? 0);
    }
    for (const o of bindingOnline) {
      addCounts(counts, o.counts);
      participated += o.ballots;
    }
  }
  // The meeting's result cannot pass when its attendance could not (the fallback decides).
  const decisive = basis !== 'none' && !(basis === 'meeting' && meetingFailed);

  const result: VillageResult = {
    villageId: village.villageId,
    code: village.code,
    name: village.name,
    households: H,
    participated,
    questions: {},
    elected: [],
    ties: [],
    passed: false,
    basis,
    channels,
    advisory: null,
    thresholdUnreachable: meeting !== undefined && !reachable,
    quorumMet: quorum,
    fallback,
    turnout: H > 0 ? round4(participated / H) : 0,
    unfilledSeats: 0,
    tiedSeats: 0,
    warnings,
  };

  if (advisoryOnline.length > 0) {
    const advisoryCounts: Counts = {};
    let ballots = 0;
    for (const o of advisoryOnline) {
      addCounts(advisoryCounts, o.counts);
      ballots += o.ballots;
    }
    result.advisory = { ballots, counts: advisoryCounts, note: ADVISORY_NOTE };
  }

  if (campaign.kind === 'election') {
    const seats = campaign.seats ?? 1;
    const villageCandidates = (campaign.candidates ?? []).filter((c) => !c.villageId || c.villageId === village.villageId);
    const known = new Set(villageCandidates.map((c) => c.id));
    const votes: Record<string, number> = {};
    for (const c of villageCandidates) votes[c.id] = 0;
    for (const [id, n] of Object.entries(counts[ELECTION_QUESTION] ?? {})) {
      if (known.has(id)) votes[id] = (votes[id] ?? 0) + n;
      else {
        warnings.push(warn('unknown_candidate',
          `Biên bản có phiếu cho "${id}" không thuộc danh sách ứng cử viên của thôn: không được tính.`,
          `The tally has votes for "${id}", not a candidate of this village: not counted.`));
      }
    }
    const outcome = electionResult(votes, H, seats, rules);
    if (decisive) {
      result.elected = outcome.elected;
      result.ties = outcome.ties;
      result.tiedSeats = outcome.tiedSeats;
      result.unfilledSeats = outcome.unfilledSeats;
      warnings.push(...outcome.notes);
    } else {
      // A meeting that could not reach the threshold elects nobody; every seat waits for the fallback.
      result.unfilledSeats = seats;
    }
    result.passed = decisive && result.unfilledSeats === 0 && result.tiedSeats === 0;
    result.questions[ELECTION_QUESTION] = { counts: votes, required: outcome.required, passed: result.passed };
    return result;
  }

  const required = requiredApprovals(H, rule);
  let allPassed = questions.length > 0;
  for (const q of questions) {
    const qCounts = zeroFilled(q.choices, counts[q.name]);
    const passed = decisive && H > 0 && (qCounts.approve ?? 0) >= required;
    result.questions[q.name] = { counts: qCounts, required, passed };
    allPassed &&= passed;
  }
  result.passed = allPassed;
  return result;
}

/**
 * Tallies a decision or election campaign. Villages come out in the order
 * given. Throws RangeError on a campaign the engine cannot tally (a
 * consultation, a decision without category, a negative household count).
 */
export function tallyCampaign(
  campaign: TallyCampaign,
  villages: readonly TallyVillage[],
  sheets: readonly ConfirmedSheet[],
  online: readonly OnlineAggregate[] = [],
  rules: LegalRules = DEFAULT_RULES,
): TallyResult {
  if (campaign.kind !== 'decision' && campaign.kind !== 'election') throw new RangeError(`cannot tally a ${String(campaign.kind)} campaign`);
  if (campaign.kind === 'decision' && (!campaign.category || !CATEGORIES.includes(campaign.category))) {
    throw new RangeError('a decision campaign needs a category k1–k6');
  }
  const questions = campaign.kind === 'election' ? [{ name: ELECTION_QUESTION, choices: (campaign.candidates ?? []).map((c) => c.id) }] : campaign.questions;
  const communeWarnings: TallyWarning[] = [];
  const inputs = new Map<string, VillageInput>(villages.map((v) => [v.villageId, { village: v, meeting: undefined, paper: undefined, online: [] }]));

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
    if (input) input.online.push(o);
    else {
      communeWarnings.push(warn('online_outside_scope', `Phiếu trực tuyến của thôn ngoài phạm vi (${o.villageId}) không được tính.`, `Online ballots of a village outside the campaign (${o.villageId}) are not counted.`));
    }
  }

  const results = villages.map((v) => tallyVillage(inputs.get(v.villageId)!, campaign, questions, rules));
  const V = results.length;
  const villagesPassed = results.filter((r) => r.passed).length;
  const communeRule = campaign.kind === 'decision' && campaign.scope === 'commune' && campaign.category
    ? rules.communeThresholds[campaign.category]
    : undefined;
  const decide = (n: number): boolean => (communeRule ? communePasses(n, V, communeRule.value) : V > 0 && n === V);
  const questionSummary: CommuneResult['questions'] = {};
  for (const q of questions) {
    const n = results.filter((r) => r.questions[q.name]?.passed).length;
    questionSummary[q.name] = { villagesPassed: n, passed: decide(n) };
  }

  const threshold = thresholdFor(campaign.kind, campaign.category, rules);
  const channelRule = channelPolicy(campaign.kind, campaign.category, rules);
  const legalBasis = [threshold, channelRule, ...(communeRule ? [communeRule] : [])].map((r) => ({ article: r.article, note: r.note }));

  return {
    villages: results,
    commune: {
      villagesPassed,
      passed: decide(villagesPassed),
      villages: V,
      rule: communeRule ? 'commune_threshold' : 'every_village',
      requiredVillages: communeRule ? requiredVillages(V, communeRule.value) : V,
      questions: questionSummary,
      roster: campaign.kind === 'election' && campaign.category === 'k5'
        ? communeRoster(results.map((r) => ({ villageId: r.villageId, code: r.code, name: r.name, elected: r.elected, ties: r.ties })), campaign.candidates, rules)
        : null,
      warnings: communeWarnings,
    },
    legalBasis,
  };
}
