import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeTestApp, addUser, api, login, type TestEnv } from '../support/app';
import { addVillage } from '../support/security';
import { seedVillages } from '../support/register';
import { createCampaign, issueSerials, openCampaign } from '../support/campaigns';

let t: TestEnv;
afterEach(() => t?.close());

const ORIGIN = 'http://localhost';

/** A browser-like request: HTML accepted, same-site Origin on posts, cookies joined. */
async function browser(method: 'GET' | 'POST', path: string, opts: { cookies?: string[]; form?: Record<string, string>; origin?: string | null } = {}) {
  const headers: Record<string, string> = { accept: 'text/html' };
  if (opts.cookies?.length) headers.cookie = opts.cookies.join('; ');
  if (method === 'POST' && opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
  let body: string | undefined;
  if (opts.form) {
    body = new URLSearchParams(opts.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const res = await t.app.request(path, { method, headers, body });
  return { status: res.status, html: await res.text(), location: res.headers.get('location'), setCookies: res.headers.getSetCookie() };
}

const cookieNamed = (setCookies: string[], name: string) => setCookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);
const hiddenCsrf = (html: string) => /name="_csrf" value="([^"]*)"/.exec(html)?.[1];

/** Opens the login form and returns its double-submit pair. */
async function loginForm() {
  const page = await browser('GET', '/login');
  return { cookie: cookieNamed(page.setCookies, 'danban_login_csrf')!, token: hiddenCsrf(page.html)!, page };
}

/** Signs in through the HTML form; returns the session cookie and the session's form token. */
async function signInByForm(username: string, password = 'password123') {
  const { cookie, token } = await loginForm();
  const r = await browser('POST', '/login', { cookies: [cookie], form: { _csrf: token, username, password } });
  const session = cookieNamed(r.setCookies, 'danban_session')!;
  const csrf = (await api(t, 'GET', '/api/v1/me', { cookie: session })).json.csrfToken as string;
  return { session, csrf };
}

describe('the sign-in page', () => {
  it('shows a form in Vietnamese that works without JavaScript, with a CSRF token matching its cookie', async () => {
    t = await makeTestApp();
    const { cookie, token, page } = await loginForm();
    expect(page.status).toBe(200);
    expect(page.html).toContain('<form method="post" action="/login"');
    expect(page.html).toContain('Tên đăng nhập');
    expect(page.html).toContain('Mật khẩu');
    expect(cookie).toBe(`danban_login_csrf=${token}`);
    expect(page.setCookies.join()).toMatch(/HttpOnly/i);
    expect((await browser('GET', '/login?lang=en')).html).toContain('Username');
  });

  it('signs in and sends the user to the staff home with a session cookie', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const { cookie, token } = await loginForm();
    const r = await browser('POST', '/login', { cookies: [cookie], form: { _csrf: token, username: 'CanBo', password: 'password123' } });
    expect(r.status).toBe(303);
    expect(r.location).toBe('/staff');
    const session = cookieNamed(r.setCookies, 'danban_session')!;
    expect((await api(t, 'GET', '/api/v1/me', { cookie: session })).json.user.username).toBe('canbo');
  });

  it('returns to the page that asked for sign-in, but never to another site', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const { cookie, token } = await loginForm();
    const back = await browser('POST', '/login', { cookies: [cookie], form: { _csrf: token, username: 'canbo', password: 'password123', next: '/staff/audit' } });
    expect(back.location).toBe('/staff/audit');
    const evil = await browser('POST', '/login', { cookies: [cookie], form: { _csrf: token, username: 'canbo', password: 'password123', next: '//evil.example/x' } });
    expect(evil.location).toBe('/staff');
  });

  it('re-renders the form with the error in place on a wrong password, keeping the username but not the password', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const { cookie, token } = await loginForm();
    const r = await browser('POST', '/login', { cookies: [cookie], form: { _csrf: token, username: 'canbo', password: 'sai-mat-khau-123' } });
    expect(r.status).toBe(401);
    expect(r.html).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(r.html).toContain('value="canbo"');
    expect(r.html).not.toContain('sai-mat-khau-123');
    expect(cookieNamed(r.setCookies, 'danban_session')).toBeUndefined();
  });

  it('names the empty fields in place', async () => {
    t = await makeTestApp();
    const { cookie, token } = await loginForm();
    const r = await browser('POST', '/login', { cookies: [cookie], form: { _csrf: token, username: ' ', password: '' } });
    expect(r.status).toBe(422);
    expect(r.html).toContain('Hãy nhập tên đăng nhập.');
    expect(r.html).toContain('Hãy nhập mật khẩu.');
    expect(r.html).toContain('aria-invalid="true"');
  });

  it('refuses a login post whose token does not match the cookie (login CSRF) with 403 and no session', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const { cookie, token } = await loginForm();
    const forged: { cookies: string[]; form: Record<string, string> }[] = [
      { cookies: [], form: { _csrf: token, username: 'canbo', password: 'password123' } },
      { cookies: [cookie], form: { username: 'canbo', password: 'password123' } },
      { cookies: [cookie], form: { _csrf: 'X'.repeat(32), username: 'canbo', password: 'password123' } },
    ];
    for (const f of forged) {
      const r = await browser('POST', '/login', f);
      expect(r.status).toBe(403);
      expect(r.html).toContain('vui lòng tải lại trang');
      expect(cookieNamed(r.setCookies, 'danban_session')).toBeUndefined();
    }
  });

  it('refuses a login form posted from another site', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const { cookie, token } = await loginForm();
    const r = await browser('POST', '/login', { cookies: [cookie], origin: 'https://evil.example', form: { _csrf: token, username: 'canbo', password: 'password123' } });
    expect(r.status).toBe(403);
  });

  it('carries the return address through the form and skips the form when already signed in', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const page = await browser('GET', '/login?next=%2Fstaff%2Faudit');
    expect(page.html).toContain('name="next" value="/staff/audit"');
    const again = await browser('GET', '/login?next=%2Fstaff%2Faudit', { cookies: [await login(t, 'canbo')] });
    expect(again.status).toBe(303);
    expect(again.location).toBe('/staff/audit');
  });

  it('refuses an oversized form body with 413, never 500', async () => {
    t = await makeTestApp();
    const { cookie, token } = await loginForm();
    const r = await browser('POST', '/login', { cookies: [cookie], form: { _csrf: token, username: 'a'.repeat(50_000), password: 'x' } });
    expect(r.status).toBe(413);
  });
});

