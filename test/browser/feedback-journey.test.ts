import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, login, api } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign } from '../support/campaigns';
import {
  launchBrowser, serveTestApp, phoneContext, desktopContext, checkA11y, screenshot, scrollsSideways, watchProblems,
  type Browser, type Page, type ServedApp,
} from '../support/browser';

// Issue 18 in a real browser: a villager sends feedback from the hòm thư góp
// ý QR on a cheap phone with JavaScript off and follows it by its code; an
// officer answers and publishes at a desktop; the plan's scorecard; the
// outreach texts copied with one tap. Every page: no sideways scrolling at
// 360 px and no serious or critical axe violations.

let app: ServedApp;
let browser: Browser;
let DS: SeededVillage;
let staffCookie: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  [DS] = (await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 6 }, { code: 'TH', name: 'Thôn Trung Hà', households: 4 }])) as [SeededVillage];
  await addUser(app, { username: 'canbo', role: 'staff' });
  await addUser(app, { username: 'truongds', role: 'village_head', villageId: DS.id });
  staffCookie = await login(app, 'canbo');
  // an overdue kiến nghị for the staff home
  const old = await api(app, 'POST', '/api/v1/feedback/paper', { cookie: staffCookie, body: { channel: 'paper', kind: 'kien_nghi', villageId: DS.id, receivedOn: '2026-11-02', text: 'Kiến nghị sửa cống xóm 2 từ đầu tháng' } });
  expect(old.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function expectAccessible(page: Page, step: string) {
  const violations = await checkA11y(page);
  expect(violations, `${step}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** The same page in a context that can run axe (the journey itself runs without JavaScript). */
async function auditAt(url: string, step: string, opts: { desktop?: boolean; cookie?: string } = {}) {
  const ctx = opts.desktop
    ? await desktopContext(browser, { a11y: true, cookie: opts.cookie, base: app.base })
    : await phoneContext(browser, { a11y: true, cookie: opts.cookie, base: app.base });
  const page = await ctx.newPage();
  await page.goto(url);
  if (!opts.desktop) expect(await scrollsSideways(page), `${step} scrolls sideways at 360 px`).toBe(false);
  await expectAccessible(page, step);
  await ctx.close();
}

describe('a villager on a phone with JavaScript off', () => {
  it('sends feedback from the village’s QR, gets a tracking code, follows it to the answer and sees what the commune keeps of them', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/gop-y/xa-viet-khe?thon=DS`);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await page.locator('#f-villageId').inputValue()).toBe(DS.id);
    await screenshot(page, 'feedback-1-form-phone');
    await auditAt(`${app.base}/gop-y/xa-viet-khe?thon=DS`, 'feedback form');

    // a first try without choosing the kind: the error is shown beside it, the text is kept
    await page.getByLabel(/^Nội dung \*/).fill('Cống thoát nước trước nhà văn hóa bị tắc, mưa là ngập.');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Gửi ý kiến' }).click()]);
    expect(await page.locator('#f-kind .error-text').textContent()).toContain('Hãy chọn loại ý kiến.');
    expect(await page.getByLabel(/^Nội dung \*/).inputValue()).toContain('Cống thoát nước');
    await screenshot(page, 'feedback-2-form-error-phone');

    await page.getByLabel('Kiến nghị', { exact: false }).check();
    await page.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Thị Hòa');
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0912 345 678');
    await page.getByLabel(/Tôi đồng ý để UBND xã/).check();
    await Promise.all([page.waitForURL(/\/g\/[0-9A-Z]{11}\?moi=1$/), page.getByRole('button', { name: 'Gửi ý kiến' }).click()]);
    expect(await page.getByText('Đã gửi ý kiến. Cảm ơn bạn!').count()).toBe(1);
    const grouped = (await page.locator('.tracking-code').first().textContent())!.trim();
    expect(grouped).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/);
    expect(await page.getByText('Đã tiếp nhận', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Nguyễn Thị Hòa').count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'feedback-3-sent-phone');
    await auditAt(page.url(), 'tracking page');

    // later, from another phone: the code typed at /g in lower case
    const code = grouped.replace(/-/g, '');
    const id = (await api(app, 'GET', '/api/v1/feedback', { cookie: staffCookie })).json.find((i: any) => i.text.startsWith('Cống thoát nước')).id;
    await api(app, 'POST', `/api/v1/feedback/${id}/answer`, { cookie: staffCookie, body: { answer: 'Xã đã cho nạo vét cống ngày 27/11/2026.' } });
    await page.goto(`${app.base}/g`);
    await page.getByLabel('Mã theo dõi').fill(grouped.toLowerCase());
    await Promise.all([page.waitForURL(`**/g/${code}`), page.getByRole('button', { name: 'Xem' }).click()]);
    expect(await page.getByText('Đã trả lời', { exact: true }).count()).toBe(1);
    expect(await page.locator('.answer-text').textContent()).toContain('Xã đã cho nạo vét cống ngày 27/11/2026.');
    await screenshot(page, 'feedback-4-answered-phone');

    // what the commune keeps: shown with the phone's last four digits
    await page.getByRole('link', { name: 'Xem hoặc xóa thông tin cá nhân bạn đã gửi' }).click();
    await page.getByLabel('4 số cuối điện thoại').fill('5678');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Xem thông tin' }).click()]);
    expect(await page.getByText('Nguyễn Thị Hòa').count()).toBe(1);
    expect(await page.getByText('0912345678').count()).toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'feedback-5-my-data-phone');
    await ctx.close();
  });
});

