// Issue 13, the law's timeline on the pages: staff at 1280 px and a village
// head on a 360 px phone see each step of a campaign with its article and due
// day, the overdue one in red and saying "Quá hạn"; staff record a step done
// from the page; the staff home lists what is overdue and due this week; the
// commune's calendar page. No serious or critical axe violation anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  serveTestApp, launchBrowser, phoneContext, desktopContext, checkA11y, screenshot, scrollsSideways, watchProblems,
  type Browser, type ServedApp,
} from '../support/browser';
import { addUser, login } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign } from '../support/campaigns';

let app: ServedApp;
let browser: Browser;
let staff: string;
let head: string;
let overdueId: string;
let soonId: string;

const RED = 'rgb(179, 38, 30)'; // --error

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  const [ds, th] = (await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 6 }, { code: 'TH', name: 'Thôn Trung Hà', households: 4 }])) as [SeededVillage, SeededVillage];
  await addUser(app, { username: 'canbo', role: 'staff', displayName: 'Nguyễn Thị Lan' });
  await addUser(app, { username: 'truongthon.ds', role: 'village_head', villageId: ds.id, displayName: 'Nguyễn Văn Đức' });
  staff = await login(app, 'canbo');
  head = await login(app, 'truongthon.ds');
  // the clock stands at Thursday 26/11/2026: a meeting tomorrow whose notice was due on 25/11 (overdue)…
  overdueId = (await createCampaign(app, staff, {
    title: 'Đóng góp làm đường bê tông xóm 3', kind: 'decision', category: 'k1', villageIds: [ds.id, th.id], channels: ['meeting'],
    opensAt: '2026-11-27T00:00:00+07:00', closesAt: '2026-11-27T23:59:59+07:00',
  })).id;
  // …and a k3 meeting on Tuesday 01/12 whose notice and documents are due on Sunday 29/11, this week
  soonId = (await createCampaign(app, staff, {
    title: 'Hương ước thôn Đông Sơn', kind: 'decision', category: 'k3', villageIds: [ds.id], channels: ['meeting'],
    opensAt: '2026-12-01T00:00:00+07:00', closesAt: '2026-12-01T23:59:59+07:00',
  })).id;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the campaign timeline', () => {
  it('shows staff at 1280 px every step with its article and due day, the overdue one red and in words, and records a step done', async () => {
    const ctx = await desktopContext(browser, { cookie: staff, base: app.base, a11y: true });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/staff/campaigns/${overdueId}`);
    const notice = page.locator('[data-step="meeting_notice"]');
    expect(await notice.getAttribute('class')).toContain('step-overdue');
    const text = (await notice.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Thông tin về cuộc họp (Mẫu 01)');
    expect(text).toContain('Quá hạn');
    expect(text).toContain('Hạn: 25/11/2026');
    expect(text).toContain('Đ3 NĐ 59/2023/NĐ-CP (Mẫu 01)');
    expect(await notice.locator('.timeline-due').evaluate((el) => getComputedStyle(el).color)).toBe(RED);
    expect(await notice.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe(RED);
    // steps still to come are not red
    expect(await page.locator('[data-step="report_to_commune"]').getAttribute('class')).not.toContain('step-overdue');
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'issue13-timeline-staff');

    // record the notice as sent yesterday: the step is done, with its day
    await page.selectOption('select[name="fact"]', 'notice_sent');
    await page.fill('input[name="doneOn"]', '2026-11-25');
    await page.fill('input[name="note"]', 'Giấy mời Mẫu 01 đến các hộ');
    await Promise.all([page.waitForURL(/done=step/), page.locator('#timeline-record button[type="submit"]').click()]);
    const done = (await page.locator('[data-step="meeting_notice"]').innerText()).replace(/\s+/g, ' ');
    expect(done).toContain('Đã xong ngày 25/11/2026');
    expect(done).not.toContain('Quá hạn');
    expect(await page.locator('[data-step="meeting_notice"]').getAttribute('class')).toContain('step-done');
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
    await ctx.close();
  });

  it('shows a village head on a 360 px phone the same timeline, overdue in red, without the staff form and without sideways scrolling', async () => {
    const ctx = await phoneContext(browser, { cookie: head, base: app.base, a11y: true });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/staff/campaigns/${soonId}`);
    expect(await page.locator('.timeline-step').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#timeline-record').count()).toBe(0);
    await page.goto(`${app.base}/staff/campaigns/${overdueId}`);
    const overdue = page.locator('.timeline-step.step-overdue');
    // the notice was recorded by staff in the test above; the documents (k1–k3) are still overdue
    expect(await overdue.count()).toBeGreaterThanOrEqual(1);
    expect((await overdue.first().innerText()).replace(/\s+/g, ' ')).toContain('Quá hạn');
    expect(await overdue.first().locator('.timeline-due').evaluate((el) => getComputedStyle(el).color)).toBe(RED);
    const box = (await page.locator('#timeline').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
    await screenshot(page, 'issue13-timeline-phone');
    await ctx.close();
  });
});

describe('the staff home', () => {
  it('lists what is overdue and due this week across campaigns, each linked to its timeline, at 1280 px and on a phone', async () => {
    for (const [make, cookie, name] of [[desktopContext, staff, 'desktop'], [phoneContext, head, 'phone']] as const) {
      const ctx = await make(browser, { cookie, base: app.base, a11y: true });
      const page = await ctx.newPage();
      const problems = watchProblems(page);
      await page.goto(`${app.base}/staff`);
      const section = page.locator('section.due-week');
      expect(await section.locator('h2').innerText()).toBe('Việc đến hạn trong tuần');
      const rows = section.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThanOrEqual(3);
      // overdue first, in red and saying so; then the k3 meeting's notice and documents due on Sunday 29/11
      const first = (await rows.first().innerText()).replace(/\s+/g, ' ');
      expect(first).toContain('Quá hạn');
      expect(await rows.first().locator('.due-overdue').first().evaluate((el) => getComputedStyle(el).color)).toBe(RED);
      expect(await section.innerText()).toContain('29/11/2026');
      expect(await section.locator(`a[href="/staff/campaigns/${soonId}#timeline"]`).count()).toBe(2);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await checkA11y(page)).toEqual([]);
      expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
      await screenshot(page, `issue13-due-week-${name}`);
      // a link leads to the campaign's timeline
      await Promise.all([page.waitForURL(new RegExp(`/staff/campaigns/${overdueId}#timeline`)), section.locator(`a[href="/staff/campaigns/${overdueId}#timeline"]`).first().click()]);
      expect(await page.locator('#timeline').isVisible()).toBe(true);
      await ctx.close();
    }
  });

  it('has a calendar page staff can read and save, without axe violations', async () => {
    const ctx = await desktopContext(browser, { cookie: staff, base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/calendar`);
    expect(await page.locator('h1').innerText()).toBe('Lịch làm việc của xã');
    expect(await page.locator('#days-off').innerText()).toContain('27/04/2026');
    expect(await checkA11y(page)).toEqual([]);
    await page.fill('textarea[name="adjustments"]', '05/12/2026; nghỉ; Thứ Bảy');
    await page.locator('form[action="/staff/calendar"] button[type="submit"]').click();
    await page.waitForLoadState();
    expect(await page.locator('#error-summary').innerText()).toContain('Dòng 1:');
    expect(await checkA11y(page)).toEqual([]);
    await ctx.close();
  });
});
