import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';

// Frozen once landed. Feedback (góp ý, phản ánh, kiến nghị) with a tracking
// code, its history, and the commune's settings for it (topics, departments,
// how long the sender's contact is kept). Only Kysely<any>: nothing from the app.
export function up(db: Kysely<any>): Compilable[] {
  const s = db.schema;
  const raw = (q: RawBuilder<unknown>): Compilable => ({ compile: () => q.compile(db) });
  return [
    // One row per commune, written when an admin first saves the settings;
    // until then the app's defaults apply.
    s.createTable('feedback_settings')
      .addColumn('commune_id', 'text', (c) => c.primaryKey().references('communes.id'))
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('departments', 'text', (c) => c.notNull())
      // Personal data is kept only as long as the commune says (NĐ 13/2023 Đ16; Luật 91/2025/QH15).
      .addColumn('retention_days', 'integer', (c) => c.notNull().check(sql`retention_days between 30 and 3650`))
      .addColumn('retention_ran_at', 'text')
      .addColumn('retention_last_count', 'integer')
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull()),

    // The item. code_hash is an HMAC of the tracking code: the code itself is
    // derived from the id under the server secret, never stored, so a copy of
    // the database cannot open anyone's tracking page. name, phone and the
    // photo are the sender's personal data: cleared (anonymised_at set) after
    // the retention period or when the sender asks.
    s.createTable('feedback_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      // a form sent twice (a second tap on a slow line) is the same item: the HMAC of its key is unique
      .addColumn('idempotency_hash', 'text', (c) => c.unique())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('gop_y','phan_anh','kien_nghi')`))
      .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('online','paper','meeting','counter')`))
      .addColumn('village_id', 'text', (c) => c.references('villages.id'))
      .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('phone', 'text')
      .addColumn('consent_at', 'text')
      .addColumn('photo_key', 'text')
      .addColumn('photo_mime', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('received_by', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('received').check(sql`status in ('received','assigned','answered')`))
      .addColumn('assignee', 'text', (c) => c.check(sql`assignee in ('department','officer','inspection_board')`))
      .addColumn('department', 'text')
      .addColumn('officer_id', 'text', (c) => c.references('users.id'))
      .addColumn('assigned_at', 'text')
      .addColumn('assigned_by', 'text')
      .addColumn('answer', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('answered_on', 'text')
      .addColumn('answered_by', 'text')
      .addColumn('answer_public', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('public_summary', 'text')
      .addColumn('published_at', 'text')
      .addColumn('anonymised_at', 'text')
      // every change is `where version = <read>`, then version + 1: two officers cannot overwrite each other
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      // Contact only with the sender's consent; an answer is published only with the summary staff wrote for it.
      .addCheckConstraint('feedback_contact_consent', sql`(name is null and phone is null) or consent_at is not null`)
      .addCheckConstraint('feedback_public_answer', sql`answer_public = 0 or (status = 'answered' and answer is not null and public_summary is not null)`),
    s.createIndex('feedback_items_commune').on('feedback_items').columns(['commune_id', 'status', 'received_on']),

    // What happened to an item, in order; nothing here is ever rewritten
    // (an answer corrected is a new event). Never the sender's contact.
    s.createTable('feedback_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback_items.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull()),
    s.createIndex('feedback_events_item').on('feedback_events').columns(['feedback_id', 'at']),

    // Anonymised is for good: no later write may put a name, a phone or a
    // photo back on the item (a stale form, a restored draft).
    raw(sql`create trigger feedback_contact_no_return before update of name, phone, photo_key on feedback_items
      when old.anonymised_at is not null and (new.name is not null or new.phone is not null or new.photo_key is not null)
      begin
        select raise(abort, 'DANBAN:feedback_anonymised');
      end`),
  ];
}
