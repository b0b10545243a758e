import { afterEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { makeTestApp, addUser, login, type TestEnv } from '../support/app';
import { assetUrl } from '../../server/routes/static';

// The shell's HTTP contract (assets, caching, the language switch, the sign-in
// redirect), checked through app.request() without a browser: fast, and the
// browser files then only cover what needs a real page.

let t: TestEnv;
afterEach(() => t?.close());

const html = { accept: 'text/html,application/xhtml+xml' };

describe('static assets', () => {
  it('serves the stylesheet at its content-hashed URL gzipped and cached for a year', async () => {
    t = await makeTestApp();
    const url = assetUrl('app.css');
    expect(url).toMatch(/^\/static\/app\.[0-9a-f]{12}\.css$/);
    const r = await t.app.request(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(r.headers.get('vary')).toBe('Accept-Encoding');
    const css = gunzipSync(new Uint8Array(await r.arrayBuffer())).toString('utf8');
    expect(css).toContain('.choice');
    expect(css).toContain('prefers-reduced-motion');
  });

  it('answers 304 Not Modified when the browser already holds that version', async () => {
    t = await makeTestApp();
    const first = await t.app.request(assetUrl('app.js'));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{12}"$/);
    const again = await t.app.request(assetUrl('app.js'), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const gzipped = await t.app.request(assetUrl('app.js'), { headers: { 'accept-encoding': 'gzip' } });
    const revalidated = await t.app.request(assetUrl('app.js'), { headers: { 'if-none-match': gzipped.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
  });

  it('sends plain text to a client without gzip, and makes the unhashed name revalidate', async () => {
    t = await makeTestApp();
    const r = await t.app.request('/static/app.css');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(r.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(await r.text()).toContain(':root');
  });

  it('gives a client script built for old Android WebViews (no optional chaining left)', async () => {
    t = await makeTestApp();
    const js = await (await t.app.request(assetUrl('app.js'))).text();
    expect(js).toContain('addEventListener');
    expect(js).not.toMatch(/\?\.|\?\?/);
  });

  it('answers 404 for an asset that does not exist', async () => {
    t = await makeTestApp();
    const r = await t.app.request('/static/khong-co.css');
    expect(r.status).toBe(404);
  });

  it('serves a real favicon.ico and a robots.txt that keeps ballot links out of search engines', async () => {
    t = await makeTestApp();
    const ico = await t.app.request('/favicon.ico');
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    const bytes = new Uint8Array(await ico.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
    const robots = await (await t.app.request('/robots.txt')).text();
    expect(robots).toContain('Disallow: /b/');
    expect(robots).toContain('Disallow: /staff');
  });
});

describe('language switch', () => {
  it('sets a lasting lang cookie and returns to the same page without its old ?lang=', async () => {
    t = await makeTestApp();
    const r = await t.app.request('/lang?to=en&back=' + encodeURIComponent('/r/duong-lien-thon?lang=vi&tab=2'));
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/r/duong-lien-thon?tab=2');
    expect(r.headers.get('set-cookie')).toMatch(/^lang=en;.*Max-Age=31536000.*Path=\//);
  });

  it.each([
    ['//evil.example/phieu'],
    ['https://evil.example/'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['javascript:alert(1)'],
    [''],
  ])('never sends the reader off-site (back=%j goes home)', async (back) => {
    t = await makeTestApp();
    const r = await t.app.request('/lang?to=vi&back=' + encodeURIComponent(back));
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/');
  });

  it('refuses an unknown language with 422 naming the field', async () => {
    t = await makeTestApp();
    const r = await t.app.request('/lang?to=fr');
    expect(r.status).toBe(422);
    const body = await r.json() as { error: { details: { path: string; message: string }[] } };
    expect(body.error.details[0]!.path).toBe('to');
  });

  it('keeps English once a page was opened with ?lang=en', async () => {
    t = await makeTestApp();
    const r = await t.app.request('/khong-co-trang?lang=en', { headers: html });
    expect(r.headers.get('set-cookie')).toMatch(/^lang=en;/);
    expect(await r.text()).toContain('Page not found');
  });
});

describe('staff home', () => {
  it('sends a browser without a session to the sign-in page with the page to come back to', async () => {
    t = await makeTestApp();
    const r = await t.app.request('/staff?tab=1', { headers: html });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/login?next=%2Fstaff%3Ftab%3D1');
  });

  it('still answers a script without a session with the JSON 401', async () => {
    t = await makeTestApp();
    const r = await t.app.request('/staff', { headers: { accept: 'application/json' } });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('shows the commune, the role menu and a sign-out form carrying the CSRF token, with no inline style or script', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'thanhtra', role: 'inspector' });
    const cookie = await login(t, 'thanhtra');
    const r = await t.app.request('/staff', { headers: { ...html, cookie } });
    expect(r.status).toBe(200);
    const page = await r.text();
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('Xã Việt Khê');
    expect(page).toContain('Ban Thanh tra nhân dân');
    expect(page).toContain('href="/staff/audit"');
    expect(page).not.toContain('href="/staff/accounts"');
    expect(page).not.toContain('href="/staff/import"');
    expect(page).toMatch(/<form method="post" action="\/logout"><input type="hidden" name="_csrf" value="[0-9A-Z]{16,}"\/>/);
    expect(page).toContain(`href="${assetUrl('app.css')}"`);
    expect(page).not.toMatch(/\sstyle=/);
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });
});
