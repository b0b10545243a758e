// Issue 15, results and publication, as staff at 1280 px and village heads and
// inspectors at 360 px meet them: one publication state on the staff results
// page (and the final notice once published), tally-sheet photos in the
// preview through a staff route, results tables that keep their last columns
// in view, charts against the village's households with the threshold as a
// line, villages in Vietnamese order everywhere, no commune verdict for a
// matter of one village, and the reconciliation beside a sheet's numbers for
// its confirmer. Overflow is measured in the browser, not judged by eye.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serveTestApp, launchBrowser, phoneContext, desktopContext, checkA11y, screenshot, scrollsSideways, watchProblems,
  type Browser, type Page, type ServedApp,
} from '../support/browser';
import { addUser, api, login } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, issueSerials, openCampaign } from '../support/campaigns';

// A 1×1 PNG: a photo of a signed sheet.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64'));
const BOARD = { board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'] };
// Vietnamese order: Ân (â after a) before Bắc before Đông (đ after d); their codes run the other way.
const VI_ORDER = ['Thôn Ân Thịnh', 'Thôn Bắc Lưu', 'Thôn Đông Sơn'];

let app: ServedApp;
let browser: Browser;
let dir: string;
let villages: SeededVillage[];
let road: { id: string; slug: string };
let festival: { id: string; slug: string };
let photoId: string;
let staff: string;
let inspector: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveTestApp(), launchBrowser()]);
  dir = mkdtempSync(join(tmpdir(), 'danban-results15-'));
  villages = await seedVillages(app, [
    { code: 'AA', name: 'Thôn Đông Sơn', households: 12 }, { code: 'BB', name: 'Thôn Bắc Lưu', households: 9 }, { code: 'CC', name: 'Thôn Ân Thịnh', households: 6 },
  ]);
  const ds = villages[0]!;
  await addUser(app, { username: 'canbo', role: 'staff', displayName: 'Nguyễn Thị Lan' });
  await addUser(app, { username: 'thanhtra', role: 'inspector', displayName: 'Lê Văn Sáu' });
  await addUser(app, { username: 'truongthon.ds', role: 'village_head', villageId: ds.id, displayName: 'Nguyễn Văn Đức' });
  staff = await login(app, 'canbo');
  inspector = await login(app, 'thanhtra');
  const head = await login(app, 'truongthon.ds');

  // The commune's road (k1, Đ21 k1: ⌈2H/3⌉ approvals per village, 2 of 3 villages): a paper sheet per village.
  road = await createCampaign(app, staff, {
    title: 'Đóng góp làm đường bê tông liên thôn', kind: 'decision', category: 'k1', scope: 'commune', villageIds: villages.map((v) => v.id),
    channels: ['meeting', 'paper'], template: 'household-decision',
  });
  await openCampaign(app, staff, road.id);
  const approvals = [9, 5, 4];
  for (const [i, v] of villages.entries()) {
    const H = v.households.length;
    const s = await api(app, 'POST', `/api/v1/campaigns/${road.id}/tallies`, {
      cookie: staff,
      body: { ...BOARD, villageId: v.id, channel: 'paper', issued: H, returned: H - 1, invalid: 0, counts: { decision: { approve: approvals[i], reject: H - 1 - approvals[i]!, other: 0 } } },
    });
    expect(s.status).toBe(201);
    if (i === 0) {
      const photo = await api(app, 'POST', `/api/v1/tallies/${s.json.id}/photos`, { cookie: staff, body: PNG, headers: { 'content-type': 'image/png' } });
      expect(photo.status).toBe(201);
      photoId = photo.json.id;
    }
    expect((await api(app, 'POST', `/api/v1/tallies/${s.json.id}/confirm`, { cookie: inspector })).status).toBe(200);
  }
  expect((await api(app, 'POST', `/api/v1/campaigns/${road.id}/close`, { cookie: staff })).status).toBe(200);

  // Đông Sơn's own festival (k6, one village): 2 paper ballots registered by serial, a sheet saying 10 came back.
  festival = await createCampaign(app, staff, {
    title: 'Chọn ngày tổ chức hội làng Đông Sơn', kind: 'decision', category: 'k6', villageIds: [ds.id], channels: ['paper'], template: 'household-decision',
  });
  const serials = await issueSerials(app, staff, festival.id);
  await openCampaign(app, staff, festival.id);
  for (const s of serials.slice(0, 2)) {
    expect((await api(app, 'POST', `/api/v1/campaigns/${festival.id}/paper-ballots/${s.serial}`, { cookie: head, body: {} })).status).toBe(201);
  }
  const sheet = await api(app, 'POST', `/api/v1/campaigns/${festival.id}/tallies`, {
    cookie: head, body: { ...BOARD, villageId: ds.id, channel: 'paper', issued: 12, returned: 10, invalid: 0, counts: { decision: { approve: 8, reject: 2, other: 0 } } },
  });
  expect(sheet.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const text = async (page: Page) => ((await page.textContent('main')) ?? '').replace(/\s+/g, ' ');

/** The notice PDF a link on the page opens, as text. */
async function noticeText(page: Page, href: string): Promise<string> {
  const res = await page.request.get(new URL(href, app.base).toString());
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const file = join(dir, `notice-${Date.now()}.pdf`);
  writeFileSync(file, await res.body());
  // words of a long title may wrap onto the next line
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

/** Every results table on the page: its box's widths, and how far its last header reaches. */
const tableBoxes = (page: Page) => page.$$eval('.table-fit', (boxes) => boxes.map((box) => {
  const ths = box.querySelectorAll('thead th');
  const last = ths[ths.length - 1]!.getBoundingClientRect();
  return { caption: box.querySelector('caption')?.textContent ?? '', scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, lastRight: last.right, lastHeader: ths[ths.length - 1]!.textContent };
}));

describe('the staff results page', () => {
  it('is clearly a preview before publication, its tally-sheet photo served through a staff route', async () => {
    const ctx = await desktopContext(browser, { cookie: staff, base: app.base, a11y: true });
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/staff/campaigns/${road.id}/results`);
    const body = await text(page);
    expect(body).toContain('Bản xem trước: kết quả này CHƯA được công bố');
    expect(body).not.toContain('Đã công bố');
    expect(await page.getAttribute('a:has-text("Thông báo kết quả để niêm yết")', 'href')).toBe(`/api/v1/campaigns/${road.id}/results-notice.pdf?preview=1`);
    // the photo comes through the staff route and loads; the public route has nothing before publication
    const img = page.locator('img[alt="Biên bản kiểm phiếu giấy, Thôn Đông Sơn"]');
    expect(await img.getAttribute('src')).toBe(`/staff/campaigns/${road.id}/photos/${photoId}`);
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector('img[alt="Biên bản kiểm phiếu giấy, Thôn Đông Sơn"]') as HTMLImageElement).naturalWidth > 0);
    expect((await page.request.get(`${app.base}/r/${road.slug}/photos/${photoId}`)).status()).toBe(404);
    expect(await noticeText(page, `/api/v1/campaigns/${road.id}/results-notice.pdf?preview=1`)).toContain('BẢN XEM TRƯỚC');
    expect(problems.failedRequests).toEqual([]);
    expect(await checkA11y(page)).toEqual([]);
    await ctx.close();
    // scoped: the public, and a village head, get nothing from the staff photo route
    expect((await app.app.request(`/staff/campaigns/${road.id}/photos/${photoId}`)).status).toBe(401);
    const headPhoto = await app.app.request(`/staff/campaigns/${road.id}/photos/${photoId}`, { headers: { cookie: await login(app, 'truongthon.ds') } });
    expect(headPhoto.status).toBe(403);
    // and only a photo of this campaign's sheets
    expect((await app.app.request(`/staff/campaigns/${festival.id}/photos/${photoId}`, { headers: { cookie: staff } })).status).toBe(404);
  });

  it('says "Đã công bố" with version, date, public page and final notice once published, after a reload too, and the latest version after a correction', async () => {
    const ctx = await desktopContext(browser, { cookie: staff, base: app.base, a11y: true });
    const page = await ctx.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${app.base}/staff/campaigns/${road.id}/results`);
    await page.getByRole('button', { name: 'Công bố kết quả' }).click();
    await page.waitForURL(/published=1/);
    for (const reload of [false, true]) {
      if (reload) await page.goto(`${app.base}/staff/campaigns/${road.id}/results`);
      const body = await text(page);
      expect(body).toContain('Đã công bố');
      expect(body).toMatch(/Phiên bản 1, công bố ngày \d\d\/\d\d\/\d{4}\./);
      expect(body).not.toContain('CHƯA được công bố');
      expect(body).not.toContain('Chưa công bố');
      expect(body).not.toContain('Bản xem trước');
      expect(await page.getAttribute('a:has-text("Trang kết quả công khai")', 'href')).toBe(`/r/${road.slug}`);
      const notice = await page.getAttribute('a:has-text("Thông báo kết quả để niêm yết (PDF, bản đã công bố)")', 'href');
      expect(notice).toBe(`/api/v1/campaigns/${road.id}/results-notice.pdf`);
      // every notice link of the page prints the final notice, none the preview's watermark
      const links = await page.$$eval('a[href*="results-notice.pdf"]', (as) => as.map((a) => a.getAttribute('href')));
      expect(links.every((h) => !h!.includes('preview'))).toBe(true);
      const printed = await noticeText(page, notice!);
      expect(printed).not.toContain('BẢN XEM TRƯỚC');
      expect(printed).toMatch(/Đóng góp làm đường bê tông liên thôn/i);
      // the published photo is the public one now
      expect(await page.getAttribute('img[alt="Biên bản kiểm phiếu giấy, Thôn Đông Sơn"]', 'src')).toBe(`/r/${road.slug}/photos/${photoId}`);
    }
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'results15-published-desktop');

    // a correction: the preview says which version the public sees, then the page shows the new one
    await page.getByRole('link', { name: 'Xem trước số liệu tính lại' }).click();
    await page.waitForLoadState('load');
    expect(await text(page)).toContain('Bản xem trước để đính chính: số liệu tính lại lúc này, chưa công bố. Người dân đang xem phiên bản 1');
    await page.getByLabel('Lý do đính chính (bắt buộc, được công khai)').fill('Sửa lỗi đánh máy tên thôn');
    await page.getByRole('button', { name: 'Công bố bản đính chính' }).click();
    await page.waitForURL(/published=2/);
    const after = await text(page);
    expect(after).toMatch(/Đã công bố.*Phiên bản 2, công bố ngày/);
    expect(after).not.toContain('CHƯA được công bố');
    await ctx.close();

    // on a phone too: one state, nothing sideways
    const phone = await phoneContext(browser, { cookie: staff, base: app.base });
    const p = await phone.newPage();
    await p.goto(`${app.base}/staff/campaigns/${road.id}/results`);
    expect(await text(p)).toContain('Phiên bản 2');
    expect(await scrollsSideways(p)).toBe(false);
    await phone.close();
  });
});

