import type { AppDeps } from './deps';
import { AppError } from '../domain/errors';
import { invalidAnswers } from './answer-errors';
import { onlineBallotBinds, type Channel } from '../domain/legal-rules';
import { agreementOnRecord, parseFrozen } from '../domain/online-agreement';
import type { SerialForBallot } from '../../db/repositories/serials';
import { surveyForVillage } from '../domain/campaign-forms';
import { compileValidator } from '../domain/survey/validator';
import { findCampaign, listCandidates } from '../../db/repositories/campaigns';
import { insertBallot } from '../../db/repositories/ballots';
import { receiptFor, receiptHash, serialHash } from './serial-codes';
import { lookUpSerial, spendSerial, vietnamDate, type FoundSerial } from './spend-serial';
import { base32 } from '../runtime/ids';
import { knownSerialChecks, withinGuessLimit } from './serial-guesses';
import { assumeSerial, forgetSerial, learnCampaign } from './ballot-context';
import { parseSerial } from '../domain/serial';
import { ConstraintViolation } from '../runtime/types';
import type { Compilable } from 'kysely';
import { sealBallot, sealedLength } from './sealed-ballots';

const unknownSerial = () =>
  new AppError('NOT_FOUND', {
    vi: 'Không tìm thấy phiếu với mã này. Vui lòng kiểm tra lại mã in trên phiếu.',
    en: 'No ballot has this serial. Check the code printed on the ballot.',
  });

/** A form compiled for the ballot path: its validator, and the length its sealed ballots are padded to. */
interface Form {
  validate: ReturnType<typeof compileValidator>;
  sealedLength: number;
}
// per database: two apps in one process (tests) may have campaigns of the same id and version
const formsOf = new WeakMap<AppDeps['db'], Map<string, Form>>();

/** One compiled validator per campaign version (and village, for elections). */
async function validatorFor(deps: AppDeps, campaignId: string, updatedAt: string, villageId: string): Promise<Form> {
  const key = `${campaignId}|${updatedAt}|${villageId}`;
  let validators = formsOf.get(deps.db);
  if (!validators) formsOf.set(deps.db, (validators = new Map()));
  let v = validators.get(key);
  if (!v) {
    const campaign = (await findCampaign(deps.db, campaignId))!;
    const candidates = campaign.kind === 'election' ? await listCandidates(deps.db, campaignId) : [];
    const survey = surveyForVillage(campaign, candidates, villageId);
    v = { validate: compileValidator(survey), sealedLength: sealedLength(survey, villageId) };
    if (validators.size > 2000) validators.clear();
    validators.set(key, v);
  }
  return v;
}

/**
 * A household's serial as the online ballot finds it: an over-limit client is
 * refused before the lookup, whatever the serial (services/serial-guesses.ts);
 * unknown, mistyped or revoked → 404, counted as a guess.
 */
export async function resolveSerial(deps: AppDeps, raw: string, client: string): Promise<FoundSerial> {
  const found = await withinGuessLimit(deps, client, async () => {
    const f = await lookUpSerial(deps, raw);
    return f && !f.row.revoked ? f : null;
  });
  if (!found) throw unknownSerial();
  return found;
}

export interface CastInput {
  serial: string;
  answers: unknown;
  /** Sent again with a retry, so the retry gets the first receipt instead of a 409. */
  idempotencyKey?: string;
  client: string;
  /** the serial as the ballot page already found it (the no-JS form), so one request is one try */
  found?: FoundSerial;
}

export interface CastResult {
  receipt: string;
  /** true when this was a retry of a ballot already stored */
  replay: boolean;
}

const alreadyUsed = () =>
  new AppError('ALREADY_USED', {
    vi: 'Phiếu này đã được sử dụng (đã gửi trực tuyến hoặc đã kiểm phiếu giấy). Mỗi hộ chỉ được một phiếu.',
    en: 'This ballot was already used (online or counted on paper). One ballot per household.',
  });

/**
 * Whether an online answer on this serial binds, decided now and stored with
 * it: the category lets online decide and the village's households agreed to
 * vote online (frozen at opening, NĐ 59 Đ5). Otherwise, where the campaign
 * takes online answers at all, it is advice: it never uses the household's
 * binding vote.
 */
export function onlineAnswerBinds(row: SerialForBallot): boolean {
  // decided from a few strings that repeat for every serial of a village: parsed once
  const key = `${row.kind}|${row.category}|${row.villageHouseholds}|${row.onlineAgreement}`;
  let binds = bindsFor.get(key);
  if (binds === undefined) {
    const agreed = agreementOnRecord(parseFrozen(row.onlineAgreement), row.villageHouseholds ?? 0);
    binds = onlineBallotBinds(row.kind, row.category, agreed);
    if (bindsFor.size > 10_000) bindsFor.clear();
    bindsFor.set(key, binds);
  }
  return binds;
}
const bindsFor = new Map<string, boolean>();

