// Every household reached: for each campaign and village, the notice posted
// at the cultural house, the loudspeaker runs, the message to the village's
// Zalo group and the meeting invitations (Mẫu 01) delivered, each against its
// deadline from the campaign's timeline (timeline.ts, deadlines.ts), and the
// words read on the loudspeaker and sent on Zalo, written from the campaign.
// Pure: records and the calendar come from the services.
import type { LocalizedText } from './i18n';
import { formatDate } from './i18n';
import { addDays, type IsoDate } from './calendar/iso-date';
import type { WorkingCalendar } from './calendar/working-calendar';
import { loudspeakerCompletedOn } from './deadlines';
import { campaignTimeline, type CampaignFacts, type StepId } from './timeline';
import { DEFAULT_RULES, type CampaignKind, type Category, type Channel, type LegalRules } from './legal-rules';

export const OUTREACH_KINDS = ['notice', 'loudspeaker', 'zalo', 'invitation'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];

export interface OutreachRecord {
  id: string;
  campaignId: string;
  villageId: string;
  kind: OutreachKind;
  doneOn: IsoDate;
  /** invitations: how many households received one */
  households: number | null;
  note: string;
  photo: { key: string; mime: string } | null;
  recordedBy: string;
  recordedAt: string;
}

/** What the outreach deadlines need to know of a campaign. */
export interface OutreachCampaign {
  kind: CampaignKind;
  category: Category | null;
  channels: readonly Channel[];
  /** the planned (or actual) opening; for a meeting campaign, the meeting day */
  opensOn: IsoDate | null;
}

/**
 * - waiting: no date to count from yet
 * - pending: not done, the last day is today or later
 * - overdue: not done and the last day has passed
 * - done: done by the last day (or done, where nothing is due)
 * - late: done, after the last day
 */
export type OutreachStatus = 'waiting' | 'pending' | 'overdue' | 'done' | 'late';

export interface OutreachProgress {
  kind: OutreachKind;
  /** the day it counts as done: the first posting, invitation or message; the loudspeaker's third consecutive day */
  doneOn: IsoDate | null;
  /** every day recorded, oldest first */
  dates: IsoDate[];
  /** invitations: the most households any record says were reached */
  households: number | null;
  records: OutreachRecord[];
  due: IsoDate | null;
  /** law: the deadline is the law's (article given); plan: the commune's own target (before the vote) */
  basis: 'law' | 'plan';
  article: string | null;
  rule: LocalizedText | null;
  status: OutreachStatus;
}

/** Which kinds a campaign's village needs: invitations only where a meeting decides or is held. */
export function outreachKinds(c: Pick<OutreachCampaign, 'channels' | 'kind'>): OutreachKind[] {
  return OUTREACH_KINDS.filter((k) => k !== 'invitation' || (c.channels.includes('meeting') && c.kind !== 'satisfaction'));
}

function statusOf(due: IsoDate | null, doneOn: IsoDate | null, today: IsoDate): OutreachStatus {
  if (doneOn) return due && doneOn > due ? 'late' : 'done';
  if (!due) return 'waiting';
  return today > due ? 'overdue' : 'pending';
}

const PLAN_NOTE: LocalizedText = {
  vi: 'Mục tiêu của xã: trước ngày bắt đầu lấy ý kiến, để mọi hộ biết thời gian, địa điểm và nội dung.',
  en: 'The commune’s target: before the vote opens, so every household knows the time, place and content.',
};

/**
 * Each kind of outreach for one village: what is recorded, the day it counts
 * as done and its last day. Invitations (Mẫu 01) and, where a meeting decides,
 * the posted notice take the meeting-notice deadline (NĐ 59 Đ3); a household
 * ballot's notice the ballot-publicity one (NĐ 59 Đ4); a consultation's notice
 * is due when it opens, since its period counts from publication (Đ28). The
 * loudspeaker counts once it has run the law's consecutive days (Đ13 k3).
 * Anything the law sets no day for is due by the opening, as the commune's plan.
 */
export function villageOutreach(
  c: OutreachCampaign,
  records: readonly OutreachRecord[],
  opts: { calendar: WorkingCalendar; today: IsoDate; rules?: LegalRules },
): OutreachProgress[] {
  const rules = opts.rules ?? DEFAULT_RULES;
  const mine = (k: OutreachKind) => records.filter((r) => r.kind === k).sort((a, b) => a.doneOn.localeCompare(b.doneOn) || a.recordedAt.localeCompare(b.recordedAt));
  const first = (k: OutreachKind) => mine(k)[0]?.doneOn ?? null;
  const meeting = c.channels.includes('meeting') && c.kind !== 'satisfaction';
  const facts: CampaignFacts = {
    kind: c.kind, category: c.category, channels: c.channels, opensOn: c.opensOn, meetingOn: meeting ? c.opensOn : null,
    ballotDistributionOn: c.opensOn, noticeSentOn: first('invitation'), ballotPublicityOn: first('notice'),
  };
  const steps = campaignTimeline(facts, { calendar: opts.calendar, today: opts.today, rules });
  const step = (id: StepId) => steps.find((s) => s.id === id);
  const planDue = c.opensOn;

  return outreachKinds(c).map((kind): OutreachProgress => {
    const list = mine(kind);
    const dates = [...new Set(list.map((r) => r.doneOn))];
    const base = { kind, dates, records: list, households: null as number | null };
    if (kind === 'invitation') {
      const s = step('meeting_notice');
      const households = list.reduce<number | null>((m, r) => (r.households === null ? m : Math.max(m ?? 0, r.households)), null);
      const doneOn = first('invitation');
      return { ...base, households, doneOn, due: s?.due ?? null, basis: 'law', article: s?.article ?? null, rule: s?.note ?? null, status: statusOf(s?.due ?? null, doneOn, opts.today) };
    }
    if (kind === 'notice') {
      const doneOn = first('notice');
      const lawStep = meeting ? step('meeting_notice') : step('ballot_publicity');
      if (lawStep) return { ...base, doneOn, due: lawStep.due, basis: 'law', article: lawStep.article, rule: lawStep.note, status: statusOf(lawStep.due, doneOn, opts.today) };
      if (c.kind === 'consultation') {
        const r = rules.consultationMinDays;
        return { ...base, doneOn, due: planDue, basis: 'law', article: r.article, rule: r.note, status: statusOf(planDue, doneOn, opts.today) };
      }
      return { ...base, doneOn, due: planDue, basis: 'plan', article: null, rule: PLAN_NOTE, status: statusOf(planDue, doneOn, opts.today) };
    }
    if (kind === 'loudspeaker') {
      const r = rules.loudspeakerMinDays;
      const doneOn = loudspeakerCompletedOn(dates, rules);
      // a run that ends the day before the opening has reached everyone by then
      const due = planDue ? addDays(planDue, -1) : null;
      return { ...base, doneOn, due, basis: 'plan', article: r.article, rule: r.note, status: statusOf(due, doneOn, opts.today) };
    }
    const doneOn = first('zalo');
    return { ...base, doneOn, due: planDue, basis: 'plan', article: null, rule: PLAN_NOTE, status: statusOf(planDue, doneOn, opts.today) };
  });
}

