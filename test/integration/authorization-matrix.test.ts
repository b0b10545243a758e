// Issue 8: the authorization matrix, generated from the app's own route
// table. Every route is listed in POLICY with the roles the design gives it;
// a route missing from POLICY fails the test, so no route ships unclassified.
// Each route × each role gets exactly what the policy says: no session → 401
// (or the sign-in redirect for pages), a role not allowed → 403, another
// village's head on a village route → 403, and an allowed role is never
// refused for who it is (whatever the route then says about the request).
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages, type SeededVillage } from '../support/register';
import { createCampaign, openCampaign, issueSerials } from '../support/campaigns';

type Role = 'admin' | 'staff' | 'inspector' | 'village_head' | 'village_head_other';
const ROLES: Role[] = ['admin', 'staff', 'inspector', 'village_head', 'village_head_other'];
const OFFICE: Role[] = ['admin', 'staff'];
const READERS: Role[] = ['admin', 'staff', 'inspector', 'village_head', 'village_head_other'];
const CONFIRMERS: Role[] = ['admin', 'staff', 'inspector'];
const TALLY_WRITERS: Role[] = ['admin', 'staff', 'village_head', 'village_head_other'];

interface Policy {
  /** 'public' needs no session; otherwise the roles allowed */
  allow: 'public' | Role[];
  /** the request names the first village: its head may, the other village's head gets 403 */
  village?: boolean;
}

