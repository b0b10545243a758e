// One reconciliation per village: what a village's households said through
// every channel, brought to at most one binding vote per household before
// anything is judged against a threshold. Every decision and election result
// goes through reconcileVillage (domain/tally.ts calls it for each village),
// and the tally-sheet services ask paperSheetGaps before a paper sheet is
// stored or confirmed. Pure.
//
// The sources of one village, with H the households frozen at opening:
// - the confirmed meeting sheet (Mẫu 02/03): households present and counts;
// - the confirmed paper sheet (Mẫu 04): ballots returned, invalid, counts;
// - paper ballots entered one by one (their marks, each on its own serial);
// - paper serials registered on return (the entries among them);
// - online ballots stored binding at cast time, and online answers stored as
//   advice (never counted, never using a household's binding vote).
//
// The rules (docs/design.md "One household, one binding vote"):
// 1. Which channels bind comes from legal-rules.ts (channelRoles): the meeting;
//    paper, or paper only after a meeting that failed for attendance (k3–k5,
//    elections: Đ17 k2, Đ19 k1 b); online only for k6 where the village's
//    households agreed to vote online (NĐ 59 Đ5), advice elsewhere.
// 2. A meeting that could reach the threshold (and had the k3 quorum) decides
//    alone; every other source of the village is reported, not added.
// 3. Otherwise the household ballot decides: paper plus binding online. A
//    confirmed paper sheet is the paper count; the ballots entered one by one
//    are part of the pile it counted, so they must fit inside it (below).
//    Without a sheet, the entries are the paper count.
// 4. Paper households + binding online households ≤ H, always. A sheet that
//    cannot be true beside what is counted is refused when entered and at
//    confirmation; if ballots arriving later make it impossible, the village
//    is held: nothing summed, nothing passed, the gap shown.
// 5. Every result keeps: participated ≤ H; every option ≤ participated; the
//    answers to a single-choice question sum to at most participated.
import type { LocalizedText } from './i18n';
import {
  DEFAULT_RULES,
  channelPolicy,
  channelRoles,
  thresholdFor,
  type CampaignKind,
  type Category,
  type Channel,
  type ChannelRole,
  type LegalRules,
  type SheetChannel,
} from './legal-rules';
import { quorumMet, thresholdReachable } from './thresholds';
import { meetingRecordStatus, type ProceduralVotes } from './meeting-record';

/** { question name: { choice value: n } } */
export type Counts = Record<string, Record<string, number>>;

export interface TallyQuestion {
  name: string;
  /** choice values; approve / reject / other for decisions */
  choices: string[];
  /** the question's title on the form, to name it to people (never its internal name) */
  title?: LocalizedText;
}

/** A confirmed tally sheet's numbers (Đ20 k2; NĐ 59 Mẫu 02–04). */
export interface ConfirmedSheet {
  villageId: string;
  channel: SheetChannel;
  present?: number;
  issued?: number;
  returned?: number;
  invalid?: number;
  counts: Counts;
  /**
   * A meeting's record (Mẫu 03): its voting method and procedural votes,
   * judged by meetingRecordStatus. Stored sheets always carry it
   * (kinds/tallied/build.ts); a sheet without it is not judged.
   */
  record?: { method?: 'show_of_hands' | 'secret_ballot'; procedural?: ProceduralVotes };
}

/** Ballots counted one by one (online, or paper entered with their marks): how many, and their answers counted. */
export interface BallotTally {
  ballots: number;
  counts: Counts;
}

export const NO_BALLOTS: BallotTally = { ballots: 0, counts: {} };

/** Everything a village's households said, as loaded. */
export interface VillageSources {
  /** H: households frozen when the campaign opened */
  households: number;
  meeting?: ConfirmedSheet;
  paper?: ConfirmedSheet;
  /** paper ballots entered one by one with their marks */
  entries: BallotTally;
  /** paper serials registered on return, the entries among them */
  registeredPaper: number;
  /** online ballots stored binding when cast */
  online: BallotTally;
  /** online answers stored as advice */
  advisory: BallotTally;
}

export interface ReconcileContext {
  kind: CampaignKind;
  category: Category | null | undefined;
  scope: 'village' | 'commune';
  questions: readonly TallyQuestion[];
  /** questions answered with one choice (each adds at most one per household); an election's names are not */
  singleChoice: boolean;
  /** this village's households agreed to vote online, as frozen at opening (NĐ 59 Đ5) */
  onlineAgreement: boolean;
}

