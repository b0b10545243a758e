// Issue 15, citizens on a 360 px phone (and the same pages at 1280 px): the
// receipt at its own address (no "Confirm Form Resubmission" on Back or
// reload), the ballot page naming the household and village with online
// steps, the results date and the commune's page, the plain form without
// JavaScript, the portal's titles and the way in for staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  serveTestApp, launchBrowser, phoneContext, desktopContext, checkA11y, screenshot, scrollsSideways, watchProblems,
  type Browser, type ServedApp,
} from '../support/browser';
import { addUser, login } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials } from '../support/campaigns';

let app: ServedApp;
let browser: Browser;
let ds: SeededVillage;
let serials: { householdCode: string; serial: string }[];
let secretSerials: { householdCode: string; serial: string }[];
let survey: { id: string; slug: string };
let staff: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  [ds] = (await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 12 }])) as [SeededVillage];
  await addUser(app, { username: 'canbo', role: 'staff' });
  staff = await login(app, 'canbo');
  const fair = await createCampaign(app, staff, {
    title: 'Chọn ngày tổ chức hội làng Đông Sơn', description: 'Ban công tác Mặt trận đề xuất tổ chức hội làng vào mùng 10 tháng Giêng.',
    kind: 'decision', category: 'k6', villageIds: [ds.id], channels: ['online', 'paper'], closesAt: '2026-12-10T17:00:00+07:00',
  });
  serials = await issueSerials(app, staff, fair.id);
  await openCampaign(app, staff, fair.id);
  const secret = await createCampaign(app, staff, {
    title: 'Chọn vị trí nhà văn hóa', kind: 'decision', category: 'k6', villageIds: [ds.id], channels: ['online'], secret: true,
  });
  secretSerials = await issueSerials(app, staff, secret.id);
  await openCampaign(app, staff, secret.id);
  survey = await createCampaign(app, staff, {
    title: 'Đánh giá Bộ phận Một cửa', kind: 'satisfaction', villageIds: [ds.id], channels: ['online'], template: 'one-stop-rating',
  });
  await openCampaign(app, staff, survey.id);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const ballotsStored = async () => (await app.deps.db.selectFrom('ballots').select('id').execute()).length;

