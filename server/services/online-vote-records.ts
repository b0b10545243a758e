// The online-vote record (the online variant of Mẫu 03, NĐ 59/2023 Đ5), per
// village of a k6 campaign voted online where the households' agreement is on
// record: staff enter the start and end and the online team (3–5 people);
// the households that took part are the app's own count of binding online
// ballots, never typed. A correction is a new version; earlier ones stay.
import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import type { Campaign } from '../domain/campaign';
import { AppError } from '../domain/errors';
import { DEFAULT_RULES, channelPolicy } from '../domain/legal-rules';
import { agreementOnRecord, parseFrozen } from '../domain/online-agreement';
import { onlineVoteRecordProblems, type OnlineVoteRecordInput } from '../domain/online-vote-record';
import { aggregateOnlineAnswers } from '../domain/tally';
import { cleanText, slugify } from '../domain/text';
import { ConstraintViolation } from '../runtime/types';
import { listCampaignVillages } from '../../db/repositories/campaigns';
import { findCommune } from '../../db/repositories/communes';
import { insertOnlineVoteRecord, listOnlineVoteRecords, type OnlineVoteRecord } from '../../db/repositories/online-vote-records';
import { kindOf } from '../kinds';
import { campaignOf } from './guards';
import { atomicWithAudit } from './audit';
import { loadResults } from './results/load';
import { printFonts } from './fonts';
import { renderOnlineVoteRecord } from '../print/records';
import type { PrintedDocument } from './print-documents';

/** Whether the campaign is a matter that may be decided online once agreed (k6, NĐ 59 Đ5) and takes online votes. */
export function onlineRecordApplies(c: Pick<Campaign, 'kind' | 'category' | 'channels'>): boolean {
  if (c.kind === 'decision' && !c.category) return false;
  return c.channels.includes('online') && channelPolicy(c.kind, c.category).value.onlineNeedsApproval;
}

/** The binding online ballots and their answers per village, as the results count them. */
async function onlineCounts(deps: AppDeps, c: Campaign) {
  const kind = kindOf(c.kind);
  if (kind.source !== 'tally') return { questions: [], byVillage: new Map<string, { ballots: number; counts: Record<string, Record<string, number>> }>() };
  const loaded = await loadResults(deps, c, kind);
  if (loaded.input.source !== 'tally') throw new Error('a tallied kind loads tallies');
  const questions = kind.questions(c, loaded.candidates);
  const aggregated = aggregateOnlineAnswers(loaded.input.tally.online, questions.map((q) => ({ name: q.name, choices: q.choices.map((x) => x.value) })));
  return { questions, byVillage: new Map(aggregated.filter((a) => a.binding).map((a) => [a.villageId, { ballots: a.ballots, counts: a.counts }])) };
}

export interface VillageOnlineRecord {
  villageId: string;
  name: string;
  households: number;
  /** the households' agreement to vote online is on record for the village (NĐ 59 Đ5) */
  agreement: boolean;
  /** binding online ballots counted now */
  participated: number;
  latest: OnlineVoteRecord | null;
  versions: OnlineVoteRecord[];
}

/** Every village's record (latest and earlier versions) with the app's count; `applies` false for anything but a k6 online vote. */
export async function onlineVoteRecords(deps: AppDeps, actor: Actor, campaignId: string) {
  const c = await campaignOf(deps, actor, campaignId);
  const applies = onlineRecordApplies(c);
  if (!applies) return { campaign: { id: c.id, title: c.title, status: c.status }, applies, team: DEFAULT_RULES.onlineTeam, villages: [] as VillageOnlineRecord[] };
  const [villages, records, counts] = await Promise.all([listCampaignVillages(deps.db, c.id), listOnlineVoteRecords(deps.db, c.id), onlineCounts(deps, c)]);
  return {
    campaign: { id: c.id, title: c.title, status: c.status },
    applies,
    team: DEFAULT_RULES.onlineTeam,
    villages: villages.map((v): VillageOnlineRecord => {
      const versions = records.filter((r) => r.villageId === v.villageId);
      return {
        villageId: v.villageId, name: v.name, households: v.households ?? 0,
        agreement: agreementOnRecord(parseFrozen(v.onlineAgreement), v.households ?? 0),
        participated: counts.byVillage.get(v.villageId)?.ballots ?? 0,
        latest: versions[0] ?? null, versions,
      };
    }),
  };
}

