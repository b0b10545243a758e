import type { Lang, Text } from '../../../server/domain/i18n';
import { formatDate, formatNumber } from '../../../server/domain/i18n';
import { Alert, Badge, Button, ErrorSummary, Field, RadioGroup, Select, Table } from '../components';
import { CsrfField, StaffPage, type StaffFrame } from '../campaigns/page';
import { OUTREACH_LABEL, OUTREACH_STATUS, label } from '../feedback/labels';

// Every household reached: per village of a campaign, the notice posted, the
// loudspeaker runs, the Zalo message and the Mẫu 01 invitations, each with
// when it was done against its last day; the words for the loudspeaker and
// Zalo, copied with one tap (a plain text box to select without JavaScript).

const T = {
  title: { vi: 'Thông tin đến từng hộ', en: 'Every household reached' },
  intro: {
    vi: 'Mỗi thôn: niêm yết thông báo (kèm ảnh), đọc trên loa truyền thanh, nhắn nhóm Zalo của thôn và phát giấy mời họp (Mẫu 01). Hạn theo luật được tính trên lịch làm việc; việc luật không quy định ngày thì theo kế hoạch của xã (trước ngày bắt đầu).',
    en: 'For each village: the notice posted (with a photo), the loudspeaker, the village’s Zalo group and the meeting invitations (Mẫu 01). Legal deadlines are counted on the working calendar; where the law sets no day, the commune’s plan (before the opening) applies.',
  },
  back: { vi: 'Về trang đợt lấy ý kiến', en: 'Back to the campaign' },
  caption: { vi: 'Việc đã làm theo thôn', en: 'Done per village' },
  village: { vi: 'Thôn', en: 'Village' },
  reached: { vi: 'Đủ các kênh', en: 'All done' },
  yes: { vi: 'Đủ', en: 'Yes' },
  no: { vi: 'Chưa đủ', en: 'Not yet' },
  due: { vi: 'hạn', en: 'due' },
  plan: { vi: 'kế hoạch', en: 'plan' },
  households: { vi: 'hộ', en: 'households' },
  texts: { vi: 'Lời đọc loa và tin nhắn Zalo', en: 'Loudspeaker and Zalo texts' },
  loudspeaker: { vi: 'Lời đọc trên loa truyền thanh', en: 'Loudspeaker announcement' },
  loudspeakerHint: { vi: 'Đọc ít nhất 3 ngày liên tục; ghi lại từng ngày đã đọc.', en: 'Read on at least 3 consecutive days; record each day.' },
  zalo: { vi: 'Tin nhắn nhóm Zalo của thôn', en: 'Message for the village’s Zalo group' },
  copy: { vi: 'Sao chép', en: 'Copy' },
  copyLink: { vi: 'Sao chép đường dẫn', en: 'Copy the link' },
  copied: { vi: 'Đã sao chép.', en: 'Copied.' },
  link: { vi: 'Đường dẫn', en: 'Link' },
  records: { vi: 'Đã ghi', en: 'Recorded' },
  photo: { vi: 'ảnh', en: 'photo' },
  record: { vi: 'Ghi việc đã làm', en: 'Record what was done' },
  kind: { vi: 'Việc', en: 'What' },
  doneOn: { vi: 'Ngày thực hiện', en: 'Day done' },
  invited: { vi: 'Số hộ đã nhận giấy mời (chỉ với giấy mời)', en: 'Households that got an invitation (invitations only)' },
  note: { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' },
  notice: { vi: 'Ảnh thông báo đã niêm yết (chỉ với niêm yết)', en: 'Photo of the posted notice (notices only)' },
  save: { vi: 'Ghi lại', en: 'Record' },
  savedNotice: { vi: 'Đã ghi lại.', en: 'Recorded.' },
  summaryTitle: { vi: 'Thông tin đến từng hộ', en: 'Every household reached' },
  open: { vi: 'Ghi và xem chi tiết, lời đọc loa, tin nhắn Zalo', en: 'Record and see details, loudspeaker and Zalo texts' },
  lawBasis: { vi: 'hạn theo luật', en: 'legal deadline' },
  planBasis: { vi: 'luật không quy định ngày; hạn theo kế hoạch của xã', en: 'no legal day; the commune’s plan' },
  textsOf: { vi: 'lời đọc loa, tin nhắn Zalo', en: 'loudspeaker and Zalo texts' },
} satisfies Record<string, Text>;

export const OUTREACH_TEXT = T;

export interface OutreachCellView {
  kind: string;
  status: string;
  doneOn: string | null;
  due: string | null;
  basis: 'law' | 'plan';
  article: string | null;
  dates: string[];
  households: number | null;
  records: { id: string; doneOn: string; households: number | null; note: string; photo: string | null }[];
}

export interface OutreachVillageView {
  villageId: string;
  code: string;
  name: string;
  households: number;
  reached: boolean;
  outreach: OutreachCellView[];
  texts: { loudspeaker: string; zalo: string };
}

const day = (d: string | null) => (d ? formatDate(`${d}T12:00:00+07:00`) : '');

function Cell(props: { lang: Lang; c: OutreachCellView }) {
  const { lang, c } = props;
  const s = OUTREACH_STATUS[c.status];
  return (
    <span class="outreach-cell">
      <Badge tone={s?.tone ?? 'neutral'}>{s?.text[lang] ?? c.status}</Badge>
      {c.doneOn ? <span class="hint">{day(c.doneOn)}{c.households !== null ? ` · ${formatNumber(c.households)} ${T.households[lang]}` : ''}</span> : null}
      {c.due ? <span class="hint">{c.basis === 'law' ? T.due[lang] : T.plan[lang]} {day(c.due)}</span> : null}
    </span>
  );
}

/** Where each column's last day comes from: the article, or the commune's own plan. */
function Basis(props: { lang: Lang; kinds: string[]; villages: OutreachVillageView[] }) {
  const { lang } = props;
  const first = props.villages[0];
  if (!first) return null;
  return (
    <ul class="small muted">
      {props.kinds.map((k) => {
        const c = first.outreach.find((o) => o.kind === k);
        if (!c) return null;
        const what = c.basis === 'law' ? T.lawBasis[lang] : T.planBasis[lang];
        return <li>{label(OUTREACH_LABEL, k, lang)}: {what}{c.article ? ` (${c.article})` : ''}</li>;
      })}
    </ul>
  );
}

/** The per-village table: one column per kind of outreach the campaign needs. */
export function OutreachTable(props: { lang: Lang; kinds: string[]; villages: OutreachVillageView[]; id?: string }) {
  const { lang } = props;
  return (
    <>
    <Table lang={lang} caption={T.caption[lang]} rows={props.villages} id={props.id ?? 'outreach-table'} columns={[
      { label: T.village[lang], rowHeader: true, cell: (v) => v.name },
      ...props.kinds.map((k) => ({ label: label(OUTREACH_LABEL, k, lang), cell: (v: OutreachVillageView) => {
        const c = v.outreach.find((o) => o.kind === k);
        return c ? <Cell lang={lang} c={c} /> : '';
      } })),
      { label: T.reached[lang], cell: (v) => <Badge tone={v.reached ? 'ok' : 'warn'}>{v.reached ? T.yes[lang] : T.no[lang]}</Badge> },
    ]} />
    <Basis lang={lang} kinds={props.kinds} villages={props.villages} />
    </>
  );
}

/** The campaign page's box: the same table and a link to record. */
export function OutreachSummary(props: { lang: Lang; campaignId: string; kinds: string[]; villages: OutreachVillageView[] }) {
  const { lang } = props;
  return (
    <section aria-labelledby="outreach-summary-title">
      <h2 id="outreach-summary-title">{T.summaryTitle[lang]}</h2>
      <OutreachTable lang={lang} kinds={props.kinds} villages={props.villages} id="outreach-summary" />
      <p><a href={`/staff/campaigns/${encodeURIComponent(props.campaignId)}/outreach`}>{T.open[lang]}</a></p>
    </section>
  );
}

function CopyBox(props: { lang: Lang; id: string; label: string; hint?: string; text: string; link?: string }) {
  const { lang } = props;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      <textarea id={props.id} class="copy-text" readonly rows={8}>{props.text}</textarea>
      <div class="actions">
        <button type="button" class="btn btn-secondary" data-copy={props.id} hidden>{T.copy[lang]}</button>
        {props.link ? <button type="button" class="btn btn-secondary" data-copy-text={props.link} hidden>{T.copyLink[lang]}</button> : null}
        <span class="copy-status" role="status" data-copied={T.copied[lang]}></span>
      </div>
    </div>
  );
}

