// Board and village-head elections at the community meeting (Đ15 k4, k5).
// Paper ballots follow the strike-through convention (gạch tên): the voter
// strikes the names they do not choose, so a ballot is read as the names left
// standing. The winner rule is Đ21 k1 (votes > H/2 of the village's
// households, whatever the turnout), not the national election law's
// "more than half of valid ballots".
import { DEFAULT_RULES, type ElectionInvalidReason, type LegalRules } from './legal-rules';
import type { LocalizedText } from './i18n';
import { requiredApprovals } from './thresholds';
import { viCollator } from './text';

export interface ElectionCandidate {
  id: string;
  name: string;
  villageId?: string;
  birthYear?: number | null;
}

/** What the counters saw on the ballot besides the names left standing. */
export interface BallotMarks {
  /** names written in that are not on the list */
  addedNames?: string[];
  /** any other writing, symbol or mark (circles, ticks, comments) */
  otherMarks?: boolean;
  /** not the form the counting board issued (no stamp or signature of the board) */
  notIssuedForm?: boolean;
}

export type BallotClassification =
  | { valid: true; kept: string[] }
  | { valid: false; reason: ElectionInvalidReason; message: LocalizedText };

const REASON_TEXT: Record<ElectionInvalidReason, LocalizedText> = {
  not_issued_form: { vi: 'Phiếu không theo mẫu do Ban kiểm phiếu phát ra.', en: 'Not the form issued by the counting board.' },
  names_added: { vi: 'Phiếu ghi thêm tên người ngoài danh sách.', en: 'Names outside the list were added.' },
  extra_marks: { vi: 'Phiếu có ghi thêm nội dung hoặc ký hiệu khác.', en: 'Other writing or marks were added.' },
  more_than_seats: { vi: 'Phiếu để lại nhiều tên hơn số lượng được bầu.', en: 'More names were kept than there are seats.' },
  all_struck: { vi: 'Phiếu gạch hết tên.', en: 'Every name was struck out.' },
};

/**
 * Classifies one strike-through ballot. `keptNames` are the candidate ids left
 * standing. Invalid when not the issued form, names added (a kept id not on the
 * list counts as added), other marks, more names kept than seats, or every
 * name struck; keeping fewer names than seats is valid. The reasons that apply
 * come from rules.election.invalidWhen; the first applicable one is reported
 * in that order.
 */
export function classifyElectionBallot(
  keptNames: readonly string[],
  candidates: readonly Pick<ElectionCandidate, 'id'>[],
  seats: number,
  extraMarks: BallotMarks = {},
  rules: LegalRules = DEFAULT_RULES,
): BallotClassification {
  const invalidWhen = rules.election.invalidWhen.value;
  const listed = new Set(candidates.map((c) => c.id));
  const kept = [...new Set(keptNames)];
  const outsiders = kept.filter((id) => !listed.has(id));
  const checks: [ElectionInvalidReason, boolean][] = [
    ['not_issued_form', extraMarks.notIssuedForm === true],
    ['names_added', outsiders.length > 0 || (extraMarks.addedNames?.length ?? 0) > 0],
    ['extra_marks', extraMarks.otherMarks === true],
    ['more_than_seats', kept.length > seats],
    ['all_struck', kept.length === 0],
  ];
  for (const [reason, applies] of checks) {
    if (applies && invalidWhen[reason]) return { valid: false, reason, message: REASON_TEXT[reason] };
  }
  return { valid: true, kept: kept.filter((id) => listed.has(id)) };
}

export interface ElectionOutcome {
  /** votes each candidate needed: > H/2 of the village's households */
  required: number;
  /** candidate ids elected, highest votes first */
  elected: string[];
  /** candidate ids tied at the cut-off, for the meeting to resolve */
  ties: string[];
  /** seats the tie decides */
  tiedSeats: number;
  /** seats no candidate reached the threshold for */
  unfilledSeats: number;
  /** candidates above the threshold, ranked (elected, tied and those ranked out) */
  ranking: { id: string; votes: number; eligible: boolean }[];
  notes: { code: 'tie_at_cutoff' | 'unfilled_seats'; message: LocalizedText }[];
}

/**
 * The village's election result. A candidate is eligible when votes reach the
 * threshold (> H/2 by default); eligible candidates are ranked by votes down
 * to the seats. A tie at the cut-off is reported, never resolved: the meeting
 * decides by a run-off among the tied or, where it so decides, the older
 * candidate. Seats no eligible candidate can take are reported unfilled.
 */
