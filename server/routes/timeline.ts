import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context';
import { currentActor } from '../http/context';
import { requireRole } from '../http/middleware';
import { parseInput } from '../http/validation';
import { readJson } from '../http/body';
import { LUNAR_YEARS } from '../domain/calendar/lunar';
import { STEP_FACTS, type StepRecord } from '../domain/step-records';
import type { TimelineStep } from '../domain/timeline';
import { calendarOverview, updateCalendarSetting, vietnamToday } from '../services/commune-calendar';
import { loadCampaignTimeline, recordStep, stepsDueThisWeek, type CampaignTimeline } from '../services/campaign-timeline';

const READERS = requireRole('admin', 'staff', 'inspector', 'village_head');
const STAFF = requireRole('admin', 'staff');

const dayField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng năm-tháng-ngày, ví dụ 2026-11-26.|The date must be year-month-day, e.g. 2026-11-26.');

export const stepSchema = z.object({
  fact: z.enum(STEP_FACTS, { message: 'Hãy chọn việc đã làm.|Choose what was done.' }),
  doneOn: z.union([dayField, z.literal(''), z.null()]),
  untilOn: z.union([dayField, z.literal(''), z.null()]).optional(),
  note: z.string().max(1000).optional(),
});

const stepJson = (s: TimelineStep) => ({
  key: s.key, id: s.id, label: s.label, article: s.article, note: s.note, from: s.from, dueKind: s.dueKind, due: s.due,
  doneOn: s.doneOn, status: s.status, overdue: s.overdue,
});

export const stepRecordJson = (r: StepRecord) => ({
  id: r.id, fact: r.fact, doneOn: r.doneOn, untilOn: r.untilOn, note: r.note, recordedAt: r.recordedAt,
});

/** A campaign's timeline as the API answers it (and the pages show it). */
export function timelineJson(t: CampaignTimeline) {
  return {
    campaignId: t.campaignId, today: t.today, steps: t.steps.map(stepJson),
    recordable: t.recordable.map((r) => ({ fact: r.fact, label: r.label, step: r.step, current: r.current ? stepRecordJson(r.current) : null })),
    history: t.history.map(stepRecordJson),
  };
}

export function dueJson(r: Awaited<ReturnType<typeof stepsDueThisWeek>>) {
  return { today: r.today, until: r.until, steps: r.steps.map((d) => ({ campaignId: d.campaignId, title: d.title, status: d.status, step: stepJson(d.step) })) };
}

const yearQuery = z.object({ year: z.coerce.number().int().min(LUNAR_YEARS.min).max(LUNAR_YEARS.max).optional() });

export const timelineRoutes = new Hono<AppEnv>()
  .get('/api/v1/calendar', READERS, async (c) => {
    const deps = c.get('deps');
    const actor = currentActor(c);
    const q = parseInput(yearQuery, c.req.query());
    const { communeName: _name, ...overview } = await calendarOverview(deps, actor, q.year ?? Number(vietnamToday(deps).slice(0, 4)));
    return c.json(overview);
  })
  .put('/api/v1/calendar', STAFF, async (c) => c.json(await updateCalendarSetting(c.get('deps'), currentActor(c), await readJson(c))))
  .get('/api/v1/timeline/due', READERS, async (c) => c.json(dueJson(await stepsDueThisWeek(c.get('deps'), currentActor(c)))))
  .get('/api/v1/campaigns/:id/timeline', READERS, async (c) =>
    c.json(timelineJson(await loadCampaignTimeline(c.get('deps'), currentActor(c), c.req.param('id')))))
  .post('/api/v1/campaigns/:id/timeline', STAFF, async (c) => {
    const input = parseInput(stepSchema, await readJson(c));
    const r = await recordStep(c.get('deps'), currentActor(c), c.req.param('id'), { ...input, doneOn: input.doneOn || null, untilOn: input.untilOn || null });
    return c.json(stepRecordJson(r), 201);
  });
