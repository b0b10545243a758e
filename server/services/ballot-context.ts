// What an online ballot needs to know about its serial before it is written,
// kept in memory for the campaigns being voted on, so that a ballot is ONE
// write (one hop to the writer thread on Node, one D1 batch on Workers)
// instead of a read followed by a write (issue 17).
//
// A serial's campaign and village never change, and an open campaign's
// facts change only with its updated_at: once one ballot of a campaign has
// been read the long way, the campaign's facts and the village of each of its
// serials are loaded here. A later ballot on a serial found here is built from
// them, and the write itself checks every fact it relied on
// (expectBallotContext: serial unrevoked, in this campaign and village,
// campaign open and unchanged, the village's H and agreement) before the
// use's primary key decides "only once". Nothing here is trusted: a fact that
// went stale makes the write change nothing, and the ballot is then cast the
// long way, read first, with the answers it always had. Only serial hashes
// and village ids are held: no household, no answer.
import type { AppDeps } from './deps';
import type { SerialForBallot } from '../../db/repositories/serials';
import { serialVillagesPage, villageFacts } from '../../db/repositories/serials';
import type { FoundSerial } from './spend-serial';

type VillageFacts = Pick<SerialForBallot, 'villageHouseholds' | 'onlineAgreement'>;

interface CampaignContext {
  /** the campaign's fields as read with one of its serials */
  campaign: SerialForBallot;
  villages: Map<string, VillageFacts>;
  /** serial hash → village id */
  serials: Map<string, string>;
}

/** Serials held at most, over all campaigns (about 100 bytes each, so about 20 MB at most: a Worker isolate has 128 MB): past it, further campaigns take the long way. */
export const MAX_HELD_SERIALS = 200_000;
/** Serials read per page while loading: each page is a short read, and the event loop runs between pages. */
const PAGE = 2000;

interface Held {
  campaigns: Map<string, CampaignContext>;
  loading: Set<string>;
}
// per database: two apps in one process (tests) may have campaigns of the same id
const heldOf = new WeakMap<AppDeps['db'], Held>();

function held(deps: AppDeps): Held {
  let h = heldOf.get(deps.db);
  if (!h) heldOf.set(deps.db, (h = { campaigns: new Map(), loading: new Set() }));
  return h;
}

const heldSerials = (h: Held) => [...h.campaigns.values()].reduce((n, c) => n + c.serials.size, 0);

/**
 * The serial as the held facts describe it, unused as far as they know (the
 * write's primary key will tell), or null when its campaign is not held.
 */
export function assumeSerial(deps: AppDeps, serial: string, hash: string): FoundSerial | null {
  for (const c of held(deps).campaigns.values()) {
    const villageId = c.serials.get(hash);
    if (villageId === undefined) continue;
    const village = c.villages.get(villageId);
    if (!village) return null;
    return {
      serial, hash, assumed: true,
      row: {
        ...c.campaign, ...village, villageId,
        // not held (the online ballot never uses it); the write checks the serial is unrevoked
        householdId: '', revoked: 0,
        usedHash: null, usedChannel: null, usedIdempotencyHash: null, advisoryHash: null, advisoryIdempotencyHash: null,
      },
    };
  }
  return null;
}

/** A held serial whose write found a fact changed: it takes the long way from now on. */
export function forgetSerial(deps: AppDeps, hash: string): void {
  for (const c of held(deps).campaigns.values()) c.serials.delete(hash);
}

/**
 * Learns the campaign of a serial read the long way: while it is open and
 * takes online answers, its facts and its serials' villages are loaded (once;
 * again when its updated_at moved); otherwise it is let go. Resolves when the
 * load is done.
 */
export async function learnCampaign(deps: AppDeps, row: SerialForBallot, takesOnline: boolean): Promise<void> {
  const h = held(deps);
  const current = h.campaigns.get(row.campaignId);
  if (row.status !== 'open' || !takesOnline) {
    h.campaigns.delete(row.campaignId);
    return;
  }
  if ((current && current.campaign.updatedAt === row.updatedAt) || h.loading.has(row.campaignId)) return;
  h.campaigns.delete(row.campaignId);
  h.loading.add(row.campaignId);
  try {
    const context: CampaignContext = { campaign: { ...row }, villages: new Map(), serials: new Map() };
    for (const v of await villageFacts(deps.db, row.campaignId)) {
      context.villages.set(v.villageId, { villageHouseholds: v.villageHouseholds, onlineAgreement: v.onlineAgreement });
    }
    let budget = MAX_HELD_SERIALS - heldSerials(h);
    let after = '';
    for (;;) {
      const page = await serialVillagesPage(deps.db, row.campaignId, after, PAGE);
      budget -= page.length;
      if (budget < 0) {
        // too many to hold: the campaign is known, its ballots take the long way
        context.serials.clear();
        break;
      }
      for (const s of page) context.serials.set(s.serialHash, s.villageId);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.serialHash;
      // let requests run between pages (a read on Node does not yield by itself)
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    h.campaigns.set(row.campaignId, context);
  } finally {
    h.loading.delete(row.campaignId);
  }
}
