import type { Lang, Text } from '../../../server/domain/i18n';
import type { FormName } from '../../../server/domain/campaign-forms';
import { Alert, Button, ErrorSummary, Field, NumberText, RadioGroup, Select, Table } from '../components';
import { CsrfField, StaffPage, type StaffFrame } from './page';
import { StatusBadge } from './list';

const T = {
  title: { vi: 'In ấn', en: 'Printing' },
  intro: {
    vi: 'Chọn đợt lấy ý kiến và khổ giấy, rồi tải từng tệp PDF về để in. Phiếu in theo từng thôn, mỗi hộ một phiếu có mã QR riêng.',
    en: 'Choose a campaign and a paper size, then download each PDF. Ballots are printed per village, one per household with its own QR code.',
  },
  campaign: { vi: 'Đợt lấy ý kiến', en: 'Campaign' },
  choose: { vi: '— Chọn đợt —', en: '— Choose a campaign —' },
  format: { vi: 'Khổ phiếu', en: 'Ballot size' },
  a5: { vi: 'A5 – hai phiếu trên một tờ A4, cắt đôi', en: 'A5 – two ballots per A4 sheet, cut in half' },
  a4: { vi: 'A4 – một phiếu một tờ, chữ to hơn', en: 'A4 – one ballot per sheet, larger type' },
  show: { vi: 'Xem các tệp để in', en: 'Show the files' },
  caption: { vi: 'Tệp in theo thôn', en: 'Files to print by village' },
  village: { vi: 'Thôn', en: 'Village' },
  households: { vi: 'Số hộ', en: 'Households' },
  serials: { vi: 'Mã phiếu đã phát', en: 'Serials issued' },
  ballots: { vi: 'Phiếu', en: 'Ballots' },
  forms: { vi: 'Biểu mẫu NĐ 59/2023', en: 'NĐ 59/2023 forms' },
  download: { vi: 'Tải phiếu', en: 'Download ballots' },
  notIssued: { vi: 'Chưa phát mã phiếu', en: 'No serials yet' },
  issueFirst: {
    vi: 'Một số thôn chưa có mã phiếu. Hãy bấm "Phát mã phiếu" ở trang đợt lấy ý kiến trước khi in phiếu.',
    en: 'Some villages have no serials yet. Issue them on the campaign page before printing ballots.',
  },
  campaignPage: { vi: 'Trang đợt lấy ý kiến', en: 'Campaign page' },
  posters: { vi: 'Áp phích có mã QR', en: 'Posters with a QR code' },
  posterSurvey: {
    vi: 'Dán tại nhà văn hóa thôn, Bộ phận Một cửa. Mã QR trên áp phích mở ngay phiếu khảo sát: ai quét cũng trả lời được.',
    en: 'For the village cultural house or the one-stop counter. The poster’s QR opens the survey itself: anyone who scans it can answer.',
  },
  posterHousehold: {
    vi: 'Dán tại nhà văn hóa thôn. Áp phích hướng dẫn từng hộ dùng mã QR riêng in trên phiếu của hộ; mã QR trên áp phích mở trang của xã (nội dung, kết quả), không dùng để trả lời.',
    en: 'For the village cultural house. The poster tells each household to use the QR printed on its own ballot; the poster’s QR opens the commune’s page (content, results), not the ballot.',
  },
  noMeetingForms: { vi: 'Không họp', en: 'No meeting' },
  qrTitle: { vi: 'Mã QR sẽ không mở được trên điện thoại', en: 'The QR codes will not open on phones' },
  reprintTitle: { vi: 'In lại phiếu bị mất', en: 'Reprint a lost ballot' },
  reprintIntro: {
    vi: 'Khi một hộ làm mất hoặc hỏng phiếu: nhập mã hộ để phát mã phiếu mới và in lại đúng một phiếu. Mã phiếu cũ bị hủy ngay, không dùng được nữa; phiếu đã dùng thì không in lại được.',
    en: 'When a household lost or spoiled its ballot: enter its household code to issue a new serial and print that one ballot. The old serial stops working at once; a ballot already used cannot be reprinted.',
  },
  householdCode: { vi: 'Mã hộ', en: 'Household code' },
  householdHint: { vi: 'Như trong sổ hộ, ví dụ VK-DS-0042.', en: 'As in the register, e.g. VK-DS-0042.' },
  reprint: { vi: 'Hủy phiếu cũ và in lại', en: 'Revoke the old ballot and reprint' },
  reprintConfirm: {
    vi: 'Hủy mã phiếu cũ của hộ này và phát mã mới? Phiếu cũ (nếu tìm lại được) sẽ không dùng được nữa.',
    en: 'Revoke this household’s old serial and issue a new one? The old ballot, if found, will no longer work.',
  },
  reprinted: { vi: 'Đã phát mã phiếu mới cho hộ', en: 'New serial issued for household' },
  reprintedHint: { vi: 'Mã phiếu cũ đã bị hủy. Tải phiếu mới về và in:', en: 'The old serial is revoked. Download the new ballot and print it:' },
  downloadOne: { vi: 'Tải phiếu của hộ', en: 'Download the household’s ballot' },
  posterA4: { vi: 'Áp phích A4', en: 'A4 poster' },
  posterA3: { vi: 'Áp phích A3', en: 'A3 poster' },
  anonymous: { vi: 'Khảo sát hài lòng là ẩn danh: chỉ in áp phích có mã QR chung, không in phiếu theo hộ.', en: 'Satisfaction surveys are anonymous: print the poster with the campaign QR, no household ballots.' },
  none: { vi: 'Chưa có đợt lấy ý kiến nào để in.', en: 'No campaign to print yet.' },
} satisfies Record<string, Text>;