export function electionResult(
  votes: Readonly<Record<string, number>>,
  H: number,
  seats: number,
  rules: LegalRules = DEFAULT_RULES,
): ElectionOutcome {
  if (!Number.isInteger(seats) || seats < 0) throw new RangeError(`seats must be a non-negative integer, got ${seats}`);
  const required = requiredApprovals(H, rules.election.electedWhen.value);
  const ranked = Object.entries(votes)
    .map(([id, v]) => ({ id, votes: v, eligible: H > 0 && v >= required }))
    .sort((a, b) => b.votes - a.votes || viCollator.compare(a.id, b.id));
  const eligible = ranked.filter((r) => r.eligible);
  const notes: ElectionOutcome['notes'] = [];
  let elected: string[];
  let ties: string[] = [];
  let tiedSeats = 0;
  if (eligible.length <= seats) {
    elected = eligible.map((r) => r.id);
  } else {
    const cutoff = eligible[seats - 1]?.votes ?? Number.POSITIVE_INFINITY;
    const above = eligible.filter((r) => r.votes > cutoff);
    const atCutoff = eligible.filter((r) => r.votes === cutoff);
    const remaining = seats - above.length;
    elected = above.map((r) => r.id);
    if (atCutoff.length <= remaining) {
      elected.push(...atCutoff.map((r) => r.id));
    } else {
      ties = atCutoff.map((r) => r.id);
      tiedSeats = remaining;
      notes.push({ code: 'tie_at_cutoff', message: {
        vi: `${ties.length} người bằng ${cutoff} phiếu cho ${remaining} vị trí cuối: cuộc họp quyết định (bầu lại giữa những người bằng phiếu, hoặc chọn người nhiều tuổi hơn nếu cuộc họp thống nhất).`,
        en: `${ties.length} candidates tie at ${cutoff} votes for the last ${remaining} seat(s): the meeting decides (a run-off among them, or the older candidate where it so agrees).`,
      } });
    }
  }
  const unfilledSeats = Math.max(0, seats - elected.length - tiedSeats);
  if (unfilledSeats > 0) {
    notes.push({ code: 'unfilled_seats', message: {
      vi: `Còn ${unfilledSeats} vị trí chưa có người trúng cử (cần ít nhất ${required} phiếu): ghi rõ lý do trong biên bản để UBND cấp xã xem xét bầu lại.`,
      en: `${unfilledSeats} seat(s) unfilled (a candidate needs at least ${required} votes): record the reason so the commune can decide a new election.`,
    } });
  }
  return { required, elected, ties, tiedSeats, unfilledSeats, ranking: ranked, notes };
}

export interface VillageElection {
  villageId: string;
  code?: string;
  name?: string;
  elected: string[];
  ties: string[];
}

export interface CommuneRoster {
  /** one line per elected member, in village order */
  members: { villageId: string; candidateId: string; name: string }[];
  /** members the commune's board should have: one per village, never fewer than the minimum */
  target: number;
  /** the board is short of its target */
  short: boolean;
  missing: number;
  villagesWithoutMember: string[];
  villagesWithTie: string[];
  notes: LocalizedText[];
}

/**
 * The commune's Ban Thanh tra nhân dân assembled from the village elections:
 * one member per village, at least 5 members for the commune (Đ36 k1 Luật
 * 10/2022, NĐ 59 Đ13 k2; DEFAULT_RULES.boards.inspection). A roster below its
 * target is reported as short, naming the villages that still need an
 * election or a tie resolved. Only that board has a commune roster: the Ban
 * GSĐTCĐ's "at least 5 members" counts appointed members too.
 */
export function communeRoster(
  villageResults: readonly VillageElection[],
  candidates: readonly ElectionCandidate[] = [],
  rules: LegalRules = DEFAULT_RULES,
): CommuneRoster {
  const { perVillage, minMembers } = rules.boards.inspection.value.roster!;
  const names = new Map(candidates.map((c) => [c.id, c.name]));
  const members = villageResults.flatMap((v) =>
    v.elected.map((id) => ({ villageId: v.villageId, candidateId: id, name: names.get(id) ?? id })),
  );
  const target = Math.max(minMembers, villageResults.length * perVillage);
  const missing = Math.max(0, target - members.length);
  const villagesWithoutMember = villageResults.filter((v) => v.elected.length === 0).map((v) => v.villageId);
  const villagesWithTie = villageResults.filter((v) => v.ties.length > 0).map((v) => v.villageId);
  const notes: LocalizedText[] = [];
  if (missing > 0) {
    notes.push({
      vi: `Ban Thanh tra nhân dân mới có ${members.length}/${target} thành viên (mỗi thôn một người, không ít hơn ${minMembers} người).`,
      en: `The People’s Inspection Board has ${members.length} of ${target} members (one per village, no fewer than ${minMembers}).`,
    });
  }
  return { members, target, short: missing > 0, missing, villagesWithoutMember, villagesWithTie, notes };
}
