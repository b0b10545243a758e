// The procedural votes a community meeting's record (Mẫu 03) must hold before
// its vote is the meeting's decision (Đ18 k4 Luật 10/2022/QH15; NĐ 59/2023
// Đ3 k5): the secretary, the voting method and, for a secret ballot, the
// counting board, each chosen by more than half of the household
// representatives present. A record that does not state one is incomplete
// and says so everywhere (the vote was taken, only the minutes lack it: it
// counts, flagged, until a correction completes it); a record stating that
// one was NOT approved shows a meeting without a lawfully chosen secretary,
// method or board, so its vote decides nothing (domain/reconciliation.ts). Pure.
import type { LocalizedText } from './i18n';
import { DEFAULT_RULES, type LegalRules, type ProceduralItem } from './legal-rules';
import { proceduralVotePasses } from './thresholds';

/** One procedural vote as recorded: the votes for it (and the secretary's name). */
export interface ProceduralVote {
  votesFor?: number;
  /** the secretary chosen */
  name?: string;
}

export type ProceduralVotes = Partial<Record<ProceduralItem, ProceduralVote>>;

export interface RecordGap {
  item: ProceduralItem;
  /** missing: not recorded; no_name: the secretary's name is missing; not_approved: fewer than needed voted for it */
  reason: 'missing' | 'no_name' | 'not_approved';
  message: LocalizedText;
}

export interface MeetingRecordStatus {
  complete: boolean;
  /** false only when a procedural vote is recorded as not approved: then the meeting's vote decides nothing */
  decisive: boolean;
  /** the procedural votes this record must hold */
  required: ProceduralItem[];
  gaps: RecordGap[];
  /** one sentence naming what is missing, Vietnamese first; null when complete */
  message: LocalizedText | null;
}

export const PROCEDURAL_LABELS: Record<ProceduralItem, LocalizedText> = {
  secretary: { vi: 'chọn thư ký cuộc họp', en: 'choosing the secretary' },
  method: { vi: 'chọn hình thức biểu quyết', en: 'choosing the voting method' },
  board: { vi: 'thông qua Ban kiểm phiếu', en: 'approving the counting board' },
};

/** The procedural votes a meeting must record: its voting method decides whether a counting board is one of them. */
export function requiredProceduralVotes(method: 'show_of_hands' | 'secret_ballot' | undefined, rules: LegalRules = DEFAULT_RULES): ProceduralItem[] {
  const { always, secretBallot } = rules.meetingRecordVotes.value;
  return method === 'secret_ballot' ? [...always, ...secretBallot] : [...always];
}

/**
 * Whether a meeting sheet's record is complete: each required procedural vote
 * recorded, and approved by more than half of those present (votes for /
 * present, rules.proceduralVote).
 */
export function meetingRecordStatus(
  sheet: { method?: 'show_of_hands' | 'secret_ballot'; present?: number; procedural?: ProceduralVotes },
  rules: LegalRules = DEFAULT_RULES,
): MeetingRecordStatus {
  const required = requiredProceduralVotes(sheet.method, rules);
  const present = sheet.present ?? 0;
  const gaps: RecordGap[] = [];
  for (const item of required) {
    const vote = sheet.procedural?.[item];
    const label = PROCEDURAL_LABELS[item];
    if (!vote || typeof vote.votesFor !== 'number') {
      gaps.push({ item, reason: 'missing', message: { vi: `chưa ghi kết quả biểu quyết ${label.vi}`, en: `no vote recorded for ${label.en}` } });
      continue;
    }
    if (item === 'secretary' && !(vote.name ?? '').trim()) {
      gaps.push({ item, reason: 'no_name', message: { vi: 'chưa ghi họ tên thư ký', en: 'the secretary’s name is missing' } });
    }
    if (!proceduralVotePasses(vote.votesFor, present, rules)) {
      gaps.push({
        item, reason: 'not_approved',
        message: {
          vi: `${label.vi} chưa được thông qua (${vote.votesFor}/${present} đại diện dự họp đồng ý, cần trên 50%)`,
          en: `${label.en} was not approved (${vote.votesFor} of ${present} present in favour, more than half needed)`,
        },
      });
    }
  }
  const article = rules.meetingRecordVotes.article;
  const decisive = !gaps.some((g) => g.reason === 'not_approved');
  const message = gaps.length === 0 ? null : decisive ? {
    vi: `Biên bản cuộc họp chưa đầy đủ: ${gaps.map((g) => g.message.vi).join('; ')} (${article}). Cần gửi bản sửa bổ sung vào biên bản.`,
    en: `Incomplete meeting record: ${gaps.map((g) => g.message.en).join('; ')} (${article}). Send a correction that adds them to the record.`,
  } : {
    vi: `Biên bản cuộc họp chưa đầy đủ: ${gaps.map((g) => g.message.vi).join('; ')} (${article}). Kết quả biểu quyết chưa được tính là quyết định của cuộc họp.`,
    en: `Incomplete meeting record: ${gaps.map((g) => g.message.en).join('; ')} (${article}). The vote does not count as the meeting’s decision.`,
  };
  return { complete: gaps.length === 0, decisive, required, gaps, message };
}
