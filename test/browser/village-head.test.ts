// Issue 15, village heads on a 360 px phone: the campaign at a glance, the
// printable list of households whose ballot has not come back, the register
// led by the head's name, a home page of what they may do, and sheets that
// name people. Checked at 1280 px too, where staff open the same pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serveTestApp, launchBrowser, phoneContext, desktopContext, checkA11y, screenshot, scrollsSideways, watchProblems,
  type Browser, type ServedApp,
} from '../support/browser';
import { addUser, login, api } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';

let app: ServedApp;
let browser: Browser;
let dir: string;
let ds: SeededVillage;
let campaign: { id: string; serials: { householdCode: string; serial: string; villageId: string }[] };
let head: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  dir = mkdtempSync(join(tmpdir(), 'danban-head-'));
  [ds] = (await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 8 }, { code: 'TH', name: 'Thôn Trung Hà', households: 3 }])) as [SeededVillage];
  await addUser(app, { username: 'canbo', role: 'staff', displayName: 'Nguyễn Thị Lan' });
  await addUser(app, { username: 'thanhtra', role: 'inspector', displayName: 'Lê Văn Sáu' });
  await addUser(app, { username: 'truongthon.ds', role: 'village_head', villageId: ds.id, displayName: 'Nguyễn Văn Đức' });
  const staff = await login(app, 'canbo');
  const c = await createCampaign(app, staff, {
    title: 'Chọn ngày tổ chức hội làng', kind: 'decision', category: 'k6', villageIds: [ds.id], channels: ['online', 'paper'],
    // online ballots bind where the households' agreement to vote online is on record (NĐ 59 Đ5)
    onlineApproval: { note: 'Biên bản họp thôn: các hộ đồng ý biểu quyết trực tuyến' },
    closesAt: '2026-12-10T17:00:00+07:00', template: 'household-decision',
  });
  campaign = { id: c.id, serials: await issueSerials(app, staff, c.id) };
  await openCampaign(app, staff, c.id);
  // two households answered online, one paper ballot came back
  for (const s of campaign.serials.slice(0, 2)) expect((await vote(app, s.serial, { decision: 'approve' })).status).toBe(201);
  head = await login(app, 'truongthon.ds');
  expect((await api(app, 'POST', `/api/v1/campaigns/${c.id}/paper-ballots/${campaign.serials[2]!.serial}`, { cookie: head, body: {} })).status).toBe(201);
  const sheet = await api(app, 'POST', `/api/v1/campaigns/${c.id}/tallies`, {
    cookie: head, body: { villageId: ds.id, channel: 'paper', issued: 8, returned: 1, invalid: 0, counts: { decision: { approve: 1, reject: 0, other: 0 } }, board: ['A', 'B', 'C'], witnesses: ['D', 'E'] },
  });
  expect(sheet.status).toBe(201);
  expect((await api(app, 'POST', `/api/v1/tallies/${sheet.json.id}/confirm`, { cookie: await login(app, 'thanhtra') })).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a village head on a phone', () => {
  it('reads the campaign in one line at arm’s length: households that took part, approvals needed, days left', async () => {
    const ctx = await phoneContext(browser, { cookie: head, base: app.base, a11y: true });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/staff/campaigns/${campaign.id}`);
    const line = page.locator('.glance-line');
    // 3 of 8 took part (two online, one paper); more than half of 8 is 5; 26/11 → 10/12 is 14 days
    expect((await line.innerText()).replace(/\s+/g, ' ')).toBe('3/8 hộ — cần 5 — còn 14 ngày');
    const look = await line.evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), right: el.getBoundingClientRect().right }));
    expect(look.size).toBeGreaterThanOrEqual(26);
    expect(look.right).toBeLessThanOrEqual(360);
    // the line sits in the first screenful
    expect((await line.boundingBox())!.y).toBeLessThan(740);
    expect(await page.locator('.glance-explain').textContent()).toContain('Đ21 k1');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
    await screenshot(page, 'issue15-glance-phone', { fullPage: false });
    await ctx.close();
  });

  it('prints the list of households whose ballot has not come back, from serial use only', async () => {
    const ctx = await phoneContext(browser, { cookie: head, base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/campaigns/${campaign.id}`);
    await page.getByRole('link', { name: /Danh sách hộ chưa nộp phiếu/ }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toBe('Hộ chưa nộp phiếu – Thôn Đông Sơn');
    const rows = await page.locator('#not-returned tbody th').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' '))).toEqual([4, 5, 6, 7, 8].map((i) => `Nguyễn Văn DS ${i} DS-000${i}`));
    expect(await page.getByRole('button', { name: 'In danh sách' }).isVisible()).toBe(true);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'issue15-not-returned-phone');
    // printed: the list alone, without the site's header and buttons
    const file = join(dir, 'chua-nop.pdf');
    await page.pdf({ path: file, format: 'A4' });
    const printed = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(printed).toContain('Nguyễn Văn DS 8');
    expect(printed).toContain('5 trong 8 hộ chưa nộp phiếu');
    expect(printed).not.toContain('Đăng xuất');
    expect(printed).not.toContain('In danh sách');
    for (const took of ['DS-0001', 'DS-0002', 'DS-0003']) expect(printed).not.toContain(took);
    await ctx.close();
  });

  it('finds households by the head’s name, in view on the phone, without a village column that is always theirs', async () => {
    const ctx = await phoneContext(browser, { cookie: head, base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/households`);
    expect(await page.locator('#households thead th').allInnerTexts()).not.toContain('Thôn');
    const first = page.getByRole('link', { name: 'Nguyễn Văn DS 1', exact: true });
    const box = (await first.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'issue15-households-phone', { fullPage: false });
    await ctx.close();
  });

  it('sees on the home page only what a village head can do, with each open campaign’s line', async () => {
    const ctx = await phoneContext(browser, { cookie: head, base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff`);
    const cards = (await page.locator('.cards').first().innerText()).normalize('NFC');
    expect(cards).toContain('danh sách hộ chưa nộp phiếu');
    expect(cards).not.toMatch(/Tạo, mở, đóng|xác nhận biên bản|sửa danh sách/i);
    expect((await page.locator('.glance-line').first().innerText()).replace(/\s+/g, ' ')).toBe('3/8 hộ — cần 5 — còn 14 ngày');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'issue15-home-village-head-phone');
    await ctx.close();
  });

  it('reads people’s names on the tally sheets, not usernames', async () => {
    for (const make of [phoneContext, desktopContext]) {
      const ctx = await make(browser, { cookie: head, base: app.base });
      const page = await ctx.newPage();
      await page.goto(`${app.base}/staff/tallies/${campaign.id}/${ds.id}`);
      const who = (await page.locator('.tally-sheet').first().innerText()).normalize('NFC');
      expect(who).toContain('Người nhập: Nguyễn Văn Đức');
      expect(who).toContain('Người xác nhận: Lê Văn Sáu');
      expect(who).not.toContain('truongthon.ds');
      await ctx.close();
    }
  });
});

describe('staff at a desk', () => {
  it('open the list for every village of the campaign', async () => {
    const ctx = await desktopContext(browser, { cookie: await login(app, 'canbo'), base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/campaigns/${campaign.id}/not-returned`);
    expect(await page.locator('#not-returned tbody tr').count()).toBe(5);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'issue15-not-returned-desktop');
    await ctx.close();
  });
});