describe('signing out', () => {
  it('ends the session from the header form and returns to the sign-in page', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const { session, csrf } = await signInByForm('canbo');
    const r = await browser('POST', '/logout', { cookies: [session], form: { _csrf: csrf } });
    expect(r.status).toBe(303);
    expect(r.location).toBe('/login');
    expect((await api(t, 'GET', '/api/v1/me', { cookie: session })).status).toBe(401);
  });

  it('refuses a sign-out post without the session’s token (CSRF) and keeps the session', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const { session } = await signInByForm('canbo');
    expect((await browser('POST', '/logout', { cookies: [session], form: {} })).status).toBe(403);
    expect((await api(t, 'GET', '/api/v1/me', { cookie: session })).status).toBe(200);
  });
});

describe('the accounts page', () => {
  it('sends a visitor without a session to sign in, and back afterwards', async () => {
    t = await makeTestApp();
    const r = await browser('GET', '/staff/accounts');
    expect(r.status).toBe(303);
    expect(r.location).toBe('/login?next=%2Fstaff%2Faccounts');
  });

  it('is refused to staff with a 403 page', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'canbo', role: 'staff' });
    const r = await browser('GET', '/staff/accounts', { cookies: [await login(t, 'canbo')] });
    expect(r.status).toBe(403);
    expect(r.html).toContain('<html');
  });

  it('lists the commune’s accounts in a table with a create form offering its villages', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'quantri', role: 'admin' });
    await addVillage(t, { code: 'T2', name: 'Thôn Tây' });
    await addVillage(t, { code: 'T1', name: 'Thôn Đông' });
    await addVillage(t, { code: 'K1', name: 'Thôn Bên Kia', communeId: t.otherCommuneId });
    await addUser(t, { username: 'ngoai-xa', role: 'staff', communeId: t.otherCommuneId });
    await addUser(t, { username: 'canbo', role: 'staff' });
    const r = await browser('GET', '/staff/accounts', { cookies: [await login(t, 'quantri')] });
    expect(r.status).toBe(200);
    expect(r.html).toContain('<table');
    // the row is named by its person: the name (none yet) above the username
    expect(r.html).toMatch(/<th scope="row"><span class="muted">chưa ghi họ tên<\/span><span class="cell-sub">Tên đăng nhập: canbo<\/span><\/th>/);
    expect(r.html).toContain('Cán bộ xã');
    expect(r.html.indexOf('Thôn Đông')).toBeLessThan(r.html.indexOf('Thôn Tây'));
    expect(r.html).not.toContain('Thôn Bên Kia');
    expect(r.html).not.toContain('ngoai-xa');
    expect(r.html).toContain('26/11/2026');
  });

  it('creates an account from the form and says so', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'quantri', role: 'admin' });
    const village = await addVillage(t, { code: 'T1', name: 'Thôn Đông' });
    const { session, csrf } = await signInByForm('quantri');
    const r = await browser('POST', '/staff/accounts', {
      cookies: [session], form: { _csrf: csrf, username: 'TruongThon', displayName: 'Lê Văn Bình', password: 'mat-khau-8', role: 'village_head', villageId: village },
    });
    expect(r.status).toBe(303);
    expect(r.location).toBe('/staff/accounts?created=truongthon');
    const page = await browser('GET', r.location!, { cookies: [session] });
    expect(page.html).toContain('Đã tạo tài khoản: truongthon');
    expect(page.html).toContain('Lê Văn Bình');
    const row = await t.deps.db.selectFrom('users').select(['role', 'village_id']).where('username', '=', 'truongthon').executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'village_head', village_id: village });
  });

  it('shows the errors beside the fields and keeps what was typed', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'quantri', role: 'admin' });
    const { session, csrf } = await signInByForm('quantri');
    const r = await browser('POST', '/staff/accounts', {
      cookies: [session], form: { _csrf: csrf, username: 'truongthon', displayName: 'Lê Văn Bình', password: 'ngan', role: 'village_head', villageId: '' },
    });
    expect(r.status).toBe(422);
    expect(r.html).toContain('Mật khẩu phải có ít nhất 8 ký tự.');
    expect(r.html).toContain('value="truongthon"');
    expect(r.html).toContain('value="Lê Văn Bình"');
    const noVillage = await browser('POST', '/staff/accounts', {
      cookies: [session], form: { _csrf: csrf, username: 'truongthon', password: 'mat-khau-8', role: 'village_head', villageId: '' },
    });
    expect(noVillage.status).toBe(422);
    expect(noVillage.html).toContain('Trưởng thôn phải gắn với một thôn của xã.');
    expect(await t.deps.db.selectFrom('users').select('id').where('username', '=', 'truongthon').execute()).toEqual([]);
  });

  it('says in place that a username is taken', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'quantri', role: 'admin' });
    await addUser(t, { username: 'canbo', role: 'staff' });
    const { session, csrf } = await signInByForm('quantri');
    const r = await browser('POST', '/staff/accounts', { cookies: [session], form: { _csrf: csrf, username: 'canbo', displayName: 'Trần Văn Cường', password: 'mat-khau-8', role: 'staff' } });
    expect(r.status).toBe(409);
    expect(r.html).toContain('Tên đăng nhập đã có người dùng.');
  });

  it('refuses a form post with the session cookie and an Origin but no or a wrong _csrf (403), creating nothing', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'quantri', role: 'admin' });
    const { session } = await signInByForm('quantri');
    for (const csrf of [undefined, 'WRONG-TOKEN']) {
      const form: Record<string, string> = { username: 'ke-gian', password: 'mat-khau-8', role: 'admin' };
      if (csrf) form._csrf = csrf;
      const r = await browser('POST', '/staff/accounts', { cookies: [session], form });
      expect(r.status).toBe(403);
    }
    expect(await t.deps.db.selectFrom('users').select('id').where('username', '=', 'ke-gian').execute()).toEqual([]);
  });

  it('disables an account and resets a password from the row forms', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'quantri', role: 'admin' });
    const id = await addUser(t, { username: 'canbo', role: 'staff' });
    const { session, csrf } = await signInByForm('quantri');
    const off = await browser('POST', `/staff/accounts/${id}`, { cookies: [session], form: { _csrf: csrf, action: 'disable' } });
    expect(off.status).toBe(303);
    expect((await browser('GET', off.location!, { cookies: [session] })).html).toContain('Đã khóa');
    const short = await browser('POST', `/staff/accounts/${id}`, { cookies: [session], form: { _csrf: csrf, action: 'password', password: 'ngan' } });
    expect(short.status).toBe(422);
    expect(short.html).toContain('Mật khẩu phải có 8 đến 200 ký tự.');
    await browser('POST', `/staff/accounts/${id}`, { cookies: [session], form: { _csrf: csrf, action: 'enable' } });
    await browser('POST', `/staff/accounts/${id}`, { cookies: [session], form: { _csrf: csrf, action: 'password', password: 'mat-khau-moi' } });
    expect((await api(t, 'POST', '/api/v1/auth/login', { body: { username: 'canbo', password: 'mat-khau-moi' } })).status).toBe(200);
  });

  it('asks for the person’s name with every other mistake of the form at once, and lets the admin set a name later', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'quantri', role: 'admin' });
    const id = await addUser(t, { username: 'canbo', role: 'staff' });
    const { session, csrf } = await signInByForm('quantri');
    const r = await browser('POST', '/staff/accounts', {
      cookies: [session], form: { _csrf: csrf, username: 'truongthon', displayName: '  ', password: 'mat-khau-8', role: 'village_head', villageId: '' },
    });
    expect(r.status).toBe(422);
    expect(r.html).toContain('Hãy nhập họ và tên');
    expect(r.html).toContain('Trưởng thôn phải gắn với một thôn của xã.');
    const schema = await browser('POST', '/staff/accounts', {
      cookies: [session], form: { _csrf: csrf, username: 'truong thon', password: 'ngan', role: 'staff' },
    });
    expect(schema.status).toBe(422);
    expect(schema.html).toContain('Hãy nhập họ và tên');
    expect(schema.html).toContain('Mật khẩu phải có ít nhất 8 ký tự.');
    expect(await t.deps.db.selectFrom('users').select('id').where('username', 'in', ['truongthon', 'truong thon']).execute()).toEqual([]);

    const blank = await browser('POST', `/staff/accounts/${id}`, { cookies: [session], form: { _csrf: csrf, action: 'name', displayName: ' ' } });
    expect(blank.status).toBe(422);
    const named = await browser('POST', `/staff/accounts/${id}`, { cookies: [session], form: { _csrf: csrf, action: 'name', displayName: 'Nguyễn Thị Lan' } });
    expect(named.status).toBe(303);
    const page = await browser('GET', named.location!, { cookies: [session] });
    expect(page.html).toMatch(/<th scope="row">Nguyễn Thị Lan<span class="cell-sub">Tên đăng nhập: canbo<\/span><\/th>/);
  });

  it('answers 404 when the row form names another commune’s account', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'quantri', role: 'admin' });
    const id = await addUser(t, { username: 'ngoai-xa', role: 'staff', communeId: t.otherCommuneId });
    const { session, csrf } = await signInByForm('quantri');
    const r = await browser('POST', `/staff/accounts/${id}`, { cookies: [session], form: { _csrf: csrf, action: 'disable' } });
    expect(r.status).toBe(404);
    expect(r.html).not.toContain('ngoai-xa');
  });
});

