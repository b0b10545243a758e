// Recognition (công nhận) of a community decision (Đ21 k2 Luật 10/2022/QH15):
// a covenant (k3) and a village head (k4) take effect when the UBND xã
// recognises them, board members (k5) when the UBMTTQ xã does. Which body
// recognises what is DEFAULT_RULES.recognitionBody; this module only reads
// it, checks what staff enter and says where a result stands.
import { DEFAULT_RULES, type CampaignKind, type Category, type LegalRules, type RecognitionBody } from './legal-rules';
import type { ErrorDetail } from './errors';
import type { LocalizedText } from './i18n';
import { isIsoDate, type IsoDate } from './calendar/iso-date';
import { cleanText } from './text';

/** The body's names: short for sentences, full for the printed notice. */
export const RECOGNITION_BODY_NAME: Record<RecognitionBody, { short: LocalizedText; full: LocalizedText }> = {
  ubnd_xa: {
    short: { vi: 'UBND xã', en: 'the commune People’s Committee' },
    full: { vi: 'Ủy ban nhân dân xã', en: 'the commune People’s Committee' },
  },
  ubmttq_xa: {
    short: { vi: 'UBMTTQ xã', en: 'the commune Fatherland Front Committee' },
    full: { vi: 'Ủy ban Mặt trận Tổ quốc Việt Nam xã', en: 'the commune Viet Nam Fatherland Front Committee' },
  },
};

/** The body that recognises a campaign's result, or null when it takes effect when adopted (k1, k2, k6; consultations, surveys). */
export function recognitionBodyFor(
  kind: CampaignKind, category: Category | string | null | undefined, rules: LegalRules = DEFAULT_RULES,
): RecognitionBody | null {
  if ((kind !== 'decision' && kind !== 'election') || !category) return null;
  return rules.recognitionBody.value[category as Category] ?? null;
}

