import { sql, type Compilable, type Kysely } from 'kysely';

// Frozen once landed. How each village learnt of a campaign (Đ11–13 Luật
// 10/2022/QH15; NĐ 59/2023 Đ3 Mẫu 01): the notice posted (with a photo), each
// day the loudspeaker ran, the Zalo message sent, the invitations delivered.
export function up(db: Kysely<any>): Compilable[] {
  const s = db.schema;
  return [
    s.createTable('outreach_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('village_id', 'text', (c) => c.notNull().references('villages.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('notice','loudspeaker','zalo','invitation')`))
      .addColumn('done_on', 'text', (c) => c.notNull())
      .addColumn('households', 'integer', (c) => c.check(sql`households >= 0`))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('photo_key', 'text')
      .addColumn('photo_mime', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      // one record per kind and day: a second tap on a slow phone is refused, not counted twice
      .addUniqueConstraint('outreach_records_day', ['campaign_id', 'village_id', 'kind', 'done_on']),
  ];
}
