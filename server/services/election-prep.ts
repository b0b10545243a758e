// Before an election opens: the Ban công tác Mặt trận attests each
// candidate's eligibility (Đ37, Đ42; the village head's standards) and the
// team that runs and counts it is recorded, none of them a candidate (NĐ 59
// Đ6 k1 b). Opening checks both (transition-campaign.ts). Every record is a
// new version; the earlier ones stay.
import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import type { Campaign, Candidate } from '../domain/campaign';
import { AppError, type ErrorDetail } from '../domain/errors';
import { DEFAULT_RULES, boardOf, type ElectionBoard } from '../domain/legal-rules';
import {
  attestationHolds, attestationProblems, clashText, conditionsFor, teamClashes, teamProblems, unattested,
  type Attestation, type ElectionTeam, type TeamMember,
} from '../domain/election-prep';
import type { IsoDate } from '../domain/calendar/iso-date';
import { cleanText } from '../domain/text';
import { ConstraintViolation } from '../runtime/types';
import { listCampaignVillages, listCandidates } from '../../db/repositories/campaigns';
import { insertAttestation, insertTeam, latestTeam, listAttestations } from '../../db/repositories/election-prep';
import { atomicWithAudit } from './audit';
import { campaignOf } from './guards';
import { vietnamToday } from './commune-calendar';

const notAnElection = () => new AppError('INVALID_STATE', {
  vi: 'Chỉ đợt bầu cử mới có danh sách người ứng cử và Tổ bầu cử.',
  en: 'Only an election has a candidate list and an election team.',
});

const onlyStaff = (actor: Actor) => {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('FORBIDDEN');
};

/** The board of an election campaign (k4: the village head). */
export const boardOfCampaign = (c: Campaign): ElectionBoard => boardOf(c.category, c.board);

/** Each candidate's newest attestation. */
function latestByCandidate(list: Attestation[]): Map<string, Attestation> {
  const m = new Map<string, Attestation>();
  for (const a of list) if (!m.has(a.candidateId) || m.get(a.candidateId)!.version < a.version) m.set(a.candidateId, a);
  return m;
}

/** Everything the election's preparation page and API show. */
export async function electionPrep(deps: AppDeps, actor: Actor, campaignId: string) {
  const c = await campaignOf(deps, actor, campaignId);
  if (c.kind !== 'election') throw notAnElection();
  const board = boardOfCampaign(c);
  const [candidates, villages, attestations, team] = await Promise.all([
    listCandidates(deps.db, c.id), listCampaignVillages(deps.db, c.id), listAttestations(deps.db, c.id), latestTeam(deps.db, c.id),
  ]);
  const latest = latestByCandidate(attestations);
  const rule = DEFAULT_RULES.eligibility[board];
  return {
    campaign: { id: c.id, title: c.title, status: c.status, category: c.category, board },
    boardName: DEFAULT_RULES.boards[board].value.name,
    conditions: rule.value,
    article: rule.article,
    villages: villages.map((v) => ({ villageId: v.villageId, code: v.code, name: v.name })),
    candidates: candidates.map((k) => {
      const a = latest.get(k.id);
      return { ...k, attested: attestationHolds(board, k, a), attestation: a ?? null, history: attestations.filter((x) => x.candidateId === k.id) };
    }),
    team,
    clashes: team ? teamClashes(team.members, candidates).map((x) => ({ member: x.member.name, candidateId: x.candidate.id, candidate: x.candidate.name })) : [],
    teamArticle: DEFAULT_RULES.teamNotCandidate.article,
    canEdit: (actor.role === 'admin' || actor.role === 'staff') && c.status === 'draft',
    canEditTeam: (actor.role === 'admin' || actor.role === 'staff') && (c.status === 'draft' || c.status === 'open'),
  };
}

export interface AttestationInput {
  conditions?: string[];
  attestedBy?: string;
  attestedOn?: string;
}

/**
 * Records the Ban CTMT's attestation of one candidate: every condition of the
 * board (DEFAULT_RULES.eligibility), who attests and when. While the election
 * is a draft; a new attestation is the next version.
 */