describe('results tables', () => {
  it('keep "Số phiếu đồng ý cần đạt" and "Kết quả" in view at 1280 px, and scroll inside their box at 360 px with the village in view', async () => {
    const ctx = await desktopContext(browser, { cookie: staff, base: app.base });
    const page = await ctx.newPage();
    for (const path of [`/staff/campaigns/${road.id}/results`, `/r/${road.slug}`]) {
      await page.goto(`${app.base}${path}`);
      const boxes = await tableBoxes(page);
      expect(boxes.length).toBeGreaterThan(0);
      for (const b of boxes) {
        expect(b.scrollWidth, b.caption).toBeLessThanOrEqual(b.clientWidth);
        expect(b.lastRight, b.caption).toBeLessThanOrEqual(1280);
      }
      const headers = await page.$$eval('.table-fit thead th', (ths) => ths.map((th) => th.textContent));
      expect(headers).toContain('Số phiếu đồng ý cần đạt');
      expect(headers).toContain('Kết quả');
    }
    await ctx.close();

    const phone = await phoneContext(browser);
    const p = await phone.newPage();
    await p.goto(`${app.base}/r/${road.slug}`);
    expect(await scrollsSideways(p)).toBe(false);
    const box = p.locator('.result-block .table-fit').first();
    const sizes = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
    // headers read as words: none squeezed narrower than a short word
    const widths = await box.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(60);
    // scrolled to the end: the last column is reachable and the village still names its row
    await box.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    const { left, rowLeft, lastRight } = await box.evaluate((el) => {
      const ths = el.querySelectorAll('thead th');
      return {
        left: el.getBoundingClientRect().left,
        rowLeft: el.querySelector('tbody th[scope="row"]')!.getBoundingClientRect().left,
        lastRight: ths[ths.length - 1]!.getBoundingClientRect().right,
      };
    });
    expect(rowLeft).toBeGreaterThanOrEqual(left - 1);
    expect(lastRight).toBeLessThanOrEqual(360);
    await screenshot(p, 'results15-table-scrolled-phone', { fullPage: false });
    await phone.close();
  });

  it('the accounts page opens a new-password box whole at 1280 px and at 360 px', async () => {
    const admin = await addUser(app, { username: 'quantri', role: 'admin', displayName: 'Phạm Thị Hương' }).then(() => login(app, 'quantri'));
    for (const make of [desktopContext, phoneContext]) {
      const ctx = await make(browser, { cookie: admin, base: app.base });
      const page = await ctx.newPage();
      await page.goto(`${app.base}/staff/accounts`);
      const summary = page.locator('summary', { hasText: 'Đặt lại mật khẩu' }).first();
      await summary.scrollIntoViewIfNeeded();
      await summary.click();
      const input = page.locator('details[open] input[type="password"]').first();
      await input.scrollIntoViewIfNeeded();
      const r = (await input.boundingBox())!;
      const width = page.viewportSize()!.width;
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(width);
      expect(r.width).toBeGreaterThanOrEqual(120);
      // not clipped by the box that holds it
      const clipped = await input.evaluate((el) => {
        const me = el.getBoundingClientRect();
        for (let p = el.parentElement; p; p = p.parentElement) {
          const s = getComputedStyle(p);
          if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
            const b = p.getBoundingClientRect();
            if (me.left < b.left - 1 || me.right > b.right + 1) return true;
          }
        }
        return false;
      });
      expect(clipped).toBe(false);
      await ctx.close();
    }
  });
});

