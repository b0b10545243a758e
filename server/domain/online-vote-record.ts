// The online-vote record (biên bản biểu quyết trực tuyến), the online variant
// of Mẫu 03 (NĐ 59/2023 Đ5): for a k6 matter voted online in a village whose
// households agreed to vote online, the start and end of the vote, the
// households that took part (the app's own count, never typed) and the online
// team of 3 to 5 people (rules.onlineTeam). Pure.
import type { ErrorDetail } from './errors';
import { DEFAULT_RULES, type LegalRules } from './legal-rules';

export interface TeamMember {
  name: string;
  role: string;
}

export interface OnlineVoteRecordInput {
  startedAt: string;
  endedAt: string;
  team: TeamMember[];
  note?: string;
}

const detail = (path: string, vi: string, en: string): ErrorDetail => ({ path, message: { vi, en } });

/** An ISO date-time with its offset (2026-12-01T07:00:00+07:00), or null. */
function instant(s: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

/** Every problem of a record as entered, each naming its field (Vietnamese first); empty when it may be stored. */
export function onlineVoteRecordProblems(input: OnlineVoteRecordInput, rules: LegalRules = DEFAULT_RULES): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const start = instant(input.startedAt);
  const end = instant(input.endedAt);
  if (start === null) problems.push(detail('startedAt', 'Thời điểm bắt đầu phải có dạng 2026-12-01T07:00+07:00.', 'The start must look like 2026-12-01T07:00+07:00.'));
  if (end === null) problems.push(detail('endedAt', 'Thời điểm kết thúc phải có dạng 2026-12-01T19:00+07:00.', 'The end must look like 2026-12-01T19:00+07:00.'));
  if (start !== null && end !== null && end <= start) {
    problems.push(detail('endedAt', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', 'The end must come after the start.'));
  }
  const { min, max } = rules.onlineTeam.value;
  const article = rules.onlineTeam.article;
  if (input.team.length < min || input.team.length > max) {
    problems.push(detail('team',
      `Tổ lấy ý kiến biểu quyết trực tuyến gồm từ ${min} đến ${max} người (${article}); đã ghi ${input.team.length} người.`,
      `The online-vote team has ${min} to ${max} people (${article}); ${input.team.length} given.`));
  }
  input.team.forEach((m, i) => {
    if (!m.name.trim()) problems.push(detail(`team.${i}.name`, `Cần ghi họ tên thành viên thứ ${i + 1}.`, `Member ${i + 1} needs a name.`));
    if (!m.role.trim()) problems.push(detail(`team.${i}.role`, `Cần ghi nhiệm vụ của thành viên thứ ${i + 1} (Tổ trưởng, thành viên…).`, `Member ${i + 1} needs a role (leader, member…).`));
  });
  return problems;
}
