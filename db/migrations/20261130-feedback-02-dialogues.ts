import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';

// Frozen once landed. Dialogue conferences (hội nghị đối thoại, Đ32 Luật
// 10/2022/QH15): the conference, the groups staff sort questions into, and
// the questions with the answers given at the conference.
export function up(db: Kysely<any>): Compilable[] {
  const s = db.schema;
  const raw = (q: RawBuilder<unknown>): Compilable => ({ compile: () => q.compile(db) });
  return [
    s.createTable('dialogues')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('held_at', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('chair', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned').check(sql`status in ('planned','held','published')`))
      .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('published_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
    s.createIndex('dialogues_commune').on('dialogues').columns(['commune_id', 'held_at']),

    s.createTable('dialogue_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)),

    // text is the question as read out and published: written by staff, never
    // the sender's contact. A question from the feedback form names its item.
    s.createTable('dialogue_questions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id'))
      .addColumn('group_id', 'text', (c) => c.references('dialogue_groups.id'))
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('feedback','paper','village_meeting')`))
      .addColumn('feedback_id', 'text', (c) => c.references('feedback_items.id'))
      .addColumn('village_id', 'text', (c) => c.references('villages.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('answered_by', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('dialogue_question_feedback', sql`(source = 'feedback') = (feedback_id is not null)`),
    s.createIndex('dialogue_questions_dialogue').on('dialogue_questions').columns(['dialogue_id', 'position']),
    // one feedback item is asked once per conference
    raw(sql`create unique index dialogue_questions_feedback on dialogue_questions (dialogue_id, feedback_id) where feedback_id is not null`),
  ];
}
