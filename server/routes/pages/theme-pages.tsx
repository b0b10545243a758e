import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/context';
import { currentActor } from '../../http/context';
import { AppError } from '../../domain/errors';
import { formFields, pageUser } from '../../http/pages';
import { requireRole } from '../../http/middleware';
import { createTheme, editTheme, groupOpinions, themeBoard } from '../../services/manage-themes';
import { ThemesPage } from '../../../web/views/results/themes';

const accepted = (v: string | undefined) => (v === 'yes' ? true : v === 'no' ? false : null);
const staff = requireRole('admin', 'staff');

async function render(c: AppContext, extra: { notice?: string; error?: string } = {}, status: 200 | 422 = 200) {
  const board = await themeBoard(c.get('deps'), currentActor(c), c.req.param('id')!);
  return c.html(<ThemesPage {...pageUser(c)} campaign={board.campaign} themes={board.themes} opinions={board.opinions} {...extra} />, status);
}

/** Staff group a consultation's opinions and answer them (tiếp thu, giải trình), then publish. */
export const themePages = new Hono<AppEnv>()
  .get('/staff/campaigns/:id/themes', staff, (c) => render(c))
  .post('/staff/campaigns/:id/themes', staff, async (c) => {
    const f = await formFields(c);
    try {
      await createTheme(c.get('deps'), currentActor(c), c.req.param('id'), { title: f.title ?? '', response: f.response, accepted: accepted(f.accepted) });
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return render(c, { error: err.details[0]?.message[c.get('lang')] ?? err.text[c.get('lang')] }, 422);
      throw err;
    }
    return c.redirect(`/staff/campaigns/${c.req.param('id')}/themes`, 303);
  })
  .post('/staff/campaigns/:id/themes/group', staff, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const picked = ([] as unknown[]).concat(body.opinion ?? []).filter((v): v is string => typeof v === 'string');
    const themeId = typeof body.themeId === 'string' ? body.themeId : '';
    const byQuestion = new Map<string, string[]>();
    for (const value of picked) {
      // a question's place may hold "|" (a matrix row's text); a ballot id never does
      const bar = value.indexOf('|');
      const ballotId = value.slice(0, Math.max(bar, 0));
      const question = bar < 0 ? '' : value.slice(bar + 1);
      if (ballotId && question) byQuestion.set(question, [...(byQuestion.get(question) ?? []), ballotId]);
    }
    for (const [question, ballotIds] of byQuestion) await groupOpinions(c.get('deps'), currentActor(c), themeId, { ballotIds, question });
    return c.redirect(`/staff/campaigns/${c.req.param('id')}/themes`, 303);
  })
  .post('/staff/campaigns/:id/themes/:themeId', staff, async (c) => {
    const f = await formFields(c);
    try {
      await editTheme(c.get('deps'), currentActor(c), c.req.param('themeId'), {
        title: f.title, response: f.response, accepted: accepted(f.accepted), departsFromMajority: f.departsFromMajority === '1', departureReason: f.departureReason ?? '',
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return render(c, { error: err.details[0]?.message[c.get('lang')] ?? err.text[c.get('lang')] }, 422);
      throw err;
    }
    return c.redirect(`/staff/campaigns/${c.req.param('id')}/themes`, 303);
  });
