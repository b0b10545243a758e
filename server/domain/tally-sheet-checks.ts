// Checks on a tally sheet (biên bản kiểm phiếu) as a village head enters it.
// Errors are sheets that cannot be true (they are refused, naming the field);
// warnings are unusual but possible, shown to the inspector who confirms.
// Denominators follow Đ20 k2 Luật 10/2022/QH15 and the NĐ 59/2023 forms:
// households of the village, representatives present (Mẫu 03), ballots
// issued, returned, valid and invalid (Mẫu 02, Mẫu 04).
import { DEFAULT_RULES, type LegalRules, type SheetChannel, type TalliedKindName } from './legal-rules';
import type { LocalizedText } from './i18n';
import { ELECTION_QUESTION, type TallyQuestion } from './tally';
import { PROCEDURAL_LABELS, type ProceduralVotes } from './meeting-record';
import { PROCEDURAL_ITEMS } from './legal-rules';

/** A tally sheet's numbers and people as stored (Đ20 k2; NĐ 59 Mẫu 02–04). */
export interface SheetData {
  /** meeting: show of hands or secret ballot */
  method?: 'show_of_hands' | 'secret_ballot';
  present?: number;
  issued?: number;
  returned?: number;
  invalid?: number;
  counts: Record<string, Record<string, number>>;
  board: string[];
  witnesses: string[];
  /** the day the meeting or the count took place (YYYY-MM-DD) */
  heldOn?: string;
  place?: string;
  note?: string;
  /** meeting: the procedural votes of its record (Mẫu 03; Đ18 k4, NĐ 59 Đ3 k5) */
  procedural?: ProceduralVotes;
}

export interface SheetProblem {
  path: string;
  message: LocalizedText;
}

export interface SheetCheckResult {
  errors: SheetProblem[];
  warnings: SheetProblem[];
}

/** The sheet as entered; numbers are `unknown` because they come straight from input. */
export interface TallySheetInput {
  present?: unknown;
  issued?: unknown;
  returned?: unknown;
  invalid?: unknown;
  counts?: unknown;
  board?: unknown;
  witnesses?: unknown;
  procedural?: unknown;
}

export interface TallySheetContext {
  /** frozen households of the village */
  households: number;
  channel: SheetChannel;
  kind?: TalliedKindName;
  /** decision questions with their choice values; for an election, the `candidates` question (derived from `candidates` when empty) */
  questions: TallyQuestion[];
  seats?: number | null;
  candidates?: { id: string }[];
  /** secret ballot at the meeting (always for an election): board and witnesses are expected */
  secret?: boolean;
}

/** Tolerances for the warnings: practice, not law, so kept apart from the legal rules. */
export interface SheetWarningLimits {
  /** turnout below this share of households is flagged */
  lowTurnout: number;
  /** invalid ballots above this share of returned ballots are flagged */
  manyInvalid: number;
  /** a decision question whose answers fall below this share of valid ballots is flagged */
  sumBelowValid: number;
}

export const SHEET_WARNING_LIMITS: SheetWarningLimits = { lowTurnout: 0.5, manyInvalid: 0.1, sumBelowValid: 0.9 };

const pct = (x: number): string => `${Math.round(x * 100)}%`;

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function names(v: unknown): string[] | null {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return null;
  return v.filter((x): x is string => typeof x === 'string').map((x) => x.normalize('NFC').trim()).filter((x) => x.length > 0);
}

/**
 * Checks a tally sheet against the village's frozen households and the
 * campaign's questions. Returns every problem found; an empty `errors` means
 * the sheet may be stored.
 */
