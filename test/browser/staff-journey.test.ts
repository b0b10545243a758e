import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser } from '../support/app';
import { seedVillages } from '../support/register';
import { launchBrowser, serveTestApp, desktopContext, checkA11y, screenshot, watchProblems, type Browser, type Page, type ServedApp } from '../support/browser';
import { loadPrintFonts } from '../../server/runtime/fonts-node';

let app: ServedApp;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  app.deps.fonts = loadPrintFonts;
  await addUser(app, { username: 'canbo', role: 'staff' });
  await seedVillages(app, [
    { code: 'DS', name: 'Thôn Đông Sơn', households: 8 },
    { code: 'TH', name: 'Thôn Thượng', households: 5 },
  ]);
  dir = mkdtempSync(join(tmpdir(), 'danban-journey-'));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function expectAccessible(page: Page, step: string) {
  const violations = await checkA11y(page);
  expect(violations, `${step}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('a commune officer prepares a household ballot at a desktop', () => {
  it('signs in, creates a k1 campaign through the form, opens it, issues serials and downloads the ballots PDF', async () => {
    const ctx = await desktopContext(browser, { a11y: true });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    // The open button asks for confirmation (data-confirm); the officer agrees.
    page.on('dialog', (d) => void d.accept());

    await page.goto(`${app.base}/staff/campaigns/new`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Tên đăng nhập').fill('canbo');
    await page.getByLabel('Mật khẩu').fill('password123');
    await screenshot(page, 'staff-journey-1-login');
    await Promise.all([page.waitForURL('**/staff/campaigns/new'), page.getByRole('button', { name: 'Đăng nhập' }).click()]);

    await expect.poll(() => page.locator('h1').textContent()).toBe('Tạo đợt lấy ý kiến');
    await expectAccessible(page, 'create form');
    expect(await page.getByLabel('Thôn Đông Sơn (DS)').isChecked()).toBe(true);
    // First a mistake: online voting cannot decide a k1 matter; the error appears beside the channels.
    await page.getByLabel(/^k1 – /).check();
    await page.getByLabel('Tên đợt').fill('Làm đường bê tông liên thôn Đông Sơn – Thượng');
    await page.getByLabel('Nội dung đưa ra lấy ý kiến').fill('Mỗi hộ đóng góp 500.000 đồng để làm 1,2 km đường bê tông.');
    await page.getByLabel(/^Trực tuyến/).check();
    await page.getByLabel('Ngày kết thúc (hạn nộp phiếu)').fill('2026-12-20');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Tạo đợt lấy ý kiến' }).click()]);
    await expect.poll(() => page.locator('#f-channels .error-text').textContent()).toContain('Kênh không được phép');
    await screenshot(page, 'staff-journey-2-form-error');
    await expectAccessible(page, 'form with errors');

    await page.getByLabel(/^Trực tuyến/).uncheck();
    await Promise.all([page.waitForURL(/\/staff\/campaigns\/[^/]+\?done=created/), page.getByRole('button', { name: 'Tạo đợt lấy ý kiến' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Làm đường bê tông liên thôn Đông Sơn – Thượng');
    expect(await page.getByText('20/12/2026').count()).toBeGreaterThan(0);
    await screenshot(page, 'staff-journey-3-draft');

    await Promise.all([page.waitForURL(/done=open/), page.getByRole('button', { name: 'Mở đợt lấy ý kiến' }).click()]);
    expect(await page.getByText('Đang mở', { exact: true }).count()).toBe(1);
    // chart.js drew the participation bars from the data attribute, one chart per village.
    await expect.poll(() => page.locator('canvas[id^="participation-chart-"]').evaluateAll((cs: HTMLCanvasElement[]) =>
      cs.length > 0 && cs.every((c) => c.width > 0 && c.toDataURL().length > 3000))).toBe(true);
    await screenshot(page, 'staff-journey-4-open');

    await Promise.all([page.waitForURL(/done=serials/), page.getByRole('button', { name: 'Phát mã phiếu' }).click()]);
    expect(await page.getByText('Đã phát mã phiếu: 13.').count()).toBe(1);
    await expectAccessible(page, 'campaign page');
    await screenshot(page, 'staff-journey-5-serials');

    await Promise.all([page.waitForURL(/\/staff\/print\?campaignId=/), page.getByRole('link', { name: 'In phiếu, biểu mẫu, áp phích' }).click()]);
    await expectAccessible(page, 'print centre');
    await screenshot(page, 'staff-journey-6-print');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải phiếu A5 – Thôn Đông Sơn' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^phieu-.*-ds-a5\.pdf$/);
    const file = join(dir, 'ballots.pdf');
    await download.saveAs(file);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    // 8 households, two A5 ballots per A4 sheet.
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(4);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC')).toContain('PHIẾU LẤY Ý KIẾN');

    expect(problems.errors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await ctx.close();
  });
});
