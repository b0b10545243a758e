import type { Lang, Text } from '../../../server/domain/i18n';
import { formatDate, formatNumber } from '../../../server/domain/i18n';
import { Alert, Badge, Button, DateText, ErrorSummary, Field, LinkButton, RadioGroup, Select, Table } from '../components';
import { CsrfField, StaffPage, type StaffFrame } from '../campaigns/page';
import { DIALOGUE_STATUS_LABEL, KIND_LABEL, SOURCE_LABEL, label } from '../feedback/labels';

// Dialogue conferences for staff: the list, a new conference, and one
// conference with its questions grouped, the order of business to print, the
// answers given on the day, the minutes and the publication.

const T = {
  title: { vi: 'Hội nghị đối thoại với Nhân dân', en: 'Dialogue conferences' },
  intro: {
    vi: 'UBND xã phối hợp với UBMTTQ tổ chức đối thoại với Nhân dân ít nhất mỗi năm một lần. Câu hỏi gửi trước (qua hòm thư góp ý, đơn thư, họp thôn) được nhóm lại, in chương trình, trả lời tại hội nghị và công khai sau đó.',
    en: 'The commune holds a dialogue with its people at least once a year. Questions sent in before it are grouped, the order of business printed, answers recorded on the day and published afterwards.',
  },
  caption: { vi: 'Các hội nghị, gần nhất trước', en: 'Conferences, latest first' },
  name: { vi: 'Hội nghị', en: 'Conference' },
  when: { vi: 'Thời gian', en: 'When' },
  place: { vi: 'Địa điểm', en: 'Place' },
  status: { vi: 'Trạng thái', en: 'Status' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  empty: { vi: 'Chưa có hội nghị nào.', en: 'No conference yet.' },
  create: { vi: 'Tạo hội nghị mới', en: 'New conference' },
  titleField: { vi: 'Tên hội nghị', en: 'Title' },
  heldAt: { vi: 'Ngày giờ tổ chức', en: 'Date and time' },
  chair: { vi: 'Chủ trì', en: 'Chair' },
  chairHint: { vi: 'Thường là Chủ tịch UBND xã; ghi cả họ tên và chức vụ.', en: 'Usually the commune chair; name and office.' },
  save: { vi: 'Tạo hội nghị', en: 'Create' },
  defaultTitle: { vi: 'Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân', en: 'Dialogue between the commune chair and the people' },
} satisfies Record<string, Text>;

export interface DialogueRow {
  id: string;
  title: string;
  heldAt: string;
  place: string;
  status: string;
  asked: number;
  answered: number;
}

export function DialogueStatus(props: { lang: Lang; status: string }) {
  const s = DIALOGUE_STATUS_LABEL[props.status];
  return <Badge tone={s?.tone ?? 'neutral'}>{s?.text[props.lang] ?? props.status}</Badge>;
}

export function DialogueListPage(props: StaffFrame & {
  rows: DialogueRow[]; canCreate: boolean; values: Record<string, string>; errors: { path: string; message: string }[];
}) {
  const { lang, values } = props;
  const err = (p: string) => props.errors.find((e) => e.path === p)?.message;
  return (
    <StaffPage {...props} title={T.title[lang]}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
      <Table lang={lang} caption={T.caption[lang]} empty={T.empty[lang]} rows={props.rows} columns={[
        { label: T.name[lang], rowHeader: true, cell: (r) => <a href={`/staff/dialogues/${encodeURIComponent(r.id)}`}>{r.title}</a> },
        { label: T.when[lang], cell: (r) => <DateText iso={r.heldAt} time /> },
        { label: T.place[lang], cell: (r) => r.place },
        { label: T.status[lang], cell: (r) => <DialogueStatus lang={lang} status={r.status} /> },
        { label: T.answered[lang], numeric: true, cell: (r) => `${formatNumber(r.answered)} / ${formatNumber(r.asked)}` },
      ]} />
      {props.canCreate ? (
        <section aria-labelledby="create-title">
          <h2 id="create-title">{T.create[lang]}</h2>
          <ErrorSummary lang={lang} errors={props.errors} />
          <form method="post" action="/staff/dialogues" novalidate>
            <CsrfField token={props.csrfToken} />
            <Field name="title" label={T.titleField[lang]} required maxlength={300} lang={lang} value={values.title ?? T.defaultTitle[lang]} error={err('title')} />
            <Field name="heldAt" type="datetime-local" label={T.heldAt[lang]} required lang={lang} value={values.heldAt} error={err('heldAt')} />
            <Field name="place" label={T.place[lang]} required maxlength={300} lang={lang} value={values.place} error={err('place')} />
            <Field name="chair" label={T.chair[lang]} hint={T.chairHint[lang]} required maxlength={300} lang={lang} value={values.chair} error={err('chair')} />
            <Button>{T.save[lang]}</Button>
          </form>
        </section>
      ) : null}
    </StaffPage>
  );
}

const D = {
  back: { vi: 'Hội nghị đối thoại', en: 'Dialogue conferences' },
  agenda: { vi: 'In chương trình hội nghị (PDF)', en: 'Print the order of business (PDF)' },
  publicPage: { vi: 'Xem trang công khai', en: 'Open the public page' },
  publish: { vi: 'Công khai biên bản và câu trả lời', en: 'Publish the minutes and answers' },
  publishConfirm: { vi: 'Công khai? Sau khi công khai không sửa được nữa.', en: 'Publish? It can no longer change afterwards.' },
  publishHint: { vi: 'Ghi biên bản hội nghị trước khi công khai.', en: 'Record the minutes before publishing.' },
  questions: { vi: 'Câu hỏi theo nhóm', en: 'Questions by group' },
  noQuestions: { vi: 'Chưa có câu hỏi.', en: 'No questions yet.' },
  from: { vi: 'Nguồn', en: 'From' },
  group: { vi: 'Nhóm', en: 'Group' },
  noGroup: { vi: '— Chưa xếp nhóm —', en: '— Not grouped —' },
  question: { vi: 'Câu hỏi', en: 'Question' },
  answer: { vi: 'Trả lời tại hội nghị', en: 'Answer given at the conference' },
  answeredBy: { vi: 'Người trả lời', en: 'Answered by' },
  save: { vi: 'Lưu', en: 'Save' },
  addGroup: { vi: 'Thêm nhóm câu hỏi', en: 'Add a group' },
  groupTitle: { vi: 'Tên nhóm (ví dụ: Đất đai, xây dựng)', en: 'Group name (e.g. Land)' },
  add: { vi: 'Thêm', en: 'Add' },
  addQuestion: { vi: 'Thêm câu hỏi', en: 'Add a question' },
  source: { vi: 'Câu hỏi từ', en: 'Question from' },
  feedback: { vi: 'Ý kiến từ hòm thư góp ý', en: 'Item from the feedback form' },
  chooseFeedback: { vi: '— Chọn ý kiến —', en: '— Choose an item —' },
  village: { vi: 'Thôn', en: 'Village' },
  noVillage: { vi: '— Không thuộc thôn nào —', en: '— No village —' },
  text: { vi: 'Nội dung câu hỏi (sẽ được công khai)', en: 'The question (published)' },
  textHint: { vi: 'Viết ngắn gọn bằng lời của cán bộ; không ghi họ tên, số điện thoại người hỏi. Với ý kiến từ hòm thư đã có tóm tắt công khai, có thể để trống.', en: 'Short, in your own words; no names or phones. For a feedback item with a published summary, it may stay empty.' },
  minutes: { vi: 'Biên bản hội nghị', en: 'Minutes' },
  minutesHint: { vi: 'Diễn biến chính, ý kiến phát biểu và kết luận của chủ trì. Lưu biên bản đánh dấu hội nghị đã tổ chức.', en: 'Main points, what was said and the chair’s conclusions. Saving marks the conference as held.' },
  saveMinutes: { vi: 'Lưu biên bản', en: 'Save the minutes' },
  saved: { vi: 'Đã lưu.', en: 'Saved.' },
  publishedNotice: { vi: 'Đã công khai biên bản và câu trả lời.', en: 'Minutes and answers published.' },
  created: { vi: 'Đã tạo hội nghị.', en: 'Conference created.' },
  locked: { vi: 'Hội nghị đã công khai; nội dung không sửa được nữa.', en: 'Published; it can no longer change.' },
  headIntro: { vi: 'Trưởng thôn thêm câu hỏi Nhân dân nêu tại họp thôn để đưa ra hội nghị.', en: 'Village heads add questions raised at village meetings.' },
} satisfies Record<string, Text>;

export const DIALOGUE_NOTICES = D;

export interface DialogueDetailView {
  id: string;
  title: string;
  heldAt: string;
  place: string;
  chair: string;
  status: string;
  minutes: string;
  communeSlug: string;
  groups: { id: string; title: string }[];
  sections: { groupId: string | null; title: string; questions: { id: string; number: number; source: string; villageName: string | null; text: string; answer: string | null; answeredBy: string | null; groupId: string | null }[] }[];
  villages: { id: string; name: string }[];
  feedback: { id: string; kind: string; topic: string; receivedOn: string; summary: string }[];
  counts: { asked: number; answered: number };
}

export function DialogueDetailPage(props: StaffFrame & {
  d: DialogueDetailView; canManage: boolean; canAddMeetingQuestion: boolean; notice?: string; errors: { path: string; message: string }[]; values: Record<string, string>;
}) {
  const { lang, d, values } = props;
  const base = `/staff/dialogues/${encodeURIComponent(d.id)}`;
  const editable = d.status !== 'published';
  const err = (p: string) => props.errors.find((e) => e.path === p)?.message;
  const short = (s: string) => (s.length > 90 ? `${s.slice(0, 89)}…` : s);
  return (
    <StaffPage {...props} title={d.title}>
      <nav class="breadcrumbs" aria-label={D.back[lang]}><a href="/staff/dialogues">{D.back[lang]}</a></nav>
      <h1>{d.title}</h1>
      <p><DialogueStatus lang={lang} status={d.status} /> {formatNumber(d.counts.answered)} / {formatNumber(d.counts.asked)} {T.answered[lang].toLowerCase()}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      {!editable ? <Alert kind="info">{D.locked[lang]}</Alert> : null}
      <ErrorSummary lang={lang} errors={props.errors} />
      <dl class="facts">
        <dt>{T.when[lang]}</dt><dd><DateText iso={d.heldAt} time /></dd>
        <dt>{T.place[lang]}</dt><dd>{d.place}</dd>
        <dt>{T.chair[lang]}</dt><dd>{d.chair}</dd>
      </dl>
      <div class="actions">
        {props.canManage ? <LinkButton href={`/api/v1/dialogues/${encodeURIComponent(d.id)}/agenda.pdf`} variant="secondary" download>{D.agenda[lang]}</LinkButton> : null}
        {d.status === 'published' ? <LinkButton href={`/x/${encodeURIComponent(d.communeSlug)}/doi-thoai/${encodeURIComponent(d.id)}`} variant="secondary">{D.publicPage[lang]}</LinkButton> : null}
        {props.canManage && d.status === 'held' ? (
          <form method="post" action={`${base}/publish`} data-confirm={D.publishConfirm[lang]}>
            <CsrfField token={props.csrfToken} />
            <Button>{D.publish[lang]}</Button>
          </form>
        ) : null}
      </div>
      {props.canManage && d.status === 'planned' ? <p class="hint">{D.publishHint[lang]}</p> : null}

      <section aria-labelledby="questions-title">
        <h2 id="questions-title">{D.questions[lang]}</h2>
        {d.counts.asked === 0 ? <p>{D.noQuestions[lang]}</p> : null}
        {d.sections.map((s) => (
          <div class="question-group">
            <h3>{s.title}</h3>
            {s.questions.map((q) => (
              <div class="question-item" id={`q-${q.number}`}>
                <p class="label">{D.question[lang]} {q.number} <span class="hint">({label(SOURCE_LABEL, q.source, lang)}{q.villageName ? `, ${q.villageName}` : ''})</span></p>
                {props.canManage && editable ? (
                  <form method="post" action={`${base}/questions/${encodeURIComponent(q.id)}`}>
                    <CsrfField token={props.csrfToken} />
                    <Select name="groupId" id={`group-${q.id}`} label={D.group[lang]} placeholder={D.noGroup[lang]} value={q.groupId} options={d.groups.map((g) => ({ value: g.id, label: g.title }))} />
                    <Field name="text" id={`text-${q.id}`} label={D.question[lang]} multiline rows={3} value={q.text} lang={lang} />
                    <Field name="answer" id={`answer-${q.id}`} label={D.answer[lang]} multiline rows={4} value={q.answer ?? ''} lang={lang} />
                    <Field name="answeredBy" id={`by-${q.id}`} label={D.answeredBy[lang]} value={q.answeredBy ?? d.chair} lang={lang} />
                    <Button variant="secondary">{`${D.save[lang]} – ${D.question[lang].toLowerCase()} ${q.number}`}</Button>
                  </form>
                ) : (
                  <>
                    <p>{q.text}</p>
                    {q.answer ? <div class="answer-text"><p class="label">{q.answeredBy}</p>{q.answer.split('\n').map((p) => <p>{p}</p>)}</div> : null}
                  </>
                )}
              </div>
            ))}
          </div>
        ))}
      </section>

      {props.canManage && editable ? (
        <section aria-labelledby="group-title">
          <h2 id="group-title">{D.addGroup[lang]}</h2>
          <form method="post" action={`${base}/groups`} class="filters">
            <CsrfField token={props.csrfToken} />
            <Field name="title" id="f-group-title" label={D.groupTitle[lang]} maxlength={200} lang={lang} error={err('title')} />
            <Button variant="secondary">{D.add[lang]}</Button>
          </form>
        </section>
      ) : null}

      {(props.canManage || props.canAddMeetingQuestion) && editable ? (
        <section aria-labelledby="add-question-title">
          <h2 id="add-question-title">{D.addQuestion[lang]}</h2>
          {props.canManage ? null : <p>{D.headIntro[lang]}</p>}
          <form method="post" action={`${base}/questions`} novalidate>
            <CsrfField token={props.csrfToken} />
            {props.canManage ? (
              <RadioGroup name="source" legend={D.source[lang]} lang={lang} value={values.source ?? 'feedback'} error={err('source')}
                options={(['feedback', 'paper', 'village_meeting'] as const).map((s) => ({ value: s, label: SOURCE_LABEL[s]![lang] }))} />
            ) : <input type="hidden" name="source" value="village_meeting" />}
            {props.canManage ? (
              <Select name="feedbackId" label={D.feedback[lang]} placeholder={D.chooseFeedback[lang]} lang={lang} value={values.feedbackId} error={err('feedbackId')}
                options={d.feedback.map((f) => ({ value: f.id, label: `${formatDate(`${f.receivedOn}T12:00:00+07:00`)} · ${label(KIND_LABEL, f.kind, lang)}${f.topic ? ` · ${f.topic}` : ''}: ${short(f.summary)}` }))} />
            ) : null}
            <Select name="villageId" label={D.village[lang]} placeholder={props.canManage ? D.noVillage[lang] : undefined} lang={lang} value={values.villageId} error={err('villageId')}
              options={d.villages.map((v) => ({ value: v.id, label: v.name }))} />
            {props.canManage && d.groups.length ? (
              <Select name="groupId" id="f-new-group" label={D.group[lang]} placeholder={D.noGroup[lang]} lang={lang} value={values.groupId} options={d.groups.map((g) => ({ value: g.id, label: g.title }))} />
            ) : null}
            <Field name="text" id="f-new-text" label={D.text[lang]} hint={D.textHint[lang]} multiline rows={3} lang={lang} value={values.text} error={err('text')} />
            <Button>{D.addQuestion[lang]}</Button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="minutes-title">
        <h2 id="minutes-title">{D.minutes[lang]}</h2>
        {props.canManage && editable ? (
          <form method="post" action={`${base}/minutes`}>
            <CsrfField token={props.csrfToken} />
            <Field name="minutes" label={D.minutes[lang]} hint={D.minutesHint[lang]} multiline rows={8} lang={lang} value={values.minutes ?? d.minutes} error={err('minutes')} />
            <Button variant="secondary">{D.saveMinutes[lang]}</Button>
          </form>
        ) : d.minutes ? d.minutes.split('\n').map((p) => <p>{p}</p>) : <p class="muted">–</p>}
      </section>
    </StaffPage>
  );
}
