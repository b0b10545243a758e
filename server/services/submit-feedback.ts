import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, invalidField, type ErrorDetail } from '../domain/errors';
import { matchTopic, normalizePhone, type FeedbackChannel, type FeedbackItem, type FeedbackKind } from '../domain/feedback';
import { addDays, isIsoDate, type IsoDate } from '../domain/calendar/iso-date';
import { cleanParagraphs, cleanText } from '../domain/text';
import { listCommunes, type Commune } from '../../db/repositories/communes';
import { findVillage, findVillageById } from '../../db/repositories/villages';
import { findFeedbackByIdempotency, getFeedbackSettings, insertFeedback, insertFeedbackEvent } from '../../db/repositories/feedback';
import { hmacHex } from '../runtime/crypto';
import { ConstraintViolation } from '../runtime/types';
import { atomicWithAudit } from './audit';
import { communeOfActor, requireVillage } from './guards';
import { feedbackCode, feedbackCodeHash } from './feedback-codes';
import { checkUploadedPhoto } from './uploaded-photo';
import { vietnamToday } from './commune-calendar';

/** What a sender (or the officer copying a letter) gives. */
export interface FeedbackFields {
  kind?: FeedbackKind;
  villageId?: string | null;
  topic?: string;
  text: string;
  name?: string;
  phone?: string;
  /** the sender agreed that the commune uses the name and phone only to answer them */
  consent: boolean;
  photo?: Uint8Array | null;
  /** the same key sent again (a retry, a second tap) answers the first item instead of making a second */
  idempotencyKey?: string;
}

export interface FeedbackReceipt {
  id: string;
  /** the tracking code for /g/<code> */
  code: string;
}

const TEXT_MAX = 5000;
const PAPER_BACKDATE_DAYS = 366;

/** Online feedback per client: a letter box, not a way to flood the commune's desk. */
const ONLINE_PER_WINDOW = 30;
const ONLINE_WINDOW_MS = 10 * 60_000;

const CONSENT = {
  vi: 'Hãy đánh dấu ô đồng ý để xã dùng họ tên, số điện thoại trả lời bạn, hoặc để trống hai ô đó.',
  en: 'Tick the consent box so the commune may use your name and phone to answer you, or leave both empty.',
};

/** Checks and cleans the fields; every problem is named, nothing is stored when one is found. */
async function cleanFields(deps: AppDeps, communeId: string, f: FeedbackFields) {
  const problems: ErrorDetail[] = [];
  const text = cleanParagraphs(f.text ?? '');
  if (!text) problems.push({ path: 'text', message: { vi: 'Hãy viết nội dung góp ý, phản ánh hoặc kiến nghị.', en: 'Write what you want to say.' } });
  if (text.length > TEXT_MAX) problems.push({ path: 'text', message: { vi: `Nội dung dài quá ${TEXT_MAX} ký tự.`, en: `The text is longer than ${TEXT_MAX} characters.` } });
  const name = f.name ? cleanText(f.name) || null : null;
  if (name && name.length > 100) problems.push({ path: 'name', message: { vi: 'Họ tên dài quá 100 ký tự.', en: 'The name is longer than 100 characters.' } });
  let phone: string | null = null;
  if (f.phone && f.phone.trim()) {
    phone = normalizePhone(f.phone);
    if (!phone) problems.push({ path: 'phone', message: { vi: 'Số điện thoại chưa đúng: bắt đầu bằng 0 hoặc +84, gồm 9–11 chữ số.', en: 'The phone number is not valid: it starts with 0 or +84 and has 9–11 digits.' } });
  }
  if ((name || phone) && !f.consent) problems.push({ path: 'consent', message: CONSENT });
  let villageId: string | null = null;
  if (f.villageId) {
    const village = await findVillage(deps.db, communeId, f.villageId);
    if (!village) problems.push({ path: 'villageId', message: { vi: 'Thôn này không thuộc xã; hãy chọn trong danh sách.', en: 'This village is not in the commune; choose one from the list.' } });
    else villageId = village.id;
  }
  const settings = await getFeedbackSettings(deps.db, communeId);
  const topic = f.topic ? matchTopic(cleanText(f.topic), settings.topics) : '';
  if (topic.length > 100) problems.push({ path: 'topic', message: { vi: 'Lĩnh vực dài quá 100 ký tự.', en: 'The topic is longer than 100 characters.' } });
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  // The photo last: its bytes are read only once everything else is fine.
  const photo = f.photo && f.photo.byteLength > 0 ? checkUploadedPhoto(f.photo) : null;
  return { text, name, phone, villageId, topic, photo };
}

/** The item an earlier submission with the same key made, if any. */
async function retried(deps: AppDeps, idempotencyHash: string | null): Promise<FeedbackReceipt | null> {
  const earlier = idempotencyHash ? await findFeedbackByIdempotency(deps.db, idempotencyHash) : null;
  return earlier ? { id: earlier.id, code: await feedbackCode(deps.secret, earlier.id) } : null;
}

