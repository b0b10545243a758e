// Consultation synthesis (Nhân dân tham gia ý kiến, Đ25–28 Luật 10/2022/QH15):
// the commune counts the answers, lists every free-text opinion, groups them
// under themes and answers each theme (tiếp thu, giải trình), then publishes
// the synthesis. Nothing here is binding; what is not yet grouped is listed so
// no opinion is left unanswered.
import { cleanText } from './text';

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
