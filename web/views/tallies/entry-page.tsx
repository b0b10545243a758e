import type { Lang, Text } from '../../../server/domain/i18n';
import { SHEET_CHANNELS, type SheetChannel } from '../../../server/domain/legal-rules';
import { Layout } from '../layout';
import { Alert, Button, ErrorSummary, Field, RadioGroup, fieldId } from '../components';
import { TT, choiceLabel, type PageUser } from './model';

// The village head's phone-first form for one biên bản (Mẫu 02, 03, 04):
// big numeric boxes that bring up the number pad, the counts generated from
// the campaign's own form, the board and witnesses, and the photo taken with
// the phone's back camera. Plain form post; errors come back in place.

const T = {
  title: { vi: 'Nhập biên bản kiểm phiếu', en: 'Enter a tally sheet' },
  correctTitle: { vi: 'Sửa biên bản (phiên bản mới)', en: 'Correct a tally sheet (new version)' },
  correctIntro: {
    vi: 'Bản sửa là một phiên bản mới; phiên bản cũ vẫn được lưu và hiển thị. Bản sửa cần được xác nhận lại.',
    en: 'A correction is a new version; the old one stays on record. The correction must be confirmed again.',
  },
  chooseStep: { vi: 'Chọn thôn và hình thức', en: 'Choose the village and the channel' },
  village: { vi: 'Thôn, tổ dân phố', en: 'Village' },
  channel: { vi: 'Hình thức', en: 'Channel' },
  next: { vi: 'Tiếp tục', en: 'Continue' },
  method: { vi: 'Cách biểu quyết tại cuộc họp', en: 'How the meeting voted' },
  numbers: { vi: 'Số liệu', en: 'Numbers' },
  presentHint: { vi: 'Số hộ có đại diện dự họp (Điều 20 khoản 2).', en: 'Households with a representative at the meeting (Art. 20(2)).' },
  ballotsHint: { vi: 'Chỉ điền khi bỏ phiếu kín.', en: 'Only for a secret ballot.' },
  boardHint: { vi: '3 đến 5 người (Tổ trưởng và thành viên).', en: '3 to 5 people (head and members).' },
  witnessesHint: { vi: '2 đại diện hộ gia đình chứng kiến việc kiểm phiếu.', en: '2 household representatives who watched the count.' },
  member: { vi: 'Thành viên', en: 'Member' },
  witness: { vi: 'Người chứng kiến', en: 'Witness' },
  heldOn: { vi: 'Ngày họp / kiểm phiếu', en: 'Date of the meeting or count' },
  place: { vi: 'Địa điểm', en: 'Place' },
  photo: { vi: 'Ảnh biên bản đã ký', en: 'Photo of the signed sheet' },
  photoHint: { vi: 'Chụp rõ toàn bộ biên bản có chữ ký. JPEG hoặc PNG, tối đa 8 MB; thông tin vị trí được xóa.', en: 'The whole signed sheet, readable. JPEG or PNG, at most 8 MB; location data is removed.' },
  reasonHint: { vi: 'Ví dụ: đếm lại phiếu, ghi nhầm số.', en: 'For example: recounted, a number was mistyped.' },
  submit: { vi: 'Gửi biên bản', en: 'Submit the sheet' },
  submitCorrection: { vi: 'Gửi bản sửa', en: 'Submit the correction' },
  countsHint: { vi: 'Số phiếu (hoặc số người giơ tay) cho từng lựa chọn.', en: 'Ballots (or raised hands) for each choice.' },
  candidatesHint: { vi: 'Số phiếu bầu cho từng người ứng cử.', en: 'Votes for each candidate.' },
  households: { vi: 'Tổng số hộ của thôn', en: 'Households of the village' },
  procedural: { vi: 'Biểu quyết thủ tục của cuộc họp', en: 'The meeting’s procedural votes' },
  proceduralHint: {
    vi: 'Số đại diện hộ dự họp giơ tay đồng ý từng việc; mỗi việc cần trên 50% số đại diện dự họp (Điều 18 khoản 4 Luật; Điều 3 khoản 5 Nghị định 59). Thiếu mục nào, biên bản được ghi là chưa đầy đủ và kết quả chưa được tính.',
    en: 'Representatives present who voted for each item; each needs more than half of those present (Law Art. 18(4); Decree 59 Art. 3(5)). A missing item marks the record incomplete and its vote does not count yet.',
  },
  secretaryName: { vi: 'Họ tên thư ký', en: 'Secretary’s name' },
  secretaryVotes: { vi: 'Số đồng ý chọn thư ký', en: 'Votes for the secretary' },
  methodVotes: { vi: 'Số đồng ý hình thức biểu quyết', en: 'Votes for the voting method' },
  boardVotes: { vi: 'Số đồng ý Ban kiểm phiếu', en: 'Votes for the counting board' },
  boardVotesHint: { vi: 'Khi bỏ phiếu kín.', en: 'With a secret ballot.' },
} satisfies Record<string, Text>;

