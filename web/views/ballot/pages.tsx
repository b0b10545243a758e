import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { Layout } from '../layout';
import { Alert, Button, Field } from '../components';
import { SurveyForm, type SurveyFormError } from '../survey-form';
import { formatDate, type Lang, type Text } from '../../../server/domain/i18n';

// The citizen's pages: the ballot opened from a QR code, the typed serial,
// the receipt and its check, and the anonymous survey. Narrow, large,
// plain HTML that works with JavaScript off on a cheap phone.

const T = {
  enterTitle: { vi: 'Nhập mã phiếu', en: 'Enter your ballot code' },
  enterIntro: {
    vi: 'Mã phiếu gồm 11 ký tự, in bên dưới mã QR trên phiếu của hộ (ví dụ: ABCD-EFGH-JKL). Có thể gõ chữ thường, có hoặc không có dấu gạch.',
    en: 'The ballot code has 11 characters, printed under the QR code on your household ballot (e.g. ABCD-EFGH-JKL). Lower case and hyphens are fine.',
  },
  serialLabel: { vi: 'Mã phiếu', en: 'Ballot code' },
  open: { vi: 'Mở phiếu', en: 'Open the ballot' },
  advisory: {
    vi: 'Ý kiến gửi trực tuyến cho nội dung này chỉ để tham khảo, không có giá trị quyết định (Điều 17 Luật Thực hiện dân chủ ở cơ sở). Kết quả chính thức lấy từ cuộc họp hoặc phiếu giấy.',
    en: 'Online answers on this matter are advisory only and do not decide it (Art. 17, Law on Grassroots Democracy). The binding result comes from the meeting or the paper ballot.',
  },
  secret: {
    vi: 'Phiếu kín: nội dung trả lời được lưu tách riêng, không gắn với tên hộ hay mã phiếu.',
    en: 'Secret ballot: the answers are stored apart, never linked to the household or the code.',
  },
  onePerHousehold: { vi: 'Mỗi hộ gia đình chỉ gửi một phiếu.', en: 'One ballot per household.' },
  closes: { vi: 'Hạn cuối', en: 'Closes' },
  holderTitle: { vi: 'Phiếu của hộ', en: 'This ballot belongs to' },
  household: { vi: 'Hộ', en: 'Household' },
  representative: { vi: 'Đại diện hộ', en: 'Representative' },
  village: { vi: 'Thôn', en: 'Village' },
  holderNote: {
    vi: 'Nếu đây không phải hộ của bạn, đừng gửi phiếu; hãy báo Trưởng thôn.',
    en: 'If this is not your household, do not send it; tell your village head.',
  },
  howTitle: { vi: 'Cách gửi phiếu trên điện thoại', en: 'How to send this ballot on your phone' },
  notPaperToo: {
    vi: 'Hộ đã gửi phiếu trực tuyến thì không nộp phiếu giấy nữa: mỗi hộ chỉ một phiếu được tính.',
    en: 'A household that sends its ballot online does not hand in the paper one too: one ballot per household counts.',
  },
  resultsBy: { vi: 'Kết quả được công bố chậm nhất ngày {date} ({article}) tại', en: 'The results are published by {date} ({article}) on' },
  resultsAfter: { vi: 'Kết quả được công bố sau khi đợt lấy ý kiến kết thúc, tại', en: 'The results are published after the campaign ends, on' },
  portal: { vi: 'trang của {commune}', en: 'the page of {commune}' },
  portalFallback: { vi: 'trang của xã', en: 'the commune’s page' },
  submit: { vi: 'Gửi phiếu', en: 'Send my ballot' },
  thanks: { vi: 'Cảm ơn! Phiếu của hộ đã được ghi nhận.', en: 'Thank you! Your household’s ballot is recorded.' },
  receipt: { vi: 'Mã biên nhận', en: 'Receipt code' },
  receiptHint: {
    vi: 'Hãy chụp màn hình hoặc ghi lại mã này. Dùng nó tại trang Kiểm tra biên nhận để xem phiếu đã được ghi nhận; mã không cho biết hộ đã chọn gì.',
    en: 'Take a screenshot or write this code down. Use it on the receipt check page to see that the ballot was recorded; it does not reveal the answers.',
  },
  checkReceipt: { vi: 'Kiểm tra biên nhận', en: 'Check a receipt' },
  used: { vi: 'Phiếu này đã được sử dụng', en: 'This ballot has already been used' },
  resend: {
    vi: 'Nếu hộ vừa gửi phiếu từ máy này mà mất kết nối trước khi thấy biên nhận, bấm nút dưới đây để nhận lại biên nhận (phiếu không bị tính hai lần).',
    en: 'If your household just sent this ballot from this phone and lost the connection before the receipt, press below to get the receipt again (it is not counted twice).',
  },
  resendButton: { vi: 'Nhận lại biên nhận', en: 'Get my receipt again' },
  usedBody: {
    vi: 'Phiếu của hộ đã được gửi trực tuyến hoặc đã được kiểm trên giấy. Mỗi hộ chỉ có một phiếu. Nếu hộ chưa từng gửi, hãy báo Trưởng thôn.',
    en: 'This household’s ballot was sent online or counted on paper. One ballot per household. If your household never sent it, tell your village head.',
  },
  notOpen: { vi: 'Đợt lấy ý kiến chưa bắt đầu', en: 'This campaign has not started yet' },
  closed: { vi: 'Đợt lấy ý kiến đã kết thúc', en: 'This campaign has ended' },
  results: { vi: 'Xem kết quả', en: 'See the results' },
  paperOnly: { vi: 'Nội dung này được quyết định bằng phiếu giấy hoặc tại cuộc họp', en: 'This matter is decided on paper or at the meeting' },
  paperOnlyBody: {
    vi: 'Theo Điều 17 Luật Thực hiện dân chủ ở cơ sở, nội dung này không biểu quyết trực tuyến. Vui lòng đánh dấu X vào một ô trên phiếu giấy và nộp lại cho Tổ phát phiếu trước hạn.',
    en: 'Under Art. 17 of the Law on Grassroots Democracy this matter is not voted online. Mark one box on the paper ballot with an X and hand it to the ballot team before the deadline.',
  },
  notFound: { vi: 'Không tìm thấy phiếu', en: 'Ballot not found' },
  verifyTitle: { vi: 'Kiểm tra biên nhận', en: 'Check a receipt' },
  verifyIntro: {
    vi: 'Nhập mã biên nhận nhận được sau khi gửi phiếu để xem phiếu đã được ghi nhận.',
    en: 'Enter the receipt code you got after sending your ballot to see that it was recorded.',
  },
  check: { vi: 'Kiểm tra', en: 'Check' },
  recorded: { vi: 'Phiếu đã được ghi nhận', en: 'The ballot is recorded' },
  recordedOn: { vi: 'Ngày ghi nhận', en: 'Recorded on' },
  noReceipt: { vi: 'Không tìm thấy biên nhận này. Kiểm tra lại các ký tự đã gõ.', en: 'No ballot has this receipt. Check what you typed.' },
  anonymousNote: {
    vi: 'Khảo sát ẩn danh: không hỏi tên, không lưu thông tin nhận dạng người trả lời (Điều 27 Nghị định 61/2018/NĐ-CP).',
    en: 'Anonymous survey: no name is asked and nothing identifies you (Art. 27, Decree 61/2018).',
  },
  kiosk: { vi: 'Chế độ máy đánh giá tại quầy', en: 'Counter kiosk mode' },
  thanksAnonymous: { vi: 'Cảm ơn bạn đã góp ý!', en: 'Thank you for your feedback!' },
  kioskReset: { vi: 'Màn hình sẽ trở lại câu hỏi đầu sau 8 giây.', en: 'The screen returns to the start in 8 seconds.' },
  again: { vi: 'Người tiếp theo', en: 'Next person' },
} satisfies Record<string, Text>;