export async function attestCandidate(deps: AppDeps, actor: Actor, campaignId: string, candidateId: string, input: AttestationInput): Promise<Attestation> {
  onlyStaff(actor);
  const c = await campaignOf(deps, actor, campaignId);
  if (c.kind !== 'election') throw notAnElection();
  if (c.status !== 'draft') {
    throw new AppError('INVALID_STATE', { vi: 'Chỉ xác nhận tiêu chuẩn người ứng cử trước khi mở bầu cử.', en: 'Candidates are attested before the election opens.' });
  }
  const candidate = (await listCandidates(deps.db, c.id)).find((k) => k.id === candidateId);
  if (!candidate) throw new AppError('NOT_FOUND', { vi: 'Không có người ứng cử này trong danh sách.', en: 'No such candidate on the list.' });
  const board = boardOfCampaign(c);
  const problems = attestationProblems(board, input, vietnamToday(deps));
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const previous = (await listAttestations(deps.db, c.id)).filter((a) => a.candidateId === candidateId);
  const a: Attestation = {
    campaignId: c.id, candidateId, candidateName: candidate.name, version: (previous[0]?.version ?? 0) + 1,
    conditions: conditionsFor(board).map((k) => k.code), attestedBy: cleanText(input.attestedBy!), attestedOn: input.attestedOn as IsoDate,
    recordedBy: actor.id, recordedAt: deps.clock().toISOString(),
  };
  try {
    await atomicWithAudit(deps, [insertAttestation(deps.db, a)], [{
      communeId: c.communeId, actor: actor.id, action: 'candidate.attest', entity: 'campaign', entityId: c.id,
      data: { candidateId, name: candidate.name, version: a.version, conditions: a.conditions, attestedBy: a.attestedBy, attestedOn: a.attestedOn, article: DEFAULT_RULES.eligibility[board].article },
    }]);
  } catch (err) {
    if (err instanceof ConstraintViolation && err.kind === 'primary_key') throw new AppError('CONFLICT');
    throw err;
  }
  return a;
}

/** The refusal when a team member is also a candidate: one detail per clash, naming both. */
export function clashDetails(members: readonly TeamMember[], candidates: readonly Candidate[]): ErrorDetail[] {
  return teamClashes(members, candidates).map((x) => ({ path: `members.${x.index}.name`, message: clashText(x.member, x.candidate) }));
}

/**
 * Records the election team (Tổ bầu cử / Ban kiểm phiếu) as a whole; a new
 * list is the next version. Refused when a member is a candidate.
 */
export async function recordElectionTeam(
  deps: AppDeps, actor: Actor, campaignId: string, input: { members: { name?: string; role?: string; birthYear?: number | null }[] },
): Promise<ElectionTeam> {
  onlyStaff(actor);
  const c = await campaignOf(deps, actor, campaignId);
  if (c.kind !== 'election') throw notAnElection();
  if (c.status !== 'draft' && c.status !== 'open') {
    throw new AppError('INVALID_STATE', { vi: 'Tổ bầu cử được ghi trước khi đóng bầu cử.', en: 'The election team is recorded before the election closes.' });
  }
  const problems = teamProblems(input.members);
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const members: TeamMember[] = input.members.map((m) => ({ name: cleanText(m.name!), role: cleanText(m.role!), birthYear: m.birthYear ?? null }));
  const clashes = clashDetails(members, await listCandidates(deps.db, c.id));
  if (clashes.length) throw new AppError('VALIDATION_FAILED', clashes[0]!.message, clashes);
  const previous = await latestTeam(deps.db, c.id);
  const team: ElectionTeam = { campaignId: c.id, version: (previous?.version ?? 0) + 1, members, recordedBy: actor.id, recordedAt: deps.clock().toISOString() };
  try {
    await atomicWithAudit(deps, [insertTeam(deps.db, team)], [{
      communeId: c.communeId, actor: actor.id, action: 'election.team', entity: 'campaign', entityId: c.id, data: { version: team.version, members },
    }]);
  } catch (err) {
    if (err instanceof ConstraintViolation && err.kind === 'primary_key') throw new AppError('CONFLICT');
    throw err;
  }
  return team;
}

/**
 * What stops an election from opening: a candidate the Ban CTMT has not
 * attested (or attested under another name), a team member who is a
 * candidate. Nothing for other kinds.
 */
export async function electionOpeningProblems(deps: AppDeps, c: Campaign): Promise<ErrorDetail[]> {
  if (c.kind !== 'election') return [];
  const board = boardOfCampaign(c);
  const [candidates, attestations, team] = await Promise.all([listCandidates(deps.db, c.id), listAttestations(deps.db, c.id), latestTeam(deps.db, c.id)]);
  const article = DEFAULT_RULES.eligibility[board].article;
  const out: ErrorDetail[] = unattested(board, candidates, latestByCandidate(attestations)).map((k) => ({
    path: `candidates.${k.id}`,
    message: {
      vi: `Người ứng cử "${k.name}" (mã ${k.id}) chưa được Ban công tác Mặt trận xác nhận đủ tiêu chuẩn (${article}).`,
      en: `Candidate "${k.name}" (id ${k.id}) has no attestation of eligibility by the Front work committee (${article}).`,
    },
  }));
  if (team) out.push(...clashDetails(team.members, candidates));
  return out;
}

/** Refuses candidates who are on the recorded team (a draft's candidate list being edited). */
export async function candidateTeamProblems(deps: AppDeps, campaignId: string, candidates: readonly Candidate[]): Promise<ErrorDetail[]> {
  const team = await latestTeam(deps.db, campaignId);
  if (!team) return [];
  return teamClashes(team.members, candidates).map((x) => ({
    path: `candidates.${candidates.indexOf(x.candidate as Candidate)}.name`, message: clashText(x.member, x.candidate),
  }));
}
