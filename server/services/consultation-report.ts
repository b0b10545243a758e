// The report to the HĐND xã on a consultation (Đ28 Luật 10/2022/QH15),
// printed from its latest publication: the synthesis is reported as it was
// made public, with each opinion group's count and the commune's answer.
import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError } from '../domain/errors';
import { DEFAULT_RULES } from '../domain/legal-rules';
import { readSnapshot, type ResultsSnapshot } from '../domain/results/snapshot';
import { slugify } from '../domain/text';
import { latestPublication } from '../../db/repositories/publications';
import { listCampaignVillages } from '../../db/repositories/campaigns';
import { campaignOf } from './guards';
import { printFonts } from './fonts';
import { renderConsultationReport } from '../print/records';
import type { PrintedDocument } from './print-documents';

export async function printConsultationReport(deps: AppDeps, actor: Actor, campaignId: string): Promise<PrintedDocument> {
  const c = await campaignOf(deps, actor, campaignId);
  if (c.kind !== 'consultation') {
    throw new AppError('INVALID_STATE', {
      vi: 'Báo cáo Hội đồng nhân dân xã chỉ lập cho đợt lấy ý kiến Nhân dân (Điều 25–28).',
      en: 'The report to the commune People’s Council is for consultations only (Art. 25–28).',
    });
  }
  const published = await latestPublication(deps.db, c.id);
  if (!published) {
    throw new AppError('INVALID_STATE', {
      vi: 'Báo cáo được in từ kết quả đã công bố: hãy công bố kết quả tổng hợp và nội dung tiếp thu, giải trình trước.',
      en: 'The report is printed from the published results: publish the synthesis and the answers first.',
    });
  }
  const s = readSnapshot(JSON.parse(published.snapshot) as ResultsSnapshot);
  const k = s.consultation;
  const pdf = renderConsultationReport({
    communeName: s.campaign.communeName, title: s.campaign.title, content: s.campaign.description,
    opensAt: s.campaign.openedAt ?? c.opensAt, closesAt: s.campaign.closedAt ?? c.closesAt,
    villages: (await listCampaignVillages(deps.db, c.id)).map((v) => v.name),
    respondents: k?.ballots ?? 0, opinions: k?.opinions ?? 0,
    questions: (k?.questions ?? []).map((q) => ({
      title: q.title.vi, answered: q.answered,
      rows: q.choices.map((choice) => ({ label: choice.text.vi, count: q.counts[choice.value] ?? 0 })),
    })),
    themes: (k?.themes ?? []).map((t) => ({ title: t.title, count: t.count, accepted: t.accepted, response: t.response, departureReason: t.departureReason ?? '' })),
    publishedVersion: published.version, publishedAt: published.publishedAt, article: `${DEFAULT_RULES.consultationAnswers.article}`,
    createdAt: deps.clock(),
  }, await printFonts(deps));
  return { pdf, filename: `bao-cao-hdnd-${slugify(c.slug)}.pdf` };
}
