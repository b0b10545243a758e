import type { Child } from 'hono/jsx';
import { Layout } from '../layout';
import { Alert, Badge, Button, Checkbox, DateText, ErrorSummary, Field, LinkButton, RadioGroup, Select, Stat, Stats, Table } from '../components';
import { formatDate, formatNumber, type Lang, type Text } from '../../../server/domain/i18n';
import { groupSerial } from '../../../server/domain/serial';
import { KIND_HINT, KIND_LABEL, SOURCE_LABEL, STATUS_LABEL, label } from './labels';

// The citizen's feedback pages: the short form opened from the hòm thư góp ý
// QR, the tracking page at /g/<code> (status and answer, nothing else), the
// sender's own data, the commune's public page and a published dialogue
// conference. Narrow, large, plain HTML that works with JavaScript off.

const T = {
  formTitle: { vi: 'Gửi góp ý, phản ánh, kiến nghị', en: 'Send a suggestion, report or request' },
  formIntro: {
    vi: 'UBND xã tiếp nhận mọi ý kiến của người dân. Bạn sẽ nhận một mã theo dõi để xem tình trạng và câu trả lời của xã.',
    en: 'The commune takes every opinion. You get a tracking code to follow it and read the commune’s answer.',
  },
  counter: { vi: 'Gửi tại Bộ phận Một cửa', en: 'Sent at the one-stop counter' },
  kind: { vi: 'Loại ý kiến', en: 'Kind' },
  village: { vi: 'Thôn, tổ dân phố', en: 'Village' },
  villageNone: { vi: '— Không chọn thôn —', en: '— No village —' },
  villageHint: { vi: 'Nơi xảy ra việc bạn nêu, hoặc nơi bạn ở.', en: 'Where the matter is, or where you live.' },
  topic: { vi: 'Lĩnh vực', en: 'Topic' },
  topicNone: { vi: '— Chọn lĩnh vực —', en: '— Choose a topic —' },
  text: { vi: 'Nội dung', en: 'What you want to say' },
  textHint: {
    vi: 'Viết rõ sự việc, địa điểm, thời gian. Không cần ghi họ tên, số điện thoại vào đây.',
    en: 'Say what, where and when. No need to write your name or phone here.',
  },
  photo: { vi: 'Ảnh kèm theo (không bắt buộc)', en: 'A photo (optional)' },
  photoHint: { vi: 'Ảnh JPEG hoặc PNG, tối đa 8 MB. Thông tin vị trí trong ảnh được xóa khi lưu.', en: 'JPEG or PNG, up to 8 MB. Location data in the photo is removed.' },
  contact: { vi: 'Muốn xã trả lời trực tiếp cho bạn? (không bắt buộc)', en: 'Want a direct answer? (optional)' },
  contactHint: {
    vi: 'Để trống nếu bạn không muốn để lại thông tin. Bạn vẫn xem được câu trả lời bằng mã theo dõi.',
    en: 'Leave empty if you prefer. You can still read the answer with your tracking code.',
  },
  name: { vi: 'Họ và tên', en: 'Name' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  consent: { vi: 'Tôi đồng ý để UBND xã dùng họ tên, số điện thoại này chỉ để trả lời ý kiến của tôi.', en: 'I agree that the commune uses this name and phone only to answer me.' },
  submit: { vi: 'Gửi ý kiến', en: 'Send' },
  track: { vi: 'Đã gửi? Xem trả lời bằng mã theo dõi', en: 'Already sent? Follow it with your code' },
  publicPage: { vi: 'Ý kiến và câu trả lời đã công khai của xã', en: 'The commune’s published answers' },
  trackTitle: { vi: 'Xem tình trạng ý kiến', en: 'Follow your feedback' },
  trackIntro: { vi: 'Nhập mã theo dõi 11 ký tự bạn nhận khi gửi ý kiến (ví dụ ABCD-EFGH-JKL).', en: 'Enter the 11-character tracking code you got when you sent it (e.g. ABCD-EFGH-JKL).' },
  code: { vi: 'Mã theo dõi', en: 'Tracking code' },
  see: { vi: 'Xem', en: 'Show' },
  statusTitle: { vi: 'Tình trạng ý kiến', en: 'Your feedback' },
  sent: { vi: 'Đã gửi ý kiến. Cảm ơn bạn!', en: 'Sent. Thank you!' },
  keepCode: {
    vi: 'Hãy chụp màn hình hoặc ghi lại mã theo dõi dưới đây. Ai có mã này đều xem được tình trạng và câu trả lời (không xem được nội dung hay thông tin của bạn).',
    en: 'Take a screenshot or write down the code below. Anyone with it sees the status and the answer (not your words or details).',
  },
  status: { vi: 'Trạng thái', en: 'Status' },
  received: { vi: 'Ngày tiếp nhận', en: 'Received on' },
  due: { vi: 'Hạn trả lời', en: 'Answer due by' },
  answeredOn: { vi: 'Ngày trả lời', en: 'Answered on' },
  overdue: { vi: 'Đã quá hạn trả lời', en: 'Past the answer deadline' },
  answer: { vi: 'Trả lời của UBND xã', en: 'The commune’s answer' },
  noAnswer: { vi: 'Xã chưa trả lời. Hãy quay lại trang này sau.', en: 'No answer yet. Come back to this page later.' },
  atDialogue: { vi: 'Câu trả lời tại hội nghị đối thoại', en: 'Answered at a dialogue conference' },
  myData: { vi: 'Xem hoặc xóa thông tin cá nhân bạn đã gửi', en: 'See or delete the personal data you sent' },
  dataTitle: { vi: 'Thông tin bạn đã gửi kèm ý kiến', en: 'What you sent with your feedback' },
  dataIntro: {
    vi: 'Bạn có quyền biết xã đang lưu những gì bạn đã gửi (Nghị định 13/2023/NĐ-CP, Luật Bảo vệ dữ liệu cá nhân 2025). Nếu bạn đã để lại số điện thoại, nhập 4 số cuối để xác nhận là của bạn; nếu không, để trống.',
    en: 'You have the right to know what the commune keeps of what you sent. If you left a phone number, enter its last 4 digits to confirm it is yours; otherwise leave it empty.',
  },
  tail: { vi: '4 số cuối điện thoại', en: 'Last 4 digits of the phone' },
  showData: { vi: 'Xem thông tin', en: 'Show my data' },
  kind2: { vi: 'Loại ý kiến', en: 'Kind' },
  villageChosen: { vi: 'Thôn đã chọn', en: 'Village chosen' },
  photoKept: { vi: 'Ảnh', en: 'Photo' },
  photoYes: { vi: 'Có một ảnh (không hiển thị lại ở đây)', en: 'One photo (not shown again here)' },
  none: { vi: 'Không có', en: 'None' },
  keptUntil: { vi: 'Họ tên, số điện thoại, ảnh được xóa', en: 'Name, phone and photo are deleted' },
  keptUntilDate: { vi: 'sau ngày', en: 'after' },
  keptWhileOpen: { vi: 'ngày sau khi xã trả lời', en: 'days after the commune answers' },
  cleared: { vi: 'Họ tên, số điện thoại và ảnh đã được xóa ngày', en: 'Name, phone and photo were deleted on' },
  notShared: {
    vi: 'Chỉ cán bộ trực tiếp xử lý ý kiến được xem họ tên, số điện thoại của bạn; xã không bao giờ công khai các thông tin này. Nội dung ý kiến được giữ làm hồ sơ của xã.',
    en: 'Only the officer handling your feedback sees your name and phone; the commune never publishes them. Your words are kept as the commune’s record.',
  },
  erase: { vi: 'Xóa họ tên, số điện thoại và ảnh ngay', en: 'Delete my name, phone and photo now' },
  eraseConfirm: { vi: 'Xóa thông tin cá nhân? Xã sẽ không liên lạc được với bạn; bạn vẫn xem trả lời bằng mã theo dõi.', en: 'Delete your details? The commune cannot contact you; you can still read the answer with your code.' },
  erased: { vi: 'Đã xóa họ tên, số điện thoại và ảnh của bạn.', en: 'Your name, phone and photo are deleted.' },
  nothingHeld: { vi: 'Xã không còn giữ họ tên, số điện thoại hay ảnh nào của bạn cho ý kiến này.', en: 'The commune keeps no name, phone or photo of yours for this item.' },
  back: { vi: 'Quay lại tình trạng ý kiến', en: 'Back to the status' },
  pageTitle: { vi: 'Góp ý, phản ánh, kiến nghị', en: 'Feedback and answers' },
  pageIntro: {
    vi: 'Số ý kiến người dân gửi đến UBND xã, số đã được trả lời, và các câu trả lời xã công khai. Thông tin người gửi không bao giờ được công khai.',
    en: 'How many items people sent to the commune, how many were answered, and the answers it published. Senders are never named.',
  },
  send: { vi: 'Gửi ý kiến', en: 'Send feedback' },
  totalReceived: { vi: 'Ý kiến đã nhận', en: 'Items received' },
  totalAnswered: { vi: 'Đã trả lời', en: 'Answered' },
  onTime: { vi: 'Kiến nghị trả lời đúng hạn', en: 'Requests answered on time' },
  overdueNow: { vi: 'Kiến nghị quá hạn chưa trả lời', en: 'Requests overdue' },
  ofWithDeadline: { vi: 'trên tổng số kiến nghị có thời hạn', en: 'of requests with a deadline' },
  byKind: { vi: 'Theo loại ý kiến', en: 'By kind' },
  byTopic: { vi: 'Theo lĩnh vực', en: 'By topic' },
  received2: { vi: 'Đã nhận', en: 'Received' },
  published: { vi: 'Câu trả lời đã công khai', en: 'Published answers' },
  noPublished: { vi: 'Xã chưa công khai câu trả lời nào.', en: 'No answers published yet.' },
  question: { vi: 'Nội dung', en: 'The matter' },
  answerLabel: { vi: 'Trả lời', en: 'Answer' },
  onTimeBadge: { vi: 'Đúng hạn', en: 'On time' },
  lateBadge: { vi: 'Trễ hạn', en: 'Late' },
  dialogues: { vi: 'Hội nghị đối thoại với Nhân dân', en: 'Dialogue conferences' },
  noDialogues: { vi: 'Chưa có hội nghị nào được công khai.', en: 'No conference published yet.' },
} satisfies Record<string, Text>;

export const FEEDBACK_PUBLIC_TEXT = T;

function Page(props: { lang: Lang; title: string; path: string; commune?: string; children: Child }) {
  return (
    <Layout lang={props.lang} title={props.title} path={props.path} narrow commune={props.commune}>
      {props.children}
    </Layout>
  );
}

export interface FeedbackFormValues {
  kind: string;
  villageId: string;
  topic: string;
  text: string;
  name: string;
  phone: string;
  consent: boolean;
}

export interface FeedbackFormProps {
  lang: Lang;
  path: string;
  commune: { name: string; slug: string };
  villages: { id: string; name: string }[];
  topics: string[];
  values: FeedbackFormValues;
  errors: { path: string; message: string }[];
  /** the form opened from the one-stop counter's QR */
  counter: boolean;
  /** "xã trả lời kiến nghị trong 15 ngày (Đ40, Đ45 …)", from the rules */
  deadlineNote: string | null;
  /** a signed-in officer opening the public form posts with their session's token */
  csrfToken?: string;
  /** sent back with the form: a second tap or a retry is the same item, not a second one */
  submissionKey: string;
}

export function FeedbackFormPage(props: FeedbackFormProps) {
  const { lang, values } = props;
  const err = (p: string) => props.errors.find((e) => e.path === p)?.message;
  return (
    <Page lang={lang} title={T.formTitle[lang]} path={props.path} commune={props.commune.name}>
      <h1>{T.formTitle[lang]}</h1>
      {props.counter ? <p><Badge tone="info">{T.counter[lang]}</Badge></p> : null}
      <p>{T.formIntro[lang]}</p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <form method="post" action={`/gop-y/${encodeURIComponent(props.commune.slug)}`} enctype="multipart/form-data" novalidate class="feedback-form">
        {props.csrfToken ? <input type="hidden" name="_csrf" value={props.csrfToken} /> : null}
        {props.counter ? <input type="hidden" name="noi" value="mot-cua" /> : null}
        <input type="hidden" name="key" value={props.submissionKey} />
        <RadioGroup
          name="kind" legend={T.kind[lang]} required lang={lang} value={values.kind} error={err('kind')}
          options={(['gop_y', 'phan_anh', 'kien_nghi'] as const).map((k) => ({
            value: k, label: KIND_LABEL[k]![lang], hint: k === 'kien_nghi' && props.deadlineNote ? `${KIND_HINT[k]![lang]} ${props.deadlineNote}` : KIND_HINT[k]![lang],
          }))}
        />
        <Select name="villageId" label={T.village[lang]} hint={T.villageHint[lang]} placeholder={T.villageNone[lang]} lang={lang} value={values.villageId} error={err('villageId')}
          options={props.villages.map((v) => ({ value: v.id, label: v.name }))} />
        <Select name="topic" label={T.topic[lang]} placeholder={T.topicNone[lang]} lang={lang} value={values.topic} error={err('topic')}
          options={props.topics.map((t) => ({ value: t, label: t }))} />
        <Field name="text" label={T.text[lang]} hint={T.textHint[lang]} multiline rows={6} required maxlength={5000} lang={lang} value={values.text} error={err('text')} />
        <Field name="photo" type="file" label={T.photo[lang]} hint={T.photoHint[lang]} accept="image/jpeg,image/png" lang={lang} error={err('photo')} />
        <fieldset class="contact-box">
          <legend>{T.contact[lang]}</legend>
          <p class="hint">{T.contactHint[lang]}</p>
          <Field name="name" label={T.name[lang]} autocomplete="name" maxlength={100} lang={lang} value={values.name} error={err('name')} />
          <Field name="phone" type="tel" inputmode="tel" label={T.phone[lang]} autocomplete="tel" maxlength={20} short lang={lang} value={values.phone} error={err('phone')} />
          <Checkbox name="consent" label={T.consent[lang]} hint={T.notShared[lang]} checked={values.consent} lang={lang} error={err('consent')} />
        </fieldset>
        <Button block>{T.submit[lang]}</Button>
      </form>
      <p><a href="/g">{T.track[lang]}</a></p>
      <p><a href={`/x/${encodeURIComponent(props.commune.slug)}/gop-y`}>{T.publicPage[lang]}</a></p>
    </Page>
  );
}

export function CodeEntryPage(props: { lang: Lang; path: string; value?: string; error?: string }) {
  const { lang } = props;
  return (
    <Page lang={lang} title={T.trackTitle[lang]} path={props.path}>
      <h1>{T.trackTitle[lang]}</h1>
      <p>{T.trackIntro[lang]}</p>
      <form method="get" action="/g" novalidate>
        <Field name="code" label={T.code[lang]} value={props.value ?? ''} error={props.error} required autocomplete="off" maxlength={40} code lang={lang} />
        <Button block>{T.see[lang]}</Button>
      </form>
    </Page>
  );
}

export interface StatusView {
  code: string;
  communeName: string;
  communeSlug: string;
  status: string;
  receivedOn: string;
  due: string | null;
  overdue: boolean;
  answeredOn: string | null;
  answer: string | null;
  dialogues: { dialogueId: string; title: string; heldAt: string; answer: string | null }[];
}

const day = (d: string) => formatDate(`${d}T12:00:00+07:00`);

function Paragraphs(props: { text: string }) {
  return <>{props.text.split('\n').filter((p) => p.trim()).map((p) => <p>{p}</p>)}</>;
}

export function FeedbackStatusPage(props: { lang: Lang; path: string; view: StatusView; justSent: boolean }) {
  const { lang, view: v } = props;
  const s = STATUS_LABEL[v.status];
  return (
    <Page lang={lang} title={T.statusTitle[lang]} path={props.path} commune={v.communeName}>
      <h1>{T.statusTitle[lang]}</h1>
      {props.justSent ? <Alert kind="ok" title={T.sent[lang]}>{T.keepCode[lang]}</Alert> : null}
      <p class="label">{T.code[lang]}</p>
      <p class="receipt-code tracking-code">{groupSerial(v.code)}</p>
      <dl class="facts">
        <dt>{T.status[lang]}</dt>
        <dd><Badge tone={v.overdue ? 'error' : s?.tone ?? 'neutral'}>{s?.text[lang] ?? v.status}</Badge>{v.overdue ? <> <Badge tone="error">{T.overdue[lang]}</Badge></> : null}</dd>
        <dt>{T.received[lang]}</dt>
        <dd>{day(v.receivedOn)}</dd>
        {v.due ? (<><dt>{T.due[lang]}</dt><dd>{day(v.due)}</dd></>) : null}
        {v.answeredOn ? (<><dt>{T.answeredOn[lang]}</dt><dd>{day(v.answeredOn)}</dd></>) : null}
      </dl>
      <section aria-labelledby="answer-title">
        <h2 id="answer-title">{T.answer[lang]}</h2>
        {v.answer ? <div class="answer-text"><Paragraphs text={v.answer} /></div> : <p>{T.noAnswer[lang]}</p>}
      </section>
      {v.dialogues.length ? (
        <section aria-labelledby="dialogue-title">
          <h2 id="dialogue-title">{T.atDialogue[lang]}</h2>
          <ul>
            {v.dialogues.map((d) => (
              <li><a href={`/x/${encodeURIComponent(v.communeSlug)}/doi-thoai/${encodeURIComponent(d.dialogueId)}`}>{d.title}</a> (<DateText iso={d.heldAt} />)</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p><a href={`/g/${encodeURIComponent(v.code)}/du-lieu`}>{T.myData[lang]}</a></p>
      <p><a href={`/x/${encodeURIComponent(v.communeSlug)}/gop-y`}>{T.publicPage[lang]}</a></p>
    </Page>
  );
}

export interface SenderDataView {
  code: string;
  kind: string;
  channel: string;
  villageName: string | null;
  topic: string;
  text: string;
  name: string | null;
  phone: string | null;
  hasPhoto: boolean;
  receivedOn: string;
  keptUntil: string | null;
  anonymisedAt: string | null;
  retentionDays: number;
}

/** Asks for the phone's last digits (GET), shows the sender's data (POST), or says it was erased. */
export function SenderDataPage(props: {
  lang: Lang; path: string; code: string; data?: SenderDataView; tail?: string; error?: string; erased?: boolean; csrfToken?: string;
}) {
  const { lang, data: d } = props;
  const action = `/g/${encodeURIComponent(props.code)}/du-lieu`;
  const csrf = props.csrfToken ? <input type="hidden" name="_csrf" value={props.csrfToken} /> : null;
  return (
    <Page lang={lang} title={T.dataTitle[lang]} path={props.path}>
      <h1>{T.dataTitle[lang]}</h1>
      {props.erased ? <Alert kind="ok">{T.erased[lang]}</Alert> : null}
      {!d ? (
        <>
          <p>{T.dataIntro[lang]}</p>
          <form method="post" action={action} novalidate>
            {csrf}
            <Field name="phoneTail" label={T.tail[lang]} inputmode="numeric" autocomplete="off" maxlength={4} short lang={lang} value={props.tail ?? ''} error={props.error} />
            <Button block>{T.showData[lang]}</Button>
          </form>
        </>
      ) : (
        <>
          <dl class="facts">
            <dt>{T.code[lang]}</dt><dd>{groupSerial(d.code)}</dd>
            <dt>{T.kind2[lang]}</dt><dd>{label(KIND_LABEL, d.kind, lang)}</dd>
            <dt>{T.received[lang]}</dt><dd>{day(d.receivedOn)}</dd>
            <dt>{T.villageChosen[lang]}</dt><dd>{d.villageName ?? T.none[lang]}</dd>
            <dt>{T.topic[lang]}</dt><dd>{d.topic || T.none[lang]}</dd>
            <dt>{T.text[lang]}</dt><dd><Paragraphs text={d.text} /></dd>
            <dt>{T.name[lang]}</dt><dd>{d.name ?? T.none[lang]}</dd>
            <dt>{T.phone[lang]}</dt><dd>{d.phone ?? T.none[lang]}</dd>
            <dt>{T.photoKept[lang]}</dt><dd>{d.hasPhoto ? T.photoYes[lang] : T.none[lang]}</dd>
          </dl>
          <p>{T.notShared[lang]}</p>
          {d.anonymisedAt ? (
            <p>{T.cleared[lang]} <DateText iso={d.anonymisedAt} />.</p>
          ) : d.name || d.phone || d.hasPhoto ? (
            <>
              <p>
                {T.keptUntil[lang]} {d.keptUntil ? <>{T.keptUntilDate[lang]} {day(d.keptUntil)}</> : <>{formatNumber(d.retentionDays)} {T.keptWhileOpen[lang]}</>}.
              </p>
              <form method="post" action={`/g/${encodeURIComponent(props.code)}/xoa`} data-confirm={T.eraseConfirm[lang]}>
                {csrf}
                <input type="hidden" name="phoneTail" value={props.tail ?? ''} />
                <Button variant="danger">{T.erase[lang]}</Button>
              </form>
            </>
          ) : (
            <p>{T.nothingHeld[lang]}</p>
          )}
        </>
      )}
      <p><a href={`/g/${encodeURIComponent(props.code)}`}>{T.back[lang]}</a></p>
    </Page>
  );
}

export interface PublicFeedbackView {
  commune: { name: string; slug: string };
  totals: { received: number; answered: number; open: number; withDeadline: number; answeredOnTime: number; answeredLate: number; overdue: number };
  byKind: { kind: string; received: number; answered: number }[];
  topics: { topic: string; received: number; answered: number }[];
  published: { id: string; kind: string; topic: string; villageName: string | null; receivedOn: string; answeredOn: string | null; summary: string; answer: string; onTime: boolean | null }[];
  dialogues: { id: string; title: string; heldAt: string; place: string }[];
}

export function CommuneFeedbackPage(props: { lang: Lang; path: string; view: PublicFeedbackView }) {
  const { lang, view: v } = props;
  const slug = encodeURIComponent(v.commune.slug);
  return (
    <Layout lang={lang} title={`${T.pageTitle[lang]} – ${v.commune.name}`} path={props.path} commune={v.commune.name}>
      <h1>{T.pageTitle[lang]}</h1>
      <p class="lead">{T.pageIntro[lang]}</p>
      <p><LinkButton href={`/gop-y/${slug}`}>{T.send[lang]}</LinkButton></p>
      <Stats>
        <Stat label={T.totalReceived[lang]} value={v.totals.received} />
        <Stat label={T.totalAnswered[lang]} value={v.totals.answered} />
        <Stat label={T.onTime[lang]} value={`${formatNumber(v.totals.answeredOnTime)} / ${formatNumber(v.totals.withDeadline)}`} hint={T.ofWithDeadline[lang]} />
        <Stat label={T.overdueNow[lang]} value={v.totals.overdue} />
      </Stats>
      <Table lang={lang} caption={T.byKind[lang]} rows={v.byKind} columns={[
        { label: T.kind[lang], rowHeader: true, cell: (r) => label(KIND_LABEL, r.kind, lang) },
        { label: T.received2[lang], numeric: true, cell: (r) => formatNumber(r.received) },
        { label: T.totalAnswered[lang], numeric: true, cell: (r) => formatNumber(r.answered) },
      ]} />
      <Table lang={lang} caption={T.byTopic[lang]} rows={v.topics} columns={[
        { label: T.topic[lang], rowHeader: true, cell: (r) => r.topic },
        { label: T.received2[lang], numeric: true, cell: (r) => formatNumber(r.received) },
        { label: T.totalAnswered[lang], numeric: true, cell: (r) => formatNumber(r.answered) },
      ]} />
      <section aria-labelledby="published-title">
        <h2 id="published-title">{T.published[lang]}</h2>
        {v.published.length === 0 ? <p>{T.noPublished[lang]}</p> : (
          <ol class="answer-list">
            {v.published.map((p) => (
              <li class="answer-item" id={`y-kien-${p.id}`}>
                <p class="answer-meta">
                  <Badge tone="info">{label(KIND_LABEL, p.kind, lang)}</Badge> {p.topic}{p.villageName ? ` · ${p.villageName}` : ''} · {day(p.receivedOn)}
                  {p.onTime === true ? <> <Badge tone="ok">{T.onTimeBadge[lang]}</Badge></> : p.onTime === false ? <> <Badge tone="warn">{T.lateBadge[lang]}</Badge></> : null}
                </p>
                <p class="label">{T.question[lang]}</p>
                <div><Paragraphs text={p.summary} /></div>
                <p class="label">{T.answerLabel[lang]}{p.answeredOn ? ` (${day(p.answeredOn)})` : ''}</p>
                <div class="answer-text"><Paragraphs text={p.answer} /></div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="dialogues-title">
        <h2 id="dialogues-title">{T.dialogues[lang]}</h2>
        {v.dialogues.length === 0 ? <p>{T.noDialogues[lang]}</p> : (
          <ul>
            {v.dialogues.map((d) => <li><a href={`/x/${slug}/doi-thoai/${encodeURIComponent(d.id)}`}>{d.title}</a> – <DateText iso={d.heldAt} />, {d.place}</li>)}
          </ul>
        )}
      </section>
    </Layout>
  );
}

const D = {
  chair: { vi: 'Chủ trì', en: 'Chaired by' },
  when: { vi: 'Thời gian', en: 'When' },
  place: { vi: 'Địa điểm', en: 'Place' },
  questions: { vi: 'Các câu hỏi', en: 'Questions' },
  answers: { vi: 'Câu hỏi và trả lời', en: 'Questions and answers' },
  minutes: { vi: 'Biên bản hội nghị', en: 'Minutes' },
  question: { vi: 'Câu', en: 'Question' },
  answeredBy: { vi: 'Người trả lời', en: 'Answered by' },
  noAnswer: { vi: 'Chưa được trả lời tại hội nghị.', en: 'Not answered at the conference.' },
  toAnswer: { vi: 'Xem trả lời', en: 'See the answer' },
  toQuestion: { vi: 'Về câu hỏi', en: 'Back to the question' },
  summary: { vi: 'câu hỏi, đã trả lời', en: 'questions, answered' },
  back: { vi: 'Góp ý, phản ánh, kiến nghị của xã', en: 'The commune’s feedback page' },
} satisfies Record<string, Text>;

export interface PublicDialogueView {
  commune: { name: string; slug: string };
  dialogue: { title: string; heldAt: string; place: string; chair: string; minutes: string };
  sections: { title: string; questions: { number: number; source: string; villageName: string | null; text: string; answer: string | null; answeredBy: string | null }[] }[];
  counts: { asked: number; answered: number };
}

/** A published conference: every question links to its answer and back. */
export function PublicDialoguePage(props: { lang: Lang; path: string; view: PublicDialogueView }) {
  const { lang, view: v } = props;
  const all = v.sections.flatMap((s) => s.questions);
  return (
    <Layout lang={lang} title={v.dialogue.title} path={props.path} commune={v.commune.name}>
      <nav class="breadcrumbs" aria-label={D.back[lang]}><a href={`/x/${encodeURIComponent(v.commune.slug)}/gop-y`}>{D.back[lang]}</a></nav>
      <h1>{v.dialogue.title}</h1>
      <dl class="facts">
        <dt>{D.when[lang]}</dt><dd><DateText iso={v.dialogue.heldAt} time /></dd>
        <dt>{D.place[lang]}</dt><dd>{v.dialogue.place}</dd>
        <dt>{D.chair[lang]}</dt><dd>{v.dialogue.chair}</dd>
      </dl>
      <p>{formatNumber(v.counts.asked)} {D.summary[lang]}: {formatNumber(v.counts.answered)}.</p>
      <nav aria-labelledby="toc-title">
        <h2 id="toc-title">{D.questions[lang]}</h2>
        <ol class="question-toc">
          {all.map((q) => (
            <li id={`cau-hoi-${q.number}`}>
              {q.text.split('\n')[0]} <a href={`#tra-loi-${q.number}`}>{D.toAnswer[lang]} {D.question[lang].toLowerCase()} {q.number}</a>
            </li>
          ))}
        </ol>
      </nav>
      <h2>{D.answers[lang]}</h2>
      {v.sections.map((s) => (
        <section>
          <h3>{s.title}</h3>
          {s.questions.map((q) => (
            <article class="qa" id={`tra-loi-${q.number}`}>
              <h4>{D.question[lang]} {q.number}{q.villageName ? ` – ${q.villageName}` : ''} <span class="hint">({label(SOURCE_LABEL, q.source, lang)})</span></h4>
              <Paragraphs text={q.text} />
              {q.answer ? (
                <div class="answer-text">
                  <p class="label">{D.answeredBy[lang]}: {q.answeredBy ?? v.dialogue.chair}</p>
                  <Paragraphs text={q.answer} />
                </div>
              ) : <p class="muted">{D.noAnswer[lang]}</p>}
              <p class="small"><a href={`#cau-hoi-${q.number}`}>{D.toQuestion[lang]} {q.number}</a></p>
            </article>
          ))}
        </section>
      ))}
      <section aria-labelledby="minutes-title">
        <h2 id="minutes-title">{D.minutes[lang]}</h2>
        <div class="minutes"><Paragraphs text={v.dialogue.minutes} /></div>
      </section>
    </Layout>
  );
}

export function CommuneChoicePage(props: { lang: Lang; path: string; communes: { name: string; slug: string }[] }) {
  const { lang } = props;
  return (
    <Page lang={lang} title={T.formTitle[lang]} path={props.path}>
      <h1>{T.formTitle[lang]}</h1>
      <ul>{props.communes.map((c) => <li><a href={`/gop-y/${encodeURIComponent(c.slug)}`}>{c.name}</a></li>)}</ul>
    </Page>
  );
}
