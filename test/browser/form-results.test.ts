// The public results of a satisfaction survey built from a real SurveyJS form
// (the one-stop form of test/fixtures/surveyjs/ with its NPS question, its
// matrix and its ranking) on a cheap phone and at a desk: every question is
// on the page, charts drawn, and nothing makes the page scroll sideways; a
// table wider than the phone scrolls inside its own box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { addUser, login, api } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign } from '../support/campaigns';
import { formNamed, generatedAnswers } from '../support/surveyjs';
import { submitAnonymous } from '../../server/services/submit-anonymous';
import {
  launchBrowser, serveTestApp, phoneContext, desktopContext, checkA11y, screenshot, scrollsSideways, watchProblems,
  type Browser, type Page, type ServedApp,
} from '../support/browser';

let app: ServedApp;
let browser: Browser;
let slug: string;
let titles: string[];
let charts: number;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  await addUser(app, { username: 'canbo', role: 'staff' });
  const staff = await login(app, 'canbo');
  const [v] = await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 12 }]);
  const form = formNamed('fixtures/surveyjs/danh-gia-mot-cua.json');
  const c = await createCampaign(app, staff, { title: 'Đánh giá Bộ phận Một cửa quý IV', kind: 'satisfaction', villageIds: [v!.id], channels: ['online'], survey: form });
  slug = c.slug;
  await openCampaign(app, staff, c.id);
  for (const [i, a] of generatedAnswers(form, 20, 5).entries()) {
    await submitAnonymous(app.deps, { slug, answers: a, deviceToken: `may-${i}`, kiosk: false, client: `client-${i}` });
  }
  expect((await api(app, 'POST', `/api/v1/campaigns/${c.id}/close`, { cookie: staff })).status).toBe(200);
  expect((await api(app, 'POST', `/api/v1/campaigns/${c.id}/publish`, { cookie: staff })).status).toBe(200);
  const results = (await api(app, 'GET', `/api/v1/campaigns/${c.id}/results`)).json;
  titles = results.form.questions.map((q: { title: { vi: string } }) => q.title.vi);
  charts = results.form.questions.filter((q: { kind: string }) => ['choice', 'boolean', 'rating', 'ranking'].includes(q.kind)).length;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Each table box: whether it stays within the screen, is wider inside than it shows, and scrolls. */
function tableBoxes(page: Page) {
  return page.$$eval('.table-scroll', (boxes) => boxes.map((b) => ({
    caption: b.querySelector('caption')?.textContent ?? '',
    right: b.getBoundingClientRect().right,
    wide: b.scrollWidth > b.clientWidth,
    scrolls: getComputedStyle(b).overflowX === 'auto' || getComputedStyle(b).overflowX === 'scroll',
  })));
}

async function everyQuestionDrawn(page: Page) {
  await page.waitForSelector('canvas[data-drawn="true"]');
  expect(await page.locator('canvas[data-drawn="true"]').count()).toBe(charts);
  const text = await page.locator('main').innerText();
  for (const title of titles) expect(text).toContain(title);
}

describe('the results of a satisfaction survey from a real form', () => {
  it('fit a 360 px phone: every question and chart, no sideways scroll, wide tables scrolling in their own box', async () => {
    const ctx = await phoneContext(browser, { a11y: true });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/r/${slug}`);
    await everyQuestionDrawn(page);
    expect(await scrollsSideways(page)).toBe(false);
    const boxes = await tableBoxes(page);
    for (const b of boxes) {
      expect(b.right, b.caption).toBeLessThanOrEqual(360);
      if (b.wide) expect(b.scrolls, b.caption).toBe(true);
    }
    // the criteria matrix (four columns of numbers beside its rows) is wider than the phone
    expect(boxes.some((b) => b.wide)).toBe(true);
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
    expect(existsSync(await screenshot(page, 'form-results-phone'))).toBe(true);
    await ctx.close();
  });

  it('read at 1280 px with every table in full', async () => {
    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/r/${slug}`);
    await everyQuestionDrawn(page);
    expect(await scrollsSideways(page)).toBe(false);
    for (const b of await tableBoxes(page)) expect(b.wide, b.caption).toBe(false);
    expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
    expect(existsSync(await screenshot(page, 'form-results-desktop'))).toBe(true);
    await ctx.close();
  });
});
