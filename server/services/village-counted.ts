// What a village has already counted when a paper sheet arrives or is
// confirmed: the binding online ballots, the paper ballots entered one by one
// and the paper serials registered. The reconciliation's paperSheetGaps
// (domain/reconciliation.ts) compares a sheet with it, so a sheet that cannot
// be true beside them is refused instead of being summed.
import type { AppDeps } from './deps';
import type { Campaign } from '../domain/campaign';
import { AppError, type ErrorDetail } from '../domain/errors';
import { channelRoles } from '../domain/legal-rules';
import { agreementOnRecord, parseFrozen } from '../domain/online-agreement';
import { aggregateOnlineAnswers } from '../domain/tally';
import { addCounts, paperSheetGaps, type AlreadyCounted, type BallotTally, type ConfirmedSheet, type TallyQuestion } from '../domain/reconciliation';
import type { CampaignVillage } from '../../db/repositories/campaigns';
import { onlineAnswerGroups } from '../../db/repositories/results';
import { usesPerVillage } from '../../db/repositories/serials';
import { answersOf } from './results/load';

export async function alreadyCounted(deps: AppDeps, campaign: Campaign, village: CampaignVillage, questions: TallyQuestion[]): Promise<AlreadyCounted> {
  const names = questions.map((q) => q.name);
  const [uses, online, paper] = await Promise.all([
    usesPerVillage(deps.db, campaign.id),
    onlineAnswerGroups(deps.db, campaign.id, names, 'online', village.villageId),
    onlineAnswerGroups(deps.db, campaign.id, names, 'paper', village.villageId),
  ]);
  const H = village.households ?? 0;
  const roles = channelRoles(campaign.kind, campaign.category, {
    scope: campaign.scope, onlineAgreement: agreementOnRecord(parseFrozen(village.onlineAgreement), H),
  });
  const bindingOnline = roles.online === 'binding'
    ? aggregateOnlineAnswers(answersOf(online), questions).filter((a) => a.binding).reduce((n, a) => n + a.ballots, 0)
    : 0;
  const entries: BallotTally = { ballots: 0, counts: {} };
  for (const a of aggregateOnlineAnswers(answersOf(paper), questions)) {
    entries.ballots += a.ballots;
    addCounts(entries.counts, a.counts);
  }
  const registeredPaper = Number(uses.find((u) => u.villageId === village.villageId && u.channel === 'paper')?.n ?? 0);
  return { households: H, bindingOnline, entries, registeredPaper };
}

/**
 * Refuses (422, one detail per number, each with its gap) a paper sheet that
 * cannot be true beside what the village has already counted.
 */
export async function refuseImpossiblePaperSheet(
  deps: AppDeps, campaign: Campaign, village: CampaignVillage, questions: TallyQuestion[],
  sheet: Pick<ConfirmedSheet, 'returned' | 'invalid' | 'counts'>, when: 'submit' | 'confirm',
): Promise<void> {
  const gaps = paperSheetGaps(sheet, await alreadyCounted(deps, campaign, village, questions), questions);
  if (gaps.length === 0) return;
  const details: ErrorDetail[] = gaps.map((g) => ({ path: g.path, message: g.message }));
  throw new AppError('VALIDATION_FAILED', when === 'submit'
    ? {
        vi: 'Biên bản không thể đúng bên cạnh số phiếu thôn đã nhận (một hộ chỉ có một phiếu có giá trị): kiểm tra các mục được nêu.',
        en: 'The sheet cannot be true beside the ballots the village already has (one binding vote per household): check the fields named.',
      }
    : {
        // the gaps are in the message too: the confirming inspector's page shows only the message
        vi: `Không xác nhận được: biên bản không còn khớp với số phiếu thôn đã nhận (một hộ chỉ có một phiếu có giá trị). ${gaps.map((g) => g.message.vi).join(' ')} Cần gửi bản sửa biên bản.`,
        en: `Cannot confirm: the sheet no longer fits the ballots the village has received (one binding vote per household). ${gaps.map((g) => g.message.en).join(' ')} Send a corrected sheet.`,
      }, details);
}
