// Words for feedback, dialogue conferences and outreach shown to people and
// staff. The rules are in server/domain; these only say them.
import type { Text } from '../../../server/domain/i18n';
import type { Tone } from '../components';

export const KIND_LABEL: Record<string, Text> = {
  gop_y: { vi: 'Góp ý', en: 'Suggestion' },
  phan_anh: { vi: 'Phản ánh', en: 'Report of a problem' },
  kien_nghi: { vi: 'Kiến nghị', en: 'Request' },
};

export const KIND_HINT: Record<string, Text> = {
  gop_y: { vi: 'Ý kiến, đề xuất để xã làm tốt hơn.', en: 'An idea or proposal for the commune.' },
  phan_anh: { vi: 'Báo cho xã một việc chưa đúng, chưa tốt (đường hỏng, rác thải, thái độ cán bộ…).', en: 'Tell the commune about something wrong (a broken road, rubbish, an officer’s attitude…).' },
  kien_nghi: { vi: 'Đề nghị xã giải quyết một việc; xã phải trả lời trong thời hạn luật định.', en: 'Ask the commune to act; it must answer within the legal time.' },
};

export const CHANNEL_LABEL: Record<string, Text> = {
  online: { vi: 'Trực tuyến (mã QR)', en: 'Online (QR code)' },
  paper: { vi: 'Thư, hòm thư góp ý', en: 'Letter, letter box' },
  meeting: { vi: 'Tại cuộc họp thôn', en: 'At a village meeting' },
  counter: { vi: 'Tại Bộ phận Một cửa', en: 'At the one-stop counter' },
};

export const STATUS_LABEL: Record<string, { text: Text; tone: Tone }> = {
  received: { text: { vi: 'Đã tiếp nhận', en: 'Received' }, tone: 'info' },
  assigned: { text: { vi: 'Đang xử lý', en: 'Being handled' }, tone: 'warn' },
  answered: { text: { vi: 'Đã trả lời', en: 'Answered' }, tone: 'ok' },
};

export const ASSIGNEE_LABEL: Record<string, Text> = {
  department: { vi: 'Bộ phận chuyên môn', en: 'A department' },
  officer: { vi: 'Một cán bộ', en: 'One officer' },
  inspection_board: { vi: 'Ban Thanh tra nhân dân (việc Ban giám sát)', en: 'The People’s Inspection Board (matters it supervises)' },
};

export const SOURCE_LABEL: Record<string, Text> = {
  feedback: { vi: 'Hòm thư góp ý', en: 'Feedback form' },
  paper: { vi: 'Đơn, thư', en: 'Letter' },
  village_meeting: { vi: 'Họp thôn', en: 'Village meeting' },
};

export const DIALOGUE_STATUS_LABEL: Record<string, { text: Text; tone: Tone }> = {
  planned: { text: { vi: 'Sắp tổ chức', en: 'Planned' }, tone: 'info' },
  held: { text: { vi: 'Đã tổ chức', en: 'Held' }, tone: 'warn' },
  published: { text: { vi: 'Đã công khai', en: 'Published' }, tone: 'ok' },
};

export const OUTREACH_LABEL: Record<string, Text> = {
  notice: { vi: 'Niêm yết thông báo', en: 'Notice posted' },
  loudspeaker: { vi: 'Loa truyền thanh', en: 'Loudspeaker' },
  zalo: { vi: 'Tin nhắn nhóm Zalo', en: 'Zalo group message' },
  invitation: { vi: 'Giấy mời họp (Mẫu 01)', en: 'Meeting invitation (Mẫu 01)' },
};

export const OUTREACH_STATUS: Record<string, { text: Text; tone: Tone }> = {
  waiting: { text: { vi: 'Chưa có ngày', en: 'No date yet' }, tone: 'neutral' },
  pending: { text: { vi: 'Chưa làm', en: 'To do' }, tone: 'warn' },
  overdue: { text: { vi: 'Quá hạn', en: 'Overdue' }, tone: 'error' },
  done: { text: { vi: 'Đã làm', en: 'Done' }, tone: 'ok' },
  late: { text: { vi: 'Làm muộn', en: 'Done late' }, tone: 'warn' },
};

export const label = (map: Record<string, Text>, key: string | null | undefined, lang: 'vi' | 'en'): string =>
  key ? (map[key]?.[lang] ?? key) : '';