// What the design gives each route (docs/api.md, docs/design.md §1 roles).
const POLICY: Record<string, Policy> = {
  'GET /static/:file': { allow: 'public' },
  'GET /favicon.ico': { allow: 'public' },
  'GET /robots.txt': { allow: 'public' },
  'GET /healthz': { allow: 'public' },
  'POST /api/v1/auth/login': { allow: 'public' },
  'POST /api/v1/auth/logout': { allow: 'public' },
  'GET /api/v1/me': { allow: READERS },
  'POST /api/v1/users': { allow: ['admin'] },
  'GET /api/v1/users': { allow: ['admin'] },
  'PATCH /api/v1/users/:id': { allow: ['admin'] },
  'POST /api/v1/communes': { allow: [] },
  'GET /api/v1/communes': { allow: [] },
  'GET /api/v1/audit/verify': { allow: CONFIRMERS },
  'GET /api/v1/audit/anchor': { allow: CONFIRMERS },
  'POST /api/v1/villages': { allow: OFFICE },
  'GET /api/v1/villages': { allow: READERS },
  'POST /api/v1/households/import': { allow: OFFICE },
  'GET /api/v1/households': { allow: READERS, village: true },
  'GET /api/v1/households/export.csv': { allow: READERS, village: true },
  'GET /api/v1/households/export.xlsx': { allow: READERS, village: true },
  'GET /api/v1/households/:code': { allow: READERS, village: true },
  'PATCH /api/v1/households/:code': { allow: OFFICE },
  'GET /api/v1/households/:code/history': { allow: READERS, village: true },
  'POST /api/v1/campaigns': { allow: OFFICE },
  'GET /api/v1/campaigns': { allow: READERS },
  'GET /api/v1/campaigns/:id': { allow: READERS },
  'PUT /api/v1/campaigns/:id': { allow: OFFICE },
  'PUT /api/v1/campaigns/:id/villages/:villageId/online-approval': { allow: OFFICE },
  'POST /api/v1/campaigns/:id/open': { allow: OFFICE },
  'POST /api/v1/campaigns/:id/close': { allow: OFFICE },
  'POST /api/v1/campaigns/:id/serials': { allow: OFFICE },
  'GET /api/v1/campaigns/:id/serials': { allow: OFFICE },
  'POST /api/v1/campaigns/:id/serials/:householdCode/reprint': { allow: OFFICE },
  'POST /api/v1/ballots/:serial': { allow: 'public' },
  'GET /api/v1/receipts/:receipt': { allow: 'public' },
  'POST /api/v1/campaigns/:id/tallies': { allow: TALLY_WRITERS, village: true },
  'GET /api/v1/campaigns/:id/tallies': { allow: READERS },
  'POST /api/v1/tallies/:id/confirm': { allow: CONFIRMERS },
  'POST /api/v1/tallies/:id/corrections': { allow: TALLY_WRITERS, village: true },
  'POST /api/v1/tallies/:id/photos': { allow: TALLY_WRITERS, village: true },
  'GET /api/v1/tally-photos/:photoId': { allow: READERS },
  'POST /api/v1/campaigns/:id/paper-ballots/:serial': { allow: TALLY_WRITERS, village: true },
  'GET /api/v1/campaigns/:id/paper-ballots': { allow: READERS },
  // results: public once published (before, 404 to the public: visibility, tested in results tests)
  'GET /api/v1/campaigns/:id/results': { allow: 'public' },
  'GET /api/v1/campaigns/:id/results.json': { allow: 'public' },
  'GET /api/v1/campaigns/:id/results.csv': { allow: 'public' },
  'GET /api/v1/campaigns/:id/results.xlsx': { allow: 'public' },
  'GET /api/v1/campaigns/:id/results-notice.pdf': { allow: 'public' },
  'GET /api/v1/campaigns/:id/publications': { allow: 'public' },
  'POST /api/v1/campaigns/:id/publish': { allow: OFFICE },
  'POST /api/v1/campaigns/:id/themes': { allow: OFFICE },
  'PUT /api/v1/themes/:id': { allow: OFFICE },
  'POST /api/v1/themes/:id/opinions': { allow: OFFICE },
  'GET /api/v1/campaigns/:id/ballots.pdf': { allow: OFFICE },
  'GET /api/v1/campaigns/:id/forms/:file': { allow: OFFICE },
  'GET /api/v1/campaigns/:id/poster.pdf': { allow: OFFICE },
  'GET /login': { allow: 'public' },
  'POST /login': { allow: 'public' },
  'POST /logout': { allow: 'public' },
  'GET /staff/accounts': { allow: ['admin'] },
  'POST /staff/accounts': { allow: ['admin'] },
  'POST /staff/accounts/:id': { allow: ['admin'] },
  'GET /staff/audit': { allow: CONFIRMERS },
  'GET /staff/villages': { allow: READERS },
  'POST /staff/villages': { allow: OFFICE },
  'GET /staff/households': { allow: READERS },
  'GET /staff/households/:code': { allow: READERS, village: true },
  'POST /staff/households/:code': { allow: OFFICE },
  'GET /staff/import': { allow: OFFICE },
  'POST /staff/import': { allow: OFFICE },
  'GET /lang': { allow: 'public' },
  'GET /staff': { allow: READERS },
  'GET /staff/campaigns': { allow: READERS },
  'GET /staff/campaigns/new': { allow: OFFICE },
  'POST /staff/campaigns/new': { allow: OFFICE },
  'GET /staff/campaigns/:id': { allow: READERS },
  'GET /staff/campaigns/:id/not-returned': { allow: READERS },
  'GET /staff/campaigns/:id/edit': { allow: OFFICE },
  'POST /staff/campaigns/:id/edit': { allow: OFFICE },
  'POST /staff/campaigns/:id/open': { allow: OFFICE },
  'POST /staff/campaigns/:id/close': { allow: OFFICE },
  'POST /staff/campaigns/:id/serials': { allow: OFFICE },
  'GET /staff/campaigns/:id/kiosk': { allow: OFFICE },
  'POST /staff/campaigns/:id/kiosk': { allow: OFFICE },
  'GET /staff/print': { allow: OFFICE },
  'POST /staff/print/reprint': { allow: OFFICE },
  'GET /': { allow: 'public' },
  'GET /x/:slug': { allow: 'public' },
  'GET /r/:slug': { allow: 'public' },
  'GET /r/:slug/qr.svg': { allow: 'public' },
  'GET /r/:slug/photos/:photoId': { allow: 'public' },
  'GET /staff/campaigns/:id/results': { allow: CONFIRMERS },
  'GET /staff/campaigns/:id/photos/:photoId': { allow: CONFIRMERS },
  'GET /staff/campaigns/:id/themes': { allow: OFFICE },
  'POST /staff/campaigns/:id/themes': { allow: OFFICE },
  'POST /staff/campaigns/:id/themes/group': { allow: OFFICE },
  'POST /staff/campaigns/:id/themes/:themeId': { allow: OFFICE },
  'POST /staff/campaigns/:id/publish': { allow: OFFICE },
  'GET /b': { allow: 'public' },
  'POST /b': { allow: 'public' },
  'GET /b/:serial': { allow: 'public' },
  'POST /b/:serial': { allow: 'public' },
  'GET /verify': { allow: 'public' },
  'GET /receipt/:code': { allow: 'public' },
  'GET /s/:slug/thanks': { allow: 'public' },
  'GET /s/:slug': { allow: 'public' },
  'POST /s/:slug': { allow: 'public' },
  'GET /staff/tallies': { allow: READERS },
  'GET /staff/tallies/:campaignId/new': { allow: TALLY_WRITERS },
  'POST /staff/tallies/:campaignId/new': { allow: TALLY_WRITERS, village: true },
  'GET /staff/tallies/:campaignId/:villageId': { allow: READERS, village: true },
  'POST /staff/tally-sheets/:id/confirm': { allow: CONFIRMERS },
  'POST /staff/tally-sheets/:id/photos': { allow: TALLY_WRITERS, village: true },
  'GET /staff/paper-ballots/:campaignId': { allow: TALLY_WRITERS },
  'POST /staff/paper-ballots/:campaignId': { allow: TALLY_WRITERS, village: true },
  'GET /staff/paper-ballots/:campaignId/ballot': { allow: TALLY_WRITERS },
  'POST /staff/paper-ballots/:campaignId/ballot': { allow: TALLY_WRITERS, village: true },
  // Feedback (issue 18). The item under test was entered by the first village's head: the
  // office handles it while nobody in particular has it, the head because they took it in.
  'POST /api/v1/feedback': { allow: 'public' },
  'GET /api/v1/feedback': { allow: READERS },
  'POST /api/v1/feedback/paper': { allow: TALLY_WRITERS, village: true },
  'GET /api/v1/feedback/settings': { allow: READERS },
  'PUT /api/v1/feedback/settings': { allow: ['admin'] },
  'POST /api/v1/feedback/retention': { allow: ['admin'] },
  'GET /api/v1/feedback/poster.pdf': { allow: OFFICE },
  'GET /api/v1/feedback/:id': { allow: READERS, village: true },
  'POST /api/v1/feedback/:id/assign': { allow: OFFICE },
  // the Ban TTND answers only what it was given (tested in feedback.test.ts); this item is the office's
  'POST /api/v1/feedback/:id/answer': { allow: OFFICE },
  'POST /api/v1/feedback/:id/publication': { allow: OFFICE },
  'GET /api/v1/dialogues': { allow: READERS },
  'POST /api/v1/dialogues': { allow: OFFICE },
  'GET /api/v1/dialogues/:id': { allow: READERS },
  'GET /api/v1/dialogues/:id/agenda.pdf': { allow: OFFICE },
  'POST /api/v1/dialogues/:id/groups': { allow: OFFICE },
  'POST /api/v1/dialogues/:id/questions': { allow: TALLY_WRITERS, village: true },
  'POST /api/v1/dialogues/:id/questions/:questionId': { allow: OFFICE },
  'POST /api/v1/dialogues/:id/minutes': { allow: OFFICE },
  'POST /api/v1/dialogues/:id/publish': { allow: OFFICE },
  'GET /api/v1/campaigns/:id/outreach': { allow: READERS },
  'POST /api/v1/campaigns/:id/outreach': { allow: TALLY_WRITERS, village: true },
  // recognition: public once published (before, 404 to the public: tested in recognition tests)
  'GET /api/v1/campaigns/:id/recognition': { allow: 'public' },
  'POST /api/v1/campaigns/:id/recognition': { allow: OFFICE },
  'GET /api/v1/campaigns/:id/election': { allow: CONFIRMERS },
  'POST /api/v1/campaigns/:id/candidates/:candidateId/attestations': { allow: OFFICE },
  'PUT /api/v1/campaigns/:id/election-team': { allow: OFFICE },
  'GET /staff/campaigns/:id/recognition': { allow: CONFIRMERS },
  'POST /staff/campaigns/:id/recognition': { allow: OFFICE },
  'GET /staff/campaigns/:id/recognition/:version': { allow: CONFIRMERS },
  'GET /r/:slug/recognition/:version': { allow: 'public' },
  'GET /staff/campaigns/:id/election': { allow: CONFIRMERS },
  'POST /staff/campaigns/:id/election/attest': { allow: OFFICE },
  'POST /staff/campaigns/:id/election/team': { allow: OFFICE },
  'GET /api/v1/scorecard': { allow: CONFIRMERS },
  'GET /api/v1/scorecard.pdf': { allow: CONFIRMERS },
  'GET /gop-y': { allow: 'public' },
  'GET /gop-y/:slug': { allow: 'public' },
  'POST /gop-y/:slug': { allow: 'public' },
  'GET /g': { allow: 'public' },
  'GET /g/:code': { allow: 'public' },
  'GET /g/:code/du-lieu': { allow: 'public' },
  'POST /g/:code/du-lieu': { allow: 'public' },
  'POST /g/:code/xoa': { allow: 'public' },
  'GET /x/:slug/gop-y': { allow: 'public' },
  'GET /x/:slug/doi-thoai/:id': { allow: 'public' },
  'GET /staff/feedback': { allow: READERS },
  'GET /staff/feedback/new': { allow: TALLY_WRITERS },
  'POST /staff/feedback/new': { allow: TALLY_WRITERS, village: true },
  'GET /staff/feedback/settings': { allow: OFFICE },
  'POST /staff/feedback/settings': { allow: ['admin'] },
  'POST /staff/feedback/retention': { allow: ['admin'] },
  'GET /staff/feedback/:id': { allow: READERS, village: true },
  'GET /staff/feedback/:id/photo': { allow: TALLY_WRITERS, village: true },
  'POST /staff/feedback/:id/assign': { allow: OFFICE },
  'POST /staff/feedback/:id/answer': { allow: OFFICE },
  'POST /staff/feedback/:id/publication': { allow: OFFICE },
  'GET /staff/dialogues': { allow: READERS },
  'POST /staff/dialogues': { allow: OFFICE },
  'GET /staff/dialogues/:id': { allow: READERS },
  'POST /staff/dialogues/:id/groups': { allow: OFFICE },
  'POST /staff/dialogues/:id/questions': { allow: TALLY_WRITERS, village: true },
  'POST /staff/dialogues/:id/questions/:questionId': { allow: OFFICE },
  'POST /staff/dialogues/:id/minutes': { allow: OFFICE },
  'POST /staff/dialogues/:id/publish': { allow: OFFICE },
  'GET /staff/campaigns/:id/outreach': { allow: READERS },
  'POST /staff/campaigns/:id/outreach': { allow: TALLY_WRITERS, village: true },
  'GET /staff/outreach-photos/:photoId': { allow: READERS },
  'GET /staff/scorecard': { allow: CONFIRMERS },
  'GET /api/v1/calendar': { allow: READERS },
  'PUT /api/v1/calendar': { allow: OFFICE },
  'GET /api/v1/timeline/due': { allow: READERS },
  'GET /api/v1/campaigns/:id/timeline': { allow: READERS },
  'POST /api/v1/campaigns/:id/timeline': { allow: OFFICE },
  'GET /staff/calendar': { allow: READERS },
  'POST /staff/calendar': { allow: OFFICE },
  'POST /staff/campaigns/:id/timeline': { allow: OFFICE },
  // the records after the count (issue 13): office work, the consenting households are personal data
  'GET /api/v1/campaigns/:id/online-records': { allow: OFFICE },
  'POST /api/v1/campaigns/:id/online-records': { allow: OFFICE },
  'GET /api/v1/campaigns/:id/online-record.pdf': { allow: OFFICE },
  'GET /api/v1/campaigns/:id/hdnd-report.pdf': { allow: OFFICE },
  'GET /api/v1/initiatives': { allow: OFFICE },
  'POST /api/v1/initiatives': { allow: OFFICE },
  'GET /api/v1/initiatives/:id': { allow: OFFICE },
  'POST /api/v1/initiatives/:id/consents': { allow: OFFICE },
  'POST /api/v1/initiatives/:id/campaign': { allow: OFFICE },
  'GET /staff/campaigns/:id/online-records': { allow: OFFICE },
  'POST /staff/campaigns/:id/online-records': { allow: OFFICE },
  'GET /staff/initiatives': { allow: OFFICE },
  'POST /staff/initiatives': { allow: OFFICE },
  'GET /staff/initiatives/:id': { allow: OFFICE },
  'POST /staff/initiatives/:id/consents': { allow: OFFICE },
  'POST /staff/initiatives/:id/campaign': { allow: OFFICE },
};

