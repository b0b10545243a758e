import type { Compilable, Kysely } from 'kysely';

// Frozen once landed. After the count and before the election (issue 13):
// - recognitions: the decision that recognises a k3, k4 or k5 result (Đ21 k2
//   Luật 10/2022/QH15), one row per version; a correction is a new version,
//   the earlier kept. Read beside the published snapshot, never inside it, so
//   a decision recorded after publication shows without republishing.
// - candidate_attestations: the Ban công tác Mặt trận's attestation of each
//   candidate's eligibility (Đ37, Đ42), condition by condition, per version.
// - election_teams: the Tổ bầu cử / Ban kiểm phiếu of an election, per version.
// Candidates are rewritten while a campaign is a draft, so these hold the
// candidate's id and name, not a reference to its row.
export function up(db: Kysely<any>): Compilable[] {
  const s = db.schema;
  return [
    s.createTable('recognitions')
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('signer', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('scan_key', 'text')
      .addColumn('scan_mime', 'text')
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      // two staff correcting at once: one version wins, the other is told
      .addPrimaryKeyConstraint('recognitions_pk', ['campaign_id', 'version']),
    s.createTable('candidate_attestations')
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('candidate_name', 'text', (c) => c.notNull())
      .addColumn('conditions', 'text', (c) => c.notNull())
      .addColumn('attested_by', 'text', (c) => c.notNull())
      .addColumn('attested_on', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('candidate_attestations_pk', ['campaign_id', 'candidate_id', 'version']),
    s.createTable('election_teams')
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('members', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('election_teams_pk', ['campaign_id', 'version']),
  ];
}