export { T as BALLOT_TEXT };

/** The online ballot's steps: what to do on the phone, not how to mark paper. */
const HOW: Record<Lang, string[]> = {
  vi: ['Đọc nội dung, chọn ý kiến của hộ ở câu hỏi bên dưới.', 'Bấm “Gửi phiếu” ở cuối trang.', 'Chụp màn hình hoặc ghi lại mã biên nhận hiện ra sau khi gửi. Phiếu đã gửi không sửa được.'],
  en: ['Read the matter and choose your household’s answer below.', 'Press “Send my ballot” at the end of the page.', 'Take a screenshot or note the receipt code shown after sending. A ballot sent cannot be changed.'],
};

function Page(props: { lang: Lang; title: string; path: string; children: Child; commune?: string; form?: boolean }) {
  return (
    <Layout lang={props.lang} title={props.title} path={props.path} narrow commune={props.commune} scripts={props.form ? ['survey.js'] : []}>
      {props.children}
    </Layout>
  );
}

export function SerialEntryPage(props: { lang: Lang; path: string; value?: string; error?: string }) {
  const { lang } = props;
  return (
    <Page lang={lang} title={T.enterTitle[lang]} path={props.path}>
      <h1>{T.enterTitle[lang]}</h1>
      <p>{T.enterIntro[lang]}</p>
      <form method="post" action="/b" class="stack" novalidate>
        <Field
          name="serial"
          label={T.serialLabel[lang]}
          value={props.value ?? ''}
          error={props.error}
          required
          autocomplete="off"
          maxlength={40}
          code
        />
        <Button type="submit" block>{T.open[lang]}</Button>
      </form>
      <p><a href="/verify">{T.checkReceipt[lang]}</a></p>
    </Page>
  );
}

