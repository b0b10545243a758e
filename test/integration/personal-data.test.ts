import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { fold } from '../../server/domain/text';

// Personal data never reaches a public page (issue 18): feedback senders'
// names and phones (typed in the fields, or written into their own text),
// and the household register's names and phones, are looked for in the
// output of every public route the app serves, filled with every real value
// its parameters can take (the commune, each tracking code, each conference,
// each campaign). The one public route made to show a sender their own data
// shows it only with the last digits of their phone, and is checked both ways.

let t: TestEnv;
let staff: string;
let DS: SeededVillage;
const codes: string[] = [];
let dialogueId = '';
let campaignSlug = '';
let campaignId = '';

const SENDERS = [
  { name: 'Trịnh Thị Bảo Mật', phone: '0919 264 853', digits: ['0919264853', '919264853', '264853', '264 853'] },
  { name: 'Quách Văn Riêng', phone: '+84 936 715 402', digits: ['+84936715402', '936715402', '715402', '715 402'] },
  { name: 'Lâm Thị Kín', phone: '0357.418.096', digits: ['0357418096', '357418096', '418096', '418.096'] },
];
const HOUSEHOLD = { head: 'Mạc Văn Sổ Hộ', phone: '0868 503 917', digits: ['0868503917', '868503917', '503917'] };
const OWN_WORDS = 'Tôi tên là Trịnh Thị Bảo Mật, số 0919264853, nhà ở xóm Giữa';

/** Every string that must never appear on a public page, and the diacritic-free spellings of the names. */
const SECRETS = [
  ...SENDERS.flatMap((s) => [s.name, fold(s.name), ...s.digits]),
  HOUSEHOLD.head, fold(HOUSEHOLD.head), ...HOUSEHOLD.digits, OWN_WORDS,
];

beforeAll(async () => {
  t = await makeTestApp();
  [DS] = (await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 4 }])) as [SeededVillage];
  await t.deps.atomic([
    t.deps.db.updateTable('households').set({ head: HOUSEHOLD.head, representative: HOUSEHOLD.head, phone: HOUSEHOLD.phone, search_text: fold(HOUSEHOLD.head) }).where('code', '=', 'DS-0001'),
  ]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  staff = await login(t, 'canbo');

  // feedback: online with contact, paper with contact, the sender's own words naming them
  for (const [i, s] of SENDERS.entries()) {
    const r = await api(t, 'POST', '/api/v1/feedback', { body: { villageId: DS.id, kind: i === 0 ? 'kien_nghi' : 'phan_anh', topic: 'Giao thông, thủy lợi', text: i === 0 ? OWN_WORDS : `Phản ánh số ${i}`, name: s.name, phone: s.phone } });
    expect(r.status, r.text).toBe(201);
    codes.push(r.json.code);
  }
  const paper = await api(t, 'POST', '/api/v1/feedback/paper', { cookie: staff, body: { channel: 'paper', villageId: DS.id, text: 'Thư tay', name: SENDERS[2]!.name, phone: SENDERS[2]!.phone, consent: true } });
  codes.push(paper.json.code);
  // every item answered and published, one given to the Ban TTND
  const items = (await api(t, 'GET', '/api/v1/feedback', { cookie: staff })).json as { id: string; text: string }[];
  for (const [i, item] of items.entries()) {
    if (i === 0) await api(t, 'POST', `/api/v1/feedback/${item.id}/assign`, { cookie: staff, body: { assignee: 'inspection_board' } });
    const r = await api(t, 'POST', `/api/v1/feedback/${item.id}/answer`, { cookie: staff, body: { answer: `Trả lời số ${i}`, publish: true, publicSummary: `Tóm tắt ý kiến số ${i}` } });
    expect(r.status, r.text).toBe(200);
  }
  // a published dialogue conference with a question from the item whose text names its sender
  const own = items.find((i) => i.text === OWN_WORDS)!;
  const d = await api(t, 'POST', '/api/v1/dialogues', { cookie: staff, body: { title: 'Hội nghị đối thoại', heldAt: '2026-11-20T08:00:00+07:00', place: 'Hội trường', chair: 'Chủ tịch UBND xã' } });
  dialogueId = d.json.id;
  const q = await api(t, 'POST', `/api/v1/dialogues/${dialogueId}/questions`, { cookie: staff, body: { source: 'feedback', feedbackId: own.id } });
  expect(q.status, q.text).toBe(201);
  await api(t, 'POST', `/api/v1/dialogues/${dialogueId}/questions/${q.json.id}`, { cookie: staff, body: { answer: 'Trả lời tại hội nghị' } });
  await api(t, 'POST', `/api/v1/dialogues/${dialogueId}/minutes`, { cookie: staff, body: { minutes: 'Biên bản hội nghị' } });
  expect((await api(t, 'POST', `/api/v1/dialogues/${dialogueId}/publish`, { cookie: staff })).status).toBe(200);
  // a campaign, for the public routes named by a campaign
  const c = await api(t, 'POST', '/api/v1/campaigns', { cookie: staff, body: { title: 'Ý kiến về chợ', kind: 'satisfaction', villageIds: [DS.id], channels: ['online'], template: 'one-stop-rating' } });
  campaignSlug = c.json.slug;
  campaignId = c.json.id;
  await api(t, 'POST', `/api/v1/campaigns/${campaignId}/open`, { cookie: staff });
}, 60_000);
afterAll(() => t?.close());