export type TallyBasis = 'meeting' | 'paper' | 'online' | 'paper+online' | 'none';

export interface TallyWarning {
  code: string;
  message: LocalizedText;
}

export type SourceName = 'meeting' | 'paper_sheet' | 'paper_entries' | 'paper_registered' | 'online' | 'online_advisory';
/**
 * counted: in the binding counts; in_sheet: part of the paper sheet's count
 * (checked against it); replaced: a meeting that failed for attendance,
 * replaced by the household ballot; not_added: beside a meeting that decides;
 * not_binding: may not decide in this village; not_counted: paper ballots
 * registered without their marks and without a confirmed sheet; held: in
 * conflict, not summed; advisory: advice, counted apart.
 */
export type SourceRole = 'counted' | 'in_sheet' | 'replaced' | 'not_added' | 'not_binding' | 'not_counted' | 'held' | 'advisory';

/** One source of a village's result: how many households it reports, and what the reconciliation did with it. */
export interface SourceReport {
  source: SourceName;
  households: number;
  role: SourceRole;
}

/** A number that cannot be true beside what is counted, with the gap (how many households or votes too many or too few). */
export interface SheetGap {
  path: string;
  gap: number;
  message: LocalizedText;
}

export interface HeldVillage {
  /** the largest gap */
  gap: number;
  problems: SheetGap[];
  message: LocalizedText;
}

export interface Reconciled {
  basis: TallyBasis;
  /** the binding counts; empty when held or when nothing binds */
  counts: Counts;
  participated: number;
  /** the counts decide: something binds, nothing is held, no meeting too small to decide */
  decisive: boolean;
  held: HeldVillage | null;
  roles: Record<Channel, ChannelRole>;
  /** channels with a confirmed tally, ballots entered or online answers in this village */
  channels: Channel[];
  /** advice counted apart (never in `counts`) */
  advisory: BallotTally | null;
  thresholdUnreachable: boolean;
  quorumMet: boolean | null;
  fallback: LocalizedText | null;
  warnings: TallyWarning[];
  sources: SourceReport[];
}

const LAW = 'Luật 10/2022/QH15';

const warn = (code: string, vi: string, en: string): TallyWarning => ({ code, message: { vi, en } });

