// The audit log as the inspection board reads it: each entry a sentence that
// names what it touched ("Mở đợt “Chọn ngày tổ chức hội làng”"), Vietnamese
// first. An action this page does not know yet still reads, by its name.
import type { Lang, Text } from '../../../server/domain/i18n';
import { formatNumber } from '../../../server/domain/i18n';
import { ROLE_LABEL } from '../layout';

/** An entry as the audit service gives it (server/services/audit-log.ts AuditRow). */
export interface AuditSentenceInput {
  action: string;
  entity: string;
  entityId: string;
  data: Record<string, unknown>;
  campaign: { id: string; title: string } | null;
  village: string | null;
  household: { code: string; head: string } | null;
  account: { name: string; username: string } | null;
  sheet: { channel: string; version: number } | null;
  theme: string | null;
}

const CHANNEL: Record<string, Text> = {
  meeting: { vi: 'họp thôn', en: 'village meeting' },
  paper: { vi: 'phiếu lấy ý kiến hộ', en: 'household ballot' },
};

const q = (s: string) => `“${s}”`;
const num = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : '?');
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** "đợt “Làm đường”" / "campaign “Làm đường”", or nothing when the entry names none. */
function ofCampaign(r: AuditSentenceInput): Text {
  return r.campaign ? { vi: `, đợt ${q(r.campaign.title)}`, en: `, campaign ${q(r.campaign.title)}` } : { vi: '', en: '' };
}

function sheetWords(r: AuditSentenceInput): Text {
  const channel = r.sheet ? CHANNEL[r.sheet.channel] : CHANNEL[text(r.data.channel)];
  const village = r.village ? { vi: ` của ${r.village}`, en: ` of ${r.village}` } : { vi: '', en: '' };
  const version = r.sheet?.version ?? (typeof r.data.version === 'number' ? r.data.version : undefined);
  const v = version !== undefined ? { vi: ` (phiên bản ${version})`, en: ` (version ${version})` } : { vi: '', en: '' };
  return {
    vi: `biên bản${channel ? ` ${channel.vi}` : ''}${village.vi}${ofCampaign(r).vi}${v.vi}`,
    en: `the${channel ? ` ${channel.en}` : ''} tally sheet${village.en}${ofCampaign(r).en}${v.en}`,
  };
}

function accountWords(r: AuditSentenceInput): Text {
  const username = r.account?.username ?? text(r.data.username);
  const name = r.account && r.account.name !== r.account.username ? ` (${r.account.name})` : '';
  return { vi: `tài khoản ${username}${name}`, en: `the account ${username}${name}` };
}

function userChanges(r: AuditSentenceInput): Text {
  const parts: Text[] = [];
  const changed = Array.isArray(r.data.changed) ? r.data.changed.map(String) : [];
  if (typeof r.data.displayName === 'string') parts.push({ vi: `họ tên ${q(r.data.displayName)}`, en: `name ${q(r.data.displayName)}` });
  if (r.data.disabled === true) parts.push({ vi: 'khóa', en: 'disabled' });
  if (r.data.disabled === false) parts.push({ vi: 'mở khóa', en: 'enabled' });
  if (changed.includes('password')) parts.push({ vi: 'đặt lại mật khẩu', en: 'password reset' });
  if (changed.includes('villageId')) parts.push({ vi: `thôn ${r.village ?? ''}`.trim(), en: `village ${r.village ?? ''}`.trim() });
  return parts.length ? { vi: `: ${parts.map((p) => p.vi).join(', ')}`, en: `: ${parts.map((p) => p.en).join(', ')}` } : { vi: '', en: '' };
}

