// Citizen initiatives (sáng kiến của Nhân dân, Đ16 Luật 10/2022/QH15): a
// matter households ask to put to the community. Staff record it and the
// households consenting, each from the register, once; the app shows whether
// the consents still valid (rules.deadlines.initiativeConsent: 3 months)
// reach the share of households the law asks (rules.citizenInitiative: 10 %),
// and turns a qualifying initiative into a draft campaign, linked both ways.
// The consenting households are personal data: staff pages only, never public.
import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, type ErrorDetail } from '../domain/errors';
import { DEFAULT_RULES, campaignChannels, communeScopeAllowed, type Category } from '../domain/legal-rules';
import { consentValidThrough, initiativeBacked } from '../domain/deadlines';
import { isIsoDate, type IsoDate } from '../domain/calendar/iso-date';
import { normalizeCode } from '../domain/register-row';
import { cleanText } from '../domain/text';
import { ConstraintViolation } from '../runtime/types';
import { countHouseholds, findHouseholdsByCodes } from '../../db/repositories/households';
import { listVillages } from '../../db/repositories/villages';
import {
  consentCounts, findInitiative, findInitiativeByCampaign, insertConsent, insertInitiative, linkCampaign, listConsents, listInitiatives,
  type Initiative,
} from '../../db/repositories/initiatives';
import { expectChanged, isFailedAssertion } from '../../db/repositories/assertions';
import { requireCommune } from './guards';
import { atomicWithAudit } from './audit';
import { communeCalendar, vietnamToday } from './commune-calendar';
import { createCampaign } from './create-campaign';

export interface InitiativeInput {
  matter: string;
  scope: 'village' | 'commune';
  villageId?: string;
  proposer?: string;
}

const detail = (path: string, vi: string, en: string): ErrorDetail => ({ path, message: { vi, en } });

function communeOf(actor: Actor): string {
  if (!actor.communeId) throw new AppError('FORBIDDEN');
  return actor.communeId;
}

/** An initiative of the actor's commune, or 404. */
async function initiativeOf(deps: AppDeps, actor: Actor, id: string): Promise<Initiative> {
  const i = await findInitiative(deps.db, id);
  if (!i) throw new AppError('NOT_FOUND', { vi: 'Không tìm thấy sáng kiến.', en: 'No such initiative.' });
  requireCommune(actor, i.communeId);
  return i;
}

/** Whether the consents still valid today reach the share of the households in scope (Đ16). */
async function backing(deps: AppDeps, i: Initiative, consents: readonly { householdId: string; givenOn: string }[]) {
  const households = await countHouseholds(deps.db, { communeId: i.communeId, ...(i.villageId ? { villageId: i.villageId } : {}) });
  const calendar = await communeCalendar(deps, i.communeId);
  const today = vietnamToday(deps);
  const b = initiativeBacked(consents.map((c) => ({ household: c.householdId, givenOn: c.givenOn as IsoDate })), households, today, calendar);
  return { ...b, households, on: today, calendar };
}