/** Records (or corrects, as a new version) a village's online-vote record once the vote has ended. */
export async function recordOnlineVote(
  deps: AppDeps, actor: Actor, campaignId: string, input: OnlineVoteRecordInput & { villageId: string },
): Promise<OnlineVoteRecord> {
  const c = await campaignOf(deps, actor, campaignId);
  if (!onlineRecordApplies(c)) {
    throw new AppError('INVALID_STATE', {
      vi: 'Biên bản biểu quyết trực tuyến chỉ lập cho nội dung k6 biểu quyết trực tuyến (Đ5 NĐ 59/2023/NĐ-CP).',
      en: 'An online-vote record exists only for a k6 matter voted online (NĐ 59/2023 Đ5).',
    });
  }
  if (c.status !== 'closed' && c.status !== 'published') {
    throw new AppError('INVALID_STATE', {
      vi: 'Biên bản biểu quyết trực tuyến được lập sau khi kết thúc biểu quyết: hãy đóng đợt trước.',
      en: 'The online-vote record is drawn up after the vote ends: close the campaign first.',
    });
  }
  const village = (await listCampaignVillages(deps.db, c.id)).find((v) => v.villageId === input.villageId);
  if (!village) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'villageId', message: { vi: 'Thôn này không thuộc đợt lấy ý kiến.', en: 'This village is not part of the campaign.' } }]);
  }
  if (!agreementOnRecord(parseFrozen(village.onlineAgreement), village.households ?? 0)) {
    throw new AppError('INVALID_STATE', {
      vi: `${village.name} chưa có việc trên 50% tổng số hộ đồng ý biểu quyết trực tuyến: phiếu trực tuyến chỉ để tham khảo, không lập biên bản biểu quyết trực tuyến (Đ5 NĐ 59/2023/NĐ-CP).`,
      en: `${village.name} has no agreement of more than half its households to vote online on record: its online ballots are advisory and no online-vote record is drawn up (NĐ 59/2023 Đ5).`,
    });
  }
  const entered: OnlineVoteRecordInput = {
    startedAt: input.startedAt.trim(), endedAt: input.endedAt.trim(),
    team: input.team.map((m) => ({ name: cleanText(m.name), role: cleanText(m.role) })), note: cleanText(input.note ?? ''),
  };
  const problems = onlineVoteRecordProblems(entered);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const [records, counts] = await Promise.all([listOnlineVoteRecords(deps.db, c.id), onlineCounts(deps, c)]);
  const previous = records.find((r) => r.villageId === village.villageId) ?? null;
  const record: OnlineVoteRecord = {
    id: deps.newId(), campaignId: c.id, villageId: village.villageId, version: (previous?.version ?? 0) + 1,
    startedAt: entered.startedAt, endedAt: entered.endedAt, households: counts.byVillage.get(village.villageId)?.ballots ?? 0,
    team: entered.team, note: entered.note ?? '', recordedBy: actor.id, recordedAt: deps.clock().toISOString(),
  };
  try {
    await atomicWithAudit(deps, [insertOnlineVoteRecord(deps.db, record)], [{
      communeId: c.communeId, actor: actor.id, action: 'online_record.save', entity: 'online_vote_record', entityId: record.id,
      data: { campaignId: c.id, villageId: record.villageId, version: record.version, supersedes: previous?.id ?? null, startedAt: record.startedAt, endedAt: record.endedAt, households: record.households, team: record.team },
    }]);
  } catch (err) {
    if (err instanceof ConstraintViolation && (err.kind === 'unique' || err.kind === 'primary_key')) {
      throw new AppError('CONFLICT', {
        vi: 'Một người khác vừa lưu biên bản này; hãy tải lại để xem phiên bản mới nhất.',
        en: 'Someone else has just saved this record; reload to see the latest version.',
      });
    }
    throw err;
  }
  return record;
}

/** The latest version of a village's record as a PDF (Be Vietnam Pro). */
export async function printOnlineVoteRecord(deps: AppDeps, actor: Actor, campaignId: string, villageId: string): Promise<PrintedDocument> {
  const c = await campaignOf(deps, actor, campaignId);
  const data = await onlineVoteRecords(deps, actor, campaignId);
  const v = data.villages.find((x) => x.villageId === villageId);
  if (!v || !v.latest) {
    throw new AppError('NOT_FOUND', { vi: 'Thôn này chưa có biên bản biểu quyết trực tuyến.', en: 'This village has no online-vote record yet.' });
  }
  const [commune, counts] = await Promise.all([findCommune(deps.db, c.communeId), onlineCounts(deps, c)]);
  const mine = counts.byVillage.get(villageId);
  const result = counts.questions.flatMap((q) => q.choices.map((choice) => ({
    label: `${counts.questions.length > 1 ? `${q.title.vi}: ` : ''}${choice.text.vi}`, count: mine?.counts[q.name]?.[choice.value] ?? 0,
  })));
  const pdf = renderOnlineVoteRecord({
    communeName: commune?.name ?? '', villageName: v.name, title: c.title, startedAt: v.latest.startedAt, endedAt: v.latest.endedAt,
    totalHouseholds: v.households, households: v.latest.households, result, team: v.latest.team, note: v.latest.note,
    version: v.latest.version, article: `${DEFAULT_RULES.onlineTeam.article}`, createdAt: deps.clock(),
  }, await printFonts(deps));
  return { pdf, filename: `bien-ban-truc-tuyen-${slugify(c.slug)}-${slugify(v.name)}.pdf` };
}
