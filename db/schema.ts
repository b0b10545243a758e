// The Kysely view of the database. Columns mirror db/migrations; JSON columns
// are TEXT and are parsed in the repositories' row mappers. The value sets of
// kinds, categories, channels and statuses come from the domain (the frozen
// migrations keep their own CHECKs).
import type { Role } from '../server/domain/actor';
import type { CampaignKind, Category, Channel, ElectionBoard, SheetChannel } from '../server/domain/legal-rules';
import type { BallotChannel, CampaignStatus } from '../server/domain/campaign';

export interface CommunesTable { id: string; name: string; slug: string; created_at: string }
export interface AppSettingsTable { key: string; value: string }
export interface UsersTable {
  id: string; commune_id: string | null; username: string; display_name: string; password_hash: string;
  role: Role; village_id: string | null; disabled: number; created_at: string;
}
export interface SessionsTable { token_hash: string; user_id: string; csrf_token: string; created_at: string; expires_at: string }
export interface RateLimitsTable { key: string; window_start: number; count: number }
export interface VillagesTable { id: string; commune_id: string; code: string; name: string; created_at: string }
export interface HouseholdsTable {
  id: string; commune_id: string; village_id: string; code: string; head: string; representative: string;
  address: string; members: number; phone: string; note: string; search_text: string;
  status: 'active' | 'left'; version: number; updated_at: string;
}
export interface HouseholdVersionsTable {
  household_id: string; version: number; data: string; reason: string; changed_by: string | null; changed_at: string;
}
export interface AuditLogTable {
  commune_id: string; seq: number; at: string; actor: string; action: string; entity: string; entity_id: string;
  data: string; prev_hash: string; hash: string;
}
export interface CampaignsTable {
  id: string; commune_id: string; slug: string; title: string; description: string;
  kind: CampaignKind;
  category: Category | null; scope: 'village' | 'commune'; secret: number;
  status: CampaignStatus; channels: string; advisory_online: number; survey: string; seats: number | null;
  online_approval: string | null; opens_at: string | null; closes_at: string | null; opened_at: string | null;
  closed_at: string | null; published_at: string | null; created_by: string | null; created_at: string; updated_at: string;
  board: ElectionBoard | null; seats_by_village: string | null;
}
export interface CampaignVillagesTable { campaign_id: string; village_id: string; households: number | null; online_agreement: string | null }
export interface CandidatesTable {
  campaign_id: string; id: string; name: string; village_id: string; birth_year: number | null; position: number;
}
export interface SerialsTable {
  serial_hash: string; campaign_id: string; household_id: string; village_id: string; reprint: number; revoked: number;
}
export interface SerialUsesTable {
  serial_hash: string; campaign_id: string; village_id: string; channel: Exclude<Channel, 'meeting'>;
  idempotency_hash: string | null; receipt_hash: string | null; used_on: string; registered_by: string | null;
}
export interface AdvisoryUsesTable {
  serial_hash: string; campaign_id: string; village_id: string; idempotency_hash: string | null; receipt_hash: string | null; used_on: string;
}
export interface BallotsTable {
  id: string; campaign_id: string; village_id: string | null; channel: BallotChannel;
  binding: number; answers: string; serial_hash: string | null; submitted_at: string | null;
}
export interface AnonymousTokensTable { campaign_id: string; token_hash: string }
export interface TallySheetsTable {
  id: string; campaign_id: string; village_id: string; channel: SheetChannel; version: number;
  supersedes: string | null; status: 'submitted' | 'confirmed' | 'superseded'; data: string; reason: string;
  submitted_by: string; submitted_at: string; confirmed_by: string | null; confirmed_at: string | null;
}
export interface TallyPhotosTable { id: string; tally_id: string; blob_key: string; mime: string; size: number; sha256: string; created_at: string }
export interface OpinionThemesTable { id: string; campaign_id: string; title: string; response: string; accepted: number | null; position: number }
export interface OpinionAssignmentsTable { ballot_id: string; question: string; theme_id: string }
export interface PublicationsTable {
  campaign_id: string; version: number; snapshot: string; hash: string; reason: string; published_by: string; published_at: string;
}

export interface Database {
  communes: CommunesTable;
  app_settings: AppSettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  villages: VillagesTable;
  households: HouseholdsTable;
  household_versions: HouseholdVersionsTable;
  audit_log: AuditLogTable;
  campaigns: CampaignsTable;
  campaign_villages: CampaignVillagesTable;
  candidates: CandidatesTable;
  serials: SerialsTable;
  serial_uses: SerialUsesTable;
  advisory_uses: AdvisoryUsesTable;
  ballots: BallotsTable;
  anonymous_tokens: AnonymousTokensTable;
  tally_sheets: TallySheetsTable;
  tally_photos: TallyPhotosTable;
  opinion_themes: OpinionThemesTable;
  opinion_assignments: OpinionAssignmentsTable;
  publications: PublicationsTable;
}
