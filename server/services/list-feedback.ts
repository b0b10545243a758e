import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import {
  feedbackProgress, handlesFeedback, listsFeedback, mayAnswerFeedback, retentionEndsOn,
  type FeedbackItem, type FeedbackProgress,
} from '../domain/feedback';
import type { IsoDate } from '../domain/calendar/iso-date';
import { assignableOfficers, findFeedback, getFeedbackSettings, listFeedbackEvents, listFeedbackItems, type FeedbackFilter } from '../../db/repositories/feedback';
import { findCommune } from '../../db/repositories/communes';
import { listVillages } from '../../db/repositories/villages';
import { userNames } from '../../db/repositories/tallies';
import { communeOfActor, inActorVillages, requireCommune } from './guards';
import { communeCalendar, vietnamToday } from './commune-calendar';
import { feedbackCode } from './feedback-codes';

/** The sender's contact, for those who handle the item only. */
export interface FeedbackContact {
  name: string | null;
  phone: string | null;
  photoUrl: string | null;
}

/** An item as staff see it: everything but the contact, which only its handlers get. */
export interface FeedbackView extends Omit<FeedbackItem, 'name' | 'phone' | 'photo' | 'consentAt'> {
  villageName: string | null;
  officerName: string | null;
  /** the actor handles it: sees the contact and the tracking code */
  handles: boolean;
  mayAnswer: boolean;
  contact: FeedbackContact | null;
  /** whether the sender gave contact (shown to everyone as a yes/no, so nobody calls twice) */
  hasContact: boolean;
  progress: FeedbackProgress;
  /** the last day the contact is kept, once answered */
  retentionEndsOn: IsoDate | null;
}

export const feedbackPhotoUrl = (id: string) => `/staff/feedback/${encodeURIComponent(id)}/photo`;

async function viewer(deps: AppDeps, communeId: string) {
  const [villages, calendar, settings] = await Promise.all([listVillages(deps.db, communeId), communeCalendar(deps, communeId), getFeedbackSettings(deps.db, communeId)]);
  const names = new Map(villages.map((v) => [v.id, v.name]));
  const today = vietnamToday(deps);
  return (actor: Actor, item: FeedbackItem, officers: Map<string, string>): FeedbackView => {
    const handles = handlesFeedback(actor, item);
    const { name, phone, photo, consentAt: _consent, ...rest } = item;
    return {
      ...rest,
      villageName: item.villageId ? names.get(item.villageId) ?? null : null,
      officerName: item.officerId ? officers.get(item.officerId) ?? null : null,
      handles,
      mayAnswer: mayAnswerFeedback(actor, item),
      hasContact: name !== null || phone !== null,
      contact: handles && (name !== null || phone !== null || photo !== null)
        ? { name, phone, photoUrl: photo ? feedbackPhotoUrl(item.id) : null }
        : null,
      progress: feedbackProgress(item, calendar, today),
      retentionEndsOn: retentionEndsOn(item, settings.retentionDays),
    };
  };
}

export interface FeedbackListFilter extends FeedbackFilter {
  /** only items past their deadline and unanswered */
  overdue?: boolean;
}

/**
 * The commune's items the actor may list (the office and the Ban TTND all;
 * a village head those they entered), newest first, with each one's deadline.
 */
export async function listFeedback(deps: AppDeps, actor: Actor, filter: FeedbackListFilter = {}): Promise<FeedbackView[]> {
  const communeId = communeOfActor(actor);
  const items = (await listFeedbackItems(deps.db, communeId, actor.role === 'village_head' ? { ...filter, receivedBy: actor.id } : filter))
    .filter((i) => listsFeedback(actor, i));
  const [view, officers] = await Promise.all([viewer(deps, communeId), userNames(deps.db, [...new Set(items.flatMap((i) => (i.officerId ? [i.officerId] : [])))])]);
  const views = items.map((i) => view(actor, i, officers));
  return filter.overdue ? views.filter((v) => v.progress.overdue) : views;
}

/** One item of the actor's commune the actor may list, or 404. */
export async function feedbackOf(deps: AppDeps, actor: Actor, id: string): Promise<FeedbackItem> {
  const item = await findFeedback(deps.db, id);
  if (!item) throw new AppError('NOT_FOUND');
  requireCommune(actor, item.communeId);
  if (!listsFeedback(actor, item)) throw actor.communeId === item.communeId ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND');
  return item;
}

/** One item with its history and, for its handlers, the contact and the tracking code. */
export async function feedbackDetail(deps: AppDeps, actor: Actor, id: string) {
  const item = await feedbackOf(deps, actor, id);
  const events = await listFeedbackEvents(deps.db, id);
  const people = await userNames(deps.db, [...new Set([...events.map((e) => e.actor), ...(item.officerId ? [item.officerId] : [])])]);
  const view = (await viewer(deps, item.communeId))(actor, item, people);
  return {
    item: view,
    code: view.handles ? await feedbackCode(deps.secret, item.id) : null,
    events: events.map((e) => ({ ...e, actorName: people.get(e.actor) ?? (e.actor === 'public' ? null : e.actor) })),
  };
}

/** The photo a sender attached, for the item's handlers only. */
export async function feedbackPhoto(deps: AppDeps, actor: Actor, id: string) {
  const item = await feedbackOf(deps, actor, id);
  if (!handlesFeedback(actor, item)) throw new AppError('FORBIDDEN');
  if (!item.photo) throw new AppError('NOT_FOUND');
  const blob = await deps.blobs.get(item.photo.key);
  if (!blob) throw new AppError('NOT_FOUND');
  return { id: item.id, mime: item.photo.mime, bytes: blob.bytes };
}

/** What the staff forms offer: the commune's villages (a village head: their own), topics, departments and officers. */
export async function feedbackFormOptions(deps: AppDeps, actor: Actor) {
  const communeId = communeOfActor(actor);
  const [villages, settings, officers, commune] = await Promise.all([
    listVillages(deps.db, communeId), getFeedbackSettings(deps.db, communeId), assignableOfficers(deps.db, communeId), findCommune(deps.db, communeId),
  ]);
  return {
    commune: commune!,
    villages: inActorVillages(actor, villages, (v) => v.id).map((v) => ({ id: v.id, name: v.name, code: v.code })),
    topics: settings.topics,
    departments: settings.departments,
    officers: officers.map((o) => ({ id: o.id, name: o.displayName || o.username })),
    settings,
  };
}

/**
 * The staff home's feedback box: unanswered items past their deadline, those
 * due within the next `days` days, and how many are still unanswered.
 */
export async function feedbackDueSoon(deps: AppDeps, actor: Actor, days = 7) {
  if (!actor.communeId) return { overdue: [], soon: [], open: 0 };
  const open = (await listFeedback(deps, actor)).filter((v) => v.status !== 'answered');
  return {
    overdue: open.filter((v) => v.progress.overdue).sort((a, b) => (a.progress.due ?? '').localeCompare(b.progress.due ?? '')),
    soon: open.filter((v) => !v.progress.overdue && v.progress.daysLeft !== null && v.progress.daysLeft <= days)
      .sort((a, b) => (a.progress.due ?? '').localeCompare(b.progress.due ?? '')),
    open: open.length,
  };
}
