import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';

// Frozen once landed. Counting right (one household, one binding vote):
// - advisory_uses: an advisory online answer's own one-per-serial key, so an
//   opinion never uses up the household's binding vote (serial_uses);
// - campaigns.board and campaigns.seats_by_village: which body an election
//   fills, and seats that differ per village;
// - campaign_villages.online_agreement: the households' agreement to vote
//   online (NĐ 59 Đ5), frozen per village at opening next to H. Campaigns
//   already opened with a campaign-wide record keep it for every village, as
//   minutes noted by staff.
export function up(db: Kysely<any>): Compilable[] {
  const s = db.schema;
  const raw = (q: RawBuilder<unknown>): Compilable => ({ compile: () => q.compile(db) });
  return [
    // Like serial_uses: WITHOUT ROWID, keyed by serial hash, no answers, and
    // only the day for secret campaigns.
    raw(sql`create table advisory_uses (
      serial_hash text primary key references serials(serial_hash),
      campaign_id text not null,
      village_id text not null,
      idempotency_hash text,
      receipt_hash text,
      used_on text not null
    ) without rowid`),
    raw(sql`create trigger advisory_uses_guard before insert on advisory_uses
      begin
        select raise(abort, 'DANBAN:serial_revoked')
          where (select revoked from serials where serial_hash = new.serial_hash) = 1;
        select raise(abort, 'DANBAN:campaign_not_open')
          where (select status from campaigns where id = new.campaign_id) <> 'open';
      end`),

    s.alterTable('campaigns').addColumn('board', 'text', (c) => c.check(sql`board in ('village_head','inspection','investment_supervision')`)),
    s.alterTable('campaigns').addColumn('seats_by_village', 'text'),
    s.alterTable('campaign_villages').addColumn('online_agreement', 'text'),

    raw(sql`update campaign_villages
      set online_agreement = (
        select json_object('source', 'minutes', 'households', null, 'date', null, 'method', null,
          'campaignId', json_extract(c.online_approval, '$.campaignId'), 'note', json_extract(c.online_approval, '$.note'), 'linkedPassed', null)
        from campaigns c where c.id = campaign_villages.campaign_id)
      where campaign_id in (select id from campaigns where status <> 'draft' and online_approval is not null)`),
  ];
}
