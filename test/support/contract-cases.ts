// The HTTP contract of docs/api.md as runtime-neutral cases: each takes a
// fetch-like function and makes requests as a client would, so the same
// cases run against the Node app (better-sqlite3) and inside workerd against
// local D1. Each case builds what it needs through the API under its own tag
// (village codes, usernames, client address), so it passes on a fresh
// database and on one that earlier cases already wrote to.
import { expect } from 'vitest';

export type Send = (path: string, init?: RequestInit) => Promise<Response>;

/** The `admin` account both runtimes create at boot from DANBAN_ADMIN_PASSWORD. */
export const CONTRACT_ADMIN_PASSWORD = 'contract-admin-password';

interface Reply {
  status: number;
  json: any;
  text: string;
  bytes: Uint8Array;
  headers: Headers;
}

export interface Client {
  call(method: string, path: string, opts?: { body?: unknown; cookie?: string; type?: string }): Promise<Reply>;
  login(username: string, password?: string): Promise<string>;
  /** Creates an account as admin and signs it in; returns its cookie. */
  user(role: 'staff' | 'village_head' | 'inspector', name: string, villageId?: string): Promise<string>;
}

export function clientFor(send: Send, tag: string): Client {
  // One address per case: the login limit counts per client, and cases must not share a window.
  const address = `192.0.2.${[...tag].reduce((n, ch) => (n * 31 + ch.charCodeAt(0)) % 250, 7) + 1}`;
  let adminCookie: string | null = null;
  const client: Client = {
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { 'x-forwarded-for': address, accept: 'application/json' };
      if (opts.cookie) headers.cookie = opts.cookie;
      let body: string | Uint8Array | undefined;
      if (opts.body !== undefined) {
        body = typeof opts.body === 'string' || opts.body instanceof Uint8Array ? opts.body : JSON.stringify(opts.body);
        headers['content-type'] = opts.type ?? 'application/json';
      }
      const res = await send(`http://danban.test${path}`, { method, headers, body: body as BodyInit | undefined });
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      let json: any = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: res.status, json, text, bytes, headers: res.headers };
    },
    async login(username, password = 'password-123') {
      const r = await client.call('POST', '/api/v1/auth/login', { body: { username, password } });
      expect(r.status, `login ${username}: ${r.text}`).toBe(200);
      return (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    },
    async user(role, name, villageId) {
      adminCookie ??= await client.login('admin', CONTRACT_ADMIN_PASSWORD);
      const username = `${tag}-${name}`.toLowerCase();
      const r = await client.call('POST', '/api/v1/users', { cookie: adminCookie, body: { username, password: 'password-123', role, villageId } });
      expect(r.status, r.text).toBe(201);
      return client.login(username);
    },
  };
  return client;
}

/** A register file as a commune exports it from Excel: BOM, Vietnamese headers, CRLF. */
export function registerCsv(tag: string, villageName: string, households: [string, string][]): string {
  const rows = households.map(([code, head], i) => `${i + 1},${tag}-${code},${villageName},${head},${head},"Xóm 1, ${villageName}",3,0912000${100 + i},`);
  return '\uFEFFSTT,Mã hộ,Thôn,Họ và tên chủ hộ,Người đại diện,Địa chỉ,Số nhân khẩu,Số điện thoại,Ghi chú\r\n' + rows.join('\r\n') + '\r\n';
}

/** A 1×1 PNG, as a phone's photo of the signed sheet would arrive (bytes, no file name). */
const SHEET_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

const HOUSEHOLDS: [string, string][] = [['0001', 'Nguyễn Văn An'], ['0002', 'Trần Thị Bình'], ['0003', 'Lê Văn Cường']];

/** A village with three households, imported through the API; returns its id. */
export async function villageWithHouseholds(c: Client, staff: string, tag: string): Promise<string> {
  const name = `Thôn Đông Sơn ${tag}`;
  const v = await c.call('POST', '/api/v1/villages', { cookie: staff, body: { code: `${tag}-DS`, name } });
  expect(v.status, v.text).toBe(201);
  const imported = await c.call('POST', '/api/v1/households/import', { cookie: staff, body: registerCsv(tag, name, HOUSEHOLDS), type: 'text/csv' });
  expect(imported.status, imported.text).toBe(200);
  expect(imported.json).toMatchObject({ created: 3, rejected: 0 });
  return v.json.id;
}

