import type { Lang, Text } from '../../../server/domain/i18n';
import { Badge, DateText, LinkButton, Table, Alert } from '../components';
import { StaffPage, type StaffFrame } from './page';
import { CATEGORY_LABEL, KIND_LABEL, STATUS_LABEL, label } from './labels';

const T = {
  title: { vi: 'Đợt lấy ý kiến', en: 'Campaigns' },
  intro: {
    vi: 'Các đợt bàn và quyết định, bầu cử, lấy ý kiến và khảo sát của xã. Chọn tên một đợt để xem, mở, đóng, phát mã phiếu và in.',
    en: 'The commune’s decisions, elections, consultations and surveys. Choose one to view, open, close, issue serials and print.',
  },
  create: { vi: 'Tạo đợt lấy ý kiến mới', en: 'Create a campaign' },
  caption: { vi: 'Danh sách đợt lấy ý kiến, mới nhất trước', en: 'Campaigns, newest first' },
  name: { vi: 'Tên đợt', en: 'Title' },
  kind: { vi: 'Loại', en: 'Kind' },
  status: { vi: 'Trạng thái', en: 'Status' },
  opens: { vi: 'Bắt đầu', en: 'Opens' },
  closes: { vi: 'Kết thúc', en: 'Closes' },
  empty: { vi: 'Chưa có đợt lấy ý kiến nào.', en: 'No campaigns yet.' },
} satisfies Record<string, Text>;

export interface CampaignListRow {
  id: string;
  title: string;
  kind: string;
  category: string | null;
  status: string;
  opensAt: string | null;
  closesAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
}

export function StatusBadge(props: { status: string; lang: Lang }) {
  const s = STATUS_LABEL[props.status];
  return <Badge tone={s?.tone ?? 'neutral'}>{s?.text[props.lang] ?? props.status}</Badge>;
}

export function CampaignListPage(props: StaffFrame & { campaigns: CampaignListRow[]; canCreate: boolean; notice?: string }) {
  const { lang } = props;
  return (
    <StaffPage {...props} title={T.title[lang]}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      {props.canCreate ? <p><LinkButton href="/staff/campaigns/new">{T.create[lang]}</LinkButton></p> : null}
      <Table
        lang={lang}
        caption={T.caption[lang]}
        empty={T.empty[lang]}
        rows={props.campaigns}
        columns={[
          { label: T.name[lang], rowHeader: true, cell: (c) => <a href={`/staff/campaigns/${encodeURIComponent(c.id)}`}>{c.title}</a> },
          {
            label: T.kind[lang],
            cell: (c) => (
              <>
                {label(KIND_LABEL, c.kind, lang)}
                {c.category ? <span class="hint">{label(CATEGORY_LABEL, c.category, lang)}</span> : null}
              </>
            ),
          },
          { label: T.status[lang], cell: (c) => <StatusBadge status={c.status} lang={lang} /> },
          { label: T.opens[lang], cell: (c) => <DateText iso={c.openedAt ?? c.opensAt} /> },
          { label: T.closes[lang], cell: (c) => <DateText iso={c.closedAt ?? c.closesAt} /> },
        ]}
      />
    </StaffPage>
  );
}
