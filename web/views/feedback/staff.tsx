import type { Lang, Text } from '../../../server/domain/i18n';
import { formatDate, formatNumber } from '../../../server/domain/i18n';
import { groupSerial } from '../../../server/domain/serial';
import { Alert, Badge, Button, Checkbox, DateText, ErrorSummary, Field, LinkButton, RadioGroup, Select, Table } from '../components';
import { CsrfField, StaffPage, type StaffFrame } from '../campaigns/page';
import { ASSIGNEE_LABEL, CHANNEL_LABEL, KIND_HINT, KIND_LABEL, STATUS_LABEL, label } from './labels';

// The commune's side of feedback: the list with each item's deadline
// (overdue ones in red), one item with its history, assignment, answer and
// publication, paper entry, and the commune's settings.

const T = {
  title: { vi: 'Góp ý, phản ánh, kiến nghị', en: 'Feedback' },
  intro: {
    vi: 'Ý kiến người dân gửi qua mã QR, hòm thư, họp thôn hay tại Bộ phận Một cửa. Họ tên, số điện thoại người gửi chỉ hiện với người đang xử lý.',
    en: 'What people sent by QR, letter box, village meeting or at the counter. Senders’ names and phones show only to whoever handles the item.',
  },
  newPaper: { vi: 'Nhập ý kiến nhận trên giấy', en: 'Enter a paper item' },
  settings: { vi: 'Danh mục, thời hạn lưu, in mã QR', en: 'Lists, retention, QR posters' },
  publicPage: { vi: 'Trang công khai', en: 'Public page' },
  filter: { vi: 'Lọc', en: 'Filter' },
  status: { vi: 'Trạng thái', en: 'Status' },
  all: { vi: '— Tất cả —', en: '— All —' },
  village: { vi: 'Thôn', en: 'Village' },
  overdueOnly: { vi: 'Chỉ những kiến nghị quá hạn', en: 'Overdue requests only' },
  caption: { vi: 'Ý kiến đã nhận, mới nhất trước', en: 'Items received, newest first' },
  received: { vi: 'Ngày nhận', en: 'Received' },
  kind: { vi: 'Loại', en: 'Kind' },
  text: { vi: 'Nội dung', en: 'Text' },
  due: { vi: 'Hạn trả lời', en: 'Due' },
  handler: { vi: 'Giao cho', en: 'Given to' },
  noDeadline: { vi: 'không có hạn luật định', en: 'no legal deadline' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  daysLeft: { vi: 'còn {n} ngày', en: '{n} days left' },
  empty: { vi: 'Chưa có ý kiến nào.', en: 'No items yet.' },
  unassigned: { vi: 'Chưa giao', en: 'Not assigned' },
  boardShort: { vi: 'Ban TTND', en: 'Inspection board' },
} satisfies Record<string, Text>;

export interface FeedbackRow {
  id: string;
  kind: string;
  channel: string;
  text: string;
  villageName: string | null;
  topic: string;
  status: string;
  receivedOn: string;
  due: string | null;
  overdue: boolean;
  daysLeft: number | null;
  onTime: boolean | null;
  assignee: string | null;
  department: string | null;
  officerName: string | null;
  published: boolean;
}

const day = (d: string | null) => (d ? formatDate(`${d}T12:00:00+07:00`) : '');
const short = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function handlerText(r: Pick<FeedbackRow, 'assignee' | 'department' | 'officerName'>, lang: Lang): string {
  if (!r.assignee) return T.unassigned[lang];
  if (r.assignee === 'inspection_board') return T.boardShort[lang];
  return [r.department, r.officerName].filter(Boolean).join(' · ') || label(ASSIGNEE_LABEL, r.assignee, lang);
}

/** The deadline cell: red and "Quá hạn" once past, days left otherwise. */
export function DueCell(props: { lang: Lang; row: Pick<FeedbackRow, 'due' | 'overdue' | 'daysLeft' | 'status' | 'onTime'> }) {
  const { lang, row: r } = props;
  if (!r.due) return <span class="muted small">{T.noDeadline[lang]}</span>;
  if (r.overdue) return <span class="due-overdue"><strong>{day(r.due)}</strong> <Badge tone="error">{T.overdue[lang]}</Badge></span>;
  if (r.status === 'answered') return <span>{day(r.due)}</span>;
  return <span>{day(r.due)} <span class="hint">{T.daysLeft[lang].replace('{n}', formatNumber(r.daysLeft ?? 0))}</span></span>;
}

export function StatusCell(props: { lang: Lang; status: string; published?: boolean }) {
  const s = STATUS_LABEL[props.status];
  return (
    <>
      <Badge tone={s?.tone ?? 'neutral'}>{s?.text[props.lang] ?? props.status}</Badge>
      {props.published ? <> <Badge tone="info">{props.lang === 'vi' ? 'Công khai' : 'Published'}</Badge></> : null}
    </>
  );
}

export interface FeedbackListProps extends StaffFrame {
  rows: FeedbackRow[];
  villages: { id: string; name: string }[];
  filter: { status: string; villageId: string; overdue: boolean };
  canEnter: boolean;
  canSettings: boolean;
  canPrint: boolean;
  communeSlug: string;
}

export function FeedbackListPage(props: FeedbackListProps) {
  const { lang } = props;
  return (
    <StaffPage {...props} title={T.title[lang]}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
      <div class="actions">
        {props.canEnter ? <LinkButton href="/staff/feedback/new">{T.newPaper[lang]}</LinkButton> : null}
        {props.canPrint ? <LinkButton href="/staff/feedback/settings" variant="secondary">{T.settings[lang]}</LinkButton> : null}
        <LinkButton href={`/x/${encodeURIComponent(props.communeSlug)}/gop-y`} variant="secondary">{T.publicPage[lang]}</LinkButton>
      </div>
      <form method="get" action="/staff/feedback" class="filters">
        <Select name="status" label={T.status[lang]} placeholder={T.all[lang]} value={props.filter.status}
          options={Object.entries(STATUS_LABEL).map(([v, s]) => ({ value: v, label: s.text[lang] }))} />
        {props.villages.length > 1 ? (
          <Select name="villageId" label={T.village[lang]} placeholder={T.all[lang]} value={props.filter.villageId}
            options={props.villages.map((v) => ({ value: v.id, label: v.name }))} />
        ) : null}
        <Checkbox name="overdue" label={T.overdueOnly[lang]} checked={props.filter.overdue} />
        <Button variant="secondary">{T.filter[lang]}</Button>
      </form>
      <Table
        lang={lang} caption={T.caption[lang]} empty={T.empty[lang]} rows={props.rows} id="feedback-table"
        columns={[
          { label: T.received[lang], cell: (r) => day(r.receivedOn) },
          { label: T.kind[lang], cell: (r) => <>{label(KIND_LABEL, r.kind, lang)}<span class="hint">{r.topic}</span></> },
          { label: T.text[lang], rowHeader: true, cell: (r) => <a href={`/staff/feedback/${encodeURIComponent(r.id)}`}>{short(r.text)}</a> },
          { label: T.village[lang], cell: (r) => r.villageName ?? '' },
          { label: T.status[lang], cell: (r) => <StatusCell lang={lang} status={r.status} published={r.published} /> },
          { label: T.due[lang], cell: (r) => <DueCell lang={lang} row={r} /> },
          { label: T.handler[lang], cell: (r) => handlerText(r, lang) },
        ]}
      />
    </StaffPage>
  );
}

const H = {
  title: { vi: 'Góp ý, kiến nghị cần trả lời', en: 'Feedback to answer' },
  overdue: { vi: 'kiến nghị đã quá hạn trả lời', en: 'requests past their deadline' },
  soon: { vi: 'đến hạn trong 7 ngày tới', en: 'due within 7 days' },
  open: { vi: 'ý kiến chưa trả lời', en: 'items not yet answered' },
  all: { vi: 'Xem tất cả', en: 'See all' },
} satisfies Record<string, Text>;

/** The staff home's feedback box: overdue requests first, in red, then those due this week. */
export function FeedbackHomeSection(props: { lang: Lang; overdue: FeedbackRow[]; soon: FeedbackRow[]; open: number }) {
  const { lang } = props;
  const rows = [...props.overdue, ...props.soon];
  return (
    <section aria-labelledby="feedback-home-title" class="feedback-home">
      <h2 id="feedback-home-title">{H.title[lang]}</h2>
      <ul class="inline-stats">
        <li class={props.overdue.length ? 'due-overdue' : undefined}><strong>{formatNumber(props.overdue.length)}</strong> {H.overdue[lang]}</li>
        <li><strong>{formatNumber(props.soon.length)}</strong> {H.soon[lang]}</li>
        <li><strong>{formatNumber(props.open)}</strong> {H.open[lang]}</li>
      </ul>
      {rows.length ? (
        <Table lang={lang} caption={H.title[lang]} captionHidden rows={rows} id="feedback-due" columns={[
          { label: T.text[lang], rowHeader: true, cell: (r) => <a href={`/staff/feedback/${encodeURIComponent(r.id)}`}>{short(r.text, 80)}</a> },
          { label: T.village[lang], cell: (r) => r.villageName ?? '' },
          { label: T.due[lang], cell: (r) => <DueCell lang={lang} row={r} /> },
          { label: T.handler[lang], cell: (r) => handlerText(r, lang) },
        ]} />
      ) : null}
      <p><a href={props.overdue.length ? '/staff/feedback?overdue=1' : '/staff/feedback'}>{H.all[lang]}</a></p>
    </section>
  );
}

const D = {
  back: { vi: 'Góp ý, phản ánh, kiến nghị', en: 'Feedback' },
  created: { vi: 'Đã ghi nhận ý kiến. Hãy đưa cho người gửi mã theo dõi này để xem câu trả lời tại trang /g:', en: 'Recorded. Give the sender this tracking code to read the answer at /g:' },
  assigned: { vi: 'Đã giao xử lý.', en: 'Assigned.' },
  answered: { vi: 'Đã lưu câu trả lời.', en: 'Answer saved.' },
  published: { vi: 'Đã cập nhật việc công khai.', en: 'Publication updated.' },
  channel: { vi: 'Nguồn', en: 'Came by' },
  topic: { vi: 'Lĩnh vực', en: 'Topic' },
  code: { vi: 'Mã theo dõi', en: 'Tracking code' },
  sender: { vi: 'Người gửi', en: 'Sender' },
  senderHidden: { vi: 'Người gửi có để lại liên hệ; chỉ người đang xử lý được xem.', en: 'The sender left contact details; only whoever handles the item sees them.' },
  senderNone: { vi: 'Người gửi không để lại liên hệ.', en: 'The sender left no contact details.' },
  anonymised: { vi: 'Thông tin cá nhân đã được xóa ngày', en: 'Personal data was deleted on' },
  keptUntil: { vi: 'Họ tên, số điện thoại, ảnh được xóa sau ngày', en: 'Name, phone and photo are deleted after' },
  name: { vi: 'Họ tên', en: 'Name' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  photo: { vi: 'Ảnh người gửi kèm', en: 'Photo sent' },
  photoLink: { vi: 'Xem ảnh', en: 'Open the photo' },
  text: { vi: 'Nội dung ý kiến', en: 'What was sent' },
  assign: { vi: 'Giao xử lý', en: 'Assign' },
  assignee: { vi: 'Giao cho', en: 'Give to' },
  department: { vi: 'Bộ phận', en: 'Department' },
  officer: { vi: 'Cán bộ (bắt buộc khi giao cho một cán bộ)', en: 'Officer (needed when giving it to one officer)' },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  note: { vi: 'Ghi chú cho người nhận (không bắt buộc)', en: 'Note for them (optional)' },
  assignButton: { vi: 'Giao', en: 'Assign' },
  answer: { vi: 'Trả lời (giải trình)', en: 'Answer' },
  answerText: { vi: 'Nội dung trả lời', en: 'The answer' },
  answerHint: {
    vi: 'Người gửi đọc câu trả lời tại trang theo dõi bằng mã của họ; ai có mã cũng đọc được, nên không ghi họ tên, số điện thoại, địa chỉ người gửi.',
    en: 'The sender reads it on their tracking page; anyone with the code can, so leave out the sender’s name, phone and address.',
  },
  publish: { vi: 'Công khai câu trả lời trên trang của xã', en: 'Publish the answer on the commune’s page' },
  summary: { vi: 'Tóm tắt nội dung để công khai', en: 'Summary to publish' },
  summaryHint: { vi: 'Viết bằng lời của cán bộ; không ghi họ tên, số điện thoại, địa chỉ người gửi. Bắt buộc khi công khai.', en: 'In your own words; no sender’s name, phone or address. Needed to publish.' },
  save: { vi: 'Lưu câu trả lời', en: 'Save the answer' },
  publication: { vi: 'Công khai', en: 'Publication' },
  isPublic: { vi: 'Câu trả lời đang được công khai.', en: 'The answer is published.' },
  notPublic: { vi: 'Câu trả lời chưa công khai.', en: 'The answer is not published.' },
  doPublish: { vi: 'Công khai', en: 'Publish' },
  unpublish: { vi: 'Thôi công khai', en: 'Take it off the public page' },
  history: { vi: 'Diễn biến', en: 'History' },
  received: { vi: 'Ngày nhận', en: 'Received' },
  answeredOn: { vi: 'Ngày trả lời', en: 'Answered on' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  cannotAnswer: { vi: 'Ý kiến này đang do người khác xử lý.', en: 'Someone else handles this item.' },
} satisfies Record<string, Text>;

const ACTION: Record<string, Text> = {
  received: { vi: 'Tiếp nhận', en: 'Received' },
  assign: { vi: 'Giao xử lý', en: 'Assigned' },
  answer: { vi: 'Trả lời', en: 'Answered' },
  correct_answer: { vi: 'Sửa câu trả lời', en: 'Answer corrected' },
  publish: { vi: 'Công khai', en: 'Published' },
  unpublish: { vi: 'Thôi công khai', en: 'Unpublished' },
  anonymise: { vi: 'Xóa thông tin cá nhân (hết thời hạn lưu)', en: 'Personal data deleted (retention)' },
  erase_contact: { vi: 'Người gửi xóa thông tin cá nhân', en: 'The sender deleted their details' },
};

export interface FeedbackDetailView extends FeedbackRow {
  answer: string | null;
  answeredOn: string | null;
  publicSummary: string | null;
  anonymisedAt: string | null;
  retentionEndsOn: string | null;
  officerId: string | null;
  handles: boolean;
  mayAnswer: boolean;
  hasContact: boolean;
  contact: { name: string | null; phone: string | null; photoUrl: string | null } | null;
  code: string | null;
  history: { at: string; action: string; by: string | null; data: Record<string, unknown> }[];
}

export interface FeedbackDetailProps extends StaffFrame {
  item: FeedbackDetailView;
  canAssign: boolean;
  canPublish: boolean;
  departments: string[];
  officers: { id: string; name: string }[];
  notice?: string;
  errors: { path: string; message: string }[];
  values: Record<string, string>;
}

function Paragraphs(props: { text: string }) {
  return <>{props.text.split('\n').filter((p) => p.trim()).map((p) => <p>{p}</p>)}</>;
}

export function FeedbackDetailPage(props: FeedbackDetailProps) {
  const { lang, item: i, values } = props;
  const base = `/staff/feedback/${encodeURIComponent(i.id)}`;
  const err = (p: string) => props.errors.find((e) => e.path === p)?.message;
  return (
    <StaffPage {...props} title={`${label(KIND_LABEL, i.kind, lang)} – ${day(i.receivedOn)}`}>
      <nav class="breadcrumbs" aria-label={D.back[lang]}><a href="/staff/feedback">{D.back[lang]}</a></nav>
      <h1>{label(KIND_LABEL, i.kind, lang)}{i.topic ? `: ${i.topic}` : ''}</h1>
      <p><StatusCell lang={lang} status={i.status} published={i.published} /> {i.overdue ? <Badge tone="error">{T.overdue[lang]}</Badge> : null}</p>
      {props.notice ? <Alert kind="ok">{props.notice}{i.code && props.notice === D.created[lang] ? <> <strong class="tracking-code">{groupSerial(i.code)}</strong></> : null}</Alert> : null}
      <ErrorSummary lang={lang} errors={props.errors} />
      <dl class="facts">
        <dt>{D.received[lang]}</dt><dd>{day(i.receivedOn)}</dd>
        <dt>{D.channel[lang]}</dt><dd>{label(CHANNEL_LABEL, i.channel, lang)}</dd>
        <dt>{T.village[lang]}</dt><dd>{i.villageName ?? '–'}</dd>
        <dt>{D.topic[lang]}</dt><dd>{i.topic || '–'}</dd>
        <dt>{T.due[lang]}</dt><dd><DueCell lang={lang} row={i} /></dd>
        {i.answeredOn ? (<><dt>{D.answeredOn[lang]}</dt><dd>{day(i.answeredOn)} {i.onTime === true ? <Badge tone="ok">{D.onTime[lang]}</Badge> : i.onTime === false ? <Badge tone="warn">{D.late[lang]}</Badge> : null}</dd></>) : null}
        <dt>{T.handler[lang]}</dt><dd>{handlerText(i, lang)}</dd>
        {i.code ? (<><dt>{D.code[lang]}</dt><dd class="tracking-code">{groupSerial(i.code)}</dd></>) : null}
      </dl>
      <section aria-labelledby="sender-title" class="contact-panel">
        <h2 id="sender-title">{D.sender[lang]}</h2>
        {i.contact ? (
          <dl class="facts">
            {i.contact.name ? (<><dt>{D.name[lang]}</dt><dd>{i.contact.name}</dd></>) : null}
            {i.contact.phone ? (<><dt>{D.phone[lang]}</dt><dd><a href={`tel:${i.contact.phone}`}>{i.contact.phone}</a></dd></>) : null}
            {i.contact.photoUrl ? (<><dt>{D.photo[lang]}</dt><dd><a href={i.contact.photoUrl}>{D.photoLink[lang]}</a></dd></>) : null}
          </dl>
        ) : <p>{i.anonymisedAt ? <>{D.anonymised[lang]} <DateText iso={i.anonymisedAt} />.</> : i.hasContact ? D.senderHidden[lang] : D.senderNone[lang]}</p>}
        {i.contact && i.retentionEndsOn ? <p class="hint">{D.keptUntil[lang]} {day(i.retentionEndsOn)}.</p> : null}
      </section>
      <section aria-labelledby="text-title">
        <h2 id="text-title">{D.text[lang]}</h2>
        <div class="feedback-text"><Paragraphs text={i.text} /></div>
      </section>
      {props.canAssign && i.status !== 'answered' ? (
        <section aria-labelledby="assign-title">
          <h2 id="assign-title">{D.assign[lang]}</h2>
          <form method="post" action={`${base}/assign`}>
            <CsrfField token={props.csrfToken} />
            <RadioGroup name="assignee" legend={D.assignee[lang]} lang={lang} required value={values.assignee ?? i.assignee ?? 'department'} error={err('assignee')}
              options={(['department', 'officer', 'inspection_board'] as const).map((a) => ({ value: a, label: ASSIGNEE_LABEL[a]![lang] }))} />
            <Select name="department" label={D.department[lang]} placeholder={D.choose[lang]} lang={lang} value={values.department ?? i.department} error={err('department')}
              options={props.departments.map((d) => ({ value: d, label: d }))} />
            <Select name="officerId" label={D.officer[lang]} placeholder={D.choose[lang]} lang={lang} value={values.officerId ?? i.officerId} error={err('officerId')}
              options={props.officers.map((o) => ({ value: o.id, label: o.name }))} />
            <Field name="note" label={D.note[lang]} maxlength={500} lang={lang} value={values.note ?? ''} />
            <Button>{D.assignButton[lang]}</Button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="answer-title">
        <h2 id="answer-title">{D.answer[lang]}</h2>
        {i.answer ? <div class="answer-text"><Paragraphs text={i.answer} /></div> : null}
        {i.mayAnswer ? (
          <form method="post" action={`${base}/answer`}>
            <CsrfField token={props.csrfToken} />
            <Field name="answer" label={D.answerText[lang]} hint={D.answerHint[lang]} multiline rows={6} required lang={lang} value={values.answer ?? i.answer ?? ''} error={err('answer')} />
            {props.canPublish ? (
              <>
                <Checkbox name="publish" label={D.publish[lang]} checked={values.publish !== undefined ? values.publish === '1' : i.published} lang={lang} />
                <Field name="publicSummary" label={D.summary[lang]} hint={D.summaryHint[lang]} multiline rows={3} lang={lang} value={values.publicSummary ?? i.publicSummary ?? ''} error={err('publicSummary')} />
              </>
            ) : null}
            <Button>{D.save[lang]}</Button>
          </form>
        ) : i.answer ? null : <p>{D.cannotAnswer[lang]}</p>}
      </section>
      {props.canPublish && i.status === 'answered' ? (
        <section aria-labelledby="publication-title">
          <h2 id="publication-title">{D.publication[lang]}</h2>
          <p>{i.published ? D.isPublic[lang] : D.notPublic[lang]}</p>
          <form method="post" action={`${base}/publication`}>
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="publish" value={i.published ? '0' : '1'} />
            {i.published ? null : <Field name="publicSummary" label={D.summary[lang]} hint={D.summaryHint[lang]} multiline rows={3} lang={lang} value={values.publicSummary ?? i.publicSummary ?? ''} error={err('publicSummary')} id="f-publication-summary" />}
            <Button variant={i.published ? 'secondary' : 'primary'}>{i.published ? D.unpublish[lang] : D.doPublish[lang]}</Button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{D.history[lang]}</h2>
        <ol class="history">
          {i.history.map((h) => (
            <li><DateText iso={h.at} time /> – {ACTION[h.action]?.[lang] ?? h.action}{h.by ? ` (${h.by})` : ''}{typeof h.data.answer === 'string' ? <blockquote><Paragraphs text={h.data.answer} /></blockquote> : null}</li>
          ))}
        </ol>
      </section>
    </StaffPage>
  );
}

export const FEEDBACK_NOTICES = D;

const N = {
  title: { vi: 'Nhập ý kiến nhận trên giấy', en: 'Enter a paper item' },
  intro: {
    vi: 'Thư bỏ hòm thư góp ý, ý kiến nêu tại họp thôn hay tại Bộ phận Một cửa được nhập ở đây và xử lý như ý kiến gửi trực tuyến. Hạn trả lời tính từ ngày nhận.',
    en: 'Letters from the box, points raised at village meetings or at the counter go here and are handled like online items. Deadlines count from the day received.',
  },
  channel: { vi: 'Nhận qua', en: 'Received by' },
  receivedOn: { vi: 'Ngày nhận', en: 'Day received' },
  kind: { vi: 'Loại ý kiến', en: 'Kind' },
  village: { vi: 'Thôn', en: 'Village' },
  noVillage: { vi: '— Không thuộc thôn nào —', en: '— No village —' },
  topic: { vi: 'Lĩnh vực', en: 'Topic' },
  chooseTopic: { vi: '— Chọn lĩnh vực —', en: '— Choose —' },
  text: { vi: 'Nội dung (chép từ thư)', en: 'Text (as written)' },
  photo: { vi: 'Ảnh chụp thư (không bắt buộc)', en: 'Photo of the letter (optional)' },
  contact: { vi: 'Liên hệ người gửi (nếu có)', en: 'Sender’s contact (if given)' },
  name: { vi: 'Họ và tên', en: 'Name' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  consent: { vi: 'Người gửi đồng ý để xã dùng họ tên, số điện thoại này chỉ để trả lời họ.', en: 'The sender agreed that the commune uses this name and phone only to answer them.' },
  save: { vi: 'Ghi nhận', en: 'Record' },
} satisfies Record<string, Text>;

export function PaperFeedbackPage(props: StaffFrame & {
  villages: { id: string; name: string }[]; topics: string[]; values: Record<string, string>; errors: { path: string; message: string }[]; today: string;
}) {
  const { lang, values } = props;
  const err = (p: string) => props.errors.find((e) => e.path === p)?.message;
  return (
    <StaffPage {...props} title={N.title[lang]}>
      <nav class="breadcrumbs" aria-label={D.back[lang]}><a href="/staff/feedback">{D.back[lang]}</a></nav>
      <h1>{N.title[lang]}</h1>
      <p>{N.intro[lang]}</p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <form method="post" action="/staff/feedback/new" enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrfToken} />
        {values.key ? <input type="hidden" name="key" value={values.key} /> : null}
        <RadioGroup name="channel" legend={N.channel[lang]} required lang={lang} value={values.channel ?? 'paper'} error={err('channel')}
          options={(['paper', 'meeting', 'counter'] as const).map((ch) => ({ value: ch, label: CHANNEL_LABEL[ch]![lang] }))} />
        <Field name="receivedOn" type="date" label={N.receivedOn[lang]} required max={props.today} lang={lang} value={values.receivedOn ?? props.today} error={err('receivedOn')} />
        <RadioGroup name="kind" legend={N.kind[lang]} required lang={lang} value={values.kind ?? 'gop_y'} error={err('kind')}
          options={(['gop_y', 'phan_anh', 'kien_nghi'] as const).map((k) => ({ value: k, label: KIND_LABEL[k]![lang], hint: KIND_HINT[k]![lang] }))} />
        <Select name="villageId" label={N.village[lang]} placeholder={props.villages.length > 1 ? N.noVillage[lang] : undefined} lang={lang} value={values.villageId} error={err('villageId')}
          options={props.villages.map((v) => ({ value: v.id, label: v.name }))} />
        <Select name="topic" label={N.topic[lang]} placeholder={N.chooseTopic[lang]} lang={lang} value={values.topic} error={err('topic')}
          options={props.topics.map((t) => ({ value: t, label: t }))} />
        <Field name="text" label={N.text[lang]} multiline rows={6} required maxlength={5000} lang={lang} value={values.text} error={err('text')} />
        <Field name="photo" type="file" label={N.photo[lang]} accept="image/jpeg,image/png" lang={lang} error={err('photo')} />
        <fieldset class="contact-box">
          <legend>{N.contact[lang]}</legend>
          <Field name="name" label={N.name[lang]} maxlength={100} lang={lang} value={values.name} error={err('name')} />
          <Field name="phone" type="tel" inputmode="tel" label={N.phone[lang]} maxlength={20} short lang={lang} value={values.phone} error={err('phone')} />
          <Checkbox name="consent" label={N.consent[lang]} checked={values.consent === '1'} lang={lang} error={err('consent')} />
        </fieldset>
        <Button>{N.save[lang]}</Button>
      </form>
    </StaffPage>
  );
}

const S = {
  title: { vi: 'Cài đặt góp ý, phản ánh, kiến nghị', en: 'Feedback settings' },
  topics: { vi: 'Các lĩnh vực người dân chọn (mỗi dòng một lĩnh vực)', en: 'Topics people choose from (one per line)' },
  departments: { vi: 'Các bộ phận được giao xử lý (mỗi dòng một bộ phận)', en: 'Departments items are given to (one per line)' },
  retention: { vi: 'Thời hạn lưu họ tên, số điện thoại, ảnh người gửi (số ngày sau khi trả lời)', en: 'Days the sender’s name, phone and photo are kept after the answer' },
  retentionHint: {
    vi: 'Từ 30 đến 3.650 ngày. Hết hạn, hệ thống tự xóa mỗi ngày; nội dung và câu trả lời vẫn được giữ (xem docs/personal-data.md).',
    en: 'From 30 to 3,650 days. Past it the daily job deletes them; the text and the answer stay (see docs/personal-data.md).',
  },
  save: { vi: 'Lưu cài đặt', en: 'Save' },
  saved: { vi: 'Đã lưu cài đặt.', en: 'Settings saved.' },
  lastRun: { vi: 'Lần xóa gần nhất', en: 'Last clean-up' },
  never: { vi: 'chưa chạy', en: 'not run yet' },
  cleared: { vi: 'ý kiến được xóa thông tin cá nhân', en: 'items cleared' },
  runNow: { vi: 'Chạy xóa ngay', en: 'Run the clean-up now' },
  ran: { vi: 'Đã chạy: {n} ý kiến được xóa thông tin cá nhân.', en: 'Done: {n} items cleared.' },
  posters: { vi: 'In mã QR hòm thư góp ý', en: 'Print the feedback QR' },
  postersIntro: { vi: 'Áp phích A4 dán tại nhà văn hóa thôn; thẻ A6 (4 thẻ trên một tờ A4) để tại bàn.', en: 'A4 posters for the village cultural house; A6 cards (4 on an A4 sheet) for desks.' },
  place: { vi: 'Nơi đặt', en: 'Place' },
  counter: { vi: 'Bộ phận Một cửa UBND xã', en: 'One-stop counter' },
  poster: { vi: 'Áp phích A4', en: 'A4 poster' },
  cards: { vi: 'Thẻ A6', en: 'A6 cards' },
} satisfies Record<string, Text>;

export function FeedbackSettingsPage(props: StaffFrame & {
  values: { topics: string; departments: string; retentionDays: string }; errors: { path: string; message: string }[]; notice?: string;
  retentionRanAt: string | null; retentionLastCount: number | null; canEdit: boolean; villages: { id: string; name: string }[];
}) {
  const { lang } = props;
  const err = (p: string) => props.errors.find((e) => e.path === p)?.message;
  const places = [{ id: '', name: S.counter[lang] }, ...props.villages];
  return (
    <StaffPage {...props} title={S.title[lang]}>
      <nav class="breadcrumbs" aria-label={D.back[lang]}><a href="/staff/feedback">{D.back[lang]}</a></nav>
      <h1>{S.title[lang]}</h1>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      <ErrorSummary lang={lang} errors={props.errors} />
      {props.canEdit ? (
        <>
          <form method="post" action="/staff/feedback/settings" novalidate>
            <CsrfField token={props.csrfToken} />
            <Field name="topics" label={S.topics[lang]} multiline rows={8} lang={lang} value={props.values.topics} error={err('topics')} />
            <Field name="departments" label={S.departments[lang]} multiline rows={6} lang={lang} value={props.values.departments} error={err('departments')} />
            <Field name="retentionDays" type="number" inputmode="numeric" min={30} max={3650} label={S.retention[lang]} hint={S.retentionHint[lang]} lang={lang} value={props.values.retentionDays} error={err('retentionDays')} />
            <Button>{S.save[lang]}</Button>
          </form>
          <p>
            {S.lastRun[lang]}: {props.retentionRanAt ? <><DateText iso={props.retentionRanAt} time />, {formatNumber(props.retentionLastCount ?? 0)} {S.cleared[lang]}</> : S.never[lang]}.
          </p>
          <form method="post" action="/staff/feedback/retention">
            <CsrfField token={props.csrfToken} />
            <Button variant="secondary">{S.runNow[lang]}</Button>
          </form>
        </>
      ) : null}
      <section aria-labelledby="posters-title">
        <h2 id="posters-title">{S.posters[lang]}</h2>
        <p>{S.postersIntro[lang]}</p>
        <Table lang={lang} caption={S.posters[lang]} captionHidden rows={places} columns={[
          { label: S.place[lang], rowHeader: true, cell: (p) => p.name },
          { label: S.poster[lang], cell: (p) => <a href={`/api/v1/feedback/poster.pdf?size=A4${p.id ? `&villageId=${encodeURIComponent(p.id)}` : ''}`} download>{`${S.poster[lang]} – ${p.name}`}</a> },
          { label: S.cards[lang], cell: (p) => <a href={`/api/v1/feedback/poster.pdf?size=A6${p.id ? `&villageId=${encodeURIComponent(p.id)}` : ''}`} download>{`${S.cards[lang]} – ${p.name}`}</a> },
        ]} />
      </section>
    </StaffPage>
  );
}

export const SETTINGS_TEXT = S;
