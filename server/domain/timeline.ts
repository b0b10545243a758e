// A campaign's timeline: every step the law sets before and after the count,
// with its last lawful day on the working-day calendar, the article it comes
// from, whether it is done and whether it is overdue on a given day. Pure: the
// services gather the facts (a plain object) and the commune's calendar.
import type { LocalizedText } from './i18n';
import { addDays, type IsoDate } from './calendar/iso-date';
import type { WorkingCalendar } from './calendar/working-calendar';
import { deadlineDate, earliestConsultationClose, loudspeakerCompletedOn, postingLastDay, type DeadlineId } from './deadlines';
import {
  DEFAULT_RULES,
  type CampaignKind,
  type Category,
  type Channel,
  type LegalRules,
  type RecognitionBody,
} from './legal-rules';

/** What the services know of a campaign: its plan and what has been recorded, as Vietnam dates. */
export interface CampaignFacts {
  kind: CampaignKind;
  category: Category | null;
  channels: readonly Channel[];
  /** k5: which board the vote fills (the 45-day notice is the investment supervision board's) */
  board?: 'inspection' | 'investment_supervision' | null;
  /** the forms of publication the commune uses (Đ13); default: posting at the cultural house */
  publicity?: readonly ('posting' | 'loudspeaker')[];
  /** whether the community adopted it; 'failed' has nothing to recognise */
  outcome?: 'passed' | 'failed' | null;

  // The plan.
  /** opening; for a consultation, the day its content is made public (Đ28) */
  opensOn?: IsoDate | null;
  /** last day of ballots, votes or opinions */
  closesOn?: IsoDate | null;
  meetingOn?: IsoDate | null;
  /** the day the household ballots are handed out (default: opensOn) */
  ballotDistributionOn?: IsoDate | null;
  /** the day the Ban GSĐTCĐ starts supervising the project */
  supervisionStartsOn?: IsoDate | null;

  // What happened.
  closedOn?: IsoDate | null;
  /** the day the community decided: the meeting, or the end of the ballot or online vote */
  decidedOn?: IsoDate | null;
  noticeSentOn?: IsoDate | null;
  documentsSentOn?: IsoDate | null;
  ballotPlanIssuedOn?: IsoDate | null;
  ballotPlanSentOn?: IsoDate | null;
  ballotPublicityOn?: IsoDate | null;
  electionPlanOn?: IsoDate | null;
  candidateListSentOn?: IsoDate | null;
  electionTeamOn?: IsoDate | null;
  electionNoticeOn?: IsoDate | null;
  supervisionPlanNotifiedOn?: IsoDate | null;
  reportedOn?: IsoDate | null;
  /** the day the recognising body received the decision (default: reportedOn) */
  receivedOn?: IsoDate | null;
  recognizedOn?: IsoDate | null;
  publishedOn?: IsoDate | null;
  postedOn?: IsoDate | null;
  postingRemovedOn?: IsoDate | null;
  loudspeakerDays?: readonly IsoDate[];
  /** k4 removal: the commune's decision to hold a new village-head election */
  newElectionDecidedOn?: IsoDate | null;
  /** recommendations (kiến nghị) of the Ban TTND / Ban GSĐTCĐ tied to the campaign */
  recommendations?: readonly { receivedOn: IsoDate; answeredOn?: IsoDate | null; title?: string }[];
}

export type StepId =
  | 'election_plan'
  | 'candidate_list'
  | 'election_team'
  | 'election_notice'
  | 'supervision_plan_notice'
  | 'meeting_notice'
  | 'meeting_documents'
  | 'ballot_plan_sent'
  | 'ballot_publicity'
  | 'consultation_open'
  | 'report_to_commune'
  | 'recognition'
  | 'publication'
  | 'posting'
  | 'loudspeaker'
  | 're_election'
  | 'recommendation_answer';

/**
 * - waiting: the date it counts from is not known yet
 * - pending: not done, and today is on or before its last day
 * - overdue: not done, and its last day has passed
 * - done: done in time (or, for a period that must last, lasted)
 * - breached: done late, or a period ended (or is planned to end) too soon
 */
export type StepStatus = 'waiting' | 'pending' | 'overdue' | 'done' | 'breached';

