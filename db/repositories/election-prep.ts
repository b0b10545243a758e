import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Attestation, ElectionTeam, TeamMember } from '../../server/domain/election-prep';
import type { IsoDate } from '../../server/domain/calendar/iso-date';

function parseList<T>(text: string): T[] {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

const toAttestation = (r: Database['candidate_attestations']): Attestation => ({
  campaignId: r.campaign_id, candidateId: r.candidate_id, candidateName: r.candidate_name, version: r.version,
  conditions: parseList<string>(r.conditions), attestedBy: r.attested_by, attestedOn: r.attested_on as IsoDate, recordedBy: r.recorded_by, recordedAt: r.recorded_at,
});

export function insertAttestation(db: Kysely<Database>, a: Attestation) {
  return db.insertInto('candidate_attestations').values({
    campaign_id: a.campaignId, candidate_id: a.candidateId, version: a.version, candidate_name: a.candidateName, conditions: JSON.stringify(a.conditions),
    attested_by: a.attestedBy, attested_on: a.attestedOn, recorded_by: a.recordedBy, recorded_at: a.recordedAt,
  });
}

/** Every attestation of the campaign, each candidate's newest first. */
export async function listAttestations(db: Kysely<Database>, campaignId: string): Promise<Attestation[]> {
  const rows = await db.selectFrom('candidate_attestations').selectAll().where('campaign_id', '=', campaignId)
    .orderBy('candidate_id').orderBy('version', 'desc').execute();
  return rows.map(toAttestation);
}

export function insertTeam(db: Kysely<Database>, t: ElectionTeam) {
  return db.insertInto('election_teams').values({
    campaign_id: t.campaignId, version: t.version, members: JSON.stringify(t.members), recorded_by: t.recordedBy, recorded_at: t.recordedAt,
  });
}

/** The newest version of the campaign's team, or none. */
export async function latestTeam(db: Kysely<Database>, campaignId: string): Promise<ElectionTeam | null> {
  const r = await db.selectFrom('election_teams').selectAll().where('campaign_id', '=', campaignId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return r ? { campaignId: r.campaign_id, version: r.version, members: parseList<TeamMember>(r.members), recordedBy: r.recorded_by, recordedAt: r.recorded_at } : null;
}
