import type { Text } from '../../../server/domain/i18n';
import { formatDateTime, formatNumber } from '../../../server/domain/i18n';
import { Alert, Table } from '../components';
import { StaffPage, type StaffFrame } from './page';

const T = {
  title: { vi: 'Hộ chưa nộp phiếu', en: 'Households whose ballot is not back' },
  back: { vi: 'Về trang đợt lấy ý kiến', en: 'Back to the campaign' },
  asOf: { vi: 'Tính đến {time}', en: 'As of {time}' },
  count: { vi: '{n} trong {h} hộ chưa nộp phiếu', en: '{n} of {h} households have not returned a ballot' },
  how: {
    vi: 'Danh sách chỉ dựa vào việc mã phiếu của hộ đã được dùng (gửi trực tuyến hoặc phiếu giấy đã ghi nhận), không bao giờ dựa vào nội dung trả lời: không ai biết hộ nào chọn gì.',
    en: 'Built only from whether each household’s ballot serial was used (sent online or paper ballot registered), never from answers: nobody can tell what a household chose.',
  },
  print: { vi: 'In danh sách', en: 'Print the list' },
  printHint: { vi: 'Hoặc dùng lệnh In của trình duyệt.', en: 'Or use the browser’s Print command.' },
  caption: { vi: 'Hộ chưa nộp phiếu, theo mã hộ', en: 'Households not yet returned, by household code' },
  no: { vi: 'STT', en: 'No.' },
  head: { vi: 'Chủ hộ', en: 'Head of household' },
  code: { vi: 'Mã hộ', en: 'Household code' },
  representative: { vi: 'Người đại diện', en: 'Representative' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  village: { vi: 'Thôn', en: 'Village' },
  note: { vi: 'Ghi chú', en: 'Note' },
  noSerial: { vi: 'Chưa có mã phiếu (hộ mới vào sổ)', en: 'No serial yet (new to the register)' },
  none: { vi: 'Mọi hộ đã nộp phiếu.', en: 'Every household has returned its ballot.' },
} satisfies Record<string, Text>;

const fill = (s: string, values: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '');

export interface NotReturnedProps extends StaffFrame {
  campaign: { id: string; title: string };
  villages: { villageId: string; name: string; households: number | null }[];
  households: { villageId: string; code: string; head: string; representative: string; address: string; noSerial: boolean }[];
  asOf: string;
}

/** A working list to print and take round the village: who still has to hand in or send their ballot. */
export function NotReturnedPage(props: NotReturnedProps) {
  const { lang } = props;
  const one = props.villages.length === 1 ? props.villages[0]! : null;
  const name = new Map(props.villages.map((v) => [v.villageId, v.name]));
  const total = props.villages.reduce((s, v) => s + (v.households ?? 0), 0);
  return (
    <StaffPage {...props} title={`${T.title[lang]}${one ? ` – ${one.name}` : ''}`}>
      <nav class="breadcrumbs no-print" aria-label={T.back[lang]}>
        <a href={`/staff/campaigns/${encodeURIComponent(props.campaign.id)}`}>{T.back[lang]}</a>
      </nav>
      <h1>{T.title[lang]}{one ? ` – ${one.name}` : ''}</h1>
      <p class="lead">{props.campaign.title}</p>
      <p>
        <strong>{fill(T.count[lang], { n: formatNumber(props.households.length), h: total ? formatNumber(total) : '?' })}</strong>
        {' · '}{fill(T.asOf[lang], { time: formatDateTime(props.asOf) })}
      </p>
      <p class="hint">{T.how[lang]}</p>
      <div class="actions no-print">
        <button type="button" class="btn" data-print hidden>{T.print[lang]}</button>
        <span class="hint">{T.printHint[lang]}</span>
      </div>
      {props.households.length === 0 ? <Alert kind="ok">{T.none[lang]}</Alert> : (
        <Table
          lang={lang}
          id="not-returned"
          caption={T.caption[lang]}
          rows={props.households}
          columns={[
            { label: T.no[lang], numeric: true, cell: (_h, i) => formatNumber(i + 1) },
            { label: T.head[lang], rowHeader: true, cell: (h) => <>{h.head}<span class="cell-sub">{h.code}</span></> },
            { label: T.representative[lang], cell: (h) => (h.representative && h.representative !== h.head ? h.representative : '') },
            { label: T.address[lang], cell: (h) => h.address },
            ...(one ? [] : [{ label: T.village[lang], cell: (h: NotReturnedProps['households'][number]) => name.get(h.villageId) ?? '' }]),
            { label: T.note[lang], cell: (h) => (h.noSerial ? T.noSerial[lang] : '') },
          ]}
        />
      )}
    </StaffPage>
  );
}