export function OutreachPage(props: StaffFrame & {
  campaign: { id: string; title: string };
  kinds: string[];
  url: string;
  villages: OutreachVillageView[];
  canRecord: boolean;
  today: string;
  values: Record<string, string>;
  errors: { path: string; message: string }[];
  notice?: string;
}) {
  const { lang, values } = props;
  const err = (p: string) => props.errors.find((e) => e.path === p)?.message;
  return (
    <StaffPage {...props} title={`${T.title[lang]} – ${props.campaign.title}`} scripts={['outreach.js']}>
      <nav class="breadcrumbs" aria-label={T.back[lang]}><a href={`/staff/campaigns/${encodeURIComponent(props.campaign.id)}`}>{T.back[lang]}</a></nav>
      <h1>{T.title[lang]}: {props.campaign.title}</h1>
      <p>{T.intro[lang]}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      <OutreachTable lang={lang} kinds={props.kinds} villages={props.villages} />
      {props.canRecord ? (
        <section aria-labelledby="record-title">
          <h2 id="record-title">{T.record[lang]}</h2>
          <ErrorSummary lang={lang} errors={props.errors} />
          <form method="post" action={`/staff/campaigns/${encodeURIComponent(props.campaign.id)}/outreach`} enctype="multipart/form-data" novalidate>
            <CsrfField token={props.csrfToken} />
            <Select name="villageId" label={T.village[lang]} lang={lang} required value={values.villageId} error={err('villageId')}
              options={props.villages.map((v) => ({ value: v.villageId, label: v.name }))} />
            <RadioGroup name="kind" legend={T.kind[lang]} lang={lang} required value={values.kind ?? props.kinds[0]} error={err('kind')}
              options={props.kinds.map((k) => ({ value: k, label: label(OUTREACH_LABEL, k, lang) }))} />
            <Field name="doneOn" type="date" label={T.doneOn[lang]} required max={props.today} lang={lang} value={values.doneOn ?? props.today} error={err('doneOn')} />
            {props.kinds.includes('invitation') ? (
              <Field name="households" type="number" inputmode="numeric" min={0} label={T.invited[lang]} lang={lang} value={values.households} error={err('households')} />
            ) : null}
            <Field name="photo" type="file" accept="image/jpeg,image/png" label={T.notice[lang]} lang={lang} error={err('photo')} />
            <Field name="note" label={T.note[lang]} maxlength={500} lang={lang} value={values.note} error={err('note')} />
            <Button>{T.save[lang]}</Button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="texts-title">
        <h2 id="texts-title">{T.texts[lang]}</h2>
        {props.villages.map((v) => (
          <details class="details-form" open={props.villages.length === 1}>
            <summary>{v.name}: {T.textsOf[lang]}</summary>
            <CopyBox lang={lang} id={`loa-${v.code}`} label={`${T.loudspeaker[lang]} – ${v.name}`} hint={T.loudspeakerHint[lang]} text={v.texts.loudspeaker} />
            <CopyBox lang={lang} id={`zalo-${v.code}`} label={`${T.zalo[lang]} – ${v.name}`} text={v.texts.zalo} link={props.url} />
            <p class="small">{T.records[lang]}:</p>
            <ul class="small">
              {v.outreach.flatMap((o) => o.records.map((r) => (
                <li>
                  {label(OUTREACH_LABEL, o.kind, lang)}: {day(r.doneOn)}{r.households !== null ? ` · ${formatNumber(r.households)} ${T.households[lang]}` : ''}
                  {r.note ? ` · ${r.note}` : ''}{r.photo ? <> · <a href={r.photo}>{T.photo[lang]}</a></> : null}
                </li>
              )))}
            </ul>
          </details>
        ))}
      </section>
    </StaffPage>
  );
}
