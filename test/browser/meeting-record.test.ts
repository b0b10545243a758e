// Issue 13: a village head enters a meeting sheet on a phone without the
// procedural votes; it is marked incomplete on the sheet page and the
// confirmation screen, confirmed, and counted with the record flagged; a
// correction adds the votes (secretary, voting method) and, once confirmed,
// the flag is gone.
// The pages this adds (the sheet's procedural votes, the online-vote record,
// initiatives) have no serious or critical axe violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, launchBrowser, phoneContext, desktopContext, checkA11y, type Browser, type ServedApp } from '../support/browser';
import { addUser, login, api } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign } from '../support/campaigns';

let app: ServedApp;
let browser: Browser;
let village: SeededVillage;
let campaignId: string;

beforeAll(async () => {
  app = await serveTestApp();
  browser = await launchBrowser();
  [village] = (await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 20 }])) as [SeededVillage];
  await addUser(app, { username: 'canbo', role: 'staff' });
  await addUser(app, { username: 'thanhtra', role: 'inspector' });
  await addUser(app, { username: 'truongthon.ds', role: 'village_head', villageId: village.id });
  const staff = await login(app, 'canbo');
  ({ id: campaignId } = await createCampaign(app, staff, {
    title: 'Chọn ngày tổ chức Hội làng', kind: 'decision', category: 'k6', villageIds: [village.id], channels: ['meeting'],
  }));
  await openCampaign(app, staff, campaignId);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The village's verdict and whether its result carries the incomplete-record flag. */
async function verdict(): Promise<{ passed: boolean; flagged: boolean }> {
  const r = await api(app, 'GET', `/api/v1/campaigns/${campaignId}/results`, { cookie: await login(app, 'canbo') });
  const v = r.json.villages[0];
  return { passed: v.passed, flagged: v.warnings.some((w: { code: string }) => w.code === 'meeting_record_incomplete') };
}

describe('a meeting sheet from incomplete to complete', () => {
  it('the village head enters it without the procedural votes: stored, marked incomplete', async () => {
    const ctx = await phoneContext(browser, { cookie: await login(app, 'truongthon.ds'), base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/tallies/${campaignId}/new?villageId=${village.id}&channel=meeting`);
    expect(await checkA11y(page)).toEqual([]);
    await page.getByLabel('Biểu quyết giơ tay').check();
    await page.getByLabel('Số đại diện hộ dự họp').fill('16');
    await page.locator('input[name$=".approve"]').fill('15');
    await page.locator('input[name$=".reject"]').fill('1');
    await page.locator('input[name$=".other"]').fill('0');
    await page.getByRole('button', { name: 'Gửi biên bản' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('.meeting-record-incomplete').count()).toBe(1);
    expect(await page.locator('.meeting-record-incomplete').innerText()).toContain('chưa ghi kết quả biểu quyết chọn thư ký');
    expect(await checkA11y(page)).toEqual([]);
    await ctx.close();
  });

  it('the inspection board sees it is incomplete where it confirms, confirms it, and it counts with the record flagged', async () => {
    const ctx = await desktopContext(browser, { cookie: await login(app, 'thanhtra'), base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/tallies`);
    expect(await page.locator('.meeting-record-incomplete').innerText()).toContain('Chưa đầy đủ');
    expect(await checkA11y(page)).toEqual([]);
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Xác nhận biên bản' }).first().click();
    await page.waitForLoadState('load');
    expect(await verdict()).toEqual({ passed: true, flagged: true });
    await ctx.close();
  });

  it('a correction adds the votes; once confirmed the flag is gone and the first version stays', async () => {
    const head = await phoneContext(browser, { cookie: await login(app, 'truongthon.ds'), base: app.base });
    const page = await head.newPage();
    await page.goto(`${app.base}/staff/tallies/${campaignId}/${village.id}`);
    await page.getByRole('link', { name: /Sửa/ }).first().click();
    await page.waitForLoadState('load');
    await page.getByLabel('Lý do sửa').fill('Bổ sung kết quả biểu quyết thủ tục');
    await page.getByLabel('Họ tên thư ký').fill('Trần Thị Thư');
    await page.getByLabel('Số đồng ý chọn thư ký').fill('15');
    await page.getByLabel('Số đồng ý hình thức biểu quyết').fill('16');
    await page.getByRole('button', { name: 'Gửi bản sửa' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.procedural-votes').first().innerText()).toContain('Trần Thị Thư');
    await head.close();

    const insp = await desktopContext(browser, { cookie: await login(app, 'thanhtra'), base: app.base });
    const confirm = await insp.newPage();
    confirm.on('dialog', (d) => void d.accept());
    await confirm.goto(`${app.base}/staff/tallies/${campaignId}/${village.id}`);
    await confirm.getByRole('button', { name: 'Xác nhận biên bản' }).first().click();
    await confirm.waitForLoadState('load');
    expect(await verdict()).toEqual({ passed: true, flagged: false });
    const versions = await app.deps.db.selectFrom('tally_sheets').select(['version', 'status']).orderBy('version').execute();
    expect(versions).toEqual([{ version: 1, status: 'superseded' }, { version: 2, status: 'confirmed' }]);
    await insp.close();
  });

  it('the pages of the records after the count pass axe', async () => {
    const ctx = await desktopContext(browser, { cookie: await login(app, 'canbo'), base: app.base, a11y: true });
    const page = await ctx.newPage();
    for (const path of ['/staff/initiatives', `/staff/campaigns/${campaignId}/online-records`]) {
      await page.goto(`${app.base}${path}`);
      expect(await checkA11y(page), path).toEqual([]);
    }
    const made = await api(app, 'POST', '/api/v1/initiatives', { cookie: await login(app, 'canbo'), body: { matter: 'Làm sân bóng chuyền', scope: 'village', villageId: village.id } });
    await page.goto(`${app.base}/staff/initiatives/${made.json.initiative.id}`);
    expect(await checkA11y(page)).toEqual([]);
    await ctx.close();
  });
});