export interface TimelineStep {
  id: StepId;
  /** unique in the timeline (recommendations repeat the id) */
  key: string;
  label: LocalizedText;
  article: string;
  /** how the rule counts, from legal-rules.ts */
  note: LocalizedText;
  /** the event the deadline counts from; basis 'estimated' = the latest lawful date of an earlier step */
  from: { event: LocalizedText; on: IsoDate | null; basis: 'recorded' | 'planned' | 'estimated' };
  /** by: do it on or before `due`; lasting: keep it up (or open) through `due` */
  dueKind: 'by' | 'lasting';
  due: IsoDate | null;
  doneOn: IsoDate | null;
  status: StepStatus;
  overdue: boolean;
}

export interface TimelineOptions {
  calendar: WorkingCalendar;
  /** today in Vietnam (Asia/Ho_Chi_Minh) */
  today: IsoDate;
  rules?: LegalRules;
}

type Anchor = TimelineStep['from'];

const EVENT = {
  meeting: { vi: 'Ngày họp cộng đồng dân cư', en: 'Community meeting' },
  electionMeeting: { vi: 'Ngày họp bầu', en: 'Election meeting' },
  planIssued: { vi: 'Ngày ban hành kế hoạch phát phiếu', en: 'Ballot plan issued' },
  distribution: { vi: 'Ngày phát phiếu', en: 'Ballot distribution' },
  publication: { vi: 'Ngày công khai nội dung lấy ý kiến', en: 'Consultation content published' },
  decision: { vi: 'Ngày cộng đồng dân cư quyết định', en: 'Community decision' },
  received: { vi: 'Ngày nhận quyết định của cộng đồng dân cư', en: 'Decision received' },
  posted: { vi: 'Ngày niêm yết', en: 'Posted' },
  recognized: { vi: 'Ngày công nhận cho thôi làm Trưởng thôn', en: 'Removal recognised' },
  supervision: { vi: 'Ngày bắt đầu giám sát', en: 'Supervision starts' },
  recommendation: { vi: 'Ngày nhận kiến nghị', en: 'Recommendation received' },
  publicationDue: { vi: 'Hạn công khai kết quả', en: 'Publication deadline' },
} satisfies Record<string, LocalizedText>;

const BODY: Record<RecognitionBody, LocalizedText> = {
  ubnd_xa: { vi: 'UBND xã', en: 'the commune People’s Committee' },
  ubmttq_xa: { vi: 'UBMTTQ xã', en: 'the commune Fatherland Front Committee' },
};

const LABEL: Record<StepId, LocalizedText> = {
  election_plan: { vi: 'Quyết định và kế hoạch bầu Trưởng thôn', en: 'Village-head election decision and plan' },
  candidate_list: { vi: 'Danh sách người ứng cử (Mẫu 05) gửi UBND xã', en: 'Candidate list (Mẫu 05) to the commune' },
  election_team: { vi: 'Thành lập Tổ bầu cử', en: 'Election team formed' },
  election_notice: { vi: 'Thông báo, niêm yết việc bầu cử', en: 'Election made public' },
  supervision_plan_notice: { vi: 'Thông báo kế hoạch giám sát cho chủ đầu tư', en: 'Supervision plan notified to the investor' },
  meeting_notice: { vi: 'Thông tin về cuộc họp (Mẫu 01)', en: 'Meeting notice (Mẫu 01)' },
  meeting_documents: { vi: 'Tài liệu cuộc họp đến từng hộ', en: 'Meeting documents to every household' },
  ballot_plan_sent: { vi: 'Gửi kế hoạch phát phiếu lên UBND, UBMTTQ xã', en: 'Ballot plan sent to the commune' },
  ballot_publicity: { vi: 'Công khai việc phát phiếu', en: 'Ballot distribution made public' },
  consultation_open: { vi: 'Thời gian lấy ý kiến tối thiểu', en: 'Minimum consultation period' },
  report_to_commune: { vi: 'Gửi quyết định lên UBND, UBMTTQ xã', en: 'Decision sent to the commune' },
  recognition: { vi: 'Quyết định công nhận', en: 'Recognition' },
  publication: { vi: 'Công khai kết quả', en: 'Result published' },
  posting: { vi: 'Niêm yết kết quả tại nhà văn hóa', en: 'Result posted at the cultural house' },
  loudspeaker: { vi: 'Thông báo trên hệ thống truyền thanh', en: 'Loudspeaker announcement' },
  re_election: { vi: 'Quyết định bầu Trưởng thôn mới', en: 'Decision on a new village-head election' },
  recommendation_answer: { vi: 'Trả lời kiến nghị', en: 'Recommendation answered' },
};

const recorded = (event: LocalizedText, on: IsoDate): Anchor => ({ event, on, basis: 'recorded' });
const planned = (event: LocalizedText, on: IsoDate | null | undefined): Anchor => ({ event, on: on ?? null, basis: 'planned' });
const estimated = (event: LocalizedText, on: IsoDate | null): Anchor => ({ event, on, basis: 'estimated' });

