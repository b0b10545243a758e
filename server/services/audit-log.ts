import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { SYSTEM_ACTOR, type AuditEntry, type ChainProblem, type OutsideAnchor } from '../domain/audit-chain';
import { communeOfActor } from './guards';
import { verifyAudit } from './verify-audit';
import { listUsers } from '../../db/repositories/users';
import { listCampaigns } from '../../db/repositories/campaigns';
import { listVillages } from '../../db/repositories/villages';
import { householdsByIds, sheetsByIds, themesByIds } from '../../db/repositories/names';
import { sortVi } from '../domain/text';

/** One audit entry with what it points at, named: the audit page makes a sentence of it. */
export interface AuditRow {
  seq: number;
  at: string;
  action: string;
  entity: string;
  entityId: string;
  data: Record<string, unknown>;
  /** who did it: a person (name and username), the system (null), or the raw actor of an entry naming no known account */
  by: { name: string; username: string } | { raw: string } | null;
  /** the campaign it concerns */
  campaign: { id: string; title: string } | null;
  /** the village it concerns */
  village: string | null;
  /** the household it concerns */
  household: { code: string; head: string } | null;
  /** the account it concerns (account changes) */
  account: { name: string; username: string } | null;
  /** the tally sheet it concerns */
  sheet: { channel: string; version: number } | null;
  /** the opinion theme it concerns */
  theme: string | null;
}

export interface AuditLogFilter {
  campaignId?: string;
  /** a user id, or SYSTEM_ACTOR for what the system wrote itself */
  person?: string;
  limit?: number;
  /** the commune whose chain to read (a province administrator's choice, see auditCommune); else the actor's */
  communeId?: string;
  /** anchors kept outside the database to check the chain against */
  anchors?: OutsideAnchor[];
}

export interface AuditLog {
  ok: boolean;
  /** entries in the whole chain */
  entries: number;
  problems: ChainProblem[];
  /** the chain's newest entry: the anchor to keep outside */
  head: { seq: number; hash: string } | null;
  /** entries that match the filter, the newest first, at most `limit` */
  rows: AuditRow[];
  /** how many entries match the filter */
  matching: number;
  /** the filter's choices: the commune's campaigns and the people who wrote entries */
  campaigns: { id: string; title: string }[];
  people: { id: string; name: string }[];
}

function parseData(data: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(data);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * The commune's audit log for the inspection board: the chain check over
 * every entry, and the entries matching the filter (a campaign, a person),
 * newest first, each with the names of who did it and what it touched.
 * Entries name their actor by account id or, for older kinds, by username:
 * both are resolved.
 */
export async function auditLog(deps: AppDeps, actor: Actor, filter: AuditLogFilter = {}): Promise<AuditLog> {
  const communeId = filter.communeId ?? communeOfActor(actor);
  const [report, users, campaigns, villages] = await Promise.all([
    verifyAudit(deps.db, communeId, { latest: Number.MAX_SAFE_INTEGER, anchors: filter.anchors }),
    listUsers(deps.db, communeId),
    listCampaigns(deps.db, communeId),
    listVillages(deps.db, communeId),
  ]);
  const userOf = new Map<string, (typeof users)[number]>();
  for (const u of users) {
    userOf.set(u.id, u);
    userOf.set(u.username, u);
  }
  const personOf = (e: AuditEntry) => (e.actor === SYSTEM_ACTOR ? SYSTEM_ACTOR : userOf.get(e.actor)?.id ?? e.actor);
  const entries = report.latest.map((e) => ({ e, data: parseData(e.data) }));

  // the campaign of each entry, for the filter: sheets and themes name theirs through their own rows
  const sheetIds = entries.filter(({ e }) => e.entity === 'tally_sheet').map(({ e }) => e.entityId);
  const themeIds = entries.filter(({ e }) => e.entity === 'opinion_theme').map(({ e }) => e.entityId);
  const [sheets, themes] = await Promise.all([sheetsByIds(deps.db, sheetIds), themesByIds(deps.db, themeIds)]);
  const sheetOf = new Map(sheets.map((s) => [s.id, s]));
  const themeOf = new Map(themes.map((t) => [t.id, t]));
  const campaignIdOf = (e: AuditEntry, data: Record<string, unknown>): string | undefined =>
    e.entity === 'campaign' ? e.entityId
      : str(data.campaignId) ?? (e.entity === 'tally_sheet' ? sheetOf.get(e.entityId)?.campaignId : e.entity === 'opinion_theme' ? themeOf.get(e.entityId)?.campaignId : undefined);

  const matching = entries.filter(({ e, data }) =>
    (!filter.campaignId || campaignIdOf(e, data) === filter.campaignId) && (!filter.person || personOf(e) === filter.person));
  const shown = matching.slice(0, filter.limit ?? 100);

  const households = new Map(
    (await householdsByIds(deps.db, communeId, shown.filter(({ e }) => e.entity === 'household').map(({ e }) => e.entityId))).map((h) => [h.id, h]),
  );
  const campaignTitle = new Map(campaigns.map((c) => [c.id, c.title]));
  const villageName = new Map(villages.map((v) => [v.id, v.name]));

  const rows: AuditRow[] = shown.map(({ e, data }) => {
    const person = e.actor === SYSTEM_ACTOR ? null : userOf.get(e.actor);
    const campaignId = campaignIdOf(e, data);
    const sheet = e.entity === 'tally_sheet' ? sheetOf.get(e.entityId) : undefined;
    const villageId = e.entity === 'village' ? e.entityId : str(data.villageId) ?? sheet?.villageId;
    const household = e.entity === 'household' ? households.get(e.entityId) : undefined;
    const account = e.entity === 'user' ? userOf.get(e.entityId) : undefined;
    return {
      seq: e.seq, at: e.at, action: e.action, entity: e.entity, entityId: e.entityId, data,
      by: e.actor === SYSTEM_ACTOR ? null : person ? { name: person.displayName || person.username, username: person.username } : { raw: e.actor },
      campaign: campaignId ? { id: campaignId, title: campaignTitle.get(campaignId) ?? str(data.title) ?? campaignId } : null,
      village: villageId ? villageName.get(villageId) ?? str(data.name) ?? null : null,
      household: household ? { code: household.code, head: household.head } : null,
      account: account ? { name: account.displayName || account.username, username: account.username } : null,
      sheet: sheet ? { channel: sheet.channel, version: sheet.version } : null,
      theme: e.entity === 'opinion_theme' ? themeOf.get(e.entityId)?.title ?? str(data.title) ?? null : null,
    };
  });

  const writers = new Set(entries.map(({ e }) => personOf(e)));
  const people = sortVi(
    users.filter((u) => writers.has(u.id)).map((u) => ({ id: u.id, name: `${u.displayName || u.username} (${u.username})` })),
    (p) => p.name,
  );
  return {
    ok: report.ok, entries: report.entries, problems: report.problems, head: report.head, rows, matching: matching.length,
    campaigns: campaigns.map((c) => ({ id: c.id, title: c.title })),
    people: writers.has(SYSTEM_ACTOR) ? [...people, { id: SYSTEM_ACTOR, name: '' }] : people,
  };
}
