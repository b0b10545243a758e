import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import type { Campaign } from '../domain/campaign';
import { answeredByLink } from '../domain/campaign';
import { AppError, invalidField } from '../domain/errors';
import { asVietnamDate, addDays, isIsoDate, type IsoDate } from '../domain/calendar/iso-date';
import {
  loudspeakerText, outreachKinds, villageOutreach, villageReached, zaloText,
  type OutreachKind, type OutreachProgress, type OutreachRecord,
} from '../domain/outreach';
import { cleanText } from '../domain/text';
import { ConstraintViolation } from '../runtime/types';
import { findCommune } from '../../db/repositories/communes';
import { listCampaignVillages } from '../../db/repositories/campaigns';
import { listVillagesWithCounts } from '../../db/repositories/villages';
import { findOutreachPhoto, insertOutreach, listOutreach } from '../../db/repositories/outreach';
import { atomicWithAudit } from './audit';
import { campaignOf, inActorVillages, requireCommune, requireVillage } from './guards';
import { communeCalendar, vietnamToday } from './commune-calendar';
import { checkUploadedPhoto } from './uploaded-photo';

/** The day a campaign reaches people: its opening (done or planned), as a Vietnam date. */
export function opensOn(c: Pick<Campaign, 'openedAt' | 'opensAt'>): IsoDate | null {
  const at = c.openedAt ?? c.opensAt;
  return at ? asVietnamDate(at) : null;
}

/** Where a villager takes part: the survey's own link, else the commune's portal of open campaigns. */
export function campaignUrl(origin: string, communeSlug: string, c: Pick<Campaign, 'kind' | 'channels' | 'slug' | 'status'>): string {
  if (c.status === 'published') return `${origin}/r/${c.slug}`;
  return answeredByLink(c) ? `${origin}/s/${c.slug}` : `${origin}/x/${communeSlug}`;
}

export interface VillageOutreach {
  villageId: string;
  code: string;
  name: string;
  households: number;
  progress: OutreachProgress[];
  reached: boolean;
  loudspeaker: string;
  zalo: string;
}

export const outreachPhotoUrl = (id: string) => `/staff/outreach-photos/${encodeURIComponent(id)}`;

/**
 * Per village of the campaign (a village head: their own), what was done to
 * reach every household and when, against the deadlines, with the words for
 * the loudspeaker and the Zalo group written from the campaign.
 */
export async function campaignOutreach(deps: AppDeps, actor: Actor, campaignId: string, origin: string) {
  const c = await campaignOf(deps, actor, campaignId);
  const [commune, villages, live, records, calendar] = await Promise.all([
    findCommune(deps.db, c.communeId), listCampaignVillages(deps.db, c.id), listVillagesWithCounts(deps.db, c.communeId),
    listOutreach(deps.db, [c.id]), communeCalendar(deps, c.communeId),
  ]);
  const counts = new Map(live.map((v) => [v.id, v.households]));
  const today = vietnamToday(deps);
  const facts = { kind: c.kind, category: c.category, channels: c.channels, opensOn: opensOn(c) };
  const url = campaignUrl(origin, commune?.slug ?? '', c);
  const base = {
    communeName: commune?.name ?? '', title: c.title, description: c.description, kind: c.kind, channels: c.channels,
    opensOn: facts.opensOn, closesOn: c.closesAt ? asVietnamDate(c.closesAt) : null, url,
  };
  const rows: VillageOutreach[] = inActorVillages(actor, villages, (v) => v.villageId).map((v) => {
    const progress = villageOutreach(facts, records.filter((r) => r.villageId === v.villageId), { calendar, today });
    return {
      villageId: v.villageId, code: v.code, name: v.name, households: v.households ?? counts.get(v.villageId) ?? 0, progress,
      reached: villageReached(progress), loudspeaker: loudspeakerText({ ...base, villageName: v.name }), zalo: zaloText({ ...base, villageName: v.name }),
    };
  });
  return {
    campaign: { id: c.id, title: c.title, kind: c.kind, status: c.status, channels: c.channels, opensOn: facts.opensOn },
    kinds: outreachKinds(c),
    url,
    villages: rows,
    today,
  };
}

export interface OutreachInput {
  villageId: string;
  kind: OutreachKind;
  doneOn: string;
  households?: number | null;
  note?: string;
  photo?: Uint8Array | null;
}

