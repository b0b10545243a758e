// Spending a household's serial: the one place that turns a typed or scanned
// serial into its single use, for every channel. The serial_uses primary key
// is the one-ballot-per-household rule across channels and its triggers
// refuse a closed campaign or a revoked serial, so "only once" is decided by
// the database, never by a read before the write. Each channel adds only its
// own part: the online ballot (services/cast-ballot.ts) its receipt and
// answers, the paper ballot (services/register-paper-ballot.ts) the village
// check, its audit entry and the marks entered.
import type { Compilable } from 'kysely';
import type { AppDeps } from './deps';
import { AppError } from '../domain/errors';
import { parseSerial } from '../domain/serial';
import { ConstraintViolation } from '../runtime/types';
import {
  expectBallotContext, findAdvisoryUse, findSerialForBallot, findSerialUse, insertAdvisoryUse, insertSerialUse, type SerialForBallot, type SerialUse,
} from '../../db/repositories/serials';
import { idempotencyHash, serialHash } from './serial-codes';
import { atomicWithAudit, type AuditEvent } from './audit';
import { isFailedAssertion } from '../../db/repositories/assertions';

export type SpendChannel = SerialUse['channel'];

/** A serial as found: its clean printed form, its stored hash, and the one row read about it. */
export interface FoundSerial {
  serial: string;
  hash: string;
  /** the serial, its campaign and its use if any (revoked serials included: the channel says how to refuse) */
  row: SerialForBallot;
  /**
   * The row was built from what is held in memory (services/ballot-context.ts),
   * not read: the write then checks every fact it states before spending.
   */
  assumed?: boolean;
}

/** Parses, hashes and looks up a typed or scanned serial in one read; null when it is malformed or unknown. */
export async function lookUpSerial(deps: AppDeps, raw: string): Promise<FoundSerial | null> {
  const parsed = parseSerial(raw.slice(0, 64));
  if (!parsed.ok) return null;
  const hash = await serialHash(deps.secret, parsed.serial);
  const row = await findSerialForBallot(deps.db, hash, deps.hotRead);
  return row ? { serial: parsed.serial, hash, row } : null;
}

/** What a channel adds to the use of a serial. */
export interface ChannelPart {
  /** the use's own fields */
  use: Pick<SerialUse, 'receiptHash' | 'usedOn' | 'registeredBy'>;
  /** written with the use, all or nothing (the ballot) */
  statements: Compilable[];
  /** audit entries appended in the same write */
  audit?: AuditEvent[];
}

export interface Spend<R> {
  found: FoundSerial;
  channel: SpendChannel;
  /** sent again with a retry, so a lost response answers the first result instead of a refusal */
  idempotencyKey: string | undefined;
  /** the channel's checks and statements; called only for a serial not yet used */
  part: (idempotency: string | null) => Promise<ChannelPart>;
  /** the answer, the first time and to a retry of the same request */
  answer: (replay: boolean) => R | Promise<R>;
  /** the refusal of a serial already used (by this channel or the other) */
  alreadyUsed: (channel: SpendChannel) => AppError;
  /** the refusal of a serial found revoked while writing */
  unknown: () => AppError;
  /** the trigger's name for "the campaign does not take this channel now" */
  closedRule: string;
  /**
   * An advisory answer (docs/design.md "One household, one binding vote"):
   * it takes the serial's advisory key (advisory_uses), never its binding use,
   * so the household's paper ballot still counts.
   */
  advisory?: boolean;
  /** statements that must pass before anything is written (a limit checked inside the database) */
  checks?: Compilable[];
}

/** Uses a serial once: a retry of the same request gets its first answer, anything else that finds it used is refused. */
export async function spendSerial<R>(deps: AppDeps, s: Spend<R>): Promise<R> {
  const { hash, row } = s.found;
  const idempotency = s.idempotencyKey ? await idempotencyHash(deps.secret, hash, s.idempotencyKey) : null;
  const settle = (use: { channel: SpendChannel; idempotencyHash: string | null }) => {
    if (idempotency && use.idempotencyHash === idempotency && use.channel === s.channel) return s.answer(true);
    throw s.alreadyUsed(use.channel);
  };
  if (s.advisory) {
    if (row.advisoryHash) return settle({ channel: s.channel, idempotencyHash: row.advisoryIdempotencyHash });
  } else if (row.usedHash) return settle({ channel: row.usedChannel!, idempotencyHash: row.usedIdempotencyHash });

  const part = await s.part(idempotency);
  const use = { serialHash: hash, campaignId: row.campaignId, villageId: row.villageId, idempotencyHash: idempotency };
  const statements = [
    // a row not read: the write fails, changing nothing, unless it is still true
    ...(s.found.assumed ? [expectBallotContext(hash, row)] : []),
    ...(s.checks ?? []),
    s.advisory
      ? insertAdvisoryUse(deps.db, { ...use, receiptHash: part.use.receiptHash, usedOn: part.use.usedOn })
      : insertSerialUse(deps.db, { ...use, channel: s.channel, ...part.use }),
    ...part.statements,
  ];
  try {
    if (part.audit) await atomicWithAudit(deps, statements, part.audit);
    else await deps.atomic(statements);
  } catch (err) {
    if (!(err instanceof ConstraintViolation)) throw err;
    // a write built on held facts, or carrying checks, was refused as a whole before
    // anything was decided about the use: its caller takes the long way (cast-ballot.ts)
    if ((s.found.assumed || s.checks?.length) && isFailedAssertion(err)) throw err;
    if (err.detail === s.closedRule) throw new AppError('INVALID_STATE');
    if (err.detail === 'serial_revoked') throw s.unknown();
    // another request used it first: a retry of this one, or a refusal
    const raced = s.advisory
      ? await findAdvisoryUse(deps.db, hash).then((u) => u && { channel: s.channel, idempotencyHash: u.idempotencyHash })
      : await findSerialUse(deps.db, hash);
    if (raced) return settle(raced);
    throw err;
  }
  return s.answer(false);
}

/** The day in Vietnam: all a secret campaign keeps of when a serial was used, so no time joins a use to an answer. */
export function vietnamDate(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