const FORMS: { id: FormName; label: Text }[] = [
  { id: 'mau-01', label: { vi: 'Mẫu 01 Giấy mời họp', en: 'Form 01 Meeting notice' } },
  { id: 'mau-02', label: { vi: 'Mẫu 02 Biên bản kiểm phiếu kín', en: 'Form 02 Secret ballot count' } },
  { id: 'mau-03', label: { vi: 'Mẫu 03 Biên bản cuộc họp', en: 'Form 03 Meeting minutes' } },
  { id: 'mau-04', label: { vi: 'Mẫu 04 Biên bản kiểm phiếu hộ gia đình', en: 'Form 04 Household ballot count' } },
];

export interface PrintCentreProps extends StaffFrame {
  campaigns: { id: string; title: string; status: string }[];
  format: 'A5' | 'A4';
  selected?: {
    id: string;
    title: string;
    kind: string;
    status: string;
    /** the poster's QR opens the survey itself (satisfaction) rather than the commune's page */
    posterOpensSurvey: boolean;
    /** the NĐ 59 forms the campaign's channels need (Mẫu 01–03 only with a meeting) */
    forms: FormName[];
    villages: { villageId: string; code: string; name: string; households: number; serials: number }[];
  };
  /** the QR codes would hold an address phones cannot open (DANBAN_PUBLIC_URL) */
  qrWarning?: string;
  /** the reprint form: what was typed and why it was refused */
  reprint?: { householdCode: string; error?: string };
  /** a ballot just reprinted: its household and the link to print it */
  reprinted?: { householdCode: string; href: string };
}

