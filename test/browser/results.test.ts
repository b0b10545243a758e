import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { addUser, login, api } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign } from '../support/campaigns';
import {
  launchBrowser, serveTestApp, phoneContext, checkA11y, screenshot, scrollsSideways, watchProblems,
  type Browser, type ServedApp,
} from '../support/browser';

let app: ServedApp;
let browser: Browser;
let slug: string;

const BOARD = { board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'] };

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  await addUser(app, { username: 'canbo', role: 'staff' });
  await addUser(app, { username: 'thanhtra', role: 'inspector' });
  const staff = await login(app, 'canbo');
  const inspector = await login(app, 'thanhtra');
  const villages = await seedVillages(app, [
    { code: 'DS', name: 'Thôn Đông Sơn', households: 12 }, { code: 'TH', name: 'Thôn Trung Hà', households: 9 }, { code: 'BL', name: 'Thôn Bắc Lưu', households: 6 },
  ]);
  const c = await createCampaign(app, staff, {
    title: 'Đóng góp làm đường bê tông liên thôn', kind: 'decision', category: 'k1', villageIds: villages.map((v) => v.id),
    channels: ['meeting', 'paper'], template: 'household-decision',
  });
  slug = c.slug;
  await openCampaign(app, staff, c.id);
  const approvals = [9, 5, 4];
  for (const [i, v] of villages.entries()) {
    const H = v.households.length;
    const s = await api(app, 'POST', `/api/v1/campaigns/${c.id}/tallies`, {
      cookie: staff,
      body: { ...BOARD, villageId: v.id, channel: 'paper', issued: H, returned: H - 1, invalid: 0, counts: { decision: { approve: approvals[i], reject: H - 1 - approvals[i]!, other: 0 } } },
    });
    expect(s.status).toBe(201);
    expect((await api(app, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector })).status).toBe(200);
  }
  expect((await api(app, 'POST', `/api/v1/campaigns/${c.id}/close`, { cookie: staff })).status).toBe(200);
  expect((await api(app, 'POST', `/api/v1/campaigns/${c.id}/publish`, { cookie: staff })).status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the public results page on a phone', () => {
  it('draws its charts beside the tables at 360 px, without sideways scrolling, console errors or serious axe violations', async () => {
    const ctx = await phoneContext(browser, { a11y: true });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/r/${slug}`);
    await page.waitForSelector('canvas[data-drawn="true"]');
    // chart.js painted something: the canvas is no longer blank.
    const painted = await page.evaluate(() => {
      const canvas = document.querySelector('canvas[data-chart]') as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
      return { ink, width: canvas.getBoundingClientRect().width };
    });
    expect(painted.ink).toBeGreaterThan(500);
    expect(painted.width).toBeLessThanOrEqual(360);
    // The same numbers as a table: Đông Sơn, 12 households, needs ⌈2·12/3⌉ = 8, has 9.
    const row = page.locator('table tr', { has: page.locator('th', { hasText: 'Thôn Đông Sơn' }) });
    await expect.poll(() => row.first().textContent()).toContain('Thông qua');
    expect(await page.getByText('cần ít nhất 8 phiếu đồng ý trên tổng số 12 hộ').count()).toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await checkA11y(page)).toEqual([]);
    expect(problems.console).toEqual([]);
    expect(problems.errors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(existsSync(await screenshot(page, 'results-phone'))).toBe(true);
    await ctx.close();
  });

  it('still gives every number without JavaScript', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/r/${slug}`);
    expect(await page.getByText('cần ít nhất 6 phiếu đồng ý trên tổng số 9 hộ').count()).toBe(1);
    expect(await page.locator('img[src$="/qr.svg"]').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await ctx.close();
  });
});