/** The campaign takes online answers at all: as a channel, or as advice beside the binding ones (k1–k5). */
export function takesOnline(row: Pick<SerialForBallot, 'channels' | 'advisoryOnline'>): boolean {
  let online = onlineChannel.get(row.channels);
  if (online === undefined) {
    online = (JSON.parse(row.channels) as Channel[]).includes('online');
    if (onlineChannel.size > 1000) onlineChannel.clear();
    onlineChannel.set(row.channels, online);
  }
  return online || row.advisoryOnline === 1;
}
const onlineChannel = new Map<string, boolean>();

/**
 * Accepts one online ballot per serial (services/spend-serial.ts spends it);
 * this channel adds the campaign's online checks, the answers and the receipt.
 * An advisory answer takes the serial's advisory key instead of its binding use.
 *
 * A serial of a campaign held in memory (services/ballot-context.ts) is cast
 * in one write that checks what it assumed; if that write refuses anything,
 * nothing was written and the ballot is cast the long way, read first, so
 * every answer (replay, already used, closed, unknown, bad answers) is the
 * one the read gives.
 */
export async function castBallot(deps: AppDeps, input: CastInput): Promise<CastResult> {
  if (!input.found) {
    const assumed = await assumedSerial(deps, input.serial, input.client);
    if (assumed) {
      try {
        return await cast(deps, input, assumed.found, assumed.checks);
      } catch (err) {
        if (!(err instanceof AppError || err instanceof ConstraintViolation)) throw err;
        // whatever refused it (a stale fact, a used or revoked serial, the guess limit: the write
        // cannot tell them apart), this serial takes the long way from now on
        forgetSerial(deps, assumed.found.hash);
      }
    }
  }
  const found = input.found ?? (await resolveSerial(deps, input.serial, input.client));
  try {
    await learnCampaign(deps, found.row, takesOnline(found.row));
  } catch {
    // holding the campaign only saves time: if loading it fails, this ballot is cast the long way all the same
  }
  return cast(deps, input, found, []);
}

/** The serial as held in memory, with the limit's checks for its write; null when not held or the client is over the limit. */
async function assumedSerial(deps: AppDeps, raw: string, client: string) {
  const parsed = parseSerial(raw.slice(0, 64));
  if (!parsed.ok) return null;
  const found = assumeSerial(deps, parsed.serial, await serialHash(deps.secret, parsed.serial));
  const checks = found && (await knownSerialChecks(deps, client));
  return found && checks ? { found, checks } : null;
}

async function cast(deps: AppDeps, input: CastInput, found: FoundSerial, checks: Compilable[]): Promise<CastResult> {
  const { hash, row: campaign } = found;
  const key = input.idempotencyKey?.slice(0, 200);
  const binding = onlineAnswerBinds(campaign);
  let receipt = '';
  let sealed = false;
  const result = await spendSerial(deps, {
    found, checks, channel: 'online', idempotencyKey: key, closedRule: 'campaign_not_open', unknown: unknownSerial, alreadyUsed,
    advisory: takesOnline(campaign) && !binding,
    answer: async (replay) => ({ receipt: replay ? await receiptFor(deps.secret, hash, key!) : receipt, replay }),
    part: async () => {
      if (campaign.status !== 'open') {
        throw new AppError('INVALID_STATE', { vi: 'Đợt lấy ý kiến này hiện không mở để nhận phiếu.', en: 'This campaign is not open for ballots.' });
      }
      if (!takesOnline(campaign)) {
        throw new AppError('CHANNEL_NOT_ALLOWED', {
          vi: 'Đợt lấy ý kiến này không nhận phiếu trực tuyến. Vui lòng điền phiếu giấy và nộp cho Tổ phát phiếu.',
          en: 'This campaign does not take online ballots. Fill in the paper ballot and hand it in.',
        });
      }
      const form = await validatorFor(deps, campaign.campaignId, campaign.updatedAt, campaign.villageId);
      const checked = form.validate(input.answers);
      if (!checked.ok) throw invalidAnswers(checked.errors);

      const secret = campaign.secret === 1;
      const now = deps.clock();
      const answers = checked.data as Record<string, unknown>;
      receipt = await receiptFor(deps.secret, hash, key ?? base32(deps.random(17), 26));
      sealed = secret;
      return {
        // secret campaigns keep only the day, so no time joins a use to an answer
        use: { receiptHash: await receiptHash(deps.secret, receipt), usedOn: secret ? vietnamDate(now) : now.toISOString(), registeredBy: null },
        statements: [secret
          // sealed in the use's own commit, moved into `ballots` only among others (services/sealed-ballots.ts)
          ? await sealBallot(deps, campaign.campaignId, { villageId: campaign.villageId, channel: 'online', binding, answers }, form.sealedLength)
          : insertBallot(deps.db, {
              // random id in a WITHOUT ROWID table: storage order is not arrival order
              id: base32(deps.random(15), 24), campaignId: campaign.campaignId, villageId: campaign.villageId, channel: 'online',
              binding, answers, serialHash: hash, submittedAt: now.toISOString(),
            })],
      };
    },
  });
  if (sealed) deps.mixer.sealed(campaign.campaignId);
  return result;
}
