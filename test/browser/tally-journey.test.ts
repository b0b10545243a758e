// Issue 7 journeys: a village head enters the signed tally sheet from a
// phone and photographs it; the inspection board confirms it beside the
// numbers and the photo; staff close and publish; the public page shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, launchBrowser, phoneContext, desktopContext, checkA11y, screenshot, type Browser, type ServedApp } from '../support/browser';
import { addUser, login, api } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials } from '../support/campaigns';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

let app: ServedApp;
let browser: Browser;
let village: SeededVillage;
let campaign: { id: string; slug: string };

beforeAll(async () => {
  app = await serveTestApp();
  browser = await launchBrowser();
  [village] = (await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 12 }])) as [SeededVillage];
  await addUser(app, { username: 'canbo', role: 'staff' });
  await addUser(app, { username: 'thanhtra', role: 'inspector' });
  await addUser(app, { username: 'truongthon.ds', role: 'village_head', villageId: village.id });
  const staff = await login(app, 'canbo');
  campaign = await createCampaign(app, staff, {
    title: 'Làm đường bê tông thôn Đông Sơn', kind: 'decision', category: 'k1', villageIds: [village.id], channels: ['paper'],
  });
  await issueSerials(app, staff, campaign.id);
  await openCampaign(app, staff, campaign.id);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a paper tally from the village to the public page', () => {
  it('the village head enters and photographs the signed sheet on a phone', async () => {
    const ctx = await phoneContext(browser, { cookie: await login(app, 'truongthon.ds'), base: app.base });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/tallies/${campaign.id}/new`);
    const next = page.getByRole('button', { name: 'Tiếp tục' });
    if (await next.count()) await next.click();
    await page.getByLabel('Số phiếu phát ra').fill('12');
    await page.getByLabel('Số phiếu thu về').fill('11');
    await page.getByLabel('Số phiếu không hợp lệ').fill('1');
    await page.locator('input[name$=".approve"]').fill('9');
    await page.locator('input[name$=".reject"]').fill('1');
    await page.locator('input[name$=".other"]').fill('0');
    for (const [i, name] of ['Nguyễn Văn Hùng', 'Trần Thị Mai', 'Lê Văn Tâm'].entries()) await page.locator(`input[name="board.${i}"]`).fill(name);
    for (const [i, name] of ['Phạm Văn Lộc', 'Đỗ Thị Hoa'].entries()) await page.locator(`input[name="witnesses.${i}"]`).fill(name);
    await page.locator('input[type="file"]').setInputFiles({ name: 'bien-ban.png', mimeType: 'image/png', buffer: PNG });
    await screenshot(page, 'tally-entry-phone', { fullPage: true });
    await page.getByRole('button', { name: 'Gửi biên bản' }).click();
    await page.waitForLoadState('load');
    const sheets = await app.deps.db.selectFrom('tally_sheets').selectAll().execute();
    expect(sheets).toHaveLength(1);
    expect(JSON.parse(sheets[0]!.data)).toMatchObject({ sheet: { returned: 11, counts: { decision: { approve: 9 } } } });
    expect(await app.deps.db.selectFrom('tally_photos').selectAll().execute()).toHaveLength(1);
    await screenshot(page, 'tally-submitted-phone', { fullPage: true });
    await ctx.close();
  });

  it('the inspection board confirms it beside its numbers, then staff publish and the public page shows the result', async () => {
    const ctx = await desktopContext(browser, { cookie: await login(app, 'thanhtra'), base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/tallies`);
    expect(await checkA11y(page)).toEqual([]);
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Xác nhận biên bản' }).first().click();
    await page.waitForLoadState('load');
    const [sheet] = await app.deps.db.selectFrom('tally_sheets').selectAll().execute();
    expect(sheet!.status).toBe('confirmed');
    await screenshot(page, 'tally-confirmed-desktop');
    await ctx.close();

    const staff = await login(app, 'canbo');
    expect((await api(app, 'POST', `/api/v1/campaigns/${campaign.id}/close`, { cookie: staff })).status).toBe(200);
    const desk = await desktopContext(browser, { cookie: staff, base: app.base });
    const staffPage = await desk.newPage();
    staffPage.on('dialog', (d) => void d.accept());
    await staffPage.goto(`${app.base}/staff/campaigns/${campaign.id}/results`);
    await staffPage.getByRole('button', { name: 'Công bố kết quả' }).click();
    await staffPage.waitForLoadState('load');
    await desk.close();

    const phone = await phoneContext(browser);
    const pub = await phone.newPage();
    await pub.goto(`${app.base}/r/${campaign.slug}`);
    // H = 12, k1 needs ⌈2·12/3⌉ = 8 approvals: 9 given
    const body = await pub.textContent('main');
    expect(body).toContain('Thông qua');
    expect(body).toContain('9');
    await pub.waitForFunction(() => Array.from(document.querySelectorAll('canvas')).some((c) => c.width > 0));
    await screenshot(pub, 'results-published-phone', { fullPage: true });
    await phone.close();
  });
});
