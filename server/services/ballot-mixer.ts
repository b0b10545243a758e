// When sealed secret ballots are mixed and moved (services/sealed-ballots.ts,
// docs/threat-model.md). A ballot's own request only counts it (no read, no
// write); the mixing runs after the answer, in the background:
// - once K fresh ballots of a campaign are waiting (K = DANBAN_MIX_BATCH), they
//   are re-sealed together, and the WAL is folded into the database and
//   emptied soon after (Node), so the frames that paired each sealed row with
//   its serial's use leave the files;
// - when a campaign closes (online) and when it is published (paper too), its
//   channel's ballots are moved into `ballots` at once, and the WAL emptied;
// - a sweep (Node: at start and every minute) finishes whatever a crash or a
//   lost race left: fresh ballots past K, a closed campaign not yet moved.
// On Workers the background work is kept alive with waitUntil (entry-worker.ts);
// each isolate counts its own ballots and asks D1 how many are waiting every K/4.
import type { AppDeps } from './deps';
import { countFreshSealed, campaignsWithSealed } from '../../db/repositories/sealed-ballots';
import { findCampaign } from '../../db/repositories/campaigns';
import { finalChannels, mixFresh, settleChannel } from './sealed-ballots';

export interface BallotMixer {
  /** A secret ballot of this campaign was just acknowledged, sealed: counts it, reads nothing. */
  sealed(campaignId: string): void;
  /** Moves what can no longer change (online once closed, every channel once published), then empties the WAL. */
  settle(campaignId: string): Promise<void>;
  /** Every campaign with sealed ballots: mixes where K are waiting, moves what is final, empties the WAL. */
  sweep(): Promise<void>;
  /** The background work still running, if any (Workers keep it alive with waitUntil). */
  takeWork(): Promise<unknown> | null;
  /** Resolves once no background work is left (shutdown, tests). */
  idle(): Promise<void>;
}

/** At most one WAL truncation every this many ms while mixes follow each other under load. */
const COMPACT_GAP_MS = 2_000;

export function ballotMixer(deps: AppDeps, opts: { batch: number; checkEvery: number }): BallotMixer {
  const counted = new Map<string, number>();
  const chains = new Map<string, Promise<void>>();
  const running = new Set<Promise<unknown>>();
  let lastCompact = 0;
  let compactTimer: ReturnType<typeof setTimeout> | null = null;

  const log = (err: unknown) => console.error('[ballot-mixer]', err);

  function track<T>(p: Promise<T>): Promise<T> {
    running.add(p);
    void p.finally(() => {
      running.delete(p);
    }).catch(() => undefined);
    return p;
  }

  /** One job at a time per campaign, in order; a failed job is logged and the next one runs. */
  function inTurn(campaignId: string, job: () => Promise<void>): Promise<void> {
    const next = (chains.get(campaignId) ?? Promise.resolve()).then(job).catch(log);
    chains.set(campaignId, next);
    void next.then(() => {
      if (chains.get(campaignId) === next) chains.delete(campaignId);
    });
    return track(next);
  }

  async function compactNow(): Promise<void> {
    if (!deps.compact) return;
    lastCompact = Date.now();
    await deps.compact();
  }

  function compactSoon(): void {
    if (!deps.compact || compactTimer) return;
    const wait = Math.max(0, lastCompact + COMPACT_GAP_MS - Date.now());
    let done!: () => void;
    void track(new Promise<void>((resolve) => (done = resolve)));
    compactTimer = setTimeout(() => {
      compactTimer = null;
      void compactNow().catch(log).finally(done);
    }, wait);
    // a pending truncation never keeps a Node process alive on its own
    if (typeof compactTimer === 'object' && 'unref' in compactTimer) compactTimer.unref();
  }

  async function mixIfDue(campaignId: string): Promise<void> {
    if ((await countFreshSealed(deps.db, campaignId)) < opts.batch) return;
    if ((await mixFresh(deps, campaignId, opts.batch)) > 0) compactSoon();
  }

  async function settleNow(campaignId: string): Promise<boolean> {
    const campaign = await findCampaign(deps.db, campaignId);
    if (!campaign) return false;
    let moved = 0;
    for (const channel of finalChannels(campaign.status)) moved += await settleChannel(deps, campaignId, channel);
    return moved > 0;
  }

  return {
    sealed(campaignId) {
      const n = (counted.get(campaignId) ?? 0) + 1;
      if (n < opts.checkEvery) {
        counted.set(campaignId, n);
        return;
      }
      counted.delete(campaignId);
      void inTurn(campaignId, () => mixIfDue(campaignId));
    },
    settle(campaignId) {
      return inTurn(campaignId, async () => {
        if (await settleNow(campaignId)) await compactNow();
      });
    },
    async sweep() {
      let campaigns: Awaited<ReturnType<typeof campaignsWithSealed>> = [];
      try {
        campaigns = await campaignsWithSealed(deps.db);
      } catch (err) {
        log(err);
      }
      await Promise.all(campaigns.map((c) => inTurn(c.campaignId, async () => {
        await settleNow(c.campaignId);
        if (c.status !== 'published') await mixIfDue(c.campaignId);
      })));
      await track(compactNow().catch(log));
    },
    takeWork() {
      return running.size > 0 ? Promise.allSettled([...running]) : null;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
