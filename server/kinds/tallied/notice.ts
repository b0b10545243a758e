import type { ResultsSnapshot } from '../../domain/results/snapshot';
import type { NoticeResults } from '../kind';

/**
 * The village table of the printed notice: per village its households, those
 * who took part, the approvals (or the top votes) of the first question and
 * what was needed, every share of all households (Đ21).
 */
export function noticeVillages(s: ResultsSnapshot, approvals: (counts: Record<string, number>) => number): NoticeResults['villages'] {
  const first = s.questions[0];
  if (!s.binding || !first) return [];
  return s.villages.map((village) => {
    const q = village.questions[first.name];
    return {
      name: village.name, households: village.households, participated: village.participated,
      approvals: approvals(q?.counts ?? {}), required: q?.required ?? 0, passed: village.passed,
    };
  });
}
