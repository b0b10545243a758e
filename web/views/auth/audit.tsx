import type { Lang, Text } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { Alert, Button, DateText, Select, Table } from '../components';
import { formatNumber } from '../../../server/domain/i18n';
import { SYSTEM_ACTOR } from '../../../server/domain/audit-chain';
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
} satisfies Record<string, Text>;

const PROBLEM: Record<string, Text> = {
  hash_mismatch: { vi: 'nội dung bị sửa', en: 'content altered' },
  broken_link: { vi: 'không nối với mục trước', en: 'not linked to the previous entry' },
  gap: { vi: 'thiếu mục phía trước', en: 'entries missing before it' },
  anchor_missing: { vi: 'dấu nhật ký đã công bố không còn khớp (nhật ký bị cắt bớt hoặc viết lại)', en: 'a published anchor no longer matches (the log was cut short or rewritten)' },
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
}

function filterQuery(f: AuditPageProps['filter']): string {
  const q = new URLSearchParams();
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

export function AuditPage(props: AuditPageProps) {
  const { lang } = props;
  const problemsAt = new Map<number, string[]>();
  for (const p of props.problems) problemsAt.set(p.seq, [...(problemsAt.get(p.seq) ?? []), PROBLEM[p.problem]?.[lang] ?? p.problem]);
  return (
    <Layout lang={lang} title={T.title[lang]} path={`/staff/audit${filterQuery(props.filter)}`} user={props.user} csrfToken={props.csrfToken}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
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
        <Select name="campaignId" label={T.campaign[lang]} lang={lang} value={props.filter.campaignId ?? ''} placeholder={T.all[lang]}
          options={props.campaigns.map((c) => ({ value: c.id, label: c.title }))} />
        <Select name="person" label={T.person[lang]} lang={lang} value={props.filter.person ?? ''} placeholder={T.all[lang]}
          options={props.people.map((p) => ({ value: p.id, label: p.id === SYSTEM_ACTOR ? T.system[lang] : p.name }))} />
        <div class="actions">
          <Button>{T.apply[lang]}</Button>
          {props.filter.campaignId || props.filter.person ? <a href="/staff/audit">{T.clear[lang]}</a> : null}
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
    </Layout>
  );
}
