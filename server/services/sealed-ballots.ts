// Secret ballots between acknowledgement and the answers table
// (docs/threat-model.md). The commit that spends a household's serial stores
// its ballot sealed: AES-256-GCM under a key derived from the server secret,
// which no file holds, over the ballot padded to the same length for the whole
// campaign form. A copy of the files taken then shows that a household voted,
// never what, nor how much it wrote. The mixer (services/ballot-mixer.ts)
// re-seals fresh ballots together once K are waiting, under new random ids in
// shuffled order, and when a channel can take no more ballots (online once
// the campaign is closed, paper once it is published) moves all of that
// channel's ballots into `ballots` in one write, shuffled, deleting the sealed
// rows: the only write that puts answers in the clear holds every answer of
// the channel and no serial's use.
import type { Compilable } from 'kysely';
import type { AppDeps } from './deps';
import { AppError } from '../domain/errors';
import type { BallotChannel, CampaignStatus } from '../domain/campaign';
import { maxAnswerBytes } from '../domain/survey/answer-size';
import type { Json } from '../domain/survey/definition';
import { aesGcmOpen, aesGcmSeal, fromBase64, sealKey, toBase64 } from '../runtime/crypto';
import { base32 } from '../runtime/ids';
import { ConstraintViolation } from '../runtime/types';
import {
  deleteSealedOfChannel, deleteSealedRows, insertSealedBallot, insertSealedBallots, listSealed, listSealedIds, type SealedRow,
} from '../../db/repositories/sealed-ballots';
import { insertBallots } from '../../db/repositories/ballots';
import { ballotAnswers, ballotIdsOfCampaign, type OnlineAnswerGroup } from '../../db/repositories/results';

type SealedChannel = SealedRow['channel'];

