import type { AppDeps } from './deps';
import type { Actor } from '../domain/actor';
import { AppError, invalidField } from '../domain/errors';
import { seatsFor, type Campaign } from '../domain/campaign';
import type { FormName } from '../domain/campaign-forms';
import { slugify } from '../domain/text';
import { normalizeCode } from '../domain/register-row';
import { listCandidates } from '../../db/repositories/campaigns';
import { renderHouseholdBallots } from '../print/ballot';
import { renderElectionBallots } from '../print/election-ballot';
import { renderMeetingNotice, renderSecretBallotCount, renderMeetingMinutes, renderHouseholdBallotCount, renderCandidateList } from '../print/forms';
import { DEFAULT_RULES } from '../domain/legal-rules';
import { electionPrep } from './election-prep';
import { posterPlan, renderPoster } from '../print/poster';
import type { PdfOutput } from '../print/pdf-output';
import { printFonts } from './fonts';
import { listSerials } from './campaign-serials';
import { printOverview, type PrintOverview, type PrintVillage } from './print-overview';
import { confirmedSheets } from '../../db/repositories/tallies';
import { latestPerVillageAndChannel } from '../kinds/tallied/build';

export type { FormName };

export interface PrintedDocument {
  pdf: PdfOutput;
  /** ASCII only, so every browser and mail client keeps it as is */
  filename: string;
}

function villageOf(overview: PrintOverview, villageId: string): PrintVillage {
  const v = overview.villages.find((x) => x.villageId === villageId);
  if (!v) {
    throw invalidField('villageId', {
      vi: 'Thôn này không thuộc đợt lấy ý kiến; hãy chọn một thôn trong danh sách.',
      en: 'This village is not part of the campaign; choose one from the list.',
    });
  }
  return v;
}

const fileName = (...parts: string[]) => `${parts.map((p) => slugify(p)).join('-')}.pdf`;

/** The meeting day printed on election ballots and forms: the planned opening, else today. */
const meetingDay = (c: Campaign, now: Date) => c.opensAt ?? c.openedAt ?? now.toISOString();

/**
 * One ballot per household of the village, in household-code order. Elections
 * print the secret ballot (serial on the stub only, NĐ 59 Đ3 k5); other
 * campaigns the household ballot of NĐ 59 Đ4. Everything is read before the
 * first byte, so an error is a clean status; the pages are drawn as the
 * client reads.
 */
export async function printBallots(
  deps: AppDeps, actor: Actor, campaignId: string, opts: { villageId: string; format: 'A5' | 'A4'; origin: string; householdCode?: string },
): Promise<PrintedDocument> {
  const overview = await printOverview(deps, actor, campaignId);
  const { campaign: c } = overview;
  const village = villageOf(overview, opts.villageId);
  const all = await listSerials(deps, actor, campaignId, village.villageId);
  // One household's ballot alone: the reprint of a lost one.
  const serials = opts.householdCode === undefined ? all : all.filter((s) => s.householdCode === normalizeCode(opts.householdCode!));
  if (opts.householdCode !== undefined && serials.length === 0) {
    throw new AppError('NOT_FOUND', {
      vi: `Hộ ${opts.householdCode} không có mã phiếu ở ${village.name} trong đợt này.`,
      en: `Household ${opts.householdCode} has no serial in ${village.name} for this campaign.`,
    });
  }
  if (serials.length === 0) {
    throw new AppError('INVALID_STATE', {
      vi: `Chưa phát mã phiếu cho ${village.name}; hãy bấm "Phát mã phiếu" ở trang đợt lấy ý kiến trước khi in.`,
      en: `No ballot serials have been issued for ${village.name}; issue them on the campaign page first.`,
    });
  }
  const fonts = await printFonts(deps);
  const now = deps.clock();
  const filename = fileName('phieu', c.slug, village.code, ...(opts.householdCode !== undefined ? [serials[0]!.householdCode] : []), opts.format);
  if (c.kind === 'election') {
    const candidates = (await listCandidates(deps.db, c.id)).filter((k) => k.villageId === village.villageId);
    const pdf = renderElectionBallots({
      origin: opts.origin, format: opts.format, communeName: overview.communeName, villageName: village.name,
      electionTitle: c.title, meetingDate: meetingDay(c, now), seats: seatsFor(c, village.villageId),
      candidates: candidates.map((k) => ({ name: k.name, birthYear: k.birthYear ?? 0 })),
      serials: serials.map((s) => s.serial), createdAt: now,
    }, fonts);
    return { pdf, filename };
  }
  const pdf = renderHouseholdBallots({
    origin: opts.origin, format: opts.format, communeName: overview.communeName, villageName: village.name,
    scope: c.scope, campaignTitle: c.title, content: c.description || c.title, deadline: c.closesAt ?? now.toISOString(),
    onlineAllowed: c.channels.includes('online') || c.advisoryOnline,
    // A secret ballot names no household and carries its serial on a detachable stub (docs/design.md §3).
    secret: c.secret,
    ballots: serials.map((s) => ({ serial: s.serial, householdCode: c.secret ? '' : s.householdCode, representative: c.secret ? '' : s.representative })),
    createdAt: now,
  }, fonts);
  return { pdf, filename };
}