/** The values each route parameter is tried with. */
function values(name: string): string[] {
  switch (name) {
    case 'slug': return ['xa-viet-khe', campaignSlug];
    case 'code': return codes;
    case 'id': return [dialogueId, campaignId];
    default: return ['x'];
  }
}

function urls(path: string): string[] {
  let out = [path];
  for (const m of path.matchAll(/:(\w+)/g)) out = out.flatMap((u) => values(m[1]!).map((v) => u.replace(`:${m[1]}`, encodeURIComponent(v))));
  return out;
}

describe('personal data on public routes', () => {
  it('is never in the output of any public route, whatever it is asked', async () => {
    const routes = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))]
      .filter((r) => !r.startsWith('GET /static/'));
    const checked: string[] = [];
    const leaks: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      for (const url of urls(path)) {
        const headers: Record<string, string> = { accept: 'text/html' };
        let body: string | undefined;
        if (method !== 'GET') {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          body = 'phoneTail=0000';
        }
        const res = await t.app.request(url, { method, headers, body });
        const location = res.headers.get('location') ?? '';
        if (res.status === 401 || location.startsWith('/login')) continue; // not a public route
        checked.push(`${method} ${url}`);
        const text = await res.text();
        for (const secret of SECRETS) if (text.includes(secret)) leaks.push(`${method} ${url} (${res.status}) shows "${secret}"`);
      }
    }
    expect(leaks).toEqual([]);
    // the routes that carry feedback were really reached, with real values
    for (const must of ['GET /g/', 'GET /x/xa-viet-khe/gop-y', `GET /x/xa-viet-khe/doi-thoai/${dialogueId}`, 'POST /g/', `GET /s/${campaignSlug}`]) {
      expect(checked.some((c) => c.startsWith(must)), must).toBe(true);
    }
  });

  it('publishes the answers with staff’s summaries, and the conference’s question in staff’s words only', async () => {
    const page = await (await t.app.request('/x/xa-viet-khe/gop-y')).text();
    expect(page).toContain('Tóm tắt ý kiến số 0');
    const dialogue = await (await t.app.request(`/x/xa-viet-khe/doi-thoai/${dialogueId}`)).text();
    expect(dialogue).toContain('Tóm tắt ý kiến số');
  });

  it('shows senders their own data only with the last four digits of their phone, and lets them erase it', async () => {
    const code = codes[1]!;
    const wrong = await t.app.request(`/g/${code}/du-lieu`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'phoneTail=1111' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).not.toContain(SENDERS[1]!.name);
    const right = await t.app.request(`/g/${code}/du-lieu`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'phoneTail=5402' });
    expect(right.status).toBe(200);
    const mine = await right.text();
    expect(mine).toContain(SENDERS[1]!.name);
    expect(mine).toContain('+84936715402');
    // nothing staff added (the answer, the assignment) is part of "what you gave"
    expect(mine).not.toContain('Trả lời số');
    const erase = await t.app.request(`/g/${code}/xoa`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'phoneTail=5402' });
    expect(erase.status).toBe(200);
    const after = await erase.text();
    expect(after).toContain('Đã xóa họ tên, số điện thoại và ảnh của bạn.');
    expect(after).not.toContain(SENDERS[1]!.name);
    const item = (await api(t, 'GET', '/api/v1/feedback', { cookie: staff })).json.find((i: any) => i.text === 'Phản ánh số 1');
    expect(item).toMatchObject({ anonymised: true, contact: null, hasContact: false });
  });
});