/** What a sealed row holds. */
export interface SealedBallot {
  /** its id in `ballots` once moved, drawn when it is cast: staff can group its opinion under a theme before */
  id: string;
  villageId: string;
  channel: SealedChannel;
  binding: boolean;
  answers: Record<string, unknown>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const SLOT = 256;
/**
 * Forms with many long text boxes (a consultation's) would pad every ballot
 * to tens of kilobytes: above this, the longest answers take whole further
 * lengths and their length class shows (docs/threat-model.md).
 */
const MAX_SEALED_LENGTH = 16_384;

/** What the seal binds: a row moved to another campaign, channel or id no longer opens. */
const boundTo = (campaignId: string, mixed: boolean, id: string, channel: SealedChannel) =>
  encoder.encode(`danban sealed ballot v1|${campaignId}|${mixed ? 1 : 0}|${id}|${channel}`);

/**
 * The length every sealed ballot of a campaign form (one village's, for an
 * election) is padded to: the longest ballot it accepts, in whole 256 bytes,
 * at most 16 KiB.
 */
export function sealedLength(survey: Json, villageId: string): number {
  const envelope = encoder.encode(JSON.stringify({ i: base32(new Uint8Array(15), 24), v: villageId, c: 'online', b: false, a: {} })).length;
  return Math.min(MAX_SEALED_LENGTH, Math.ceil((envelope + maxAnswerBytes(survey)) / SLOT) * SLOT);
}

function padded(ballot: SealedBallot, length: number): Uint8Array {
  const json = encoder.encode(JSON.stringify({ i: ballot.id, v: ballot.villageId, c: ballot.channel, b: ballot.binding, a: ballot.answers }));
  // an answer past the form's bound (control characters only) takes whole further lengths
  const out = new Uint8Array(Math.max(1, Math.ceil(json.length / length)) * length).fill(0x20);
  out.set(json);
  return out;
}

async function sealBytes(deps: AppDeps, campaignId: string, mixed: boolean, channel: SealedChannel, plaintext: Uint8Array): Promise<SealedRow> {
  const id = base32(deps.random(15), 24);
  const sealed = await aesGcmSeal(await sealKey(deps.secret), deps.random(12), plaintext, boundTo(campaignId, mixed, id, channel));
  return { campaignId, mixed, id, channel, sealed: toBase64(sealed) };
}

/**
 * The statement that stores a secret ballot sealed, written in the same
 * atomic write as its serial's use: one AES-GCM encryption, no read.
 * `length` is sealedLength() of the form the answers were checked against.
 */
export async function sealBallot(
  deps: AppDeps, campaignId: string, ballot: Omit<SealedBallot, 'id'>, length: number,
): Promise<Compilable> {
  const full: SealedBallot = { ...ballot, id: base32(deps.random(15), 24) };
  return insertSealedBallot(deps.db, await sealBytes(deps, campaignId, false, ballot.channel, padded(full, length)));
}

async function openBytes(deps: AppDeps, row: SealedRow): Promise<Uint8Array> {
  try {
    return await aesGcmOpen(await sealKey(deps.secret), fromBase64(row.sealed), boundTo(row.campaignId, row.mixed, row.id, row.channel));
  } catch {
    throw new AppError('INTERNAL', {
      vi: 'Không mở được một phiếu kín đã niêm phong: dữ liệu đã bị sửa hoặc khóa của máy chủ đã đổi.',
      en: 'A sealed secret ballot cannot be opened: its data was altered or the server key changed.',
    });
  }
}

const parse = (bytes: Uint8Array): SealedBallot => {
  const p = JSON.parse(decoder.decode(bytes)) as { i: string; v: string; c: SealedChannel; b: boolean; a: Record<string, unknown> };
  return { id: p.i, villageId: p.v, channel: p.c, binding: p.b, answers: p.a };
};

/** Opens sealed rows in memory (results, recounts); nothing is written. */
export async function openSealed(deps: AppDeps, rows: SealedRow[]): Promise<SealedBallot[]> {
  return Promise.all(rows.map(async (r) => parse(await openBytes(deps, r))));
}

/** Fisher–Yates with unbiased draws from the runtime's random source. */
function shuffle<T>(items: T[], random: AppDeps['random']): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const bound = 2 ** 32 - (2 ** 32 % (i + 1));
    let x: number;
    do {
      const b = random(4);
      x = ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
    } while (x >= bound);
    const j = x % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const lostRace = (err: unknown) => err instanceof ConstraintViolation && (err.detail.includes('atomic_assertion') || err.kind === 'primary_key' || err.kind === 'unique');

/**
 * Re-seals the campaign's fresh ballots together, when at least `min` are
 * waiting: in one write they are deleted and written again under new random
 * ids and nonces, in shuffled order. The files never showed their content;
 * now not even the key opens a link to the commit that spent each serial,
 * unless its frames are still in a copy. Returns how many were mixed (0 when
 * too few, or when another instance mixed them first).
 */
export async function mixFresh(deps: AppDeps, campaignId: string, min: number): Promise<number> {
  const fresh = await listSealed(deps.db, campaignId, { fresh: true });
  if (fresh.length < min || fresh.length === 0) return 0;
  const plaintexts = shuffle(await Promise.all(fresh.map(async (r) => ({ channel: r.channel, bytes: await openBytes(deps, r) }))), deps.random);
  const rows = await Promise.all(plaintexts.map((p) => sealBytes(deps, campaignId, true, p.channel, p.bytes)));
  try {
    await deps.atomic([...deleteSealedRows(deps.db, campaignId, false, fresh.map((r) => r.id)), ...insertSealedBallots(deps.db, rows)]);
  } catch (err) {
    if (lostRace(err)) return 0;
    throw err;
  }
  return fresh.length;
}

/** The channels whose sealed ballots can be moved: no ballot can reach them any more. */
export function finalChannels(status: CampaignStatus): SealedChannel[] {
  if (status === 'published') return ['online', 'paper'];
  if (status === 'closed') return ['online'];
  return [];
}

/**
 * Moves every sealed ballot of a finished channel into `ballots` in one
 * write: all of them, shuffled, under the ids drawn when they were cast, and
 * the sealed rows deleted (zeroed on Node). The number deleted must be the
 * number read, and a ballot id can be inserted once: a second instance doing
 * the same at the same time changes nothing.
 */
export async function settleChannel(deps: AppDeps, campaignId: string, channel: SealedChannel): Promise<number> {
  const rows = await listSealed(deps.db, campaignId, { channels: [channel] });
  if (rows.length === 0) return 0;
  const ballots = shuffle(await openSealed(deps, rows), deps.random);
  try {
    await deps.atomic([
      ...deleteSealedOfChannel(deps.db, campaignId, channel, rows.length),
      ...insertBallots(deps.db, ballots.map((b) => ({
        id: b.id, campaignId, villageId: b.villageId, channel: b.channel, binding: b.binding, answers: b.answers, serialHash: null, submittedAt: null,
      }))),
    ]);
  } catch (err) {
    if (lostRace(err)) return 0;
    throw err;
  }
  return rows.length;
}

const sealable = (channels: BallotChannel[]) => channels.filter((c): c is SealedChannel => c === 'online' || c === 'paper');

/**
 * Reads the sealed rows, then what `readPlain` reads from `ballots`. Read in
 * that order nothing is missed, but a move in between would count its
 * ballots twice: the sealed rows are counted again after, and the read
 * repeated when there are fewer (a move takes a whole channel once it is
 * closed; new ballots only add rows and a mix replaces as many as it deletes).
 */
async function consistent<T>(deps: AppDeps, campaignId: string, channels: SealedChannel[], readPlain: () => Promise<T>) {
  for (let attempt = 0; ; attempt++) {
    const sealed = await listSealed(deps.db, campaignId, { channels });
    const plain = await readPlain();
    const again = await listSealedIds(deps.db, campaignId, channels);
    if (again.length >= sealed.length || attempt >= 5) return { sealed, plain };
  }
}

/**
 * The campaign's ballots of these channels as the results read them: the rows
 * of `ballots` and, opened in memory, those still sealed (services/results/load.ts);
 * a ballot moved while this reads is found by its id and counted once.
 */
export async function ballotsWithSealed(deps: AppDeps, campaignId: string, channels: BallotChannel[]) {
  const { sealed, plain } = await consistent(deps, campaignId, sealable(channels), () => ballotAnswers(deps.db, campaignId, channels));
  const opened = await openSealed(deps, sealed);
  const seen = new Set(plain.map((b) => b.id));
  return [
    ...plain,
    ...opened.filter((b) => !seen.has(b.id)).map((b) => ({ id: b.id, villageId: b.villageId as string | null, binding: b.binding ? 1 : 0, answers: JSON.stringify(b.answers) })),
  ];
}

/**
 * The answer groups of one channel that `readPlain` reads from `ballots`
 * (grouped by SQLite, see onlineAnswerGroups), with that channel's ballots
 * still sealed added as groups of one, so the builder counts both the same way.
 */
export async function answerGroupsWithSealed(
  deps: AppDeps, campaignId: string, channel: SealedChannel, readPlain: () => Promise<OnlineAnswerGroup[]>,
): Promise<OnlineAnswerGroup[]> {
  const { sealed, plain } = await consistent(deps, campaignId, [channel], readPlain);
  if (sealed.length === 0) return plain;
  const opened = await openSealed(deps, sealed);
  return [...plain, ...opened.map((b) => ({ villageId: b.villageId, binding: b.binding ? 1 : 0, answers: JSON.stringify(b.answers), n: 1 }))];
}

/** The ids among `ids` of the campaign's ballots, moved or still sealed (opinions are grouped by ballot id). */
export async function ballotIdsWithSealed(deps: AppDeps, campaignId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { sealed, plain } = await consistent(deps, campaignId, ['online', 'paper'], () => ballotIdsOfCampaign(deps.db, campaignId, ids));
  const wanted = new Set(ids);
  const found = new Set(plain);
  for (const b of await openSealed(deps, sealed)) if (wanted.has(b.id)) found.add(b.id);
  return [...found];
}
