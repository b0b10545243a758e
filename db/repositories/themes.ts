import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface Theme {
  id: string;
  campaignId: string;
  title: string;
  /** the commune's answer: tiếp thu (accepted) or giải trình (explained) */
  response: string;
  /** true: taken on (tiếp thu); false: explained why not (giải trình); null: not yet decided */
  accepted: boolean | null;
  position: number;
  /** staff state that the commune's decision on this theme departs from the majority opinion (Đ28) */
  departsFromMajority: boolean;
  /** the reasons stated where the decision departs from the majority opinion (Đ28) */
  departureReason: string;
}

const toTheme = (r: Database['opinion_themes']): Theme => ({
  id: r.id, campaignId: r.campaign_id, title: r.title, response: r.response,
  accepted: r.accepted === null ? null : r.accepted === 1, position: r.position,
  departsFromMajority: r.departs_majority === 1, departureReason: r.departure_reason,
});

export function insertTheme(db: Kysely<Database>, t: Theme) {
  return db.insertInto('opinion_themes').values({
    id: t.id, campaign_id: t.campaignId, title: t.title, response: t.response,
    accepted: t.accepted === null ? null : t.accepted ? 1 : 0, position: t.position,
    departs_majority: t.departsFromMajority ? 1 : 0, departure_reason: t.departureReason,
  });
}

export function updateTheme(db: Kysely<Database>, t: Pick<Theme, 'id' | 'title' | 'response' | 'accepted' | 'departsFromMajority' | 'departureReason'>) {
  return db
    .updateTable('opinion_themes')
    .set({
      title: t.title, response: t.response, accepted: t.accepted === null ? null : t.accepted ? 1 : 0,
      departs_majority: t.departsFromMajority ? 1 : 0, departure_reason: t.departureReason,
    })
    .where('id', '=', t.id);
}

export async function findTheme(db: Kysely<Database>, id: string): Promise<Theme | null> {
  const r = await db.selectFrom('opinion_themes').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toTheme(r) : null;
}

export async function listThemes(db: Kysely<Database>, campaignId: string): Promise<Theme[]> {
  const rows = await db.selectFrom('opinion_themes').selectAll().where('campaign_id', '=', campaignId).orderBy('position').orderBy('id').execute();
  return rows.map(toTheme);
}

export async function nextThemePosition(db: Kysely<Database>, campaignId: string): Promise<number> {
  const r = await db
    .selectFrom('opinion_themes')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  return r?.p === null || r?.p === undefined ? 0 : Number(r.p) + 1;
}

/** An opinion (ballot, question) sits under one theme: assigning it again moves it. */
export function assignOpinions(db: Kysely<Database>, themeId: string, question: string, ballotIds: string[]) {
  return db
    .insertInto('opinion_assignments')
    .values(ballotIds.map((b) => ({ ballot_id: b, question, theme_id: themeId })))
    .onConflict((oc) => oc.columns(['ballot_id', 'question']).doUpdateSet({ theme_id: themeId }));
}

export async function listAssignments(db: Kysely<Database>, campaignId: string) {
  return db
    .selectFrom('opinion_assignments as a')
    .innerJoin('opinion_themes as t', 't.id', 'a.theme_id')
    .select(['a.ballot_id as ballotId', 'a.question', 'a.theme_id as themeId'])
    .where('t.campaign_id', '=', campaignId)
    .execute();
}