export interface BallotPageProps {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  survey: Record<string, unknown>;
  action: string;
  answers?: Record<string, unknown>;
  errors?: SurveyFormError[];
  advisory: boolean;
  secret: boolean;
  closesAt: string | null;
  idempotencyKey: string;
  /** the commune, named in the header and linked as its portal */
  commune?: { name: string; slug: string } | null;
  /** whose ballot it is, as the paper ballot names it (shown to the holder of the serial only) */
  holder?: { villageName: string; householdCode: string; representative: string };
  /** when the results will be published at the latest, and the rule that says so */
  resultsDue?: ResultsDue | null;
  /** the campaign also takes paper ballots: say not to hand in both */
  paperToo?: boolean;
}

export type ResultsDue = { due: string; rule: { article: string } };

const fill = (s: string, values: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '');

/** "Kết quả được công bố chậm nhất ngày … tại trang của Xã …": when and where a household will read the results. */
function ResultsWhere(props: { lang: Lang; commune?: { name: string; slug: string } | null; resultsDue?: ResultsDue | null }) {
  const { lang, commune, resultsDue } = props;
  const lead = resultsDue
    ? fill(T.resultsBy[lang], { date: formatDate(`${resultsDue.due}T12:00:00+07:00`), article: resultsDue.rule.article })
    : T.resultsAfter[lang];
  const href = commune ? `/x/${encodeURIComponent(commune.slug)}` : '/';
  return (
    <p class="results-where">
      {lead}{' '}
      <a href={href}>{commune ? fill(T.portal[lang], { commune: commune.name }) : T.portalFallback[lang]}</a>.
    </p>
  );
}

/** Paragraphs of a campaign's description, as text (never HTML). */
function Description(props: { text: string }) {
  const paras = props.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return <div class="campaign-description">{paras.map((p) => <p>{p}</p>)}</div>;
}

