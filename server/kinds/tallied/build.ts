// The results of the kinds decided by tallies (decision, election), built
// purely from what services/results/load.ts read: the frozen H and online
// agreement of each village, the confirmed tally sheets, the online answers
// and the paper ballots entered one by one (grouped), the paper ballots
// registered and the sheets' photos. The tally engine (domain/tally.ts, each
// village through domain/reconciliation.ts) decides; this copies its result
// into the published snapshot's own fields (domain/results/snapshot.ts).
import { aggregateOnlineAnswers, tallyCampaign, type ConfirmedSheet, type Counts, type TallyResult, type VillageResult } from '../../domain/tally';
import type { SnapshotCommune, SnapshotQuestion, SnapshotResults, SnapshotVillage } from '../../domain/results/snapshot';
import { agreementOnRecord, agreementView, parseFrozen } from '../../domain/online-agreement';
import { channelPolicy } from '../../domain/legal-rules';
import { seatsFor } from '../../domain/campaign';
import type { ProceduralVotes } from '../../domain/meeting-record';
import type { BuiltResults, StoredSheet, TallyInput } from '../kind';

const toNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * The sheet that counts per village and channel: confirmed, and of those the
 * highest version (a correction supersedes what it corrects, so there is one;
 * the highest version wins should two ever be confirmed).
 */
export function latestPerVillageAndChannel<S extends StoredSheet>(sheets: readonly S[]): S[] {
  const latest = new Map<string, S>();
  for (const s of sheets) {
    const key = `${s.villageId}\u0000${s.channel}`;
    const seen = latest.get(key);
    if (!seen || seen.version < s.version) latest.set(key, s);
  }
  return [...latest.values()].sort((a, b) => (a.villageId + a.channel < b.villageId + b.channel ? -1 : 1));
}

