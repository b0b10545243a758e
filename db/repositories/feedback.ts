import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { FeedbackItem, FeedbackSettings } from '../../server/domain/feedback';
import { DEFAULT_FEEDBACK_SETTINGS } from '../../server/domain/feedback';

type Row = Database['feedback_items'];

export function toFeedback(r: Row): FeedbackItem {
  return {
    id: r.id, communeId: r.commune_id, kind: r.kind, channel: r.channel, villageId: r.village_id, topic: r.topic, text: r.text,
    name: r.name, phone: r.phone, consentAt: r.consent_at, photo: r.photo_key && r.photo_mime ? { key: r.photo_key, mime: r.photo_mime } : null,
    receivedAt: r.received_at, receivedOn: r.received_on, receivedBy: r.received_by, status: r.status, assignee: r.assignee,
    department: r.department, officerId: r.officer_id, assignedAt: r.assigned_at, assignedBy: r.assigned_by, answer: r.answer,
    answeredAt: r.answered_at, answeredOn: r.answered_on, answeredBy: r.answered_by, answerPublic: r.answer_public === 1,
    publicSummary: r.public_summary, publishedAt: r.published_at, anonymisedAt: r.anonymised_at, version: r.version,
  };
}

export function insertFeedback(db: Kysely<Database>, f: FeedbackItem, codeHash: string, idempotencyHash: string | null = null) {
  return db.insertInto('feedback_items').values({
    id: f.id, commune_id: f.communeId, code_hash: codeHash, idempotency_hash: idempotencyHash, kind: f.kind, channel: f.channel, village_id: f.villageId, topic: f.topic,
    text: f.text, name: f.name, phone: f.phone, consent_at: f.consentAt, photo_key: f.photo?.key ?? null, photo_mime: f.photo?.mime ?? null,
    received_at: f.receivedAt, received_on: f.receivedOn, received_by: f.receivedBy, status: f.status, assignee: f.assignee,
    department: f.department, officer_id: f.officerId, assigned_at: f.assignedAt, assigned_by: f.assignedBy, answer: f.answer,
    answered_at: f.answeredAt, answered_on: f.answeredOn, answered_by: f.answeredBy, answer_public: f.answerPublic ? 1 : 0,
    public_summary: f.publicSummary, published_at: f.publishedAt, anonymised_at: f.anonymisedAt, version: f.version,
  });
}

export interface FeedbackEvent {
  id: string;
  feedbackId: string;
  at: string;
  actor: string;
  action: string;
  /** never the sender's contact */
  data: Record<string, unknown>;
}

export function insertFeedbackEvent(db: Kysely<Database>, e: FeedbackEvent) {
  return db.insertInto('feedback_events').values({ id: e.id, feedback_id: e.feedbackId, at: e.at, actor: e.actor, action: e.action, data: JSON.stringify(e.data) });
}

export async function listFeedbackEvents(db: Kysely<Database>, feedbackId: string): Promise<FeedbackEvent[]> {
  const rows = await db.selectFrom('feedback_events').selectAll().where('feedback_id', '=', feedbackId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, feedbackId: r.feedback_id, at: r.at, actor: r.actor, action: r.action, data: JSON.parse(r.data) as Record<string, unknown> }));
}

export async function findFeedback(db: Kysely<Database>, id: string): Promise<FeedbackItem | null> {
  const r = await db.selectFrom('feedback_items').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toFeedback(r) : null;
}

/** The item a retried submission already made, by the HMAC of its key. */
export async function findFeedbackByIdempotency(db: Kysely<Database>, hash: string): Promise<{ id: string } | null> {
  const r = await db.selectFrom('feedback_items').select('id').where('idempotency_hash', '=', hash).executeTakeFirst();
  return r ?? null;
}

export async function findFeedbackByCode(db: Kysely<Database>, codeHash: string): Promise<FeedbackItem | null> {
  const r = await db.selectFrom('feedback_items').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
  return r ? toFeedback(r) : null;
}

export interface FeedbackFilter {
  status?: FeedbackItem['status'];
  villageId?: string;
  receivedBy?: string;
  /** received on or after / on or before (Vietnam dates) */
  from?: string;
  to?: string;
}

/** A commune's items, newest first. */
export async function listFeedbackItems(db: Kysely<Database>, communeId: string, f: FeedbackFilter = {}): Promise<FeedbackItem[]> {
  let q = db.selectFrom('feedback_items').selectAll().where('commune_id', '=', communeId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.villageId) q = q.where('village_id', '=', f.villageId);
  if (f.receivedBy) q = q.where('received_by', '=', f.receivedBy);
  if (f.from) q = q.where('received_on', '>=', f.from);
  if (f.to) q = q.where('received_on', '<=', f.to);
  return (await q.orderBy('received_at', 'desc').orderBy('id', 'desc').execute()).map(toFeedback);
}