export function checkTallySheet(
  sheet: TallySheetInput,
  ctx: TallySheetContext,
  rules: LegalRules = DEFAULT_RULES,
  limits: SheetWarningLimits = SHEET_WARNING_LIMITS,
): SheetCheckResult {
  const errors: SheetProblem[] = [];
  const warnings: SheetProblem[] = [];
  const err = (path: string, vi: string, en: string) => errors.push({ path, message: { vi, en } });
  const wrn = (path: string, vi: string, en: string) => warnings.push({ path, message: { vi, en } });
  const H = ctx.households;
  const isElection = ctx.kind === 'election';
  const secret = ctx.secret === true || isElection;

  // 1. Each number field: absent, or a whole number ≥ 0.
  const num = (field: 'present' | 'issued' | 'returned' | 'invalid', label: LocalizedText): number | undefined => {
    const v = sheet[field];
    if (v === undefined || v === null) return undefined;
    if (!isCount(v)) {
      err(field, `${label.vi} phải là số nguyên không âm.`, `${label.en} must be a whole number, 0 or more.`);
      return undefined;
    }
    return v;
  };
  const present = num('present', { vi: 'Số đại diện hộ dự họp', en: 'Representatives present' });
  const issued = num('issued', { vi: 'Số phiếu phát ra', en: 'Ballots issued' });
  const returned = num('returned', { vi: 'Số phiếu thu về', en: 'Ballots returned' });
  const invalid = num('invalid', { vi: 'Số phiếu không hợp lệ', en: 'Invalid ballots' });

  // 2. Fields each form needs.
  if (ctx.channel === 'meeting' && present === undefined && sheet.present == null) {
    err('present', 'Cần nhập số đại diện hộ gia đình có mặt (Đ20 k2 b).', 'Enter the number of household representatives present (Đ20 k2 b).');
  }
  if (ctx.channel === 'paper' && returned === undefined && sheet.returned == null) {
    err('returned', 'Cần nhập số phiếu thu về.', 'Enter the number of ballots returned.');
  }

  // 3. Impossible totals.
  if (present !== undefined && present > H) {
    err('present', `Số đại diện dự họp (${present}) lớn hơn tổng số hộ của thôn (${H}).`, `Representatives present (${present}) exceed the village’s ${H} households.`);
  }
  if (issued !== undefined && issued > H) {
    err('issued', `Số phiếu phát ra (${issued}) lớn hơn tổng số hộ của thôn (${H}).`, `Ballots issued (${issued}) exceed the village’s ${H} households.`);
  }
  if (ctx.channel === 'meeting' && issued !== undefined && present !== undefined && issued > present) {
    err('issued', `Số phiếu phát ra (${issued}) lớn hơn số đại diện dự họp (${present}).`, `Ballots issued (${issued}) exceed the representatives present (${present}).`);
  }
  if (returned !== undefined) {
    if (issued !== undefined && returned > issued) {
      err('returned', `Số phiếu thu về (${returned}) lớn hơn số phiếu phát ra (${issued}).`, `Ballots returned (${returned}) exceed ballots issued (${issued}).`);
    } else if (issued === undefined && returned > H) {
      err('returned', `Số phiếu thu về (${returned}) lớn hơn tổng số hộ của thôn (${H}).`, `Ballots returned (${returned}) exceed the village’s ${H} households.`);
    }
  }
  if (invalid !== undefined) {
    if (returned !== undefined && invalid > returned) {
      err('invalid', `Số phiếu không hợp lệ (${invalid}) lớn hơn số phiếu thu về (${returned}).`, `Invalid ballots (${invalid}) exceed ballots returned (${returned}).`);
    } else if (returned === undefined && ctx.channel === 'paper') {
      err('invalid', 'Có số phiếu không hợp lệ nhưng chưa có số phiếu thu về.', 'Invalid ballots given without ballots returned.');
    }
  }

  // Valid ballots: what option sums are bounded by. A meeting by show of
  // hands is bounded by those present; a meeting by secret ballot and a
  // household ballot by returned − invalid.
  const ballotsCounted = returned !== undefined && (ctx.channel === 'paper' || secret || issued !== undefined);
  const valid = ballotsCounted ? returned! - Math.min(invalid ?? 0, returned!) : ctx.channel === 'meeting' ? present : undefined;
  const validLabel: LocalizedText = ballotsCounted
    ? { vi: `số phiếu hợp lệ (${valid})`, en: `valid ballots (${valid})` }
    : { vi: `số đại diện dự họp (${valid})`, en: `representatives present (${valid})` };

  // 4. Counts: known questions and choices, whole numbers, sums within valid ballots.
  const counts = sheet.counts;
  const questionSums = new Map<string, number>();
  let anyNonZero = false;
  if (counts === undefined || counts === null || typeof counts !== 'object' || Array.isArray(counts)) {
    err('counts', 'Cần nhập kết quả kiểm phiếu cho từng câu hỏi.', 'Enter the count for each question.');
  } else {
    const given = counts as Record<string, unknown>;
    const questions = ctx.questions.length === 0 && isElection
      ? [{ name: ELECTION_QUESTION, choices: (ctx.candidates ?? []).map((c) => c.id) }]
      : ctx.questions;
    const byName = new Map(questions.map((q) => [q.name, q]));
    // a question is named to people by its title on the form, never by its internal name
    const called = (q: TallyQuestion): LocalizedText => ({ vi: `câu “${q.title?.vi ?? q.name}”`, en: `“${q.title?.en ?? q.name}”` });
    for (const key of Object.keys(given)) {
      if (!byName.has(key)) err(`counts.${key}`, `Câu hỏi "${key}" không có trong phiếu.`, `Question "${key}" is not on the ballot.`);
    }
    for (const q of questions) {
      const values = given[q.name];
      if (values === undefined || values === null || typeof values !== 'object' || Array.isArray(values)) {
        err(`counts.${q.name}`, `Cần nhập kết quả cho ${called(q).vi}.`, `Enter the count for ${called(q).en}.`);
        continue;
      }
      const choices = new Set(q.choices);
      let sum = 0;
      for (const [value, n] of Object.entries(values as Record<string, unknown>)) {
        const path = `counts.${q.name}.${value}`;
        if (!choices.has(value)) {
          err(path, isElection ? `"${value}" không phải ứng cử viên của thôn.` : `Lựa chọn "${value}" không có trong câu hỏi.`,
            isElection ? `"${value}" is not a candidate of this village.` : `Choice "${value}" is not an option of this question.`);
          continue;
        }
        if (!isCount(n)) {
          err(path, 'Số phiếu phải là số nguyên không âm.', 'A count must be a whole number, 0 or more.');
          continue;
        }
        if (n > 0) anyNonZero = true;
        sum += n;
        if (isElection && valid !== undefined && n > valid) {
          err(path, `Số phiếu của ứng cử viên (${n}) lớn hơn ${validLabel.vi}.`, `Votes for the candidate (${n}) exceed ${validLabel.en}.`);
        } else if (n > H) {
          err(path, `Số phiếu (${n}) lớn hơn tổng số hộ của thôn (${H}).`, `The count (${n}) exceeds the village’s ${H} households.`);
        }
      }
      questionSums.set(q.name, sum);
      if (valid === undefined) continue;
      if (isElection) {
        // Each valid ballot keeps at most `seats` names.
        const seats = ctx.seats ?? 1;
        if (sum > valid * seats) {
          err(`counts.${q.name}`, `Tổng số phiếu bầu (${sum}) lớn hơn ${validLabel.vi} nhân số lượng được bầu (${seats}).`,
            `Total votes (${sum}) exceed ${validLabel.en} times the seats (${seats}).`);
        }
      } else if (sum > valid) {
        err(`counts.${q.name}`, `Tổng số phiếu của ${called(q).vi} (${sum}) lớn hơn ${validLabel.vi}.`, `The answers to ${called(q).en} (${sum}) exceed ${validLabel.en}.`);
      } else if (valid > 0 && sum < valid * limits.sumBelowValid) {
        wrn(`counts.${q.name}`, `Tổng số phiếu của ${called(q).vi} (${sum}) thấp hơn nhiều so với ${validLabel.vi}: kiểm tra lại.`,
          `The answers to ${called(q).en} (${sum}) are well below ${validLabel.en}: check the sheet.`);
      }
    }
  }

  // 5. Counting board and witnesses for ballots counted on paper (NĐ 59 Đ3 k5, Đ4).
  if (ctx.channel === 'paper' || secret) {
    const { min, max, witnesses: w, severity } = rules.countingBoard.value;
    const report = severity === 'error' ? err : wrn;
    const board = names(sheet.board);
    const witnesses = names(sheet.witnesses);
    if (board === null) err('board', 'Ban kiểm phiếu phải là danh sách họ tên.', 'The counting board must be a list of names.');
    else if (board.length < min || board.length > max) {
      report('board', `Ban kiểm phiếu (Tổ phát phiếu) gồm ${min} đến ${max} người; biên bản ghi ${board.length} (${rules.countingBoard.article}).`,
        `The counting board has ${min} to ${max} members; the sheet names ${board.length} (${rules.countingBoard.article}).`);
    }
    if (witnesses === null) err('witnesses', 'Người chứng kiến phải là danh sách họ tên.', 'Witnesses must be a list of names.');
    else if (witnesses.length !== w) {
      report('witnesses', `Cần ${w} đại diện hộ gia đình chứng kiến việc kiểm phiếu; biên bản ghi ${witnesses.length}.`,
        `${w} household representatives witness the count; the sheet names ${witnesses.length}.`);
    }
  }

  // 6. A meeting's procedural votes: whole numbers, never more than those present.
  // Missing or not approved is not refused: the record is marked incomplete (domain/meeting-record.ts).
  if (ctx.channel === 'meeting' && sheet.procedural !== undefined && sheet.procedural !== null) {
    const given = sheet.procedural as Record<string, unknown>;
    for (const item of PROCEDURAL_ITEMS) {
      const vote = given[item] as { votesFor?: unknown } | undefined;
      if (!vote || vote.votesFor === undefined || vote.votesFor === null) continue;
      const label = PROCEDURAL_LABELS[item];
      const path = `procedural.${item}.votesFor`;
      if (!isCount(vote.votesFor)) {
        err(path, `Số đại diện đồng ý ${label.vi} phải là số nguyên không âm.`, `Votes for ${label.en} must be a whole number, 0 or more.`);
      } else if (present !== undefined && vote.votesFor > present) {
        err(path, `Số đại diện đồng ý ${label.vi} (${vote.votesFor}) lớn hơn số đại diện dự họp (${present}).`,
          `Votes for ${label.en} (${vote.votesFor}) exceed the representatives present (${present}).`);
      }
    }
  }

  // 7. Unusual but possible.
  const participants = ctx.channel === 'meeting' ? present : returned;
  if (participants !== undefined && H > 0 && participants < H * limits.lowTurnout) {
    wrn(ctx.channel === 'meeting' ? 'present' : 'returned', `Tỷ lệ tham gia thấp: ${participants}/${H} hộ (${pct(participants / H)}).`,
      `Low turnout: ${participants} of ${H} households (${pct(participants / H)}).`);
  }
  if (invalid !== undefined && returned !== undefined && returned > 0 && invalid <= returned && invalid > returned * limits.manyInvalid) {
    wrn('invalid', `Nhiều phiếu không hợp lệ: ${invalid}/${returned} (${pct(invalid / returned)}).`, `Many invalid ballots: ${invalid} of ${returned} (${pct(invalid / returned)}).`);
  }
  if (questionSums.size > 0 && !anyNonZero) {
    wrn('counts', 'Mọi kết quả đều bằng 0: kiểm tra lại biên bản.', 'Every count is zero: check the sheet.');
  }
  return { errors, warnings };
}