async function store(
  deps: AppDeps, communeId: string, actor: Actor | null, channel: FeedbackChannel, receivedOn: IsoDate, f: FeedbackFields,
): Promise<FeedbackReceipt> {
  const key = f.idempotencyKey?.trim().slice(0, 200);
  const idempotencyHash = key ? await hmacHex(deps.secret, `feedback-idem|${communeId}|${key}`) : null;
  const again = await retried(deps, idempotencyHash);
  if (again) return again;
  const clean = await cleanFields(deps, communeId, f);
  const id = deps.newId();
  const now = deps.clock().toISOString();
  const code = await feedbackCode(deps.secret, id);
  let photo: FeedbackItem['photo'] = null;
  if (clean.photo) {
    // one blob per item, so clearing one item's photo never touches another's
    photo = { key: `feedback-photos/${id}`, mime: clean.photo.mime };
    await deps.blobs.put(photo.key, clean.photo.bytes, photo.mime);
  }
  const contact = clean.name !== null || clean.phone !== null;
  const item: FeedbackItem = {
    id, communeId, kind: f.kind ?? 'gop_y', channel, villageId: clean.villageId, topic: clean.topic, text: clean.text,
    name: clean.name, phone: clean.phone, consentAt: contact ? now : null, photo, receivedAt: now, receivedOn, receivedBy: actor?.id ?? null,
    status: 'received', assignee: null, department: null, officerId: null, assignedAt: null, assignedBy: null, answer: null,
    answeredAt: null, answeredOn: null, answeredBy: null, answerPublic: false, publicSummary: null, publishedAt: null, anonymisedAt: null, version: 1,
  };
  // The audit log is kept for good: it says that contact was given, never what it was.
  const facts = { kind: item.kind, channel, villageId: item.villageId, topic: item.topic, receivedOn, contact, photo: photo !== null };
  try {
    await atomicWithAudit(
      deps,
      [
        insertFeedback(deps.db, item, await feedbackCodeHash(deps.secret, code), idempotencyHash),
        insertFeedbackEvent(deps.db, { id: deps.newId(), feedbackId: id, at: now, actor: actor?.id ?? 'public', action: 'received', data: facts }),
      ],
      [{ communeId, actor: actor?.id ?? 'public', action: 'feedback.receive', entity: 'feedback', entityId: id, data: facts }],
    );
  } catch (err) {
    // the same form sent twice at once: the first one stands
    const first = err instanceof ConstraintViolation && err.kind === 'unique' ? await retried(deps, idempotencyHash) : null;
    if (photo) await deps.blobs.delete(photo.key);
    if (first) return first;
    throw err;
  }
  return { id, code };
}

/** The commune a public sender writes to: named by its slug, by the village chosen, or the deployment's only one. */
async function communeFor(deps: AppDeps, slug: string | undefined, villageId: string | null | undefined): Promise<Commune> {
  const communes = await listCommunes(deps.db);
  if (slug) {
    const c = communes.find((x) => x.slug === slug);
    if (!c) throw new AppError('NOT_FOUND');
    return c;
  }
  if (villageId) {
    const v = await findVillageById(deps.db, villageId);
    const c = v ? communes.find((x) => x.id === v.communeId) : undefined;
    if (!c) throw invalidField('villageId', { vi: 'Không có thôn này; hãy chọn trong danh sách.', en: 'No such village; choose one from the list.' });
    return c;
  }
  if (communes.length === 1) return communes[0]!;
  throw invalidField('villageId', {
    vi: 'Hệ thống phục vụ nhiều xã: hãy chọn thôn (villageId) hoặc xã (commune).',
    en: 'This server serves several communes: name the village (villageId) or the commune.',
  });
}

/** Feedback sent by anyone through the QR form or the API: received today, tracked by its code. */
export async function submitOnlineFeedback(
  deps: AppDeps, input: FeedbackFields & { communeSlug?: string; client: string },
): Promise<FeedbackReceipt & { communeId: string }> {
  if (!(await deps.rateLimiter.hit(`feedback:${input.client}`, ONLINE_PER_WINDOW, ONLINE_WINDOW_MS))) throw new AppError('RATE_LIMITED');
  const commune = await communeFor(deps, input.communeSlug, input.villageId);
  const receipt = await store(deps, commune.id, null, 'online', vietnamToday(deps), input);
  return { ...receipt, communeId: commune.id };
}

/**
 * A letter from the box, something said at a village meeting or at the
 * counter, entered by an officer or the village head (their own village
 * only). It goes the same way as online feedback, from the day it was received.
 */
export async function enterFeedback(
  deps: AppDeps, actor: Actor, input: FeedbackFields & { channel: Exclude<FeedbackChannel, 'online'>; receivedOn?: string },
): Promise<FeedbackReceipt> {
  const communeId = communeOfActor(actor);
  if (!['admin', 'staff', 'village_head'].includes(actor.role)) throw new AppError('FORBIDDEN');
  const villageId = input.villageId || (actor.role === 'village_head' ? actor.villageId : null);
  if (villageId) requireVillage(actor, villageId, { vi: 'Trưởng thôn chỉ nhập ý kiến của thôn mình.', en: 'A village head enters only their own village’s feedback.' });
  const today = vietnamToday(deps);
  const receivedOn = input.receivedOn || today;
  if (!isIsoDate(receivedOn) || receivedOn > today || receivedOn < addDays(today, -PAPER_BACKDATE_DAYS)) {
    throw invalidField('receivedOn', {
      vi: 'Ngày nhận phải là một ngày có thật, không sau hôm nay và không quá một năm trước.',
      en: 'The day received must be a real date, not after today and within the past year.',
    });
  }
  return store(deps, communeId, actor, input.channel, receivedOn, { ...input, villageId });
}
