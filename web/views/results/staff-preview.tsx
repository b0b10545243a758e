import type { Text } from '../../../server/domain/i18n';
import { formatDate } from '../../../server/domain/i18n';
import { Alert, Button, ErrorSummary, Field, LinkButton, Table } from '../components';
import { ResultsContent, type ResultsPageProps } from './results-page';

const T = {
  publish: { vi: 'Công bố kết quả', en: 'Publish the results' },
  republish: { vi: 'Công bố bản đính chính', en: 'Publish a correction' },
  publishHint: {
    vi: 'Người dân sẽ thấy đúng như trang này. Khi công bố, kết quả được chốt lại (không sửa được), mã kiểm tra được ghi vào nhật ký.',
    en: 'The public will see exactly this page. Publishing freezes the results (they cannot be edited) and writes their checksum to the audit log.',
  },
  reason: { vi: 'Lý do đính chính (bắt buộc, được công khai)', en: 'Reason for the correction (required, made public)' },
  notClosed: { vi: 'Chỉ công bố được sau khi đóng đợt lấy ý kiến.', en: 'Results can be published only after the campaign is closed.' },
  published: { vi: 'Đã công bố', en: 'Published' },
  publicPage: { vi: 'Trang kết quả công khai', en: 'The public results page' },
  finalNotice: { vi: 'Thông báo kết quả để niêm yết (PDF, bản đã công bố)', en: 'Results notice for posting (PDF, as published)' },
  correction: { vi: 'Đính chính', en: 'Correction' },
  correctionHint: {
    vi: 'Nếu số liệu có sai sót, xem trước số liệu tính lại từ các biên bản đã xác nhận, rồi công bố bản đính chính kèm lý do.',
    en: 'If a number is wrong, preview the results computed again from the confirmed tally sheets, then publish a correction with its reason.',
  },
  previewCorrection: { vi: 'Xem trước số liệu tính lại', en: 'Preview the results computed again' },
  backToPublished: { vi: 'Về bản đã công bố', en: 'Back to the published version' },
  opinions: { vi: 'Ý kiến bằng lời (chỉ cán bộ xem; để tổng hợp theo nhóm)', en: 'Written opinions (staff only; to group under themes)' },
  confirm: { vi: 'Công bố kết quả này? Sau khi công bố không thể sửa, chỉ có thể đính chính bằng phiên bản mới.', en: 'Publish these results? They cannot be edited afterwards, only corrected by a new version.' },
  recognition: { vi: 'Ghi quyết định công nhận (số, ngày, người ký, ảnh chụp)', en: 'Record the recognition decision (number, date, signer, scan)' },
  answerId: { vi: 'Mã phiếu', en: 'Answer id' },
  question: { vi: 'Câu hỏi', en: 'Question' },
  opinion: { vi: 'Ý kiến', en: 'Opinion' },
  theme: { vi: 'Nhóm', en: 'Theme' },
} satisfies Record<string, Text>;

export interface StaffPreviewProps extends ResultsPageProps {
  csrfToken: string;
  canPublish: boolean;
  status: string;
  opinions: { ballotId: string; question: string; text: string; themeId: string | null; label?: Text }[];
  errors?: { path: string; message: string }[];
  notice?: string;
  justPublished?: number;
}

/** "Phiên bản 2, công bố ngày 30/11/2026" */
const versionLine = (version: number, publishedAt: string): Text => ({
  vi: `Phiên bản ${version}, công bố ngày ${formatDate(publishedAt)}.`,
  en: `Version ${version}, published on ${formatDate(publishedAt)}.`,
});

/**
 * The staff results page. Once published it shows the published version
 * (what the public sees, its final notice) under one state, "Đã công bố";
 * `preview` is the results computed now: before publication, or (asked for
 * with ?preview=1) to check a correction before publishing it.
 */
export function StaffPreview(props: StaffPreviewProps) {
  const { lang, publication } = props;
  const republish = props.status === 'published' || publication !== null;
  const reasonError = props.errors?.find((e) => e.path === 'reason')?.message;
  const id = props.snapshot.campaign.id;
  const slug = props.snapshot.campaign.slug;
  return (
    <>
      {!props.preview && publication ? (
        <Alert kind="ok" title={T.published[lang]}>
          <p class="publication-state">{versionLine(publication.version, publication.publishedAt)[lang]}</p>
          <ul>
            <li><a href={`/r/${slug}`}>{T.publicPage[lang]}</a></li>
            <li><a href={`/api/v1/campaigns/${id}/results-notice.pdf`}>{T.finalNotice[lang]}</a></li>
          </ul>
        </Alert>
      ) : null}
      {props.notice ? <Alert kind="error">{props.notice}</Alert> : null}
      {props.errors && props.errors.length > 0 ? <ErrorSummary lang={lang} errors={props.errors} /> : null}
      <ResultsContent {...props} />
      {props.recognition && props.recognition.status.state !== 'none' ? (
        <p><a href={`/staff/campaigns/${encodeURIComponent(props.snapshot.campaign.id)}/recognition`}>{T.recognition[lang]}</a></p>
      ) : null}
      {props.opinions.length > 0 ? (
        <Table
          lang={lang}
          caption={T.opinions[lang]}
          rows={props.opinions}
          columns={[
            { label: T.answerId[lang], cell: (o) => <code>{o.ballotId}</code>, rowHeader: true },
            { label: T.question[lang], cell: (o) => o.label?.[lang] ?? o.question },
            { label: T.opinion[lang], cell: (o) => o.text },
            { label: T.theme[lang], cell: (o) => o.themeId ?? '–' },
          ]}
        />
      ) : null}
      {!props.preview && publication ? (
        <section aria-labelledby="correction-title">
          <h2 id="correction-title">{T.correction[lang]}</h2>
          <p>{T.correctionHint[lang]}</p>
          <LinkButton href={`/staff/campaigns/${id}/results?preview=1`} variant="secondary">{T.previewCorrection[lang]}</LinkButton>
        </section>
      ) : props.canPublish ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">{republish ? T.republish[lang] : T.publish[lang]}</h2>
          <p>{T.publishHint[lang]}</p>
          <form method="post" action={`/staff/campaigns/${props.snapshot.campaign.id}/publish`} data-confirm={T.confirm[lang]}>
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            {republish ? <Field name="reason" label={T.reason[lang]} required error={reasonError} /> : null}
            <Button>{republish ? T.republish[lang] : T.publish[lang]}</Button>
          </form>
          {publication ? <p><a href={`/staff/campaigns/${id}/results`}>{T.backToPublished[lang]}</a></p> : null}
        </section>
      ) : (
        props.status === 'draft' || props.status === 'open' ? <p>{T.notClosed[lang]}</p> : null
      )}
    </>
  );
}
