// The households' agreement to vote online, village by village (NĐ 59/2023
// Đ5): online ballots of a k6 matter decide in a village only where more than
// half of ALL its households chose online voting beforehand. A campaign
// records the agreement while it is a draft; opening freezes it per village
// next to H, and every later decision (a ballot binding or advisory, the
// result) reads that frozen record. Pure.
import { DEFAULT_RULES, ONLINE_AGREEMENT_METHODS, type LegalRules, type OnlineAgreementMethod } from './legal-rules';
import { onlineApprovalPasses, requiredApprovals } from './thresholds';
import type { ErrorDetail } from './errors';

/** One village's agreement as staff record it. */
export interface OnlineAgreementEntry {
  villageId: string;
  /** households that agreed (the poll's or the meeting's count) */
  households: number;
  /** the day it was decided, YYYY-MM-DD */
  date: string;
  method: OnlineAgreementMethod;
  /** the published campaign that polled it, when method is "campaign" */
  campaignId?: string;
  note?: string;
}

/**
 * A campaign's `onlineApproval`: per village (`villages`), or one record for
 * every village of the campaign: a published campaign that polled it
 * (`campaignId`) or, with neither, minutes staff noted (`note`).
 */
export interface OnlineApproval {
  campaignId?: string;
  note?: string;
  villages?: OnlineAgreementEntry[];
}

/**
 * A village's agreement frozen when the campaign opened. `source` says how it
 * was recorded: listed for the village with its numbers, a linked campaign's
 * result (its approvals and publication day), or minutes noted for every
 * village without numbers (a record given before agreements were kept per
 * village).
 */
export interface FrozenAgreement {
  source: 'village' | 'campaign' | 'minutes';
  households: number | null;
  date: string | null;
  method: OnlineAgreementMethod | null;
  campaignId: string | null;
  note: string | null;
  /** a linked campaign: whether it was published and passed in this village when this one opened */
  linkedPassed: boolean | null;
}

/** What the results say about a village's agreement (`source` "none": nothing recorded for it). */
export interface AgreementView extends Omit<FrozenAgreement, 'source'> {
  source: FrozenAgreement['source'] | 'none';
  onRecord: boolean;
  /** households needed: more than half of the village's H (NĐ 59 Đ5) */
  required: number;
}

/** The result of a linked campaign in one village, as its latest publication says. */
export interface LinkedResult {
  published: boolean;
  passed: boolean;
  /** the fewest approvals among its questions: every question had at least these */
  approvals: number | null;
  publishedAt: string | null;
}

/** Accepts `villages` as an array or as an object keyed by village id. */
export function normalizeApproval(input: unknown): OnlineApproval | null {
  if (!input || typeof input !== 'object') return null;
  const o = input as Record<string, unknown>;
  const out: OnlineApproval = {};
  if (typeof o.campaignId === 'string' && o.campaignId) out.campaignId = o.campaignId;
  if (typeof o.note === 'string' && o.note) out.note = o.note;
  if (o.villages !== undefined && o.villages !== null) {
    const list = Array.isArray(o.villages)
      ? o.villages
      : Object.entries(o.villages as Record<string, unknown>).map(([villageId, v]) => ({ ...(v as object), villageId }));
    out.villages = list as OnlineAgreementEntry[];
  }
  return out;
}

/**
 * What a village's agreement is before opening resolves a linked campaign:
 * its own entry, else the campaign-wide record, else none.
 */
export function claimFor(approval: OnlineApproval | null, villageId: string): FrozenAgreement | null {
  if (!approval) return null;
  const entry = approval.villages?.find((v) => v.villageId === villageId);
  if (entry) {
    return {
      source: entry.campaignId ? 'campaign' : 'village', households: entry.households, date: entry.date, method: entry.method,
      campaignId: entry.campaignId ?? null, note: entry.note ?? null, linkedPassed: null,
    };
  }
  if (approval.villages && approval.villages.length > 0) return null;
  if (approval.campaignId) {
    return { source: 'campaign', households: null, date: null, method: 'campaign', campaignId: approval.campaignId, note: approval.note ?? null, linkedPassed: null };
  }
  return { source: 'minutes', households: null, date: null, method: null, campaignId: null, note: approval.note ?? null, linkedPassed: null };
}

