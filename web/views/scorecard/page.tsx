import type { Text } from '../../../server/domain/i18n';
import { formatDate, formatNumber } from '../../../server/domain/i18n';
import type { DecisionLine, Scorecard, ScorecardRow } from '../../../server/domain/scorecard';
import { quarterLabel } from '../../../server/domain/scorecard';
import { Alert, Button, LinkButton, Select, Stat, Stats, Table } from '../components';
import { StaffPage, type StaffFrame } from '../campaigns/page';

// The plan's scorecard on screen: the same figures as the printed report for
// the Sở Nội vụ, village by village, for a chosen quarter.

const T = {
  title: { vi: 'Kết quả thực hiện kế hoạch', en: 'The plan’s scorecard' },
  plan: { vi: 'Kế hoạch "Chính quyền thân thiện, Nhân dân phát huy quyền làm chủ"', en: 'Plan "Friendly government, people exercising their mastery"' },
  intro: {
    vi: 'Tính từ dữ liệu của hệ thống: hộ được thông tin và tham gia từng nội dung quyết định, ý kiến được trả lời (đúng hạn), câu hỏi đối thoại được trả lời, và mức độ hài lòng.',
    en: 'Computed from the data: households informed of and taking part in each decision, feedback answered (on time), dialogue questions answered, and satisfaction.',
  },
  quarter: { vi: 'Quý', en: 'Quarter' },
  year: { vi: 'Năm', en: 'Year' },
  show: { vi: 'Xem', en: 'Show' },
  print: { vi: 'In báo cáo gửi Sở Nội vụ (PDF)', en: 'Print the report for the Home Affairs department (PDF)' },
  period: { vi: 'Từ ngày {from} đến ngày {to}', en: 'From {from} to {to}' },
  decisions: { vi: '1. Thông tin đến từng hộ và hộ tham gia quyết định', en: '1. Households informed and taking part in decisions' },
  noDecisions: { vi: 'Trong quý không có nội dung nào đưa ra Nhân dân bàn và quyết định.', en: 'No decision was put to the people this quarter.' },
  village: { vi: 'Thôn', en: 'Village' },
  matter: { vi: 'Nội dung', en: 'Matter' },
  households: { vi: 'Số hộ', en: 'Households' },
  informed: { vi: 'Hộ nhận giấy mời', en: 'Households invited' },
  channels: { vi: 'Kênh thông tin đã làm', en: 'Outreach done' },
  meeting: { vi: 'Dự họp', en: 'At the meeting' },
  paper: { vi: 'Phiếu giấy', en: 'Paper' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  tookPart: { vi: 'Hộ tham gia', en: 'Took part' },
  commune: { vi: 'Toàn xã', en: 'Whole commune' },
  feedback: { vi: '2. Góp ý, phản ánh, kiến nghị', en: '2. Feedback' },
  received: { vi: 'Tiếp nhận', en: 'Received' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  withDeadline: { vi: 'Kiến nghị có hạn', en: 'Requests with a deadline' },
  onTime: { vi: 'Trả lời đúng hạn', en: 'Answered on time' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  communeAll: { vi: 'Toàn xã (cả ý kiến không ghi thôn)', en: 'Whole commune (with items of no village)' },
  tooFew: { vi: 'Năm nay chưa tổ chức đủ số hội nghị đối thoại tối thiểu (Điều 32).', en: 'Fewer conferences this year than the yearly minimum (Art. 32).' },
  dialogue: { vi: '3. Hội nghị đối thoại', en: '3. Dialogue conferences' },
  held: { vi: 'Hội nghị đã tổ chức trong năm', en: 'Conferences held this year' },
  required: { vi: 'Tối thiểu mỗi năm (Điều 32)', en: 'Yearly minimum (Art. 32)' },
  asked: { vi: 'Câu hỏi trong quý', en: 'Questions this quarter' },
  satisfaction: { vi: '4. Mức độ hài lòng', en: '4. Satisfaction' },
  noSurveys: { vi: 'Trong quý không có khảo sát sự hài lòng nào.', en: 'No satisfaction survey this quarter.' },
  survey: { vi: 'Khảo sát', en: 'Survey' },
  respondents: { vi: 'Lượt trả lời', en: 'Answers' },
  sipas: { vi: 'Chỉ số SIPAS', en: 'SIPAS index' },
  levels45: { vi: 'Câu trả lời mức 4–5', en: 'Answers at 4–5' },
  mean: { vi: 'Điểm trung bình', en: 'Mean' },
  oneStop: { vi: 'Đánh giá Một cửa', en: 'One-stop ratings' },
  oneStopSatisfied: { vi: 'Hài lòng, rất hài lòng', en: 'Satisfied or very' },
  anonymous: { vi: 'Phiếu khảo sát không ghi tên và không gắn với thôn; khảo sát mở qua nhiều quý được tính vào từng quý.', en: 'Surveys are anonymous and not tied to a village; a survey open across quarters counts in each.' },
} satisfies Record<string, Text>;

const pct = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const meanFmt = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const share = (x: number | null) => (x === null ? '–' : `${pct.format(Math.round(x * 1000) / 10)}%`);
const n = (x: number) => formatNumber(x);
const day = (d: string) => formatDate(`${d}T12:00:00+07:00`);

interface DecisionRow { place: string; d: DecisionLine }

export function ScorecardPage(props: StaffFrame & { s: Scorecard; years: number[]; pdfUrl: string }) {
  const { lang, s } = props;
  const q = quarterLabel(s.quarter)[lang];
  const decisions: DecisionRow[] = [
    ...s.villages.flatMap((v) => v.decisions.map((d) => ({ place: v.name, d }))),
    ...s.commune.decisions.map((d) => ({ place: T.commune[lang], d })),
  ];
  const fbRows: { name: string; r: ScorecardRow }[] = [...s.villages.map((r) => ({ name: r.name, r })), { name: T.communeAll[lang], r: s.commune }];
  const dialogueRows: { name: string; r: ScorecardRow }[] = [...s.villages.map((r) => ({ name: r.name, r })), { name: T.commune[lang], r: s.commune }];
  return (
    <StaffPage {...props} title={`${T.title[lang]} – ${q}`}>
      <h1>{T.title[lang]}: {q}</h1>
      <p class="lead">{T.plan[lang]}</p>
      <p>{T.intro[lang]}</p>
      <form method="get" action="/staff/scorecard" class="filters">
        <Select name="quarter" label={T.quarter[lang]} value={String(s.quarter.quarter)} options={[1, 2, 3, 4].map((x) => ({ value: String(x), label: ['I', 'II', 'III', 'IV'][x - 1]! }))} />
        <Select name="year" label={T.year[lang]} value={String(s.quarter.year)} options={props.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Button variant="secondary">{T.show[lang]}</Button>
      </form>
      <p>{T.period[lang].replace('{from}', day(s.from)).replace('{to}', day(s.to))}</p>
      <p><LinkButton href={props.pdfUrl} download>{T.print[lang]}</LinkButton></p>

      <h2>{T.decisions[lang]}</h2>
      {decisions.length ? (
        <Table lang={lang} caption={T.decisions[lang]} captionHidden rows={decisions} id="score-decisions" columns={[
          { label: T.village[lang], rowHeader: true, cell: (r) => r.place },
          { label: T.matter[lang], cell: (r) => r.d.title },
          { label: T.households[lang], numeric: true, cell: (r) => n(r.d.households) },
          { label: T.informed[lang], numeric: true, cell: (r) => `${n(r.d.informed)} (${share(r.d.informedShare)})` },
          { label: T.channels[lang], numeric: true, cell: (r) => `${r.d.outreachDone}/${r.d.outreachKinds}` },
          { label: T.meeting[lang], numeric: true, cell: (r) => n(r.d.meeting) },
          { label: T.paper[lang], numeric: true, cell: (r) => n(r.d.paper) },
          { label: T.online[lang], numeric: true, cell: (r) => n(r.d.online) },
          { label: T.tookPart[lang], numeric: true, cell: (r) => `${n(r.d.tookPart)} (${share(r.d.tookPartShare)})` },
        ]} />
      ) : <p>{T.noDecisions[lang]}</p>}

      <h2>{T.feedback[lang]}</h2>
      <Table lang={lang} caption={T.feedback[lang]} captionHidden rows={fbRows} id="score-feedback" columns={[
        { label: T.village[lang], rowHeader: true, cell: (x) => x.name },
        { label: T.received[lang], numeric: true, cell: (x) => n(x.r.feedback.received) },
        { label: T.answered[lang], numeric: true, cell: (x) => `${n(x.r.feedback.answered)} (${share(x.r.feedback.answeredShare)})` },
        { label: T.withDeadline[lang], numeric: true, cell: (x) => n(x.r.feedback.withDeadline) },
        { label: T.onTime[lang], numeric: true, cell: (x) => `${n(x.r.feedback.answeredOnTime)} (${share(x.r.feedback.onTimeShare)})` },
        { label: T.overdue[lang], numeric: true, cell: (x) => <span class={x.r.feedback.overdue ? 'due-overdue' : undefined}>{n(x.r.feedback.overdue)}</span> },
      ]} />

      <h2>{T.dialogue[lang]}</h2>
      <Stats>
        <Stat label={T.held[lang]} value={s.dialoguesHeldThisYear} />
        <Stat label={T.required[lang]} value={s.dialoguesRequiredPerYear} />
      </Stats>
      {s.dialoguesHeldThisYear < s.dialoguesRequiredPerYear && s.quarter.quarter === 4 ? <Alert kind="warn">{T.tooFew[lang]}</Alert> : null}
      <Table lang={lang} caption={T.dialogue[lang]} captionHidden rows={dialogueRows} id="score-dialogue" columns={[
        { label: T.village[lang], rowHeader: true, cell: (x) => x.name },
        { label: T.asked[lang], numeric: true, cell: (x) => n(x.r.dialogue.asked) },
        { label: T.answered[lang], numeric: true, cell: (x) => `${n(x.r.dialogue.answered)} (${share(x.r.dialogue.answeredShare)})` },
      ]} />

      <h2>{T.satisfaction[lang]}</h2>
      {s.satisfaction.length ? (
        <>
          <Table lang={lang} caption={T.satisfaction[lang]} captionHidden rows={s.satisfaction} id="score-satisfaction" columns={[
            { label: T.survey[lang], rowHeader: true, cell: (x) => x.title },
            { label: T.respondents[lang], numeric: true, cell: (x) => n(x.respondents) },
            { label: T.sipas[lang], numeric: true, cell: (x) => share(x.sipasIndex) },
            { label: T.levels45[lang], numeric: true, cell: (x) => share(x.sipasSatisfied) },
            { label: T.mean[lang], numeric: true, cell: (x) => (x.sipasMean === null ? '–' : meanFmt.format(Math.round(x.sipasMean * 100) / 100)) },
            { label: T.oneStop[lang], numeric: true, cell: (x) => (x.oneStopRatings === null ? '–' : n(x.oneStopRatings)) },
            { label: T.oneStopSatisfied[lang], numeric: true, cell: (x) => share(x.oneStopSatisfied) },
          ]} />
          <p class="hint">{T.anonymous[lang]}</p>
        </>
      ) : <p>{T.noSurveys[lang]}</p>}
    </StaffPage>
  );
}