describe('charts', () => {
  it('draw each village against its households with the approvals needed as a line, readable on a phone', async () => {
    for (const make of [desktopContext, phoneContext]) {
      const ctx = await make(browser);
      const page = await ctx.newPage();
      const problems = watchProblems(page);
      await page.goto(`${app.base}/r/${road.slug}`);
      await page.waitForSelector('canvas[data-drawn="true"]');
      const charts = await page.$$eval('canvas[data-chart]', (cs) => cs.map((c) => ({
        max: Number(c.getAttribute('data-axis-max')), threshold: Number(c.getAttribute('data-threshold')),
        title: c.closest('figure')?.querySelector('figcaption')?.textContent ?? '',
        width: c.getBoundingClientRect().width, height: c.getBoundingClientRect().height,
      })));
      // H and ⌈2H/3⌉ (Đ21 k1): Ân Thịnh 6 → 4, Bắc Lưu 9 → 6, Đông Sơn 12 → 8, in Vietnamese order
      expect(charts.map((c) => [c.title.replace(/Cần.*/, ''), c.max, c.threshold])).toEqual([
        ['Thôn Ân Thịnh (6 hộ)', 6, 4], ['Thôn Bắc Lưu (9 hộ)', 9, 6], ['Thôn Đông Sơn (12 hộ)', 12, 8],
      ]);
      for (const c of charts) {
        expect(c.title).toContain(`Cần ${c.threshold} phiếu đồng ý`);
        // never a flat strip
        expect(c.height).toBeGreaterThanOrEqual(120);
        expect(c.width).toBeGreaterThanOrEqual(250);
      }
      expect(problems.console).toEqual([]);
      expect(problems.errors).toEqual([]);
      await ctx.close();
    }
  });

  it('give the village head a readable chart and "Đã tham gia" and "Tỷ lệ" in view at 360 px', async () => {
    const ctx = await phoneContext(browser, { cookie: await login(app, 'truongthon.ds'), base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/campaigns/${festival.id}`);
    await page.waitForSelector('canvas[data-drawn="true"]');
    const canvas = page.locator('#participation canvas, canvas[data-drawn="true"]').first();
    const box = (await canvas.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(120);
    expect(box.width).toBeGreaterThanOrEqual(250);
    expect(await canvas.getAttribute('data-axis-max')).toBe('12');
    // k6: more than half of all 12 households, 7
    expect(await canvas.getAttribute('data-threshold')).toBe('7');
    for (const name of ['Đã tham gia', 'Tỷ lệ']) {
      const th = page.locator('#participation-table thead th', { hasText: name }).first();
      const r = (await th.boundingBox())!;
      expect(r.x + r.width, name).toBeLessThanOrEqual(360);
    }
    expect(await scrollsSideways(page)).toBe(false);
    expect(await checkA11y(page)).toEqual([]);
    await screenshot(page, 'results15-head-participation-phone');
    await ctx.close();
  });
});

describe('villages and the commune', () => {
  it('list the villages in Vietnamese order in every results table, the CSV and the notice', async () => {
    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${app.base}/r/${road.slug}`);
    const rows = await page.$$eval('.result-block tbody th[scope="row"]', (ths) => ths.map((th) => th.textContent));
    expect(rows).toEqual(VI_ORDER);
    const sentences = await page.$$eval('.village-sentences li', (lis) => lis.map((li) => li.textContent!.split(':')[0]));
    expect(sentences).toEqual(VI_ORDER);
    const csv = (await (await page.request.get(`${app.base}/api/v1/campaigns/${road.id}/results.csv`)).text()).split('\r\n');
    const csvVillages = [...new Set(csv.slice(1).map((l) => l.split(',')[1]).filter((n) => n?.startsWith('Thôn')))];
    expect(csvVillages).toEqual(VI_ORDER);
    const printed = await noticeText(page, `/api/v1/campaigns/${road.id}/results-notice.pdf`);
    const at = VI_ORDER.map((n) => printed.indexOf(n));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    await ctx.close();
  });

  it('say no "Toàn xã" for a matter of one village: the village’s own verdict leads', async () => {
    const ctx = await phoneContext(browser, { cookie: staff, base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff/campaigns/${festival.id}/results`);
    const body = await text(page);
    expect(body).not.toContain('Toàn xã');
    expect(await page.textContent('.result-summary .lead')).toMatch(/^Thôn Đông Sơn: (Thông qua|Không thông qua)$/);
    const csv = await (await page.request.get(`${app.base}/api/v1/campaigns/${festival.id}/results.csv?preview=1`)).text();
    expect(csv).not.toContain('Toàn xã');
    expect(await checkA11y(page)).toEqual([]);
    await ctx.close();
    // the commune's road still has its commune verdict
    const desk = await desktopContext(browser);
    const pub = await desk.newPage();
    await pub.goto(`${app.base}/r/${road.slug}`);
    expect(await pub.textContent('.result-summary .lead')).toContain('Toàn xã');
    await desk.close();
  });
});

describe('a tally sheet awaiting confirmation', () => {
  it('shows its confirmer the reconciliation beside the numbers, with the law’s words, and who entered it by name', async () => {
    for (const make of [desktopContext, phoneContext]) {
      const ctx = await make(browser, { cookie: inspector, base: app.base, a11y: true });
      const page = await ctx.newPage();
      await page.goto(`${app.base}/staff/tallies/${festival.id}/${villages[0]!.id}`);
      const sheet = page.locator('article.tally-sheet', { has: page.locator('button', { hasText: 'Xác nhận biên bản' }) });
      const box = sheet.locator('.reconciliation');
      const said = (await box.innerText()).replace(/\s+/g, ' ');
      expect(said).toContain('Tổng số hộ của thôn 12');
      expect(said).toContain('Phiếu giấy đã quét mã trả về 2');
      expect(said).toContain('Biên bản này: số phiếu thu về 10');
      expect(said).toContain('Biên bản ghi 10 phiếu thu về, nhưng mới quét mã 2 phiếu giấy trả về của thôn (chênh 8 phiếu)');
      // the law's words: more than half of ALL the village's households (Đ21 k1)
      expect(said).toMatch(/tổng số (đại diện )?hộ gia đình.*\(Đ21 k1/);
      // beside the numbers: the box comes before the confirm button, within the same sheet
      const [boxTop, buttonTop] = await Promise.all([box.boundingBox(), sheet.locator('button', { hasText: 'Xác nhận biên bản' }).boundingBox()]);
      expect(boxTop!.y).toBeLessThan(buttonTop!.y);
      const sheetText = (await sheet.textContent()) ?? '';
      expect(sheetText).toContain('Nguyễn Văn Đức');
      expect(sheetText).not.toContain('truongthon.ds');
      expect(await scrollsSideways(page)).toBe(false);
      expect(await checkA11y(page)).toEqual([]);
      if (make === phoneContext) await screenshot(page, 'results15-reconciliation-phone');
      await ctx.close();
    }
  });
});

describe('a village head’s home page', () => {
  it('describes only what a village head may do: no creating, closing, confirming, assigning or publishing', async () => {
    const ctx = await phoneContext(browser, { cookie: await login(app, 'truongthon.ds'), base: app.base, a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/staff`);
    const cards = (await page.locator('.cards').first().innerText()).normalize('NFC');
    expect(cards).toContain('gửi câu hỏi của người dân trong thôn');
    expect(cards).not.toMatch(/Tạo, mở, đóng|xác nhận biên bản|giao xử lý|công khai|công bố/i);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await checkA11y(page)).toEqual([]);
    await ctx.close();
  });
});
