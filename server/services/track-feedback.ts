import type { AppDeps } from './deps';
import { AppError, invalidField } from '../domain/errors';
import { feedbackProgress, holdsPersonalData, phoneTail, retentionEndsOn, type FeedbackItem } from '../domain/feedback';
import type { IsoDate } from '../domain/calendar/iso-date';
import { anonymiseFeedback, findFeedbackByCode, getFeedbackSettings, insertFeedbackEvent } from '../../db/repositories/feedback';
import { findVillage } from '../../db/repositories/villages';
import { findCommune } from '../../db/repositories/communes';
import { listDialogueAnswersFor } from '../../db/repositories/dialogues';
import { atomicWithAudit } from './audit';
import { communeCalendar, vietnamToday } from './commune-calendar';
import { typedCodeHash } from './feedback-codes';
import { parseSerial } from '../domain/serial';

const NO_SUCH_CODE = {
  vi: 'Không tìm thấy ý kiến có mã này. Hãy kiểm tra lại mã in trên phiếu hẹn hoặc trong tin nhắn.',
  en: 'No feedback has this code. Check the code on your slip or in your message.',
};

/** Looking codes up is rate limited per client, as serials and receipts are: a code is a key. */
async function itemByCode(deps: AppDeps, code: string, client: string, bucket: string, limit: number): Promise<FeedbackItem> {
  if (!(await deps.rateLimiter.hit(`${bucket}:${client}`, limit, 10 * 60_000))) throw new AppError('RATE_LIMITED');
  const hash = await typedCodeHash(deps.secret, code);
  const item = hash ? await findFeedbackByCode(deps.db, hash) : null;
  if (!item) throw new AppError('NOT_FOUND', NO_SUCH_CODE);
  return item;
}

/** The code as the sender should read it (11 characters, no separators), or null for a typo. */
export function cleanCode(code: string): string | null {
  const p = parseSerial(code.slice(0, 40));
  return p.ok ? p.serial : null;
}

export interface FeedbackStatusPage {
  code: string;
  communeName: string;
  communeSlug: string;
  status: FeedbackItem['status'];
  receivedOn: IsoDate;
  /** the last day to answer, when the law gives one */
  due: IsoDate | null;
  overdue: boolean;
  answeredOn: IsoDate | null;
  answer: string | null;
  onTime: boolean | null;
  /** answers given at a dialogue conference whose minutes are published */
  dialogues: { dialogueId: string; title: string; heldAt: string; answer: string | null }[];
}

/**
 * What /g/<code> shows: the item's status and the commune's answer, nothing
 * else (not the text, the village, the topic or anything of the sender's), so
 * a code seen over a shoulder gives nothing away.
 */
export async function trackFeedback(deps: AppDeps, code: string, client: string): Promise<FeedbackStatusPage> {
  const item = await itemByCode(deps, code, client, 'feedback-track', 120);
  const [commune, calendar] = await Promise.all([findCommune(deps.db, item.communeId), communeCalendar(deps, item.communeId)]);
  const progress = feedbackProgress(item, calendar, vietnamToday(deps));
  const dialogues = await listDialogueAnswersFor(deps.db, item.id);
  return {
    code: cleanCode(code)!, communeName: commune?.name ?? '', communeSlug: commune?.slug ?? '', status: item.status, receivedOn: item.receivedOn,
    due: progress.due, overdue: progress.overdue, answeredOn: item.answeredOn, answer: item.answer, onTime: progress.onTime,
    dialogues: dialogues.filter((d) => d.status === 'published').map((d) => ({ dialogueId: d.dialogueId, title: d.title, heldAt: d.heldAt, answer: d.answer })),
  };
}

const WRONG_TAIL = {
  vi: 'Bốn số cuối điện thoại không khớp với số đã gửi kèm ý kiến.',
  en: 'The last four digits do not match the phone sent with this item.',
};

/** The sender proves the item is theirs: the code, and the last four digits of the phone if they gave one. */
async function sendersItem(deps: AppDeps, code: string, tail: string | undefined, client: string): Promise<FeedbackItem> {
  const item = await itemByCode(deps, code, client, 'feedback-data', 20);
  if (item.phone !== null && (tail ?? '').replace(/\D/g, '') !== phoneTail(item.phone)) throw invalidField('phoneTail', WRONG_TAIL);
  return item;
}

export interface SenderData {
  code: string;
  kind: FeedbackItem['kind'];
  channel: FeedbackItem['channel'];
  villageName: string | null;
  topic: string;
  text: string;
  name: string | null;
  phone: string | null;
  hasPhoto: boolean;
  receivedOn: IsoDate;
  /** the last day the name, phone and photo are kept (null until answered) */
  keptUntil: IsoDate | null;
  anonymisedAt: string | null;
  retentionDays: number;
}

/**
 * What the commune holds that the sender gave (their right to know, NĐ 13/2023
 * Đ9; Luật 91/2025/QH15): their words, the village and topic they chose, their
 * name, phone and whether a photo is kept, and until when. Nothing staff added.
 */
export async function senderData(deps: AppDeps, code: string, tail: string | undefined, client: string): Promise<SenderData> {
  const item = await sendersItem(deps, code, tail, client);
  const [village, settings] = await Promise.all([
    item.villageId ? findVillage(deps.db, item.communeId, item.villageId) : null, getFeedbackSettings(deps.db, item.communeId),
  ]);
  return {
    code: cleanCode(code)!, kind: item.kind, channel: item.channel, villageName: village?.name ?? null, topic: item.topic, text: item.text,
    name: item.name, phone: item.phone, hasPhoto: item.photo !== null, receivedOn: item.receivedOn,
    keptUntil: retentionEndsOn(item, settings.retentionDays), anonymisedAt: item.anonymisedAt, retentionDays: settings.retentionDays,
  };
}

/**
 * The sender withdraws their contact (NĐ 13/2023 Đ9, Đ12: consent may be
 * withdrawn): name, phone and photo are cleared at once, as the retention job
 * would. The item itself stays, and can still be followed by its code.
 */
export async function eraseSenderContact(deps: AppDeps, code: string, tail: string | undefined, client: string): Promise<{ erased: boolean }> {
  const item = await sendersItem(deps, code, tail, client);
  if (!holdsPersonalData(item)) return { erased: false };
  const at = deps.clock().toISOString();
  await atomicWithAudit(
    deps,
    [
      anonymiseFeedback(deps.db, item.id, at),
      insertFeedbackEvent(deps.db, { id: deps.newId(), feedbackId: item.id, at, actor: 'public', action: 'erase_contact', data: {} }),
    ],
    [{ communeId: item.communeId, actor: 'public', action: 'feedback.erase_contact', entity: 'feedback', entityId: item.id, data: { by: 'sender' } }],
  );
  if (item.photo) await deps.blobs.delete(item.photo.key);
  return { erased: true };
}