function VillageFiles(props: { lang: Lang; campaignId: string; forms: FormName[]; v: NonNullable<PrintCentreProps['selected']>['villages'][number] }) {
  const { lang, v } = props;
  const api = `/api/v1/campaigns/${encodeURIComponent(props.campaignId)}`;
  const village = `villageId=${encodeURIComponent(v.villageId)}`;
  return (
    <ul class="file-links">
      {FORMS.filter((f) => props.forms.includes(f.id)).map((f) => (
        <li>
          <a href={`${api}/forms/${f.id}.pdf?${village}`} download>
            {f.label[lang]}
            <span class="visually-hidden"> – {v.name}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function PrintCentrePage(props: PrintCentreProps) {
  const { lang, selected: s } = props;
  const api = s ? `/api/v1/campaigns/${encodeURIComponent(s.id)}` : '';
  const missing = s ? s.villages.some((v) => v.serials === 0) : false;
  return (
    <StaffPage {...props} title={T.title[lang]}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
      {props.qrWarning ? <Alert kind="error" title={T.qrTitle[lang]}>{props.qrWarning}</Alert> : null}
      <p><a href="/staff/feedback/settings#posters-title">{lang === 'vi' ? 'In mã QR hòm thư góp ý (áp phích A4, thẻ A6) cho từng thôn và Bộ phận Một cửa' : 'Print the feedback QR (A4 posters, A6 cards) for each village and the one-stop counter'}</a></p>
      {props.campaigns.length === 0 ? (
        <Alert kind="info">{T.none[lang]}</Alert>
      ) : (
        <form method="get" action="/staff/print" class="form print-picker">
          <Select
            name="campaignId" label={T.campaign[lang]} lang={lang} value={s?.id} placeholder={T.choose[lang]} required
            options={props.campaigns.map((c) => ({ value: c.id, label: c.title }))}
          />
          <RadioGroup
            name="format" legend={T.format[lang]} lang={lang} value={props.format}
            options={[{ value: 'A5', label: T.a5[lang] }, { value: 'A4', label: T.a4[lang] }]}
          />
          <div class="actions">
            <Button>{T.show[lang]}</Button>
          </div>
        </form>
      )}
      {s ? (
        <section aria-labelledby="files-title">
          <h2 id="files-title">
            {s.title} <StatusBadge status={s.status} lang={lang} />
          </h2>
          <p><a href={`/staff/campaigns/${encodeURIComponent(s.id)}`}>{T.campaignPage[lang]}</a></p>
          {s.kind === 'satisfaction' ? (
            <Alert kind="info">{T.anonymous[lang]}</Alert>
          ) : (
            <>
              {missing ? <Alert kind="warn">{T.issueFirst[lang]}</Alert> : null}
              <Table
                lang={lang}
                caption={T.caption[lang]}
                rows={s.villages}
                columns={[
                  { label: T.village[lang], rowHeader: true, cell: (v) => v.name },
                  { label: T.households[lang], numeric: true, cell: (v) => <NumberText value={v.households} /> },
                  { label: T.serials[lang], numeric: true, cell: (v) => <NumberText value={v.serials} /> },
                  {
                    label: `${T.ballots[lang]} (${props.format})`,
                    cell: (v) =>
                      v.serials > 0 ? (
                        <a class="btn btn-secondary" href={`${api}/ballots.pdf?villageId=${encodeURIComponent(v.villageId)}&format=${props.format}`} download>
                          {T.download[lang]}
                          <span class="visually-hidden"> {props.format} – {v.name}</span>
                        </a>
                      ) : (
                        <span class="muted">{T.notIssued[lang]}</span>
                      ),
                  },
                  ...(s.forms.length
                    ? [{ label: T.forms[lang], cell: (v: (typeof s.villages)[number]) => <VillageFiles lang={lang} campaignId={s.id} forms={s.forms} v={v} /> }]
                    : []),
                ]}
              />
              {s.status === 'draft' || s.status === 'open' ? <Reprint {...props} lang={lang} campaignId={s.id} /> : null}
            </>
          )}
          <h3>{T.posters[lang]}</h3>
          <p class="hint">{s.posterOpensSurvey ? T.posterSurvey[lang] : T.posterHousehold[lang]}</p>
          <ul class="file-links">
            <li><a href={`${api}/poster.pdf?size=A4`} download>{T.posterA4[lang]}</a></li>
            <li><a href={`${api}/poster.pdf?size=A3`} download>{T.posterA3[lang]}</a></li>
          </ul>
        </section>
      ) : null}
    </StaffPage>
  );
}

/** One household's lost ballot: a new serial (the old one revoked) and its single-ballot PDF. */
function Reprint(props: PrintCentreProps & { campaignId: string }) {
  const { lang } = props;
  const error = props.reprint?.error;
  return (
    <section aria-labelledby="reprint-title" class="reprint">
      <h3 id="reprint-title">{T.reprintTitle[lang]}</h3>
      <p>{T.reprintIntro[lang]}</p>
      {props.reprinted ? (
        <Alert kind="ok" title={`${T.reprinted[lang]} ${props.reprinted.householdCode}`}>
          <p>
            {T.reprintedHint[lang]}{' '}
            <a class="btn btn-secondary" href={props.reprinted.href} download>
              {T.downloadOne[lang]} {props.reprinted.householdCode} ({props.format})
            </a>
          </p>
        </Alert>
      ) : null}
      <ErrorSummary lang={lang} errors={error ? [{ path: 'householdCode', message: error }] : []} />
      <form method="post" action="/staff/print/reprint" class="form reprint-form" data-confirm={T.reprintConfirm[lang]}>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="campaignId" value={props.campaignId} />
        <input type="hidden" name="format" value={props.format} />
        <Field
          name="householdCode" label={T.householdCode[lang]} hint={T.householdHint[lang]} value={props.reprint?.householdCode}
          error={error} required maxlength={50} autocomplete="off" code lang={lang}
        />
        <Button variant="danger">{T.reprint[lang]}</Button>
      </form>
    </section>
  );
}
