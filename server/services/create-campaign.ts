import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, type ErrorDetail } from '../domain/errors';
import { isSecret, type Campaign, type Candidate } from '../domain/campaign';
import {
  DEFAULT_RULES, boardOf, campaignChannels, channelPolicy, communeScopeAllowed, onlineAdvisoryApart,
  type CampaignKind, type Category, type Channel, type ElectionBoard,
} from '../domain/legal-rules';
import { normalizeApproval } from '../domain/online-agreement';
import { approvalProblems } from './record-online-agreement';
import { decisionQuestions, electionSurvey } from '../domain/campaign-forms';
import { checkSupported } from '../domain/survey/supported';
import { normaliseSurvey } from '../domain/survey/normalise';
import { loadTemplate } from '../../surveys';
import { cleanText, slugify } from '../domain/text';
import { base32 } from '../runtime/ids';
import { insertCampaign, insertCampaignVillages, insertCandidates, slugTaken, updateDraftCampaign, deleteCampaignVillages, deleteCandidates } from '../../db/repositories/campaigns';
import { expectChanged, isFailedAssertion } from '../../db/repositories/assertions';
import { ConstraintViolation } from '../runtime/types';
import { listVillageIds } from '../../db/repositories/campaign-scope';
import { atomicWithAudit } from './audit';
import { campaignOf } from './guards';
import { candidateTeamProblems } from './election-prep';
import { kindOf } from '../kinds';
import { consultationPlanProblems } from '../domain/deadlines';
import { vietnamToday } from './commune-calendar';

export interface CampaignInput {
  title: string;
  description?: string;
  kind: CampaignKind;
  category?: Category | null;
  /** the villages (village scope); commune scope covers every village of the commune whatever is listed */
  villageIds?: string[];
  channels: Channel[];
  survey?: Record<string, unknown>;
  template?: string;
  /** election: the seats of every village, or per village id */
  seats?: number | Record<string, number>;
  /** election: the body it fills (k4: village_head; k5: inspection, the default, or investment_supervision) */
  board?: ElectionBoard;
  candidates?: { id: string; name: string; villageId: string; birthYear?: number | null }[];
  opensAt?: string;
  closesAt?: string;
  secret?: boolean;
  /** explicit, "village" by default (never guessed from the number of villages) */
  scope?: 'village' | 'commune';
  advisoryOnline?: boolean;
  /** k6 online: per village (`villages`, an array or an object keyed by village id), or for every village */
  onlineApproval?: unknown;
}

const detail = (path: string, vi: string, en: string): ErrorDetail => ({ path, message: { vi, en } });

