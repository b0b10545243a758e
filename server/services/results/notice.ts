// The printable results notice (A4) for the village cultural house: its
// model drawn from the same snapshot as the page, the kind adding its pages
// (the commune's notice, or one per village signed by its head, Đ23 k2), its
// tables, verdicts and elected.
import type { AppDeps } from '../deps';
import { printFonts } from '../fonts';
import { postingPeriod } from '../../domain/results/posting';
import { kindOf } from '../../kinds';
import { AppError } from '../../domain/errors';
import { readSnapshot } from '../../domain/results/snapshot';
import { renderResultsNotice, type ResultsNoticeModel } from '../../print/results-notice';
import type { PdfOutput } from '../../print/pdf-output';
import type { ResultsView } from './visibility';
import { publicationAnchor } from '../audit-anchor';
import { recognitionOf } from '../recognition';
import { awaitingNote, recognisedText, villageToRecognise, type RecognitionStatus } from '../../domain/recognition';

/**
 * The notice's model: every share is of all households (Đ21). `villageId`
 * keeps one village's notice (village scope); a commune-scope result has one
 * notice for every village house. An unknown village → 404.
 */
export function resultsNoticeModel(v: ResultsView, url: string, now: Date, villageId?: string, recognition: RecognitionStatus = { state: 'none' }): ResultsNoticeModel {
  const s = readSnapshot(v.snapshot);
  let { pages } = kindOf(s.campaign.kind).notice(s);
  if (villageId) {
    if (!s.villages.some((x) => x.villageId === villageId)) throw new AppError('NOT_FOUND');
    pages = pages.filter((p) => p.village === null || p.village.id === villageId);
  }
  // k3–k5: the result says it awaits recognition, or which decision recognised it (Đ21 k2), at the top of each page's notes
  if (recognition.state !== 'none') {
    const line = recognition.state === 'recognised' ? recognisedText(recognition.recognition).vi : awaitingNote(s.campaign.kind, recognition.body).vi;
    // a village's page carries the line only where something passed or someone was elected there
    const applies = (id: string | null) => s.villages.some((x) => (id === null || x.villageId === id) && villageToRecognise(x));
    pages = pages.map((p) => (applies(p.village?.id ?? null) ? { ...p, notes: [line, ...(p.notes ?? [])] } : p));
  }
  const posting = postingPeriod(v.publication && !v.preview ? v.publication.publishedAt : now.toISOString());
  return {
    communeName: s.campaign.communeName,
    campaignTitle: v.preview ? `${s.campaign.title} (BẢN XEM TRƯỚC, CHƯA CÔNG BỐ)` : s.campaign.title,
    legalBasis: [...new Set(s.legalBasis.map((b) => b.article))].join('; '),
    rule: s.legalBasis[0]?.note.vi ?? '',
    pages,
    postedFrom: posting.from,
    postedUntil: posting.until,
    url,
    createdAt: now,
  };
}

export async function resultsNotice(deps: AppDeps, v: ResultsView, url: string, villageId?: string): Promise<PdfOutput> {
  const { status } = await recognitionOf(deps, v.snapshot.campaign.id);
  const model = resultsNoticeModel(v, url, deps.clock(), villageId, status);
  const fonts = await printFonts(deps);
  // the chain head written with this publication, printed so the notice anchors the audit log outside the database
  model.auditAnchor = await publicationAnchor(deps, v.snapshot.campaign.id, v.publication, v.preview);
  return renderResultsNotice(model, fonts);
}
