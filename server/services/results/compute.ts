// A campaign's results computed now: the loader reads, the kind's pure
// builder builds (server/kinds/<kind>), and the snapshot is assembled in the
// published format (domain/results/snapshot.ts).
import type { AppDeps } from '../deps';
import type { Campaign, Candidate } from '../../domain/campaign';
import { SNAPSHOT_FORMAT, type ResultsSnapshot, type SnapshotResults } from '../../domain/results/snapshot';
import { kindOf } from '../../kinds';
import { boardOf } from '../../domain/legal-rules';
import type { BuiltResults, StaffExtras } from '../../kinds/kind';
import { loadResults } from './load';

export interface ComputedResults {
  snapshot: ResultsSnapshot;
  staff: StaffExtras;
}

/** The snapshot of a campaign's results, its fields in the published order. */
export function assembleSnapshot(campaign: Campaign, communeName: string, candidates: Candidate[], computedAt: string, r: SnapshotResults): ResultsSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    campaign: {
      id: campaign.id, slug: campaign.slug, title: campaign.title, description: campaign.description, kind: campaign.kind,
      category: campaign.category, scope: campaign.scope, status: campaign.status, communeId: campaign.communeId,
      communeName, channels: campaign.channels, secret: campaign.secret,
      openedAt: campaign.openedAt, closedAt: campaign.closedAt, board: campaign.kind === 'election' ? boardOf(campaign.category, campaign.board) : null,
    },
    candidates: candidates.map((c) => ({ id: c.id, name: c.name, villageId: c.villageId, birthYear: c.birthYear })),
    satisfaction: r.satisfaction,
    consultation: r.consultation,
    ...(r.form ? { form: r.form } : {}),
    photos: r.photos,
    computedAt,
    binding: r.binding,
    questions: r.questions,
    villages: r.villages,
    commune: r.commune,
    advisory: r.advisory,
    legalBasis: r.legalBasis,
  };
}

/** The results of a campaign from what is in the database now. */
export async function computeResults(deps: AppDeps, campaign: Campaign): Promise<ComputedResults> {
  const kind = kindOf(campaign.kind);
  const loaded = await loadResults(deps, campaign, kind);
  let built: BuiltResults;
  if (kind.source === 'tally' && loaded.input.source === 'tally') built = kind.build(loaded.input.tally);
  else if (kind.source === 'answers' && loaded.input.source === 'answers') built = kind.build(loaded.input.answers);
  else throw new Error(`results of ${campaign.kind} loaded as ${loaded.input.source}`);
  return {
    snapshot: assembleSnapshot(campaign, loaded.communeName, loaded.candidates, deps.clock().toISOString(), built.results),
    staff: built.staff,
  };
}