/** Whether every kind that applies is done (late counts as done, and is shown as late). */
export function villageReached(progress: readonly OutreachProgress[]): boolean {
  return progress.every((p) => p.status === 'done' || p.status === 'late');
}

// ---- The words ----

export interface AnnouncementInput {
  communeName: string;
  villageName?: string;
  title: string;
  description: string;
  kind: CampaignKind;
  channels: readonly Channel[];
  opensOn: IsoDate | null;
  closesOn: IsoDate | null;
  /** where to take part or read more (the commune portal, the survey link) */
  url: string;
}

const CHANNEL_WORDS: Record<Channel, string> = {
  meeting: 'dự họp cộng đồng dân cư tại nhà văn hóa thôn',
  paper: 'điền phiếu lấy ý kiến phát đến từng hộ và nộp lại cho Tổ phát phiếu',
  online: 'quét mã QR trên phiếu hoặc trên áp phích để trả lời trực tuyến',
};

const KIND_WORDS: Record<CampaignKind, string> = {
  decision: 'tổ chức để Nhân dân bàn và quyết định',
  election: 'tổ chức bầu cử',
  consultation: 'lấy ý kiến Nhân dân',
  satisfaction: 'khảo sát sự hài lòng của người dân',
};

/** "ngày 05/12/2026" for a Vietnam date. */
const day = (d: IsoDate) => `ngày ${formatDate(`${d}T12:00:00+07:00`)}`;

function when(i: AnnouncementInput): string | null {
  if (i.opensOn && i.closesOn) return `từ ${day(i.opensOn)} đến hết ${day(i.closesOn)}`;
  if (i.opensOn) return `bắt đầu từ ${day(i.opensOn)}`;
  if (i.closesOn) return `đến hết ${day(i.closesOn)}`;
  return null;
}

function firstParagraph(text: string): string {
  const p = text.split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ').trim() ?? '';
  return p ? (/[.!?…]$/.test(p) ? p : `${p}.`) : '';
}

/**
 * The announcement a village's loudspeaker reads (Đ13 k3: at least three
 * consecutive days), in the form announcers use: who speaks, the matter, when
 * and how to take part, then the key facts once more.
 */
export function loudspeakerText(i: AnnouncementInput): string {
  const audience = i.villageName ? `bà con Nhân dân ${i.villageName}` : 'bà con Nhân dân trong xã';
  const period = when(i);
  const how = i.channels.map((ch) => CHANNEL_WORDS[ch]).join('; hoặc ');
  return [
    `Thông báo của Ủy ban nhân dân ${i.communeName}.`,
    `Kính thưa ${audience}!`,
    `Thực hiện Luật Thực hiện dân chủ ở cơ sở, Ủy ban nhân dân ${i.communeName} ${KIND_WORDS[i.kind]} về việc: ${i.title}.`,
    firstParagraph(i.description),
    period ? `Thời gian: ${period}.` : '',
    how ? `Cách tham gia: ${how}.` : '',
    `Nội dung chi tiết xem tại bảng tin nhà văn hóa thôn hoặc tại địa chỉ ${i.url}.`,
    'Đề nghị đại diện các hộ gia đình tham gia đầy đủ.',
    `Xin nhắc lại: ${i.title}${period ? `, ${period}` : ''}.`,
    'Xin trân trọng thông báo!',
  ].filter(Boolean).join('\n');
}

/** The message for the village's Zalo group: short, the link on its own line so Zalo makes it tappable. */
export function zaloText(i: AnnouncementInput): string {
  const period = when(i);
  return [
    `[${i.villageName ?? i.communeName}] UBND ${i.communeName} ${KIND_WORDS[i.kind]}: ${i.title}`,
    period ? `Thời gian: ${period}.` : '',
    i.channels.length ? `Cách tham gia: ${i.channels.map((ch) => CHANNEL_WORDS[ch]).join('; hoặc ')}.` : '',
    'Xem chi tiết và tham gia:',
    i.url,
  ].filter(Boolean).join('\n');
}