/** A recorded recognition decision (one version; a correction is a newer one, the earlier kept). */
export interface Recognition {
  campaignId: string;
  version: number;
  /** "12/QĐ-UBND" */
  number: string;
  decidedOn: IsoDate;
  signer: string;
  body: RecognitionBody;
  scan: { key: string; mime: string } | null;
  /** why a later version replaces the one before (empty on the first) */
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

export interface RecognitionInput {
  number?: string;
  decidedOn?: string;
  signer?: string;
  reason?: string;
}

const detail = (path: string, vi: string, en: string): ErrorDetail => ({ path, message: { vi, en } });

/**
 * Checks what staff enter: the decision's number, its date (a real day, not
 * before the vote closed nor after today), who signed it, and the reason for
 * a correction. Returns every problem, each naming its field.
 */
export function recognitionProblems(
  input: RecognitionInput, ctx: { earliest: IsoDate | null; today: IsoDate; correcting: boolean },
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const number = cleanText(input.number ?? '');
  if (!number) out.push(detail('number', 'Hãy nhập số quyết định công nhận, ví dụ 12/QĐ-UBND.', 'Enter the number of the recognition decision, e.g. 12/QĐ-UBND.'));
  else if (number.length > 60) out.push(detail('number', 'Số quyết định dài quá 60 ký tự.', 'The decision number is longer than 60 characters.'));
  const on = input.decidedOn ?? '';
  if (!isIsoDate(on)) out.push(detail('decidedOn', 'Ngày ký quyết định phải là một ngày có thật, dạng năm-tháng-ngày (ví dụ 2026-12-02).', 'The decision date must be a real date, year-month-day (e.g. 2026-12-02).'));
  else if (on > ctx.today) out.push(detail('decidedOn', 'Ngày ký quyết định không được sau hôm nay.', 'The decision date cannot be after today.'));
  else if (ctx.earliest && on < ctx.earliest) {
    out.push(detail('decidedOn', `Quyết định công nhận ký sau khi có kết quả biểu quyết; ngày sớm nhất là ${ctx.earliest}.`, `Recognition follows the vote; the earliest date is ${ctx.earliest}.`));
  }
  const signer = cleanText(input.signer ?? '');
  if (!signer) out.push(detail('signer', 'Hãy nhập họ tên và chức vụ người ký quyết định.', 'Enter the name and title of who signed the decision.'));
  else if (signer.length > 200) out.push(detail('signer', 'Tên người ký dài quá 200 ký tự.', 'The signer is longer than 200 characters.'));
  if (ctx.correcting && !cleanText(input.reason ?? '')) {
    out.push(detail('reason', 'Đã có quyết định công nhận; muốn đính chính phải nêu lý do (bản trước vẫn được giữ).', 'A recognition is already recorded; a correction needs a reason (the earlier one is kept).'));
  }
  return out;
}

/** Where a result stands: nothing to recognise, awaiting the decision, or recognised by it. */
export type RecognitionStatus =
  | { state: 'none' }
  | { state: 'awaiting'; body: RecognitionBody }
  | { state: 'recognised'; body: RecognitionBody; recognition: Recognition };

export function recognitionStatus(kind: CampaignKind, category: Category | string | null | undefined, latest: Recognition | null, rules: LegalRules = DEFAULT_RULES): RecognitionStatus {
  const body = recognitionBodyFor(kind, category, rules);
  if (!body) return { state: 'none' };
  return latest ? { state: 'recognised', body, recognition: latest } : { state: 'awaiting', body };
}

/** "Đã thông qua, chờ công nhận" / "Trúng cử, chờ công nhận": a result that passed, before the decision. */
export function awaitingText(kind: CampaignKind): LocalizedText {
  return kind === 'election'
    ? { vi: 'Trúng cử, chờ công nhận', en: 'Elected, awaiting recognition' }
    : { vi: 'Đã thông qua, chờ công nhận', en: 'Passed, awaiting recognition' };
}

/** dd/mm/yyyy of an ISO date, as decisions are dated. */
const ddmmyyyy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** "Đã được UBND xã công nhận theo Quyết định số 12/QĐ-UBND ngày 02/12/2026; người ký: …" */
export function recognisedText(r: Recognition): LocalizedText {
  const name = RECOGNITION_BODY_NAME[r.body].short;
  return {
    vi: `Đã được ${name.vi} công nhận theo Quyết định số ${r.number} ngày ${ddmmyyyy(r.decidedOn)}; người ký: ${r.signer}.`,
    en: `Recognised by ${name.en}, decision No. ${r.number} of ${ddmmyyyy(r.decidedOn)}; signed by ${r.signer}.`,
  };
}

/** What a result awaiting recognition says under its verdict, with the rule's article. */
export function awaitingNote(kind: CampaignKind, body: RecognitionBody, rules: LegalRules = DEFAULT_RULES): LocalizedText {
  const name = RECOGNITION_BODY_NAME[body].short;
  const head = awaitingText(kind);
  return {
    vi: `${head.vi}: kết quả có hiệu lực khi ${name.vi} ban hành quyết định công nhận (${rules.recognitionBody.article}).`,
    en: `${head.en}: the result takes effect when ${name.en} issues its recognition decision (${rules.recognitionBody.article}).`,
  };
}

/** Whether a village's result has anything to recognise: a decision passed there, or someone was elected. */
export const villageToRecognise = (v: { passed: boolean; elected: readonly string[] }): boolean => v.passed || v.elected.length > 0;

/**
 * The status to show beside a result: a result where nothing passed and
 * nobody was elected awaits no recognition and shows none (there is nothing
 * to adopt).
 */
export function shownStatus(status: RecognitionStatus, villages: readonly { passed: boolean; elected: readonly string[] }[]): RecognitionStatus {
  if (status.state !== 'none' && !villages.some(villageToRecognise)) return { state: 'none' };
  return status;
}
