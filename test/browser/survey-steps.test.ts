import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, launchBrowser, phoneContext, checkA11y, screenshot, type Browser, type ServedApp } from '../support/browser';
import { addUser, login } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign } from '../support/campaigns';

let app: ServedApp;
let browser: Browser;
let slug: string;

beforeAll(async () => {
  app = await serveTestApp();
  browser = await launchBrowser();
  const [v] = await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 2 }]);
  await addUser(app, { username: 'canbo', role: 'staff' });
  const staff = await login(app, 'canbo');
  const c = await createCampaign(app, staff, { title: 'Khảo sát SIPAS 2026', kind: 'satisfaction', villageIds: [v!.id], channels: ['online'], template: 'sipas' });
  await openCampaign(app, staff, c.id);
  slug = c.slug;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a long survey on a phone', () => {
  it('shows one part at a time with progress, and sends the whole form from the last part', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${app.base}/s/${slug}`);
    const send = page.getByRole('button', { name: 'Gửi phiếu' });
    expect(await send.isVisible()).toBe(false);
    expect(await page.locator('.survey-progress').textContent()).toContain('Đã trả lời 0/');
    await page.locator('input[name="a1"][value="4"]').check({ force: true });
    expect(await page.locator('.survey-progress').textContent()).toContain('Đã trả lời 1/');
    await screenshot(page, 'survey-step-1-phone');
    let steps = 0;
    while (await page.getByRole('button', { name: 'Tiếp tục' }).isVisible()) {
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      steps++;
    }
    expect(steps).toBeGreaterThanOrEqual(4);
    expect(await send.isVisible()).toBe(true);
    await send.click();
    await page.waitForSelector('text=Cảm ơn bạn đã góp ý!');
    const [b] = await app.deps.db.selectFrom('ballots').select('answers').execute();
    expect(JSON.parse(b!.answers)).toMatchObject({ a1: 4 });
    await ctx.close();
  });

  it('has no serious accessibility problem in its stepped form', async () => {
    const ctx = await phoneContext(browser, { a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/s/${slug}`);
    expect(await checkA11y(page)).toEqual([]);
    await ctx.close();
  });
});
