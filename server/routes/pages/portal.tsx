import { Hono } from 'hono';
import { z } from 'zod';
import { setCookie } from 'hono/cookie';
import type { AppContext, AppEnv } from '../../http/context';
import { currentActor } from '../../http/context';
import { requireRole, LANG_COOKIE } from '../../http/middleware';
import { parseInput } from '../../http/validation';
import { loadStaffHome } from '../../services/staff-home';
import { Layout, sectionDescription, staffSectionsFor, ROLE_LABEL } from '../../../web/views/layout';
import { safeBack } from '../../domain/return-path';
import type { Lang, Text } from '../../domain/i18n';
import { Participation } from '../../../web/views/campaigns/detail';
import { detailView } from './campaign-pages';
import { feedbackDueSoon } from '../../services/list-feedback';
import { FeedbackHomeSection } from '../../../web/views/feedback/staff';
import { DueThisWeekSection } from '../../../web/views/campaigns/timeline';
import { stepsDueThisWeek } from '../../services/campaign-timeline';
import { dueJson } from '../timeline';
import { feedbackRow } from './feedback-rows';
import { Glance } from '../../../web/views/campaigns/glance';
import { ballotsReturnByHousehold, villageGlance } from '../../domain/participation';

const langQuery = z.object({
  to: z.enum(['vi', 'en'], { message: 'Ngôn ngữ phải là "vi" hoặc "en".|The language must be "vi" or "en".' }),
  back: z.string().max(2000).optional(),
});

/**
 * Where to return after switching language: a path on this site only (an open
 * redirect would let a forged link bounce a villager to a look-alike ballot
 * site), without its own ?lang= so the new cookie wins.
 */
export function returnPath(back: string | undefined): string {
  const path = safeBack(back);
  const url = new URL(path, 'http://same.site');
  if (url.origin !== 'http://same.site') return '/';
  url.searchParams.delete('lang');
  return url.pathname + url.search + url.hash;
}

/** The request's own path and query, for the language switch and the menu. */
export function pagePath(c: AppContext): string {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

const T = {
  title: { vi: 'Tổng quan', en: 'Overview' },
  hello: { vi: 'Xin chào', en: 'Hello' },
  intro: {
    vi: 'Chọn một mục để bắt đầu. Mỗi thao tác thay đổi dữ liệu đều được ghi vào nhật ký.',
    en: 'Choose a section to begin. Every change is written to the audit log.',
  },
  sections: { vi: 'Các mục', en: 'Sections' },
} satisfies Record<string, Text>;

function StaffHomePage(props: { lang: Lang; role: string; name: string }) {
  const { lang } = props;
  const sections = staffSectionsFor(props.role).filter((s) => s.href !== '/staff');
  return (
    <>
      <h1>{T.title[lang]}</h1>
      <p class="lead">
        {T.hello[lang]}, <strong>{props.name}</strong>
        {ROLE_LABEL[props.role] ? ` (${ROLE_LABEL[props.role]![lang]})` : ''}.
      </p>
      <p>{T.intro[lang]}</p>
      <h2 class="visually-hidden">{T.sections[lang]}</h2>
      <ul class="cards">
        {sections.map((s) => (
          <li>
            <a class="card" href={s.href}>
              <span class="card-title">{s.label[lang]}</span>
              <span class="card-text">{sectionDescription(s, props.role)[lang]}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export const portalPages = new Hono<AppEnv>()
  // Works without JavaScript: a plain link sets the cookie and comes back.
  .get('/lang', (c) => {
    const q = parseInput(langQuery, c.req.query());
    setCookie(c, LANG_COOKIE, q.to, {
      path: '/', sameSite: 'Lax', httpOnly: true, secure: c.get('deps').config.secureCookies, maxAge: 365 * 24 * 3600,
    });
    return c.redirect(returnPath(q.back), 303);
  })
  .get('/staff', requireRole('admin', 'staff', 'inspector', 'village_head', 'province_admin'), async (c) => {
    const actor = currentActor(c);
    const session = c.get('session')!;
    const home = await loadStaffHome(c.get('deps'), actor);
    // feedback owed an answer, overdue ones first (in red); a village head sees the letters they entered
    const due = await feedbackDueSoon(c.get('deps'), actor);
    // the law's steps overdue or due by Sunday across the commune's campaigns (a village head: their village's)
    const steps = actor.communeId ? dueJson(await stepsDueThisWeek(c.get('deps'), actor)) : null;
    const lang = c.get('lang');
    return c.html(
      <Layout
        lang={lang}
        title={T.title[lang]}
        user={{ username: actor.username, role: actor.role, displayName: session.displayName }}
        csrfToken={session.csrfToken}
        path={pagePath(c)}
        commune={home.communeName ?? undefined}
        scripts={home.open.length ? ['participation.js'] : []}
      >
        <StaffHomePage lang={lang} role={actor.role} name={session.displayName || actor.username} />
        {steps ? <DueThisWeekSection lang={lang} until={steps.until} rows={steps.steps} /> : null}
        {actor.communeId ? <FeedbackHomeSection lang={lang} overdue={due.overdue.map(feedbackRow)} soon={due.soon.map(feedbackRow)} open={due.open} /> : null}
        {home.open.length ? <h2>{lang === 'vi' ? 'Đang lấy ý kiến: tham gia theo thôn' : 'Open now: participation by village'}</h2> : null}
        {home.open.map((d, i) => (
          <div class="card">
            <p><a href={`/staff/campaigns/${d.id}`}><strong>{d.title}</strong></a></p>
            {d.villages.length === 1 && ballotsReturnByHousehold(d) ? (
              <Glance lang={lang} id={`glance-${i}`} village={d.villages[0]!.name} closesAt={d.closesAt}
                glance={villageGlance(d, { households: d.villages[0]!.households ?? 0, tookPart: d.villages[0]!.online + d.villages[0]!.paper }, c.get('deps').clock())} />
            ) : null}
            <Participation lang={lang} c={detailView(d, () => 0, () => '')} id={`open-${i}`} title={lang === 'vi' ? 'Tham gia' : 'Participation'} />
          </div>
        ))}
      </Layout>,
    );
  });
