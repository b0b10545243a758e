// Consultation synthesis (Nhân dân tham gia ý kiến, Đ25–28 Luật 10/2022/QH15):
// the commune counts the answers, lists every free-text opinion, groups them
// under themes and answers each theme (tiếp thu, giải trình), then publishes
// the synthesis. Nothing here is binding; what is not yet grouped is listed so
// no opinion is left unanswered.
import { cleanText } from './text';
import { DEFAULT_RULES, type LegalRules } from './legal-rules';
import { passes } from './thresholds';

export interface ConsultationQuestion {
  name: string;
  /** choice questions are counted per value; text questions are listed as opinions */
  type: 'choice' | 'text';
  /** known values, listed with 0 when nobody chose them */
  choices?: string[];
}

export interface ConsultationBallot {
  id: string;
  answers: Readonly<Record<string, unknown>>;
}

export interface OpinionTheme {
  themeId: string;
  title: string;
  response: string;
  ballotIds: string[];
}

export interface Opinion {
  ballotId: string;
  question: string;
  text: string;
}

export interface ConsultationSummary {
  ballots: number;
  questions: Record<string, { answered: number; counts: Record<string, number> }>;
  opinions: Opinion[];
  themes: { themeId: string; title: string; response: string; count: number; ballotIds: string[] }[];
  ungrouped: Opinion[];
  /** theme ballot ids that match no opinion (a ballot since removed, a typo) */
  unknownBallotIds: string[];
}

/** SurveyJS keeps the "other" text of a choice question under "<name>-Comment". */
const COMMENT_SUFFIX = '-Comment';

function textOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = cleanText(v);
  return t.length > 0 ? t : null;
}

/**
 * Counts per option per question, the free-text opinions with their ballot id
 * (in ballot order), the themes with the number of opinions they group, and
 * the opinions not yet grouped. An opinion is grouped when its ballot id is in
 * a theme.
 */
export function summariseConsultation(
  questions: readonly ConsultationQuestion[],
  ballots: Iterable<ConsultationBallot>,
  themes: readonly OpinionTheme[] = [],
): ConsultationSummary {
  const stats: ConsultationSummary['questions'] = {};
  for (const q of questions) {
    const counts: Record<string, number> = {};
    for (const c of q.choices ?? []) counts[c] = 0;
    stats[q.name] = { answered: 0, counts };
  }
  const opinions: Opinion[] = [];
  let total = 0;
  for (const b of ballots) {
    total += 1;
    for (const q of questions) {
      const a = b.answers[q.name];
      const s = stats[q.name]!;
      if (q.type === 'text') {
        const t = textOf(a);
        if (t !== null) {
          s.answered += 1;
          opinions.push({ ballotId: b.id, question: q.name, text: t });
        }
        continue;
      }
      const values = Array.isArray(a) ? [...new Set(a.map(String))] : a === undefined || a === null || a === '' ? [] : [String(a)];
      if (values.length > 0) s.answered += 1;
      for (const v of values) s.counts[v] = (s.counts[v] ?? 0) + 1;
      const other = textOf(b.answers[q.name + COMMENT_SUFFIX]);
      if (other !== null) opinions.push({ ballotId: b.id, question: q.name, text: other });
    }
  }
  const withOpinion = new Set(opinions.map((o) => o.ballotId));
  const grouped = new Set<string>();
  const unknown = new Set<string>();
  const themeOut = themes.map((t) => {
    const ids = [...new Set(t.ballotIds)].filter((id) => {
      if (withOpinion.has(id)) return true;
      unknown.add(id);
      return false;
    });
    for (const id of ids) grouped.add(id);
    return { themeId: t.themeId, title: t.title, response: t.response, count: ids.length, ballotIds: ids };
  });
  return {
    ballots: total,
    questions: stats,
    opinions,
    themes: themeOut,
    ungrouped: opinions.filter((o) => !grouped.has(o.ballotId)),
    unknownBallotIds: [...unknown],
  };
}

// ---- Publication of the synthesis (Đ28) ----

/** A theme as the publication check reads it: the commune's answer and, where it departs from the majority, its reasons. */
export interface AnsweredTheme {
  id: string;
  title: string;
  response: string;
  /** true: tiếp thu; false: giải trình; null: not decided */
  accepted: boolean | null;
  /** written opinions grouped under it */
  count: number;
  departsFromMajority?: boolean;
  departureReason?: string;
}

export interface ThemeAnswerGap {
  themeId: string;
  title: string;
  /** answer: no tiếp thu / giải trình yet; reasons: departs from the majority without stated reasons */
  missing: ('answer' | 'reasons')[];
  /** the theme holds the majority of the written opinions */
  majority: boolean;
}

/**
 * What keeps a consultation's synthesis from publication (Đ28): a theme
 * without the commune's answer (tiếp thu or giải trình, with its text), or
 * a theme where the decision departs from the majority opinion without stated
 * reasons. A theme is the majority opinion when it holds more than half of the
 * written opinions (rules.consultationAnswers.majority); not taking it on
 * (giải trình) departs from it, and staff may state a departure anywhere else.
 */
export function themeAnswerGaps(themes: readonly AnsweredTheme[], opinions: number, rules: LegalRules = DEFAULT_RULES): ThemeAnswerGap[] {
  const rule = rules.consultationAnswers.value;
  const gaps: ThemeAnswerGap[] = [];
  for (const t of themes) {
    const majority = opinions > 0 && passes(t.count, opinions, rule.majority);
    const missing: ThemeAnswerGap['missing'] = [];
    if (t.accepted === null || !t.response.trim()) missing.push('answer');
    const departs = t.departsFromMajority === true || (majority && t.accepted === false);
    if (rule.reasonsWhenDeparting && departs && !(t.departureReason ?? '').trim()) missing.push('reasons');
    if (missing.length > 0) gaps.push({ themeId: t.id, title: t.title, missing, majority });
  }
  return gaps;
}

/** The refusal's sentence, naming the themes, Vietnamese first. */
export function themeGapsMessage(gaps: readonly ThemeAnswerGap[], rules: LegalRules = DEFAULT_RULES): { vi: string; en: string } {
  const unanswered = gaps.filter((g) => g.missing.includes('answer')).map((g) => `“${g.title}”`);
  const noReasons = gaps.filter((g) => g.missing.includes('reasons')).map((g) => `“${g.title}”`);
  const article = rules.consultationAnswers.article;
  return {
    vi: [
      'Chưa thể công bố kết quả lấy ý kiến:',
      unanswered.length ? `chưa có nội dung tiếp thu, giải trình cho nhóm ý kiến ${unanswered.join(', ')}.` : '',
      noReasons.length ? `chưa nêu lý do quyết định khác với ý kiến đa số ở nhóm ${noReasons.join(', ')}.` : '',
      `(${article})`,
    ].filter(Boolean).join(' '),
    en: [
      'The consultation cannot be published yet:',
      unanswered.length ? `no answer (taken on or explained) for the theme(s) ${unanswered.join(', ')}.` : '',
      noReasons.length ? `no reasons stated where the decision departs from the majority opinion in ${noReasons.join(', ')}.` : '',
      `(${article})`,
    ].filter(Boolean).join(' '),
  };
}
