// Every legal rule the tally engine applies, as data, each with the article it
// comes from. A commune (or an amendment such as Luật 97/2025/QH15) changes a
// rule here, in one place: every function of the engine takes `rules` as a
// parameter with DEFAULT_RULES as its default, so nothing is hard-coded twice.
// Article numbers are those of Luật 10/2022/QH15 (Luật Thực hiện dân chủ ở cơ
// sở), NĐ 59/2023/NĐ-CP, NĐ 61/2023/NĐ-CP and NĐ 61/2018/NĐ-CP.

import type { LocalizedText } from './i18n';

// The rules' notes are localized texts (defined with the other language helpers).
export type { LocalizedText } from './i18n';

/** The contents of Đ15 Luật 10/2022/QH15 that the community decides (khoản 1–6). */
export const CATEGORIES = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'] as const;
export type Category = (typeof CATEGORIES)[number];
/** What a campaign is: a decision (Đ15), an election (k4, k5), a consultation (Đ25–28), a satisfaction survey (Đ34–35). */
export const CAMPAIGN_KINDS = ['decision', 'election', 'consultation', 'satisfaction'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
/** The kinds decided by tallies of households against a threshold (the tally engine's). */
export type TalliedKindName = Extract<CampaignKind, 'decision' | 'election'>;
/** How households answer: at a community meeting, on a paper household ballot, online. */
export const CHANNELS = ['online', 'paper', 'meeting'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels counted on a signed tally sheet. */
export const SHEET_CHANNELS = ['meeting', 'paper'] as const satisfies readonly Channel[];
export type SheetChannel = (typeof SHEET_CHANNELS)[number];

/**
 * How many approvals out of a denominator pass.
 * - at_least_fraction: approvals ≥ num/den × total ("từ … trở lên")
 * - more_than_fraction: approvals > num/den × total ("trên …")
 * - more_than_half: approvals > total/2 ("trên 50%"), i.e. ≥ ⌊total/2⌋ + 1
 */
export type ThresholdRule =
  | { kind: 'at_least_fraction'; num: number; den: number }
  | { kind: 'more_than_fraction'; num: number; den: number }
  | { kind: 'more_than_half' };

export interface Rule<T> {
  value: T;
  article: string;
  note: LocalizedText;
}

/** Which channels may produce a binding result, and on what terms. */
export interface ChannelPolicy {
  /** channels whose counts decide */
  binding: Channel[];
  /** channels that decide only when the meeting could not reach the threshold (Đ19 k1 b) */
  fallback: Channel[];
  /** channels that may collect answers that are counted apart, never binding */
  advisory: Channel[];
  /** ballots are always secret (elections) */
  secret: boolean;
  /** online binding only after > 50% of all households chose online voting (NĐ 59 Đ5) */
  onlineNeedsApproval: boolean;
  /** why a channel outside campaignChannels() is refused, said with the refusal; null when none can be */
  refusal: LocalizedText | null;
}

/**
 * The body an election fills (Đ15 k4, k5): the village head (k4), a member of
 * the Ban Thanh tra nhân dân, or a resident member of the Ban Giám sát đầu tư
 * của cộng đồng (k5). Each has its own rules (LegalRules.boards).
 */
export const ELECTION_BOARDS = ['village_head', 'inspection', 'investment_supervision'] as const;
export type ElectionBoard = (typeof ELECTION_BOARDS)[number];

/** What the law says about the seats and the members of one elected body. */
export interface BoardRule {
  /** the content of Đ15 the election is */
  category: Extract<Category, 'k4' | 'k5'>;
  name: LocalizedText;
  /** seats every village elects exactly (the village head: 1); null when the commune sets them */
  seatsPerVillage: number | null;
  /** resident members elected across all villages, at most (Ban GSĐTCĐ: 5); null when unbounded */
  maxElectedTotal: number | null;
  /** the commune's board assembled from the villages' elections, when the law sizes it (Ban TTND) */
  roster: { perVillage: number; minMembers: number } | null;
}

/** How households of a village agreed to vote online (NĐ 59 Đ5): at a meeting, by an earlier campaign, otherwise. */
export const ONLINE_AGREEMENT_METHODS = ['meeting', 'campaign', 'other'] as const;
export type OnlineAgreementMethod = (typeof ONLINE_AGREEMENT_METHODS)[number];

export type ElectionInvalidReason = 'not_issued_form' | 'names_added' | 'extra_marks' | 'more_than_seats' | 'all_struck';

export interface OneStopReason {
  code: string;
  label: LocalizedText;
}

export type OneStopLevel = 'very_satisfied' | 'satisfied' | 'not_satisfied';

/** The procedural votes of a community meeting recorded in its Mẫu 03 (Đ18 k4; NĐ 59 Đ3 k5). */
export const PROCEDURAL_ITEMS = ['secretary', 'method', 'board'] as const;
export type ProceduralItem = (typeof PROCEDURAL_ITEMS)[number];

/** How the commune answers an opinion group of a consultation (Đ28): taken on (tiếp thu) or explained (giải trình). */
export type ConsultationAnswer = 'tiep_thu' | 'giai_trinh';

/**
 * How a time limit is counted. Periods follow Bộ luật Dân sự 2015 Đ147–148
 * where the democracy law says nothing else: the day of the event that starts
 * a period is not counted, and a period ends at the end of its last day.
 * - days_before: "ít nhất / chậm nhất N ngày trước <sự kiện>": done on or before
 *   the event's date minus N calendar days (a meeting on the 10th with a
 *   2-day notice: notice by the 8th). Never moved off a holiday: moving it
 *   later would shorten the notice.
 * - days_after: "trong thời hạn / chậm nhất N ngày kể từ <sự kiện>": done on or
 *   before the event's date plus N calendar days; with nextWorkingDay, a last
 *   day that falls on a day off moves to the next working day (BLDS Đ148 k2),
 *   for acts an office must do.
 * - working_days_after: "chậm nhất N ngày làm việc kể từ <sự kiện>": done on or
 *   before the N-th working day after the event's date.
 * - months_after: "có giá trị trong thời hạn N tháng": valid through the same
 *   day N months later, or that month's last day when it has no such day
 *   (BLDS Đ148 k1).
 */
export type DeadlineCount =
  | { count: 'days_before'; days: number }
  | { count: 'days_after'; days: number; nextWorkingDay: boolean }
  | { count: 'working_days_after'; days: number }
  | { count: 'months_after'; months: number };

export type RecognitionBody = 'ubnd_xa' | 'ubmttq_xa';

/** One condition a candidate must meet, which the Ban công tác Mặt trận attests (Đ37, Đ42). */
export interface EligibilityCondition {
  code: string;
  text: LocalizedText;
}

export type HolidayId = 'new_year' | 'lunar_new_year' | 'hung_kings' | 'reunification' | 'labour_day' | 'national_day' | 'culture_day';

/** A public holiday, reckoned afresh each year (never a year's dates written down). */
export interface HolidaySpec {
  name: LocalizedText;
  /** the date it is reckoned from: a solar date, or a day of a regular (not leap) lunar month reckoned at UTC+7 */
  date: { calendar: 'solar' | 'lunar'; month: number; day: number };
  /** the first day off relative to `date` (Tết: −1, the last day of the old lunar year) */
  offset: number;
  /** consecutive days off from the first */
  days: number;
  /**
   * One more day next to it, on the side the Prime Minister fixes each year
   * (BLLĐ Đ112 k3): the default side, indexed by the weekday of `date`
   * (0 = Sunday … 6 = Saturday). A commune enters the year's announcement as
   * calendar adjustments where it differs.
   */
  adjacentDay: readonly ('before' | 'after')[] | null;
  /** in_force: applied; proposed: announced but not yet law, off unless the commune switches it on */
  status: 'in_force' | 'proposed';
}

export interface LegalRules {
  /** per village, denominator = total households of the village frozen at opening (Đ21 k1) */
  thresholds: Record<Category, Rule<ThresholdRule>>;
  /** commune-scope decisions, denominator = villages in scope; only k1/k2 have one (Đ21 k1) */
  communeThresholds: Partial<Record<Category, Rule<ThresholdRule>>>;
  channels: {
    decision: Record<Category, Rule<ChannelPolicy>>;
    election: Rule<ChannelPolicy>;
    consultation: Rule<ChannelPolicy>;
    satisfaction: Rule<ChannelPolicy>;
  };
  /** the prior poll choosing online voting, denominator = all households (NĐ 59 Đ5) */
  onlineApproval: Rule<ThresholdRule>;
  /**
   * The stricter reading of Đ19 k1: at village scope a household ballot is
   * chosen by the village head only for k6 (NĐ 59 Đ4 k1), so for the listed
   * categories paper would decide only after a meeting that failed for
   * attendance. Off by default: docs/design.md follows Đ17 k1 (meeting or
   * household ballot for k1, k2).
   */
  householdBallotAfterMeeting: Rule<{ enabled: boolean; categories: Category[] }>;
  /** which campaigns may cover the whole commune (every village of it) instead of village by village */
  communeScope: Rule<{ decision: Category[]; kinds: CampaignKind[] }>;
  /** meetings that need a quorum before their vote counts: k3 covenant, present > 50% of households (NĐ 61/2023 Đ10) */
  meetingQuorum: Partial<Record<Category, Rule<ThresholdRule>>>;
  /** procedural votes inside a meeting, denominator = representatives present (NĐ 59 Đ3) */
  proceduralVote: Rule<ThresholdRule>;
  /**
   * Which procedural votes a meeting record must hold before its vote counts
   * as the meeting's decision: always the secretary and the voting method; the
   * counting board only when the meeting votes by secret ballot (Đ18 k4; NĐ 59 Đ3 k5).
   */
  meetingRecordVotes: Rule<{ always: ProceduralItem[]; secretBallot: ProceduralItem[] }>;
  /** the online-vote team (Tổ lấy ý kiến biểu quyết trực tuyến): its size (NĐ 59 Đ5) */
  onlineTeam: Rule<{ min: number; max: number }>;
  /**
   * Before a consultation's synthesis is published: every opinion group carries
   * the commune's answer, and reasons where the decision departs from the
   * majority opinion; an opinion group is the majority when it holds the
   * opinions of `majority` of the households that gave a written opinion (Đ28).
   */
  consultationAnswers: Rule<{ kinds: CampaignKind[]; answers: ConsultationAnswer[]; reasonsWhenDeparting: boolean; majority: ThresholdRule }>;
  /** citizen initiative put to the community, denominator = households (Đ16) */
  citizenInitiative: Rule<ThresholdRule>;
  consultationMinDays: Rule<number>;
  postingMinDays: Rule<number>;
  loudspeakerMinDays: Rule<number>;
  /** the commune holds a conference of exchange and dialogue with its people at least this often (Đ32) */
  dialogueConferences: Rule<{ perYear: number }>;
  /** Every time limit a campaign touches, each with how the law counts it (see DeadlineCount). */
  deadlines: {
    /** meeting information (Mẫu 01) reaches the participants at least 2 days before the meeting (NĐ 59 Đ3) */
    meetingNotice: Rule<DeadlineCount>;
    /** k1–k3: the meeting documents reach each household at least 2 days before (NĐ 59 Đ3 k4) */
    meetingDocuments: Rule<DeadlineCount & { categories: Category[] }>;
    /** household-ballot plan sent to the chairs of UBND and UBMTTQ xã within 2 days of its issue (NĐ 59 Đ4 k2) */
    ballotPlanSent: Rule<DeadlineCount>;
    /** ballot content, timing and team made public at least 2 days before distribution (NĐ 59 Đ4) */
    ballotPublicity: Rule<DeadlineCount>;
    /** the community's decision sent to UBND and UBMTTQ xã (Đ20 k3; NĐ 59 Đ4 k7) */
    reportToCommune: Rule<DeadlineCount>;
    /** recognition by UBND xã (k3, k4) or UBMTTQ xã (k5) (Đ21 k2) */
    recognition: Rule<DeadlineCount>;
    /** publication after the decision (Đ12 k3) */
    publication: Rule<DeadlineCount>;
    /** UBND xã answers a recommendation (kiến nghị) of the Ban TTND or the Ban GSĐTCĐ (Đ40, Đ45) */
    recommendationAnswer: Rule<DeadlineCount>;
    /** village-head election: decision and plan of the Chủ tịch UBND xã (NĐ 59 Đ6 k1 a) */
    villageHeadElectionPlan: Rule<DeadlineCount>;
    /** village-head election: Ban CTMT candidate list (Mẫu 05) to UBND xã (NĐ 59 Đ6) */
    villageHeadCandidateList: Rule<DeadlineCount>;
    /** village-head election: decision forming the election team (NĐ 59 Đ6 k1 b) */
    villageHeadElectionTeam: Rule<DeadlineCount>;
    /** village-head election: the decisions made public in the village (NĐ 59 Đ6 k1) */
    villageHeadElectionNotice: Rule<DeadlineCount>;
    /** after a removal is recognised, UBND xã decides a new village-head election (NĐ 59 Đ9 k3) */
    villageHeadReElection: Rule<DeadlineCount>;
    /** UBMTTQ xã notifies the investor of the Ban GSĐTCĐ's supervision plan (Đ45) */
    supervisionPlanNotice: Rule<DeadlineCount>;
    /** notice of the year-end hội nghị định kỳ of the village (NĐ 59 Đ10) */
    annualMeetingNotice: Rule<DeadlineCount>;
    /** a household's consent to a citizen initiative stays valid (Đ16) */
    initiativeConsent: Rule<DeadlineCount>;
  };
  /** Which body recognises a community decision, by category; categories absent here take effect without one (Đ21 k2) */
  recognitionBody: Rule<Partial<Record<Category, RecognitionBody>>>;
  /** The working-day calendar the deadlines are counted on. */
  calendar: {
    /** the weekly rest days of state offices, 0 = Sunday … 6 = Saturday */
    weeklyRest: Rule<{ weekdays: number[] }>;
    /** a public holiday on a weekly rest day gives a day off on the next working day */
    weekendSubstitute: Rule<{ nextWorkingDay: boolean }>;
    holidays: Record<HolidayId, Rule<HolidaySpec>>;
    /** the year's announced days off and swapped working days, which the commune records in its calendar setting */
    announcedChanges: Rule<{ recordedBy: 'commune_setting' }>;
  };
  election: {
    /** elected when votes > H/2 of the village's households (Đ21 k1, content k4/k5) */
    electedWhen: Rule<ThresholdRule>;
    /** ties at the cut-off are reported for the meeting to resolve, never resolved here */
    tieAtCutoff: Rule<'report'>;
    unfilledSeats: Rule<'report'>;
    /** which defects make a strike-through ballot invalid */
    invalidWhen: Rule<Record<ElectionInvalidReason, boolean>>;
  };
  /** each elected body's own rules: seats, members, the commune roster (Đ15 k4, k5; Đ36; Đ41–42; NĐ 59 Đ6, Đ13, Đ17) */
  boards: Record<ElectionBoard, Rule<BoardRule>>;
  /** the conditions a candidate of each board must meet, each attested by the Ban CTMT before the election opens (Đ37, Đ42; TT 04/2012/TT-BNV Đ5) */
  eligibility: Record<ElectionBoard, Rule<EligibilityCondition[]>>;
  /** no candidate sits on the team that runs or counts the election (Tổ bầu cử, Ban kiểm phiếu) */
  teamNotCandidate: Rule<{ enabled: boolean }>;
  /** Ban kiểm phiếu / Tổ phát phiếu size and witnesses (NĐ 59 Đ3 k5, Đ4) */
  countingBoard: Rule<{ min: number; max: number; witnesses: number; severity: 'error' | 'warning' }>;
  /** household ballot paper: no box or more than one box marked is invalid (design choice after NĐ 54/2018) */
  householdBallotMarks: Rule<{ exactlyOne: boolean }>;
  sipas: Rule<{ scaleMin: number; scaleMax: number; satisfiedLevels: number[] }>;
  oneStop: Rule<{ levels: OneStopLevel[]; satisfiedLevels: OneStopLevel[] }>;
  oneStopReasons: Rule<OneStopReason[]>;
}

const LAW = 'Luật 10/2022/QH15';
const ND59 = 'NĐ 59/2023/NĐ-CP';

const TWO_THIRDS: ThresholdRule = { kind: 'at_least_fraction', num: 2, den: 3 };
const MORE_THAN_HALF: ThresholdRule = { kind: 'more_than_half' };

const householdTwoThirds: Rule<ThresholdRule> = {
  value: TWO_THIRDS,
  article: `Đ21 k1 ${LAW}`,
  note: {
    vi: 'Thông qua khi có từ hai phần ba tổng số đại diện hộ gia đình trở lên trong thôn, tổ dân phố tán thành.',
    en: 'Passed when at least two thirds of all household representatives of the village approve.',
  },
};

const householdMoreThanHalf: Rule<ThresholdRule> = {
  value: MORE_THAN_HALF,
  article: `Đ21 k1 ${LAW}`,
  note: {
    vi: 'Thông qua khi có trên 50% tổng số đại diện hộ gia đình trong thôn, tổ dân phố tán thành.',
    en: 'Passed when more than 50% of all household representatives of the village approve.',
  },
};

const villagesTwoThirds: Rule<ThresholdRule> = {
  value: TWO_THIRDS,
  article: `Đ21 k1 ${LAW}`,
  note: {
    vi: 'Nội dung phạm vi cấp xã được thông qua khi có từ hai phần ba tổng số thôn, tổ dân phố trở lên tán thành.',
    en: 'Commune-wide content is passed when at least two thirds of the villages approve.',
  },
};

const meetingFirst = (what: LocalizedText, refusal: LocalizedText): Rule<ChannelPolicy> => ({
  value: { binding: ['meeting'], fallback: ['paper'], advisory: ['online'], secret: false, onlineNeedsApproval: false, refusal },
  article: `Đ17 k2, Đ19 k1 b ${LAW}`,
  note: what,
});

const meetingOrPaper: Rule<ChannelPolicy> = {
  value: {
    binding: ['meeting', 'paper'], fallback: [], advisory: ['online'], secret: false, onlineNeedsApproval: false,
    refusal: { vi: 'Biểu quyết trực tuyến chỉ áp dụng cho nội dung k6 (Điều 17 khoản 2 Luật 10/2022/QH15).', en: 'Online voting may decide only k6 matters (Art. 17(2), Law 10/2022/QH15).' },
  },
  article: `Đ17 k1, k2 ${LAW}; Đ5 ${ND59}`,
  note: {
    vi: 'Họp cộng đồng dân cư hoặc phát phiếu lấy ý kiến hộ gia đình; biểu quyết trực tuyến chỉ áp dụng cho nội dung khoản 6 Điều 15, ý kiến trực tuyến chỉ để tham khảo.',
    en: 'Community meeting or household ballot; online voting applies only to Đ15 k6 content, so online answers are advisory.',
  },
};

export const DEFAULT_RULES: LegalRules = {
  thresholds: {
    k1: householdTwoThirds,
    k2: householdTwoThirds,
    k3: householdMoreThanHalf,
    k4: householdMoreThanHalf,
    k5: householdMoreThanHalf,
    k6: householdMoreThanHalf,
  },
  communeThresholds: { k1: villagesTwoThirds, k2: villagesTwoThirds },
  channels: {
    decision: {
      k1: meetingOrPaper,
      k2: meetingOrPaper,
      k3: meetingFirst({
        vi: 'Hương ước, quy ước phải quyết định tại cuộc họp; chỉ phát phiếu khi cuộc họp không đủ đại diện hộ gia đình tham dự.',
        en: 'A covenant is decided at a meeting; a household ballot only when too few households attended.',
      }, {
        vi: 'Hương ước, quy ước phải được quyết định tại cuộc họp cộng đồng; không biểu quyết trực tuyến (Điều 17 khoản 2).',
        en: 'A village covenant is decided at a community meeting, never online (Art. 17(2)).',
      }),
      k4: meetingFirst({
        vi: 'Bầu, cho thôi làm Trưởng thôn phải thực hiện tại cuộc họp; chỉ phát phiếu khi cuộc họp không đủ đại diện hộ gia đình tham dự.',
        en: 'Electing or removing the village head happens at a meeting; a household ballot only when too few households attended.',
      }, {
        vi: 'Bầu Trưởng thôn phải thực hiện tại cuộc họp cộng đồng; không biểu quyết trực tuyến (Điều 17 khoản 2).',
        en: 'A village head is elected at a community meeting, never online (Art. 17(2)).',
      }),
      k5: meetingFirst({
        vi: 'Bầu, cho thôi làm thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng phải thực hiện tại cuộc họp; chỉ phát phiếu khi cuộc họp không đủ đại diện hộ gia đình tham dự.',
        en: 'Board members are elected or removed at a meeting; a household ballot only when too few households attended.',
      }, {
        vi: 'Bầu thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư phải thực hiện tại cuộc họp; không trực tuyến (Điều 17 khoản 2).',
        en: 'Board members are elected at a community meeting, never online (Art. 17(2)).',
      }),
      k6: {
        value: { binding: ['meeting', 'paper', 'online'], fallback: [], advisory: [], secret: false, onlineNeedsApproval: true, refusal: null },
        article: `Đ17 k2 ${LAW}; Đ5 ${ND59}`,
        note: {
          vi: 'Biểu quyết trực tuyến chỉ áp dụng cho công việc tự quản khác (khoản 6 Điều 15), khi trên 50% tổng số đại diện hộ gia đình đồng ý chọn hình thức này.',
          en: 'Online voting applies only to other self-managed matters (Đ15 k6), after more than 50% of all households chose it.',
        },
      },
    },
    election: {
      value: {
        binding: ['meeting'], fallback: ['paper'], advisory: [], secret: true, onlineNeedsApproval: false,
        refusal: { vi: 'Bầu cử chỉ thực hiện tại cuộc họp (bỏ phiếu kín hoặc giơ tay) hoặc bằng phiếu giấy; không bầu trực tuyến (Điều 17 khoản 2).', en: 'Elections are held at a meeting or on paper, never online (Art. 17(2)).' },
      },
      article: `Đ17 k2, Đ19 k1 b ${LAW}; Đ3 k5 ${ND59}`,
      note: {
        vi: 'Bầu cử tại cuộc họp bằng phiếu kín (hoặc giơ tay nếu cuộc họp quyết định); phát phiếu hộ gia đình chỉ khi cuộc họp không đủ người dự. Không bầu trực tuyến.',
        en: 'Elections happen at the meeting by secret ballot (or show of hands if the meeting so decides); a household ballot only as fallback. No online election.',
      },
    },
    consultation: {
      value: { binding: [], fallback: [], advisory: ['online', 'paper', 'meeting'], secret: false, onlineNeedsApproval: false, refusal: null },
      article: `Đ26 ${LAW}`,
      note: {
        vi: 'Nhân dân tham gia ý kiến: mọi hình thức đều để tham khảo, cơ quan có thẩm quyền quyết định.',
        en: 'Consultation: every channel is advisory; the authority decides.',
      },
    },
    satisfaction: {
      value: {
        binding: [], fallback: [], advisory: ['online', 'paper'], secret: true, onlineNeedsApproval: false,
        refusal: { vi: 'Khảo sát mức độ hài lòng dùng kênh trực tuyến/kiosk hoặc phiếu giấy, không dùng cuộc họp.', en: 'Satisfaction surveys are answered online, at a kiosk or on paper, not at a meeting.' },
      },
      article: `Đ34, Đ35 k2 a ${LAW}; Đ27 k3 NĐ 61/2018/NĐ-CP`,
      note: {
        vi: 'Đánh giá mức độ hài lòng: không có giá trị quyết định, bảo mật người trả lời.',
        en: 'Satisfaction rating: not binding, respondents stay confidential.',
      },
    },
  },
  onlineApproval: {
    value: MORE_THAN_HALF,
    article: `Đ5 ${ND59}`,
    note: {
      vi: 'Chỉ tổ chức biểu quyết trực tuyến khi có trên 50% tổng số đại diện hộ gia đình trong thôn đồng ý hình thức này.',
      en: 'Online voting is held only when more than 50% of all household representatives agreed to it.',
    },
  },
  householdBallotAfterMeeting: {
    value: { enabled: false, categories: ['k1', 'k2'] },
    article: `Đ19 k1 ${LAW}; Đ4 k1 ${ND59}`,
    note: {
      vi: 'Cách hiểu chặt của Điều 19 khoản 1: ở phạm vi thôn, Trưởng thôn chỉ chọn phát phiếu cho nội dung khoản 6 Điều 15, nên nội dung k1, k2 chỉ phát phiếu khi cuộc họp không đủ số hộ tham dự. Mặc định tắt: theo Điều 17 khoản 1, k1, k2 quyết định bằng cuộc họp hoặc phát phiếu.',
      en: 'The stricter reading of Art. 19(1): at village scope the village head chooses a household ballot only for Art. 15(6) matters, so k1, k2 would go to paper only after a meeting too small to decide. Off by default: under Art. 17(1) k1, k2 are decided by a meeting or a household ballot.',
    },
  },
  communeScope: {
    value: { decision: ['k1', 'k2'], kinds: ['consultation', 'satisfaction'] },
    article: `Đ19 k1 a, Đ21 k1, Đ25 ${LAW}`,
    note: {
      vi: 'Nội dung k1, k2 phạm vi cấp xã do Chủ tịch UBND xã quyết định phát phiếu đến mọi thôn và được thông qua khi từ hai phần ba số thôn tán thành; lấy ý kiến và khảo sát có thể trên toàn xã. Nội dung k3–k6 và bầu cử do từng thôn quyết định.',
      en: 'Commune-wide k1, k2 content goes to every village by the commune chair’s household ballot and passes with two thirds of the villages; consultations and surveys may cover the commune. k3–k6 matters and elections are decided village by village.',
    },
  },
  meetingQuorum: {
    k3: {
      value: MORE_THAN_HALF,
      article: 'Đ10 k1 a NĐ 61/2023/NĐ-CP',
      note: {
        vi: 'Cuộc họp về hương ước, quy ước chỉ hợp lệ khi có đại diện của trên 50% tổng số hộ gia đình tham dự.',
        en: 'A covenant meeting is valid only when representatives of more than 50% of all households attend.',
      },
    },
  },
  proceduralVote: {
    value: MORE_THAN_HALF,
    article: `Đ3 k5 ${ND59}`,
    note: {
      vi: 'Thư ký, hình thức biểu quyết, Ban kiểm phiếu được chọn khi có trên 50% đại diện hộ gia đình tham dự cuộc họp đồng ý.',
      en: 'Secretary, voting method and counting board are chosen by more than 50% of the representatives present.',
    },
  },
  meetingRecordVotes: {
    value: { always: ['secretary', 'method'], secretBallot: ['board'] },
    article: `Đ18 k4 ${LAW}; Đ3 k5 ${ND59}`,
    note: {
      vi: 'Biên bản cuộc họp ghi việc chọn thư ký và hình thức biểu quyết; khi bỏ phiếu kín, ghi việc thông qua Ban kiểm phiếu. Mỗi việc được chọn khi có trên 50% đại diện hộ gia đình dự họp đồng ý.',
      en: 'The meeting record holds the choice of the secretary and of the voting method; with a secret ballot, the approval of the counting board. Each is chosen by more than half of the household representatives present.',
    },
  },
  onlineTeam: {
    value: { min: 3, max: 5 },
    article: `Đ5 ${ND59}`,
    note: {
      vi: 'Tổ lấy ý kiến biểu quyết trực tuyến gồm từ 03 đến 05 người; đại diện Ban công tác Mặt trận làm Tổ trưởng, có người biết sử dụng công nghệ thông tin.',
      en: 'The online-vote team has 3 to 5 people; the Front work committee’s representative leads it and it includes someone able with IT.',
    },
  },
  consultationAnswers: {
    value: { kinds: ['consultation'], answers: ['tiep_thu', 'giai_trinh'], reasonsWhenDeparting: true, majority: MORE_THAN_HALF },
    article: `Đ28 ${LAW}`,
    note: {
      vi: 'Công khai kết quả tổng hợp ý kiến của Nhân dân cùng nội dung tiếp thu, giải trình; khi quyết định khác với ý kiến của đa số Nhân dân phải nêu rõ lý do.',
      en: 'The synthesis is published with what was taken on and what was explained; where the decision departs from the majority opinion, the reasons are stated.',
    },
  },
  citizenInitiative: {
    value: { kind: 'at_least_fraction', num: 1, den: 10 },
    article: `Đ16 ${LAW}`,
    note: {
      vi: 'Sáng kiến của Nhân dân cần ít nhất 10% tổng số hộ gia đình đồng thuận; ý kiến có giá trị trong 03 tháng.',
      en: 'A citizen initiative needs at least 10% of households; consents are valid for 3 months.',
    },
  },
  consultationMinDays: {
    value: 20,
    article: `Đ28 ${LAW}`,
    note: {
      vi: 'Thời gian lấy ý kiến Nhân dân ít nhất là 20 ngày kể từ ngày công khai nội dung lấy ý kiến.',
      en: 'A consultation stays open at least 20 days from publication of its content.',
    },
  },
  postingMinDays: {
    value: 30,
    article: `Đ13 k2 ${LAW}`,
    note: {
      vi: 'Niêm yết ít nhất là 30 ngày liên tục.',
      en: 'Posted for at least 30 consecutive days.',
    },
  },
  loudspeakerMinDays: {
    value: 3,
    article: `Đ13 k3 ${LAW}`,
    note: {
      vi: 'Thông báo trên hệ thống truyền thanh ít nhất là 03 ngày liên tục.',
      en: 'Announced on the loudspeaker for at least 3 consecutive days.',
    },
  },
  dialogueConferences: {
    value: { perYear: 1 },
    article: `Đ32 ${LAW}`,
    note: {
      vi: 'UBND cấp xã chủ trì, phối hợp với Ban Thường trực UBMTTQ cùng cấp tổ chức hội nghị trao đổi, đối thoại với Nhân dân ít nhất mỗi năm một lần.',
      en: 'The commune People’s Committee, with the Fatherland Front committee, holds a conference of exchange and dialogue with the people at least once a year.',
    },
  },
  deadlines: {
    meetingNotice: {
      value: { count: 'days_before', days: 2 },
      article: `Đ3 ${ND59} (Mẫu 01)`,
      note: {
        vi: 'Thông tin về cuộc họp (Mẫu 01) đến người tham dự ít nhất 02 ngày trước ngày họp. Tính theo ngày lịch: họp ngày 10 thì thông báo chậm nhất ngày 08; không lùi khi rơi vào ngày nghỉ.',
        en: 'Meeting information (Mẫu 01) reaches participants at least 2 days before the meeting. Calendar days: a meeting on the 10th needs notice by the 8th; never moved off a day off.',
      },
    },
    meetingDocuments: {
      value: { count: 'days_before', days: 2, categories: ['k1', 'k2', 'k3'] },
      article: `Đ3 k4 ${ND59}`,
      note: {
        vi: 'Nội dung khoản 1, 2, 3 Điều 15: tài liệu gửi đến từng hộ gia đình ít nhất 02 ngày trước ngày họp (ngày lịch, như thông báo họp).',
        en: 'For k1–k3 content the documents reach every household at least 2 days before the meeting (calendar days, as the notice).',
      },
    },
    ballotPlanSent: {
      value: { count: 'days_after', days: 2, nextWorkingDay: true },
      article: `Đ4 k2 ${ND59}`,
      note: {
        vi: 'Kế hoạch phát phiếu gửi Chủ tịch UBND và Chủ tịch UBMTTQ cấp xã chậm nhất 02 ngày kể từ ngày ban hành: không tính ngày ban hành; ngày cuối rơi vào ngày nghỉ thì chuyển sang ngày làm việc kế tiếp (BLDS Đ148 k2).',
        en: 'The ballot plan reaches the commune chairs within 2 days of its issue: the issue day is not counted; a last day on a day off moves to the next working day (Civil Code Art. 148(2)).',
      },
    },
    ballotPublicity: {
      value: { count: 'days_before', days: 2 },
      article: `Đ4 ${ND59}`,
      note: {
        vi: 'Nội dung, thời gian, thời hạn và thành phần Tổ phát phiếu được công khai ít nhất 02 ngày trước ngày phát phiếu (ngày lịch).',
        en: 'Content, timing, deadline and ballot team are made public at least 2 calendar days before distribution.',
      },
    },
    reportToCommune: {
      value: { count: 'working_days_after', days: 5 },
      article: `Đ20 k3 ${LAW}; Đ4 k7, Đ5 ${ND59}`,
      note: {
        vi: 'Quyết định của cộng đồng dân cư gửi UBND và UBMTTQ cấp xã chậm nhất 05 ngày làm việc, tính từ ngày sau ngày họp, hoặc sau ngày kết thúc thời hạn phát phiếu hay biểu quyết trực tuyến.',
        en: 'The community decision reaches the commune People’s Committee and Front committee within 5 working days, counted from the day after the meeting, or after the end of the ballot or online-vote period.',
      },
    },
    recognition: {
      value: { count: 'working_days_after', days: 5 },
      article: `Đ21 k2 ${LAW}`,
      note: {
        vi: 'UBND cấp xã (k3, k4) hoặc UBMTTQ cấp xã (k5) ban hành quyết định công nhận chậm nhất 05 ngày làm việc kể từ ngày nhận được quyết định của cộng đồng dân cư (không tính ngày nhận); không công nhận thì trả lời bằng văn bản, nêu rõ lý do.',
        en: 'Recognition by the commune (k3, k4) or the Front committee (k5) within 5 working days of receiving the community decision (the day of receipt not counted); a refusal is answered in writing with reasons.',
      },
    },
    publication: {
      value: { count: 'working_days_after', days: 5 },
      article: `Đ12 k3 ${LAW}`,
      note: {
        vi: 'Công khai chậm nhất là 05 ngày làm việc kể từ ngày có quyết định (không tính ngày quyết định); với cộng đồng dân cư là ngày biểu quyết thông qua.',
        en: 'Published within 5 working days of the decision (its day not counted); for a community decision, the day it was voted.',
      },
    },
    recommendationAnswer: {
      value: { count: 'days_after', days: 15, nextWorkingDay: true },
      article: `Đ40, Đ45 ${LAW}`,
      note: {
        vi: 'UBND cấp xã trả lời kiến nghị của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng trong thời hạn 15 ngày (ngày lịch) kể từ ngày nhận được kiến nghị; ngày cuối rơi vào ngày nghỉ thì chuyển sang ngày làm việc kế tiếp.',
        en: 'The commune answers a recommendation of the inspection or investment supervision board within 15 calendar days of receiving it; a last day on a day off moves to the next working day.',
      },
    },
    villageHeadElectionPlan: {
      value: { count: 'days_before', days: 20 },
      article: `Đ6 k1 a ${ND59}`,
      note: {
        vi: 'Chủ tịch UBND cấp xã ban hành quyết định tổ chức bầu, kế hoạch và triển khai chậm nhất 20 ngày trước ngày họp bầu Trưởng thôn (ngày lịch).',
        en: 'The commune chair issues the election decision and plan at least 20 calendar days before the village-head election meeting.',
      },
    },
    villageHeadCandidateList: {
      value: { count: 'days_before', days: 15 },
      article: `Đ6 ${ND59} (Mẫu 05)`,
      note: {
        vi: 'Ban công tác Mặt trận dự kiến danh sách người ứng cử (ít nhất 01 người; biên bản Mẫu 05) gửi UBND cấp xã chậm nhất 15 ngày trước ngày bầu (ngày lịch).',
        en: 'The Front committee’s candidate list (at least one; record Mẫu 05) reaches the commune at least 15 calendar days before the election.',
      },
    },
    villageHeadElectionTeam: {
      value: { count: 'days_before', days: 10 },
      article: `Đ6 k1 b ${ND59}`,
      note: {
        vi: 'Quyết định thành lập Tổ bầu cử chậm nhất 10 ngày trước ngày họp bầu (ngày lịch); người ứng cử không là thành viên Tổ bầu cử.',
        en: 'The election team is formed at least 10 calendar days before the election; no candidate sits on it.',
      },
    },
    villageHeadElectionNotice: {
      value: { count: 'days_before', days: 7 },
      article: `Đ6 k1 ${ND59}`,
      note: {
        vi: 'Các quyết định được thông báo đến Nhân dân, niêm yết tại nhà văn hóa và trên hệ thống truyền thanh chậm nhất 07 ngày trước ngày bầu (ngày lịch).',
        en: 'The decisions are made known in the village, posted and broadcast, at least 7 calendar days before the election.',
      },
    },
    villageHeadReElection: {
      value: { count: 'days_after', days: 60, nextWorkingDay: true },
      article: `Đ9 k3 ${ND59}`,
      note: {
        vi: 'Trong thời hạn 60 ngày kể từ ngày có quyết định công nhận cho thôi làm Trưởng thôn, UBND cấp xã quyết định việc bầu Trưởng thôn mới (ngày lịch, không tính ngày công nhận); trong thời gian khuyết, cử Trưởng thôn lâm thời.',
        en: 'Within 60 calendar days of the recognised removal, the commune decides a new village-head election (the recognition day not counted); an interim head serves meanwhile.',
      },
    },
    supervisionPlanNotice: {
      value: { count: 'days_before', days: 45 },
      article: `Đ45 ${LAW}`,
      note: {
        vi: 'UBMTTQ cấp xã thông báo kế hoạch giám sát và thành phần Ban Giám sát đầu tư của cộng đồng cho chủ đầu tư chậm nhất 45 ngày trước ngày thực hiện giám sát (ngày lịch).',
        en: 'The Front committee notifies the investor of the supervision plan and board at least 45 calendar days before supervision starts.',
      },
    },
    annualMeetingNotice: {
      value: { count: 'days_before', days: 5 },
      article: `Đ33 ${LAW}; Đ10 ${ND59}`,
      note: {
        vi: 'Thông báo hội nghị định kỳ của thôn, tổ dân phố ít nhất 05 ngày trước ngày tổ chức (ngày lịch).',
        en: 'The village’s year-end meeting is announced at least 5 calendar days ahead.',
      },
    },
    initiativeConsent: {
      value: { count: 'months_after', months: 3 },
      article: `Đ16 ${LAW}`,
      note: {
        vi: 'Ý kiến đồng thuận với sáng kiến của Nhân dân có giá trị trong thời hạn 03 tháng: đồng thuận ngày 15/3 còn giá trị đến hết ngày 15/6 (tháng không có ngày tương ứng thì đến ngày cuối tháng).',
        en: 'A consent to a citizen initiative is valid for 3 months: given on 15/3, valid through 15/6 (or the last day of a month without that day).',
      },
    },
  },
  recognitionBody: {
    value: { k3: 'ubnd_xa', k4: 'ubnd_xa', k5: 'ubmttq_xa' },
    article: `Đ21 k2 ${LAW}`,
    note: {
      vi: 'Hương ước, quy ước (k3) và Trưởng thôn (k4) có hiệu lực khi UBND cấp xã công nhận; thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng (k5) khi UBMTTQ cấp xã công nhận. Nội dung k1, k2, k6 có hiệu lực từ ngày thông qua.',
      en: 'A covenant (k3) and a village head (k4) take effect on recognition by the commune, board members (k5) on recognition by the Front committee; k1, k2 and k6 take effect when adopted.',
    },
  },
  calendar: {
    weeklyRest: {
      value: { weekdays: [0, 6] },
      article: 'Đ111 BLLĐ 2019; QĐ 188/1999/QĐ-TTg',
      note: {
        vi: 'Cơ quan hành chính nhà nước làm việc 40 giờ mỗi tuần, nghỉ thứ Bảy và Chủ nhật.',
        en: 'State offices work a 40-hour week and rest on Saturday and Sunday.',
      },
    },
    weekendSubstitute: {
      value: { nextWorkingDay: true },
      article: 'Đ111 k3 BLLĐ 2019',
      note: {
        vi: 'Ngày nghỉ lễ, tết trùng ngày nghỉ hằng tuần thì được nghỉ bù vào ngày làm việc kế tiếp (Giỗ Tổ 26/4/2026 là Chủ nhật: nghỉ bù thứ Hai 27/4).',
        en: 'A holiday on a weekly rest day gives a day off on the next working day (Hùng Kings’ day 26/4/2026 is a Sunday: Monday 27/4 is off).',
      },
    },
    holidays: {
      new_year: {
        value: { name: { vi: 'Tết Dương lịch', en: 'New Year’s Day' }, date: { calendar: 'solar', month: 1, day: 1 }, offset: 0, days: 1, adjacentDay: null, status: 'in_force' },
        article: 'Đ112 k1 a BLLĐ 2019',
        note: { vi: 'Tết Dương lịch: 01 ngày (01/01).', en: 'New Year: 1 day (1 January).' },
      },
      lunar_new_year: {
        value: { name: { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' }, date: { calendar: 'lunar', month: 1, day: 1 }, offset: -1, days: 5, adjacentDay: null, status: 'in_force' },
        article: 'Đ112 k1 b, k3 BLLĐ 2019',
        note: {
          vi: 'Tết Âm lịch: 05 ngày, do Thủ tướng quyết định cụ thể hằng năm. Mặc định: ngày cuối năm Âm lịch và mùng 1 đến mùng 4 (như năm 2026); năm công bố khác thì nhập vào lịch nghỉ của xã.',
          en: 'Lunar New Year: 5 days, fixed each year by the Prime Minister. Default: the last day of the lunar year and the first four days (as in 2026); enter a different announcement in the commune calendar.',
        },
      },
      hung_kings: {
        value: { name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings’ Commemoration' }, date: { calendar: 'lunar', month: 3, day: 10 }, offset: 0, days: 1, adjacentDay: null, status: 'in_force' },
        article: 'Đ112 k1 e BLLĐ 2019',
        note: { vi: 'Giỗ Tổ Hùng Vương: 01 ngày (10/3 Âm lịch, tháng Ba không nhuận).', en: 'Hùng Kings’ day: 1 day (10th day of the regular third lunar month).' },
      },
      reunification: {
        value: { name: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' }, date: { calendar: 'solar', month: 4, day: 30 }, offset: 0, days: 1, adjacentDay: null, status: 'in_force' },
        article: 'Đ112 k1 c BLLĐ 2019',
        note: { vi: 'Ngày Chiến thắng: 01 ngày (30/4).', en: 'Victory Day: 1 day (30 April).' },
      },
      labour_day: {
        value: { name: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' }, date: { calendar: 'solar', month: 5, day: 1 }, offset: 0, days: 1, adjacentDay: null, status: 'in_force' },
        article: 'Đ112 k1 d BLLĐ 2019',
        note: { vi: 'Ngày Quốc tế lao động: 01 ngày (01/5).', en: 'Labour Day: 1 day (1 May).' },
      },
      national_day: {
        value: {
          name: { vi: 'Quốc khánh', en: 'National Day' },
          date: { calendar: 'solar', month: 9, day: 2 },
          offset: 0,
          days: 1,
          // Sunday … Saturday: the side the Government chose in 2021–2026 (the
          // adjacent weekday that joins a weekend, else the day before).
          adjacentDay: ['after', 'after', 'before', 'before', 'after', 'before', 'before'],
          status: 'in_force',
        },
        article: 'Đ112 k1 đ, k3 BLLĐ 2019',
        note: {
          vi: 'Quốc khánh: 02 ngày (02/9 và 01 ngày liền kề trước hoặc sau, do Thủ tướng quyết định). Mặc định theo thứ của ngày 02/9 như các năm 2021–2026 (2026: 01/9 và 02/9).',
          en: 'National Day: 2 days (2 September and one adjacent day before or after, fixed by the Prime Minister). Default by the weekday of 2 September, as in 2021–2026 (2026: 1 and 2 September).',
        },
      },
      culture_day: {
        value: { name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnamese Culture Day' }, date: { calendar: 'solar', month: 11, day: 24 }, offset: 0, days: 1, adjacentDay: null, status: 'proposed' },
        article: 'NQ 80-NQ/TW (01/2026); NQ 30/NQ-CP (02/2026) — chưa xác minh đã sửa Đ112 BLLĐ',
        note: {
          vi: 'Chủ trương chọn 24/11 là Ngày Văn hóa Việt Nam, người lao động được nghỉ hưởng nguyên lương; Chính phủ giao sửa khoản 1 Điều 112 BLLĐ. Chưa xác minh đã được Quốc hội thông qua: xã bật khi đã có hiệu lực.',
          en: '24 November as Vietnamese Culture Day with a paid day off is Party and Government policy pending an amendment of Labour Code Art. 112(1); not verified as enacted. A commune switches it on once in force.',
        },
      },
    },
    announcedChanges: {
      value: { recordedBy: 'commune_setting' },
      article: 'Đ112 k3 BLLĐ 2019',
      note: {
        vi: 'Thủ tướng quyết định cụ thể ngày nghỉ Tết Âm lịch và ngày liền kề Quốc khánh; Bộ Nội vụ thông báo việc hoán đổi ngày làm việc hằng năm. Xã nhập các ngày này vào lịch nghỉ của xã.',
        en: 'The Prime Minister fixes the Tết days and Quốc khánh’s adjacent day; the Ministry of Home Affairs announces the year’s swapped working days. The commune enters them in its calendar setting.',
      },
    },
  },
  election: {
    electedWhen: {
      value: MORE_THAN_HALF,
      article: `Đ21 k1 ${LAW} (nội dung k4, k5)`,
      note: {
        vi: 'Người trúng cử phải được trên 50% tổng số đại diện hộ gia đình trong thôn bầu; trong số đó lấy người nhiều phiếu hơn đến đủ số lượng.',
        en: 'Elected with votes from more than 50% of all households of the village; among those, the highest take the seats.',
      },
    },
    tieAtCutoff: {
      value: 'report',
      article: `Đ3 k5 ${ND59}; Điều 78 Luật Bầu cử ĐBQH và HĐND (tương tự)`,
      note: {
        vi: 'Số phiếu bằng nhau ở vị trí cuối: báo cáo để cuộc họp quyết định (bầu lại giữa những người bằng phiếu, hoặc chọn người nhiều tuổi hơn nếu cuộc họp thống nhất).',
        en: 'A tie at the cut-off is reported for the meeting to decide (a run-off among the tied, or the older candidate where the meeting so decides).',
      },
    },
    unfilledSeats: {
      value: 'report',
      article: `Đ3 k5 ${ND59}`,
      note: {
        vi: 'Không đủ người trúng cử: ghi rõ lý do trong biên bản để UBND cấp xã xem xét, quyết định bầu lại hoặc bầu bổ sung.',
        en: 'Seats left unfilled are recorded with the reason so the commune can decide a new or by-election.',
      },
    },
    invalidWhen: {
      value: { not_issued_form: true, names_added: true, extra_marks: true, more_than_seats: true, all_struck: true },
      article: 'Điều 74 Luật Bầu cử ĐBQH và HĐND (áp dụng tương tự)',
      note: {
        vi: 'Phiếu không hợp lệ: không theo mẫu phát ra, để lại nhiều tên hơn số lượng được bầu, gạch hết tên, ghi thêm tên hoặc ghi thêm nội dung. Để lại ít tên hơn số lượng vẫn hợp lệ.',
        en: 'Invalid: not the issued form, more names kept than seats, every name struck, names or marks added. Keeping fewer names than seats is valid.',
      },
    },
  },
  boards: {
    village_head: {
      value: { category: 'k4', name: { vi: 'Trưởng thôn, Tổ trưởng tổ dân phố', en: 'Village head' }, seatsPerVillage: 1, maxElectedTotal: null, roster: null },
      article: `Đ15 k4 ${LAW}; Đ6, Đ7 ${ND59}`,
      note: {
        vi: 'Mỗi thôn, tổ dân phố bầu 01 Trưởng thôn, Tổ trưởng tổ dân phố tại cuộc họp cộng đồng dân cư.',
        en: 'Each village elects one village head at its community meeting.',
      },
    },
    inspection: {
      value: { category: 'k5', name: { vi: 'Ban Thanh tra nhân dân', en: 'People’s Inspection Board' }, seatsPerVillage: null, maxElectedTotal: null, roster: { perVillage: 1, minMembers: 5 } },
      article: `Đ36 k1 ${LAW}; Đ13 k2 ${ND59}`,
      note: {
        vi: 'Thành viên Ban Thanh tra nhân dân được bầu tại cuộc họp của từng thôn; số thành viên tương ứng số thôn nhưng không ít hơn 05 người.',
        en: 'Inspection Board members are elected at each village’s meeting; one per village and no fewer than 5 members.',
      },
    },
    investment_supervision: {
      value: { category: 'k5', name: { vi: 'Ban Giám sát đầu tư của cộng đồng', en: 'Community Investment Supervision Board' }, seatsPerVillage: null, maxElectedTotal: 5, roster: null },
      article: `Đ41, Đ42 ${LAW}; Đ17 k1 ${ND59}`,
      note: {
        vi: 'Thành viên là người dân ở thôn có dự án được bầu tại cuộc họp cộng đồng dân cư, không quá 05 người; Ban có ít nhất 05 thành viên kể cả đại diện Ủy ban MTTQ xã và Ban Thanh tra nhân dân (không phải điều kiện của kết quả bầu).',
        en: 'Resident members are elected at the meeting of the project’s village(s), at most 5; the board has at least 5 members including the Front committee’s and the Inspection Board’s representatives (not a condition of the election result).',
      },
    },
  },
  eligibility: {
    village_head: {
      value: [
        { code: 'resident', text: { vi: 'Có hộ khẩu thường trú và cư trú thường xuyên ở thôn, tổ dân phố', en: 'Permanently registered and living in the village' } },
        { code: 'age', text: { vi: 'Đủ 21 tuổi trở lên', en: 'Aged 21 or over' } },
        { code: 'health', text: { vi: 'Có sức khỏe, nhiệt tình và có tinh thần trách nhiệm trong công tác', en: 'In good health, committed and responsible' } },
        { code: 'character', text: { vi: 'Có phẩm chất chính trị và đạo đức tốt, được Nhân dân tín nhiệm; bản thân và gia đình gương mẫu chấp hành pháp luật', en: 'Of good political and moral standing, trusted by the people; an example of obeying the law with their family' } },
        { code: 'capacity', text: { vi: 'Có kiến thức văn hóa, năng lực, kinh nghiệm và phương pháp vận động, tổ chức Nhân dân', en: 'Has the education, ability and experience to mobilise and organise the people' } },
      ],
      article: 'Đ5 TT 04/2012/TT-BNV (chưa xác minh còn hiệu lực); Đ6 NĐ 59/2023/NĐ-CP',
      note: {
        vi: 'Tiêu chuẩn Trưởng thôn, Tổ trưởng tổ dân phố theo Thông tư 04/2012/TT-BNV (chưa đối chiếu văn bản gốc; có thể đã được thay thế): Ban công tác Mặt trận xác nhận từng tiêu chuẩn khi lập danh sách người ứng cử (Mẫu 05).',
        en: 'Village-head standards after Circular 04/2012/TT-BNV (not checked against the gazette; may have been replaced): the Front work committee attests each when it draws up the candidate list (Mẫu 05).',
      },
    },
    inspection: {
      value: [
        { code: 'resident', text: { vi: 'Là công dân thường trú trên địa bàn', en: 'A citizen permanently resident in the area' } },
        { code: 'not_official', text: { vi: 'Không đồng thời là cán bộ, công chức cấp xã, người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố', en: 'Not at the same time a commune official or civil servant, nor a part-time worker of the commune or the village' } },
        { code: 'character', text: { vi: 'Có phẩm chất đạo đức tốt, có uy tín trong cộng đồng dân cư', en: 'Of good character and standing in the community' } },
        { code: 'law', text: { vi: 'Có hiểu biết về pháp luật', en: 'Has an understanding of the law' } },
        { code: 'volunteer', text: { vi: 'Tự nguyện tham gia Ban Thanh tra nhân dân', en: 'Volunteers for the People’s Inspection Board' } },
      ],
      article: `Đ37 ${LAW}`,
      note: {
        vi: 'Tiêu chuẩn thành viên Ban Thanh tra nhân dân; Ban công tác Mặt trận xác nhận từng tiêu chuẩn của người ứng cử.',
        en: 'Standards of an Inspection Board member; the Front work committee attests each for every candidate.',
      },
    },
    investment_supervision: {
      value: [
        { code: 'resident', text: { vi: 'Là công dân thường trú trên địa bàn thôn, tổ dân phố nơi có dự án', en: 'A citizen permanently resident in the village of the project' } },
        { code: 'not_official', text: { vi: 'Không là cán bộ, công chức cấp xã', en: 'Not a commune official or civil servant' } },
        { code: 'no_relatives', text: { vi: 'Không có người thân là người quyết định đầu tư, chủ đầu tư, tư vấn của chủ đầu tư, nhà thầu, người giám sát của nhà thầu hoặc người trực tiếp quản lý dự án', en: 'No relative among the investment decision-makers, the investor, its consultants, the contractor, the contractor’s supervisors or the project’s direct manager' } },
      ],
      article: `Đ42 ${LAW}`,
      note: {
        vi: 'Tiêu chuẩn thành viên Ban Giám sát đầu tư của cộng đồng; Ban công tác Mặt trận xác nhận từng tiêu chuẩn của người ứng cử.',
        en: 'Standards of an investment supervision board member; the Front work committee attests each for every candidate.',
      },
    },
  },
  teamNotCandidate: {
    value: { enabled: true },
    article: `Đ6 k1 b ${ND59}; Đ3 k5 ${ND59} (tương tự)`,
    note: {
      vi: 'Người ứng cử không là thành viên Tổ bầu cử (bầu Trưởng thôn); áp dụng tương tự cho Ban kiểm phiếu khi bầu thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng.',
      en: 'No candidate sits on the election team (village head); applied alike to the counting board of a board election.',
    },
  },
  countingBoard: {
    // A board of the wrong size is recorded as a warning for the confirming
    // inspector, not refused: refusing would push the village head to invent
    // names, while the signed sheet photo shows who actually counted.
    value: { min: 3, max: 5, witnesses: 2, severity: 'warning' },
    article: `Đ3 k5, Đ4 ${ND59}`,
    note: {
      vi: 'Ban kiểm phiếu (Tổ phát phiếu) gồm 03 đến 05 người; mời 02 đại diện hộ gia đình chứng kiến việc kiểm phiếu.',
      en: 'The counting board has 3 to 5 members; two household representatives witness the count.',
    },
  },
  householdBallotMarks: {
    value: { exactlyOne: true },
    article: `Đ4 k5 ${ND59}; mẫu phiếu NĐ 54/2018/NĐ-CP (tham khảo)`,
    note: {
      vi: 'Phiếu không đánh dấu ô nào hoặc đánh dấu nhiều hơn một ô là phiếu không hợp lệ.',
      en: 'A ballot with no box or more than one box marked is invalid.',
    },
  },
  sipas: {
    value: { scaleMin: 1, scaleMax: 5, satisfiedLevels: [4, 5] },
    article: 'QĐ 2640/QĐ-BNV; phương pháp SIPAS Bộ Nội vụ',
    note: {
      vi: 'Thang 5 mức (Rất không hài lòng … Rất hài lòng); tỷ lệ hài lòng là tỷ lệ câu trả lời ở mức 4–5.',
      en: '5-point scale; the satisfaction share is the share of answers at levels 4–5.',
    },
  },
  oneStop: {
    value: { levels: ['very_satisfied', 'satisfied', 'not_satisfied'], satisfiedLevels: ['very_satisfied', 'satisfied'] },
    article: 'Đ29, Đ31 NĐ 61/2018/NĐ-CP; Đ12 TT 32/2017/TT-BTTTT',
    note: {
      vi: 'Đánh giá tại Bộ phận Một cửa theo 3 mức: Rất hài lòng, Hài lòng, Không hài lòng; theo từng hồ sơ và từng cán bộ.',
      en: 'One-stop rating on 3 levels (very satisfied, satisfied, not satisfied), per dossier and per officer.',
    },
  },
  oneStopReasons: {
    value: [
      { code: 'time', label: { vi: 'Thời gian trả kết quả so với quy định', en: 'Time to return the result against the rule' } },
      { code: 'agencies', label: { vi: 'Số lượng cơ quan phải liên hệ', en: 'Number of agencies contacted' } },
      { code: 'visits', label: { vi: 'Số lần phải liên hệ để hoàn thiện hồ sơ', en: 'Number of contacts to complete the dossier' } },
      { code: 'information', label: { vi: 'Công khai thủ tục không đầy đủ, chính xác, kịp thời', en: 'Procedure information incomplete, inaccurate or late' } },
      { code: 'attitude', label: { vi: 'Thái độ ứng xử của cán bộ, công chức', en: 'Officer attitude' } },
      { code: 'cost', label: { vi: 'Kết quả, chi phí không đúng quy định (kể cả chi phí không chính thức)', en: 'Unlawful result or cost, including unofficial costs' } },
      { code: 'complaints', label: { vi: 'Thời gian, chất lượng trả lời phản ánh, kiến nghị', en: 'Time and quality of answers to complaints' } },
      { code: 'online', label: { vi: 'Tiến độ, chất lượng dịch vụ công trực tuyến', en: 'Progress and quality of the online service' } },
      { code: 'other', label: { vi: 'Khác', en: 'Other' } },
    ],
    article: 'Đ31 k1 NĐ 61/2018/NĐ-CP',
    note: {
      vi: 'Lý do không hài lòng theo các tiêu chí đánh giá tại Điều 31.',
      en: 'Reasons for dissatisfaction follow the Đ31 evaluation criteria.',
    },
  },
};

/** The channel policy for a campaign kind (and a decision's category). */
export function channelPolicy(kind: CampaignKind, category: Category | null | undefined, rules: LegalRules = DEFAULT_RULES): Rule<ChannelPolicy> {
  if (kind !== 'decision') return rules.channels[kind];
  // A decision without a category has no lawful channel rule (Đ15): refuse rather than guess.
  if (!category) throw new RangeError('a decision campaign needs a category k1–k6');
  return rules.channels.decision[category];
}

/**
 * The channels a campaign may take its answers by: those that decide or stand
 * in as the fallback; where nothing decides (consultation, satisfaction) every
 * advisory channel. A decision's advisory online answers (k1–k5) are not a
 * channel of the campaign: staff ask for them apart (`advisoryOnline`).
 */
export function campaignChannels(kind: CampaignKind, category: Category | null | undefined, rules: LegalRules = DEFAULT_RULES): Channel[] {
  const p = channelPolicy(kind, category, rules).value;
  return p.binding.length > 0 ? [...p.binding, ...p.fallback] : [...p.advisory];
}

/**
 * Whether a ballot received by this channel counts in the campaign's result
 * (stored as binding), rather than being set apart as advice: the one place
 * this is decided. Online answers to a k1–k5 decision are advice only (Đ17 k2);
 * a consultation's or a survey's answers all count in its (advisory) result.
 */
export function ballotBinds(kind: CampaignKind, category: Category | null | undefined, channel: Channel, rules: LegalRules = DEFAULT_RULES): boolean {
  return campaignChannels(kind, category, rules).includes(channel);
}

/** Online answers set apart as advice beside the channels that decide (k1–k5 decisions, Đ17 k2). */
export function onlineAdvisoryApart(kind: CampaignKind, category: Category | null | undefined, rules: LegalRules = DEFAULT_RULES): boolean {
  if (kind === 'decision' && !category) return false;
  const p = channelPolicy(kind, category, rules).value;
  return p.binding.length > 0 && p.advisory.includes('online');
}

/** The board an election fills: k4 the village head; k5 the inspection board unless another is named. */
export function boardOf(category: Category | null | undefined, board: ElectionBoard | null | undefined, rules: LegalRules = DEFAULT_RULES): ElectionBoard {
  if (board) return board;
  const k4 = (Object.keys(rules.boards) as ElectionBoard[]).find((b) => rules.boards[b].value.category === category);
  return category === 'k4' && k4 ? k4 : 'inspection';
}

/** Whether a campaign of this kind (and category) may cover the whole commune (Đ19 k1 a, Đ21 k1). */
export function communeScopeAllowed(kind: CampaignKind, category: Category | null | undefined, rules: LegalRules = DEFAULT_RULES): boolean {
  const { decision, kinds } = rules.communeScope.value;
  if (kind === 'decision') return !!category && decision.includes(category);
  return kinds.includes(kind);
}

/** How a channel takes part in one village's result. */
export type ChannelRole = 'binding' | 'after_failed_meeting' | 'advisory' | 'none';

/**
 * The part each channel plays in one village (the reconciliation reads it):
 * the meeting binds where it may; paper binds, or only replaces a meeting that
 * failed for attendance (k3–k5, elections: Đ17 k2, Đ19 k1 b; k1–k2 too under
 * the stricter reading when switched on); online binds only where the
 * category lets it (k6) and that village's households agreed to vote online
 * (NĐ 59 Đ5), and is otherwise advice.
 */
export function channelRoles(
  kind: CampaignKind,
  category: Category | null | undefined,
  village: { scope: 'village' | 'commune'; onlineAgreement: boolean },
  rules: LegalRules = DEFAULT_RULES,
): Record<Channel, ChannelRole> {
  const p = channelPolicy(kind, category, rules).value;
  const strict = rules.householdBallotAfterMeeting.value;
  const role = (ch: Channel): ChannelRole => {
    if (p.binding.includes(ch)) {
      if (ch === 'online' && p.onlineNeedsApproval && !village.onlineAgreement) return 'advisory';
      if (ch === 'paper' && kind === 'decision' && village.scope === 'village' && strict.enabled && !!category && strict.categories.includes(category)) return 'after_failed_meeting';
      return 'binding';
    }
    if (p.fallback.includes(ch)) return 'after_failed_meeting';
    return p.advisory.includes(ch) ? 'advisory' : 'none';
  };
  return { meeting: role('meeting'), paper: role('paper'), online: role('online') };
}

/**
 * Whether an online ballot cast now binds: decided at cast time and stored on
 * the ballot (an advisory answer never uses the household's binding vote).
 */
export function onlineBallotBinds(kind: CampaignKind, category: Category | null | undefined, onlineAgreement: boolean, rules: LegalRules = DEFAULT_RULES): boolean {
  if (kind === 'decision' && !category) return false;
  const p = channelPolicy(kind, category, rules).value;
  // a consultation or a survey decides nothing: every answer counts in its own (advisory) result
  if (p.binding.length === 0) return p.advisory.includes('online');
  // the scope does not change the online role
  return channelRoles(kind, category, { scope: 'village', onlineAgreement }, rules).online === 'binding';
}

/** The per-village threshold: an election always uses the election rule, a decision its category's. */
export function thresholdFor(kind: CampaignKind, category: Category | null | undefined, rules: LegalRules = DEFAULT_RULES): Rule<ThresholdRule> {
  if (kind === 'election') return rules.election.electedWhen;
  if (!category) throw new RangeError('a decision campaign needs a category k1–k6');
  return rules.thresholds[category];
}
