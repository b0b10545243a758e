import type { Lang, Text } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { Alert, Badge, Button, DateText, Field, LinkButton, Select, Table } from '../components';
import { formatNumber } from '../../../server/domain/i18n';
import { PROVINCE_CHAIN, SYSTEM_ACTOR } from '../../../server/domain/audit-chain';
import { auditSentence, type AuditSentenceInput } from './audit-text';

const T = {
  title: { vi: 'Nhật ký thay đổi', en: 'Audit log' },
  intro: {
    vi: 'Mỗi thay đổi về sổ hộ, đợt lấy ý kiến, biên bản và công bố được ghi vào nhật ký; mỗi mục gắn với mục trước bằng mã băm, nên không thể sửa, xóa hay đổi thứ tự mà không bị phát hiện.',
    en: 'Every change to the register, campaigns, tally sheets and publications is logged; each entry is chained to the one before by hash, so no entry can be edited, deleted or reordered unnoticed.',
  },
  intact: { vi: 'Nhật ký nguyên vẹn', en: 'The log is intact' },
  intactText: { vi: 'Đã kiểm tra {n} mục, không có mục nào bị sửa đổi.', en: 'Checked {n} entries; none was altered.' },
  broken: { vi: 'Nhật ký đã bị can thiệp', en: 'The log has been tampered with' },
  brokenText: {
    vi: 'Các mục sau không khớp chuỗi mã băm. Hãy báo ngay cho Ban Thanh tra nhân dân và giữ nguyên bản sao lưu.',
    en: 'These entries do not match the hash chain. Tell the inspection board at once and keep the backups as they are.',
  },
  latest: { vi: 'Các mục gần nhất, mới nhất trước', en: 'The latest entries, newest first' },
  showing: { vi: 'Đang hiện {shown} trong {matching} mục phù hợp.', en: 'Showing {shown} of {matching} matching entries.' },
  seq: { vi: 'Số thứ tự', en: 'No.' },
  at: { vi: 'Thời gian', en: 'Time' },
  actor: { vi: 'Người thực hiện', en: 'By' },
  action: { vi: 'Việc đã làm', en: 'What was done' },
  check: { vi: 'Kiểm tra', en: 'Check' },
  ok: { vi: 'Khớp', en: 'OK' },
  filter: { vi: 'Lọc nhật ký', en: 'Filter the log' },
  campaign: { vi: 'Đợt lấy ý kiến', en: 'Campaign' },
  person: { vi: 'Người thực hiện', en: 'Person' },
  all: { vi: '— Tất cả —', en: '— All —' },
  apply: { vi: 'Lọc', en: 'Filter' },
  clear: { vi: 'Bỏ lọc', en: 'Clear the filter' },
  system: { vi: 'Hệ thống', en: 'The system' },
  none: { vi: 'Không có mục nào phù hợp.', en: 'No entry matches.' },
  anchorTitle: { vi: 'Dấu nhật ký giữ ngoài hệ thống', en: 'Anchors kept outside the system' },
  anchorIntro: {
    vi: 'Ai sửa được cơ sở dữ liệu thì có thể sửa một mục rồi tính lại mã băm của mọi mục sau nó. Vì vậy mỗi thông báo kết quả in kèm một dấu nhật ký (chữ và mã QR), và Ban Thanh tra nhân dân tải về tệp dấu có chữ ký để cất giữ. Nhật ký bị viết lại sẽ không còn chứa các dấu đó.',
    en: 'Whoever can write the database could edit an entry and rehash every entry after it. So every results notice prints an anchor (text and QR code), and the inspection board downloads a signed anchor file to keep. A rewritten log no longer holds those anchors.',
  },
  head: { vi: 'Dấu hiện tại: mục số {seq}, mã băm', en: 'Current anchor: entry {seq}, hash' },
  download: { vi: 'Tải tệp dấu nhật ký (có chữ ký)', en: 'Download the signed anchor file' },
  checkAnchor: { vi: 'Đối chiếu với dấu đã lưu', en: 'Check against a kept anchor' },
  anchorField: { vi: 'Dấu nhật ký', en: 'Anchor' },
  anchorHint: {
    vi: 'Mã QR hoặc dòng "Dấu nhật ký kiểm tra" in trên thông báo kết quả: số mục, dấu hai chấm, mã băm 64 ký tự. Có thể nhập nhiều dấu, cách nhau bằng dấu phẩy.',
    en: 'The QR code or the "audit anchor" line printed on a results notice: entry number, colon, the 64-character hash. Several anchors may be given, separated by commas.',
  },
  checkButton: { vi: 'Đối chiếu', en: 'Check' },
  anchorsHeld: { vi: 'Nhật ký vẫn chứa các dấu đã nhập.', en: 'The log still holds the anchors given.' },
  communes: { vi: 'Tất cả các xã', en: 'All communes' },
  commune: { vi: 'Xã', en: 'Commune' },
  chooseCommune: { vi: '— Chọn xã —', en: '— Choose a commune —' },
  province: { vi: 'Cấp tỉnh (tài khoản không thuộc xã)', en: 'Province (accounts without a commune)' },
  provinceIntro: {
    vi: 'Nhật ký của từng xã được kiểm tra lại ngay khi mở trang. Trang này chỉ để xem; chọn một xã để xem các mục và đối chiếu dấu.',
    en: 'Each commune’s log is re-checked as this page opens. This page only reads; choose a commune to see its entries and check anchors.',
  },
  entries: { vi: 'Số mục', en: 'Entries' },
  state: { vi: 'Tình trạng', en: 'State' },
  intactShort: { vi: 'Nguyên vẹn', en: 'Intact' },
  brokenShort: { vi: '{n} vấn đề', en: '{n} problems' },
  view: { vi: 'Xem', en: 'View' },
} satisfies Record<string, Text>;

