// The printable results notice (A4) for the village cultural house: its
// model drawn from the same snapshot as the page, the kind adding its village
// table, commune line and elected.
import type { AppDeps } from '../deps';
import { printFonts } from '../fonts';
import { postingPeriod } from '../../domain/results/posting';
import { kindOf } from '../../kinds';
import { renderResultsNotice, type ResultsNoticeModel } from '../../print/results-notice';
import type { PdfOutput } from '../../print/pdf-output';
import type { ResultsView } from './visibility';
import { publicationAnchor } from '../audit-anchor';

/** The notice's model: every share is of all households (Đ21). */
export function resultsNoticeModel(v: ResultsView, url: string, now: Date): ResultsNoticeModel {
  const s = v.snapshot;
  const posting = postingPeriod(v.publication && !v.preview ? v.publication.publishedAt : now.toISOString());
  return {
    communeName: s.campaign.communeName,
    campaignTitle: v.preview ? `${s.campaign.title} (BẢN XEM TRƯỚC, CHƯA CÔNG BỐ)` : s.campaign.title,
    legalBasis: s.legalBasis.map((b) => b.article).join('; '),
    rule: s.legalBasis[0]?.note.vi ?? '',
    ...kindOf(s.campaign.kind).notice(s),
    postedFrom: posting.from,
    postedUntil: posting.until,
    url,
    createdAt: now,
  };
}

export async function resultsNotice(deps: AppDeps, v: ResultsView, url: string): Promise<PdfOutput> {
  const fonts = await printFonts(deps);
  const model = resultsNoticeModel(v, url, deps.clock());
  // the chain head written with this publication, printed so the notice anchors the audit log outside the database
  model.auditAnchor = await publicationAnchor(deps, v.snapshot.campaign.id, v.publication, v.preview);
  return renderResultsNotice(model, fonts);
}
