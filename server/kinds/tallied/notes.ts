import { formatDate, formatNumber, type Text } from '../../domain/i18n';
import type { SnapshotVillage } from '../../domain/results/snapshot';

/** Warnings a villager reads beside the village's result (page and notice): why a tally did not count. */
const SHOWN = new Set(['paper_without_meeting', 'online_agreement_missing', 'paper_not_counted', 'meeting_record_incomplete']);

const HOW: Record<string, Text> = {
  meeting: { vi: 'họp thôn', en: 'village meeting' },
  campaign: { vi: 'đợt lấy ý kiến', en: 'a poll' },
  other: { vi: 'hình thức khác', en: 'another way' },
};

/** The households' agreement to vote online on record for the village (NĐ 59 Đ5), in a sentence. */
function agreementNote(v: SnapshotVillage): Text | null {
  const a = v.onlineAgreement;
  if (!a?.onRecord) return null;
  if (a.households === null) {
    return { vi: `Các hộ đã đồng ý biểu quyết trực tuyến${a.note ? ` (${a.note})` : ''}.`, en: `The households agreed to vote online${a.note ? ` (${a.note})` : ''}.` };
  }
  const when = a.date ? { vi: `, ngày ${formatDate(a.date)}`, en: `, on ${formatDate(a.date)}` } : { vi: '', en: '' };
  const how = a.method ? HOW[a.method] : undefined;
  return {
    vi: `Các hộ đồng ý biểu quyết trực tuyến: ${formatNumber(a.households)}/${formatNumber(v.households)} hộ (cần trên 50%, từ ${formatNumber(a.required)} hộ)${when.vi}${how ? `, ${how.vi}` : ''}.`,
    en: `Households agreeing to vote online: ${a.households} of ${v.households} (more than half needed, ${a.required})${when.en}${how ? `, ${how.en}` : ''}.`,
  };
}

/** Why a village has no verdict or a partial one (held numbers, a fallback, a tally that did not count), and its agreement to vote online. */
export function villageNotes(v: SnapshotVillage): Text[] {
  const agreement = agreementNote(v);
  return [
    ...(v.held ? [{
      vi: `${v.held.message.vi} ${v.held.problems.map((p) => p.message.vi).join(' ')}`,
      en: `${v.held.message.en} ${v.held.problems.map((p) => p.message.en).join(' ')}`,
    }] : []),
    ...(v.fallback ? [v.fallback] : []),
    ...v.warnings.filter((w) => SHOWN.has(w.code)).map((w) => w.message),
    ...(agreement ? [agreement] : []),
    ...(v.onlineRecord === undefined ? [] : [v.onlineRecord
      ? { vi: 'Đã có biên bản biểu quyết trực tuyến.', en: 'The online-vote record is on file.' }
      : { vi: 'Chưa có biên bản biểu quyết trực tuyến (Đ5 NĐ 59/2023/NĐ-CP).', en: 'No online-vote record on file yet (NĐ 59/2023 Đ5).' }]),
  ];
}
