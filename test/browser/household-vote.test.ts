import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, launchBrowser, phoneContext, checkA11y, watchProblems, scrollsSideways, screenshot, type Browser, type ServedApp } from '../support/browser';
import { addUser, login } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials } from '../support/campaigns';

let app: ServedApp;
let browser: Browser;
let serials: { serial: string }[];

beforeAll(async () => {
  app = await serveTestApp();
  browser = await launchBrowser();
  const [v] = await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 8 }]);
  await addUser(app, { username: 'canbo', role: 'staff' });
  const staff = await login(app, 'canbo');
  const { id } = await createCampaign(app, staff, {
    title: 'Chọn ngày tổ chức hội làng Đông Sơn', description: 'Ban công tác Mặt trận đề xuất tổ chức hội làng vào mùng 10 tháng Giêng.',
    kind: 'decision', category: 'k6', villageIds: [v!.id], channels: ['online', 'paper'], closesAt: '2026-12-20T17:00:00+07:00',
  });
  serials = await issueSerials(app, staff, id);
  await openCampaign(app, staff, id);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a household votes from the QR link on a phone', () => {
  it('with JavaScript on: picks Đồng ý, sends, and gets a receipt', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/b/${serials[0]!.serial}`);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'household-ballot-phone', { fullPage: true });
    await page.getByLabel('Đồng ý', { exact: true }).check();
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.waitForSelector('.receipt-code');
    const receipt = (await page.textContent('.receipt-code'))!.trim();
    expect(receipt).toMatch(/^[0-9A-Z]{10}$/);
    await screenshot(page, 'household-receipt-phone');
    expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
    await ctx.close();
  });

  it('with JavaScript off: the plain form still votes', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/b/${serials[1]!.serial}`);
    await page.getByLabel('Không đồng ý', { exact: true }).check();
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.waitForSelector('.receipt-code');
    expect(await page.textContent('h1')).toContain('Cảm ơn');
    await ctx.close();
  });

  it('reveals the other-opinion box only after Ý kiến khác is picked, and sends the opinion', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${app.base}/b/${serials[5]!.serial}`);
    const box = page.locator('textarea');
    expect(await box.isVisible()).toBe(false);
    await page.getByLabel('Ý kiến khác', { exact: true }).check();
    expect(await box.isVisible()).toBe(true);
    await box.fill('Nên tổ chức vào cuối tuần để con cháu đi làm xa về dự.');
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.waitForSelector('.receipt-code');
    const rows = await app.deps.db.selectFrom('ballots').select('answers').execute();
    expect(rows.map((r) => JSON.parse(r.answers))).toContainEqual(expect.objectContaining({ decision: 'other' }));
    await ctx.close();
  });

  it('keeps what was entered through a reload', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${app.base}/b/${serials[6]!.serial}`);
    await page.getByLabel('Ý kiến khác', { exact: true }).check();
    await page.locator('textarea').fill('Đề nghị làm thêm mương thoát nước.');
    await page.reload();
    expect(await page.getByLabel('Ý kiến khác', { exact: true }).isChecked()).toBe(true);
    expect(await page.locator('textarea').inputValue()).toBe('Đề nghị làm thêm mương thoát nước.');
    await ctx.close();
  });

  it('gives the receipt again, without a second ballot, when the answer was lost on the way back', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const url = `${app.base}/b/${serials[7]!.serial}`;
    const countBallots = async () => (await app.deps.db.selectFrom('ballots').select('id').execute()).length;
    const before = await countBallots();
    await page.goto(url);
    await page.getByLabel('Đồng ý', { exact: true }).check();
    // the ballot reaches the server, but the connection drops before the answer comes back
    await page.route(url, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Gửi phiếu' }).click().catch(() => undefined);
    await page.waitForTimeout(300);
    await page.unroute(url);
    await page.goto(url);
    await page.getByRole('button', { name: 'Nhận lại biên nhận' }).click();
    await page.waitForSelector('.receipt-code');
    expect(await countBallots()).toBe(before + 1);
    await screenshot(page, 'household-receipt-again-phone');
    await ctx.close();
  });

  it('by keyboard alone', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${app.base}/b/${serials[2]!.serial}`);
    await page.getByLabel('Đồng ý', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.receipt-code');
    await ctx.close();
  });

  it('shows the missing answer beside the question when sent empty', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/b/${serials[3]!.serial}`);
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.waitForSelector('[aria-invalid="true"], .error');
    await screenshot(page, 'household-ballot-error-phone', { fullPage: true });
    await ctx.close();
  });

  it('has no serious or critical accessibility problem on the ballot, the serial entry and the receipt check', async () => {
    const ctx = await phoneContext(browser, { a11y: true });
    const page = await ctx.newPage();
    for (const path of [`/b/${serials[4]!.serial}`, '/b', '/verify']) {
      await page.goto(`${app.base}${path}`);
      expect(await checkA11y(page), path).toEqual([]);
    }
    await screenshot(page, 'verify-phone');
    await ctx.close();
  });
});
