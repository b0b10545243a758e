import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';

// Issue 14 §1: a secret campaign's ballot is stored sealed in the commit that
// spends its serial, and moved into `ballots` only in shuffled batches where
// no commit pairs it with its household (docs/threat-model.md). Frozen once
// landed, like every migration.
export function up(db: Kysely<any>): Compilable[] {
  const raw = (q: RawBuilder<unknown>): Compilable => ({ compile: () => q.compile(db) });
  return [
    // One row per acknowledged secret ballot not yet moved into `ballots`:
    // AES-256-GCM under a key derived from the server secret (which the files
    // never hold), over the ballot padded to one length per campaign form, so
    // neither its content nor its length can be read from a copy. `mixed` is 0
    // for a row written with its serial's use and 1 once the mixer has
    // re-sealed it among others under a new random id; the key puts each
    // campaign's fresh rows together so the mixer finds them in one range.
    // WITHOUT ROWID and random ids: storage order is not arrival order.
    raw(sql`create table sealed_ballots (
      campaign_id text not null references campaigns(id),
      mixed integer not null check (mixed in (0, 1)),
      id text not null,
      channel text not null check (channel in ('online','paper')),
      sealed text not null,
      primary key (campaign_id, mixed, id)
    ) without rowid`),
  ];
}
