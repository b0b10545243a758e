// A campaign's timeline on its page (staff at a desk, village heads on a
// phone): each step with its article and last lawful day, done (with the
// day) or not; an overdue step is red AND says "Quá hạn" in words. Staff
// record a step done below it; a correction is a new record, the earlier one
// stays listed. The staff home's list of what is due this week.
import type { Lang, Text } from '../../../server/domain/i18n';
import { formatDate } from '../../../server/domain/i18n';
import { Badge, Button, ErrorSummary, Field, Select, Table } from '../components';
import { CsrfField } from './page';

/** A step as the timeline API gives it (server/routes/timeline.ts). */
export interface TimelineStepView {
  key: string;
  id: string;
  label: Text;
  article: string;
  note: Text;
  dueKind: 'by' | 'lasting';
  due: string | null;
  doneOn: string | null;
  status: 'waiting' | 'pending' | 'overdue' | 'done' | 'breached';
  overdue: boolean;
  from: { event: Text; on: string | null; basis: 'recorded' | 'planned' | 'estimated' };
}

export interface TimelineView {
  today: string;
  steps: TimelineStepView[];
  recordable: { fact: string; label: Text; step: string; current: { doneOn: string | null; untilOn: string | null } | null }[];
  history: { id: string; fact: string; doneOn: string | null; untilOn: string | null; note: string; recordedAt: string }[];
}

