import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, invalidField } from '../domain/errors';
import { cleanText } from '../domain/text';
import { findCampaign } from '../../db/repositories/campaigns';
import { assignOpinions, findTheme, insertTheme, listThemes, nextThemePosition, updateTheme, type Theme } from '../../db/repositories/themes';
import { ballotIdsWithSealed } from './sealed-ballots';
import { campaignOf, requireCommune } from './guards';
import { atomicWithAudit } from './audit';
import { viewResults } from './results/visibility';
import { kindOf } from '../kinds';
import type { CampaignKind } from '../domain/legal-rules';

// Consultation synthesis (Đ25–28 Luật 10/2022/QH15), and the same for the
// written answers of a satisfaction survey: staff group the
// opinions under themes and answer each one, taking it on (tiếp thu) or
// explaining why not (giải trình). The answers are published with the results,
// so every change is in the audit log like any other part of a publication.

export interface ThemeInput {
  title: string;
  response?: string;
  accepted?: boolean | null;
  departsFromMajority?: boolean;
  departureReason?: string;
}

/** Consultations and satisfaction surveys: the kinds whose written answers staff group (kind.themes). */
function withThemes(kind: CampaignKind): void {
  const k = kindOf(kind);
  if (k.source !== 'answers' || !k.themes) {
    throw new AppError('INVALID_STATE', {
      vi: 'Chỉ đợt lấy ý kiến Nhân dân và khảo sát sự hài lòng mới có nhóm ý kiến và phần giải trình.',
      en: 'Only consultations and satisfaction surveys have opinion themes and answers.',
    });
  }
}

const publicTheme = (t: Theme) => ({
  id: t.id, campaignId: t.campaignId, title: t.title, response: t.response, accepted: t.accepted, position: t.position,
  departsFromMajority: t.departsFromMajority, departureReason: t.departureReason,
});

export async function createTheme(deps: AppDeps, actor: Actor, campaignId: string, input: ThemeInput) {
  const c = await campaignOf(deps, actor, campaignId);
  withThemes(c.kind);
  const theme: Theme = {
    id: deps.newId(), campaignId: c.id, title: cleanText(input.title), response: (input.response ?? '').normalize('NFC').trim(),
    accepted: input.accepted ?? null, position: await nextThemePosition(deps.db, c.id),
    departsFromMajority: input.departsFromMajority ?? false, departureReason: (input.departureReason ?? '').normalize('NFC').trim(),
  };
  if (!theme.title) throw invalidField('title', { vi: 'Tên nhóm ý kiến không được để trống.', en: 'The theme needs a title.' });
  await atomicWithAudit(deps, [insertTheme(deps.db, theme)], [
    { communeId: c.communeId, actor: actor.id, action: 'theme.create', entity: 'opinion_theme', entityId: theme.id, data: { campaignId: c.id, title: theme.title, accepted: theme.accepted } },
  ]);
  return publicTheme(theme);
}

/** A theme of the actor's commune, or 404. */
async function themeOf(deps: AppDeps, actor: Actor, themeId: string) {
  const theme = await findTheme(deps.db, themeId);
  if (!theme) throw new AppError('NOT_FOUND');
  const c = await findCampaign(deps.db, theme.campaignId);
  if (!c) throw new AppError('NOT_FOUND');
  requireCommune(actor, c.communeId);
  return { theme, campaign: c };
}

export async function editTheme(deps: AppDeps, actor: Actor, themeId: string, input: Partial<ThemeInput>) {
  const { theme, campaign } = await themeOf(deps, actor, themeId);
  const next: Theme = {
    ...theme,
    title: input.title !== undefined ? cleanText(input.title) : theme.title,
    response: input.response !== undefined ? input.response.normalize('NFC').trim() : theme.response,
    accepted: input.accepted !== undefined ? input.accepted : theme.accepted,
    departsFromMajority: input.departsFromMajority !== undefined ? input.departsFromMajority : theme.departsFromMajority,
    departureReason: input.departureReason !== undefined ? input.departureReason.normalize('NFC').trim() : theme.departureReason,
  };
  if (!next.title) throw invalidField('title', { vi: 'Tên nhóm ý kiến không được để trống.', en: 'The theme needs a title.' });
  await atomicWithAudit(deps, [updateTheme(deps.db, next)], [
    { communeId: campaign.communeId, actor: actor.id, action: 'theme.update', entity: 'opinion_theme', entityId: theme.id, data: { title: next.title, accepted: next.accepted, response: next.response, departsFromMajority: next.departsFromMajority, departureReason: next.departureReason } },
  ]);
  return publicTheme(next);
}

/** Puts opinions (ballot, question) under a theme; an opinion already under another theme moves here. */
export async function groupOpinions(deps: AppDeps, actor: Actor, themeId: string, input: { ballotIds: string[]; question: string }) {
  const { theme, campaign } = await themeOf(deps, actor, themeId);
  const ids = [...new Set(input.ballotIds)];
  const known = new Set(await ballotIdsWithSealed(deps, campaign.id, ids));
  const unknown = ids.map((id, i) => ({ id, i })).filter((x) => !known.has(x.id));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, unknown.map((u) => ({
      path: `ballotIds.${u.i}`,
      message: { vi: `Không có ý kiến "${u.id}" trong đợt lấy ý kiến này.`, en: `No answer "${u.id}" in this consultation.` },
    })));
  }
  await atomicWithAudit(deps, [assignOpinions(deps.db, theme.id, input.question, ids)], [
    { communeId: campaign.communeId, actor: actor.id, action: 'theme.group', entity: 'opinion_theme', entityId: theme.id, data: { question: input.question, ballotIds: ids } },
  ]);
  return { themeId: theme.id, grouped: ids.length };
}

/** What the staff's synthesis page shows: the themes with their answers, and every opinion with its theme. */
export async function themeBoard(deps: AppDeps, actor: Actor, campaignId: string) {
  const c = await campaignOf(deps, actor, campaignId);
  withThemes(c.kind);
  const [themes, view] = await Promise.all([
    listThemes(deps.db, c.id),
    viewResults(deps, actor, c.id, { preview: true, ownOnly: true }),
  ]);
  return { campaign: { id: c.id, title: c.title, slug: c.slug, status: c.status }, themes: themes.map(publicTheme), opinions: view.staff?.opinions ?? [] };
}