/** A stored tally sheet as the tally engine reads it. */
export function sheetOf(row: StoredSheet): ConfirmedSheet {
  const d = (row.data ?? {}) as Record<string, unknown>;
  const counts: Counts = {};
  if (d.counts && typeof d.counts === 'object') {
    for (const [q, values] of Object.entries(d.counts as Record<string, unknown>)) {
      if (!values || typeof values !== 'object') continue;
      counts[q] = {};
      for (const [v, n] of Object.entries(values as Record<string, unknown>)) {
        const k = toNumber(n);
        if (k !== undefined) counts[q]![v] = k;
      }
    }
  }
  const method = d.method === 'secret_ballot' || d.method === 'show_of_hands' ? d.method : undefined;
  return {
    villageId: row.villageId, channel: row.channel, counts,
    present: toNumber(d.present), issued: toNumber(d.issued), returned: toNumber(d.returned), invalid: toNumber(d.invalid),
    // every stored meeting sheet is judged for its procedural votes (domain/meeting-record.ts)
    ...(row.channel === 'meeting' ? { record: { method, procedural: (d.procedural ?? undefined) as ProceduralVotes | undefined } } : {}),
  };
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;


/** A village's result as published: the engine's fields, named one by one. */
function snapshotVillage(v: VillageResult, registeredPaper: number, onlineAgreement: SnapshotVillage['onlineAgreement']): SnapshotVillage {
  return {
    villageId: v.villageId, code: v.code, name: v.name, households: v.households, participated: v.participated,
    questions: v.questions, elected: v.elected, ties: v.ties, passed: v.passed, basis: v.basis, channels: v.channels,
    advisory: v.advisory, thresholdUnreachable: v.thresholdUnreachable, quorumMet: v.quorumMet, fallback: v.fallback,
    turnout: v.turnout, unfilledSeats: v.unfilledSeats, tiedSeats: v.tiedSeats, warnings: v.warnings, registeredPaper,
    seats: v.seats, held: v.held, roles: v.roles, sources: v.sources, onlineAgreement,
  };
}

function snapshotCommune(c: TallyResult['commune'], villages: SnapshotVillage[]): SnapshotCommune {
  const households = villages.reduce((s, v) => s + v.households, 0);
  const participated = villages.reduce((s, v) => s + v.participated, 0);
  return {
    villagesPassed: c.villagesPassed, passed: c.passed, villages: c.villages, rule: c.rule, requiredVillages: c.requiredVillages,
    questions: c.questions, adopted: c.adopted, roster: c.roster, warnings: c.warnings,
    households, participated, turnout: households > 0 ? round4(participated / households) : 0,
  };
}

/** The online answers counted apart as advice, all villages together. */
function advisoryTotal(villages: SnapshotVillage[]): SnapshotResults['advisory'] {
  let advisory: SnapshotResults['advisory'] = null;
  for (const v of villages) {
    if (!v.advisory) continue;
    advisory ??= { ballots: 0, counts: {}, note: v.advisory.note };
    advisory.ballots += v.advisory.ballots;
    for (const [q, values] of Object.entries(v.advisory.counts)) {
      const target = (advisory.counts[q] ??= {});
      for (const [k, n] of Object.entries(values)) target[k] = (target[k] ?? 0) + n;
    }
  }
  return advisory;
}

/** Decision and election results: one tally per village, the commune's result, the advice apart. */
export function buildTalliedResults(input: TallyInput, questions: SnapshotQuestion[]): BuiltResults {
  const { campaign, candidates } = input;
  if (campaign.kind !== 'decision' && campaign.kind !== 'election') throw new RangeError(`${campaign.kind} is not tallied`);
  const tallyQuestions = questions.map((q) => ({ name: q.name, choices: q.choices.map((c) => c.value) }));
  const sheets = latestPerVillageAndChannel(input.sheets);
  // the agreement to vote online matters where online may bind once agreed (k6, NĐ 59 Đ5)
  const agreementApplies = campaign.channels.includes('online') && channelPolicy(campaign.kind, campaign.category).value.onlineNeedsApproval;
  const frozen = new Map(input.villages.map((v) => [v.villageId, parseFrozen(v.onlineAgreement)]));
  const tally = tallyCampaign(
    {
      kind: campaign.kind, category: campaign.category, scope: campaign.scope, seats: campaign.seats, board: campaign.board,
      candidates: candidates.map((c) => ({ id: c.id, name: c.name, villageId: c.villageId, birthYear: c.birthYear })),
      questions: tallyQuestions,
    },
    input.villages.map((v) => ({
      villageId: v.villageId, code: v.code, name: v.name, households: v.households ?? 0,
      onlineAgreement: agreementOnRecord(frozen.get(v.villageId) ?? null, v.households ?? 0),
      registeredPaper: input.registeredPaper[v.villageId] ?? 0,
      ...(campaign.kind === 'election' ? { seats: seatsFor(campaign, v.villageId) } : {}),
    })),
    sheets.map(sheetOf),
    aggregateOnlineAnswers(input.online, tallyQuestions),
    undefined,
    aggregateOnlineAnswers(input.paper, tallyQuestions),
  );
  const recorded = new Set(input.onlineRecords ?? []);
  const villages = tally.villages.map((v) => {
    const agreement = agreementApplies ? agreementView(frozen.get(v.villageId) ?? null, v.households) : null;
    const out = snapshotVillage(v, input.registeredPaper[v.villageId] ?? 0, agreement);
    // where online ballots bind, whether the online-vote record is on file (NĐ 59 Đ5)
    return agreement?.onRecord && input.onlineRecords ? { ...out, onlineRecord: recorded.has(v.villageId) } : out;
  });
  const sheetById = new Map(sheets.map((s) => [s.id, s]));
  return {
    results: {
      binding: true,
      questions,
      villages,
      commune: snapshotCommune(tally.commune, villages),
      advisory: advisoryTotal(villages),
      legalBasis: tally.legalBasis,
      satisfaction: null,
      consultation: null,
      photos: input.photos.filter((p) => sheetById.has(p.tallyId)).map((p) => ({
        id: p.id, villageId: sheetById.get(p.tallyId)!.villageId, channel: sheetById.get(p.tallyId)!.channel, mime: p.mime, sha256: p.sha256,
      })),
    },
    staff: { opinions: [] },
  };
}
