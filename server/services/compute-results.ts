import type { AppDeps } from './deps';
import type { Campaign } from '../domain/campaign';
import { decisionQuestions } from '../domain/campaign-forms';
import {
  tallyCampaign, ELECTION_QUESTION, type ConfirmedSheet, type Counts, type OnlineAggregate, type TallyQuestion,
} from '../domain/tally';
import { oneStopRatings, sipasIndices, type OneStopRating, type SipasCriterion } from '../domain/satisfaction';
import { summariseConsultation, type ConsultationQuestion, type Opinion } from '../domain/consultation';
import { DEFAULT_RULES, type OneStopLevel } from '../domain/legal-rules';
import { choicesOf, flattenElements, localTexts, type FlatElement, type Json } from '../domain/survey/definition';
import { listCampaignVillages, listCandidates } from '../../db/repositories/campaigns';
import { findCommune } from '../../db/repositories/communes';
import { usesPerVillage } from '../../db/repositories/serials';
import { onlineAnswerCounts, onlineBallotCounts } from '../../db/repositories/results';
import { ballotsWithSealed, withSealedOnline } from './sealed-ballots';
import { confirmedSheets, listPhotos, type TallySheet } from '../../db/repositories/tallies';
import { listAssignments, listThemes } from '../../db/repositories/themes';
import { findPublication, latestPublication, type Publication } from '../../db/repositories/publications';
import { findCampaign } from '../../db/repositories/campaigns';
import { AppError } from '../domain/errors';
import { actsInCommune, type Actor } from '../domain/actor';
import { renderResultsNotice, type ResultsNoticeModel } from '../print/results-notice';
import type { PdfOutput } from '../print/pdf-output';
import type { PublicationInfo, ResultsSnapshot, SnapshotQuestion } from '../../web/views/results/model';

const DECISION_CHOICE_TEXT: Record<string, { vi: string; en: string }> = {
  approve: { vi: 'Đồng ý', en: 'Approve' },
  reject: { vi: 'Không đồng ý', en: 'Reject' },
  other: { vi: 'Ý kiến khác', en: 'Other opinion' },
};

/** What staff see beside the snapshot and the public never does: the opinions' own words, to group them. */
export interface StaffExtras {
  opinions: (Opinion & { themeId: string | null })[];
}

export interface ComputedResults {
  snapshot: ResultsSnapshot;
  staff: StaffExtras;
}

const toNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * The sheet that counts per village and channel: confirmed, and of those the
 * highest version (a correction supersedes what it corrects, so there is one;
 * the highest version wins should two ever be confirmed).
 */
function latestPerVillageAndChannel(sheets: TallySheet[]): TallySheet[] {
  const latest = new Map<string, TallySheet>();
  for (const s of sheets) {
    const key = `${s.villageId}\u0000${s.channel}`;
    const seen = latest.get(key);
    if (!seen || seen.version < s.version) latest.set(key, s);
  }
  return [...latest.values()].sort((a, b) => (a.villageId + a.channel < b.villageId + b.channel ? -1 : 1));
}

/** A stored tally sheet as the tally engine reads it. */
function sheetOf(row: TallySheet): ConfirmedSheet {
  const d = row.data as unknown as Record<string, unknown>;
  const counts: Counts = {};
  if (d.counts && typeof d.counts === 'object') {
    for (const [q, values] of Object.entries(d.counts as Record<string, unknown>)) {
      if (!values || typeof values !== 'object') continue;
      counts[q] = {};
      for (const [v, n] of Object.entries(values as Record<string, unknown>)) {
        const k = toNumber(n);
        if (k !== undefined) counts[q]![v] = k;
      }
    }
  }
  return {
    villageId: row.villageId, channel: row.channel, counts,
    present: toNumber(d.present), issued: toNumber(d.issued), returned: toNumber(d.returned), invalid: toNumber(d.invalid),
  };
}