describe('after sending a ballot', () => {
  it('lands on a receipt page of its own: reload and Back after an error and a send never offer to send the form again', async () => {
    for (const js of [true, false]) {
      const ctx = await phoneContext(browser, { javaScriptEnabled: js });
      const page = await ctx.newPage();
      const problems = watchProblems(page);
      const s = serials[js ? 0 : 1]!;
      const before = await ballotsStored();
      await page.goto(`${app.base}/b/${s.serial}`);
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.waitForSelector('.error-summary');
      await page.getByLabel('Đồng ý', { exact: true }).check();
      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.waitForSelector('.receipt-code');
      const receiptUrl = page.url();
      expect(new URL(receiptUrl).pathname).toMatch(/^\/receipt\/[0-9A-Z]{10}$/);
      expect(receiptUrl).not.toContain(s.serial);
      const code = (await page.textContent('.receipt-code'))!.trim();
      await screenshot(page, `issue15-receipt-phone-${js ? 'js' : 'nojs'}`);

      const reloaded = await page.reload();
      expect(reloaded!.status()).toBe(200);
      expect((await page.textContent('.receipt-code'))!.trim()).toBe(code);

      // Back goes to the form's page again (its history entry is a visit, or the browser kept it), never to a resubmission prompt
      const back = await page.goBack();
      expect(back, js ? 'with JavaScript' : 'without JavaScript').not.toBeNull();
      expect(await page.locator('h1').count()).toBe(1);
      expect(new URL(page.url()).pathname).toBe(`/b/${s.serial}`);
      expect(await ballotsStored()).toBe(before + 1);
      expect(problems.errors).toEqual([]);
      await ctx.close();
    }
  });

  it('shares a receipt that names no household and says when and where the results come, on a phone and a desktop', async () => {
    const ctx = await phoneContext(browser, { a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/b/${secretSerials[0]!.serial}`);
    await page.getByLabel('Không đồng ý', { exact: true }).check();
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.waitForSelector('.receipt-code');
    const url = page.url();
    const text = (await page.locator('main').innerText()).normalize('NFC');
    expect(text).not.toContain(secretSerials[0]!.householdCode);
    expect(text).not.toContain('Không đồng ý');
    expect(text).toContain('Kết quả được công bố');
    expect(await checkA11y(page)).toEqual([]);
    await ctx.close();
    // someone else opens the shared link on a desktop
    const desk = await desktopContext(browser, { a11y: true });
    const other = await desk.newPage();
    expect((await other.goto(url))!.status()).toBe(200);
    expect(await other.locator('h1').textContent()).toContain('Phiếu của hộ đã được ghi nhận');
    expect(await scrollsSideways(other)).toBe(false);
    expect(await checkA11y(other)).toEqual([]);
    await screenshot(other, 'issue15-receipt-shared-desktop');
    await desk.close();
  });
});

describe('the ballot page', () => {
  it('names the household and village as the paper ballot does, gives online steps, and says when and where the results come', async () => {
    const ctx = await phoneContext(browser, { a11y: true });
    const page = await ctx.newPage();
    const s = serials[2]!;
    await page.goto(`${app.base}/b/${s.serial}`);
    const holder = (await page.locator('.ballot-holder').innerText()).normalize('NFC');
    expect(holder).toContain(s.householdCode);
    expect(holder).toContain('Nguyễn Văn DS 3');
    expect(holder).toContain('Thôn Đông Sơn, Xã Việt Khê');
    expect(await page.getByRole('heading', { name: 'Cách gửi phiếu trên điện thoại' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toContain('Trên phiếu giấy: đánh dấu');
    const results = (await page.locator('.results-where').innerText()).normalize('NFC');
    expect(results).toContain('Kết quả được công bố chậm nhất ngày 17/12/2026');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'issue15-ballot-phone');
    await page.getByRole('link', { name: 'trang của Xã Việt Khê' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/x/xa-viet-khe');
    expect(await page.locator('h1').textContent()).toBe('Xã Việt Khê');
    await ctx.close();
  });

  it('without JavaScript: the other-opinion box is not marked required, stands apart from the send button, and errors are red, marked and short', async () => {
    for (const make of [phoneContext, desktopContext]) {
      const ctx = await make(browser, { javaScriptEnabled: false, a11y: true });
      const page = await ctx.newPage();
      await page.goto(`${app.base}/b/${serials[3]!.serial}`);
      const other = page.locator('#q-otherOpinion');
      expect(await other.locator('label').innerText()).not.toContain('bắt buộc');
      expect(await other.locator('.condition').innerText()).toContain('bắt buộc nếu');
      const gap = await page.evaluate(() => {
        const box = document.querySelector('#q-otherOpinion textarea')!.getBoundingClientRect();
        const send = document.querySelector('form.survey button[type="submit"]')!.getBoundingClientRect();
        return send.top - box.bottom;
      });
      expect(gap).toBeGreaterThanOrEqual(24);

      await page.getByRole('button', { name: 'Gửi phiếu' }).click();
      await page.waitForSelector('.error-summary');
      const summary = (await page.locator('.error-summary').innerText()).normalize('NFC');
      expect(summary).toContain('Vui lòng chọn một ý kiến.');
      expect(summary).not.toContain('Ý kiến của hộ gia đình về nội dung trên');
      const error = page.locator('#q-decision-error');
      expect((await error.innerText()).trim()).toBe('Vui lòng chọn một ý kiến.');
      const look = await error.evaluate((el) => {
        const s = getComputedStyle(el);
        const mark = getComputedStyle(el, '::before');
        const question = getComputedStyle(document.querySelector('#q-decision')!);
        return { color: s.color, weight: s.fontWeight, mark: mark.backgroundColor, border: question.borderLeftWidth, borderColor: question.borderLeftColor };
      });
      expect(look).toEqual({ color: 'rgb(179, 38, 30)', weight: '700', mark: 'rgb(179, 38, 30)', border: '5px', borderColor: 'rgb(179, 38, 30)' });
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, `issue15-ballot-errors-${make === phoneContext ? 'phone' : 'desktop'}`);
      await ctx.close();
    }
    // the same refused page, checked by axe (which needs a script to run)
    const ctx = await phoneContext(browser, { a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/b/${serials[3]!.serial}`);
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.waitForSelector('.error-summary');
    expect(await checkA11y(page)).toEqual([]);
    await ctx.close();
  });
});

describe('the commune portal', () => {
  it('links a campaign title only where it opens something, and leads staff to sign in or back to their pages', async () => {
    for (const make of [phoneContext, desktopContext]) {
      const ctx = await make(browser, { a11y: true });
      const page = await ctx.newPage();
      // the test app holds two communes: this one's portal is /x/<slug> (/ lists the communes)
      await page.goto(`${app.base}/x/xa-viet-khe`);
      const ballotTitle = page.locator('.card-title', { hasText: 'Chọn ngày tổ chức hội làng Đông Sơn' });
      expect(await ballotTitle.evaluate((el) => el.tagName)).toBe('SPAN');
      expect(await ballotTitle.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
      const surveyTitle = page.getByRole('link', { name: 'Đánh giá Bộ phận Một cửa' });
      expect(await surveyTitle.getAttribute('href')).toBe(`/s/${survey.slug}`);
      expect(await checkA11y(page)).toEqual([]);
      await screenshot(page, `issue15-portal-${make === phoneContext ? 'phone' : 'desktop'}`);
      await page.getByRole('link', { name: 'Đăng nhập' }).click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe('/login');
      await ctx.close();
    }
    const signedIn = await desktopContext(browser, { cookie: staff, base: app.base });
    const page = await signedIn.newPage();
    await page.goto(`${app.base}/x/xa-viet-khe`);
    await page.getByRole('link', { name: 'Về trang quản lý' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/staff');
    expect(await page.locator('h1').textContent()).toBe('Tổng quan');
    // from a page cached for everyone the sign-in link still leads a signed-in person on to the staff home
    await page.goto(`${app.base}/verify`);
    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/staff');
    await signedIn.close();
  });
});
