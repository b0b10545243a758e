// The one reader of a campaign's results: what its kind's builder needs, read
// from the database and handed over as plain rows (server/kinds/<kind> builds
// the snapshot from them, purely).
import type { AppDeps } from '../deps';
import { byVillageName } from '../../domain/results/snapshot';
import type { Campaign, Candidate } from '../../domain/campaign';
import type { CampaignKindModule, AnswersInput, TallyInput } from '../../kinds/kind';
import { listCampaignVillages, listCandidates } from '../../../db/repositories/campaigns';
import { findCommune } from '../../../db/repositories/communes';
import { usesPerVillage } from '../../../db/repositories/serials';
import { onlineAnswerGroups, type OnlineAnswerGroup } from '../../../db/repositories/results';
import { ballotsWithSealed, answerGroupsWithSealed } from '../sealed-ballots';
import { confirmedSheets, listPhotos } from '../../../db/repositories/tallies';
import { listAssignments, listThemes } from '../../../db/repositories/themes';
import { listOnlineVoteRecords } from '../../../db/repositories/online-vote-records';

function parseAnswers(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

/** Grouped ballots as the tally engine counts them. */
export const answersOf = (groups: OnlineAnswerGroup[]) =>
  groups.flatMap((g) => (g.villageId ? [{ villageId: g.villageId, binding: g.binding === 1, answers: parseAnswers(g.answers), count: g.n }] : []));

export interface LoadedResults {
  communeName: string;
  candidates: Candidate[];
  input: { source: 'tally'; tally: TallyInput } | { source: 'answers'; answers: AnswersInput };
}

/**
 * A tallied kind: the frozen H and online agreement per village, the
 * confirmed sheets and their photos, the paper ballots registered, and the
 * online answers and the paper ballots entered one by one, their answers to
 * the kind's questions grouped by the database (a few hundred rows for
 * 100,000 ballots).
 * An answered kind: every ballot's answers, and the themes when it has them.
 */
export async function loadResults(deps: AppDeps, campaign: Campaign, kind: CampaignKindModule): Promise<LoadedResults> {
  const id = campaign.id;
  const [commune, candidates] = await Promise.all([findCommune(deps.db, campaign.communeId), listCandidates(deps.db, id)]);
  const communeName = commune?.name ?? '';
  if (kind.source === 'tally') {
    const questions = kind.questions(campaign, candidates).map((q) => q.name);
    const [villages, sheets, uses, groups, paperGroups, records] = await Promise.all([
      listCampaignVillages(deps.db, id), confirmedSheets(deps.db, id), usesPerVillage(deps.db, id),
      // secret ballots still sealed are opened in memory and counted with the rest
      answerGroupsWithSealed(deps, id, 'online', () => onlineAnswerGroups(deps.db, id, questions, 'online')),
      answerGroupsWithSealed(deps, id, 'paper', () => onlineAnswerGroups(deps.db, id, questions, 'paper')),
      listOnlineVoteRecords(deps.db, id),
    ]);
    const photos = await listPhotos(deps.db, sheets.map((s) => s.id));
    const registeredPaper: Record<string, number> = {};
    for (const u of uses) if (u.channel === 'paper') registeredPaper[u.villageId] = Number(u.n);
    return {
      communeName, candidates,
      input: {
        source: 'tally',
        tally: {
          // stored in Vietnamese order, as every page, export and notice reads them
          campaign, candidates, villages: byVillageName(villages), sheets, photos, registeredPaper,
          online: answersOf(groups),
          paper: answersOf(paperGroups),
          onlineRecords: [...new Set(records.map((r) => r.villageId))],
        },
      },
    };
  }
  const [rows, themes, assignments] = await Promise.all([
    ballotsWithSealed(deps, id, ['online', 'paper', 'anonymous', 'kiosk']),
    kind.themes ? listThemes(deps.db, id) : [],
    kind.themes ? listAssignments(deps.db, id) : [],
  ]);
  return {
    communeName, candidates,
    input: { source: 'answers', answers: { campaign, ballots: rows.map((r) => ({ id: r.id, answers: parseAnswers(r.answers) })), themes, assignments } },
  };
}
