// What an election needs before it opens (Đ15 k4, k5): each candidate's
// eligibility attested by the Ban công tác Mặt trận, condition by condition
// (Đ37 Ban Thanh tra nhân dân, Đ42 Ban Giám sát đầu tư của cộng đồng, the
// village head's standards), and the team that runs and counts it, none of
// whom may be a candidate (NĐ 59 Đ6 k1 b). The conditions and the rule are
// data in legal-rules.ts (`eligibility`, `teamNotCandidate`).
import { DEFAULT_RULES, type ElectionBoard, type EligibilityCondition, type LegalRules } from './legal-rules';
import type { ErrorDetail } from './errors';
import type { LocalizedText } from './i18n';
import { isIsoDate, type IsoDate } from './calendar/iso-date';
import { cleanText } from './text';

export interface TeamMember {
  name: string;
  /** "Tổ trưởng", "Thư ký", "Thành viên" */
  role: string;
  birthYear: number | null;
}

/** One recorded version of a campaign's election team; a later version replaces it, the earlier kept. */
export interface ElectionTeam {
  campaignId: string;
  version: number;
  members: TeamMember[];
  recordedBy: string;
  recordedAt: string;
}

/** The Ban CTMT's attestation of one candidate (one version; a new one replaces it, the earlier kept). */
export interface Attestation {
  campaignId: string;
  candidateId: string;
  /** the candidate's name when attested: renaming the candidate asks for a new attestation */
  candidateName: string;
  version: number;
  /** codes of the conditions attested as met */
  conditions: string[];
  /** who attests for the Ban công tác Mặt trận (Trưởng ban) */
  attestedBy: string;
  attestedOn: IsoDate;
  recordedBy: string;
  recordedAt: string;
}

export interface CandidateRef {
  id: string;
  name: string;
  birthYear?: number | null;
}

export const conditionsFor = (board: ElectionBoard, rules: LegalRules = DEFAULT_RULES): EligibilityCondition[] => rules.eligibility[board].value;

const detail = (path: string, vi: string, en: string): ErrorDetail => ({ path, message: { vi, en } });

/**
 * The problems of an attestation as entered: every condition of the board
 * attested (one error per condition left out, naming it), who attests, and
 * a real date not after today.
 */
export function attestationProblems(
  board: ElectionBoard,
  input: { conditions?: string[]; attestedBy?: string; attestedOn?: string },
  today: IsoDate,
  rules: LegalRules = DEFAULT_RULES,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const given = new Set(input.conditions ?? []);
  const known = conditionsFor(board, rules);
  for (const code of given) {
    if (!known.some((c) => c.code === code)) out.push(detail('conditions', `Không có tiêu chuẩn "${code}" cho ban này.`, `No condition "${code}" for this board.`));
  }
  for (const c of known) {
    if (!given.has(c.code)) {
      out.push(detail(`conditions.${c.code}`,
        `Ban công tác Mặt trận chưa xác nhận tiêu chuẩn: ${c.text.vi} (${rules.eligibility[board].article}).`,
        `The Front work committee has not attested: ${c.text.en} (${rules.eligibility[board].article}).`));
    }
  }
  const by = cleanText(input.attestedBy ?? '');
  if (!by) out.push(detail('attestedBy', 'Hãy nhập họ tên người xác nhận thay mặt Ban công tác Mặt trận.', 'Enter who attests for the Front work committee.'));
  else if (by.length > 200) out.push(detail('attestedBy', 'Tên người xác nhận dài quá 200 ký tự.', 'The name is longer than 200 characters.'));
  const on = input.attestedOn ?? '';
  if (!isIsoDate(on) || on > today) out.push(detail('attestedOn', 'Ngày xác nhận phải là một ngày có thật, không sau hôm nay.', 'The date must be a real date, not after today.'));
  return out;
}

/** Whether an attestation still holds for the candidate as listed now: same name, every condition attested. */
export function attestationHolds(board: ElectionBoard, candidate: CandidateRef, a: Attestation | undefined, rules: LegalRules = DEFAULT_RULES): boolean {
  if (!a || cleanText(a.candidateName) !== cleanText(candidate.name)) return false;
  return conditionsFor(board, rules).every((c) => a.conditions.includes(c.code));
}

/** The candidates an election cannot open without: no attestation, or one made for another name. */
export function unattested(board: ElectionBoard, candidates: readonly CandidateRef[], latest: ReadonlyMap<string, Attestation>, rules: LegalRules = DEFAULT_RULES): CandidateRef[] {
  return candidates.filter((c) => !attestationHolds(board, c, latest.get(c.id), rules));
}

/**
 * The same person, as far as a list can tell: the same name, case and spacing
 * aside but with its diacritics (Văn An and Văn Ân are two people), and no
 * birth year that differs.
 */
export function samePerson(a: { name: string; birthYear?: number | null }, b: { name: string; birthYear?: number | null }): boolean {
  const key = (s: string) => cleanText(s).toLocaleLowerCase('vi');
  if (key(a.name) !== key(b.name)) return false;
  return !(a.birthYear && b.birthYear && a.birthYear !== b.birthYear);
}

/** Every team member who is also a candidate, with the candidate. */
export function teamClashes(team: readonly TeamMember[], candidates: readonly CandidateRef[], rules: LegalRules = DEFAULT_RULES): { member: TeamMember; index: number; candidate: CandidateRef }[] {
  if (!rules.teamNotCandidate.value.enabled) return [];
  return team.flatMap((member, index) => candidates.filter((c) => samePerson(member, c)).map((candidate) => ({ member, index, candidate })));
}

/** "Ông (bà) X của Tổ bầu cử cũng là người ứng cử Y (mã c1)": the refusal names both. */
export function clashText(member: TeamMember, candidate: CandidateRef, rules: LegalRules = DEFAULT_RULES): LocalizedText {
  return {
    vi: `Thành viên Tổ bầu cử "${member.name}" cũng là người ứng cử "${candidate.name}" (mã ${candidate.id}); người ứng cử không được là thành viên Tổ bầu cử, Ban kiểm phiếu (${rules.teamNotCandidate.article}).`,
    en: `Election team member "${member.name}" is also the candidate "${candidate.name}" (id ${candidate.id}); no candidate may sit on the election team or counting board (${rules.teamNotCandidate.article}).`,
  };
}

/** The team as entered: each member named with a role; at least one member. */
export function teamProblems(members: readonly { name?: string; role?: string; birthYear?: number | null }[]): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (members.length === 0) out.push(detail('members', 'Hãy nhập ít nhất một thành viên Tổ bầu cử.', 'Enter at least one member of the election team.'));
  members.forEach((m, i) => {
    if (!cleanText(m.name ?? '')) out.push(detail(`members.${i}.name`, `Thành viên thứ ${i + 1}: hãy nhập họ tên.`, `Member ${i + 1}: enter the name.`));
    if (!cleanText(m.role ?? '')) out.push(detail(`members.${i}.role`, `Thành viên thứ ${i + 1}: hãy nhập nhiệm vụ (Tổ trưởng, Thư ký, Thành viên).`, `Member ${i + 1}: enter the role (head, secretary, member).`));
  });
  return out;
}
