import type { AppDeps } from './deps';
import { findCampaign, listCandidates } from '../../db/repositories/campaigns';
import { findCommune } from '../../db/repositories/communes';
import { findVillage } from '../../db/repositories/villages';
import { householdsByIds } from '../../db/repositories/names';
import { surveyForVillage } from '../domain/campaign-forms';
import type { Campaign } from '../domain/campaign';
import { onlineAnswerBinds, resolveSerial, takesOnline } from './cast-ballot';
import type { FoundSerial } from './spend-serial';
import { resultsDueBy } from '../domain/deadlines';
import { communeCalendar } from './commune-calendar';

export type BallotState = 'open' | 'used' | 'not_open' | 'closed' | 'paper_only';

export interface BallotForm {
  campaign: Campaign;
  survey: Record<string, unknown>;
  state: BallotState;
  /** k1–k5 online answers, and k6 ones in a village without the agreement to vote online, are advice only and the page says so */
  advisory: boolean;
  villageId: string;
  /** the serial as found, for castBallot to spend without a second try */
  found: FoundSerial;
  /**
   * Whose ballot this is, as the paper ballot names it: shown only to the
   * holder of the serial, read and never stored or logged anywhere else.
   */
  holder: { villageName: string; householdCode: string; representative: string };
  commune: { name: string; slug: string } | null;
  /** by when the results will be published (decisions, elections) */
  resultsDue: ReturnType<typeof resultsDueBy>;
}

/** What a household sees when it scans its ballot's QR code. */
export async function ballotForm(deps: AppDeps, rawSerial: string, client: string): Promise<BallotForm> {
  const found = await resolveSerial(deps, rawSerial, client);
  const { row } = found;
  const campaign = (await findCampaign(deps.db, row.campaignId))!;
  const [candidates, commune, village, households, calendar] = await Promise.all([
    campaign.kind === 'election' ? listCandidates(deps.db, campaign.id) : Promise.resolve([]),
    findCommune(deps.db, campaign.communeId),
    findVillage(deps.db, campaign.communeId, row.villageId),
    householdsByIds(deps.db, campaign.communeId, [row.householdId]),
    communeCalendar(deps, campaign.communeId),
  ]);
  const household = households[0];
  const online = takesOnline(row);
  // an advisory answer has its own key: the household's binding vote may still be unused, and the reverse
  const advisory = online && !onlineAnswerBinds(row);
  let state: BallotState = 'open';
  if (advisory ? row.advisoryHash : row.usedHash) state = 'used';
  else if (campaign.status === 'draft') state = 'not_open';
  else if (campaign.status !== 'open') state = 'closed';
  else if (!online) state = 'paper_only';
  return {
    campaign,
    survey: surveyForVillage(campaign, candidates, row.villageId),
    state,
    advisory,
    villageId: row.villageId,
    found,
    holder: { villageName: village?.name ?? '', householdCode: household?.code ?? '', representative: household?.representative || household?.head || '' },
    commune: commune ? { name: commune.name, slug: commune.slug } : null,
    resultsDue: resultsDueBy(campaign, calendar),
  };
}
