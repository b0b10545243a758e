import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';

// Frozen once landed. The law's calendar and the steps of a campaign
// (issue 13): the commune's record of the year's announced days off and
// swapped working days (BLLĐ 2019 Đ112 k3), and what staff recorded as done
// for each step of a campaign's timeline (notice sent, documents sent, ballot
// plan issued, report sent, posted…). Step records are append-only: a
// correction is a newer row, the earlier one stays (no update, no delete).
export function up(db: Kysely<any>): Compilable[] {
  const s = db.schema;
  const raw = (q: RawBuilder<unknown>): Compilable => ({ compile: () => q.compile(db) });
  return [
    s.createTable('commune_calendars')
      .addColumn('commune_id', 'text', (c) => c.primaryKey().references('communes.id'))
      // CalendarSettings as JSON (server/domain/calendar/settings.ts), checked by parseCalendarSettings
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull()),

    s.createTable('campaign_step_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('fact', 'text', (c) => c.notNull())
      // null: a correction saying it is not done after all
      .addColumn('done_on', 'text')
      // loudspeaker: the last broadcast day of the run that began on done_on
      .addColumn('until_on', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull()),
    s.createIndex('campaign_step_records_campaign').on('campaign_step_records').columns(['campaign_id', 'fact', 'recorded_at']),
    raw(sql`create trigger campaign_step_records_no_update before update on campaign_step_records
      begin
        select raise(abort, 'DANBAN:step_records_append_only');
      end`),
    raw(sql`create trigger campaign_step_records_no_delete before delete on campaign_step_records
      begin
        select raise(abort, 'DANBAN:step_records_append_only');
      end`),
  ];
}