/**
 * Records one act of outreach in a village: a notice posted (with a photo of
 * it), one day the loudspeaker ran, the Zalo message sent, the invitations
 * handed out. Staff, or the village head for their own village.
 */
export async function recordOutreach(deps: AppDeps, actor: Actor, campaignId: string, input: OutreachInput): Promise<OutreachRecord> {
  if (!['admin', 'staff', 'village_head'].includes(actor.role)) throw new AppError('FORBIDDEN');
  const c = await campaignOf(deps, actor, campaignId);
  requireVillage(actor, input.villageId, { vi: 'Trưởng thôn chỉ ghi việc của thôn mình.', en: 'A village head records only their own village’s outreach.' });
  const village = (await listCampaignVillages(deps.db, c.id)).find((v) => v.villageId === input.villageId);
  if (!village) throw invalidField('villageId', { vi: 'Thôn này không thuộc đợt lấy ý kiến.', en: 'This village is not part of the campaign.' });
  if (!outreachKinds(c).includes(input.kind)) {
    throw invalidField('kind', { vi: 'Đợt này không họp cộng đồng dân cư nên không có giấy mời (Mẫu 01).', en: 'This campaign has no meeting, so no invitations (Mẫu 01).' });
  }
  const today = vietnamToday(deps);
  const earliest = addDays(asVietnamDate(c.createdAt), -90);
  if (!isIsoDate(input.doneOn) || input.doneOn > today || input.doneOn < earliest) {
    throw invalidField('doneOn', { vi: 'Ngày thực hiện phải là một ngày có thật, không sau hôm nay.', en: 'The day must be a real date, not after today.' });
  }
  let households: number | null = null;
  if (input.kind === 'invitation') {
    const limit = village.households ?? (await listVillagesWithCounts(deps.db, c.communeId)).find((v) => v.id === village.villageId)?.households ?? 0;
    households = input.households ?? null;
    if (households === null || !Number.isInteger(households) || households < 0 || households > limit) {
      throw invalidField('households', {
        vi: `Số hộ đã nhận giấy mời phải là số nguyên từ 0 đến ${limit} (số hộ của thôn).`,
        en: `Households that got an invitation must be a whole number from 0 to ${limit} (the village's households).`,
      });
    }
  }
  const photo = input.kind === 'notice' && input.photo && input.photo.byteLength > 0 ? checkUploadedPhoto(input.photo) : null;
  const id = deps.newId();
  const record: OutreachRecord = {
    id, campaignId: c.id, villageId: village.villageId, kind: input.kind, doneOn: input.doneOn, households, note: cleanText(input.note ?? '').slice(0, 500),
    photo: photo ? { key: `outreach-photos/${id}`, mime: photo.mime } : null, recordedBy: actor.id, recordedAt: deps.clock().toISOString(),
  };
  if (photo && record.photo) await deps.blobs.put(record.photo.key, photo.bytes, photo.mime);
  try {
    await atomicWithAudit(deps, [insertOutreach(deps.db, record)], [{
      communeId: c.communeId, actor: actor.id, action: 'outreach.record', entity: 'campaign', entityId: c.id,
      data: { recordId: id, villageId: record.villageId, kind: record.kind, doneOn: record.doneOn, households, photo: photo !== null },
    }]);
  } catch (err) {
    if (err instanceof ConstraintViolation && err.kind === 'unique') {
      throw new AppError('CONFLICT', { vi: 'Việc này đã được ghi cho thôn vào ngày đó.', en: 'This is already recorded for the village on that day.' }, [
        { path: 'doneOn', message: { vi: 'Đã ghi ngày này rồi.', en: 'Already recorded for this day.' } },
      ]);
    }
    throw err;
  }
  return record;
}

/** A notice's photo, for those who may see the village's records. */
export async function readOutreachPhoto(deps: AppDeps, actor: Actor, recordId: string) {
  const r = await findOutreachPhoto(deps.db, recordId);
  if (!r || !r.key || !r.mime) throw new AppError('NOT_FOUND');
  requireCommune(actor, r.communeId);
  requireVillage(actor, r.villageId);
  const blob = await deps.blobs.get(r.key);
  if (!blob) throw new AppError('NOT_FOUND');
  return { id: r.id, mime: r.mime, bytes: blob.bytes };
}
