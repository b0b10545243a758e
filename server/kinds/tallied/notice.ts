// The printed notice of the kinds decided by tallies (decision, election):
// every question's approvals beside its own verdict, ties and unfilled seats,
// and who announces it. A village's result is announced by its Trưởng thôn
// (Đ23 k2): one notice per village, each signed by its head; a commune-scope
// result (k1/k2, Đ21 k1) by the Chủ tịch UBND xã. Every share is of all the
// village's households (Đ21).
import type { ResultsSnapshot, SnapshotVillage } from '../../domain/results/snapshot';
import { ELECTION_QUESTION } from '../../domain/tally';
import type { NoticePage, NoticeRow } from '../../print/results-notice';
import { villageNotes } from './notes';

/** What a village's notice says besides its table: held numbers, a fallback, a tally that did not count. */
const notesOf = (v: SnapshotVillage): string[] => villageNotes(v).map((n) => n.vi);

const verdictOf = (v: SnapshotVillage): string | undefined => (v.held ? 'Tạm giữ' : undefined);

/** A commune-scope result is the commune's notice; otherwise each village announces its own. */
export function communeNotice(s: ResultsSnapshot): boolean {
  return s.campaign.scope === 'commune' && s.commune.rule === 'commune_threshold';
}

export function decisionNotice(s: ResultsSnapshot): NoticePage[] {
  if (!s.binding || s.questions.length === 0) return [];
  const c = s.commune;
  const several = s.questions.length > 1;
  const row = (v: SnapshotVillage, name: string, label: string): NoticeRow => {
    const q = v.questions[name];
    return {
      label, households: v.households, participated: v.participated, approvals: q?.counts.approve ?? 0,
      required: q?.required ?? 0, passed: q?.passed ?? false, verdict: verdictOf(v),
    };
  };
  const villagesOf = (name: string) => {
    const q = c.questions[name];
    return `${q?.villagesPassed ?? 0}/${c.villages} thôn tán thành (cần từ ${q?.required ?? c.requiredVillages} thôn)`;
  };
  if (communeNotice(s)) {
    return [{
      village: null,
      tables: s.questions.map((q) => ({
        title: several ? q.title.vi : null, firstColumn: 'Thôn', approvalsColumn: 'Số hộ đồng ý',
        rows: s.villages.map((v) => row(v, q.name, v.name)),
        commune: several ? { passed: c.questions[q.name]?.passed ?? false, summary: villagesOf(q.name) } : undefined,
      })),
      // a matter of one village has no result of the commune to print
      commune: s.villages.length === 1 ? undefined : several
        ? { passed: c.passed, summary: `${c.adopted.length}/${s.questions.length} nội dung được thông qua` }
        : { passed: c.passed, summary: villagesOf(s.questions[0]!.name) },
      notes: s.villages.flatMap((v) => notesOf(v).map((n) => `${v.name}: ${n}`)),
    }];
  }
  return s.villages.map((v) => ({
    village: { id: v.villageId, name: v.name },
    tables: [{ title: null, firstColumn: 'Nội dung', approvalsColumn: 'Số hộ đồng ý', rows: s.questions.map((q) => row(v, q.name, q.title.vi)) }],
    notes: notesOf(v),
  }));
}

export function electionNotice(s: ResultsSnapshot): NoticePage[] {
  if (!s.binding) return [];
  const byId = new Map(s.candidates.map((c) => [c.id, c]));
  return s.villages.map((v) => {
    const r = v.questions[ELECTION_QUESTION];
    const name = (id: string) => byId.get(id)?.name ?? id;
    const notes = notesOf(v);
    if (v.ties.length > 0) {
      notes.push(`Bằng phiếu ở vị trí cuối (${v.tiedSeats} vị trí): ${v.ties.map(name).join(', ')}. Cuộc họp quyết định (bầu lại giữa những người bằng phiếu, hoặc chọn người nhiều tuổi hơn nếu cuộc họp thống nhất).`);
    }
    if (v.unfilledSeats > 0) {
      notes.push(`Còn ${v.unfilledSeats} vị trí chưa có người trúng cử (mỗi người cần ít nhất ${r?.required ?? 0} phiếu): báo cáo UBND xã xem xét bầu lại hoặc bầu bổ sung.`);
    }
    return {
      village: { id: v.villageId, name: v.name },
      tables: [{
        title: null, firstColumn: 'Người ứng cử', approvalsColumn: 'Số phiếu bầu',
        rows: Object.entries(r?.counts ?? {}).map(([id, votes]) => ({
          label: name(id), households: v.households, participated: v.participated, approvals: votes, required: r?.required ?? 0,
          passed: v.elected.includes(id),
          verdict: v.held ? 'Tạm giữ' : v.elected.includes(id) ? 'Trúng cử' : v.ties.includes(id) ? 'Bằng phiếu' : 'Không trúng cử',
        })),
      }],
      elected: v.elected.map((id) => ({ name: name(id), birthYear: byId.get(id)?.birthYear ?? null, votes: r?.counts[id] ?? 0, households: v.households })),
      notes,
      heading: 'Kết quả bầu cử',
    };
  });
}