export function BallotPage(props: BallotPageProps) {
  const { lang, holder } = props;
  return (
    <Page lang={lang} title={props.title} path={props.path} commune={props.commune?.name} form>
      <h1>{props.title}</h1>
      {holder ? (
        <section class="ballot-holder" aria-labelledby="holder-title">
          <h2 id="holder-title">{T.holderTitle[lang]}</h2>
          <dl>
            {holder.householdCode ? <><dt>{T.household[lang]}</dt><dd>{holder.householdCode}</dd></> : null}
            {holder.representative ? <><dt>{T.representative[lang]}</dt><dd>{holder.representative}</dd></> : null}
            {holder.villageName ? <><dt>{T.village[lang]}</dt><dd>{holder.villageName}{props.commune ? `, ${props.commune.name}` : ''}</dd></> : null}
          </dl>
          <p class="hint">{T.holderNote[lang]}</p>
        </section>
      ) : null}
      {props.description ? <Description text={props.description} /> : null}
      <ul class="ballot-facts">
        <li>{T.onePerHousehold[lang]}</li>
        {props.closesAt ? <li>{T.closes[lang]}: <strong>{formatDate(props.closesAt)}</strong></li> : null}
        {props.secret ? <li>{T.secret[lang]}</li> : null}
      </ul>
      {props.advisory ? <Alert kind="warn">{T.advisory[lang]}</Alert> : null}
      <section class="ballot-how" aria-labelledby="how-title">
        <h2 id="how-title">{T.howTitle[lang]}</h2>
        <ol>{HOW[lang].map((step) => <li>{step}</li>)}</ol>
        {props.paperToo ? <p>{T.notPaperToo[lang]}</p> : null}
      </section>
      <SurveyForm
        json={props.survey}
        answers={props.answers}
        errors={props.errors}
        lang={lang}
        action={props.action}
        hiddenFields={{ _idem: props.idempotencyKey }}
        submitLabel={T.submit}
        hideTitle
      />
      <ResultsWhere lang={lang} commune={props.commune} resultsDue={props.resultsDue} />
    </Page>
  );
}

/**
 * The receipt, at its own address (/receipt/<code>): the ballot's post
 * redirects here, so a reload or Back never sends the form again, and the
 * page may be shared, for it names no household and no answer.
 */
export function ReceiptPage(props: {
  lang: Lang; path: string; title: string; receipt: string; recordedOn: string;
  commune?: { name: string; slug: string } | null; resultsDue?: ResultsDue | null;
}) {
  const { lang } = props;
  return (
    <Page lang={lang} title={T.thanks[lang]} path={props.path} commune={props.commune?.name} form>
      {/* an empty data-clear-draft: the draft to clear is the form this tab just sent (web/client/survey.ts) */}
      <div class="receipt" role="status" data-clear-draft="">
        <h1>{T.thanks[lang]}</h1>
        <p class="muted">{props.title}</p>
        <p>{T.receipt[lang]}:</p>
        <p class="receipt-code" aria-label={props.receipt.split('').join(' ')}>{props.receipt}</p>
        <p>{T.recordedOn[lang]}: {formatDate(`${props.recordedOn}T12:00:00+07:00`)}</p>
        <p>{T.receiptHint[lang]}</p>
        <p><a class="btn btn-secondary" href={`/verify?code=${encodeURIComponent(props.receipt)}`}>{T.checkReceipt[lang]}</a></p>
      </div>
      <ResultsWhere lang={lang} commune={props.commune} resultsDue={props.resultsDue} />
    </Page>
  );
}

export type BallotStateKind = 'used' | 'not_open' | 'closed' | 'paper_only' | 'not_found';