type Changes = Partial<Omit<Row, 'id' | 'commune_id' | 'code_hash' | 'version'>>;

/**
 * Changes an item read at `version`; 0 changed rows means someone changed it
 * meanwhile (the caller follows it with expectChanged so the whole write,
 * event and audit entry included, is undone).
 */
export function updateFeedback(db: Kysely<Database>, id: string, version: number, changes: Changes) {
  return db.updateTable('feedback_items').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version);
}

/** Clears the sender's personal data for good (the schema refuses to put it back). */
export function anonymiseFeedback(db: Kysely<Database>, id: string, at: string) {
  return db
    .updateTable('feedback_items')
    .set((eb) => ({ name: null, phone: null, photo_key: null, photo_mime: null, anonymised_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where((eb) => eb.or([eb('name', 'is not', null), eb('phone', 'is not', null), eb('photo_key', 'is not', null)]));
}

/** Answered items of a commune that still hold personal data: what the retention job looks at. */
export async function answeredWithPersonalData(db: Kysely<Database>, communeId: string): Promise<FeedbackItem[]> {
  const rows = await db
    .selectFrom('feedback_items')
    .selectAll()
    .where('commune_id', '=', communeId)
    .where('status', '=', 'answered')
    .where((eb) => eb.or([eb('name', 'is not', null), eb('phone', 'is not', null), eb('photo_key', 'is not', null)]))
    .execute();
  return rows.map(toFeedback);
}

/** Answers a commune chose to publish, newest first. */
export async function publishedFeedback(db: Kysely<Database>, communeId: string): Promise<FeedbackItem[]> {
  const rows = await db
    .selectFrom('feedback_items')
    .selectAll()
    .where('commune_id', '=', communeId)
    .where('answer_public', '=', 1)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toFeedback);
}

/** How many items of the commune, for the public page's totals, without their text. */
export async function feedbackFacts(db: Kysely<Database>, communeId: string) {
  return db
    .selectFrom('feedback_items')
    .select(['village_id as villageId', 'kind', 'topic', 'status', 'received_on as receivedOn', 'answered_on as answeredOn'])
    .where('commune_id', '=', communeId)
    .execute();
}

// ---- Settings ----

export async function getFeedbackSettings(db: Kysely<Database>, communeId: string): Promise<FeedbackSettings> {
  const r = await db.selectFrom('feedback_settings').selectAll().where('commune_id', '=', communeId).executeTakeFirst();
  if (!r) return DEFAULT_FEEDBACK_SETTINGS;
  return {
    topics: JSON.parse(r.topics) as string[], departments: JSON.parse(r.departments) as string[], retentionDays: r.retention_days,
    retentionRanAt: r.retention_ran_at, retentionLastCount: r.retention_last_count,
  };
}

export function saveFeedbackSettings(db: Kysely<Database>, communeId: string, s: Pick<FeedbackSettings, 'topics' | 'departments' | 'retentionDays'>, by: string, at: string) {
  const values = { topics: JSON.stringify(s.topics), departments: JSON.stringify(s.departments), retention_days: s.retentionDays, updated_by: by, updated_at: at };
  return db.insertInto('feedback_settings').values({ commune_id: communeId, ...values }).onConflict((oc) => oc.column('commune_id').doUpdateSet(values));
}

/** When the retention job last ran for a commune, and how many items it cleared. */
export function recordRetentionRun(db: Kysely<Database>, communeId: string, at: string, count: number) {
  const d = DEFAULT_FEEDBACK_SETTINGS;
  return db
    .insertInto('feedback_settings')
    .values({
      commune_id: communeId, topics: JSON.stringify(d.topics), departments: JSON.stringify(d.departments), retention_days: d.retentionDays,
      retention_ran_at: at, retention_last_count: count, updated_by: null, updated_at: at,
    })
    .onConflict((oc) => oc.column('commune_id').doUpdateSet({ retention_ran_at: at, retention_last_count: count }));
}

/** Commune staff who can be given an item (admins and staff, not disabled), by display name. */
export async function assignableOfficers(db: Kysely<Database>, communeId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name as displayName', 'role'])
    .where('commune_id', '=', communeId)
    .where('role', 'in', ['admin', 'staff'])
    .where('disabled', '=', 0)
    .orderBy(sql`lower(display_name)`)
    .execute();
}