function parseAnswers(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

function questionOf(el: FlatElement, choices?: { value: string; text: { vi: string; en: string } }[]): SnapshotQuestion {
  return {
    name: el.name,
    title: localTexts(el.json.title, el.name),
    choices: choices ?? choicesOf(el.json.choices).map((c) => ({ value: String(c.value), text: localTexts(c.text, String(c.value)) })),
  };
}

/**
 * Online ballots counted per village, binding and advisory apart, as
 * aggregateOnlineAnswers would count them (a checkbox counts once per value),
 * but grouped by SQLite so the answers are never parsed one by one.
 */
async function onlineAggregates(deps: AppDeps, campaignId: string, questions: TallyQuestion[]): Promise<OnlineAggregate[]> {
  const [ballots, ...perQuestion] = await Promise.all([
    onlineBallotCounts(deps.db, campaignId),
    ...questions.map((q) => onlineAnswerCounts(deps.db, campaignId, q.name)),
  ]);
  const byKey = new Map<string, OnlineAggregate>();
  const key = (villageId: string, binding: number) => `${binding}\u0000${villageId}`;
  for (const b of ballots) {
    if (!b.villageId) continue;
    const counts: Counts = {};
    for (const q of questions) counts[q.name] = {};
    byKey.set(key(b.villageId, b.binding), { villageId: b.villageId, binding: b.binding === 1, counts, ballots: Number(b.n) });
  }
  questions.forEach((q, i) => {
    for (const r of perQuestion[i]!) {
      const agg = r.villageId ? byKey.get(key(r.villageId, r.binding)) : undefined;
      if (!agg || r.value === null) continue;
      const target = agg.counts[q.name]!;
      let values: string[] = [String(r.value)];
      if (typeof r.value === 'string' && r.value.startsWith('[')) {
        try {
          values = [...new Set((JSON.parse(r.value) as unknown[]).map(String))];
        } catch {
          /* a plain answer that happens to start with "[" */
        }
      }
      for (const v of values) target[v] = (target[v] ?? 0) + Number(r.n);
    }
  });
  return [...byKey.values()];
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

// The one-stop form's reason values (surveys/one-stop-rating.json) spelled as
// the NĐ 61/2018 Đ31 criteria codes of the legal rules, so each reason is
// labelled with its criterion.
const ONE_STOP_REASON: Record<string, string> = {
  time_over_limit: 'time', many_agencies: 'agencies', many_visits: 'visits', posted_information: 'information',
  officer_attitude: 'attitude', unofficial_costs: 'cost', complaint_handling: 'complaints', online_service: 'online',
};

const ONE_STOP_LEVELS = new Set<string>(DEFAULT_RULES.oneStop.value.levels);

function isOneStopQuestion(el: FlatElement): boolean {
  const values = new Set(choicesOf(el.json.choices).map((c) => String(c.value)));
  return el.type === 'radiogroup' && values.has('very_satisfied') && values.has('not_satisfied');
}

/** SIPAS criteria: rating questions that name their element (A–E), on the question or its panel. */
function sipasCriteria(elements: FlatElement[]): SipasCriterion[] {
  const out: SipasCriterion[] = [];
  for (const el of elements) {
    if (el.type !== 'rating') continue;
    const panel = el.containers[el.containers.length - 1];
    const element = (typeof el.json.element === 'string' && el.json.element) || (panel && typeof panel.element === 'string' ? panel.element : '');
    if (element) out.push({ name: el.name, element });
  }
  return out;
}

function textOfAnswer(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.normalize('NFC').trim() : null;
}

/**
 * The results of a campaign from what is in the database now: the frozen H
 * of each village, the latest confirmed tally sheet per village and channel,
 * the online ballots (binding and advisory apart), and for advisory kinds the
 * SIPAS / one-stop indices or the consultation synthesis with its themes.
 */
export async function computeResults(deps: AppDeps, campaign: Campaign): Promise<ComputedResults> {
  const id = campaign.id;
  const [commune, villageRows, candidates] = await Promise.all([
    findCommune(deps.db, campaign.communeId), listCampaignVillages(deps.db, id), listCandidates(deps.db, id),
  ]);
  const elements = flattenElements(campaign.survey as Json);
  const base: Omit<ResultsSnapshot, 'villages' | 'commune' | 'advisory' | 'legalBasis' | 'questions' | 'binding'> = {
    format: 1,
    campaign: {
      id, slug: campaign.slug, title: campaign.title, description: campaign.description, kind: campaign.kind,
      category: campaign.category, scope: campaign.scope, status: campaign.status, communeId: campaign.communeId,
      communeName: commune?.name ?? '', channels: campaign.channels, secret: campaign.secret,
      openedAt: campaign.openedAt, closedAt: campaign.closedAt,
    },
    candidates: candidates.map((c) => ({ id: c.id, name: c.name, villageId: c.villageId, birthYear: c.birthYear })),
    satisfaction: null,
    consultation: null,
    photos: [],
    computedAt: deps.clock().toISOString(),
  };
  const emptyCommune = {
    villagesPassed: 0, passed: false, villages: 0, rule: 'every_village' as const, requiredVillages: 0, questions: {},
    roster: null, warnings: [], households: 0, participated: 0, turnout: 0,
  };

  if (campaign.kind === 'decision' || campaign.kind === 'election') {
    const [sheetRows, uses] = await Promise.all([
      confirmedSheets(deps.db, id).then(latestPerVillageAndChannel), usesPerVillage(deps.db, id),
    ]);
    const names = campaign.kind === 'election' ? [ELECTION_QUESTION] : decisionQuestions(campaign.survey).map((q) => q.name);
    const questions: SnapshotQuestion[] = campaign.kind === 'election'
      ? [{
          name: ELECTION_QUESTION, title: { vi: 'Bầu cử', en: 'Election' },
          choices: candidates.map((c) => ({ value: c.id, text: { vi: c.name, en: c.name } })),
        }]
      : names.map((n) => {
          const el = elements.find((e) => e.name === n)!;
          return questionOf(el, choicesOf(el.json.choices).map((c) => ({
            value: String(c.value), text: DECISION_CHOICE_TEXT[String(c.value)] ?? localTexts(c.text, String(c.value)),
          })));
        });
    const tallyQuestions: TallyQuestion[] = questions.map((q) => ({ name: q.name, choices: q.choices.map((c) => c.value) }));
    const online = await withSealedOnline(deps, id, tallyQuestions, () => onlineAggregates(deps, id, tallyQuestions));
    const tally = tallyCampaign(
      {
        kind: campaign.kind, category: campaign.category, scope: campaign.scope, seats: campaign.seats,
        candidates: candidates.map((c) => ({ id: c.id, name: c.name, villageId: c.villageId, birthYear: c.birthYear })),
        questions: tallyQuestions, onlineApprovalRecorded: campaign.onlineApproval !== null,
      },
      villageRows.map((v) => ({ villageId: v.villageId, code: v.code, name: v.name, households: v.households ?? 0 })),
      sheetRows.map(sheetOf),
      online,
    );
    const registered = (villageId: string) =>
      Number(uses.find((u) => u.villageId === villageId && u.channel === 'paper')?.n ?? 0);
    const villages = tally.villages.map((v) => ({ ...v, registeredPaper: registered(v.villageId) }));
    const households = villages.reduce((s, v) => s + v.households, 0);
    const participated = villages.reduce((s, v) => s + v.participated, 0);

    let advisory: ResultsSnapshot['advisory'] = null;
    for (const v of villages) {
      if (!v.advisory) continue;
      advisory ??= { ballots: 0, counts: {}, note: v.advisory.note };
      advisory.ballots += v.advisory.ballots;
      for (const [q, values] of Object.entries(v.advisory.counts)) {
        const target = (advisory.counts[q] ??= {});
        for (const [k, n] of Object.entries(values)) target[k] = (target[k] ?? 0) + n;
      }
    }

    const photos = await listPhotos(deps.db, sheetRows.map((s) => s.id));
    const sheetById = new Map(sheetRows.map((s) => [s.id, s]));
    return {
      snapshot: {
        ...base,
        binding: true,
        questions,
        villages,
        commune: { ...tally.commune, households, participated, turnout: households > 0 ? round4(participated / households) : 0 },
        advisory,
        legalBasis: tally.legalBasis,
        photos: photos.map((p) => ({
          id: p.id, villageId: sheetById.get(p.tallyId)!.villageId, channel: sheetById.get(p.tallyId)!.channel, mime: p.mime, sha256: p.sha256,
        })),
      },
      staff: { opinions: [] },
    };
  }

  const rows = await ballotsWithSealed(deps, id, ['online', 'paper', 'anonymous', 'kiosk']);
  const ballots = rows.map((r) => ({ id: r.id, answers: parseAnswers(r.answers) }));
  const policy = campaign.kind === 'satisfaction' ? DEFAULT_RULES.channels.satisfaction : DEFAULT_RULES.channels.consultation;
  const legalBasis = [{ article: policy.article, note: policy.note }];

  if (campaign.kind === 'satisfaction') {
    const criteria = sipasCriteria(elements);
    const oneStopQuestion = elements.find(isOneStopQuestion);
    const sipas = criteria.length > 0 ? sipasIndices(ballots.map((b) => b.answers), criteria) : null;
    let oneStop = null;
    if (oneStopQuestion) {
      const ratings: OneStopRating[] = [];
      for (const b of ballots) {
        const level = b.answers[oneStopQuestion.name];
        if (typeof level !== 'string' || !ONE_STOP_LEVELS.has(level)) continue;
        const reasons = Array.isArray(b.answers.reasons) ? b.answers.reasons.map((r) => ONE_STOP_REASON[String(r)] ?? String(r)) : [];
        ratings.push({ level: level as OneStopLevel, officerId: textOfAnswer(b.answers.officer), procedure: textOfAnswer(b.answers.procedure), reasons });
      }
      oneStop = oneStopRatings(ratings);
    }
    if (sipas) legalBasis.push({ article: DEFAULT_RULES.sipas.article, note: DEFAULT_RULES.sipas.note });
    if (oneStop) legalBasis.push({ article: DEFAULT_RULES.oneStop.article, note: DEFAULT_RULES.oneStop.note });
    return {
      snapshot: {
        ...base, binding: false, questions: [], villages: [], commune: { ...emptyCommune, participated: ballots.length },
        advisory: null, legalBasis, satisfaction: { respondents: ballots.length, sipas, oneStop },
      },
      staff: { opinions: [] },
    };
  }

  // Consultation. Single-line text answers are the respondent's contact
  // details (name, phone, e-mail in surveys/consultation.json): they are never
  // published, only comment boxes and "other" texts are opinions.
  const choiceTypes = new Set(['radiogroup', 'checkbox', 'dropdown', 'boolean', 'rating']);
  const consultQuestions: ConsultationQuestion[] = [];
  const shown: SnapshotQuestion[] = [];
  for (const el of elements) {
    if (choiceTypes.has(el.type)) {
      const q = questionOf(el);
      consultQuestions.push({ name: el.name, type: 'choice', choices: q.choices.map((c) => c.value) });
      shown.push(q);
    } else if (el.type === 'comment') {
      consultQuestions.push({ name: el.name, type: 'text' });
    }
  }
  const [themes, assignments] = await Promise.all([listThemes(deps.db, id), listAssignments(deps.db, id)]);
  const summary = summariseConsultation(consultQuestions, ballots, themes.map((t) => ({
    themeId: t.id, title: t.title, response: t.response,
    ballotIds: assignments.filter((a) => a.themeId === t.id).map((a) => a.ballotId),
  })));
  const themeOf = new Map(assignments.map((a) => [`${a.ballotId}\u0000${a.question}`, a.themeId]));
  return {
    snapshot: {
      ...base,
      binding: false,
      questions: shown,
      villages: [],
      commune: { ...emptyCommune, participated: ballots.length },
      advisory: null,
      legalBasis,
      consultation: {
        ballots: summary.ballots,
        questions: shown.map((q) => ({ name: q.name, title: q.title, choices: q.choices, ...summary.questions[q.name]! })),
        opinions: summary.opinions.length,
        ungrouped: summary.ungrouped.length,
        themes: themes.map((t) => ({
          id: t.id, title: t.title, response: t.response, accepted: t.accepted,
          count: summary.themes.find((s) => s.themeId === t.id)?.count ?? 0,
        })),
      },
    },
    staff: { opinions: summary.opinions.map((o) => ({ ...o, themeId: themeOf.get(`${o.ballotId}\u0000${o.question}`) ?? null })) },
  };
}

export interface ResultsView {
  snapshot: ResultsSnapshot;
  /** the publication shown; null for a preview of a campaign never published */
  publication: PublicationInfo | null;
  /** computed now for staff, not yet what the public sees */
  preview: boolean;
  staff: StaffExtras | null;
}

/**
 * Roles of the campaign's own commune that may preview unpublished results:
 * staff and the inspection board (DESIGN.md: results hidden until staff
 * publish; staff see a preview). A village head sees their own village's
 * tally sheets, not the other villages' numbers before publication.
 */
const PREVIEW_ROLES = new Set(['admin', 'staff', 'inspector', 'province_admin']);

/** Whether this user may see the campaign's results before they are published. */
export function mayPreview(actor: Actor | null, communeId: string): boolean {
  return actor !== null && PREVIEW_ROLES.has(actor.role) && actsInCommune(actor, communeId);
}

// Parsed snapshots per app (a deployment's deps), keyed by campaign, version
// and hash: a published snapshot never changes, so it is parsed once.
const parsedSnapshots = new WeakMap<AppDeps, Map<string, ResultsSnapshot>>();

export function parsedSnapshot(deps: AppDeps, p: Publication): ResultsSnapshot {
  let m = parsedSnapshots.get(deps);
  if (!m) parsedSnapshots.set(deps, (m = new Map()));
  const key = `${p.campaignId}\u0000${p.version}\u0000${p.hash}`;
  let s = m.get(key);
  if (!s) {
    s = JSON.parse(p.snapshot) as ResultsSnapshot;
    if (m.size > 500) m.clear();
    m.set(key, s);
  }
  return s;
}

export const publicationInfo = (p: Publication): PublicationInfo => ({ version: p.version, hash: p.hash, publishedAt: p.publishedAt, reason: p.reason });

/**
 * The results a viewer may see. Published: everyone gets the frozen snapshot
 * of the latest version (or the version asked for). Not yet published: only
 * staff and inspectors of the campaign's own commune get a preview computed
 * now; the public, village heads and other communes get 404, as if the campaign did not exist.
 * Staff may ask for a preview of a published campaign (the correction flow);
 * `ownOnly` (the staff pages) refuses everyone outside the commune.
 */
export async function viewResults(
  deps: AppDeps,
  actor: Actor | null,
  campaignId: string,
  opts: { preview?: boolean; version?: number; ownOnly?: boolean } = {},
): Promise<ResultsView> {
  const c = await findCampaign(deps.db, campaignId);
  if (!c) throw new AppError('NOT_FOUND');
  const own = mayPreview(actor, c.communeId);
  // The staff pages are the commune's own, even once the results are public.
  if (opts.ownOnly && !own) throw new AppError('NOT_FOUND');
  const latest = await latestPublication(deps.db, c.id);
  if (opts.version !== undefined) {
    const p = await findPublication(deps.db, c.id, opts.version);
    if (!p) throw new AppError('NOT_FOUND');
    return { snapshot: parsedSnapshot(deps, p), publication: publicationInfo(p), preview: false, staff: null };
  }
  if (latest && !(opts.preview && own)) {
    return { snapshot: parsedSnapshot(deps, latest), publication: publicationInfo(latest), preview: false, staff: null };
  }
  if (!own) throw new AppError('NOT_FOUND');
  const computed = await computeResults(deps, c);
  return { snapshot: computed.snapshot, publication: latest ? publicationInfo(latest) : null, preview: true, staff: computed.staff };
}

const DAY_MS = 86_400_000;

/** The posting period: from publication, at least 30 days at the cultural house (Đ13 k2 Luật 10/2022/QH15). */
export function postingPeriod(publishedAt: string): { from: string; until: string; days: number } {
  const days = DEFAULT_RULES.postingMinDays.value;
  return { from: publishedAt, until: new Date(Date.parse(publishedAt) + days * DAY_MS).toISOString(), days };
}

/**
 * The printable results notice (A4) for the village cultural house, drawn from
 * the same snapshot as the page. Every share is of all households (Đ21).
 */
export async function resultsNotice(deps: AppDeps, v: ResultsView, url: string): Promise<PdfOutput> {
  if (!deps.fonts) throw new AppError('INTERNAL', { vi: 'Máy chủ chưa có phông chữ để in.', en: 'No print fonts are configured on this server.' });
  const fonts = await deps.fonts();
  const s = v.snapshot;
  const posting = postingPeriod(v.publication && !v.preview ? v.publication.publishedAt : deps.clock().toISOString());
  const first = s.questions[0];
  const candidateById = new Map(s.candidates.map((c) => [c.id, c]));
  const model: ResultsNoticeModel = {
    communeName: s.campaign.communeName,
    campaignTitle: v.preview ? `${s.campaign.title} (BẢN XEM TRƯỚC, CHƯA CÔNG BỐ)` : s.campaign.title,
    legalBasis: s.legalBasis.map((b) => b.article).join('; '),
    rule: s.legalBasis[0]?.note.vi ?? '',
    villages: s.binding && first
      ? s.villages.map((village) => {
          const q = village.questions[first.name];
          const approvals = s.campaign.kind === 'election'
            ? Math.max(0, ...Object.values(q?.counts ?? {}))
            : q?.counts.approve ?? 0;
          return { name: village.name, households: village.households, participated: village.participated, approvals, required: q?.required ?? 0, passed: village.passed };
        })
      : [],
    commune: s.binding && s.commune.rule === 'commune_threshold'
      ? { passed: s.commune.passed, summary: `${s.commune.villagesPassed}/${s.commune.villages} thôn tán thành (cần từ ${s.commune.requiredVillages} thôn)` }
      : undefined,
    elected: s.campaign.kind === 'election'
      ? s.villages.flatMap((village) => village.elected.map((id) => {
          const c = candidateById.get(id);
          return { name: c?.name ?? id, birthYear: c?.birthYear ?? null, votes: village.questions[ELECTION_QUESTION]?.counts[id] ?? 0, households: village.households };
        }))
      : undefined,
    postedFrom: posting.from,
    postedUntil: posting.until,
    url,
    createdAt: deps.clock(),
  };
  return renderResultsNotice(model, fonts);
}