/** The recording of `on` if there is one, else the plan. */
const recordedOr = (event: LocalizedText, actual: IsoDate | null | undefined, plan: IsoDate | null | undefined): Anchor =>
  actual ? recorded(event, actual) : planned(event, plan);

function statusOf(due: IsoDate | null, doneOn: IsoDate | null, today: IsoDate): StepStatus {
  if (doneOn) return due && doneOn > due ? 'breached' : 'done';
  if (!due) return 'waiting';
  return today > due ? 'overdue' : 'pending';
}

/** The day the community decided, recorded or as planned. */
function decisionAnchor(f: CampaignFacts): Anchor {
  if (f.decidedOn) return recorded(EVENT.decision, f.decidedOn);
  const byBallot = f.channels.includes('paper') || f.channels.includes('online');
  if (byBallot || !f.meetingOn) return recordedOr(EVENT.decision, f.closedOn, f.closesOn);
  return f.closedOn ? recorded(EVENT.decision, f.meetingOn <= f.closedOn ? f.meetingOn : f.closedOn) : planned(EVENT.decision, f.meetingOn);
}

/**
 * The campaign's timeline: each step that applies to its kind, category and
 * channels, ordered by last lawful day (steps still waiting for a date last).
 */
export function campaignTimeline(f: CampaignFacts, opts: TimelineOptions): TimelineStep[] {
  const rules = opts.rules ?? DEFAULT_RULES;
  const { calendar, today } = opts;
  const steps: TimelineStep[] = [];

  /** A step "do X by the rule's day counted from `from`". */
  const byRule = (id: StepId, rule: DeadlineId, from: Anchor, doneOn: IsoDate | null | undefined, label: LocalizedText = LABEL[id], key: string = id): TimelineStep => {
    const r = rules.deadlines[rule];
    const due = from.on ? deadlineDate(r.value, from.on, calendar) : null;
    const status = statusOf(due, doneOn ?? null, today);
    const step: TimelineStep = { id, key, label, article: r.article, note: r.note, from, dueKind: 'by', due, doneOn: doneOn ?? null, status, overdue: status === 'overdue' };
    steps.push(step);
    return step;
  };

  const binding = f.kind === 'decision' || f.kind === 'election';
  const hasMeeting = f.channels.includes('meeting');
  const hasPaper = f.channels.includes('paper');

  // Before the vote: the village-head election's preparation (NĐ 59 Đ6).
  if (f.kind === 'election' && f.category === 'k4') {
    const meeting = planned(EVENT.electionMeeting, f.meetingOn);
    byRule('election_plan', 'villageHeadElectionPlan', meeting, f.electionPlanOn);
    byRule('candidate_list', 'villageHeadCandidateList', meeting, f.candidateListSentOn);
    byRule('election_team', 'villageHeadElectionTeam', meeting, f.electionTeamOn);
    byRule('election_notice', 'villageHeadElectionNotice', meeting, f.electionNoticeOn);
  }
  if (binding && f.category === 'k5' && f.board === 'investment_supervision') {
    byRule('supervision_plan_notice', 'supervisionPlanNotice', planned(EVENT.supervision, f.supervisionStartsOn), f.supervisionPlanNotifiedOn);
  }
  if (hasMeeting && f.kind !== 'satisfaction') {
    const meeting = planned(EVENT.meeting, f.meetingOn);
    byRule('meeting_notice', 'meetingNotice', meeting, f.noticeSentOn);
    if (f.kind === 'decision' && f.category && rules.deadlines.meetingDocuments.value.categories.includes(f.category)) {
      byRule('meeting_documents', 'meetingDocuments', meeting, f.documentsSentOn);
    }
  }
  if (binding && hasPaper) {
    byRule('ballot_plan_sent', 'ballotPlanSent', f.ballotPlanIssuedOn ? recorded(EVENT.planIssued, f.ballotPlanIssuedOn) : planned(EVENT.planIssued, null), f.ballotPlanSentOn);
    byRule('ballot_publicity', 'ballotPublicity', planned(EVENT.distribution, f.ballotDistributionOn ?? f.opensOn), f.ballotPublicityOn);
  }

  // The consultation's minimum period (Đ28): never overdue, breached when it
  // ends, or is planned to end, before the earliest lawful day.
  if (f.kind === 'consultation') {
    const from = planned(EVENT.publication, f.opensOn);
    const due = from.on ? earliestConsultationClose(from.on, rules) : null;
    const endsOn = f.closedOn ?? null;
    const plannedEnd = f.closesOn ?? null;
    let status: StepStatus = 'waiting';
    if (due) {
      if (endsOn) status = endsOn >= due ? 'done' : 'breached';
      else if (plannedEnd && plannedEnd < due) status = 'breached';
      else status = today > due ? 'done' : 'pending';
    }
    const rule = rules.consultationMinDays;
    steps.push({
      id: 'consultation_open', key: 'consultation_open', label: LABEL.consultation_open, article: rule.article, note: rule.note,
      from, dueKind: 'lasting', due, doneOn: status === 'done' ? (endsOn ?? due) : endsOn, status, overdue: false,
    });
  }

  // After the vote.
  if (binding) {
    const decided = decisionAnchor(f);
    const report = byRule('report_to_commune', 'reportToCommune', decided, f.reportedOn);
    const passed = f.outcome !== 'failed';
    const body = f.category ? rules.recognitionBody.value[f.category] : undefined;
    if (passed && body) {
      const receipt = f.receivedOn ?? f.reportedOn;
      const from = receipt ? recorded(EVENT.received, receipt) : estimated(EVENT.received, report.due);
      byRule('recognition', 'recognition', from, f.recognizedOn, {
        vi: `Quyết định công nhận của ${BODY[body].vi}`,
        en: `Recognition by ${BODY[body].en}`,
      });
    }
    const publication = byRule('publication', 'publication', decided, f.publishedOn);
    const publicity = f.publicity ?? ['posting'];
    if (publicity.includes('posting')) {
      const from = f.postedOn ? recorded(EVENT.posted, f.postedOn) : estimated(EVENT.posted, publication.due);
      const due = from.on ? postingLastDay(from.on, rules) : null;
      let status: StepStatus = 'waiting';
      let doneOn: IsoDate | null = null;
      if (f.postedOn && due) {
        if (f.postingRemovedOn) {
          doneOn = f.postingRemovedOn;
          status = f.postingRemovedOn > due ? 'done' : 'breached';
        } else if (today > due) {
          doneOn = addDays(due, 1);
          status = 'done';
        } else {
          status = 'pending';
        }
      }
      const rule = rules.postingMinDays;
      steps.push({ id: 'posting', key: 'posting', label: LABEL.posting, article: rule.article, note: rule.note, from, dueKind: 'lasting', due, doneOn, status, overdue: false });
    }
    if (publicity.includes('loudspeaker')) {
      const rule = rules.loudspeakerMinDays;
      const from = estimated(EVENT.publicationDue, publication.due);
      // The run may start on the last day of publication at the latest.
      const due = publication.due ? addDays(publication.due, rule.value - 1) : null;
      const doneOn = loudspeakerCompletedOn(f.loudspeakerDays ?? [], rules);
      const status = statusOf(due, doneOn, today);
      steps.push({ id: 'loudspeaker', key: 'loudspeaker', label: LABEL.loudspeaker, article: rule.article, note: rule.note, from, dueKind: 'by', due, doneOn, status, overdue: status === 'overdue' });
    }
    if (f.kind === 'decision' && f.category === 'k4' && passed) {
      byRule('re_election', 'villageHeadReElection', f.recognizedOn ? recorded(EVENT.recognized, f.recognizedOn) : planned(EVENT.recognized, null), f.newElectionDecidedOn);
    }
  }

  (f.recommendations ?? []).forEach((r, i) => {
    const label = r.title ? { vi: `${LABEL.recommendation_answer.vi}: ${r.title}`, en: `${LABEL.recommendation_answer.en}: ${r.title}` } : LABEL.recommendation_answer;
    byRule('recommendation_answer', 'recommendationAnswer', recorded(EVENT.recommendation, r.receivedOn), r.answeredOn, label, `recommendation_answer:${i}`);
  });

  // Stable order by last lawful day; steps still waiting for a date go last.
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.due ?? '9999').localeCompare(b.s.due ?? '9999') || a.i - b.i)
    .map(({ s }) => s);
}

/**
 * Steps not done whose last day falls in [from, to], and every overdue one:
 * what the staff home lists as due this week.
 */
export function stepsDue(steps: readonly TimelineStep[], from: IsoDate, to: IsoDate): TimelineStep[] {
  return steps.filter((s) => s.status === 'overdue' || (s.status === 'pending' && s.dueKind === 'by' && s.due !== null && s.due >= from && s.due <= to));
}
