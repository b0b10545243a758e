import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { listCampaigns, listCampaignVillages, listCandidates } from '../../db/repositories/campaigns';
import { advisoryUsesPerVillage, usesPerVillage } from '../../db/repositories/serials';
import { seatsFor } from '../domain/campaign';
import { agreementView, parseFrozen } from '../domain/online-agreement';
import { countBallots } from '../../db/repositories/ballots';
import { campaignOf, inActorVillages } from './guards';

export async function listCommuneCampaigns(deps: AppDeps, actor: Actor) {
  const rows = await listCampaigns(deps.db, actor.communeId ?? '');
  return rows.map((c) => ({
    id: c.id, slug: c.slug, title: c.title, kind: c.kind, category: c.category, status: c.status, channels: c.channels,
    opensAt: c.opensAt, closesAt: c.closesAt, openedAt: c.openedAt, closedAt: c.closedAt, publishedAt: c.publishedAt,
  }));
}

/** A campaign with its villages and live participation (households that answered, per village). */
export async function campaignDetail(deps: AppDeps, actor: Actor, id: string) {
  const c = await campaignOf(deps, actor, id);
  const [villages, candidates, uses, ballots, advisory] = await Promise.all([
    listCampaignVillages(deps.db, id), listCandidates(deps.db, id), usesPerVillage(deps.db, id), countBallots(deps.db, id), advisoryUsesPerVillage(deps.db, id),
  ]);
  const seen = (villageId: string, channel: string) =>
    Number(uses.find((u) => u.villageId === villageId && u.channel === channel)?.n ?? 0);
  const visible = inActorVillages(actor, villages, (v) => v.villageId);
  // the agreement to vote online as frozen at opening (null while a draft, or where nothing was recorded)
  const agreement = (v: (typeof villages)[number]) => {
    const record = c.status === 'draft' || v.households === null ? null : parseFrozen(v.onlineAgreement);
    return record ? agreementView(record, v.households ?? 0) : null;
  };
  return {
    id: c.id, slug: c.slug, title: c.title, description: c.description, kind: c.kind, category: c.category, scope: c.scope,
    secret: c.secret, status: c.status, channels: c.channels, advisoryOnline: c.advisoryOnline, survey: c.survey, seats: c.seats,
    seatsByVillage: c.seatsByVillage, board: c.board, onlineApproval: c.onlineApproval, opensAt: c.opensAt, closesAt: c.closesAt, openedAt: c.openedAt, closedAt: c.closedAt,
    publishedAt: c.publishedAt,
    candidates: inActorVillages(actor, candidates, (k) => k.villageId),
    villages: visible.map((v) => ({
      villageId: v.villageId, code: v.code, name: v.name, households: v.households,
      online: seen(v.villageId, 'online'), paper: seen(v.villageId, 'paper'),
      advisory: Number(advisory.find((a) => a.villageId === v.villageId)?.n ?? 0),
      ...(c.kind === 'election' ? { seats: seatsFor(c, v.villageId) } : {}),
      onlineAgreement: agreement(v),
      anonymous: ballots.filter((b) => b.villageId === v.villageId && b.channel !== 'online').reduce((s, b) => s + Number(b.n), 0),
    })),
    anonymousAnswers: ballots.filter((b) => b.channel === 'anonymous' || b.channel === 'kiosk').reduce((s, b) => s + Number(b.n), 0),
  };
}