// A 1×1 PNG: photo uploads are checked for being images before anything else.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64'));

let t: TestEnv;
let villages: SeededVillage[];
const cookies = {} as Record<Role, string>;
let params: Record<string, string>;
let bodies: Record<string, unknown>;

beforeAll(async () => {
  t = await makeTestApp();
  villages = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 6 }, { code: 'TH', name: 'Thôn Trung Hà', households: 4 }]);
  await addUser(t, { username: 'quantri', role: 'admin' });
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  await addUser(t, { username: 'truongthon.ds', role: 'village_head', villageId: villages[0]!.id });
  await addUser(t, { username: 'truongthon.th', role: 'village_head', villageId: villages[1]!.id });
  const names: Record<Role, string> = { admin: 'quantri', staff: 'canbo', inspector: 'thanhtra', village_head: 'truongthon.ds', village_head_other: 'truongthon.th' };
  for (const r of ROLES) cookies[r] = await login(t, names[r]);

  const { id, slug } = await createCampaign(t, cookies.staff, {
    title: 'Làm đường bê tông', kind: 'decision', category: 'k1', villageIds: villages.map((v) => v.id), channels: ['paper', 'meeting'],
  });
  const serials = await issueSerials(t, cookies.staff, id);
  await openCampaign(t, cookies.staff, id);
  const dsSerial = serials.find((s) => s.villageId === villages[0]!.id)!.serial;
  // entered by the village's head, so every confirming role is a second person
  const tally = await api(t, 'POST', `/api/v1/campaigns/${id}/tallies`, {
    cookie: cookies.village_head,
    body: { villageId: villages[0]!.id, channel: 'meeting', present: 5, counts: { decision: { approve: 4, reject: 1, other: 0 } }, board: ['A', 'B', 'C'], witnesses: ['D', 'E'] },
  });
  const users = await api(t, 'GET', '/api/v1/users', { cookie: cookies.admin });
  // feedback entered by the first village's head, with the sender's contact; a dialogue conference with a question
  const item = await api(t, 'POST', '/api/v1/feedback/paper', {
    cookie: cookies.village_head, body: { channel: 'paper', kind: 'kien_nghi', text: 'Thư kiến nghị sửa cầu', name: 'Người Gửi Thư', phone: '0912000111', consent: true },
  });
  const tracked = await api(t, 'POST', '/api/v1/feedback', { body: { villageId: villages[0]!.id, text: 'Góp ý trực tuyến' } });
  const dialogue = await api(t, 'POST', '/api/v1/dialogues', { cookie: cookies.staff, body: { title: 'Hội nghị đối thoại 2026', heldAt: '2026-12-20T08:00:00+07:00', place: 'Hội trường', chair: 'Chủ tịch UBND xã' } });
  const initiative = await api(t, 'POST', '/api/v1/initiatives', { cookie: cookies.staff, body: { matter: 'Sân bóng chuyền', scope: 'village', villageId: villages[0]!.id } });
  const question = await api(t, 'POST', `/api/v1/dialogues/${dialogue.json?.id}/questions`, { cookie: cookies.staff, body: { source: 'paper', text: 'Câu hỏi gửi trước' } });
  params = {
    id, campaignId: id, slug, serial: dsSerial, householdCode: 'DS-0001', code: 'DS-0001', villageId: villages[0]!.id,
    receipt: 'AAAAAAAAAA', photoId: 'no-such-photo', file: 'mau-01.pdf',
    // routes whose :id is not a campaign
    'tallies/:id': tally.json?.id ?? 'no-such-tally', 'tally-sheets/:id': tally.json?.id ?? 'no-such-tally',
    'users/:id': users.json?.[0]?.id ?? 'no-such-user', 'accounts/:id': users.json?.[0]?.id ?? 'no-such-user', 'themes/:id': 'no-such-theme',
    'feedback/:id': item.json?.id ?? 'no-such-item', 'dialogues/:id': dialogue.json?.id ?? 'no-such-dialogue', questionId: question.json?.id ?? 'no-such-question',
    'initiatives/:id': initiative.json?.initiative?.id ?? 'no-such-initiative',
    'g/:code': tracked.json?.code ?? 'ABCDEFGHJK0', 'gop-y/:slug': 'xa-viet-khe', 'x/:slug': 'xa-viet-khe',
  };
  const dsTally = { villageId: villages[0]!.id, channel: 'meeting', present: 5, counts: { decision: { approve: 3, reject: 2, other: 0 } }, board: ['A', 'B', 'C'], witnesses: ['D', 'E'], reason: 'Sửa số liệu' };
  bodies = {
    'POST /api/v1/campaigns/:id/tallies': dsTally,
    'POST /api/v1/tallies/:id/corrections': dsTally,
    'POST /staff/tallies/:campaignId/new': new URLSearchParams({ villageId: villages[0]!.id, channel: 'meeting', present: '5' }).toString(),
    'POST /staff/paper-ballots/:campaignId': new URLSearchParams({ serial: dsSerial }).toString(),
    'POST /staff/paper-ballots/:campaignId/ballot': new URLSearchParams({ serial: dsSerial }).toString(),
    'POST /api/v1/feedback': { villageId: villages[0]!.id, text: 'Góp ý của người dân' },
    'POST /api/v1/feedback/paper': { channel: 'paper', villageId: villages[0]!.id, text: 'Thư góp ý' },
    'PUT /api/v1/feedback/settings': { topics: ['Giao thông', 'Khác'], departments: ['Văn phòng'], retentionDays: 365 },
    'POST /api/v1/feedback/:id/assign': { assignee: 'department', department: 'Văn phòng' },
    'POST /api/v1/feedback/:id/answer': { answer: 'Xã đã sửa cầu.' },
    'POST /api/v1/feedback/:id/publication': { publish: false },
    'POST /api/v1/dialogues': { title: 'Hội nghị', heldAt: '2026-12-21T08:00:00+07:00', place: 'Hội trường', chair: 'Chủ tịch' },
    'POST /api/v1/dialogues/:id/groups': { title: 'Đất đai' },
    'POST /api/v1/dialogues/:id/questions': { source: 'village_meeting', villageId: villages[0]!.id, text: 'Câu hỏi họp thôn' },
    'POST /api/v1/dialogues/:id/questions/:questionId': { answer: 'Trả lời tại hội nghị' },
    'POST /api/v1/dialogues/:id/minutes': { minutes: 'Biên bản' },
    'POST /api/v1/campaigns/:id/outreach': { villageId: villages[0]!.id, kind: 'zalo', doneOn: '2026-11-25' },
    'POST /gop-y/:slug': new URLSearchParams({ kind: 'gop_y', villageId: villages[0]!.id, text: 'Góp ý từ biểu mẫu' }).toString(),
    'POST /g/:code/du-lieu': new URLSearchParams({ phoneTail: '' }).toString(),
    'POST /g/:code/xoa': new URLSearchParams({ phoneTail: '' }).toString(),
    'POST /staff/feedback/new': new URLSearchParams({ channel: 'paper', kind: 'gop_y', villageId: villages[0]!.id, text: 'Thư' }).toString(),
    'POST /staff/feedback/settings': new URLSearchParams({ topics: 'Giao thông', departments: 'Văn phòng', retentionDays: '365' }).toString(),
    'POST /staff/feedback/:id/assign': new URLSearchParams({ assignee: 'department', department: 'Văn phòng' }).toString(),
    'POST /staff/feedback/:id/answer': new URLSearchParams({ answer: 'Đã trả lời' }).toString(),
    'POST /staff/feedback/:id/publication': new URLSearchParams({ publish: '0' }).toString(),
    'POST /staff/dialogues': new URLSearchParams({ title: 'Hội nghị', heldAt: '2026-12-22T08:00', place: 'Hội trường', chair: 'Chủ tịch' }).toString(),
    'POST /staff/dialogues/:id/groups': new URLSearchParams({ title: 'Y tế' }).toString(),
    'POST /staff/dialogues/:id/questions': new URLSearchParams({ source: 'village_meeting', villageId: villages[0]!.id, text: 'Câu hỏi' }).toString(),
    'POST /staff/dialogues/:id/questions/:questionId': new URLSearchParams({ answer: 'Trả lời' }).toString(),
    'POST /staff/dialogues/:id/minutes': new URLSearchParams({ minutes: 'Biên bản' }).toString(),
    'POST /staff/campaigns/:id/outreach': new URLSearchParams({ villageId: villages[0]!.id, kind: 'loudspeaker', doneOn: '2026-11-25' }).toString(),
    'PUT /api/v1/calendar': { adjustments: [{ date: '2026-12-31', kind: 'day_off', reason: 'Nghỉ theo thông báo' }], enabledHolidays: [] },
    'POST /api/v1/campaigns/:id/timeline': { fact: 'notice_sent', doneOn: '2026-11-25' },
    'POST /staff/calendar': new URLSearchParams({ adjustments: '31/12/2026; nghỉ; Nghỉ theo thông báo' }).toString(),
    'POST /staff/campaigns/:id/timeline': new URLSearchParams({ fact: 'notice_sent', doneOn: '2026-11-25' }).toString(),
  };
}, 60_000);
afterAll(() => t.close());

