// Every SurveyJS form the project ships or tests with (the five templates and
// the commune forms in test/fixtures/surveyjs/), served as an anonymous
// survey and filled on a 360 px phone with JavaScript off: nothing wider than
// the screen, the SurveyJS features visible (rating descriptions, sanitised
// html, placeholders), and the posted answers accepted and stored exactly.
// Then, with JavaScript on, the enhancements: exclusive choices, enableIf,
// placeholders that follow the answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, launchBrowser, phoneContext, checkA11y, scrollsSideways, screenshot, watchProblems, type Browser, type Page, type ServedApp } from '../support/browser';
import { addUser, login } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign } from '../support/campaigns';
import { SAMPLE_ANSWERS, projectForms, submittedFields } from '../support/surveyjs';
import { SurveyForm } from '../../web/views/survey-form';
import { compileValidator } from '../../server/domain/survey/validator';

let app: ServedApp;
let browser: Browser;
const slugs = new Map<string, string>();
const forms = projectForms();

beforeAll(async () => {
  app = await serveTestApp();
  browser = await launchBrowser();
  const [v] = await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 2 }]);
  await addUser(app, { username: 'canbo', role: 'staff' });
  const staff = await login(app, 'canbo');
  for (const [name, json] of forms) {
    const c = await createCampaign(app, staff, { title: `Biểu mẫu ${name}`, kind: 'satisfaction', villageIds: [v!.id], channels: ['online'], survey: json });
    await openCampaign(app, staff, c.id);
    slugs.set(name, c.slug);
  }
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (name: string) => name.replace(/^.*\//, '').replace(/\.json$/, '');

/** Sets each field as a person would: opening the <details> that hold it, ticking, choosing or typing. */
async function fill(page: Page, fields: Record<string, string | string[] | undefined>) {
  for (const [name, raw] of Object.entries(fields)) {
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const controls = page.locator(`[name="${name.replace(/"/g, '\\"')}"]`);
    const first = controls.first();
    for (const closed of await first.locator('xpath=ancestor::details[not(@open)]').all()) await closed.locator('summary').first().click();
    const tag = await first.evaluate((el) => el.tagName.toLowerCase());
    const type = (await first.getAttribute('type')) ?? '';
    if (type === 'radio' || type === 'checkbox') {
      for (const value of values) await controls.and(page.locator(`[value="${value.replace(/"/g, '\\"')}"]`)).check();
    } else if (tag === 'select') {
      await first.selectOption(values[0]!);
    } else {
      await first.fill(values[0]!);
    }
  }
}

describe('SurveyJS forms on a 360 px phone with JavaScript off', () => {
  it('has a well-filled answer for every project form', () => {
    expect(Object.keys(SAMPLE_ANSWERS).sort()).toEqual(forms.map(([n]) => n).sort());
  });

  it.each(forms)('%s: fits the screen and sends the filled form', async (name, json) => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    const path = `/s/${slugs.get(name)}`;
    await page.goto(`${app.base}${path}`);
    expect(await scrollsSideways(page), 'the page scrolls sideways').toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const sample = SAMPLE_ANSWERS[name]!;
    // the fields the server's own form would post for these answers
    const fields = submittedFields(SurveyForm({ json, answers: sample.answers, lang: 'vi', action: path }).toString());
    await fill(page, fields);
    expect(await scrollsSideways(page), 'the filled page scrolls sideways').toBe(false);
    await screenshot(page, `surveyjs-${shot(name)}-360-nojs`);
    const before = await app.deps.db.selectFrom('ballots').select('id').execute();
    await page.getByRole('button', { name: 'Gửi' }).click();
    await page.waitForSelector('.receipt');
    expect(await page.locator('h1').textContent()).toContain('Cảm ơn');

    const rows = await app.deps.db.selectFrom('ballots').select(['id', 'answers']).execute();
    const added = rows.filter((r) => !before.some((b) => b.id === r.id));
    expect(added).toHaveLength(1);
    expect(JSON.parse(added[0]!.answers)).toEqual({ ...sample.kept, ...sample.answers });
    expect(compileValidator(json)(sample.answers)).toEqual({ ok: true, data: { ...sample.kept, ...sample.answers } });
    await ctx.close();
  });

  it('shows rating end descriptions, every matrix row, and the ranking as selects', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/s/${slugs.get('fixtures/surveyjs/danh-gia-mot-cua.json')}`);
    for (const label of ['1 – Rất không hài lòng', '5 – Rất hài lòng', '0 – Chắc chắn không', '10 – Chắc chắn có']) {
      expect(await page.getByText(label, { exact: true }).isVisible(), label).toBe(true);
    }
    for (const row of ['Thái độ cán bộ', 'Thời gian giải quyết', 'Niêm yết thủ tục', 'Cơ sở vật chất']) {
      const block = page.locator('.matrix-row', { has: page.locator('legend', { hasText: row }) });
      expect(await block.isVisible()).toBe(true);
      const box = (await block.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    expect(await page.getByLabel('Hạng 1').isVisible()).toBe(true);
    expect(await page.getByText('(chỉ trả lời nếu câu “Ông/bà có giới thiệu Bộ phận Một cửa cho người quen không? (0 đến 10)” không quá “6”)').isVisible()).toBe(true);
    await ctx.close();
  });

  it('shows the html element as sanitised markup and resolves {pageno} and {pagecount}', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/s/${slugs.get('fixtures/surveyjs/ho-gia-dinh.json')}`);
    const html = page.locator('.question-html');
    expect(await html.locator('h3').textContent()).toBe('Kính gửi ông/bà chủ hộ');
    expect(await html.locator('b').textContent()).toBe('cập nhật');
    expect(await html.locator('a').getAttribute('href')).toBe('https://vietkhe.example.vn/huong-dan');
    expect(await html.locator('script, img, [onerror]').count()).toBe(0);
    expect(await html.textContent()).not.toContain('alert');
    expect(await page.getByRole('heading', { name: 'Phần 1/2: Thông tin chung' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Phần 2/2: Các thành viên' }).isVisible()).toBe(true);
    expect(await page.locator('body').textContent()).not.toMatch(/\{pageno\}|\{pagecount\}|\{panelIndex\}/);
    // a further household member is one tap away, without JavaScript
    await page.getByText('＋ Thêm thành viên (2)').click();
    expect(await page.getByRole('group', { name: 'Thành viên thứ 2' }).isVisible()).toBe(true);
    await ctx.close();
  });

  it('sends back the form with the answers, the errors and the resolved title when something is missing', async () => {
    const ctx = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/s/${slugs.get('fixtures/surveyjs/ho-gia-dinh.json')}`);
    await page.getByLabel('Họ và tên chủ hộ').fill('Phạm Thị Lan');
    await page.getByRole('button', { name: 'Gửi' }).click();
    await page.waitForSelector('.error-summary');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await page.getByLabel('Họ và tên chủ hộ').inputValue()).toBe('Phạm Thị Lan');
    expect(await page.locator('#q-lien-he legend').first().textContent()).toContain('Liên hệ của hộ ông/bà Phạm Thị Lan');
    // the summary names what is missing without repeating the question's title, and links to it
    expect(await page.locator('.error-summary').textContent()).toContain('Ô “Điện thoại”: cần trả lời câu này.');
    expect(await page.locator('.error-summary a[href="#q-lien-he"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'surveyjs-ho-gia-dinh-errors-360-nojs');
    await ctx.close();
  });
});

describe('SurveyJS forms on a phone with JavaScript on', () => {
  it('clears other ticks for an exclusive choice, enables a question by its enableIf, and has no script or CSP error', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.base}/s/${slugs.get('fixtures/surveyjs/danh-gia-mot-cua.json')}`);
    const channel = (label: string) => page.locator('#q-kenh').getByLabel(label, { exact: true });
    await channel('Zalo của xã').check();
    await channel('Loa phát thanh').check();
    await channel('Không qua kênh nào').check();
    expect(await channel('Zalo của xã').isChecked()).toBe(false);
    expect(await channel('Loa phát thanh').isChecked()).toBe(false);
    await channel('Bảng tin thôn').check();
    expect(await channel('Không qua kênh nào').isChecked()).toBe(false);

    const times = page.getByLabel('Số lần phải đến');
    expect(await times.isDisabled()).toBe(true);
    await page.locator('#q-di-lai').getByLabel('Có', { exact: true }).check();
    expect(await times.isDisabled()).toBe(false);
    expect(problems).toEqual({ console: [], errors: [], failedRequests: [] });
    await ctx.close();
  });

  it('keeps {name} placeholders in titles up to date as the person types', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${app.base}/s/${slugs.get('fixtures/surveyjs/ho-gia-dinh.json')}`);
    await page.getByLabel('Họ và tên chủ hộ').fill('Lê Văn Tám');
    expect(await page.locator('#q-lien-he legend').first().textContent()).toContain('Liên hệ của hộ ông/bà Lê Văn Tám');
    await ctx.close();
  });

  it.each(forms.filter(([n]) => n.startsWith('fixtures/')))('%s has no serious accessibility problem', async (name) => {
    const ctx = await phoneContext(browser, { a11y: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/s/${slugs.get(name)}`);
    expect(await checkA11y(page)).toEqual([]);
    await ctx.close();
  });
});
