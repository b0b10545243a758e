// Feedback from people (góp ý, phản ánh, kiến nghị; Đ26 d, Đ35 k2 a Luật
// 10/2022/QH15): what an item is, which deadline the law gives it, who may see
// the sender's contact, and when that contact must go. Pure: the services
// bring the item, the actor and the commune's calendar.
import type { Actor } from './actor';
import type { IsoDate } from './calendar/iso-date';
import { addDays, daysBetween } from './calendar/iso-date';
import type { WorkingCalendar } from './calendar/working-calendar';
import { dueDate, type DeadlineId } from './deadlines';
import { DEFAULT_RULES, type LegalRules } from './legal-rules';
import { fold } from './text';

export const FEEDBACK_KINDS = ['gop_y', 'phan_anh', 'kien_nghi'] as const;
/** góp ý (an opinion), phản ánh (a report of something wrong), kiến nghị (a request the commune must answer) */
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_CHANNELS = ['online', 'paper', 'meeting', 'counter'] as const;
/** online: the QR form; paper: the letter box; meeting: said at a village meeting; counter: at the one-stop counter */
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

export const FEEDBACK_STATUSES = ['received', 'assigned', 'answered'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_ASSIGNEES = ['department', 'officer', 'inspection_board'] as const;
/** a department of the commune office, one officer, or the Ban Thanh tra nhân dân for matters it supervises (Đ39) */
export type FeedbackAssignee = (typeof FEEDBACK_ASSIGNEES)[number];

/**
 * The deadline each kind answers to. A kiến nghị is answered within the time
 * the law gives the commune for recommendations (legal-rules.ts
 * deadlines.recommendationAnswer, Đ40, Đ45); the law sets none for góp ý and
 * phản ánh, so they have no due date (docs/personal-data.md §Deadlines).
 */
const DEADLINE_OF: Partial<Record<FeedbackKind, DeadlineId>> = { kien_nghi: 'recommendationAnswer' };

export interface FeedbackPhoto {
  key: string;
  mime: string;
}

export interface FeedbackItem {
  id: string;
  communeId: string;
  kind: FeedbackKind;
  channel: FeedbackChannel;
  villageId: string | null;
  topic: string;
  text: string;
  /** the sender's personal data: null when not given or once anonymised */
  name: string | null;
  phone: string | null;
  consentAt: string | null;
  photo: FeedbackPhoto | null;
  receivedAt: string;
  /** the day it reached the commune (Vietnam date): deadlines count from it */
  receivedOn: IsoDate;
  /** the officer or village head who entered a paper item; null online */
  receivedBy: string | null;
  status: FeedbackStatus;
  assignee: FeedbackAssignee | null;
  department: string | null;
  officerId: string | null;
  assignedAt: string | null;
  assignedBy: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredOn: IsoDate | null;
  answeredBy: string | null;
  answerPublic: boolean;
  /** the question as published, written by staff without the sender's details */
  publicSummary: string | null;
  publishedAt: string | null;
  anonymisedAt: string | null;
  version: number;
}

// ---- Deadlines ----

export interface FeedbackProgress {
  /** the last lawful day to answer, or null when the law gives none */
  due: IsoDate | null;
  /** not answered and the last day has passed */
  overdue: boolean;
  /** answered by the last day; null while unanswered or without a deadline */
  onTime: boolean | null;
  /** calendar days from today to the last day (negative once past); null without a deadline or once answered */
  daysLeft: number | null;
  article: string | null;
}

export function feedbackDue(item: Pick<FeedbackItem, 'kind' | 'receivedOn'>, calendar: WorkingCalendar, rules: LegalRules = DEFAULT_RULES): IsoDate | null {
  const rule = DEADLINE_OF[item.kind];
  return rule ? dueDate(rule, item.receivedOn, calendar, rules) : null;
}

export function feedbackProgress(
  item: Pick<FeedbackItem, 'kind' | 'receivedOn' | 'status' | 'answeredOn'>,
  calendar: WorkingCalendar,
  today: IsoDate,
  rules: LegalRules = DEFAULT_RULES,
): FeedbackProgress {
  const rule = DEADLINE_OF[item.kind];
  const due = feedbackDue(item, calendar, rules);
  const answered = item.status === 'answered' && item.answeredOn !== null;
  return {
    due,
    overdue: !answered && due !== null && today > due,
    onTime: answered && due !== null ? item.answeredOn! <= due : null,
    daysLeft: !answered && due !== null ? daysBetween(today, due) : null,
    article: rule ? rules.deadlines[rule].article : null,
  };
}

// ---- Who sees the sender's contact ----

/**
 * Whether the actor handles the item, and so may see the sender's name,
 * phone and photo (NĐ 13/2023: processed only for the purpose given, by
 * those who need it). The person who took a paper item in; while it is not
 * assigned to someone in particular (new, or to a department with no named
 * officer), the commune office that receives it; once assigned, only that
 * officer, or the Ban Thanh tra nhân dân for an item given to it.
 */
export function handlesFeedback(actor: Actor, item: Pick<FeedbackItem, 'communeId' | 'receivedBy' | 'assignee' | 'officerId'>): boolean {
  if (actor.communeId !== item.communeId) return false;
  if (item.receivedBy !== null && actor.id === item.receivedBy) return true;
  if (item.officerId !== null) return actor.id === item.officerId;
  if (item.assignee === 'inspection_board') return actor.role === 'inspector';
  return actor.role === 'admin' || actor.role === 'staff';
}

/** Office staff answer any item of their commune; the Ban TTND the items given to it. */
export function mayAnswerFeedback(actor: Actor, item: Pick<FeedbackItem, 'communeId' | 'assignee'>): boolean {
  if (actor.communeId !== item.communeId) return false;
  if (actor.role === 'admin' || actor.role === 'staff') return true;
  return actor.role === 'inspector' && item.assignee === 'inspection_board';
}

/** Which items an actor lists: the office and the Ban TTND every item; a village head the items they entered. */
export function listsFeedback(actor: Actor, item: Pick<FeedbackItem, 'communeId' | 'receivedBy'>): boolean {
  if (actor.communeId !== item.communeId) return false;
  if (actor.role === 'village_head') return item.receivedBy === actor.id;
  return actor.role === 'admin' || actor.role === 'staff' || actor.role === 'inspector';
}

// ---- Personal data kept, and for how long ----

export const RETENTION_DAYS = { min: 30, max: 3650, default: 365 } as const;

export function holdsPersonalData(item: Pick<FeedbackItem, 'name' | 'phone' | 'photo'>): boolean {
  return item.name !== null || item.phone !== null || item.photo !== null;
}

/**
 * The last day the sender's contact is kept: `days` after the answer. An item
 * not answered yet keeps it (the commune still owes the answer).
 */
export function retentionEndsOn(item: Pick<FeedbackItem, 'status' | 'answeredOn'>, days: number): IsoDate | null {
  return item.status === 'answered' && item.answeredOn ? addDays(item.answeredOn, days) : null;
}

/** Whether the retention job must clear the item's personal data on `today`. */
export function dueForAnonymising(item: Pick<FeedbackItem, 'status' | 'answeredOn' | 'name' | 'phone' | 'photo'>, days: number, today: IsoDate): boolean {
  const ends = retentionEndsOn(item, days);
  return ends !== null && today > ends && holdsPersonalData(item);
}

// ---- What people type ----

/**
 * A Vietnamese phone number as typed ("0912 345 678", "+84 912.345.678") in
 * one form, or null when it cannot be one: 0 or +84, then 8 to 10 digits.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.normalize('NFKC').replace(/[\s.\-()]/g, '');
  if (!/^(\+84|84|0)\d{8,10}$/.test(compact)) return null;
  return compact.startsWith('+84') ? compact : compact.startsWith('84') && compact.length >= 11 ? `+${compact}` : compact;
}

/** The last digits a sender types to prove the phone is theirs. */
export function phoneTail(phone: string, digits = 4): string {
  return phone.replace(/\D/g, '').slice(-digits);
}

/** The commune's own spelling of a topic typed in any case or without diacritics, else the text as given. */
export function matchTopic(input: string, topics: readonly string[]): string {
  const wanted = fold(input);
  return topics.find((t) => fold(t) === wanted) ?? input;
}

// ---- The commune's settings ----

export interface FeedbackSettings {
  topics: string[];
  departments: string[];
  retentionDays: number;
  retentionRanAt: string | null;
  retentionLastCount: number | null;
}

/** What a commune starts with until its admin saves its own lists. */
export const DEFAULT_FEEDBACK_SETTINGS: FeedbackSettings = {
  topics: [
    'Đất đai, xây dựng', 'Giao thông, thủy lợi', 'Môi trường, vệ sinh', 'An ninh, trật tự', 'Y tế, giáo dục',
    'Chính sách xã hội', 'Thủ tục hành chính', 'Thái độ cán bộ', 'Khác',
  ],
  departments: ['Văn phòng HĐND và UBND', 'Phòng Kinh tế', 'Phòng Văn hóa – Xã hội', 'Trung tâm Phục vụ hành chính công', 'Công an xã'],
  retentionDays: RETENTION_DAYS.default,
  retentionRanAt: null,
  retentionLastCount: null,
};

/** The topic everything outside the commune's list is counted under on public pages. */
export const OTHER_TOPIC = 'Khác';