function fill(path: string): string {
  return path.replace(/\/(\w[\w-]*)\/:(\w+)/g, (m, seg: string, name: string) => `/${seg}/${encodeURIComponent(params[`${seg}/:${name}`] ?? params[name] ?? 'x')}`)
    .replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? 'x'));
}

async function call(route: string, cookie?: string) {
  const isPhoto = route.endsWith('/photos');
  const [method, path] = route.split(' ') as [string, string];
  const namesVillage = route === 'GET /api/v1/households' || route.startsWith('GET /api/v1/households/export');
  const url = fill(path) + (namesVillage ? `?villageId=${villages[0]!.id}` : '');
  let body = bodies[route];
  if (route === 'POST /login') {
    // the sign-in form's double-submit token comes with the form
    const page = await t.app.request('/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    cookie = page.headers.get('set-cookie')?.split(';')[0];
    body = new URLSearchParams({ _csrf: token, username: 'canbo', password: 'password123' }).toString();
  }
  const form = typeof body === 'string';
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (method !== 'GET') headers['content-type'] = isPhoto ? 'image/png' : form ? 'application/x-www-form-urlencoded' : 'application/json';
  const payload = method === 'GET' ? undefined : isPhoto ? PNG : form ? body : JSON.stringify(body ?? {});
  const res = await t.app.request(url, { method, headers, body: payload as BodyInit });
  const text = await res.text();
  let code: string | undefined;
  try { code = JSON.parse(text).error?.code; } catch { /* a page */ }
  return { status: res.status, code, location: res.headers.get('location') ?? '' };
}

const refusedForRole = (r: { status: number; code?: string }) => r.status === 403 && (r.code === undefined || r.code === 'FORBIDDEN');
const askedToSignIn = (r: { status: number; location: string }) => r.status === 401 || (r.status === 303 && r.location.startsWith('/login'));

describe('authorization matrix', () => {
  it('classifies every route the app serves', () => {
    const served = new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    const unclassified = [...served].filter((r) => !POLICY[r]);
    expect(unclassified).toEqual([]);
  });

  it('gives every route × role exactly the access the design says', async () => {
    const wrong: string[] = [];
    const routes = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))]
      .filter((r) => !r.includes('/logout'));
    for (const route of routes) {
      const policy = POLICY[route]!;
      const anon = await call(route);
      if (policy.allow === 'public') {
        if (askedToSignIn(anon) || refusedForRole(anon) || anon.status >= 500) wrong.push(`${route} (no session): ${anon.status}`);
      } else if (!askedToSignIn(anon)) wrong.push(`${route} (no session): ${anon.status}, expected 401`);
      for (const role of ROLES) {
        const r = await call(route, cookies[role]);
        const allowed = policy.allow === 'public' || (policy.allow.includes(role) && !(policy.village && role === 'village_head_other'));
        if (r.status >= 500) wrong.push(`${route} as ${role}: ${r.status}`);
        else if (allowed && (refusedForRole(r) || askedToSignIn(r))) wrong.push(`${route} as ${role}: ${r.status} ${r.code ?? ''}, expected access`);
        else if (!allowed && !refusedForRole(r)) wrong.push(`${route} as ${role}: ${r.status} ${r.code ?? ''}, expected 403`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
