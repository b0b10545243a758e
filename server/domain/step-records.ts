// What staff record as done for a campaign's timeline steps (timeline.ts):
// each fact the app cannot know by itself (the notice sent, the documents
// delivered, the report sent to the commune…), with the step it completes.
// Records are append-only: the newest record of a fact is its value, earlier
// ones are its history. Pure: the services read and write the records.
import type { LocalizedText } from './i18n';
import { addDays, daysBetween, type IsoDate } from './calendar/iso-date';
import type { CampaignFacts, StepId } from './timeline';

/** The facts a person records, each filling one field of CampaignFacts. */
export const STEP_FACTS = [
  'election_plan',
  'candidate_list_sent',
  'election_team',
  'election_notice',
  'supervision_plan_notified',
  'notice_sent',
  'documents_sent',
  'ballot_plan_issued',
  'ballot_plan_sent',
  'ballot_publicity',
  'report_sent',
  'decision_received',
  'posted',
  'posting_removed',
  'loudspeaker',
  'new_election_decided',
] as const;
export type StepFact = (typeof STEP_FACTS)[number];

type DateField = {
  [K in keyof CampaignFacts]-?: NonNullable<CampaignFacts[K]> extends IsoDate ? (IsoDate extends NonNullable<CampaignFacts[K]> ? K : never) : never;
}[keyof CampaignFacts];

export interface StepFactSpec {
  /** the timeline step it belongs to: recordable only when the campaign's timeline has that step */
  step: StepId;
  /** the CampaignFacts field it fills; the loudspeaker fills loudspeakerDays */
  field: DateField | 'loudspeakerDays';
  label: LocalizedText;
}

export const STEP_FACT_SPEC: Record<StepFact, StepFactSpec> = {
  election_plan: { step: 'election_plan', field: 'electionPlanOn', label: { vi: 'Ngày ban hành quyết định, kế hoạch bầu', en: 'Election decision and plan issued' } },
  candidate_list_sent: { step: 'candidate_list', field: 'candidateListSentOn', label: { vi: 'Ngày gửi danh sách người ứng cử (Mẫu 05)', en: 'Candidate list (Mẫu 05) sent' } },
  election_team: { step: 'election_team', field: 'electionTeamOn', label: { vi: 'Ngày thành lập Tổ bầu cử', en: 'Election team formed' } },
  election_notice: { step: 'election_notice', field: 'electionNoticeOn', label: { vi: 'Ngày thông báo, niêm yết việc bầu cử', en: 'Election made public' } },
  supervision_plan_notified: { step: 'supervision_plan_notice', field: 'supervisionPlanNotifiedOn', label: { vi: 'Ngày thông báo kế hoạch giám sát cho chủ đầu tư', en: 'Supervision plan notified' } },
  notice_sent: { step: 'meeting_notice', field: 'noticeSentOn', label: { vi: 'Ngày gửi thông tin về cuộc họp (Mẫu 01)', en: 'Meeting notice (Mẫu 01) sent' } },
  documents_sent: { step: 'meeting_documents', field: 'documentsSentOn', label: { vi: 'Ngày gửi tài liệu cuộc họp đến các hộ', en: 'Meeting documents sent to households' } },
  ballot_plan_issued: { step: 'ballot_plan_sent', field: 'ballotPlanIssuedOn', label: { vi: 'Ngày ban hành kế hoạch phát phiếu', en: 'Ballot plan issued' } },
  ballot_plan_sent: { step: 'ballot_plan_sent', field: 'ballotPlanSentOn', label: { vi: 'Ngày gửi kế hoạch phát phiếu lên UBND, UBMTTQ xã', en: 'Ballot plan sent to the commune' } },
  ballot_publicity: { step: 'ballot_publicity', field: 'ballotPublicityOn', label: { vi: 'Ngày công khai việc phát phiếu', en: 'Ballot distribution made public' } },
  report_sent: { step: 'report_to_commune', field: 'reportedOn', label: { vi: 'Ngày gửi kết quả, quyết định lên UBND, UBMTTQ xã', en: 'Result and decision sent to the commune' } },
  decision_received: { step: 'recognition', field: 'receivedOn', label: { vi: 'Ngày UBND/UBMTTQ xã nhận quyết định', en: 'Decision received by the commune' } },
  posted: { step: 'posting', field: 'postedOn', label: { vi: 'Ngày niêm yết kết quả tại nhà văn hóa', en: 'Result posted at the cultural house' } },
  posting_removed: { step: 'posting', field: 'postingRemovedOn', label: { vi: 'Ngày gỡ bản niêm yết', en: 'Posting taken down' } },
  loudspeaker: { step: 'loudspeaker', field: 'loudspeakerDays', label: { vi: 'Đợt phát trên hệ thống truyền thanh (từ ngày … đến ngày …)', en: 'Loudspeaker run (from … to …)' } },
  new_election_decided: { step: 're_election', field: 'newElectionDecidedOn', label: { vi: 'Ngày quyết định bầu Trưởng thôn mới', en: 'New village-head election decided' } },
};

export const isStepFact = (v: unknown): v is StepFact => typeof v === 'string' && (STEP_FACTS as readonly string[]).includes(v);

export interface StepRecord {
  id: string;
  campaignId: string;
  fact: StepFact;
  /** null: a correction saying it is not done after all */
  doneOn: IsoDate | null;
  /** loudspeaker: the last day of the run */
  untilOn: IsoDate | null;
  note: string;
  recordedBy: string;
  recordedAt: string;
}

/** The loudspeaker days a run covers, both ends included (at most a year, which no run needs). */
export function runDays(from: IsoDate, until: IsoDate | null): IsoDate[] {
  const n = until && until >= from ? Math.min(daysBetween(from, until), 366) : 0;
  return Array.from({ length: n + 1 }, (_, i) => addDays(from, i));
}

/** The current record of each fact: the newest one (records come in any order). */
export function currentRecords(records: readonly StepRecord[]): Map<StepFact, StepRecord> {
  const out = new Map<StepFact, StepRecord>();
  for (const r of [...records].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id))) out.set(r.fact, r);
  return out;
}

/** The CampaignFacts fields the records fill (a withdrawn fact fills nothing). */
export function factsFromRecords(records: readonly StepRecord[]): Partial<CampaignFacts> {
  const out: Record<string, unknown> = {};
  for (const [fact, r] of currentRecords(records)) {
    if (!r.doneOn) continue;
    const spec = STEP_FACT_SPEC[fact];
    out[spec.field] = spec.field === 'loudspeakerDays' ? runDays(r.doneOn, r.untilOn) : r.doneOn;
  }
  return out as Partial<CampaignFacts>;
}

/** The facts a campaign's timeline asks for: those of the steps it has. */
export function recordableFacts(steps: readonly { id: StepId }[]): StepFact[] {
  const ids = new Set(steps.map((s) => s.id));
  return STEP_FACTS.filter((f) => ids.has(STEP_FACT_SPEC[f].step));
}
