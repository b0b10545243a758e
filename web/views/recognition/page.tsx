import type { Text } from '../../../server/domain/i18n';
import { formatDate } from '../../../server/domain/i18n';
import { RECOGNITION_BODY_NAME, type RecognitionStatus } from '../../../server/domain/recognition';
import type { CampaignKind } from '../../../server/domain/legal-rules';
import { Alert, Button, ErrorSummary, Field, Table } from '../components';
import { CsrfField, StaffPage, type StaffFrame } from '../campaigns/page';
import { RecognitionBlock } from './block';

// Staff record the decision that recognises a k3, k4 or k5 result (Đ21 k2):
// number, date, signer and a scan; the body is the law's, shown not asked.
// A second recording is a correction with a reason; every version is listed.

const T = {
  title: { vi: 'Quyết định công nhận', en: 'Recognition decision' },
  back: { vi: 'Về trang kết quả', en: 'Back to the results' },
  body: { vi: 'Cơ quan công nhận (theo luật)', en: 'Recognising body (by law)' },
  record: { vi: 'Ghi quyết định công nhận', en: 'Record the recognition decision' },
  correct: { vi: 'Đính chính quyết định công nhận', en: 'Correct the recognition decision' },
  number: { vi: 'Số quyết định', en: 'Decision number' },
  numberHint: { vi: 'Ví dụ: 12/QĐ-UBND', en: 'For example: 12/QĐ-UBND' },
  decidedOn: { vi: 'Ngày ký', en: 'Date signed' },
  signer: { vi: 'Người ký (họ tên, chức vụ)', en: 'Signed by (name, title)' },
  scan: { vi: 'Ảnh chụp quyết định (JPEG hoặc PNG, không bắt buộc)', en: 'Scan of the decision (JPEG or PNG, optional)' },
  scanHint: { vi: 'Người dân xem được ảnh này sau khi kết quả đã công bố.', en: 'The public can see it once the results are published.' },
  reason: { vi: 'Lý do đính chính (bắt buộc)', en: 'Reason for the correction (required)' },
  save: { vi: 'Ghi lại', en: 'Record' },
  saved: { vi: 'Đã ghi quyết định công nhận.', en: 'The recognition decision is recorded.' },
  notYet: { vi: 'Chỉ ghi quyết định công nhận sau khi đã đóng đợt và có kết quả.', en: 'A recognition is recorded once the campaign is closed and counted.' },
  none: { vi: 'Kết quả đợt này có hiệu lực từ ngày thông qua, không cần quyết định công nhận.', en: 'This result takes effect when adopted; no recognition is needed.' },
  history: { vi: 'Các lần ghi', en: 'Recorded versions' },
  version: { vi: 'Lần', en: 'Version' },
  recordedAt: { vi: 'Ghi lúc', en: 'Recorded' },
  open: { vi: 'Xem ảnh', en: 'Open' },
} satisfies Record<string, Text>;

export const RECOGNITION_TEXT = T;

export interface RecognitionRowView {
  version: number; number: string; decidedOn: string; signer: string; reason: string; scan: string | null; recordedAt: string;
}

export function RecognitionPage(props: StaffFrame & {
  campaign: { id: string; title: string; kind: CampaignKind; status: string };
  status: RecognitionStatus;
  history: RecognitionRowView[];
  canRecord: boolean;
  today: string;
  values: Record<string, string>;
  errors: { path: string; message: string }[];
  notice?: string;
}) {
  const { lang, values, status } = props;
  const err = (p: string) => props.errors.find((e) => e.path === p)?.message;
  const correcting = status.state === 'recognised';
  const latestScan = props.history[0]?.scan ?? null;
  return (
    <StaffPage {...props} title={`${T.title[lang]} – ${props.campaign.title}`}>
      <nav class="breadcrumbs" aria-label={T.back[lang]}><a href={`/staff/campaigns/${encodeURIComponent(props.campaign.id)}/results`}>{T.back[lang]}</a></nav>
      <h1>{T.title[lang]}: {props.campaign.title}</h1>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      {status.state === 'none' ? <p>{T.none[lang]}</p> : (
        <>
          <RecognitionBlock lang={lang} kind={props.campaign.kind} status={status} scanUrl={latestScan} />
          <p>{T.body[lang]}: <strong>{RECOGNITION_BODY_NAME[status.body].full[lang]}</strong></p>
          {props.history.length > 0 ? (
            <Table lang={lang} caption={T.history[lang]} rows={props.history} columns={[
              { label: T.version[lang], cell: (r) => String(r.version), rowHeader: true },
              { label: T.number[lang], cell: (r) => r.number },
              { label: T.decidedOn[lang], cell: (r) => formatDate(`${r.decidedOn}T12:00:00+07:00`) },
              { label: T.signer[lang], cell: (r) => r.signer },
              { label: T.reason[lang], cell: (r) => r.reason || '–' },
              { label: T.scan[lang], cell: (r) => (r.scan ? <a href={r.scan}>{T.open[lang]}</a> : '–') },
              { label: T.recordedAt[lang], cell: (r) => formatDate(r.recordedAt) },
            ]} />
          ) : null}
          {props.canRecord ? (
            <section aria-labelledby="record-title">
              <h2 id="record-title">{correcting ? T.correct[lang] : T.record[lang]}</h2>
              <ErrorSummary lang={lang} errors={props.errors} />
              <form method="post" action={`/staff/campaigns/${encodeURIComponent(props.campaign.id)}/recognition`} enctype="multipart/form-data" novalidate>
                <CsrfField token={props.csrfToken} />
                <Field name="number" label={T.number[lang]} hint={T.numberHint[lang]} required maxlength={60} lang={lang} value={values.number} error={err('number')} />
                <Field name="decidedOn" type="date" label={T.decidedOn[lang]} required max={props.today} lang={lang} value={values.decidedOn ?? props.today} error={err('decidedOn')} />
                <Field name="signer" label={T.signer[lang]} required maxlength={200} lang={lang} value={values.signer} error={err('signer')} />
                <Field name="scan" type="file" accept="image/jpeg,image/png" label={T.scan[lang]} hint={T.scanHint[lang]} lang={lang} error={err('scan')} />
                {correcting ? <Field name="reason" label={T.reason[lang]} required maxlength={2000} lang={lang} value={values.reason} error={err('reason')} /> : null}
                <Button>{T.save[lang]}</Button>
              </form>
            </section>
          ) : props.campaign.status === 'draft' || props.campaign.status === 'open' ? <p>{T.notYet[lang]}</p> : null}
        </>
      )}
    </StaffPage>
  );
}
