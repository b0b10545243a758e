// The campaign kinds: one folder each, one line each here. Adding a kind is
// a new folder exporting a CampaignKindModule (see kind.ts), its line below,
// its channel rule in domain/legal-rules.ts and a migration allowing its name
// in campaigns.kind.
import type { CampaignKind } from '../domain/legal-rules';
import type { CampaignKindModule } from './kind';
import { decision } from './decision';
import { election } from './election';
import { consultation } from './consultation';
import { satisfaction } from './satisfaction';

export const KINDS: Readonly<Record<CampaignKind, CampaignKindModule>> = {
  decision,
  election,
  consultation,
  satisfaction,
};

/** The module of a campaign's kind. */
export function kindOf(kind: CampaignKind): CampaignKindModule {
  const k = KINDS[kind];
  if (!k) throw new RangeError(`unknown campaign kind ${String(kind)}`);
  return k;
}