const T = {
  title: { vi: 'Lịch trình theo luật', en: 'Timeline under the law' },
  intro: {
    vi: 'Mỗi bước và hạn chót theo luật, tính trên lịch làm việc của xã (ngày nghỉ lễ, nghỉ bù đã tính).',
    en: 'Each step and its legal deadline, counted on the commune’s working calendar (holidays and swapped days included).',
  },
  due: { vi: 'Hạn', en: 'Due' },
  lastingDue: { vi: 'Duy trì đến hết ngày', en: 'Keep up through' },
  noDue: { vi: 'Chưa tính được hạn: chưa có', en: 'No deadline yet: waiting for' },
  from: { vi: 'Tính từ', en: 'Counted from' },
  estimated: { vi: '(ước tính theo hạn của bước trước)', en: '(estimated from the previous step’s deadline)' },
  planned: { vi: '(theo kế hoạch)', en: '(as planned)' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  done: { vi: 'Đã xong', en: 'Done' },
  breached: { vi: 'Trễ hạn / chưa đủ thời gian', en: 'Late / too short' },
  pending: { vi: 'Chưa đến hạn', en: 'Not yet due' },
  waiting: { vi: 'Chưa có ngày tính hạn', en: 'Waiting for a date' },
  on: { vi: 'ngày', en: 'on' },
  record: { vi: 'Ghi nhận đã thực hiện', en: 'Record a step done' },
  recordHint: {
    vi: 'Ngày xã đã biết (mở, đóng, công bố, ngày họp trên biên bản) được lấy tự động. Ghi lại lần nữa để sửa: bản ghi cũ vẫn được giữ.',
    en: 'Dates the app knows (opened, closed, published, the meeting day on the tally sheets) are filled in by themselves. Record again to correct: the earlier record is kept.',
  },
  fact: { vi: 'Việc đã làm', en: 'What was done' },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  doneOn: { vi: 'Ngày thực hiện', en: 'Day done' },
  untilOn: { vi: 'Ngày phát cuối (chỉ với phát thanh)', en: 'Last broadcast day (loudspeaker only)' },
  note: { vi: 'Ghi chú (số văn bản, nơi gửi; bắt buộc khi bỏ ngày đã ghi)', en: 'Note (document number, sent to; required when withdrawing a day)' },
  save: { vi: 'Lưu', en: 'Save' },
  history: { vi: 'Các lần ghi nhận (kể cả bản đã sửa)', en: 'Records (corrected ones included)' },
  withdrawn: { vi: 'bỏ ngày đã ghi', en: 'day withdrawn' },
  recordedAt: { vi: 'ghi lúc', en: 'recorded' },
  how: { vi: 'Cách tính hạn', en: 'How it is counted' },
  noSteps: { vi: 'Luật không đặt hạn chót nào cho loại đợt này (khảo sát sự hài lòng).', en: 'The law sets no deadline for this kind of campaign (a satisfaction survey).' },
} satisfies Record<string, Text>;

/** dd/mm/yyyy for a Vietnam date. */
export const vnDay = (d: string) => formatDate(`${d}T12:00:00+07:00`);

const Day = (props: { d: string }) => <time datetime={props.d}>{vnDay(props.d)}</time>;

/** The status in words (colour only helps): "Quá hạn", "Đã xong ngày 03/12/2026"… */
export function StepStatus(props: { lang: Lang; step: Pick<TimelineStepView, 'status' | 'doneOn'> }) {
  const { lang, step } = props;
  switch (step.status) {
    case 'overdue':
      return <Badge tone="error"><strong class="due-overdue">{T.overdue[lang]}</strong></Badge>;
    case 'done':
      return <Badge tone="ok">{T.done[lang]}{step.doneOn ? <> {T.on[lang]} <Day d={step.doneOn} /></> : null}</Badge>;
    case 'breached':
      return <Badge tone="warn">{T.breached[lang]}{step.doneOn ? <> – <Day d={step.doneOn} /></> : null}</Badge>;
    case 'pending':
      return <Badge tone="info">{T.pending[lang]}</Badge>;
    default:
      return <Badge>{T.waiting[lang]}</Badge>;
  }
}

function DueLine(props: { lang: Lang; s: TimelineStepView }) {
  const { lang, s } = props;
  if (!s.due) return <>{T.noDue[lang]} {s.from.event[lang].toLowerCase()}</>;
  return <>{s.dueKind === 'lasting' ? T.lastingDue[lang] : T.due[lang]}: <strong><Day d={s.due} /></strong></>;
}

export function TimelineSection(props: {
  lang: Lang; campaignId: string; timeline: TimelineView; canRecord: boolean; csrfToken: string;
  values?: Record<string, string>; errors?: { path: string; message: string }[];
}) {
  const { lang, timeline } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? [];
  const err = (p: string) => errors.find((e) => e.path === p)?.message;
  const labelOf = new Map(timeline.recordable.map((r) => [r.fact, r.label[lang]]));
  return (
    <section aria-labelledby="timeline-title" id="timeline">
      <h2 id="timeline-title">{T.title[lang]}</h2>
      <p class="hint">{T.intro[lang]}</p>
      {timeline.steps.length === 0 ? <p>{T.noSteps[lang]}</p> : null}
      <ol class="timeline">
        {timeline.steps.map((s) => (
          <li class={s.overdue ? 'timeline-step step-overdue' : `timeline-step step-${s.status}`} data-step={s.key}>
            <p class="timeline-label"><strong>{s.label[lang]}</strong> <StepStatus lang={lang} step={s} /></p>
            <p class={s.overdue ? 'timeline-due due-overdue' : 'timeline-due'}><DueLine lang={lang} s={s} /></p>
            <p class="small">
              {s.article}
              {s.from.on ? <> · {T.from[lang]}: {s.from.event[lang].toLowerCase()} <Day d={s.from.on} /> {s.from.basis === 'estimated' ? T.estimated[lang] : s.from.basis === 'planned' ? T.planned[lang] : ''}</> : null}
            </p>
            <details class="small"><summary>{T.how[lang]}</summary><p>{s.note[lang]}</p></details>
          </li>
        ))}
      </ol>
      {props.canRecord && timeline.recordable.length ? (
        <div class="details-form" id="timeline-record">
          <h3>{T.record[lang]}</h3>
          <p class="hint">{T.recordHint[lang]}</p>
          <ErrorSummary lang={lang} errors={errors} />
          <form method="post" action={`/staff/campaigns/${encodeURIComponent(props.campaignId)}/timeline`} novalidate>
            <CsrfField token={props.csrfToken} />
            <Select name="fact" label={T.fact[lang]} lang={lang} required value={values.fact} error={err('fact')} placeholder={T.choose[lang]}
              options={timeline.recordable.map((r) => ({ value: r.fact, label: r.current?.doneOn ? `${r.label[lang]} (${vnDay(r.current.doneOn)})` : r.label[lang] }))} />
            <Field name="doneOn" type="date" label={T.doneOn[lang]} max={timeline.today} lang={lang} value={values.doneOn ?? timeline.today} error={err('doneOn')} />
            {timeline.recordable.some((r) => r.fact === 'loudspeaker') ? (
              <Field name="untilOn" type="date" label={T.untilOn[lang]} max={timeline.today} lang={lang} value={values.untilOn} error={err('untilOn')} />
            ) : null}
            <Field name="note" label={T.note[lang]} maxlength={500} lang={lang} value={values.note} error={err('note')} />
            <Button>{T.save[lang]}</Button>
          </form>
        </div>
      ) : null}
      {timeline.history.length ? (
        <details class="small">
          <summary>{T.history[lang]} ({timeline.history.length})</summary>
          <ul>
            {[...timeline.history].reverse().map((r) => (
              <li>
                {labelOf.get(r.fact) ?? r.fact}: {r.doneOn ? <Day d={r.doneOn} /> : T.withdrawn[lang]}
                {r.untilOn && r.untilOn !== r.doneOn ? <> – <Day d={r.untilOn} /></> : null}
                {r.note ? ` · ${r.note}` : ''} · {T.recordedAt[lang]} {formatDate(r.recordedAt)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

const H = {
  title: { vi: 'Việc đến hạn trong tuần', en: 'Due this week' },
  intro: { vi: 'Các bước theo luật của các đợt: quá hạn trước (màu đỏ), rồi đến hạn từ hôm nay đến Chủ nhật', en: 'The law’s steps of the campaigns: overdue first (in red), then due from today to Sunday' },
  none: { vi: 'Không có bước nào quá hạn hoặc đến hạn trong tuần này.', en: 'Nothing overdue or due this week.' },
  campaign: { vi: 'Đợt', en: 'Campaign' },
  step: { vi: 'Bước', en: 'Step' },
  due: { vi: 'Hạn', en: 'Due' },
  status: { vi: 'Tình trạng', en: 'Status' },
} satisfies Record<string, Text>;

export interface DueRow { campaignId: string; title: string; step: TimelineStepView }

/** The staff home's list: overdue steps (red, and saying so) then those due by Sunday, each linked to its campaign's timeline. */
export function DueThisWeekSection(props: { lang: Lang; until: string; rows: DueRow[] }) {
  const { lang } = props;
  return (
    <section aria-labelledby="due-week-title" class="due-week">
      <h2 id="due-week-title">{H.title[lang]}</h2>
      <p class="hint">{H.intro[lang]} (<Day d={props.until} />).</p>
      <Table lang={lang} caption={H.title[lang]} captionHidden rows={props.rows} id="due-week" empty={H.none[lang]} columns={[
        { label: H.step[lang], rowHeader: true, cell: (r) => <a href={`/staff/campaigns/${encodeURIComponent(r.campaignId)}#timeline`}>{r.step.label[lang]}</a> },
        { label: H.campaign[lang], cell: (r) => r.title },
        { label: H.due[lang], cell: (r) => (r.step.due ? <span class={r.step.overdue ? 'due-overdue' : undefined}><Day d={r.step.due} /></span> : '') },
        { label: H.status[lang], cell: (r) => <StepStatus lang={lang} step={r.step} /> },
      ]} />
    </section>
  );
}
