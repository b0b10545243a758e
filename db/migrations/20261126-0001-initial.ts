import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';

// Frozen once landed: a change to the schema is a new migration file.
// A migration returns its statements instead of running them, so the same
// definition runs on better-sqlite3 and compiles to plain SQL for D1
// (`npm run db:d1-sql`). Only Kysely<any> here: nothing from the app.
export function up(db: Kysely<any>): Compilable[] {
  const s = db.schema;
  const raw = (q: RawBuilder<unknown>): Compilable => ({ compile: () => q.compile(db) });
  return [
    s.createTable('communes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull()),

    // Settings the deployment keeps for itself (the generated server secret).
    s.createTable('app_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull()),

    // commune_id is null only for a province administrator.
    s.createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.references('communes.id'))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql`role in ('province_admin','admin','staff','village_head','inspector')`))
      .addColumn('village_id', 'text', (c) => c.references('villages.id'))
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('village_head_has_village', sql`role <> 'village_head' or village_id is not null`)
      .addCheckConstraint('commune_user_has_commune', sql`role = 'province_admin' or commune_id is not null`),

    // The token is never stored, only its SHA-256.
    s.createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull()),

    // Fixed-window counters for runtimes with many instances (Workers);
    // the Node runtime counts in memory.
    s.createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull()),

    s.createTable('villages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('villages_commune_code', ['commune_id', 'code']),

    // The current state of each household; every change also appends a
    // household_versions row, so history is never lost.
    s.createTable('households')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
      .addColumn('village_id', 'text', (c) => c.notNull().references('villages.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('head', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('representative', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('members', 'integer', (c) => c.notNull().defaultTo(0).check(sql`members >= 0`))
      .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      // folded (lower case, no diacritics) names and code, for search
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active','left')`))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('households_commune_code', ['commune_id', 'code']),
    s.createIndex('households_village').on('households').columns(['village_id', 'status']),

    s.createTable('household_versions')
      .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('changed_by', 'text')
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('household_versions_pk', ['household_id', 'version']),

    // Append-only, chained by hash per commune (commune_id '' for the
    // province). UNIQUE(commune_id, seq) makes two writers that read the same
    // head collide instead of forking the chain; the loser retries.
    s.createTable('audit_log')
      .addColumn('commune_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('audit_log_pk', ['commune_id', 'seq']),

    s.createTable('campaigns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('decision','election','consultation','satisfaction')`))
      .addColumn('category', 'text', (c) => c.check(sql`category in ('k1','k2','k3','k4','k5','k6')`))
      .addColumn('scope', 'text', (c) => c.notNull().defaultTo('village').check(sql`scope in ('village','commune')`))
      .addColumn('secret', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('draft').check(sql`status in ('draft','open','closed','published')`))
      .addColumn('channels', 'text', (c) => c.notNull())
      // k1–k5 may collect online answers only as advice, counted apart (Đ17 k2)
      .addColumn('advisory_online', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('survey', 'text', (c) => c.notNull())
      .addColumn('seats', 'integer')
      .addColumn('online_approval', 'text')
      .addColumn('opens_at', 'text')
      .addColumn('closes_at', 'text')
      .addColumn('opened_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('published_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
    s.createIndex('campaigns_commune').on('campaigns').columns(['commune_id', 'status']),

    // households is the denominator H, frozen when the campaign opens.
    s.createTable('campaign_villages')
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('village_id', 'text', (c) => c.notNull().references('villages.id'))
      .addColumn('households', 'integer')
      .addPrimaryKeyConstraint('campaign_villages_pk', ['campaign_id', 'village_id']),

    s.createTable('candidates')
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('village_id', 'text', (c) => c.notNull().references('villages.id'))
      .addColumn('birth_year', 'integer')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('candidates_pk', ['campaign_id', 'id']),

    // One row per printed serial. Only the HMAC of the serial is stored; the
    // clear serial is re-derived from the server secret for reprinting.
    // A reprint revokes the row and adds one with reprint + 1.
    s.createTable('serials')
      .addColumn('serial_hash', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
      .addColumn('village_id', 'text', (c) => c.notNull().references('villages.id'))
      .addColumn('reprint', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('serials_household_reprint', ['campaign_id', 'household_id', 'reprint']),
    s.createIndex('serials_campaign_village').on('serials').columns(['campaign_id', 'village_id']),

    // The use of a serial, online or on paper: its primary key is the
    // one-ballot-per-serial rule. It never holds answers, and for secret
    // campaigns no precise time (used_on is a date).
    // WITHOUT ROWID: rows are stored by serial hash, so their order says
    // nothing about when a household voted.
    raw(sql`create table serial_uses (
      serial_hash text primary key references serials(serial_hash),
      campaign_id text not null,
      village_id text not null,
      channel text not null check (channel in ('online','paper')),
      idempotency_hash text,
      receipt_hash text,
      used_on text not null,
      registered_by text
    ) without rowid`),
    // No secondary index: every one would be written at a random place with
    // each ballot. Participation is counted from serials (indexed by
    // campaign); a receipt carries its serial hash's prefix (see receiptFor).

    // Answers. WITHOUT ROWID, keyed by campaign and a random id: a
    // campaign's answers are read as one key range, and within it the
    // physical order is random, so row order cannot be joined to
    // serial_uses. serial_hash and submitted_at are filled only for campaigns
    // that are not secret. One ballot per serial is the serial_uses key,
    // written in the same atomic write, so no index here repeats it.
    raw(sql`create table ballots (
      campaign_id text not null references campaigns(id),
      id text not null,
      village_id text,
      channel text not null check (channel in ('online','paper','anonymous','kiosk')),
      binding integer not null,
      answers text not null,
      serial_hash text,
      submitted_at text,
      primary key (campaign_id, id)
    ) without rowid`),

    // The rules a read-then-write would race on, enforced by the database:
    // an online answer only while the campaign is open, paper ballots while
    // it is open or closed, never on a revoked serial, and a used serial can
    // never be revoked (a reprint would otherwise give the household a second
    // vote). Messages start with DANBAN: so the app maps them to its codes.
    raw(sql`create trigger serial_uses_guard before insert on serial_uses
      begin
        select raise(abort, 'DANBAN:serial_revoked')
          where (select revoked from serials where serial_hash = new.serial_hash) = 1;
        select raise(abort, 'DANBAN:campaign_not_open')
          where new.channel = 'online' and (select status from campaigns where id = new.campaign_id) <> 'open';
        select raise(abort, 'DANBAN:campaign_not_counting')
          where new.channel = 'paper' and (select status from campaigns where id = new.campaign_id) not in ('open', 'closed');
      end`),
    raw(sql`create trigger serials_revoke_guard before update of revoked on serials
      when new.revoked = 1 and exists (select 1 from serial_uses where serial_hash = new.serial_hash)
      begin
        select raise(abort, 'DANBAN:serial_used');
      end`),
    // (an online ballot is checked by serial_uses_guard in the same write)
    raw(sql`create trigger ballots_guard before insert on ballots
      when new.channel in ('anonymous', 'kiosk')
        and (select status from campaigns where id = new.campaign_id) <> 'open'
      begin
        select raise(abort, 'DANBAN:campaign_not_open');
      end`),

    // A campaign's villages and candidates change only while it is a draft:
    // the frozen denominators and the printed ballots depend on them.
    raw(sql`create trigger campaign_villages_insert_draft_only before insert on campaign_villages
      when (select status from campaigns where id = new.campaign_id) <> 'draft'
      begin
        select raise(abort, 'DANBAN:campaign_not_draft');
      end`),
    raw(sql`create trigger campaign_villages_delete_draft_only before delete on campaign_villages
      when (select status from campaigns where id = old.campaign_id) <> 'draft'
      begin
        select raise(abort, 'DANBAN:campaign_not_draft');
      end`),
    raw(sql`create trigger candidates_insert_draft_only before insert on candidates
      when (select status from campaigns where id = new.campaign_id) <> 'draft'
      begin
        select raise(abort, 'DANBAN:campaign_not_draft');
      end`),
    raw(sql`create trigger candidates_delete_draft_only before delete on candidates
      when (select status from campaigns where id = old.campaign_id) <> 'draft'
      begin
        select raise(abort, 'DANBAN:campaign_not_draft');
      end`),

    // Anonymous surveys: duplicate suppression by a random per-device cookie
    // or a dossier code from the one-stop receipt, never by person.
    s.createTable('anonymous_tokens')
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('anonymous_tokens_pk', ['campaign_id', 'token_hash']),

    // A tally sheet (biên bản). A correction is a new row with version + 1
    // that supersedes the earlier one; nothing is deleted.
    s.createTable('tally_sheets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('village_id', 'text', (c) => c.notNull().references('villages.id'))
      .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('meeting','paper')`))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('supersedes', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('submitted','confirmed','superseded')`))
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_by', 'text')
      .addColumn('confirmed_at', 'text')
      .addUniqueConstraint('tally_sheets_version', ['campaign_id', 'village_id', 'channel', 'version']),

    s.createTable('tally_photos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tally_id', 'text', (c) => c.notNull().references('tally_sheets.id'))
      .addColumn('blob_key', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),

    // Consultation synthesis: themes staff group opinions under, with the
    // commune's answer (tiếp thu, giải trình).
    s.createTable('opinion_themes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('response', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('accepted', 'integer')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)),
    s.createTable('opinion_assignments')
      .addColumn('ballot_id', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('theme_id', 'text', (c) => c.notNull().references('opinion_themes.id'))
      .addPrimaryKeyConstraint('opinion_assignments_pk', ['ballot_id', 'question']),

    // Assertions inside an atomic write: a statement inserts here only when the
    // state it expects is missing, and the CHECK refuses every row, so the
    // whole write is undone (D1 batches cannot check in between statements).
    raw(sql`create table atomic_assertions (name text not null, constraint atomic_assertion check (0))`),

    // A frozen, hashed snapshot of the results at each publication; a
    // correction after publication is version + 1.
    s.createTable('publications')
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('publications_pk', ['campaign_id', 'version']),
  ];
}
