import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/context';
import { currentActor } from '../../http/context';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { detailTexts, staffPage } from '../../http/pages';
import { QUESTION_SOURCES, type QuestionSource } from '../../domain/dialogue';
import {
  addGroup, addQuestion, createDialogue, dialogueDetail, listCommuneDialogues, publishDialogue, saveMinutes, updateDialogueQuestion,
} from '../../services/manage-dialogues';
import { feedbackFormOptions } from '../../services/list-feedback';
import { DIALOGUE_NOTICES, DialogueDetailPage, DialogueListPage } from '../../../web/views/dialogues/staff';
import { staffFrame } from './feedback-pages';

const READ = staffPage('admin', 'staff', 'inspector', 'village_head');
const OFFICE = staffPage('admin', 'staff');
const QUESTIONS = staffPage('admin', 'staff', 'village_head');

async function form(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string').map(([k, v]) => [k, v.slice(0, 60_000)]));
}

const IN_PLACE = new Set(['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT']);

function errorsOf(c: AppContext, err: AppError, field: string) {
  const details: ErrorDetail[] = err.details.length ? err.details : [{ path: field, message: err.text }];
  return detailTexts(c, details);
}

/** "2026-12-20T08:00" from a datetime-local box means Vietnam time. */
const vietnamInstant = (local: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+07:00` : local);

async function renderList(c: AppContext, values: Record<string, string> = {}, errors: { path: string; message: string }[] = [], status: 200 | 422 = 200) {
  const actor = currentActor(c);
  const [rows, o] = await Promise.all([listCommuneDialogues(c.get('deps'), actor), feedbackFormOptions(c.get('deps'), actor)]);
  return c.html(
    <DialogueListPage {...await staffFrame(c, o.commune.name)} rows={rows} canCreate={actor.role === 'admin' || actor.role === 'staff'} values={values} errors={errors} />,
    status,
  );
}

async function renderDetail(c: AppContext, extra: { notice?: string; errors?: { path: string; message: string }[]; values?: Record<string, string> } = {}, status: 200 | 409 | 422 = 200) {
  const actor = currentActor(c);
  const deps = c.get('deps');
  const [d, o] = await Promise.all([dialogueDetail(deps, actor, c.req.param('id')!), feedbackFormOptions(deps, actor)]);
  const canManage = actor.role === 'admin' || actor.role === 'staff';
  return c.html(
    <DialogueDetailPage
      {...await staffFrame(c, o.commune.name)}
      d={{
        ...d.dialogue, communeSlug: o.commune.slug, groups: d.groups, counts: d.counts, villages: o.villages, feedback: d.feedback,
        sections: d.sections.map((s) => ({ ...s, questions: s.questions.map((q) => ({ ...q, villageName: d.villageName(q.villageId) })) })),
      }}
      canManage={canManage} canAddMeetingQuestion={actor.role === 'village_head'}
      notice={extra.notice} errors={extra.errors ?? []} values={extra.values ?? {}}
    />,
    status,
  );
}

async function act(c: AppContext, field: string, run: (v: Record<string, string>) => Promise<unknown>) {
  const values = await form(c);
  try {
    await run(values);
  } catch (err) {
    if (err instanceof AppError && IN_PLACE.has(err.code)) return renderDetail(c, { errors: errorsOf(c, err, field), values }, err.code === 'VALIDATION_FAILED' ? 422 : 409);
    throw err;
  }
  return c.redirect(`/staff/dialogues/${encodeURIComponent(c.req.param('id')!)}?done=${field === 'publish' ? 'published' : 'saved'}`, 303);
}

export const dialoguePages = new Hono<AppEnv>()
  .get('/staff/dialogues', READ, (c) => renderList(c))
  .post('/staff/dialogues', OFFICE, async (c) => {
    const v = await form(c);
    try {
      const d = await createDialogue(c.get('deps'), currentActor(c), { title: v.title ?? '', heldAt: vietnamInstant(v.heldAt ?? ''), place: v.place ?? '', chair: v.chair ?? '' });
      return c.redirect(`/staff/dialogues/${encodeURIComponent(d.id)}?done=created`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return renderList(c, v, errorsOf(c, err, 'title'), 422);
      throw err;
    }
  })
  .get('/staff/dialogues/:id', READ, (c) => {
    const done = c.req.query('done');
    const lang = c.get('lang');
    const notice = done === 'created' ? DIALOGUE_NOTICES.created[lang] : done === 'published' ? DIALOGUE_NOTICES.publishedNotice[lang] : done === 'saved' ? DIALOGUE_NOTICES.saved[lang] : undefined;
    return renderDetail(c, { notice });
  })
  .post('/staff/dialogues/:id/groups', OFFICE, (c) => act(c, 'title', (v) => addGroup(c.get('deps'), currentActor(c), c.req.param('id'), { title: v.title ?? '' })))
  .post('/staff/dialogues/:id/questions', QUESTIONS, (c) => act(c, 'text', (v) => addQuestion(c.get('deps'), currentActor(c), c.req.param('id'), {
    source: (QUESTION_SOURCES.includes(v.source as QuestionSource) ? v.source : 'paper') as QuestionSource,
    feedbackId: v.feedbackId || null, villageId: v.villageId || null, text: v.text, groupId: v.groupId || null,
  })))
  .post('/staff/dialogues/:id/questions/:questionId', OFFICE, (c) => act(c, 'answer', (v) => updateDialogueQuestion(c.get('deps'), currentActor(c), c.req.param('id'), c.req.param('questionId'), {
    groupId: v.groupId ?? undefined, text: v.text, answer: v.answer, answeredBy: v.answeredBy,
  })))
  .post('/staff/dialogues/:id/minutes', OFFICE, (c) => act(c, 'minutes', (v) => saveMinutes(c.get('deps'), currentActor(c), c.req.param('id'), { minutes: v.minutes ?? '' })))
  .post('/staff/dialogues/:id/publish', OFFICE, (c) => act(c, 'publish', () => publishDialogue(c.get('deps'), currentActor(c), c.req.param('id'))));
