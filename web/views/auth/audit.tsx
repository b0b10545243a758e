import type { Lang, Text } from '../../../server/domain/i18n';
import { Layout } from '../layout';
import { Alert, DateText, Table } from '../components';

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
  latest: { vi: '100 mục gần nhất', en: 'The latest 100 entries' },
  seq: { vi: 'Số thứ tự', en: 'No.' },
  at: { vi: 'Thời gian', en: 'Time' },
  actor: { vi: 'Người thực hiện', en: 'By' },
  action: { vi: 'Việc', en: 'Action' },
  entity: { vi: 'Đối tượng', en: 'Record' },
  check: { vi: 'Kiểm tra', en: 'Check' },
  ok: { vi: 'Khớp', en: 'OK' },
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
  latest: { seq: number; at: string; actor: string; action: string; entity: string; entityId: string }[];
}

export function AuditPage(props: AuditPageProps) {
  const { lang } = props;
  const problemsAt = new Map<number, string[]>();
  for (const p of props.problems) problemsAt.set(p.seq, [...(problemsAt.get(p.seq) ?? []), PROBLEM[p.problem]?.[lang] ?? p.problem]);
  return (
    <Layout lang={lang} title={T.title[lang]} path="/staff/audit" user={props.user} csrfToken={props.csrfToken}>
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
      <Table
        caption={T.latest[lang]}
        lang={lang}
        id="audit-entries"
        rows={props.latest}
        columns={[
          { label: T.seq[lang], numeric: true, rowHeader: true, cell: (e) => e.seq },
          { label: T.at[lang], cell: (e) => <DateText iso={e.at} time /> },
          { label: T.actor[lang], cell: (e) => e.actor },
          { label: T.action[lang], cell: (e) => <code>{e.action}</code> },
          { label: T.entity[lang], cell: (e) => `${e.entity} ${e.entityId}` },
          { label: T.check[lang], cell: (e) => (problemsAt.has(e.seq) ? <strong class="error-text">{problemsAt.get(e.seq)!.join('; ')}</strong> : T.ok[lang]) },
        ]}
      />
    </Layout>
  );
}
