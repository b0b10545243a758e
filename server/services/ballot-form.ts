import type { AppDeps } from './deps';
import { findCampaign, listCandidates } from '../../db/repositories/campaigns';
import { surveyForVillage } from '../domain/campaign-forms';
import type { Campaign } from '../domain/campaign';
import { ballotBinds } from '../domain/legal-rules';
import { resolveSerial } from './cast-ballot';
import type { FoundSerial } from './spend-serial';

export type BallotState = 'open' | 'used' | 'not_open' | 'closed' | 'paper_only';

export interface BallotForm {
  campaign: Campaign;
  survey: Record<string, unknown>;
  state: BallotState;
  /** k1–k5 online answers are advice only (Đ17 k2) and the page says so */
  advisory: boolean;
  villageId: string;
  /** the serial as found, for castBallot to spend without a second try */
  found: FoundSerial;
}

/** What a household sees when it scans its ballot's QR code. */
export async function ballotForm(deps: AppDeps, rawSerial: string, client: string): Promise<BallotForm> {
  const found = await resolveSerial(deps, rawSerial, client);
  const { row } = found;
  const campaign = (await findCampaign(deps.db, row.campaignId))!;
  const candidates = campaign.kind === 'election' ? await listCandidates(deps.db, campaign.id) : [];
  const online = campaign.channels.includes('online') || campaign.advisoryOnline;
  let state: BallotState = 'open';
  if (row.usedHash) state = 'used';
  else if (campaign.status === 'draft') state = 'not_open';
  else if (campaign.status !== 'open') state = 'closed';
  else if (!online) state = 'paper_only';
  return {
    campaign,
    survey: surveyForVillage(campaign, candidates, row.villageId),
    state,
    advisory: online && !ballotBinds(campaign.kind, campaign.category, 'online'),
    villageId: row.villageId,
    found,
  };
}