describe('the audit page', () => {
  it('shows an intact chain and the latest entries with Vietnam time', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'thanhtra', role: 'inspector' });
    const r = await browser('GET', '/staff/audit', { cookies: [await login(t, 'thanhtra')] });
    expect(r.status).toBe(200);
    expect(r.html).toContain('Nhật ký nguyên vẹn');
    // a sentence, by whom: the system made the commune at the first start
    expect(r.html).toContain('Tạo xã “Xã Việt Khê”');
    expect(r.html).toContain('Hệ thống');
    // the test clock is 02:00 UTC, 09:00 in Vietnam
    expect(r.html).toContain('26/11/2026 09:00');
  });

  it('shows which entry was tampered with', async () => {
    t = await makeTestApp();
    await addUser(t, { username: 'thanhtra', role: 'inspector' });
    await sql`update audit_log set actor = 'nguoi-khac' where commune_id = ${t.communeId} and seq = 1`.execute(t.deps.db);
    const r = await browser('GET', '/staff/audit', { cookies: [await login(t, 'thanhtra')] });
    expect(r.html).toContain('Nhật ký đã bị can thiệp');
    expect(r.html).toContain('#1: nội dung bị sửa');
  });

  it('reads each entry as a sentence naming the person, the campaign, the village and the household, filtered by campaign and by person', async () => {
    t = await makeTestApp();
    const [ds] = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 4 }]);
    await addUser(t, { username: 'thanhtra', role: 'inspector', displayName: 'Lê Văn Sáu' });
    const staffId = await addUser(t, { username: 'canbo', role: 'staff', displayName: 'Nguyễn Thị Lan' });
    await addUser(t, { username: 'truongthon.ds', role: 'village_head', villageId: ds!.id, displayName: 'Nguyễn Văn Đức' });
    const staff = await login(t, 'canbo');
    const road = await createCampaign(t, staff, { title: 'Làm đường bê tông', kind: 'decision', category: 'k1', villageIds: [ds!.id], channels: ['paper', 'meeting'] });
    const fair = await createCampaign(t, staff, { title: 'Hội làng', kind: 'decision', category: 'k6', villageIds: [ds!.id], channels: ['paper'] });
    await issueSerials(t, staff, road.id);
    await openCampaign(t, staff, road.id);
    await api(t, 'POST', `/api/v1/campaigns/${road.id}/serials/DS-0002/reprint`, { cookie: staff });
    const head = await login(t, 'truongthon.ds');
    const sheet = await api(t, 'POST', `/api/v1/campaigns/${road.id}/tallies`, {
      cookie: head, body: { villageId: ds!.id, channel: 'meeting', present: 3, counts: { decision: { approve: 3, reject: 0, other: 0 } } },
    });
    expect(sheet.status).toBe(201);
    await api(t, 'POST', `/api/v1/tallies/${sheet.json.id}/confirm`, { cookie: await login(t, 'thanhtra') });
    const inspector = await login(t, 'thanhtra');

    const all = await browser('GET', '/staff/audit', { cookies: [inspector] });
    const html = all.html.normalize('NFC');
    for (const sentence of [
      'Tạo đợt lấy ý kiến “Làm đường bê tông”', 'Mở đợt “Làm đường bê tông”, chốt số hộ của từng thôn', 'Phát 4 mã phiếu cho đợt “Làm đường bê tông”',
      'In lại phiếu của hộ DS-0002 (Nguyễn Văn DS 2); mã phiếu cũ bị hủy, đợt “Làm đường bê tông”',
      'Nhập biên bản họp thôn của Thôn Đông Sơn, đợt “Làm đường bê tông” (phiên bản 1)',
      'Xác nhận biên bản họp thôn của Thôn Đông Sơn, đợt “Làm đường bê tông” (phiên bản 1)',
    ]) expect(html).toContain(sentence);
    for (const name of ['Nguyễn Thị Lan', 'Nguyễn Văn Đức', 'Lê Văn Sáu']) expect(html).toContain(name);
    // no raw action names or ids in the text a reader sees
    expect(html.replace(/data-action="[^"]*"/g, '')).not.toMatch(/campaign\.open|tally\.submit|serials\.issue/);
    expect(html).not.toContain(`>${road.id}<`);

    const onlyFair = (await browser('GET', `/staff/audit?campaignId=${fair.id}`, { cookies: [inspector] })).html.normalize('NFC');
    expect(onlyFair).toContain('Tạo đợt lấy ý kiến “Hội làng”');
    expect(onlyFair).not.toContain('Làm đường bê tông”');
    expect(onlyFair).toContain('Đang hiện 1 trong 1 mục phù hợp.');

    const byHead = (await browser('GET', `/staff/audit?person=${encodeURIComponent((await t.deps.db.selectFrom('users').select('id').where('username', '=', 'truongthon.ds').executeTakeFirstOrThrow()).id)}`, { cookies: [inspector] })).html.normalize('NFC');
    expect(byHead).toContain('Nhập biên bản họp thôn');
    expect(byHead).not.toContain('Xác nhận biên bản');
    expect(byHead).not.toContain('Tạo đợt lấy ý kiến');
    const byStaff = (await browser('GET', `/staff/audit?person=${staffId}&campaignId=${road.id}`, { cookies: [inspector] })).html.normalize('NFC');
    expect(byStaff).toContain('Mở đợt “Làm đường bê tông”');
    expect(byStaff).not.toContain('Hội làng”');
    expect(byStaff).not.toContain('Nhập biên bản');
  });

  it('is refused to a village head', async () => {
    t = await makeTestApp();
    const village = await addVillage(t, { code: 'T1', name: 'Thôn Đông' });
    await addUser(t, { username: 'truongthon', role: 'village_head', villageId: village });
    expect((await browser('GET', '/staff/audit', { cookies: [await login(t, 'truongthon')] })).status).toBe(403);
  });
});
