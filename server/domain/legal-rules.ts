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

export type ElectionInvalidReason = 'not_issued_form' | 'names_added' | 'extra_marks' | 'more_than_seats' | 'all_struck';

export interface OneStopReason {
  code: string;
  label: LocalizedText;
}

export type OneStopLevel = 'very_satisfied' | 'satisfied' | 'not_satisfied';

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
  /** meetings that need a quorum before their vote counts: k3 covenant, present > 50% of households (NĐ 61/2023 Đ10) */
  meetingQuorum: Partial<Record<Category, Rule<ThresholdRule>>>;
  /** procedural votes inside a meeting, denominator = representatives present (NĐ 59 Đ3) */
  proceduralVote: Rule<ThresholdRule>;
  /** citizen initiative put to the community, denominator = households (Đ16) */
  citizenInitiative: Rule<ThresholdRule>;
  consultationMinDays: Rule<number>;
  postingMinDays: Rule<number>;
  loudspeakerMinDays: Rule<number>;
  deadlines: {
    /** decision sent to UBND and UBMTTQ xã (Đ20 k3) */
    reportToCommune: Rule<{ workingDays: number }>;
    /** recognition by UBND xã (k3, k4) or UBMTTQ xã (k5) (Đ21 k2) */
    recognition: Rule<{ workingDays: number }>;
    /** publication after the decision (Đ12 k3) */
    publication: Rule<{ workingDays: number }>;
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
  /** Ban Thanh tra nhân dân: one member per village, at least 5 for the commune (Đ36 k1, NĐ 59 Đ13 k2) */
  inspectionBoard: Rule<{ perVillage: number; minMembers: number }>;
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
  deadlines: {
    reportToCommune: {
      value: { workingDays: 5 },
      article: `Đ20 k3 ${LAW}`,
      note: {
        vi: 'Quyết định của cộng đồng dân cư gửi UBND và UBMTTQ cấp xã chậm nhất 05 ngày làm việc.',
        en: 'The community decision reaches the commune People’s Committee and Front committee within 5 working days.',
      },
    },
    recognition: {
      value: { workingDays: 5 },
      article: `Đ21 k2 ${LAW}`,
      note: {
        vi: 'UBND cấp xã (k3, k4) hoặc UBMTTQ cấp xã (k5) ban hành quyết định công nhận chậm nhất 05 ngày làm việc; không công nhận thì trả lời bằng văn bản, nêu rõ lý do.',
        en: 'Recognition by the commune (k3, k4) or the Front committee (k5) within 5 working days; a refusal is answered in writing with reasons.',
      },
    },
    publication: {
      value: { workingDays: 5 },
      article: `Đ12 k3 ${LAW}`,
      note: {
        vi: 'Công khai chậm nhất là 05 ngày làm việc kể từ ngày có quyết định.',
        en: 'Published within 5 working days of the decision.',
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
  inspectionBoard: {
    value: { perVillage: 1, minMembers: 5 },
    article: `Đ36 k1 ${LAW}; Đ13 k2 ${ND59}`,
    note: {
      vi: 'Số thành viên Ban Thanh tra nhân dân tương ứng số thôn, tổ dân phố nhưng không ít hơn 05 người; mỗi thôn có đại diện.',
      en: 'The People’s Inspection Board has one member per village and no fewer than 5 members.',
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

/** The per-village threshold: an election always uses the election rule, a decision its category's. */
export function thresholdFor(kind: CampaignKind, category: Category | null | undefined, rules: LegalRules = DEFAULT_RULES): Rule<ThresholdRule> {
  if (kind === 'election') return rules.election.electedWhen;
  if (!category) throw new RangeError('a decision campaign needs a category k1–k6');
  return rules.thresholds[category];
}