/** Mẫu 01–04 of NĐ 59/2023, pre-filled with what the platform knows for one village. */
export async function printForm(deps: AppDeps, actor: Actor, campaignId: string, form: FormName, villageId: string): Promise<PrintedDocument> {
  const overview = await printOverview(deps, actor, campaignId);
  const { campaign: c } = overview;
  const village = villageOf(overview, villageId);
  const fonts = await printFonts(deps);
  const now = deps.clock();
  const ctx = {
    communeName: overview.communeName, villageName: village.name, campaignTitle: c.title,
    totalHouseholds: village.households, createdAt: now,
  };
  const content = c.description || c.title;
  const candidates = c.kind === 'election'
    ? (await listCandidates(deps.db, c.id)).filter((k) => k.villageId === village.villageId).map((k) => ({ name: k.name, birthYear: k.birthYear ?? 0 }))
    : undefined;
  const filename = fileName(form, c.slug, village.code);
  switch (form) {
    case 'mau-01':
      return { pdf: renderMeetingNotice({ ...ctx, meetingAt: c.opensAt ?? undefined, content }, fonts), filename };
    case 'mau-02':
      return { pdf: renderSecretBallotCount({ ...ctx, candidates, meetingAt: c.opensAt ?? undefined }, fonts), filename };
    case 'mau-03': {
      // the latest confirmed meeting sheet's procedural votes are printed filled in; blanks otherwise
      const sheet = latestPerVillageAndChannel((await confirmedSheets(deps.db, c.id)).filter((s) => s.villageId === village.villageId && s.channel === 'meeting'))[0];
      const p = sheet?.data.procedural;
      return {
        pdf: renderMeetingMinutes({
          ...ctx, meetingAt: c.opensAt ?? undefined, content,
          present: sheet?.data.present, secretary: p?.secretary?.name,
          proceduralVotes: p ? { secretary: p.secretary?.votesFor, method: p.method?.votesFor, board: p.board?.votesFor } : undefined,
        }, fonts),
        filename,
      };
    }
    case 'mau-04':
      return {
        pdf: renderHouseholdBallotCount({
          ...ctx, ballotsIssued: village.serials || undefined, distributedFrom: c.openedAt ?? c.opensAt ?? undefined, deadline: c.closesAt ?? undefined,
        }, fonts),
        filename,
      };
  }
}

/**
 * The poster for the village cultural house, with the steps of this campaign
 * (server/print/poster.ts posterPlan): a survey answered by its link puts
 * that link in the QR; a household ballot tells each household to use the QR
 * on its own ballot, and the poster's QR opens the commune's page.
 */
export async function printPoster(
  deps: AppDeps, actor: Actor, campaignId: string, opts: { size: 'A4' | 'A3'; origin: string; villageId?: string },
): Promise<PrintedDocument> {
  const overview = await printOverview(deps, actor, campaignId);
  const { campaign: c } = overview;
  const village = opts.villageId ? villageOf(overview, opts.villageId) : overview.villages.length === 1 ? overview.villages[0] : undefined;
  const fonts = await printFonts(deps);
  const now = deps.clock();
  const plan = posterPlan(c);
  const url = plan.target === 'survey' ? `${opts.origin}/s/${c.slug}` : `${opts.origin}/x/${overview.communeSlug}`;
  const pdf = renderPoster({
    size: opts.size, communeName: overview.communeName, villageName: village?.name, title: c.title, description: c.description,
    opensAt: c.opensAt ?? c.openedAt ?? now.toISOString(), closesAt: c.closesAt ?? now.toISOString(), url, instructions: plan.steps, target: plan.target, createdAt: now,
  }, fonts);
  return { pdf, filename: fileName('ap-phich', c.slug, ...(village ? [village.code] : []), opts.size) };
}

/**
 * Mẫu 05 for one village of an election: the Ban công tác Mặt trận's
 * candidate list (NĐ 59 Đ6), each candidate with the attestation of their
 * eligibility and the conditions attested (DEFAULT_RULES.eligibility).
 */
export async function printCandidateList(deps: AppDeps, actor: Actor, campaignId: string, villageId: string): Promise<PrintedDocument> {
  const overview = await printOverview(deps, actor, campaignId);
  const { campaign: c } = overview;
  const village = villageOf(overview, villageId);
  const prep = await electionPrep(deps, actor, campaignId);
  const fonts = await printFonts(deps);
  const board = DEFAULT_RULES.boards[prep.campaign.board].value;
  const pdf = renderCandidateList({
    communeName: overview.communeName, villageName: village.name, campaignTitle: c.title, totalHouseholds: village.households, createdAt: deps.clock(),
    office: board.seatsPerVillage === 1 ? board.name.vi.split(',')[0]! : `thành viên ${board.name.vi}`,
    electionAt: c.opensAt ?? undefined,
    candidates: prep.candidates.filter((k) => k.villageId === village.villageId).map((k) => ({
      name: k.name, birthYear: k.birthYear, attested: k.attested && k.attestation ? { by: k.attestation.attestedBy, on: k.attestation.attestedOn } : null,
    })),
    conditions: prep.conditions.map((k) => k.text.vi),
    article: prep.article,
  }, fonts);
  return { pdf, filename: fileName('mau-05', c.slug, village.code) };
}
