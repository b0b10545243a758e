import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { addUser, login } from '../support/app';
import {
  launchBrowser, serveTestApp, phoneContext, desktopContext, checkA11y, screenshot, scrollsSideways, watchProblems,
  type Browser, type ServedApp,
} from '../support/browser';

let app: ServedApp;
let browser: Browser;
let adminCookie: string;
let headCookie: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  await addUser(app, { username: 'quantri', role: 'admin' });
  // The village row goes in directly: this file tests the shell, not the register.
  await app.deps.db.insertInto('villages')
    .values({ id: 'v-dong', commune_id: app.communeId, code: 'DONG', name: 'Thôn Đông', created_at: app.clock.now.toISOString() })
    .execute();
  await addUser(app, { username: 'truongthon', role: 'village_head', villageId: 'v-dong' });
  adminCookie = await login(app, 'quantri');
  headCookie = await login(app, 'truongthon');
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the page shell in a real browser', () => {
  it('sends a visitor without a session from the staff home to the sign-in page, remembering where they were going', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const first = await page.goto(`${app.base}/staff`);
    const chain: number[] = [];
    for (let r = first?.request().redirectedFrom(); r; r = r.redirectedFrom()) chain.push((await r.response())!.status());
    expect(chain).toEqual([303]);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/staff');
    await ctx.close();
  });

  it('switches the staff home to English and back with plain links, JavaScript off', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false, cookie: adminCookie, base: app.base });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/staff`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('h1').textContent()).toBe('Tổng quan');

    await page.getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).pathname).toBe('/staff');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Overview');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);

    // The choice sticks: a later page opened directly is in English too.
    await page.goto(`${app.base}/khong-co-trang`);
    expect(await page.locator('h1').textContent()).toBe('Page not found');

    await page.goto(`${app.base}/staff`);
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    expect(await page.locator('h1').textContent()).toBe('Tổng quan');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');

    // Strict CSP: no inline style or script was refused, every asset loaded.
    expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
    await ctx.close();
  });

  it('opens the phone menu without JavaScript and shows a village head only their sections', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false, cookie: headCookie, base: app.base });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff`);
    const menu = page.locator('.menu-small');
    await menu.locator('summary').click();
    const items = await menu.getByRole('link').allTextContents();
    // a village head also enters the letters of the village's box and its meeting's questions for the conference (issue 18)
    expect(items).toEqual(['Tổng quan', 'Đợt lấy ý kiến', 'Sổ hộ', 'Biên bản', 'Góp ý', 'Đối thoại']);
    expect(await page.locator('.menu-wide').isVisible()).toBe(false);
    await screenshot(page, 'staff-home-village-head-menu-360');
    await ctx.close();
  });

  it('shows a friendly error page on a 360 px phone without sideways scrolling', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    const res = await page.goto(`${app.base}/khong-co-trang-nay`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Không tìm thấy trang');
    expect(await page.getByRole('link', { name: 'Về trang chủ' }).count()).toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
    const file = await screenshot(page, 'error-404-360');
    expect(existsSync(file)).toBe(true);
    await ctx.close();
  });

  it('has no serious or critical accessibility violation on the staff home, phone menu and error page', async () => {
    const phone = await phoneContext(browser, { a11y: true, cookie: adminCookie, base: app.base });
    const desk = await desktopContext(browser, { a11y: true, cookie: adminCookie, base: app.base });
    const found: Record<string, unknown> = {};

    const p = await phone.newPage();
    await p.goto(`${app.base}/staff`);
    expect(await scrollsSideways(p)).toBe(false);
    await screenshot(p, 'staff-home-360');
    found['staff home 360'] = await checkA11y(p);
    await p.locator('.menu-small summary').click();
    await screenshot(p, 'staff-home-menu-open-360');
    found['menu open 360'] = await checkA11y(p);
    await p.goto(`${app.base}/khong-co-trang?lang=en`);
    found['error 360 en'] = await checkA11y(p);

    const d = await desk.newPage();
    await d.goto(`${app.base}/staff`);
    expect(await d.locator('.menu-wide').isVisible()).toBe(true);
    await screenshot(d, 'staff-home-1280');
    found['staff home 1280'] = await checkA11y(d);
    await d.goto(`${app.base}/khong-co-trang`);
    await screenshot(d, 'error-404-1280');
    found['error 1280'] = await checkA11y(d);

    expect(found).toEqual({
      'staff home 360': [], 'menu open 360': [], 'error 360 en': [], 'staff home 1280': [], 'error 1280': [],
    });
    await phone.close();
    await desk.close();
  });
});