export interface EntryPageProps extends PageUser {
  lang: Lang;
  campaign: { id: string; title: string; kind: string; channels: string[]; secret: boolean; candidates: { id: string; name: string; villageId: string }[] };
  villages: { villageId: string; name: string; households: number | null; questions: { name: string; choices: string[]; title?: Text }[] }[];
  /** chosen village and channel; both known means the sheet form is shown */
  villageId?: string;
  channel?: SheetChannel;
  /** the village head's village is fixed */
  villageFixed: boolean;
  /** the id of the version being corrected */
  correct?: string;
  values: Record<string, string>;
  errors: { path: string; message: string }[];
  /** a message for the whole form (409 and the like) */
  formError?: string;
}

export function TallyEntryPage(props: EntryPageProps) {
  const { lang, campaign } = props;
  const sheetChannels = campaign.channels.filter((c): c is SheetChannel => (SHEET_CHANNELS as readonly string[]).includes(c));
  const village = props.villages.find((v) => v.villageId === props.villageId);
  const title = props.correct ? T.correctTitle[lang] : T.title[lang];
  const action = `/staff/tallies/${encodeURIComponent(campaign.id)}/new`;
  return (
    <Layout lang={lang} title={title} path={action} user={props.user} csrfToken={props.csrfToken} narrow>
      <h1>{title}</h1>
      <p class="lead">{campaign.title}</p>
      {props.correct ? <p>{T.correctIntro[lang]}</p> : null}
      {props.formError ? <Alert kind="error">{props.formError}</Alert> : null}
      {!village || !props.channel ? (
        <ChooseStep {...props} sheetChannels={sheetChannels} action={action} />
      ) : (
        <SheetForm {...props} village={village} channel={props.channel} action={action} />
      )}
    </Layout>
  );
}

function ChooseStep(props: EntryPageProps & { sheetChannels: SheetChannel[]; action: string }) {
  const { lang } = props;
  return (
    <form method="get" action={props.action} class="form tally-choose">
      <h2>{T.chooseStep[lang]}</h2>
      <ErrorSummary lang={lang} errors={props.errors} />
      {props.villageFixed ? (
        <input type="hidden" name="villageId" value={props.villageId ?? ''} />
      ) : (
        <RadioGroup name="villageId" legend={T.village[lang]} required lang={lang} value={props.villageId}
          options={props.villages.map((v) => ({ value: v.villageId, label: v.name }))} />
      )}
      <RadioGroup name="channel" legend={T.channel[lang]} required lang={lang} value={props.channel ?? (props.sheetChannels.length === 1 ? props.sheetChannels[0] : undefined)}
        options={props.sheetChannels.map((c) => ({ value: c, label: TT[c][lang] }))} />
      <div class="actions"><Button block>{T.next[lang]}</Button></div>
    </form>
  );
}

function NumberField(props: { name: string; label: string; hint?: string; value?: string; error?: string; lang: Lang }) {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} value={props.value} error={props.error} lang={props.lang}
      inputmode="numeric" pattern="[0-9]*" autocomplete="off" maxlength={7} short />
  );
}