/** Adds `from` into `into`, question by question and choice by choice. */
export function addCounts(into: Counts, from: Counts): void {
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
export function impliedParticipants(counts: Counts, questions: readonly TallyQuestion[]): number {
  let max = 0;
  for (const q of questions) max = Math.max(max, sumOf(counts[q.name]));
  return max;
}

/** The households a paper sheet reports: its ballots returned (invalid ones included). */
export function sheetHouseholds(sheet: Pick<ConfirmedSheet, 'returned' | 'invalid' | 'counts'>, questions: readonly TallyQuestion[]): number {
  return sheet.returned ?? impliedParticipants(sheet.counts, questions) + (sheet.invalid ?? 0);
}

/** What is already counted in a village when a paper sheet arrives. */
export interface AlreadyCounted {
  households: number;
  /** online ballots that bind in this village */
  bindingOnline: number;
  entries: BallotTally;
  registeredPaper: number;
}

/** A paper sheet beside what its village has already counted, for the person confirming it. */
export interface SheetReconciliation {
  households: number;
  bindingOnline: number;
  registeredPaper: number;
  enteredPaper: number;
  /** the sheet's ballots returned (invalid ones included) */
  returned: number;
  /** households no channel has counted yet: H − binding online − the sheet's returned (negative: counted twice) */
  left: number;
  /** what differs without being impossible: more ballots on the sheet than serials registered on return */
  notes: LocalizedText[];
}

/**
 * The reconciliation shown beside a paper sheet's numbers before it is
 * confirmed: a sheet that says 300 ballots came back while 2 serials were
 * registered is possible (serials not yet scanned) but must be seen and
 * checked; what cannot be true is paperSheetGaps.
 */
export function paperSheetReconciliation(
  sheet: Pick<ConfirmedSheet, 'returned' | 'invalid' | 'counts'>,
  c: AlreadyCounted,
  questions: readonly TallyQuestion[],
): SheetReconciliation {
  const returned = sheetHouseholds(sheet, questions);
  const notes: LocalizedText[] = [];
  if (returned > c.registeredPaper) {
    const d = returned - c.registeredPaper;
    notes.push({
      vi: `Biên bản ghi ${returned} phiếu thu về, nhưng mới quét mã ${c.registeredPaper} phiếu giấy trả về của thôn (chênh ${d} phiếu). Đối chiếu phiếu với mã phiếu trước khi xác nhận.`,
      en: `The sheet says ${returned} ballots came back, but only ${c.registeredPaper} returned paper ballots of the village were registered by their serial (${d} apart). Check the ballots against their serials before confirming.`,
    });
  }
  return {
    households: c.households, bindingOnline: c.bindingOnline, registeredPaper: c.registeredPaper, enteredPaper: c.entries.ballots,
    returned, left: c.households - c.bindingOnline - returned, notes,
  };
}

/**
 * The numbers of a paper sheet that cannot be true beside what is already
 * counted in its village (empty when it fits):
 * - its ballots returned plus the binding online ballots exceed H (a
 *   household would be counted twice);
 * - fewer ballots returned than paper serials registered on return;
 * - fewer votes for a choice than the ballots entered one by one gave it
 *   (those ballots are part of the pile the sheet counted);
 * - when every registered ballot was entered with its marks and the sheet
 *   returned exactly those, its counts must be theirs.
 */
export function paperSheetGaps(
  sheet: Pick<ConfirmedSheet, 'returned' | 'invalid' | 'counts'>,
  c: AlreadyCounted,
  questions: readonly TallyQuestion[],
): SheetGap[] {
  const gaps: SheetGap[] = [];
  const returned = sheetHouseholds(sheet, questions);
  const H = c.households;
  if (returned + c.bindingOnline > H) {
    const gap = returned + c.bindingOnline - H;
    gaps.push({
      path: 'returned', gap,
      message: c.bindingOnline > 0
        ? {
            vi: `Số phiếu thu về (${returned}) cộng ${c.bindingOnline} phiếu trực tuyến có giá trị đã nhận vượt tổng số hộ của thôn (${H}) ${gap} hộ: một hộ không được tính hai lần.`,
            en: `Ballots returned (${returned}) plus the ${c.bindingOnline} binding online ballots already received exceed the village’s ${H} households by ${gap}: no household counts twice.`,
          }
        : {
            vi: `Số phiếu thu về (${returned}) vượt tổng số hộ của thôn (${H}) ${gap} hộ.`,
            en: `Ballots returned (${returned}) exceed the village’s ${H} households by ${gap}.`,
          },
    });
  }
  if (c.registeredPaper > returned) {
    const gap = c.registeredPaper - returned;
    gaps.push({
      path: 'returned', gap,
      message: {
        vi: `Đã quét mã ${c.registeredPaper} phiếu giấy trả về của thôn nhưng biên bản ghi ${returned} phiếu thu về (thiếu ${gap}).`,
        en: `${c.registeredPaper} returned paper ballots of the village were registered by their serial, but the sheet says ${returned} were returned (${gap} short).`,
      },
    });
  }
  const exact = c.entries.ballots > 0 && c.entries.ballots === c.registeredPaper && returned === c.entries.ballots;
  for (const q of questions) {
    const entered = c.entries.counts[q.name] ?? {};
    const counted = sheet.counts[q.name] ?? {};
    for (const value of new Set([...Object.keys(entered), ...Object.keys(counted), ...q.choices])) {
      const e = entered[value] ?? 0;
      const s = counted[value] ?? 0;
      if (s < e) {
        gaps.push({
          path: `counts.${q.name}.${value}`, gap: e - s,
          message: {
            vi: `Biên bản ghi ${s} phiếu cho "${value}" (câu "${q.name}") nhưng đã nhập từng phiếu ${e} phiếu như vậy (thiếu ${e - s}).`,
            en: `The sheet gives "${value}" (question "${q.name}") ${s} votes, but ${e} such ballots were entered one by one (${e - s} short).`,
          },
        });
      } else if (exact && s > e) {
        gaps.push({
          path: `counts.${q.name}.${value}`, gap: s - e,
          message: {
            vi: `Mọi phiếu thu về (${returned}) đã được nhập từng phiếu, trong đó ${e} phiếu cho "${value}" (câu "${q.name}"), nhưng biên bản ghi ${s} (thừa ${s - e}).`,
            en: `Every returned ballot (${returned}) was entered one by one, ${e} of them for "${value}" (question "${q.name}"), but the sheet says ${s} (${s - e} too many).`,
          },
        });
      }
    }
  }
  return gaps;
}

/** Every option ≤ participated, single-choice sums ≤ participated, participated ≤ H: the last guard before judging. */
function invariantGaps(counts: Counts, participated: number, H: number, ctx: ReconcileContext): SheetGap[] {
  const gaps: SheetGap[] = [];
  if (participated > H) {
    gaps.push({ path: 'participated', gap: participated - H, message: {
      vi: `Số hộ tham gia (${participated}) vượt tổng số hộ của thôn (${H}).`, en: `Households taking part (${participated}) exceed the village’s ${H} households.`,
    } });
  }
  for (const q of ctx.questions) {
    const values = counts[q.name] ?? {};
    const total = sumOf(values);
    for (const [v, n] of Object.entries(values)) {
      if (n > participated) {
        gaps.push({ path: `counts.${q.name}.${v}`, gap: n - participated, message: {
          vi: `Số phiếu cho "${v}" (${n}) vượt số hộ tham gia (${participated}).`, en: `Votes for "${v}" (${n}) exceed the households taking part (${participated}).`,
        } });
      }
    }
    if (ctx.singleChoice && total > participated) {
      gaps.push({ path: `counts.${q.name}`, gap: total - participated, message: {
        vi: `Tổng số phiếu của câu "${q.name}" (${total}) vượt số hộ tham gia (${participated}).`, en: `The answers to "${q.name}" (${total}) exceed the households taking part (${participated}).`,
      } });
    }
  }
  return gaps;
}

const HELD: LocalizedText = {
  vi: 'Tạm giữ kết quả: số liệu của thôn không thể cùng đúng (một hộ có thể bị tính hai lần), chưa cộng và chưa công nhận cho đến khi biên bản được sửa.',
  en: 'Held: the village’s numbers cannot all be true (a household could count twice); nothing is summed or passed until the sheet is corrected.',
};

/** Reconciles one village's sources into its binding counts (see the rules above). */
export function reconcileVillage(src: VillageSources, ctx: ReconcileContext, rules: LegalRules = DEFAULT_RULES): Reconciled {
  const H = src.households;
  if (!Number.isInteger(H) || H < 0) throw new RangeError('households must be a non-negative integer');
  const roles = channelRoles(ctx.kind, ctx.category, { scope: ctx.scope, onlineAgreement: ctx.onlineAgreement }, rules);
  const rule = thresholdFor(ctx.kind, ctx.category, rules).value;
  const warnings: TallyWarning[] = [];
  const sources: SourceReport[] = [];

  // Online: binding only where this village lets it bind; otherwise set apart as advice.
  let online: BallotTally = NO_BALLOTS;
  const advisory: BallotTally = { ballots: src.advisory.ballots, counts: {} };
  addCounts(advisory.counts, src.advisory.counts);
  if (src.online.ballots > 0) {
    if (roles.online === 'binding') online = src.online;
    else {
      advisory.ballots += src.online.ballots;
      addCounts(advisory.counts, src.online.counts);
    }
  }
  const awaitsAgreement = channelPolicy(ctx.kind, ctx.category, rules).value.onlineNeedsApproval && roles.online === 'advisory';
  if (awaitsAgreement && src.online.ballots + src.advisory.ballots > 0) {
    warnings.push(warn('online_agreement_missing',
      'Chưa ghi nhận việc trên 50% tổng số hộ của thôn đồng ý biểu quyết trực tuyến: phiếu trực tuyến ở thôn này chỉ để tham khảo (Đ5 NĐ 59/2023/NĐ-CP).',
      'The village’s agreement (more than half of all households) to vote online is not on record: its online ballots are advisory only (NĐ 59/2023 Đ5).'));
  } else if (src.online.ballots > 0 && roles.online !== 'binding') {
    warnings.push(warn('online_not_binding',
      'Phiếu trực tuyến được đánh dấu có giá trị quyết định nhưng nội dung này không được biểu quyết trực tuyến: chỉ tính là ý kiến tham khảo.',
      'Online ballots were marked binding but this content may not be decided online: counted as advisory only.'));
  }

  const channels: Channel[] = [];
  if (src.meeting) channels.push('meeting');
  if (src.paper || src.entries.ballots > 0) channels.push('paper');
  if (src.online.ballots + src.advisory.ballots > 0) channels.push('online');

  // The meeting: could its attendance reach the threshold, and had it the k3 quorum?
  const meeting = roles.meeting === 'binding' ? src.meeting : undefined;
  let present = 0;
  let reachable = true;
  let quorum: boolean | null = null;
  if (meeting) {
    present = meeting.present ?? impliedParticipants(meeting.counts, ctx.questions);
    reachable = thresholdReachable(present, H, rule);
    if (ctx.kind === 'decision' && ctx.category && rules.meetingQuorum[ctx.category]) quorum = quorumMet(present, H, ctx.category, rules);
  }
  const meetingFailed = meeting !== undefined && (!reachable || quorum === false);
  if (quorum === false) {
    warnings.push(warn('quorum_not_met',
      'Cuộc họp về hương ước, quy ước không đủ đại diện của trên 50% tổng số hộ gia đình tham dự (Đ10 NĐ 61/2023/NĐ-CP).',
      'The covenant meeting lacked representatives of more than 50% of all households (NĐ 61/2023 Đ10).'));
  }

  const paperBinds = roles.paper === 'binding' || (roles.paper === 'after_failed_meeting' && meetingFailed);
  const paperHere = src.paper !== undefined || src.entries.ballots > 0;
  const paperCounts = paperBinds && paperHere;
  const householdBallot = paperCounts || online.ballots > 0;
  const paperHouseholds = src.paper ? sheetHouseholds(src.paper, ctx.questions) : src.entries.ballots;
  const stubs = Math.max(0, src.registeredPaper - src.entries.ballots);

  const counts: Counts = {};
  let participated = 0;
  let basis: TallyBasis = 'none';
  let fallback: LocalizedText | null = null;
  let held: HeldVillage | null = null;
  let decisive = false;

  const reportPaper = (role: SourceRole) => {
    if (src.paper) sources.push({ source: 'paper_sheet', households: paperHouseholds, role });
    if (src.entries.ballots > 0) sources.push({ source: 'paper_entries', households: src.entries.ballots, role: src.paper && role === 'counted' ? 'in_sheet' : role });
    if (stubs > 0) sources.push({ source: 'paper_registered', households: stubs, role: src.paper && role === 'counted' ? 'in_sheet' : role === 'counted' ? 'not_counted' : role });
  };
  const reportOnline = (role: SourceRole) => {
    if (online.ballots > 0) sources.push({ source: 'online', households: online.ballots, role });
  };

  // A meeting whose record does not state a procedural vote counts, flagged incomplete until a
  // correction adds it; one whose record shows a procedural vote NOT approved decides nothing.
  const record = meeting?.record ? meetingRecordStatus({ ...meeting.record, present }, rules) : null;
  if (meeting && !meetingFailed) {
    // 2. The meeting decides alone.
    basis = 'meeting';
    addCounts(counts, meeting.counts);
    participated = present;
    decisive = record === null || record.decisive;
    if (record && record.message) warnings.push({ code: 'meeting_record_incomplete', message: record.message });
    sources.push({ source: 'meeting', households: present, role: 'counted' });
    if (paperHere || stubs > 0) reportPaper('not_added');
    reportOnline('not_added');
    if (paperHere || online.ballots > 0) {
      warnings.push(warn('meeting_stands',
        'Cuộc họp đã đủ số hộ dự để đạt tỷ lệ biểu quyết nên kết quả cuộc họp có giá trị; phiếu giấy/trực tuyến của thôn này không được cộng thêm (tránh tính một hộ hai lần).',
        'The meeting had enough households to reach the threshold, so its result stands; the paper/online tally of this village is not added (a household would count twice).'));
    }
  } else if (householdBallot) {
    // 3. The household ballot: paper and binding online, each household once.
    if (meeting) sources.push({ source: 'meeting', households: present, role: 'replaced' });
    let gaps: SheetGap[] = [];
    if (paperCounts && src.paper) {
      gaps = paperSheetGaps(src.paper, { households: H, bindingOnline: online.ballots, entries: src.entries, registeredPaper: src.registeredPaper }, ctx.questions);
    } else {
      // ballots counted one by one: each used its own serial, but serials issued after opening could outnumber H
      const ballots = (paperCounts ? src.entries.ballots : 0) + online.ballots;
      if (ballots > H) {
        gaps = [{ path: 'ballots', gap: ballots - H, message: {
          vi: `Số phiếu đã nhận (${ballots}) vượt tổng số hộ đã chốt khi mở đợt (${H}) ${ballots - H} phiếu.`,
          en: `Ballots received (${ballots}) exceed the ${H} households frozen at opening by ${ballots - H}.`,
        } }];
      }
    }
    basis = paperCounts && online.ballots > 0 ? 'paper+online' : paperCounts ? 'paper' : 'online';
    if (gaps.length > 0) {
      held = { gap: Math.max(...gaps.map((g) => g.gap)), problems: gaps, message: HELD };
      if (paperCounts) reportPaper('held');
      reportOnline('held');
    } else {
      if (paperCounts) {
        addCounts(counts, src.paper ? src.paper.counts : src.entries.counts);
        participated += paperHouseholds;
        reportPaper('counted');
        if (!src.paper && stubs > 0) {
          warnings.push(warn('paper_not_counted',
            `${stubs} phiếu giấy đã quét mã trả về nhưng chưa nhập từng phiếu và chưa có biên bản kiểm phiếu được xác nhận: chưa được tính.`,
            `${stubs} returned paper ballots were registered without their marks and no confirmed paper sheet counts them yet: not counted.`));
        }
      } else if (paperHere || stubs > 0) reportPaper('not_binding');
      addCounts(counts, online.counts);
      participated += online.ballots;
      reportOnline('counted');
      decisive = true;
    }
    if (meetingFailed) {
      fallback = {
        vi: `Cuộc họp không đủ đại diện hộ gia đình tham dự để đạt tỷ lệ biểu quyết; kết quả phát phiếu lấy ý kiến hộ gia đình thay thế kết quả cuộc họp (Đ19 k1 b ${LAW}).`,
        en: `Too few households attended the meeting to reach the threshold; the household ballot replaces the meeting (Đ19 k1 b ${LAW}).`,
      };
    }
  } else if (meeting) {
    // A meeting too small to decide, and no household ballot yet.
    basis = 'meeting';
    addCounts(counts, meeting.counts);
    participated = present;
    sources.push({ source: 'meeting', households: present, role: 'counted' });
    fallback = {
      vi: `Số đại diện hộ gia đình dự họp không đủ để đạt tỷ lệ biểu quyết tối thiểu; cần phát phiếu lấy ý kiến đến từng hộ gia đình (Đ19 k1 b ${LAW}).`,
      en: `Too few household representatives attended to reach the threshold; a household ballot to every household is needed (Đ19 k1 b ${LAW}).`,
    };
    if (stubs > 0) reportPaper('not_counted');
  } else if (paperHere && !paperBinds) {
    reportPaper('not_binding');
    warnings.push(warn('paper_without_meeting',
      `Nội dung này phải quyết định tại cuộc họp; phiếu giấy chỉ thay thế khi cuộc họp không đủ đại diện hộ gia đình tham dự, nhưng chưa có biên bản cuộc họp như vậy được xác nhận: phiếu giấy đã lưu nhưng chưa được tính (Đ17 k2, Đ19 k1 b ${LAW}).`,
      `This content is decided at a meeting; a household ballot replaces it only after a meeting too small to decide, and no such meeting record is confirmed: the paper ballots are kept but not counted (Đ17 k2, Đ19 k1 b ${LAW}).`));
  } else {
    if (stubs > 0) {
      reportPaper('not_counted');
      warnings.push(warn('paper_not_counted',
        `${stubs} phiếu giấy đã quét mã trả về nhưng chưa nhập từng phiếu và chưa có biên bản kiểm phiếu được xác nhận: chưa được tính.`,
        `${stubs} returned paper ballots were registered without their marks and no confirmed paper sheet counts them yet: not counted.`));
    }
    warnings.push(warn('no_tally', 'Chưa có biên bản kiểm phiếu được xác nhận.', 'No confirmed tally yet.'));
  }
  if (advisory.ballots > 0) sources.push({ source: 'online_advisory', households: advisory.ballots, role: 'advisory' });

  // 5. The invariants of every published result, whatever the sources said.
  if (!held) {
    const gaps = invariantGaps(counts, participated, H, ctx);
    if (gaps.length > 0) {
      held = { gap: Math.max(...gaps.map((g) => g.gap)), problems: gaps, message: HELD };
      for (const s of sources) if (s.role === 'counted') s.role = 'held';
    }
  }
  if (held) {
    for (const key of Object.keys(counts)) delete counts[key];
    participated = 0;
    decisive = false;
    warnings.push({ code: 'held', message: {
      vi: `${HELD.vi} ${held.problems.map((p) => p.message.vi).join(' ')}`,
      en: `${HELD.en} ${held.problems.map((p) => p.message.en).join(' ')}`,
    } });
  }

  return {
    basis, counts, participated, decisive, held, roles, channels,
    advisory: advisory.ballots > 0 ? advisory : null,
    thresholdUnreachable: meeting !== undefined && !reachable,
    quorumMet: quorum, fallback, warnings, sources,
  };
}
