import { sql, type Compilable, type Kysely } from 'kysely';

// Frozen once landed. The records after the count (issue 13):
// - online_vote_records: the online-vote record (the online variant of Mẫu 03,
//   NĐ 59 Đ5) per campaign and village, each correction a new version;
// - opinion_themes.departs_majority / departure_reason: where the commune's
//   decision departs from the majority opinion, and its stated reasons (Đ28);
// - initiatives and initiative_consents: citizen initiatives and the
//   households consenting, one consent per household (Đ16).
export function up(db: Kysely<any>): Compilable[] {
  const s = db.schema;
  return [
    s.createTable('online_vote_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('village_id', 'text', (c) => c.notNull().references('villages.id'))
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text', (c) => c.notNull())
      .addColumn('households', 'integer', (c) => c.notNull().check(sql`households >= 0`))
      .addColumn('team', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      // two staff saving at once both write version n + 1: one wins, the other is told
      .addUniqueConstraint('online_vote_records_version', ['campaign_id', 'village_id', 'version']),

    s.alterTable('opinion_themes').addColumn('departs_majority', 'integer', (c) => c.notNull().defaultTo(0)),
    s.alterTable('opinion_themes').addColumn('departure_reason', 'text', (c) => c.notNull().defaultTo('')),

    s.createTable('initiatives')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
      .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('village','commune')`))
      .addColumn('village_id', 'text', (c) => c.references('villages.id'))
      .addColumn('matter', 'text', (c) => c.notNull())
      .addColumn('proposer', 'text', (c) => c.notNull().defaultTo(''))
      // the draft campaign it became; one campaign per initiative and one initiative per campaign
      .addColumn('campaign_id', 'text', (c) => c.unique().references('campaigns.id'))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('initiatives_scope_village', sql`(scope = 'village') = (village_id is not null)`),
    s.createIndex('initiatives_commune').on('initiatives').columns(['commune_id', 'created_at']),

    s.createTable('initiative_consents')
      .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
      .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
      .addColumn('given_on', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      // one consent per household: a second one is refused, never counted twice
      .addPrimaryKeyConstraint('initiative_consents_pk', ['initiative_id', 'household_id']),
  ];
}
