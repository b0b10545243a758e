import type { AppDeps } from './deps';
import { AppError } from '../domain/errors';
import { feedbackProgress, OTHER_TOPIC, FEEDBACK_KINDS, type FeedbackKind } from '../domain/feedback';
import type { IsoDate } from '../domain/calendar/iso-date';
import { listCommunes, type Commune } from '../../db/repositories/communes';
import { feedbackFacts, getFeedbackSettings, publishedFeedback } from '../../db/repositories/feedback';
import { listVillages } from '../../db/repositories/villages';
import { communeCalendar, vietnamToday } from './commune-calendar';
import { publishedDialogues } from './manage-dialogues';
import { DEFAULT_RULES } from '../domain/legal-rules';
import { sortVi } from '../domain/text';

export async function communeBySlug(deps: AppDeps, slug: string): Promise<Commune> {
  const commune = (await listCommunes(deps.db)).find((c) => c.slug === slug);
  if (!commune) throw new AppError('NOT_FOUND');
  return commune;
}

export interface PublicFeedbackPage {
  commune: Commune;
  totals: { received: number; answered: number; open: number; withDeadline: number; answeredOnTime: number; answeredLate: number; overdue: number };
  byKind: { kind: FeedbackKind; received: number; answered: number }[];
  /** the commune's topics in its own order; anything else is counted under "Khác" */
  topics: { topic: string; received: number; answered: number }[];
  published: {
    id: string; kind: FeedbackKind; topic: string; villageName: string | null; receivedOn: IsoDate; answeredOn: IsoDate | null;
    summary: string; answer: string; onTime: boolean | null;
  }[];
  dialogues: { id: string; title: string; heldAt: string; place: string }[];
}

/**
 * The commune's public feedback page: how many items came in, by kind and
 * topic, how many were answered and answered on time, the answers the commune
 * chose to publish (its own summary of each item, never the sender's words
 * or details), and the published dialogue conferences.
 */
export async function publicFeedbackPage(deps: AppDeps, slug: string): Promise<PublicFeedbackPage> {
  const commune = await communeBySlug(deps, slug);
  const [settings, facts, published, villages, calendar, dialogues] = await Promise.all([
    getFeedbackSettings(deps.db, commune.id), feedbackFacts(deps.db, commune.id), publishedFeedback(deps.db, commune.id),
    listVillages(deps.db, commune.id), communeCalendar(deps, commune.id), publishedDialogues(deps, commune.id),
  ]);
  const today = vietnamToday(deps);
  const names = new Map(villages.map((v) => [v.id, v.name]));
  const listed = new Set(settings.topics);
  const publicTopic = (t: string) => (listed.has(t) ? t : OTHER_TOPIC);
  const progress = facts.map((f) => ({ f, p: feedbackProgress(f, calendar, today) }));
  const answered = facts.filter((f) => f.status === 'answered').length;
  const topicOrder = [...settings.topics, ...(listed.has(OTHER_TOPIC) ? [] : [OTHER_TOPIC])];
  return {
    commune,
    totals: {
      received: facts.length, answered, open: facts.length - answered,
      withDeadline: progress.filter(({ p }) => p.due !== null).length,
      answeredOnTime: progress.filter(({ p }) => p.onTime === true).length,
      answeredLate: progress.filter(({ p }) => p.onTime === false).length,
      overdue: progress.filter(({ p }) => p.overdue).length,
    },
    byKind: FEEDBACK_KINDS.map((kind) => ({
      kind, received: facts.filter((f) => f.kind === kind).length, answered: facts.filter((f) => f.kind === kind && f.status === 'answered').length,
    })),
    topics: topicOrder
      .map((topic) => {
        const mine = facts.filter((f) => publicTopic(f.topic) === topic);
        return { topic, received: mine.length, answered: mine.filter((f) => f.status === 'answered').length };
      })
      .filter((t) => t.received > 0 || listed.has(t.topic)),
    published: published.map((i) => ({
      id: i.id, kind: i.kind, topic: publicTopic(i.topic), villageName: i.villageId ? names.get(i.villageId) ?? null : null,
      receivedOn: i.receivedOn, answeredOn: i.answeredOn, summary: i.publicSummary ?? '', answer: i.answer ?? '',
      onTime: feedbackProgress(i, calendar, today).onTime,
    })),
    dialogues: dialogues.map((d) => ({ id: d.id, title: d.title, heldAt: d.heldAt, place: d.place })),
  };
}

/** What the public form offers: the commune's villages and topics, and how long contact is kept. */
export async function feedbackFormData(deps: AppDeps, slug: string) {
  const commune = await communeBySlug(deps, slug);
  const [villages, settings] = await Promise.all([listVillages(deps.db, commune.id), getFeedbackSettings(deps.db, commune.id)]);
  return { commune, villages: villages.map((v) => ({ id: v.id, code: v.code, name: v.name })), topics: settings.topics, retentionDays: settings.retentionDays };
}

/** The days the law gives the commune to answer a kiến nghị, and the article, for the form and the posters. */
export function recommendationDeadline(): { days: number | null; article: string } {
  const rule = DEFAULT_RULES.deadlines.recommendationAnswer;
  return { days: 'days' in rule.value ? rule.value.days : null, article: rule.article };
}

/** The communes of the deployment (the form's entry page on a province server). */
export async function feedbackCommunes(deps: AppDeps) {
  return sortVi(await listCommunes(deps.db), (c) => c.name);
}