const PROBLEM: Record<string, Text> = {
  hash_mismatch: { vi: 'nội dung bị sửa', en: 'content altered' },
  broken_link: { vi: 'không nối với mục trước', en: 'not linked to the previous entry' },
  gap: { vi: 'thiếu mục phía trước', en: 'entries missing before it' },
  anchor_missing: { vi: 'dấu nhật ký đã công bố không còn khớp (nhật ký bị cắt bớt hoặc viết lại)', en: 'a published anchor no longer matches (the log was cut short or rewritten)' },
  outside_anchor_missing: { vi: 'dấu nhật ký giữ bên ngoài không còn trong nhật ký (nhật ký đã bị viết lại)', en: 'an anchor kept outside is no longer in the log (the log was rewritten)' },
  publication_mismatch: { vi: 'kết quả đã công bố không khớp mã băm của nó', en: 'published results no longer match their hash' },
};

export interface AuditPageProps {
  lang: Lang;
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
  ok: boolean;
  entries: number;
  problems: { seq: number; problem: string }[];
  /** the entries that match the filter, newest first */
  rows: (AuditSentenceInput & { seq: number; at: string; by: { name: string; username: string } | { raw: string } | null })[];
  matching: number;
  campaigns: { id: string; title: string }[];
  people: { id: string; name: string }[];
  filter: { campaignId?: string; person?: string };
  /** the chain's newest entry, and where to download it as a signed anchor file */
  head?: { seq: number; hash: string } | null;
  anchorHref?: string;
  /** the anchors typed into the check form, and its error */
  anchorValue?: string;
  anchorError?: string;
  /** a province administrator's view: the communes to pick from and the one shown */
  communes?: { id: string; name: string }[];
  commune?: { id: string; name: string };
}