export async function createInitiative(deps: AppDeps, actor: Actor, input: InitiativeInput) {
  const communeId = communeOf(actor);
  const matter = cleanText(input.matter ?? '');
  const errors: ErrorDetail[] = [];
  if (!matter) errors.push(detail('matter', 'Cần ghi nội dung sáng kiến (việc đề nghị đưa ra cộng đồng bàn, quyết định).', 'Describe the matter put forward.'));
  let villageId: string | null = null;
  if (input.scope === 'village') {
    const villages = await listVillages(deps.db, communeId);
    if (!input.villageId || !villages.some((v) => v.id === input.villageId)) {
      errors.push(detail('villageId', 'Hãy chọn thôn, tổ dân phố của sáng kiến.', 'Choose the village of the initiative.'));
    } else villageId = input.villageId;
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', undefined, errors);
  const i: Initiative = {
    id: deps.newId(), communeId, scope: input.scope, villageId, matter, proposer: cleanText(input.proposer ?? ''),
    campaignId: null, createdBy: actor.id, createdAt: deps.clock().toISOString(),
  };
  await atomicWithAudit(deps, [insertInitiative(deps.db, i)], [{
    communeId, actor: actor.id, action: 'initiative.create', entity: 'initiative', entityId: i.id, data: { scope: i.scope, villageId, matter },
  }]);
  return initiativeView(deps, actor, i.id);
}

/**
 * Records households' consents given on `givenOn`, found in the register by
 * their codes. Every code must name an active household in scope, once, that
 * has not consented already; otherwise nothing is stored and each bad code is
 * named.
 */
export async function addConsents(deps: AppDeps, actor: Actor, id: string, input: { householdCodes: string[]; givenOn: string }) {
  const i = await initiativeOf(deps, actor, id);
  const errors: ErrorDetail[] = [];
  const today = vietnamToday(deps);
  if (!isIsoDate(input.givenOn)) errors.push(detail('givenOn', 'Ngày đồng thuận phải có dạng năm-tháng-ngày, ví dụ 2026-11-26.', 'The date must be year-month-day, e.g. 2026-11-26.'));
  else if (input.givenOn > today) errors.push(detail('givenOn', 'Ngày đồng thuận không thể sau hôm nay.', 'The consent cannot be dated after today.'));
  const codes = input.householdCodes.map((c) => normalizeCode(c)).filter((c) => c.length > 0);
  if (codes.length === 0) errors.push(detail('householdCodes', 'Hãy nhập mã hộ của ít nhất một hộ đồng thuận.', 'Enter the code of at least one consenting household.'));
  const found = new Map((await findHouseholdsByCodes(deps.db, i.communeId, codes)).map((h) => [h.code, h]));
  const already = new Set((await listConsents(deps.db, i.id)).map((c) => c.householdId));
  const seen = new Set<string>();
  codes.forEach((code, n) => {
    const path = `householdCodes.${n}`;
    const h = found.get(code);
    if (!h || h.status !== 'active') errors.push(detail(path, `Không có hộ mã ${code} trong sổ hộ của xã.`, `No household ${code} in the commune’s register.`));
    else if (i.villageId && h.villageId !== i.villageId) errors.push(detail(path, `Hộ ${code} không thuộc thôn của sáng kiến.`, `Household ${code} is not in the initiative’s village.`));
    else if (seen.has(code)) errors.push(detail(path, `Hộ ${code} được nhập hai lần.`, `Household ${code} is entered twice.`));
    else if (already.has(h.id)) errors.push(detail(path, `Hộ ${code} đã đồng thuận với sáng kiến này; mỗi hộ chỉ tính một lần.`, `Household ${code} has already consented; each household counts once.`));
    seen.add(code);
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', undefined, errors);
  const now = deps.clock().toISOString();
  const ids = codes.map((c) => found.get(c)!.id);
  try {
    await atomicWithAudit(deps, ids.map((householdId) => insertConsent(deps.db, { initiativeId: i.id, householdId, givenOn: input.givenOn, recordedBy: actor.id, recordedAt: now })), [{
      communeId: i.communeId, actor: actor.id, action: 'initiative.consent', entity: 'initiative', entityId: i.id, data: { householdIds: ids, givenOn: input.givenOn },
    }]);
  } catch (err) {
    if (err instanceof ConstraintViolation && (err.kind === 'unique' || err.kind === 'primary_key')) {
      throw new AppError('CONFLICT', { vi: 'Một hộ vừa được người khác ghi đồng thuận; hãy tải lại trang.', en: 'Someone else has just recorded one of these households; reload the page.' });
    }
    throw err;
  }
  return initiativeView(deps, actor, i.id);
}

/** The initiative with its consents (staff only: the households are personal data) and whether it is backed today. */
export async function initiativeView(deps: AppDeps, actor: Actor, id: string) {
  const i = await initiativeOf(deps, actor, id);
  const consents = await listConsents(deps.db, i.id);
  const b = await backing(deps, i, consents);
  return {
    initiative: i,
    backing: { households: b.households, valid: b.valid, required: b.required, backed: b.backed, on: b.on, rule: DEFAULT_RULES.citizenInitiative, validity: DEFAULT_RULES.deadlines.initiativeConsent },
    consents: consents.map((c) => {
      const validThrough = consentValidThrough(c.givenOn as IsoDate, b.calendar);
      return { householdCode: c.householdCode, representative: c.representative, givenOn: c.givenOn, validThrough, valid: c.givenOn <= b.on && b.on <= validThrough };
    }),
  };
}

export async function initiativesOf(deps: AppDeps, actor: Actor) {
  const communeId = communeOf(actor);
  const list = await listInitiatives(deps.db, communeId);
  const consents = await consentCounts(deps.db, list.map((i) => i.id));
  const out = [];
  for (const i of list) {
    const b = await backing(deps, i, consents.get(i.id) ?? []);
    out.push({ initiative: i, backing: { households: b.households, valid: b.valid, required: b.required, backed: b.backed } });
  }
  return out;
}

/**
 * Turns a backed initiative into a draft campaign (a decision of the category
 * staff choose, k6 by default), linked both ways: the initiative names the
 * campaign, and the campaign's initiative is found by it.
 */
export async function initiativeToCampaign(deps: AppDeps, actor: Actor, id: string, input: { category?: Category }) {
  const i = await initiativeOf(deps, actor, id);
  if (i.campaignId) {
    throw new AppError('CONFLICT', { vi: 'Sáng kiến này đã được đưa thành một đợt lấy ý kiến.', en: 'This initiative has already become a campaign.' });
  }
  const b = await backing(deps, i, await listConsents(deps.db, i.id));
  if (!b.backed) {
    throw new AppError('INVALID_STATE', {
      vi: `Sáng kiến chưa đủ ${b.required} hộ đồng thuận còn giá trị (hiện có ${b.valid}/${b.households} hộ; ${DEFAULT_RULES.citizenInitiative.article}).`,
      en: `The initiative lacks the ${b.required} valid consents it needs (${b.valid} of ${b.households} households now; ${DEFAULT_RULES.citizenInitiative.article}).`,
    });
  }
  const category = input.category ?? 'k6';
  const villages = await listVillages(deps.db, i.communeId);
  const commune = i.scope === 'commune';
  const campaign = await createCampaign(deps, actor, {
    title: i.matter.slice(0, 200),
    description: `Sáng kiến của Nhân dân (${DEFAULT_RULES.citizenInitiative.article}): ${i.matter}`,
    kind: 'decision', category,
    villageIds: commune ? villages.map((v) => v.id) : [i.villageId!],
    scope: commune && communeScopeAllowed('decision', category) ? 'commune' : 'village',
    channels: campaignChannels('decision', category),
  });
  try {
    await atomicWithAudit(deps, [linkCampaign(deps.db, i.id, campaign.id), expectChanged(deps.db, 'initiative.campaign')], [{
      communeId: i.communeId, actor: actor.id, action: 'initiative.campaign', entity: 'initiative', entityId: i.id, data: { campaignId: campaign.id },
    }]);
  } catch (err) {
    if (!isFailedAssertion(err)) throw err;
    throw new AppError('CONFLICT', { vi: 'Sáng kiến này vừa được người khác đưa thành đợt lấy ý kiến.', en: 'Someone else has just turned this initiative into a campaign.' });
  }
  return { initiativeId: i.id, campaignId: campaign.id, slug: campaign.slug };
}

/** The initiative a campaign came from, for its staff page; null when none. */
export async function initiativeOfCampaign(deps: AppDeps, campaignId: string) {
  const i = await findInitiativeByCampaign(deps.db, campaignId);
  return i ? { id: i.id, matter: i.matter } : null;
}


/** The commune's villages, for the initiative forms (id and name). */
export async function initiativeVillages(deps: AppDeps, actor: Actor): Promise<{ id: string; name: string }[]> {
  return (await listVillages(deps.db, communeOf(actor))).map((v) => ({ id: v.id, name: v.name }));
}
