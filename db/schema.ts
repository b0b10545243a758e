// The Kysely view of the database. Columns mirror db/migrations; JSON columns
// are TEXT and are parsed in the repositories' row mappers. The value sets of
// kinds, categories, channels and statuses come from the domain (the frozen
// migrations keep their own CHECKs).
import type { Role } from '../server/domain/actor';
import type { CampaignKind, Category, Channel, ElectionBoard, RecognitionBody, SheetChannel } from '../server/domain/legal-rules';
import type { BallotChannel, CampaignStatus } from '../server/domain/campaign';
import type { FeedbackAssignee, FeedbackChannel, FeedbackKind, FeedbackStatus } from '../server/domain/feedback';
import type { DialogueStatus, QuestionSource } from '../server/domain/dialogue';
import type { OutreachKind } from '../server/domain/outreach';

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
/** A secret ballot still sealed (db/migrations/20261130-secrecy-01-sealed-ballots.ts). */
export interface SealedBallotsTable {
  campaign_id: string; mixed: number; id: string; channel: Exclude<Channel, 'meeting'>; sealed: string;
}
export interface AnonymousTokensTable { campaign_id: string; token_hash: string }
export interface TallySheetsTable {
  id: string; campaign_id: string; village_id: string; channel: SheetChannel; version: number;
  supersedes: string | null; status: 'submitted' | 'confirmed' | 'superseded'; data: string; reason: string;
  submitted_by: string; submitted_at: string; confirmed_by: string | null; confirmed_at: string | null;
}
export interface TallyPhotosTable { id: string; tally_id: string; blob_key: string; mime: string; size: number; sha256: string; created_at: string }
export interface OpinionThemesTable {
  id: string; campaign_id: string; title: string; response: string; accepted: number | null; position: number;
  departs_majority: number; departure_reason: string;
}
export interface OnlineVoteRecordsTable {
  id: string; campaign_id: string; village_id: string; version: number; started_at: string; ended_at: string; households: number;
  team: string; note: string; recorded_by: string; recorded_at: string;
}
export interface InitiativesTable {
  id: string; commune_id: string; scope: 'village' | 'commune'; village_id: string | null; matter: string; proposer: string;
  campaign_id: string | null; created_by: string; created_at: string;
}
export interface InitiativeConsentsTable { initiative_id: string; household_id: string; given_on: string; recorded_by: string; recorded_at: string }
export interface OpinionAssignmentsTable { ballot_id: string; question: string; theme_id: string }
export interface PublicationsTable {
  campaign_id: string; version: number; snapshot: string; hash: string; reason: string; published_by: string; published_at: string;
}

export interface FeedbackSettingsTable {
  commune_id: string; topics: string; departments: string; retention_days: number; retention_ran_at: string | null;
  retention_last_count: number | null; updated_by: string | null; updated_at: string;
}
export interface FeedbackItemsTable {
  id: string; commune_id: string; code_hash: string; idempotency_hash: string | null; kind: FeedbackKind; channel: FeedbackChannel; village_id: string | null;
  topic: string; text: string; name: string | null; phone: string | null; consent_at: string | null;
  photo_key: string | null; photo_mime: string | null; received_at: string; received_on: string; received_by: string | null;
  status: FeedbackStatus; assignee: FeedbackAssignee | null; department: string | null; officer_id: string | null;
  assigned_at: string | null; assigned_by: string | null; answer: string | null; answered_at: string | null;
  answered_on: string | null; answered_by: string | null; answer_public: number; public_summary: string | null;
  published_at: string | null; anonymised_at: string | null; version: number;
}
export interface FeedbackEventsTable { id: string; feedback_id: string; at: string; actor: string; action: string; data: string }
export interface DialoguesTable {
  id: string; commune_id: string; title: string; held_at: string; place: string; chair: string; status: DialogueStatus;
  minutes: string; published_at: string | null; created_by: string | null; created_at: string; updated_at: string;
}
export interface DialogueGroupsTable { id: string; dialogue_id: string; title: string; position: number }
export interface DialogueQuestionsTable {
  id: string; dialogue_id: string; group_id: string | null; source: QuestionSource; feedback_id: string | null;
  village_id: string | null; text: string; answer: string | null; answered_by: string | null; answered_at: string | null;
  position: number; created_by: string | null; created_at: string;
}
export interface OutreachRecordsTable {
  id: string; campaign_id: string; village_id: string; kind: OutreachKind; done_on: string; households: number | null;
  note: string; photo_key: string | null; photo_mime: string | null; recorded_by: string; recorded_at: string;
}
/** db/migrations/20261130-recognition-01-recognitions-attestations-teams.ts */
export interface RecognitionsTable {
  campaign_id: string; version: number; number: string; decided_on: string; signer: string; body: RecognitionBody;
  scan_key: string | null; scan_mime: string | null; reason: string; recorded_by: string; recorded_at: string;
}
export interface CandidateAttestationsTable {
  campaign_id: string; candidate_id: string; version: number; candidate_name: string; conditions: string;
  attested_by: string; attested_on: string; recorded_by: string; recorded_at: string;
}
export interface ElectionTeamsTable { campaign_id: string; version: number; members: string; recorded_by: string; recorded_at: string }

export interface CommuneCalendarsTable { commune_id: string; settings: string; version: number; updated_by: string | null; updated_at: string }
export interface CampaignStepRecordsTable {
  id: string; campaign_id: string; fact: string; done_on: string | null; until_on: string | null; note: string;
  recorded_by: string; recorded_at: string;
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
  sealed_ballots: SealedBallotsTable;
  anonymous_tokens: AnonymousTokensTable;
  tally_sheets: TallySheetsTable;
  tally_photos: TallyPhotosTable;
  opinion_themes: OpinionThemesTable;
  opinion_assignments: OpinionAssignmentsTable;
  publications: PublicationsTable;
  feedback_settings: FeedbackSettingsTable;
  feedback_items: FeedbackItemsTable;
  feedback_events: FeedbackEventsTable;
  dialogues: DialoguesTable;
  dialogue_groups: DialogueGroupsTable;
  dialogue_questions: DialogueQuestionsTable;
  outreach_records: OutreachRecordsTable;
  commune_calendars: CommuneCalendarsTable;
  campaign_step_records: CampaignStepRecordsTable;
  recognitions: RecognitionsTable;
  candidate_attestations: CandidateAttestationsTable;
  election_teams: ElectionTeamsTable;
  online_vote_records: OnlineVoteRecordsTable;
  initiatives: InitiativesTable;
  initiative_consents: InitiativeConsentsTable;
}
