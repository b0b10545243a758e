// Page weight and time to a usable ballot (issue 7), in real Chromium.
// Weight: every response's bytes on the wire (compressed), for one cold load.
// Slow 3G: Lighthouse's throttling values, 400 ms round trip and 400 kbit/s
// each way, applied by Chromium's own network emulation.
import { chromium, type Page, type CDPSession } from 'playwright-core';
import { serveTestApp } from '../../test/support/browser';
import { addUser, login } from '../../test/support/app';
import { seedVillages } from '../../test/support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../../test/support/campaigns';
import { api } from '../../test/support/app';

const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function weigh(page: Page, cdp: CDPSession, url: string): Promise<{ bytes: number; requests: number }> {
  let bytes = 0;
  let requests = 0;
  const onDone = (e: { encodedDataLength: number }) => { bytes += e.encodedDataLength; requests++; };
  cdp.on('Network.loadingFinished', onDone);
  await page.goto(url, { waitUntil: 'networkidle' });
  cdp.off('Network.loadingFinished', onDone);
  return { bytes, requests };
}

export async function benchPages(): Promise<string> {
  const app = await serveTestApp();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const [v] = await seedVillages(app, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 30 }]);
    await addUser(app, { username: 'canbo', role: 'staff' });
    const staff = await login(app, 'canbo');
    const campaign = (title: string) => createCampaign(app, staff, {
      title, description: 'Ban công tác Mặt trận đề xuất tổ chức hội làng vào mùng 10 tháng Giêng.',
      kind: 'decision', category: 'k6', villageIds: [v!.id], channels: ['online', 'paper'],
    });
    // an open campaign for the ballot page, a published one for the results page
    const open = await campaign('Chọn ngày tổ chức hội làng Đông Sơn');
    const serials = await issueSerials(app, staff, open.id);
    await openCampaign(app, staff, open.id);
    const done = await campaign('Làm lại cổng làng Đông Sơn');
    const doneSerials = await issueSerials(app, staff, done.id);
    await openCampaign(app, staff, done.id);
    for (const s of doneSerials.slice(0, 20)) await vote(app, s.serial, { decision: Math.random() < 0.7 ? 'approve' : 'reject' });
    await api(app, 'POST', `/api/v1/campaigns/${done.id}/close`, { cookie: staff });
    const published = await api(app, 'POST', `/api/v1/campaigns/${done.id}/publish`, { cookie: staff, body: {} });
    const slug = done.slug;

    const rows: string[] = [];
    const measure = async (name: string, url: string, target: number) => {
      const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const w = await weigh(page, cdp, url);
      rows.push(`| ${name} | ${w.requests} | ${(w.bytes / 1024).toFixed(1)} KB | ${target} KB | ${w.bytes / 1024 <= target ? 'met' : 'NOT met'} |`);
      await ctx.close();
    };
    await measure('ballot `/b/<serial>`', `${app.base}/b/${serials[25]!.serial}`, 30);
    if (published.status === 200) await measure('results `/r/<slug>` (with chart.js)', `${app.base}/r/${slug}`, 120);
    else rows.push(`| results \`/r/<slug>\` | – | not measured: publish answered ${published.status} | 120 KB | – |`);

    // Time to a usable ballot: from navigation until the first choice can be tapped and the send button is visible.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      const t0 = Date.now();
      await page.goto(`${app.base}/b/${serials[26 + i]!.serial}`, { waitUntil: 'commit' });
      await page.getByLabel('Đồng ý', { exact: true }).click({ trial: true });
      await page.getByRole('button', { name: 'Gửi phiếu' }).waitFor({ state: 'visible' });
      times.push(Date.now() - t0);
      await ctx.close();
    }
    times.sort((a, b) => a - b);
    return [
      '### Page weight and slow 3G (issue 7)',
      '',
      'Chromium, phone viewport 360×740, cold cache; bytes as transferred (gzip), all requests of one load.',
      '',
      '| page | requests | transferred | target | |',
      '|---|---|---|---|---|',
      ...rows,
      '',
      `Time to a usable ballot at slow 3G (400 ms RTT, 400 kbit/s down and up, Chromium network emulation), from navigation until the first choice is tappable and the send button is visible: median ${times[1]} ms (runs: ${times.join(', ')} ms); target < 3,000 ms.`,
    ].join('\n');
  } finally {
    await browser.close();
    await app.stop();
  }
}
