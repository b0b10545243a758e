import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/context';
import { currentActor } from '../../http/context';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { detailTexts, formFields, pageUser, staffPage } from '../../http/pages';
import { DEFAULT_RULES, type HolidayId } from '../../domain/legal-rules';
import { isoDate, isIsoDate } from '../../domain/calendar/iso-date';
import type { CalendarAdjustment, CalendarSettings } from '../../domain/calendar/settings';
import { calendarOverview, updateCalendarSetting, vietnamToday } from '../../services/commune-calendar';
import { CALENDAR_TEXT, CalendarPage } from '../../../web/views/calendar/page';
import { vnDay } from '../../../web/views/campaigns/timeline';
import { pagePath } from './portal';

const READ = staffPage('admin', 'staff', 'inspector', 'village_head');
const OFFICE = staffPage('admin', 'staff');

const PROPOSED = (Object.entries(DEFAULT_RULES.calendar.holidays) as [HolidayId, (typeof DEFAULT_RULES.calendar.holidays)[HolidayId]][])
  .filter(([, r]) => r.value.status === 'proposed')
  .map(([id, r]) => ({ id, name: r.value.name, article: r.article }));

const KIND_WORD: Record<CalendarAdjustment['kind'], string> = { day_off: 'nghỉ', working_day: 'làm' };

/** The setting as the form's lines: "02/01/2026; nghỉ; Hoán đổi …". */
const toLines = (s: CalendarSettings) => s.adjustments.map((a) => `${vnDay(a.date)}; ${KIND_WORD[a.kind]}; ${a.reason}`).join('\n');

function kindOf(word: string): CalendarAdjustment['kind'] | null {
  const w = word.normalize('NFC').trim().toLowerCase();
  if (['nghỉ', 'nghi', 'day_off', 'off'].includes(w)) return 'day_off';
  if (['làm', 'lam', 'làm bù', 'working_day', 'work'].includes(w)) return 'working_day';
  return null;
}

function dateOf(text: string): string | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const iso = isoDate(y, mo, d);
  return isIsoDate(iso) ? iso : null;
}

/**
 * The form's lines as the setting the service checks; a line that cannot be
 * read is refused here with its number. `lineOf[i]` is the line of adjustment i.
 */
function fromLines(text: string): { adjustments: { date: string; kind: string; reason: string }[]; lineOf: number[]; errors: ErrorDetail[] } {
  const adjustments: { date: string; kind: string; reason: string }[] = [];
  const lineOf: number[] = [];
  const errors: ErrorDetail[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const n = i + 1;
    const [d = '', k = '', ...rest] = line.split(/[;\t]/);
    const date = dateOf(d);
    const kind = kindOf(k);
    if (!date) {
      errors.push({ path: 'adjustments', message: { vi: `Dòng ${n}: ngày "${d.trim()}" phải có dạng ngày/tháng/năm, ví dụ 02/01/2026.`, en: `Line ${n}: the date "${d.trim()}" must be day/month/year, e.g. 02/01/2026.` } });
      return;
    }
    if (!kind) {
      errors.push({ path: 'adjustments', message: { vi: `Dòng ${n}: sau ngày ghi "nghỉ" hoặc "làm".`, en: `Line ${n}: after the date write "nghỉ" (day off) or "làm" (working day).` } });
      return;
    }
    adjustments.push({ date, kind, reason: rest.join(';').trim() });
    lineOf.push(n);
  });
  return { adjustments, lineOf, errors };
}

async function render(
  c: AppContext,
  extra: { notice?: string; errors?: { path: string; message: string }[]; values?: { adjustments: string; holidays: Record<string, boolean> } } = {},
  status: 200 | 422 = 200,
) {
  const deps = c.get('deps');
  const actor = currentActor(c);
  const stored = await calendarOverview(deps, actor, Number(vietnamToday(deps).slice(0, 4)));
  const u = pageUser(c);
  const values = extra.values ?? {
    adjustments: toLines(stored.settings),
    holidays: Object.fromEntries(stored.settings.enabledHolidays.map((h) => [h, true])),
  };
  return c.html(
    <CalendarPage
      lang={u.lang} user={u.user} csrfToken={u.csrfToken} path={pagePath(c)} commune={stored.communeName ?? undefined}
      canEdit={actor.role === 'admin' || actor.role === 'staff'} year={stored.year} version={stored.version} values={values} proposed={PROPOSED}
      daysOff={stored.daysOff} errors={extra.errors ?? []} notice={extra.notice}
    />,
    status,
  );
}

export const timelinePages = new Hono<AppEnv>()
  .get('/staff/calendar', READ, async (c) => render(c, { notice: c.req.query('done') === 'saved' ? CALENDAR_TEXT.saved[c.get('lang')] : undefined }))
  .post('/staff/calendar', OFFICE, async (c) => {
    const form = await formFields(c);
    const text = (form.adjustments ?? '').slice(0, 60_000);
    const holidays = Object.fromEntries(PROPOSED.map((h) => [h.id, form[`holiday_${h.id}`] === '1']));
    const values = { adjustments: text, holidays };
    const lines = fromLines(text);
    if (lines.errors.length) return render(c, { errors: detailTexts(c, lines.errors), values }, 422);
    try {
      await updateCalendarSetting(c.get('deps'), currentActor(c), {
        adjustments: lines.adjustments,
        enabledHolidays: PROPOSED.filter((h) => holidays[h.id]).map((h) => h.id),
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
        // "adjustments[2].date" is the form's line lineOf[2]
        const details = err.details.map((d) => {
          const m = /^adjustments\[(\d+)\]/.exec(d.path);
          const n = m ? lines.lineOf[Number(m[1])] : undefined;
          return n ? { path: 'adjustments', message: { vi: `Dòng ${n}: ${d.message.vi}`, en: `Line ${n}: ${d.message.en}` } } : d;
        });
        return render(c, { errors: detailTexts(c, details), values }, 422);
      }
      throw err;
    }
    return c.redirect('/staff/calendar?done=saved', 303);
  });