const SENTENCES: Record<string, (r: AuditSentenceInput) => Text> = {
  'calendar.settings': (r) => {
    const after = r.data.after as { adjustments?: unknown[] } | undefined;
    const n = Array.isArray(after?.adjustments) ? after.adjustments.length : 0;
    return { vi: `Lưu lịch làm việc của xã (${formatNumber(n)} ngày điều chỉnh)`, en: `Saved the commune’s working calendar (${formatNumber(n)} announced days)` };
  },
  'campaign.step': (r) => {
    const day = text(r.data.doneOn);
    const fact = text(r.data.fact);
    const fix = r.data.previous ? { vi: ' (sửa bản ghi trước)', en: ' (correcting an earlier record)' } : { vi: '', en: '' };
    return day
      ? { vi: `Ghi nhận bước ${q(fact)} ngày ${day}${ofCampaign(r).vi}${fix.vi}`, en: `Recorded the step ${q(fact)} on ${day}${ofCampaign(r).en}${fix.en}` }
      : { vi: `Bỏ ngày đã ghi của bước ${q(fact)}${ofCampaign(r).vi}`, en: `Withdrew the day recorded for ${q(fact)}${ofCampaign(r).en}` };
  },
  'commune.create': (r) => ({ vi: `Tạo xã ${q(text(r.data.name))}`, en: `Created the commune ${q(text(r.data.name))}` }),
  'village.create': (r) => ({
    vi: `Thêm ${r.village ?? text(r.data.name)} (mã ${text(r.data.code)}) vào danh sách thôn`,
    en: `Added ${r.village ?? text(r.data.name)} (code ${text(r.data.code)}) to the villages`,
  }),
  'user.create': (r) => {
    const role = ROLE_LABEL[text(r.data.role)];
    const where = r.village ? `, ${r.village}` : '';
    return { vi: `Tạo ${accountWords(r).vi}: ${role?.vi ?? text(r.data.role)}${where}`, en: `Created ${accountWords(r).en}: ${role?.en ?? text(r.data.role)}${where}` };
  },
  'user.update': (r) => ({ vi: `Cập nhật ${accountWords(r).vi}${userChanges(r).vi}`, en: `Changed ${accountWords(r).en}${userChanges(r).en}` }),
  'user.password': (r) => ({ vi: `Đặt lại mật khẩu ${accountWords(r).vi}`, en: `Reset the password of ${accountWords(r).en}` }),
  'household.import': (r) => {
    const part = typeof r.data.parts === 'number' && r.data.parts > 1 ? { vi: ` (phần ${num(r.data.part)}/${num(r.data.parts)})`, en: ` (part ${num(r.data.part)} of ${num(r.data.parts)})` } : { vi: '', en: '' };
    return {
      vi: `Nhập sổ hộ: ${num(r.data.created)} hộ mới, ${num(r.data.updated)} hộ được cập nhật${part.vi}`,
      en: `Imported the register: ${num(r.data.created)} new households, ${num(r.data.updated)} updated${part.en}`,
    };
  },
  'campaign.create': (r) => ({ vi: `Tạo đợt lấy ý kiến ${q(r.campaign?.title ?? '')}`, en: `Created the campaign ${q(r.campaign?.title ?? '')}` }),
  'campaign.update': (r) => ({ vi: `Sửa bản nháp đợt ${q(r.campaign?.title ?? '')}`, en: `Edited the draft of ${q(r.campaign?.title ?? '')}` }),
  'campaign.open': (r) => ({ vi: `Mở đợt ${q(r.campaign?.title ?? '')}, chốt số hộ của từng thôn`, en: `Opened ${q(r.campaign?.title ?? '')}, freezing each village’s households` }),
  'campaign.close': (r) => ({ vi: `Đóng đợt ${q(r.campaign?.title ?? '')}`, en: `Closed ${q(r.campaign?.title ?? '')}` }),
  'serials.issue': (r) => ({
    vi: `Phát ${num(r.data.households)} mã phiếu cho đợt ${q(r.campaign?.title ?? '')}`,
    en: `Issued ${num(r.data.households)} ballot serials for ${q(r.campaign?.title ?? '')}`,
  }),
  'serials.reprint': (r) => {
    const who = r.household ? `${r.household.code} (${r.household.head})` : r.entityId;
    return { vi: `In lại phiếu của hộ ${who}; mã phiếu cũ bị hủy${ofCampaign(r).vi}`, en: `Reprinted the ballot of household ${who}; the old serial is revoked${ofCampaign(r).en}` };
  },
  'paper_ballot.register': (r) => {
    const household = typeof r.data.householdCode === 'string' ? { vi: `, hộ ${r.data.householdCode}`, en: `, household ${r.data.householdCode}` } : { vi: '', en: '' };
    const village = r.village ? { vi: ` của ${r.village}`, en: ` from ${r.village}` } : { vi: '', en: '' };
    return { vi: `Ghi nhận một phiếu giấy${village.vi}${household.vi}${ofCampaign(r).vi}`, en: `Registered a paper ballot${village.en}${household.en}${ofCampaign(r).en}` };
  },
  'tally.submit': (r) => ({ vi: `Nhập ${sheetWords(r).vi}`, en: `Entered ${sheetWords(r).en}` }),
  'tally.correct': (r) => {
    const why = text(r.data.reason) ? { vi: `: ${q(text(r.data.reason))}`, en: `: ${q(text(r.data.reason))}` } : { vi: '', en: '' };
    return { vi: `Sửa ${sheetWords(r).vi}${why.vi}`, en: `Corrected ${sheetWords(r).en}${why.en}` };
  },
  'tally.confirm': (r) => ({ vi: `Xác nhận ${sheetWords(r).vi}`, en: `Confirmed ${sheetWords(r).en}` }),
  'tally.photo': (r) => ({ vi: `Thêm ảnh ${sheetWords(r).vi}`, en: `Added a photo of ${sheetWords(r).en}` }),
  'results.publish': (r) => ({
    vi: `Công bố kết quả đợt ${q(r.campaign?.title ?? '')} (phiên bản ${num(r.data.version)})`,
    en: `Published the results of ${q(r.campaign?.title ?? '')} (version ${num(r.data.version)})`,
  }),
  'results.correct': (r) => ({
    vi: `Đính chính kết quả đợt ${q(r.campaign?.title ?? '')} (phiên bản ${num(r.data.version)}): ${q(text(r.data.reason))}`,
    en: `Corrected the results of ${q(r.campaign?.title ?? '')} (version ${num(r.data.version)}): ${q(text(r.data.reason))}`,
  }),
  'theme.create': (r) => ({ vi: `Tạo nhóm ý kiến ${q(r.theme ?? '')}${ofCampaign(r).vi}`, en: `Created the opinion theme ${q(r.theme ?? '')}${ofCampaign(r).en}` }),
  'theme.update': (r) => ({ vi: `Sửa nhóm ý kiến ${q(r.theme ?? '')} và câu trả lời của xã${ofCampaign(r).vi}`, en: `Edited the theme ${q(r.theme ?? '')} and the commune’s answer${ofCampaign(r).en}` }),
  'theme.group': (r) => {
    const n = Array.isArray(r.data.ballotIds) ? r.data.ballotIds.length : 0;
    return { vi: `Xếp ${formatNumber(n)} ý kiến vào nhóm ${q(r.theme ?? '')}${ofCampaign(r).vi}`, en: `Put ${formatNumber(n)} opinions under the theme ${q(r.theme ?? '')}${ofCampaign(r).en}` };
  },
};

/** The entry as a sentence in `lang`; an action without a sentence yet reads by its name and what it names. */
export function auditSentence(r: AuditSentenceInput, lang: Lang): string {
  const known = SENTENCES[r.action];
  if (known) return known(r)[lang];
  const about = [r.campaign ? q(r.campaign.title) : '', r.village ?? '', r.household?.code ?? ''].filter(Boolean).join(', ');
  return `${r.action}${about ? ` (${about})` : ` (${r.entity} ${r.entityId})`}`;
}
