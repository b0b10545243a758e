import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import type { Campaign } from '../domain/campaign';
import { ballotBinds } from '../domain/legal-rules';
import { surveyForVillage } from '../domain/campaign-forms';
import { compileValidator } from '../domain/survey/validator';
import { base32 } from '../runtime/ids';
import { insertBallot } from '../../db/repositories/ballots';
import { listCandidates } from '../../db/repositories/campaigns';
import { householdCode } from '../../db/repositories/tallies';
import { campaignOf, requireVillage } from './guards';
import { invalidAnswers } from './answer-errors';
import { lookUpSerial, spendSerial, vietnamDate, type FoundSerial, type SpendChannel } from './spend-serial';
import { sealBallot, sealedLength } from './sealed-ballots';

export interface PaperBallotInput {
  serial: string;
  /** per-ballot entry: the marks on this ballot, as the form's answers */
  answers?: unknown;
  /** sent again with a retry, so a lost response does not turn the ballot into a "duplicate" */
  idempotencyKey?: string;
}

export interface PaperBallotResult {
  status: 'registered';
  villageId: string;
  /** not given for secret campaigns: the counters read the ballot, not who cast it */
  householdCode?: string;
  /** the marks were entered and stored as a ballot */
  counted: boolean;
  replay: boolean;
}

const unknownSerial = () =>
  new AppError('NOT_FOUND', {
    vi: 'Không có phiếu nào mang mã này trong đợt lấy ý kiến. Kiểm tra lại mã in trên phiếu.',
    en: 'No ballot of this campaign has this serial. Check the code printed on the ballot.',
  });

/** Says which way the serial was already used: the counters set the ballot aside as a duplicate. */
export function duplicate(channel: SpendChannel): AppError {
  return channel === 'online'
    ? new AppError('ALREADY_USED', {
        vi: 'Phiếu trùng: hộ này đã bỏ phiếu trực tuyến. Để riêng phiếu giấy này, không kiểm.',
        en: 'Duplicate: this household already voted online. Set this paper ballot aside; do not count it.',
      })
    : new AppError('ALREADY_USED', {
        vi: 'Phiếu trùng: phiếu này đã được kiểm. Để riêng, không kiểm lần nữa.',
        en: 'Duplicate: this ballot was already counted. Set it aside; do not count it again.',
      });
}

/** A serial of this campaign that the actor may count, or the reason it may not be counted. */
async function countableSerial(deps: AppDeps, actor: Actor, campaign: Campaign, raw: string): Promise<FoundSerial> {
  const found = await lookUpSerial(deps, raw);
  if (!found || found.row.campaignId !== campaign.id) throw unknownSerial();
  requireVillage(actor, found.row.villageId, { vi: 'Phiếu này thuộc thôn khác; trưởng thôn chỉ kiểm phiếu của thôn mình.', en: 'This ballot belongs to another village; a village head counts only their own.' });
  // a reprinted ballot's old serial no longer counts
  if (found.row.revoked) throw unknownSerial();
  if (!campaign.channels.includes('paper') && !campaign.channels.includes('meeting')) {
    throw new AppError('CHANNEL_NOT_ALLOWED', { vi: 'Đợt này không dùng phiếu giấy.', en: 'This campaign has no paper ballots.' });
  }
  if (campaign.status !== 'open' && campaign.status !== 'closed') {
    throw new AppError('INVALID_STATE', { vi: 'Chỉ ghi nhận phiếu giấy khi đợt lấy ý kiến đang mở hoặc vừa đóng.', en: 'Paper ballots are registered only while the campaign is open or closed.' });
  }
  return found;
}

/**
 * The form to enter one paper ballot's marks (the village's own form for an
 * election). A serial already used is refused here already, so the counters
 * set the ballot aside before typing its marks.
 */
export async function paperBallotForm(deps: AppDeps, actor: Actor, campaignId: string, raw: string) {
  const campaign = await campaignOf(deps, actor, campaignId);
  const { serial, row } = await countableSerial(deps, actor, campaign, raw);
  if (row.usedChannel) throw duplicate(row.usedChannel);
  const candidates = campaign.kind === 'election' ? await listCandidates(deps.db, campaign.id) : [];
  return { title: campaign.title, serial, secret: campaign.secret, survey: surveyForVillage(campaign, candidates, row.villageId) };
}

/**
 * Registers a returned paper ballot by its serial (docs/design.md §3),
 * spent by services/spend-serial.ts: a ballot whose household answered online,
 * or that was already registered, is refused by the database itself, never
 * counted twice. With `answers`, the marks are stored as a paper ballot
 * (binding as the category allows paper to decide); for a secret campaign
 * that ballot has no serial, household or time and is sealed until it is
 * moved among all the others (services/sealed-ballots.ts): the stub is
 * registered, the ballot dropped unlinked into the pile.
 */
export async function registerPaperBallot(deps: AppDeps, actor: Actor, campaignId: string, input: PaperBallotInput): Promise<PaperBallotResult> {
  const campaign = await campaignOf(deps, actor, campaignId);
  const found = await countableSerial(deps, actor, campaign, input.serial);
  const { hash, row } = found;
  const code = campaign.secret ? undefined : (await householdCode(deps.db, row.householdId)) ?? undefined;
  let counted = false;
  const result = await spendSerial<PaperBallotResult>(deps, {
    found, channel: 'paper', idempotencyKey: input.idempotencyKey?.slice(0, 200), closedRule: 'campaign_not_counting',
    unknown: unknownSerial, alreadyUsed: duplicate,
    answer: (replay) => ({ status: 'registered', villageId: row.villageId, ...(code ? { householdCode: code } : {}), counted: !replay && counted, replay }),
    part: async () => {
      let answers: Record<string, unknown> | null = null;
      let length = 0;
      if (input.answers !== undefined && input.answers !== null) {
        const candidates = campaign.kind === 'election' ? await listCandidates(deps.db, campaign.id) : [];
        const survey = surveyForVillage(campaign, candidates, row.villageId);
        const checked = compileValidator(survey)(input.answers);
        if (!checked.ok) throw invalidAnswers(checked.errors);
        answers = checked.data as Record<string, unknown>;
        length = sealedLength(survey, row.villageId);
      }
      counted = answers !== null;
      const now = deps.clock();
      const binding = ballotBinds(campaign.kind, campaign.category, 'paper');
      return {
        use: { receiptHash: null, usedOn: campaign.secret ? vietnamDate(now) : now.toISOString(), registeredBy: actor.id },
        statements: !answers
          ? []
          : campaign.secret
            // sealed in the use's own commit, moved into `ballots` only among others (services/sealed-ballots.ts)
            ? [await sealBallot(deps, campaign.id, { villageId: row.villageId, channel: 'paper', binding, answers }, length)]
            : [insertBallot(deps.db, {
                // random id in a WITHOUT ROWID table: storage order is not arrival order
                id: base32(deps.random(15), 24), campaignId: campaign.id, villageId: row.villageId, channel: 'paper',
                binding, answers, serialHash: hash, submittedAt: now.toISOString(),
              })],
        audit: [{
          communeId: campaign.communeId, actor: actor.id, action: 'paper_ballot.register', entity: 'campaign', entityId: campaign.id,
          // a secret campaign's log names the village only: nothing to join with the ballot just stored
          data: campaign.secret ? { villageId: row.villageId } : { villageId: row.villageId, householdCode: code, perBallot: answers !== null },
        }],
      };
    },
  });
  if (campaign.secret && result.counted) deps.mixer.sealed(campaign.id);
  return result;
}