describe('an officer at a desktop', () => {
  it('sees the overdue kiến nghị in red, gives an item to a department, answers and publishes it', async () => {
    const sent = await api(app, 'POST', '/api/v1/feedback', { body: { villageId: DS.id, kind: 'phan_anh', topic: 'Môi trường, vệ sinh', text: 'Rác thải đổ trộm ở bãi đất trống cạnh đường liên thôn.', name: 'Lê Văn Nam', phone: '0987 111 222' } });
    expect(sent.status).toBe(201);
    const ctx = await desktopContext(browser, { a11y: true });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('canbo');
    await page.getByLabel('Mật khẩu').fill('password123');
    await Promise.all([page.waitForURL('**/staff'), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
    const overdue = page.locator('.feedback-home .due-overdue').first();
    expect(await overdue.textContent()).toContain('kiến nghị đã quá hạn');
    expect(await overdue.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(179, 38, 30)');
    await screenshot(page, 'feedback-6-staff-home');
    await expectAccessible(page, 'staff home');

    await page.getByRole('link', { name: 'Góp ý', exact: true }).first().click();
    await page.waitForURL('**/staff/feedback');
    await expectAccessible(page, 'feedback list');
    await screenshot(page, 'feedback-7-list');
    await page.getByRole('link', { name: /Rác thải đổ trộm/ }).click();
    expect(await page.getByText('0987111222').count()).toBe(1); // the office handles it until it is given to someone
    await expectAccessible(page, 'feedback item');

    await page.getByLabel('Bộ phận chuyên môn').check();
    await page.getByLabel('Bộ phận', { exact: true }).selectOption('Phòng Kinh tế');
    await Promise.all([page.waitForURL(/done=assigned/), page.getByRole('button', { name: 'Giao', exact: true }).click()]);
    expect(await page.getByText('Đã giao xử lý.').count()).toBe(1);

    await page.getByLabel('Nội dung trả lời').fill('Xã đã thu dọn rác và đặt biển cấm đổ rác; Công an xã tăng cường tuần tra.');
    await page.getByLabel('Công khai câu trả lời trên trang của xã').check();
    await page.getByLabel('Tóm tắt nội dung để công khai').first().fill('Phản ánh rác thải đổ trộm cạnh đường liên thôn Đông Sơn.');
    await Promise.all([page.waitForURL(/done=answered/), page.getByRole('button', { name: 'Lưu câu trả lời' }).click()]);
    expect(await page.getByText('Đã lưu câu trả lời.').count()).toBe(1);
    expect(await page.getByText('Công khai', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'feedback-8-answered');
    await expectAccessible(page, 'answered item');

    await page.goto(`${app.base}/x/xa-viet-khe/gop-y`);
    expect(await page.getByText('Phản ánh rác thải đổ trộm cạnh đường liên thôn Đông Sơn.').count()).toBe(1);
    expect(await page.getByText('Lê Văn Nam').count()).toBe(0);
    await screenshot(page, 'feedback-9-public-page');
    await expectAccessible(page, 'public feedback page');
    expect(problems.errors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await ctx.close();
    await auditAt(`${app.base}/x/xa-viet-khe/gop-y`, 'public feedback page on a phone');
  });
});

describe('the plan’s scorecard and the outreach texts', () => {
  it('shows the quarter per village with its report to print, without serious axe violations', async () => {
    const ctx = await desktopContext(browser, { a11y: true, cookie: staffCookie, base: app.base });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/staff/scorecard`);
    expect(await page.locator('h1').textContent()).toContain('Quý IV/2026');
    expect(await page.locator('#score-feedback').textContent()).toContain('Thôn Đông Sơn');
    await screenshot(page, 'scorecard-desktop');
    await expectAccessible(page, 'scorecard');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /In báo cáo gửi Sở Nội vụ/ }).click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-quy-4-2026.pdf');
    expect(problems.errors).toEqual([]);
    await ctx.close();
  });

  it('copies the Zalo message with one tap on a village head’s phone', async () => {
    const { id } = await createCampaign(app, staffCookie, { title: 'Chọn ngày hội làng', kind: 'decision', category: 'k6', villageIds: [DS.id], channels: ['paper', 'meeting'], opensAt: '2026-12-10T00:00:00+07:00' });
    const ctx = await phoneContext(browser, { a11y: true, cookie: await login(app, 'truongds'), base: app.base });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.base });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/staff/campaigns/${id}/outreach`);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await page.locator('details.details-form').getAttribute('open')).not.toBeNull(); // one village: its texts are open
    await page.getByRole('button', { name: 'Sao chép', exact: true }).nth(1).click();
    await expect.poll(() => page.locator('.copy-status').nth(1).textContent()).toBe('Đã sao chép.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('[Thôn Đông Sơn]');
    expect(copied).toContain('Chọn ngày hội làng');
    await screenshot(page, 'outreach-phone');
    await expectAccessible(page, 'outreach page');
    expect(problems.errors).toEqual([]);
    await ctx.close();
  });

  it('shows a dialogue conference to staff and, once published, to everyone, without serious axe violations', async () => {
    const d = (await api(app, 'POST', '/api/v1/dialogues', { cookie: staffCookie, body: { title: 'Hội nghị đối thoại năm 2026', heldAt: '2026-11-20T08:00:00+07:00', place: 'Hội trường UBND xã', chair: 'Chủ tịch UBND xã' } })).json.id;
    const g = (await api(app, 'POST', `/api/v1/dialogues/${d}/groups`, { cookie: staffCookie, body: { title: 'Giao thông' } })).json.id;
    const q = (await api(app, 'POST', `/api/v1/dialogues/${d}/questions`, { cookie: staffCookie, body: { source: 'paper', villageId: DS.id, groupId: g, text: 'Khi nào làm đường xóm 3?' } })).json.id;
    await api(app, 'POST', `/api/v1/dialogues/${d}/questions`, { cookie: staffCookie, body: { source: 'village_meeting', villageId: DS.id, text: 'Đề nghị lắp đèn đường.' } });
    await api(app, 'POST', `/api/v1/dialogues/${d}/questions/${q}`, { cookie: staffCookie, body: { answer: 'Quý I/2027.' } });
    await auditAt(`${app.base}/staff/dialogues/${d}`, 'dialogue (staff)', { desktop: true, cookie: staffCookie });
    await api(app, 'POST', `/api/v1/dialogues/${d}/minutes`, { cookie: staffCookie, body: { minutes: 'Hội nghị có 80 đại biểu.' } });
    expect((await api(app, 'POST', `/api/v1/dialogues/${d}/publish`, { cookie: staffCookie })).status).toBe(200);
    await auditAt(`${app.base}/x/xa-viet-khe/doi-thoai/${d}`, 'dialogue (public)');
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${app.base}/x/xa-viet-khe/doi-thoai/${d}`);
    await page.getByRole('link', { name: /Xem trả lời câu 1/ }).click();
    expect(new URL(page.url()).hash).toBe('#tra-loi-1');
    await screenshot(page, 'dialogue-public-phone');
    await ctx.close();
  });
});
