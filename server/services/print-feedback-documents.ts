import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, invalidField } from '../domain/errors';
import { DEFAULT_RULES } from '../domain/legal-rules';
import { slugify } from '../domain/text';
import type { Quarter } from '../domain/scorecard';
import { findCommune } from '../../db/repositories/communes';
import { findVillage } from '../../db/repositories/villages';
import { renderFeedbackPoster } from '../print/feedback-poster';
import { renderDialogueAgenda } from '../print/dialogue-agenda';
import { renderScorecardReport } from '../print/scorecard-report';
import { communeOfActor } from './guards';
import type { PrintedDocument } from './print-documents';
import { printFonts } from './fonts';
import { dialogueDetail } from './manage-dialogues';
import { computeScorecard } from './compute-scorecard';

const office = (actor: Actor) => actor.role === 'admin' || actor.role === 'staff';

/**
 * The hòm thư góp ý QR for one village's cultural house, or for the one-stop
 * counter when no village is named: an A4 poster or four A6 cards on A4. The
 * QR opens the feedback form with the place already chosen.
 */
export async function printFeedbackPoster(
  deps: AppDeps, actor: Actor, opts: { size: 'A4' | 'A6'; villageId?: string; origin: string },
): Promise<PrintedDocument> {
  if (!office(actor)) throw new AppError('FORBIDDEN');
  const communeId = communeOfActor(actor);
  const commune = (await findCommune(deps.db, communeId))!;
  const village = opts.villageId ? await findVillage(deps.db, communeId, opts.villageId) : null;
  if (opts.villageId && !village) throw invalidField('villageId', { vi: 'Thôn không thuộc xã.', en: 'The village is not in the commune.' });
  const form = `${opts.origin}/gop-y/${commune.slug}`;
  const url = village ? `${form}?thon=${encodeURIComponent(village.code)}` : `${form}?noi=mot-cua`;
  const rule = DEFAULT_RULES.deadlines.recommendationAnswer;
  const pdf = renderFeedbackPoster({
    size: opts.size, communeName: commune.name, placeName: village?.name ?? 'Bộ phận Một cửa UBND xã', url, trackUrl: `${opts.origin}/g`,
    answerDays: 'days' in rule.value ? rule.value.days : null, answerArticle: rule.article, createdAt: deps.clock(),
  }, await printFonts(deps));
  return { pdf, filename: `hom-thu-gop-y-${slugify(village?.code ?? 'mot-cua')}-${opts.size.toLowerCase()}.pdf` };
}

/** The conference's order of business, the questions group by group. */
export async function printDialogueAgenda(deps: AppDeps, actor: Actor, id: string): Promise<PrintedDocument> {
  const d = await dialogueDetail(deps, actor, id);
  const commune = await findCommune(deps.db, d.dialogue.communeId);
  const pdf = renderDialogueAgenda({
    communeName: commune?.name ?? '', title: d.dialogue.title, heldAt: d.dialogue.heldAt, place: d.dialogue.place, chair: d.dialogue.chair,
    sections: d.sections.map((s) => ({ title: s.title, questions: s.questions.map((q) => ({ number: q.number, text: q.text, villageName: d.villageName(q.villageId), source: q.source })) })),
    createdAt: deps.clock(),
  }, await printFonts(deps));
  return { pdf, filename: `chuong-trinh-${slugify(d.dialogue.title)}.pdf` };
}

/** The quarter's report on the plan, for the Sở Nội vụ. */
export async function printScorecard(deps: AppDeps, actor: Actor, quarter?: Quarter): Promise<PrintedDocument> {
  const s = await computeScorecard(deps, actor, quarter);
  const pdf = renderScorecardReport(s, await printFonts(deps), deps.clock());
  return { pdf, filename: `bao-cao-quy-${s.quarter.quarter}-${s.quarter.year}.pdf` };
}