/** An open k6 decision with online and paper channels, with its serials. */
export async function openDecision(c: Client, staff: string, villageId: string, over: Record<string, unknown> = {}) {
  const created = await c.call('POST', '/api/v1/campaigns', {
    cookie: staff,
    body: {
      title: 'Lắp đèn chiếu sáng ngõ xóm', kind: 'decision', category: 'k6', villageIds: [villageId],
      channels: ['online', 'paper'], template: 'household-decision', onlineApproval: { note: 'Biên bản họp thôn' }, ...over,
    },
  });
  expect(created.status, created.text).toBe(201);
  expect(created.json.status).toBe('draft');
  const id: string = created.json.id;
  expect((await c.call('POST', `/api/v1/campaigns/${id}/serials`, { cookie: staff })).json).toMatchObject({ issued: 3 });
  const opened = await c.call('POST', `/api/v1/campaigns/${id}/open`, { cookie: staff });
  expect(opened.status, opened.text).toBe(200);
  const serials = await c.call('GET', `/api/v1/campaigns/${id}/serials?villageId=${villageId}`, { cookie: staff });
  expect(serials.status).toBe(200);
  return { id, slug: created.json.slug as string, serials: serials.json as { householdCode: string; serial: string }[] };
}

export interface ContractCase {
  group: string;
  name: string;
  run(send: Send): Promise<void>;
}