function filterQuery(f: AuditPageProps['filter'], communeId?: string): string {
  const q = new URLSearchParams();
  if (communeId !== undefined) q.set('communeId', communeId || PROVINCE_CHAIN);
  if (f.campaignId) q.set('campaignId', f.campaignId);
  if (f.person) q.set('person', f.person);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function Who(props: { lang: Lang; by: AuditPageProps['rows'][number]['by'] }) {
  const { by } = props;
  if (by === null) return <span class="muted">{T.system[props.lang]}</span>;
  if ('raw' in by) return <>{by.raw}</>;
  return (
    <>
      {by.name}
      {by.name !== by.username ? <span class="cell-sub">{by.username}</span> : null}
    </>
  );
}

function AnchorSection(props: AuditPageProps) {
  const { lang } = props;
  const checked = !!props.anchorValue && !props.anchorError;
  const missing = props.problems.some((p) => p.problem === 'outside_anchor_missing');
  return (
    <section aria-labelledby="anchors">
      <h2 id="anchors">{T.anchorTitle[lang]}</h2>
      <p>{T.anchorIntro[lang]}</p>
      {props.head ? (
        <p>
          {T.head[lang].replace('{seq}', String(props.head.seq))} <code class="hash">{props.head.hash}</code>
        </p>
      ) : null}
      {props.anchorHref ? <p><LinkButton variant="secondary" href={props.anchorHref} download>{T.download[lang]}</LinkButton></p> : null}
      <form method="get" action="/staff/audit" class="form anchor-check">
        {props.commune && props.communes ? <input type="hidden" name="communeId" value={props.commune.id || PROVINCE_CHAIN} /> : null}
        <Field name="anchor" label={T.checkAnchor[lang]} hint={T.anchorHint[lang]} value={props.anchorValue} error={props.anchorError} code lang={lang} />
        <Button variant="secondary">{T.checkButton[lang]}</Button>
      </form>
      {checked && !missing ? <Alert kind="ok">{T.anchorsHeld[lang]}</Alert> : null}
    </section>
  );
}

function CommunePicker(props: { lang: Lang; communes: { id: string; name: string }[]; value?: string }) {
  const { lang } = props;
  return (
    <>
      <p><a href="/staff/audit">{T.communes[lang]}</a></p>
      <form method="get" action="/staff/audit" class="form commune-picker">
        <Select name="communeId" label={T.commune[lang]} value={props.value === '' ? PROVINCE_CHAIN : props.value} placeholder={T.chooseCommune[lang]}
          options={[...props.communes.map((c) => ({ value: c.id, label: c.name })), { value: PROVINCE_CHAIN, label: T.province[lang] }]} lang={lang} />
        <Button variant="secondary">OK</Button>
      </form>
    </>
  );
}

export function AuditPage(props: AuditPageProps) {
  const { lang } = props;
  const problemsAt = new Map<number, string[]>();
  for (const p of props.problems) problemsAt.set(p.seq, [...(problemsAt.get(p.seq) ?? []), PROBLEM[p.problem]?.[lang] ?? p.problem]);
  return (
    <Layout lang={lang} title={T.title[lang]} path={`/staff/audit${filterQuery(props.filter, props.communes ? props.commune?.id : undefined)}`} user={props.user} csrfToken={props.csrfToken}>
      <h1>{props.commune && props.communes ? `${T.title[lang]}: ${props.commune.name || T.province[lang]}` : T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
      {props.communes ? <CommunePicker lang={lang} communes={props.communes} value={props.commune?.id} /> : null}
      {props.ok ? (
        <Alert kind="ok" title={T.intact[lang]}>{T.intactText[lang].replace('{n}', String(props.entries))}</Alert>
      ) : (
        <Alert kind="error" title={T.broken[lang]}>
          <p>{T.brokenText[lang]}</p>
          <ul class="audit-problems">
            {[...problemsAt].map(([seq, texts]) => (
              <li>#{seq}: {texts.join('; ')}</li>
            ))}
          </ul>
        </Alert>
      )}
      <form method="get" action="/staff/audit" class="form filter-form" role="search" aria-label={T.filter[lang]}>
        {props.commune && props.communes ? <input type="hidden" name="communeId" value={props.commune.id || PROVINCE_CHAIN} /> : null}
        <Select name="campaignId" label={T.campaign[lang]} lang={lang} value={props.filter.campaignId ?? ''} placeholder={T.all[lang]}
          options={props.campaigns.map((c) => ({ value: c.id, label: c.title }))} />
        <Select name="person" label={T.person[lang]} lang={lang} value={props.filter.person ?? ''} placeholder={T.all[lang]}
          options={props.people.map((p) => ({ value: p.id, label: p.id === SYSTEM_ACTOR ? T.system[lang] : p.name }))} />
        <div class="actions">
          <Button>{T.apply[lang]}</Button>
          {props.filter.campaignId || props.filter.person ? <a href={`/staff/audit${filterQuery({}, props.communes ? props.commune?.id : undefined)}`}>{T.clear[lang]}</a> : null}
        </div>
      </form>
      <p class="muted">{T.showing[lang].replace('{shown}', formatNumber(props.rows.length)).replace('{matching}', formatNumber(props.matching))}</p>
      <Table
        caption={T.latest[lang]}
        lang={lang}
        id="audit-entries"
        rows={props.rows}
        empty={T.none[lang]}
        columns={[
          { label: T.seq[lang], numeric: true, rowHeader: true, cell: (e) => e.seq },
          { label: T.at[lang], cell: (e) => <DateText iso={e.at} time /> },
          { label: T.actor[lang], cell: (e) => <Who lang={lang} by={e.by} /> },
          { label: T.action[lang], wide: true, cell: (e) => <span class="audit-sentence" data-action={e.action}>{auditSentence(e, lang)}</span> },
          { label: T.check[lang], cell: (e) => (problemsAt.has(e.seq) ? <strong class="error-text">{problemsAt.get(e.seq)!.join('; ')}</strong> : T.ok[lang]) },
        ]}
      />
      <AnchorSection {...props} />
    </Layout>
  );
}

export interface ProvinceAuditProps {
  lang: Lang;
  user: { username: string; role: string; displayName?: string };
  csrfToken: string;
  chains: { communeId: string; name: string; entries: number; ok: boolean; problems: number }[];
}

/** The province administrator's audit page: every commune's chain checked, read only. */
export function ProvinceAuditPage(props: ProvinceAuditProps) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={T.title[lang]} path="/staff/audit" user={props.user} csrfToken={props.csrfToken}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.provinceIntro[lang]}</p>
      <Table
        caption={T.communes[lang]}
        lang={lang}
        id="audit-communes"
        rows={props.chains}
        columns={[
          { label: T.commune[lang], rowHeader: true, cell: (c) => c.name || T.province[lang] },
          { label: T.entries[lang], numeric: true, cell: (c) => c.entries },
          {
            label: T.state[lang],
            cell: (c) => (c.ok ? <Badge tone="ok">{T.intactShort[lang]}</Badge> : <Badge tone="error">{T.brokenShort[lang].replace('{n}', String(c.problems))}</Badge>),
          },
          { label: T.view[lang], cell: (c) => <a href={`/staff/audit?communeId=${encodeURIComponent(c.communeId || PROVINCE_CHAIN)}`}>{T.view[lang]}</a> },
        ]}
      />
    </Layout>
  );
}
