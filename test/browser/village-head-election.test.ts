// Issue 13: a Trưởng thôn election from the candidate list to recognition,
// in Chromium: the Ban công tác Mặt trận's list (Mẫu 05) and attestations,
// the election team, opening, the meeting's count, closing and publishing;
// the public page says "chờ công nhận" until staff record the UBND xã's
// decision, then shows it (Đ21 k2). The pages added are checked with axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, launchBrowser, desktopContext, checkA11y, screenshot, type Browser, type Page, type ServedApp } from '../support/browser';
import { addUser, login, api } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, proceduralVotes } from '../support/campaigns';
import { tinyPng } from '../support/images';
import { loadPrintFonts } from '../../server/runtime/fonts-node';

let app: ServedApp;
let browser: Browser;
let village: SeededVillage;
let campaign: { id: string; slug: string };
let staff: string;

beforeAll(async () => {
  app = await serveTestApp();
  app.deps.fonts = loadPrintFonts;
  browser = await launchBrowser();
  [village] = (await seedVillages(app, [{ code: 'TK', name: 'Thôn Tân Kiều', households: 9 }])) as [SeededVillage];
  await addUser(app, { username: 'canbo', role: 'staff' });
  await addUser(app, { username: 'thanhtra', role: 'inspector' });
  staff = await login(app, 'canbo');
  campaign = await createCampaign(app, staff, {
    title: 'Bầu Trưởng thôn Tân Kiều nhiệm kỳ 2026–2031', kind: 'election', category: 'k4', board: 'village_head',
    villageIds: [village.id], channels: ['meeting'], seats: 1,
    candidates: [
      { id: 'c1', name: 'Lương Văn Hải', villageId: village.id, birthYear: 1975 },
      { id: 'c2', name: 'Đinh Thị Thảo', villageId: village.id, birthYear: 1982 },
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** No violation of serious or critical impact. */
async function accessible(page: Page) {
  const serious = (await checkA11y(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious).toEqual([]);
}

describe('a village-head election, from the candidate list to recognition', () => {
  it('walks candidate list → attest → open → tally → close → publish → "chờ công nhận" → recognition → the decision on the public page', async () => {
    const ctx = await desktopContext(browser, { cookie: staff, base: app.base, a11y: true });
    const page = await ctx.newPage();
    page.on('dialog', (d) => void d.accept());

    // The candidate list, and its Mẫu 05 for the village.
    await page.goto(`${app.base}/staff/campaigns/${campaign.id}/election`);
    expect(await page.locator('#candidate-list').innerText()).toContain('Lương Văn Hải');
    await accessible(page);
    const pdf = await page.request.get(`${app.base}/api/v1/campaigns/${campaign.id}/forms/mau-05.pdf?villageId=${village.id}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // Opening is refused while nobody is attested.
    await page.goto(`${app.base}/staff/campaigns/${campaign.id}`);
    await page.getByRole('button', { name: 'Mở đợt lấy ý kiến' }).click();
    await page.waitForLoadState('load');
    expect((await app.deps.db.selectFrom('campaigns').select('status').where('id', '=', campaign.id).executeTakeFirstOrThrow()).status).toBe('draft');

    // The Ban công tác Mặt trận attests both, condition by condition.
    for (const id of ['c1', 'c2']) {
      await page.goto(`${app.base}/staff/campaigns/${campaign.id}/election`);
      await page.locator('select[name="candidateId"]').selectOption(id);
      for (const box of await page.locator('input[type="checkbox"][name^="condition_"]').all()) await box.check();
      await page.getByLabel('Người xác nhận (Trưởng ban công tác Mặt trận)').fill('Hà Văn Tuấn');
      await page.getByRole('button', { name: 'Ghi xác nhận' }).click();
      await page.waitForLoadState('load');
    }
    expect(await page.locator('#candidate-list').innerText()).not.toContain('Chưa xác nhận');
    // The election team: a candidate on it is refused, naming both.
    await page.locator('input[name="members.0.name"]').fill('Hà Văn Tuấn');
    await page.locator('input[name="members.1.name"]').fill('Đinh Thị Thảo');
    await page.locator('input[name="members.1.role"]').fill('Thư ký');
    await page.getByRole('button', { name: 'Ghi Tổ bầu cử' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('body').innerText()).toContain('Thành viên Tổ bầu cử "Đinh Thị Thảo" cũng là người ứng cử "Đinh Thị Thảo"');
    await accessible(page);
    await page.locator('input[name="members.1.name"]').fill('Kiều Thị Loan');
    await page.getByRole('button', { name: 'Ghi Tổ bầu cử' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('#team-list').innerText()).toContain('Kiều Thị Loan');
    await screenshot(page, 'election-prep-desktop', { fullPage: true });

    // Open, then the meeting's count confirmed by the inspection board.
    await page.goto(`${app.base}/staff/campaigns/${campaign.id}`);
    await page.getByRole('button', { name: 'Mở đợt lấy ý kiến' }).click();
    await page.waitForLoadState('load');
    expect((await app.deps.db.selectFrom('campaigns').select('status').where('id', '=', campaign.id).executeTakeFirstOrThrow()).status).toBe('open');
    const sheet = await api(app, 'POST', `/api/v1/campaigns/${campaign.id}/tallies`, {
      cookie: staff,
      body: {
        villageId: village.id, channel: 'meeting', present: 9, issued: 9, returned: 9, invalid: 0, counts: { candidates: { c1: 7, c2: 2 } },
        board: ['Hà Văn Tuấn', 'Kiều Thị Loan', 'Tô Văn Phúc'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'],
        // the meeting chose its secretary, voting method and counting board (Đ18 k4; NĐ 59 Đ3 k5)
        procedural: proceduralVotes(9),
      },
    });
    expect(sheet.status, sheet.text).toBe(201);
    expect((await api(app, 'POST', `/api/v1/tallies/${sheet.json.id}/confirm`, { cookie: await login(app, 'thanhtra') })).status).toBe(200);

    // Close and publish from the staff pages.
    await page.goto(`${app.base}/staff/campaigns/${campaign.id}`);
    await page.getByRole('button', { name: 'Đóng đợt lấy ý kiến' }).click();
    await page.waitForLoadState('load');
    await page.goto(`${app.base}/staff/campaigns/${campaign.id}/results`);
    await page.getByRole('button', { name: 'Công bố kết quả' }).click();
    await page.waitForLoadState('load');

    // The public page: elected, awaiting the UBND xã's recognition.
    const pub = await ctx.newPage();
    await pub.goto(`${app.base}/r/${campaign.slug}`);
    expect(await pub.locator('.recognition').innerText()).toContain('Trúng cử, chờ công nhận');
    expect(await pub.locator('.recognition').innerText()).toContain('UBND xã');
    await accessible(pub);

    // Staff record the decision with its scan.
    await page.goto(`${app.base}/staff/campaigns/${campaign.id}/recognition`);
    await accessible(page);
    await page.getByLabel('Số quyết định').fill('128/QĐ-UBND');
    await page.getByLabel('Người ký (họ tên, chức vụ)').fill('Nguyễn Quang Vinh, Chủ tịch UBND xã');
    await page.locator('input[name="scan"]').setInputFiles({ name: 'quyet-dinh.png', mimeType: 'image/png', buffer: Buffer.from(tinyPng()) });
    await page.getByRole('button', { name: 'Ghi lại' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('body').innerText()).toContain('Đã ghi quyết định công nhận.');
    await screenshot(page, 'recognition-recorded-desktop', { fullPage: true });

    // The public page shows the decision: number, date, body, signer, and its scan.
    await pub.reload();
    const block = pub.locator('.recognition');
    expect(await block.innerText()).toContain('Đã được UBND xã công nhận theo Quyết định số 128/QĐ-UBND');
    expect(await block.innerText()).toContain('Nguyễn Quang Vinh, Chủ tịch UBND xã');
    expect(await block.innerText()).not.toContain('chờ công nhận');
    const scan = await pub.request.get(`${app.base}${await block.getByRole('link').getAttribute('href')}`);
    expect(scan.status()).toBe(200);
    await accessible(pub);
    await screenshot(pub, 'recognition-public-desktop', { fullPage: true });
    await ctx.close();
  });
});