/** The claim frozen at opening: a linked campaign's approvals and publication day become the record. */
export function freezeClaim(claim: FrozenAgreement | null, linked: LinkedResult | null): FrozenAgreement | null {
  if (!claim) return null;
  if (claim.source !== 'campaign') return claim;
  const passed = !!linked && linked.published && linked.passed;
  return {
    ...claim,
    households: passed ? linked!.approvals : claim.households,
    date: passed && linked!.publishedAt ? linked!.publishedAt.slice(0, 10) : claim.date,
    linkedPassed: passed,
  };
}

/**
 * Whether the agreement is on record for a village of H households: more
 * than half of all of them agreed (NĐ 59 Đ5), or a linked campaign passed
 * there, or the minutes staff noted for every village.
 */
export function agreementOnRecord(record: FrozenAgreement | null, H: number, rules: LegalRules = DEFAULT_RULES): boolean {
  if (!record) return false;
  if (record.source === 'minutes') return true;
  if (record.linkedPassed) return true;
  return record.households !== null && onlineApprovalPasses(record.households, H, rules);
}

/** The record as the results show it. */
export function agreementView(record: FrozenAgreement | null, H: number, rules: LegalRules = DEFAULT_RULES): AgreementView {
  const required = requiredApprovals(H, rules.onlineApproval.value);
  if (!record) {
    return { source: 'none', households: null, date: null, method: null, campaignId: null, note: null, linkedPassed: null, onRecord: false, required };
  }
  return { ...record, onRecord: agreementOnRecord(record, H, rules), required };
}

/** Reads a stored record (JSON text or already parsed); anything else is none. */
export function parseFrozen(value: unknown): FrozenAgreement | null {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (o.source !== 'village' && o.source !== 'campaign' && o.source !== 'minutes') return null;
  const num = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : null);
  const str = (x: unknown) => (typeof x === 'string' ? x : null);
  return {
    source: o.source, households: num(o.households), date: str(o.date),
    method: o.method === 'meeting' || o.method === 'campaign' || o.method === 'other' ? o.method : null,
    campaignId: str(o.campaignId), note: str(o.note), linkedPassed: typeof o.linkedPassed === 'boolean' ? o.linkedPassed : null,
  };
}

const isDay = (s: unknown): boolean => {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** What is wrong with one village's record, each problem naming its field under `path`. */
export function agreementEntryProblems(entry: OnlineAgreementEntry, path: string, villageIds: ReadonlySet<string>): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const bad = (field: string, vi: string, en: string) => out.push({ path: path ? `${path}.${field}` : field, message: { vi, en } });
  if (typeof entry.villageId !== 'string' || !villageIds.has(entry.villageId)) {
    bad('villageId', 'Thôn này không thuộc đợt lấy ý kiến.', 'This village is not part of the campaign.');
  }
  if (!Number.isInteger(entry.households) || entry.households < 0) {
    bad('households', 'Số hộ đồng ý phải là số nguyên không âm.', 'Households agreeing must be a whole number, 0 or more.');
  }
  if (!isDay(entry.date)) bad('date', 'Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-11-02.', 'The date must read YYYY-MM-DD, e.g. 2026-11-02.');
  if (!ONLINE_AGREEMENT_METHODS.includes(entry.method)) {
    bad('method', 'Hình thức phải là "meeting" (họp thôn), "campaign" (một đợt lấy ý kiến) hoặc "other".', 'The method is "meeting", "campaign" or "other".');
  } else if (entry.method === 'campaign' && !entry.campaignId) {
    bad('campaignId', 'Hãy nêu đợt lấy ý kiến đã hỏi các hộ về biểu quyết trực tuyến.', 'Name the campaign that asked the households about online voting.');
  }
  return out;
}
