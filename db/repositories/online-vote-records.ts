import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { TeamMember } from '../../server/domain/online-vote-record';

export interface OnlineVoteRecord {
  id: string;
  campaignId: string;
  villageId: string;
  /** each correction is a new version; the earlier ones stay */
  version: number;
  startedAt: string;
  endedAt: string;
  /** households that took part, counted by the app when recorded */
  households: number;
  team: TeamMember[];
  note: string;
  recordedBy: string;
  recordedAt: string;
}

const toRecord = (r: Database['online_vote_records']): OnlineVoteRecord => ({
  id: r.id, campaignId: r.campaign_id, villageId: r.village_id, version: r.version, startedAt: r.started_at, endedAt: r.ended_at,
  households: r.households, team: JSON.parse(r.team) as TeamMember[], note: r.note, recordedBy: r.recorded_by, recordedAt: r.recorded_at,
});

export function insertOnlineVoteRecord(db: Kysely<Database>, r: OnlineVoteRecord) {
  return db.insertInto('online_vote_records').values({
    id: r.id, campaign_id: r.campaignId, village_id: r.villageId, version: r.version, started_at: r.startedAt, ended_at: r.endedAt,
    households: r.households, team: JSON.stringify(r.team), note: r.note, recorded_by: r.recordedBy, recorded_at: r.recordedAt,
  });
}

/** Every version of every village's record, newest version first. */
export async function listOnlineVoteRecords(db: Kysely<Database>, campaignId: string): Promise<OnlineVoteRecord[]> {
  const rows = await db.selectFrom('online_vote_records').selectAll().where('campaign_id', '=', campaignId)
    .orderBy('village_id').orderBy('version', 'desc').execute();
  return rows.map(toRecord);
}