function SheetForm(props: EntryPageProps & { village: EntryPageProps['villages'][number]; channel: SheetChannel; action: string }) {
  const { lang, campaign, village, channel } = props;
  const v = props.values;
  const err = (path: string) => props.errors.find((e) => e.path === path)?.message;
  const election = campaign.kind === 'election';
  const method = election || campaign.secret ? 'secret_ballot' : v.method === 'secret_ballot' ? 'secret_ballot' : v.method === 'show_of_hands' ? 'show_of_hands' : undefined;
  const candidates = campaign.candidates.filter((c) => c.villageId === village.villageId);
  return (
    <form method="post" action={props.action} enctype="multipart/form-data" class="form tally-form">
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <input type="hidden" name="villageId" value={village.villageId} />
      <input type="hidden" name="channel" value={channel} />
      {props.correct ? <input type="hidden" name="correct" value={props.correct} /> : null}
      <ErrorSummary lang={lang} errors={props.errors} />
      <p>
        <strong>{village.name}</strong> · {TT[channel][lang]}
        {village.households !== null ? <> · {T.households[lang]}: <strong>{village.households}</strong></> : null}
      </p>
      {props.correct ? (
        <Field name="reason" label={TT.reason[lang]} hint={T.reasonHint[lang]} value={v.reason} error={err('reason')} required maxlength={1000} lang={lang} />
      ) : null}

      {channel === 'meeting' && !election && !campaign.secret ? (
        <RadioGroup name="method" legend={T.method[lang]} lang={lang} value={method} error={err('method')}
          options={[{ value: 'show_of_hands', label: TT.showOfHands[lang] }, { value: 'secret_ballot', label: TT.secretBallot[lang] }]} />
      ) : method === 'secret_ballot' && channel === 'meeting' ? <input type="hidden" name="method" value="secret_ballot" /> : null}

      <fieldset class="tally-numbers">
        <legend>{T.numbers[lang]}</legend>
        {channel === 'meeting' ? <NumberField name="present" label={TT.present[lang]} hint={T.presentHint[lang]} value={v.present} error={err('present')} lang={lang} /> : null}
        <NumberField name="issued" label={TT.issued[lang]} hint={channel === 'meeting' ? T.ballotsHint[lang] : undefined} value={v.issued} error={err('issued')} lang={lang} />
        <NumberField name="returned" label={TT.returned[lang]} hint={channel === 'meeting' ? T.ballotsHint[lang] : undefined} value={v.returned} error={err('returned')} lang={lang} />
        <NumberField name="invalid" label={TT.invalid[lang]} hint={channel === 'meeting' ? T.ballotsHint[lang] : undefined} value={v.invalid} error={err('invalid')} lang={lang} />
      </fieldset>

      {channel === 'meeting' ? (
        <fieldset class="tally-procedural" id={fieldId('procedural')}>
          <legend>{T.procedural[lang]}</legend>
          <p class="hint">{T.proceduralHint[lang]}</p>
          <Field name="procedural.secretary.name" label={T.secretaryName[lang]} value={v['procedural.secretary.name']} error={err('procedural.secretary.name')} maxlength={200} autocomplete="off" lang={lang} />
          <NumberField name="procedural.secretary.votesFor" label={T.secretaryVotes[lang]} value={v['procedural.secretary.votesFor']} error={err('procedural.secretary.votesFor')} lang={lang} />
          <NumberField name="procedural.method.votesFor" label={T.methodVotes[lang]} value={v['procedural.method.votesFor']} error={err('procedural.method.votesFor')} lang={lang} />
          <NumberField name="procedural.board.votesFor" label={T.boardVotes[lang]} hint={T.boardVotesHint[lang]} value={v['procedural.board.votesFor']} error={err('procedural.board.votesFor')} lang={lang} />
        </fieldset>
      ) : null}

      {village.questions.map((q) => {
        const path = `counts.${q.name}`;
        const qError = err(path);
        return (
          <fieldset class={qError ? 'tally-counts-input field-error' : 'tally-counts-input'} id={fieldId(path)} aria-describedby={qError ? `${fieldId(path)}-error` : undefined}>
            <legend>{TT.counts[lang]}{village.questions.length > 1 ? `: ${q.title?.[lang] ?? q.name}` : ''}</legend>
            <p class="hint">{election ? T.candidatesHint[lang] : T.countsHint[lang]}</p>
            {qError ? <p class="error-text" id={`${fieldId(path)}-error`}>{qError}</p> : null}
            {q.choices.map((choice) => (
              <NumberField name={`${path}.${choice}`} label={choiceLabel(lang, choice, candidates)} value={v[`${path}.${choice}`]} error={err(`${path}.${choice}`)} lang={lang} />
            ))}
          </fieldset>
        );
      })}

      <NameList name="board" legend={TT.board[lang]} hint={T.boardHint[lang]} count={5} itemLabel={T.member[lang]} values={v} error={err('board')} lang={lang} />
      <NameList name="witnesses" legend={TT.witnesses[lang]} hint={T.witnessesHint[lang]} count={2} itemLabel={T.witness[lang]} values={v} error={err('witnesses')} lang={lang} />

      <Field name="heldOn" type="date" label={T.heldOn[lang]} value={v.heldOn} error={err('heldOn')} lang={lang} />
      <Field name="place" label={T.place[lang]} value={v.place} error={err('place')} maxlength={300} lang={lang} />
      <PhotoInput lang={lang} error={err('photo')} />
      <div class="actions"><Button block>{props.correct ? T.submitCorrection[lang] : T.submit[lang]}</Button></div>
    </form>
  );
}

function NameList(props: { name: string; legend: string; hint: string; count: number; itemLabel: string; values: Record<string, string>; error?: string; lang: Lang }) {
  const id = fieldId(props.name);
  return (
    <fieldset class={props.error ? 'name-list field-error' : 'name-list'} id={id} aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}>
      <legend>{props.legend}</legend>
      <p class="hint" id={`${id}-hint`}>{props.hint}</p>
      {props.error ? <p class="error-text" id={`${id}-error`}>{props.error}</p> : null}
      {Array.from({ length: props.count }, (_, i) => (
        <Field name={`${props.name}.${i}`} label={`${props.itemLabel} ${i + 1}`} value={props.values[`${props.name}.${i}`]} maxlength={200} autocomplete="off" lang={props.lang} />
      ))}
    </fieldset>
  );
}

/** The phone's back camera opens straight away; a computer gets a file picker. */
function PhotoInput(props: { lang: Lang; error?: string }) {
  const id = fieldId('photo');
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{T.photo[props.lang]}</label>
      <p class="hint" id={`${id}-hint`}>{T.photoHint[props.lang]}</p>
      {props.error ? <p class="error-text" id={`${id}-error`}>{props.error}</p> : null}
      <input id={id} type="file" name="photo" accept="image/*" capture="environment"
        aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`} aria-invalid={props.error ? 'true' : undefined} />
    </div>
  );
}
