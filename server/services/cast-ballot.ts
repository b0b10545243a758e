import type { AppDeps } from './deps';
import { AppError } from '../domain/errors';
import { invalidAnswers } from './answer-errors';
import { parseSerial } from '../domain/serial';
import { ballotBinds, type Channel } from '../domain/legal-rules';
import { surveyForVillage } from '../domain/campaign-forms';
import { compileValidator } from '../domain/survey/validator';
import { findSerial, findSerialForBallot, findSerialUse, insertSerialUse } from '../../db/repositories/serials';
import { findCampaign, listCandidates } from '../../db/repositories/campaigns';
import { insertBallot } from '../../db/repositories/ballots';
import { idempotencyHash, receiptFor, receiptHash, serialHash } from './serial-codes';
import { ConstraintViolation } from '../runtime/types';
import { base32 } from '../runtime/ids';

// Guessing serials is rate-limited per client: a wrong serial costs a try.
const GUESS_LIMIT = 30;
const GUESS_WINDOW_MS = 10 * 60_000;

const unknownSerial = () =>
  new AppError('NOT_FOUND', {
    vi: 'Không tìm thấy phiếu với mã này. Vui lòng kiểm tra lại mã in trên phiếu.',
    en: 'No ballot has this serial. Check the code printed on the ballot.',
  });

type Validator = ReturnType<typeof compileValidator>;
const validators = new Map<string, Validator>();

/** One compiled validator per campaign version (and village, for elections). */
async function validatorFor(deps: AppDeps, campaignId: string, updatedAt: string, villageId: string): Promise<Validator> {
  const key = `${campaignId}|${updatedAt}|${villageId}`;
  let v = validators.get(key);
  if (!v) {
    const campaign = (await findCampaign(deps.db, campaignId))!;
    const candidates = campaign.kind === 'election' ? await listCandidates(deps.db, campaignId) : [];
    v = compileValidator(surveyForVillage(campaign, candidates, villageId));
    if (validators.size > 2000) validators.clear();
    validators.set(key, v);
  }
  return v;
}

export interface ResolvedSerial {
  serial: string;
  serialHash: string;
  campaignId: string;
  villageId: string;
  householdId: string;
}

/** Reads a typed or scanned serial; unknown, mistyped or revoked → 404, counted as a guess. */
async function countGuess(deps: AppDeps, client: string): Promise<AppError> {
  if (!(await deps.rateLimiter.hit(`serial-guess:${client}`, GUESS_LIMIT, GUESS_WINDOW_MS))) return new AppError('RATE_LIMITED');
  return unknownSerial();
}

export async function resolveSerial(deps: AppDeps, raw: string, client: string): Promise<ResolvedSerial> {
  const parsed = parseSerial(raw.slice(0, 64));
  if (!parsed.ok) throw await countGuess(deps, client);
  const hash = await serialHash(deps.secret, parsed.serial);
  const row = await findSerial(deps.db, hash);
  if (!row || row.revoked) throw await countGuess(deps, client);
  return { serial: parsed.serial, serialHash: hash, campaignId: row.campaignId, villageId: row.villageId, householdId: row.householdId };
}

export interface CastInput {
  serial: string;
  answers: unknown;
  /** Sent again with a retry, so the retry gets the first receipt instead of a 409. */
  idempotencyKey?: string;
  client: string;
}

export interface CastResult {
  receipt: string;
  /** true when this was a retry of a ballot already stored */
  replay: boolean;
}

function vietnamDate(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Accepts one online ballot per serial. The database decides "only once":
 * the serial_uses primary key and its trigger (campaign open, serial not
 * revoked) make the two inserts one all-or-nothing write, so concurrent
 * submissions on one serial store exactly one ballot.
 */
export async function castBallot(deps: AppDeps, input: CastInput): Promise<CastResult> {
  const parsed = parseSerial(input.serial.slice(0, 64));
  const hash = parsed.ok ? await serialHash(deps.secret, parsed.serial) : '';
  const found = parsed.ok ? await findSerialForBallot(deps.db, hash, deps.hotRead) : undefined;
  if (!found || found.revoked) throw await countGuess(deps, input.client);
  const s = { serialHash: hash, villageId: found.villageId };
  const campaign = found;
  const key = input.idempotencyKey?.slice(0, 200);

  if (found.usedHash) return replayOrRefuse(deps, s, found.usedIdempotencyHash, key);
  if (campaign.status !== 'open') {
    throw new AppError('INVALID_STATE', { vi: 'Đợt lấy ý kiến này hiện không mở để nhận phiếu.', en: 'This campaign is not open for ballots.' });
  }
  const channels = JSON.parse(campaign.channels) as Channel[];
  if (!channels.includes('online') && campaign.advisoryOnline !== 1) {
    throw new AppError('CHANNEL_NOT_ALLOWED', {
      vi: 'Đợt lấy ý kiến này không nhận phiếu trực tuyến. Vui lòng điền phiếu giấy và nộp cho Tổ phát phiếu.',
      en: 'This campaign does not take online ballots. Fill in the paper ballot and hand it in.',
    });
  }
  const validate = await validatorFor(deps, campaign.campaignId, campaign.updatedAt, s.villageId);
  const checked = validate(input.answers);
  if (!checked.ok) throw invalidAnswers(checked.errors);

  const secret = campaign.secret === 1;
  const now = deps.clock();
  const receiptKey = key ?? base32(deps.random(17), 26);
  const receipt = await receiptFor(deps.secret, s.serialHash, receiptKey);
  try {
    await deps.atomic([
      insertSerialUse(deps.db, {
        serialHash: s.serialHash, campaignId: campaign.campaignId, villageId: s.villageId, channel: 'online',
        idempotencyHash: key ? await idempotencyHash(deps.secret, s.serialHash, key) : null,
        receiptHash: await receiptHash(deps.secret, receipt),
        // secret campaigns keep only the day, so no time joins a use to an answer
        usedOn: secret ? vietnamDate(now) : now.toISOString(),
        registeredBy: null,
      }),
      insertBallot(deps.db, {
        // random id in a WITHOUT ROWID table: storage order is not arrival order
        id: base32(deps.random(15), 24), campaignId: campaign.campaignId, villageId: s.villageId, channel: 'online',
        binding: ballotBinds(campaign.kind, campaign.category, 'online'),
        answers: checked.data as Record<string, unknown>,
        serialHash: secret ? null : s.serialHash,
        submittedAt: secret ? null : now.toISOString(),
      }),
    ]);
  } catch (err) {
    if (!(err instanceof ConstraintViolation)) throw err;
    if (err.detail === 'campaign_not_open') throw new AppError('INVALID_STATE');
    if (err.detail === 'serial_revoked') throw unknownSerial();
    const raced = await findSerialUse(deps.db, s.serialHash);
    if (raced) return replayOrRefuse(deps, s, raced.idempotencyHash, key);
    throw err;
  }
  return { receipt, replay: false };
}

async function replayOrRefuse(deps: AppDeps, s: { serialHash: string }, storedIdem: string | null, key: string | undefined): Promise<CastResult> {
  if (key && storedIdem && storedIdem === (await idempotencyHash(deps.secret, s.serialHash, key))) {
    return { receipt: await receiptFor(deps.secret, s.serialHash, key), replay: true };
  }
  throw new AppError('ALREADY_USED', {
    vi: 'Phiếu này đã được sử dụng (đã gửi trực tuyến hoặc đã kiểm phiếu giấy). Mỗi hộ chỉ được một phiếu.',
    en: 'This ballot was already used (online or counted on paper). One ballot per household.',
  });
}