export const contractCases: ContractCase[] = [
  {
    group: 'Running',
    name: 'answers /healthz with 200 {"ok":true} once migrated',
    async run(send) {
      const r = await clientFor(send, 'health').call('GET', '/healthz');
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ ok: true });
    },
  },
  {
    group: 'Sessions',
    name: 'signs in and out, refuses a wrong password with 401, a missing session with 401 and a wrong role with 403',
    async run(send) {
      const c = clientFor(send, 's1');
      const admin = await c.login('admin', CONTRACT_ADMIN_PASSWORD);
      const me = await c.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: CONTRACT_ADMIN_PASSWORD } });
      expect(me.json.user).toMatchObject({ username: 'admin', role: 'admin', villageId: null });

      const wrong = await c.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'not-the-password' } });
      expect(wrong.status).toBe(401);
      expect(wrong.json.error.code).toBe('UNAUTHORIZED');
      expect(wrong.json.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');

      expect((await c.call('GET', '/api/v1/villages')).status).toBe(401);
      const inspector = await c.user('inspector', 'thanhtra');
      const forbidden = await c.call('POST', '/api/v1/villages', { cookie: inspector, body: { code: 'S1-X', name: 'Thôn X' } });
      expect(forbidden.status).toBe(403);
      expect(forbidden.json.error.code).toBe('FORBIDDEN');

      const headWithoutVillage = await c.call('POST', '/api/v1/users', { cookie: admin, body: { username: 's1-truong', password: 'password-123', role: 'village_head' } });
      expect(headWithoutVillage.status).toBe(422);

      expect((await c.call('POST', '/api/v1/auth/logout', { cookie: admin })).status).toBe(204);
      expect((await c.call('GET', '/api/v1/villages', { cookie: admin })).status).toBe(401);
    },
  },
  {
    group: 'Sessions',
    name: 'answers 429 RATE_LIMITED after ten wrong passwords for one username, counted across requests',
    async run(send) {
      const c = clientFor(send, 's2');
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push((await c.call('POST', '/api/v1/auth/login', { body: { username: 's2-nobody', password: `wrong-${i}-password` } })).status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses[10]).toBe(429);
    },
  },
  {
    group: 'Register',
    name: 'creates a village (409 on its code twice), imports households idempotently and finds them without diacritics',
    async run(send) {
      const c = clientFor(send, 'r1');
      const staff = await c.user('staff', 'canbo');
      const villageId = await villageWithHouseholds(c, staff, 'R1');
      const dup = await c.call('POST', '/api/v1/villages', { cookie: staff, body: { code: 'R1-DS', name: 'Thôn khác' } });
      expect(dup.status).toBe(409);
      expect(dup.json.error.code).toBe('CONFLICT');

      const again = await c.call('POST', '/api/v1/households/import', { cookie: staff, body: registerCsv('R1', 'Thôn Đông Sơn R1', HOUSEHOLDS), type: 'text/csv' });
      expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });

      const villages = await c.call('GET', '/api/v1/villages', { cookie: staff });
      expect(villages.json.find((v: any) => v.id === villageId)).toMatchObject({ code: 'R1-DS', name: 'Thôn Đông Sơn R1', households: 3 });

      const found = await c.call('GET', `/api/v1/households?villageId=${villageId}&q=${encodeURIComponent('nguyen van')}`, { cookie: staff });
      expect(found.status).toBe(200);
      expect(found.json.map((h: any) => h.code)).toEqual(['R1-0001']);
      expect(found.json[0]).toMatchObject({ head: 'Nguyễn Văn An', villageId, members: 3 });

      const head = await c.user('village_head', 'truong', villageId);
      const own = await c.call('GET', '/api/v1/households', { cookie: head });
      expect(own.json).toHaveLength(3);
      expect(new Set(own.json.map((h: any) => h.villageId))).toEqual(new Set([villageId]));
    },
  },
  {
    group: 'Campaigns',
    name: 'refuses online for k1 naming channels, opens a campaign once (409 the second time) and issues serials idempotently',
    async run(send) {
      const c = clientFor(send, 'c1');
      const staff = await c.user('staff', 'canbo');
      const villageId = await villageWithHouseholds(c, staff, 'C1');
      const k1Online = await c.call('POST', '/api/v1/campaigns', {
        cookie: staff,
        body: { title: 'Đóng góp làm đường', kind: 'decision', category: 'k1', villageIds: [villageId], channels: ['online'], template: 'household-decision' },
      });
      expect(k1Online.status).toBe(422);
      expect(k1Online.json.error.details.map((d: any) => d.path)).toContain('channels');

      const { id, serials } = await openDecision(c, staff, villageId);
      expect(serials.map((s) => s.householdCode).sort()).toEqual(['C1-0001', 'C1-0002', 'C1-0003']);
      expect(serials.every((s) => /^[0-9A-Z-]{11,}$/.test(s.serial))).toBe(true);
      const reopened = await c.call('POST', `/api/v1/campaigns/${id}/open`, { cookie: staff });
      expect(reopened.status).toBe(409);
      expect(reopened.json.error.code).toBe('INVALID_STATE');
      expect((await c.call('POST', `/api/v1/campaigns/${id}/serials`, { cookie: staff })).json).toMatchObject({ issued: 3 });
    },
  },
  {
    group: 'Campaigns',
    name: 'prints a village’s ballots as a PDF for staff',
    async run(send) {
      const c = clientFor(send, 'p1');
      const staff = await c.user('staff', 'canbo');
      const villageId = await villageWithHouseholds(c, staff, 'P1');
      const { id } = await openDecision(c, staff, villageId);
      const pdf = await c.call('GET', `/api/v1/campaigns/${id}/ballots.pdf?villageId=${villageId}&format=A4`, { cookie: staff });
      expect(pdf.status, pdf.text.slice(0, 300)).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');
      expect(new TextDecoder('latin1').decode(pdf.bytes.subarray(0, 5))).toBe('%PDF-');
      // A4: one page per household's ballot, set in the embedded Vietnamese font
      const body = new TextDecoder('latin1').decode(pdf.bytes);
      expect(body.match(/\/Type \/Page(?!s)/g)).toHaveLength(3);
      expect(body).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro/);
    },
  },
  {
    group: 'Ballots',
    name: 'takes one ballot per serial: 201 with a receipt, then 409 ALREADY_USED; 404 for an unknown serial; 422 for bad answers',
    async run(send) {
      const c = clientFor(send, 'b1');
      const staff = await c.user('staff', 'canbo');
      const villageId = await villageWithHouseholds(c, staff, 'B1');
      const { serials } = await openDecision(c, staff, villageId);
      const serial = serials[0]!.serial;
      const first = await c.call('POST', `/api/v1/ballots/${serial}`, { body: { answers: { decision: 'approve' } } });
      expect(first.status, first.text).toBe(201);
      expect(typeof first.json.receipt).toBe('string');
      const second = await c.call('POST', `/api/v1/ballots/${serial}`, { body: { answers: { decision: 'reject' } } });
      expect(second.status).toBe(409);
      expect(second.json.error.code).toBe('ALREADY_USED');

      const unknown = await c.call('POST', '/api/v1/ballots/0000000000-0', { body: { answers: { decision: 'approve' } } });
      expect(unknown.status).toBe(404);
      const bad = await c.call('POST', `/api/v1/ballots/${serials[1]!.serial}`, { body: { answers: { decision: 'maybe' } } });
      expect(bad.status).toBe(422);
      expect(bad.json.error.details.map((d: any) => d.path)).toEqual(['decision']);

      const page = await c.call('GET', `/b/${serials[1]!.serial}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
    },
  },
  {
    group: 'Ballots',
    name: 'counts a secret campaign’s sealed ballots, online and entered on paper, in the preview, after closing and once published',
    async run(send) {
      const c = clientFor(send, 'b2');
      const staff = await c.user('staff', 'canbo');
      const villageId = await villageWithHouseholds(c, staff, 'B2');
      const { id, serials } = await openDecision(c, staff, villageId, { secret: true });
      for (const s of serials.slice(0, 2)) expect((await c.call('POST', `/api/v1/ballots/${s.serial}`, { body: { answers: { decision: 'approve' } } })).status).toBe(201);
      const paper = await c.call('POST', `/api/v1/campaigns/${id}/paper-ballots/${serials[2]!.serial}`, { cookie: staff, body: { answers: { decision: 'reject' } } });
      expect(paper.status, paper.text).toBe(201);
      const online = async () => {
        const r = await c.call('GET', `/api/v1/campaigns/${id}/results`, { cookie: staff });
        expect(r.status, r.text).toBe(200);
        return r.json.villages[0].questions.decision.counts;
      };
      expect(await online()).toMatchObject({ approve: 2 });
      expect((await c.call('POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).status).toBe(200);
      expect(await online()).toMatchObject({ approve: 2 });
      const published = await c.call('POST', `/api/v1/campaigns/${id}/publish`, { cookie: staff });
      expect(published.status, published.text).toBe(200);
      expect(await online()).toMatchObject({ approve: 2 });
    },
  },
  {
    group: 'Tallies',
    name: 'registers a paper ballot once (409 if it voted online), takes a sheet with its photo and lets only another person confirm it',
    async run(send) {
      const c = clientFor(send, 't1');
      const staff = await c.user('staff', 'canbo');
      const villageId = await villageWithHouseholds(c, staff, 'T1');
      const { id, serials } = await openDecision(c, staff, villageId);
      const head = await c.user('village_head', 'truong', villageId);
      const inspector = await c.user('inspector', 'thanhtra');
      expect((await c.call('POST', `/api/v1/ballots/${serials[0]!.serial}`, { body: { answers: { decision: 'approve' } } })).status).toBe(201);

      const votedOnline = await c.call('POST', `/api/v1/campaigns/${id}/paper-ballots/${serials[0]!.serial}`, { cookie: head });
      expect(votedOnline.status).toBe(409);
      expect(votedOnline.json.error.code).toBe('ALREADY_USED');
      expect((await c.call('POST', `/api/v1/campaigns/${id}/paper-ballots/${serials[1]!.serial}`, { cookie: head })).status).toBe(201);
      expect((await c.call('POST', `/api/v1/campaigns/${id}/paper-ballots/${serials[1]!.serial}`, { cookie: head })).status).toBe(409);

      const impossible = await c.call('POST', `/api/v1/campaigns/${id}/tallies`, {
        cookie: head, body: { villageId, channel: 'paper', issued: 4, returned: 1, invalid: 0, counts: { decision: { approve: 1, reject: 0, other: 0 } } },
      });
      expect(impossible.status).toBe(422);
      const sheet = await c.call('POST', `/api/v1/campaigns/${id}/tallies`, {
        cookie: head,
        body: {
          villageId, channel: 'paper', issued: 2, returned: 1, invalid: 0, counts: { decision: { approve: 1, reject: 0, other: 0 } },
          board: ['Nguyễn Văn Ba', 'Lê Thị Tư', 'Phạm Văn Năm'], witnesses: ['Hoàng Văn Sáu', 'Đỗ Thị Bảy'],
        },
      });
      expect(sheet.status, sheet.text).toBe(201);
      expect(sheet.json.status).toBe('submitted');
      // the photo goes to the runtime's blob store (R2 on Workers) and comes back as a PNG
      const photo = await c.call('POST', `/api/v1/tallies/${sheet.json.id}/photos`, { cookie: head, body: SHEET_PNG, type: 'image/png' });
      expect(photo.status, photo.text).toBe(201);
      const stored = await c.call('GET', photo.json.url, { cookie: inspector });
      expect(stored.status).toBe(200);
      expect(stored.headers.get('content-type')).toBe('image/png');
      expect([...stored.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

      expect((await c.call('POST', `/api/v1/tallies/${sheet.json.id}/confirm`, { cookie: head })).status).toBe(403);
      const confirmed = await c.call('POST', `/api/v1/tallies/${sheet.json.id}/confirm`, { cookie: inspector });
      expect(confirmed.status, confirmed.text).toBe(200);
      expect(confirmed.json.status).toBe('confirmed');
    },
  },
  {
    group: 'Results',
    name: 'hides results from the public until published, then shows everyone the same numbers, also as CSV with a BOM',
    async run(send) {
      const c = clientFor(send, 'x1');
      const staff = await c.user('staff', 'canbo');
      const villageId = await villageWithHouseholds(c, staff, 'X1');
      const { id, serials } = await openDecision(c, staff, villageId);
      for (const [i, s] of serials.slice(0, 2).entries()) {
        expect((await c.call('POST', `/api/v1/ballots/${s.serial}`, { body: { answers: { decision: i === 0 ? 'approve' : 'reject' } } })).status).toBe(201);
      }
      expect((await c.call('GET', `/api/v1/campaigns/${id}/results`)).status).toBe(404);
      const preview = await c.call('GET', `/api/v1/campaigns/${id}/results`, { cookie: staff });
      expect(preview.status, preview.text).toBe(200);

      expect((await c.call('POST', `/api/v1/campaigns/${id}/close`, { cookie: staff })).json).toEqual({ status: 'closed' });
      const published = await c.call('POST', `/api/v1/campaigns/${id}/publish`, { cookie: staff, body: {} });
      expect(published.status, published.text).toBe(200);
      expect(published.json.status).toBe('published');

      const open = await c.call('GET', `/api/v1/campaigns/${id}/results`);
      expect(open.status, open.text).toBe(200);
      expect(open.json.campaign).toMatchObject({ id, kind: 'decision', category: 'k6', status: 'published' });
      const village = open.json.villages.find((v: any) => v.villageId === villageId);
      // "trên 50%" of 3 households (Đ21 k1): 2 approvals needed; one approved online.
      expect(village).toMatchObject({ code: 'X1-DS', households: 3, participated: 2 });
      expect(village.questions.decision).toMatchObject({ required: 2, passed: false });
      expect(village.questions.decision.counts).toMatchObject({ approve: 1, reject: 1 });
      expect(preview.json.villages).toEqual(open.json.villages);

      const csv = await c.call('GET', `/api/v1/campaigns/${id}/results.csv`);
      expect(csv.status).toBe(200);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.text).toContain('Thôn Đông Sơn X1');
    },
  },
  {
    group: 'Feedback',
    name: 'takes feedback from anyone with a tracking code, shows only its status at /g/:code, and the sender’s contact only to staff who handle it',
    async run(send) {
      const c = clientFor(send, 'f1');
      const staff = await c.user('staff', 'canbo');
      const villageId = await villageWithHouseholds(c, staff, 'F1');
      const sent = await c.call('POST', '/api/v1/feedback', {
        body: { villageId, topic: 'Giao thông', text: 'Đường liên thôn F1 có ổ gà lớn.', name: 'Trần Thị Liên Hệ', phone: '0912 888 999' },
      });
      expect(sent.status, sent.text).toBe(201);
      expect(sent.json.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{11}$/);
      const missing = await c.call('POST', '/api/v1/feedback', { body: { villageId, text: '' } });
      expect(missing.status).toBe(422);
      expect(missing.json.error.details[0].path).toBe('text');

      const page = await c.call('GET', `/g/${sent.json.code}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain('Đã tiếp nhận');
      for (const secret of ['Trần Thị Liên Hệ', '0912888999', '0912 888 999', 'ổ gà lớn']) expect(page.text).not.toContain(secret);
      expect((await c.call('GET', '/g/00000000000')).status).toBe(404);

      const list = await c.call('GET', '/api/v1/feedback', { cookie: staff });
      expect(list.status).toBe(200);
      const item = list.json.find((i: any) => i.text === 'Đường liên thôn F1 có ổ gà lớn.');
      expect(item).toMatchObject({ status: 'received', villageId, handles: true, contact: { name: 'Trần Thị Liên Hệ', phone: '0912888999' } });
      const inspector = await c.user('inspector', 'thanhtra');
      const seen = (await c.call('GET', '/api/v1/feedback', { cookie: inspector })).json.find((i: any) => i.id === item.id);
      expect(seen).toMatchObject({ status: 'received', contact: null, hasContact: true });
      expect((await c.call('GET', '/api/v1/feedback')).status).toBe(401);
    },
  },
];

/** The cases by docs/api.md section, in the order of the document. */
export function contractGroups(): [string, ContractCase[]][] {
  const groups = new Map<string, ContractCase[]>();
  for (const c of contractCases) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return [...groups];
}