/** Checks the legal and structural rules of a campaign; returns the campaign fields to store. */
async function buildCampaign(
  deps: AppDeps, actor: Actor, input: CampaignInput, base: Pick<Campaign, 'id' | 'slug' | 'createdAt' | 'createdBy'>,
): Promise<{ campaign: Campaign; candidates: Candidate[]; villageIds: string[] }> {
  const errors: ErrorDetail[] = [];
  const communeId = actor.communeId!;
  const kind = input.kind;
  let category: Category | null = input.category ?? null;

  if (kind === 'decision' && !category) errors.push(detail('category', 'Quyết định cần nêu nội dung thuộc khoản nào của Điều 15 (k1–k6).', 'A decision needs its Art. 15 category (k1–k6).'));
  if (kind === 'election') {
    category ??= 'k5';
    if (category !== 'k4' && category !== 'k5') errors.push(detail('category', 'Bầu cử thuộc k4 (Trưởng thôn) hoặc k5 (Ban Thanh tra nhân dân, Ban Giám sát đầu tư).', 'An election is k4 (village head) or k5 (boards).'));
  }
  if ((kind === 'consultation' || kind === 'satisfaction') && category) {
    errors.push(detail('category', 'Chỉ quyết định và bầu cử mới có khoản (k1–k6).', 'Only decisions and elections have a category.'));
  }

  const channels = [...new Set(input.channels)];
  // A decision without its category has no channel rule yet; that error is reported above.
  if (kind !== 'decision' || category) {
    const allowed = campaignChannels(kind, category);
    const refused = channels.filter((ch) => !allowed.includes(ch));
    const why = channelPolicy(kind, category).value.refusal ?? { vi: '', en: '' };
    if (refused.length) {
      errors.push(detail('channels', `Kênh không được phép: ${refused.join(', ')}. ${why.vi}`, `Channel not allowed: ${refused.join(', ')}. ${why.en}`));
    }
  }
  const advisoryOnline = input.advisoryOnline === true;
  if (advisoryOnline && !onlineAdvisoryApart(kind, category)) {
    errors.push(detail('advisoryOnline', 'Chỉ nội dung k1–k5 mới thu ý kiến trực tuyến để tham khảo.', 'Advisory online answers apply to k1–k5 decisions only.'));
  }
  const onlineNeedsApproval = (kind !== 'decision' || !!category) && channelPolicy(kind, category).value.onlineNeedsApproval;
  if (input.onlineApproval !== undefined && !(onlineNeedsApproval && channels.includes('online'))) {
    errors.push(detail('onlineApproval', 'Chỉ biểu quyết trực tuyến nội dung k6 mới cần ghi nhận việc các hộ đồng ý hình thức trực tuyến.', 'onlineApproval applies to online k6 decisions only.'));
  }

  // Scope is explicit (village by default); the whole commune only where the law allows it (Đ19 k1 a, Đ21 k1).
  const scope = input.scope ?? 'village';
  if (scope === 'commune' && (kind !== 'decision' || category) && !communeScopeAllowed(kind, category)) {
    errors.push(detail('scope',
      'Chỉ nội dung k1, k2 (phạm vi cấp xã), lấy ý kiến và khảo sát mới áp dụng cho toàn xã; nội dung k3–k6 và bầu cử do từng thôn quyết định.',
      'Only k1, k2 decisions (commune-wide content), consultations and surveys may cover the whole commune; k3–k6 matters and elections are decided village by village.'));
  }
  const given = [...new Set(input.villageIds ?? [])];
  const commune = await listVillageIds(deps.db, communeId);
  const known = new Set(commune);
  given.forEach((v, i) => {
    if (!known.has(v)) errors.push(detail(`villageIds.${i}`, `Không có thôn "${v}" trong xã.`, `No village "${v}" in this commune.`));
  });
  // Commune scope means every village of the commune: V counts them all.
  const villageIds = scope === 'commune' ? commune : given;
  if (villageIds.length === 0) {
    errors.push(detail('villageIds', 'Hãy chọn ít nhất một thôn (hoặc phạm vi toàn xã).', 'Choose at least one village (or the whole commune as scope).'));
  }

  const approval = normalizeApproval(input.onlineApproval);
  if (approval) errors.push(...(await approvalProblems(deps, communeId, base.id, approval, new Set(villageIds))));

  if (input.opensAt && input.closesAt && Date.parse(input.closesAt) <= Date.parse(input.opensAt)) {
    errors.push(detail('closesAt', 'Ngày kết thúc phải sau ngày bắt đầu.', 'closesAt must be after opensAt.'));
  } else if (kind === 'consultation') {
    // Đ28: refused when planned shorter, at creation and on every edit, not only at closing
    errors.push(...consultationPlanProblems({ opensAt: input.opensAt, closesAt: input.closesAt }, vietnamToday(deps)));
  }

  let candidates: Candidate[] = [];
  let seats: number | null = null;
  let seatsByVillage: Record<string, number> | null = null;
  let board: ElectionBoard | null = null;
  let survey: Record<string, unknown> | null = null;
  if (kind === 'election') {
    if (category === 'k4' || category === 'k5') {
      board = boardOf(category, input.board);
      if (DEFAULT_RULES.boards[board].value.category !== category) {
        errors.push(detail('board', category === 'k4'
          ? 'Bầu cử k4 là bầu Trưởng thôn (board "village_head").'
          : 'Bầu cử k5 là bầu thành viên Ban Thanh tra nhân dân ("inspection") hoặc Ban Giám sát đầu tư của cộng đồng ("investment_supervision").',
        category === 'k4' ? 'A k4 election fills the village head ("village_head").' : 'A k5 election fills the inspection board ("inspection") or the investment supervision board ("investment_supervision").'));
      }
    }
    ({ seats, seatsByVillage } = seatsOf(input.seats, villageIds, errors));
    if (board) errors.push(...boardSeatProblems(board, villageIds.map((v) => seatsByVillage?.[v] ?? seats ?? 1)));
    candidates = (input.candidates ?? []).map((c) => ({ id: cleanText(c.id), name: cleanText(c.name), villageId: c.villageId, birthYear: c.birthYear ?? null }));
    if (candidates.length === 0) errors.push(detail('candidates', 'Bầu cử cần danh sách người ứng cử.', 'An election needs candidates.'));
    const ids = new Set<string>();
    candidates.forEach((c, i) => {
      if (ids.has(c.id)) errors.push(detail(`candidates.${i}.id`, `Mã người ứng cử "${c.id}" bị trùng.`, `Duplicate candidate id "${c.id}".`));
      ids.add(c.id);
      if (!villageIds.includes(c.villageId)) errors.push(detail(`candidates.${i}.villageId`, 'Người ứng cử phải thuộc một thôn của đợt bầu cử.', 'A candidate must belong to one of the campaign villages.'));
    });
    survey = electionSurvey(cleanText(input.title), candidates, Math.max(seats ?? 1, ...Object.values(seatsByVillage ?? {})));
  } else {
    if (input.seats !== undefined || input.candidates !== undefined || input.board !== undefined) {
      const field = input.seats !== undefined ? 'seats' : input.candidates !== undefined ? 'candidates' : 'board';
      errors.push(detail(field, 'Chỉ bầu cử mới có số ghế, người ứng cử và ban được bầu.', 'Only elections have seats, candidates and a board.'));
    }
    // stored normalised, so every value a person can pick equals what the browser, the API or the no-JS form sends
    if (input.survey) survey = normaliseSurvey(input.survey);
    else {
      const name = (input.template ?? kindOf(kind).template ?? '').replace(/\.json$/, '');
      survey = name ? loadTemplate(name) : null;
      if (!survey) errors.push(detail('template', `Không có mẫu biểu "${input.template}".`, `No template "${input.template}".`));
    }
    if (survey) {
      for (const p of checkSupported(survey)) {
        errors.push(detail(
          p.question ? `survey.${p.question}` : 'survey',
          p.question ? `Câu "${p.question}" (${p.type}): ${p.message.vi}` : p.message.vi,
          p.question ? `Question "${p.question}" (${p.type}): ${p.message.en}` : p.message.en,
        ));
      }
      if (kind === 'decision' && decisionQuestions(survey).length === 0) {
        errors.push(detail('survey', 'Phiếu quyết định cần một câu hỏi lựa chọn với các giá trị approve / reject / other (Đồng ý / Không đồng ý / Ý kiến khác).', 'A decision form needs a radiogroup with approve / reject / other.'));
      }
    }
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', undefined, errors);

  const now = deps.clock().toISOString();
  return {
    campaign: {
      id: base.id, communeId, slug: base.slug, title: cleanText(input.title), description: (input.description ?? '').normalize('NFC').trim(),
      kind, category, scope, secret: isSecret(kind, input.secret),
      status: 'draft', channels, advisoryOnline, survey: survey!, seats, seatsByVillage, board, onlineApproval: approval,
      opensAt: input.opensAt ?? null, closesAt: input.closesAt ?? null, openedAt: null, closedAt: null, publishedAt: null,
      createdBy: base.createdBy, createdAt: base.createdAt, updatedAt: now,
    },
    candidates,
    villageIds,
  };
}

/** Seats as given: one number for every village, or one per village (each campaign village named once). */
function seatsOf(input: CampaignInput['seats'], villageIds: string[], errors: ErrorDetail[]): { seats: number | null; seatsByVillage: Record<string, number> | null } {
  if (input === undefined) return { seats: 1, seatsByVillage: null };
  if (typeof input === 'number') return { seats: input, seatsByVillage: null };
  const byVillage: Record<string, number> = {};
  for (const [villageId, n] of Object.entries(input)) {
    if (!villageIds.includes(villageId)) errors.push(detail(`seats.${villageId}`, `Thôn "${villageId}" không thuộc đợt bầu cử.`, `Village "${villageId}" is not part of the election.`));
    else byVillage[villageId] = n;
  }
  for (const v of villageIds) {
    if (byVillage[v] === undefined) errors.push(detail(`seats.${v}`, 'Hãy nêu số người được bầu của thôn này.', 'Give the seats of this village.'));
  }
  return { seats: null, seatsByVillage: byVillage };
}

/** A board's own seat rules (DEFAULT_RULES.boards): the village head is one per village; the Ban GSĐTCĐ elects at most 5 residents. */
function boardSeatProblems(board: ElectionBoard, seats: number[]): ErrorDetail[] {
  const rule = DEFAULT_RULES.boards[board];
  const out: ErrorDetail[] = [];
  if (rule.value.seatsPerVillage !== null && seats.some((n) => n !== rule.value.seatsPerVillage)) {
    out.push(detail('seats', `Mỗi thôn bầu ${rule.value.seatsPerVillage} ${rule.value.name.vi} (${rule.article}).`,
      `Each village elects ${rule.value.seatsPerVillage} ${rule.value.name.en} (${rule.article}).`));
  }
  const total = seats.reduce((a, b) => a + b, 0);
  if (rule.value.maxElectedTotal !== null && total > rule.value.maxElectedTotal) {
    out.push(detail('seats', `${rule.value.name.vi}: số thành viên là người dân được bầu không quá ${rule.value.maxElectedTotal} người; đợt này bầu ${total} (${rule.article}).`,
      `${rule.value.name.en}: at most ${rule.value.maxElectedTotal} resident members are elected; this election has ${total} seats (${rule.article}).`));
  }
  return out;
}

export async function createCampaign(deps: AppDeps, actor: Actor, input: CampaignInput): Promise<Campaign> {
  let slug = '';
  do slug = `${slugify(input.title).slice(0, 40)}-${base32(deps.random(4), 5).toLowerCase()}`;
  while (await slugTaken(deps.db, slug));
  const { campaign, candidates, villageIds } = await buildCampaign(deps, actor, input, {
    id: deps.newId(), slug, createdAt: deps.clock().toISOString(), createdBy: actor.id,
  });
  await atomicWithAudit(
    deps,
    [
      insertCampaign(deps.db, campaign),
      insertCampaignVillages(deps.db, campaign.id, villageIds),
      ...(candidates.length ? [insertCandidates(deps.db, campaign.id, candidates)] : []),
    ],
    [{ communeId: campaign.communeId, actor: actor.id, action: 'campaign.create', entity: 'campaign', entityId: campaign.id, data: { title: campaign.title, kind: campaign.kind, category: campaign.category, scope: campaign.scope, villageIds, channels: campaign.channels } }],
  );
  return campaign;
}

/** Rewrites a campaign while it is a draft; after opening it is frozen (409). */
export async function updateCampaign(deps: AppDeps, actor: Actor, id: string, input: CampaignInput): Promise<Campaign> {
  const existing = await campaignOf(deps, actor, id);
  if (existing.status !== 'draft') throw new AppError('INVALID_STATE', { vi: 'Chỉ sửa được đợt lấy ý kiến khi còn là bản nháp.', en: 'Only a draft campaign can be edited.' });
  const { campaign, candidates, villageIds } = await buildCampaign(deps, actor, input, existing);
  // a member of the recorded election team cannot be put on the list (NĐ 59 Đ6 k1 b)
  const clashes = campaign.kind === 'election' ? await candidateTeamProblems(deps, id, candidates) : [];
  if (clashes.length) throw new AppError('VALIDATION_FAILED', clashes[0]!.message, clashes);
  try {
    await atomicWithAudit(
      deps,
      [
        updateDraftCampaign(deps.db, campaign),
        // an edit that raced with opening changes nothing (the triggers also
        // refuse village and candidate changes outside a draft)
        expectChanged(deps.db, 'campaign.update'),
        deleteCampaignVillages(deps.db, id),
        insertCampaignVillages(deps.db, id, villageIds),
        deleteCandidates(deps.db, id),
        ...(candidates.length ? [insertCandidates(deps.db, id, candidates)] : []),
      ],
      [{ communeId: campaign.communeId, actor: actor.id, action: 'campaign.update', entity: 'campaign', entityId: id, data: { title: campaign.title, villageIds, channels: campaign.channels } }],
    );
  } catch (err) {
    if (isFailedAssertion(err) || (err instanceof ConstraintViolation && err.detail === 'campaign_not_draft')) throw new AppError('INVALID_STATE');
    throw err;
  }
  return campaign;
}
