// The commune's working calendar: the substitute days off and swapped working
// days the Government announces each year, entered one per line, and the
// year's days off as the deadlines count them.
import type { Text } from '../../../server/domain/i18n';
import { Alert, Button, Checkbox, ErrorSummary, Field, Table } from '../components';
import { CsrfField, StaffPage, type StaffFrame } from '../campaigns/page';
import { vnDay } from '../campaigns/timeline';

export const CALENDAR_TEXT = {
  title: { vi: 'Lịch làm việc của xã', en: 'The commune’s working calendar' },
  intro: {
    vi: 'Mọi hạn chót trong ứng dụng được tính trên lịch này: thứ Hai đến thứ Sáu, trừ ngày nghỉ lễ, tết (Điều 112 BLLĐ 2019) và nghỉ bù. Hằng năm, hãy nhập các ngày nghỉ bù, hoán đổi mà Thủ tướng, Bộ Nội vụ công bố.',
    en: 'Every deadline in the app is counted on this calendar: Monday to Friday, less the public holidays (Labour Code 2019 Art. 112) and substitute days. Each year, enter the days off and swapped working days the Government announces.',
  },
  adjustments: { vi: 'Ngày điều chỉnh theo công bố (mỗi dòng một ngày)', en: 'Announced changes (one day per line)' },
  adjustmentsHint: {
    vi: 'Dạng: ngày/tháng/năm; nghỉ hoặc làm; văn bản công bố. Ví dụ: 02/01/2026; nghỉ; Hoán đổi theo Thông báo của Bộ Nội vụ — 10/01/2026; làm; Làm bù cho ngày 02/01/2026',
    en: 'Format: day/month/year; nghỉ (day off) or làm (working day); the announcement. E.g. 02/01/2026; nghỉ; Swap announced by the Ministry of Home Affairs — 10/01/2026; làm; Worked in place of 02/01/2026',
  },
  holidays: { vi: 'Ngày lễ mới (bật khi đã có hiệu lực)', en: 'New holidays (switch on once in force)' },
  save: { vi: 'Lưu lịch', en: 'Save the calendar' },
  saved: { vi: 'Đã lưu lịch làm việc; các hạn chót đã được tính lại.', en: 'Calendar saved; deadlines are counted on it now.' },
  daysOff: { vi: 'Ngày nghỉ năm', en: 'Days off in' },
  daysOffHint: { vi: 'Không kể thứ Bảy, Chủ nhật.', en: 'Saturdays and Sundays not listed.' },
  date: { vi: 'Ngày', en: 'Date' },
  name: { vi: 'Lý do', en: 'Reason' },
  article: { vi: 'Căn cứ', en: 'Basis' },
  none: { vi: 'Không có.', en: 'None.' },
  version: { vi: 'Phiên bản', en: 'Version' },
  readOnly: { vi: 'Chỉ cán bộ xã được sửa lịch.', en: 'Only commune staff edit the calendar.' },
} satisfies Record<string, Text>;

export function CalendarPage(props: StaffFrame & {
  canEdit: boolean;
  year: number;
  version: number;
  values: { adjustments: string; holidays: Record<string, boolean> };
  proposed: { id: string; name: Text; article: string }[];
  daysOff: { date: string; name: Text; article: string }[];
  errors: { path: string; message: string }[];
  notice?: string;
}) {
  const { lang } = props;
  const T = CALENDAR_TEXT;
  const err = (p: string) => props.errors.filter((e) => e.path === p || e.path.startsWith(`${p}[`) || e.path.startsWith(`${p}.`)).map((e) => e.message).join(' ') || undefined;
  return (
    <StaffPage {...props} title={T.title[lang]}>
      <h1>{T.title[lang]}</h1>
      <p class="lead">{T.intro[lang]}</p>
      {props.notice ? <Alert kind="ok">{props.notice}</Alert> : null}
      {props.canEdit ? (
        <form method="post" action="/staff/calendar" novalidate>
          <ErrorSummary lang={lang} errors={props.errors.map((e) => ({ path: e.path.startsWith('adjustments') ? 'adjustments' : e.path.startsWith('enabledHolidays') ? 'enabledHolidays' : e.path, message: e.message }))} />
          <CsrfField token={props.csrfToken} />
          <Field name="adjustments" multiline rows={8} label={T.adjustments[lang]} hint={T.adjustmentsHint[lang]} lang={lang} value={props.values.adjustments} error={err('adjustments')} />
          {props.proposed.length ? (
            <fieldset>
              <legend>{T.holidays[lang]}</legend>
              {props.proposed.map((h) => (
                <Checkbox name={`holiday_${h.id}`} label={`${h.name[lang]} (${h.article})`} checked={props.values.holidays[h.id] === true} />
              ))}
            </fieldset>
          ) : null}
          <Button>{T.save[lang]}</Button>
        </form>
      ) : <p>{T.readOnly[lang]}</p>}
      <p class="small">{T.version[lang]}: {props.version}</p>
      <Table lang={lang} caption={`${T.daysOff[lang]} ${props.year}`} rows={props.daysOff} empty={T.none[lang]} id="days-off" columns={[
        { label: T.date[lang], rowHeader: true, cell: (d) => <time datetime={d.date}>{vnDay(d.date)}</time> },
        { label: T.name[lang], cell: (d) => d.name[lang] },
        { label: T.article[lang], cell: (d) => d.article },
      ]} />
      <p class="hint">{T.daysOffHint[lang]}</p>
    </StaffPage>
  );
}
