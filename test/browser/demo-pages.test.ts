// The demo commune as its people see it: every campaign page, for staff at
// 1280 px and for the Đông Sơn village head on a 360 px phone, fits its
// width (no sideways scroll), whatever its timeline's longest step state
// ("Trễ hạn / chưa đủ thời gian – …") or its tables hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, launchBrowser, phoneContext, desktopContext, scrollsSideways, type Browser, type ServedApp } from '../support/browser';
import { addUser, login } from '../support/app';

let app: ServedApp;
let browser: Browser;
let campaigns: { id: string; title: string; villages: string[] }[];
let dongSon: string;
let staff: string;
let head: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp({ DANBAN_DEMO: '1' }), launchBrowser()]);
  const ds = await app.deps.db.selectFrom('villages').innerJoin('communes', 'communes.id', 'villages.commune_id')
    .select(['villages.id', 'villages.commune_id']).where('communes.slug', '=', 'xa-viet-khe-demo').where('villages.code', '=', 'DS').executeTakeFirstOrThrow();
  dongSon = ds.id;
  await addUser(app, { username: 'canbo.xem', role: 'staff', communeId: ds.commune_id });
  await addUser(app, { username: 'truongthon.xem', role: 'village_head', communeId: ds.commune_id, villageId: ds.id });
  [staff, head] = await Promise.all([login(app, 'canbo.xem'), login(app, 'truongthon.xem')]);
  const rows = await app.deps.db.selectFrom('campaigns').innerJoin('campaign_villages', 'campaign_villages.campaign_id', 'campaigns.id')
    .select(['campaigns.id', 'campaigns.title', 'campaign_villages.village_id']).where('campaigns.commune_id', '=', ds.commune_id).execute();
  const byId = new Map<string, { id: string; title: string; villages: string[] }>();
  for (const r of rows) {
    const c = byId.get(r.id) ?? { id: r.id, title: r.title, villages: [] };
    c.villages.push(r.village_id);
    byId.set(r.id, c);
  }
  campaigns = [...byId.values()];
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the demo commune’s campaign pages fit their screens', () => {
  it('staff at 1280 px: every campaign page, no sideways scroll', async () => {
    expect(campaigns.length).toBeGreaterThanOrEqual(7);
    const ctx = await desktopContext(browser, { cookie: staff, base: app.base });
    const page = await ctx.newPage();
    const wide: string[] = [];
    for (const c of campaigns) {
      await page.goto(`${app.base}/staff/campaigns/${c.id}`);
      if (await scrollsSideways(page)) wide.push(c.title);
    }
    expect(wide).toEqual([]);
    await ctx.close();
  });

  it('the Đông Sơn village head at 360 px: every campaign of the village, timeline included, no sideways scroll', async () => {
    const own = campaigns.filter((c) => c.villages.includes(dongSon));
    expect(own.length).toBeGreaterThanOrEqual(3);
    const ctx = await phoneContext(browser, { cookie: head, base: app.base });
    const page = await ctx.newPage();
    const wide: string[] = [];
    let timelines = 0;
    for (const c of own) {
      await page.goto(`${app.base}/staff/campaigns/${c.id}`);
      timelines += await page.locator('.timeline').count();
      if (await scrollsSideways(page)) wide.push(c.title);
    }
    expect(timelines).toBeGreaterThan(0);
    expect(wide).toEqual([]);
    await ctx.close();
  });
});