export function BallotStatePage(props: {
  lang: Lang; path: string; kind: BallotStateKind; title?: string; description?: string; opensAt?: string | null; resultsHref?: string | null;
}) {
  const { lang } = props;
  const heading = { used: T.used, not_open: T.notOpen, closed: T.closed, paper_only: T.paperOnly, not_found: T.notFound }[props.kind][lang];
  return (
    <Page lang={lang} title={heading} path={props.path} form={props.kind === 'used'}>
      {props.title ? <p class="muted">{props.title}</p> : null}
      <h1>{heading}</h1>
      {props.kind === 'used' ? <p>{T.usedBody[lang]}</p> : null}
      {props.kind === 'used' ? (
        <div data-resend-draft hidden>
          <p>{T.resend[lang]}</p>
          <button type="button" class="btn btn-block">{T.resendButton[lang]}</button>
        </div>
      ) : null}
      {props.kind === 'not_open' && props.opensAt ? <p>{formatDate(props.opensAt)}</p> : null}
      {props.kind === 'closed' && props.resultsHref ? <p><a class="btn" href={props.resultsHref}>{T.results[lang]}</a></p> : null}
      {props.kind === 'paper_only' ? (
        <>
          <Alert kind="info">{T.paperOnlyBody[lang]}</Alert>
          {props.description ? <Description text={props.description} /> : null}
        </>
      ) : null}
      {props.kind === 'not_found' ? <p>{T.enterIntro[lang]}</p> : null}
      <p><a href="/b">{T.enterTitle[lang]}</a> · <a href="/verify">{T.checkReceipt[lang]}</a></p>
    </Page>
  );
}

export function VerifyPage(props: {
  lang: Lang; path: string; code?: string;
  result?: { found: true; title: string; recordedOn: string; channel: string } | { found: false };
}) {
  const { lang, result } = props;
  return (
    <Page lang={lang} title={T.verifyTitle[lang]} path={props.path}>
      <h1>{T.verifyTitle[lang]}</h1>
      <p>{T.verifyIntro[lang]}</p>
      <form method="get" action="/verify" class="stack">
        <Field name="code" label={T.receipt[lang]} value={props.code ?? ''} autocomplete="off" maxlength={40} code />
        <Button type="submit" block>{T.check[lang]}</Button>
      </form>
      {result?.found ? (
        <Alert kind="ok" title={T.recorded[lang]}>
          <p>{result.title}</p>
          <p>{T.recordedOn[lang]}: {formatDate(`${result.recordedOn}T12:00:00+07:00`)}</p>
        </Alert>
      ) : null}
      {result && !result.found ? <Alert kind="error">{T.noReceipt[lang]}</Alert> : null}
    </Page>
  );
}

export function AnonymousSurveyPage(props: {
  lang: Lang; path: string; title: string; description: string; survey: Record<string, unknown>; action: string;
  answers?: Record<string, unknown>; errors?: SurveyFormError[]; kiosk: boolean; notice?: string;
  /** orders "random" choices per respondent (the device cookie) */
  seed?: string;
}) {
  const { lang } = props;
  return (
    <Page lang={lang} title={props.title} path={props.path} form>
      {props.kiosk ? <p class="badge">{T.kiosk[lang]}</p> : null}
      <h1>{props.title}</h1>
      {props.description ? <Description text={props.description} /> : null}
      <p class="muted">{T.anonymousNote[lang]}</p>
      {props.notice ? <Alert kind="warn">{props.notice}</Alert> : null}
      <SurveyForm json={props.survey} answers={props.answers} errors={props.errors} lang={lang} action={props.action} submitLabel={T.submit} hideTitle seed={props.seed} />
    </Page>
  );
}

/** The thanks page an anonymous answer's post redirects to (/s/<slug>/thanks), safe to reload. */
export function AnonymousThanksPage(props: { lang: Lang; path: string; again: string; kiosk: boolean }) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={T.thanksAnonymous[lang]} path={props.path} narrow scripts={['survey.js']}>
      {/* A kiosk tablet returns to a blank form by itself (meta refresh needs no script). */}
      {props.kiosk ? raw(`<meta http-equiv="refresh" content="8;url=${props.again.replace(/"/g, '&quot;')}">`) : null}
      <div class="receipt" role="status" data-clear-draft={props.path}>
        <h1>{T.thanksAnonymous[lang]}</h1>
        {props.kiosk ? <p>{T.kioskReset[lang]}</p> : null}
        <p><a class="btn" href={props.again}>{T.again[lang]}</a></p>
      </div>
    </Layout>
  );
}
