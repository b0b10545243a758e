// Issue 14, finding 6: the audit chain can be rewritten with write access to
// the database. The chain is unkeyed SHA-256 and the anchors published with
// results live in the same database, so the attack probe edited an entry and
// rehashed everything after it (here also turning the published results
// around and fixing every hash that covers them), and the chain verified as
// intact. Anchors kept outside the database catch it: the chain's entry
// printed (text and QR) on the results notice, and the signed anchor file the
// inspection board downloads, checked by `verify-audit --anchor` /
// `--anchor-file` and by GET /api/v1/audit/verify?anchor=.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { makeTestApp, addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';
import { pdfWorkspace, type PdfWorkspace } from '../support/pdf';
import { runCli, type CliIO } from '../../server/cli-commands';
import { canonicalEntry, GENESIS_HASH } from '../../server/domain/audit-chain';

const SECRET = 'test-secret-'.padEnd(40, 'x'); // makeTestApp's
let t: TestEnv;
let staff: string;
let board: string;
let campaignId: string;
let dir: string;
let pdf: PdfWorkspace;

beforeEach(async () => {
  t = await makeTestApp();
  dir = mkdtempSync(join(tmpdir(), 'danban-anchor-'));
  pdf = pdfWorkspace();
  const [v] = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 4 }]);
  await addUser(t, { username: 'canbo', role: 'staff' });
  await addUser(t, { username: 'thanhtra', role: 'inspector' });
  staff = await login(t, 'canbo');
  board = await login(t, 'thanhtra');
  ({ id: campaignId } = await createCampaign(t, staff, { title: 'Chọn ngày hội làng', kind: 'decision', category: 'k6', villageIds: [v!.id], channels: ['online'], onlineApproval: { note: 'Biên bản họp thôn: các hộ đồng ý biểu quyết trực tuyến' } }));
  const serials = await issueSerials(t, staff, campaignId);
  await openCampaign(t, staff, campaignId);
  for (const s of serials.slice(0, 3)) expect((await vote(t, s.serial, { decision: 'approve' })).status).toBe(201);
  expect((await api(t, 'POST', `/api/v1/campaigns/${campaignId}/close`, { cookie: staff })).status).toBe(200);
  expect((await api(t, 'POST', `/api/v1/campaigns/${campaignId}/publish`, { cookie: staff })).status).toBe(200);
});
afterEach(async () => {
  pdf.cleanup();
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The attack, as someone with write access to the database file does it: edit
 * the entry at `editSeq`, turn the published results around, and rehash the
 * chain from there, fixing the publication's hash, the hash its audit entry
 * names and the chain anchor stored in its snapshot, so that every check
 * inside the database passes.
 */
async function rewriteHistory(editSeq: number) {
  const db = t.deps.db;
  const entries = await db.selectFrom('audit_log').selectAll().where('commune_id', '=', t.communeId).orderBy('seq').execute();
  const rehashed = new Map<string, string>();
  let prev = GENESIS_HASH;
  for (const e of entries) {
    let data = e.data;
    if (e.seq === editSeq) data = JSON.stringify({ ...(JSON.parse(data) as object), note: 'đã sửa' });
    if (e.action === 'results.publish' || e.action === 'results.correct') {
      const { version } = JSON.parse(data) as { version: number };
      const p = await db.selectFrom('publications').selectAll().where('campaign_id', '=', e.entity_id).where('version', '=', version).executeTakeFirstOrThrow();
      const snap = JSON.parse(p.snapshot) as { auditAnchor?: { hash: string }; villages: { passed: boolean; questions: Record<string, { counts: Record<string, number> }> }[] };
      for (const village of snap.villages) {
        village.passed = !village.passed;
        const counts = village.questions.decision!.counts;
        [counts.approve, counts.reject] = [counts.reject ?? 0, counts.approve ?? 0];
      }
      if (snap.auditAnchor) snap.auditAnchor.hash = rehashed.get(snap.auditAnchor.hash) ?? snap.auditAnchor.hash;
      const text = JSON.stringify(snap);
      await db.updateTable('publications').set({ snapshot: text, hash: sha256(text) }).where('campaign_id', '=', p.campaign_id).where('version', '=', version).execute();
      data = JSON.stringify({ ...(JSON.parse(data) as object), hash: sha256(text) });
    }
    const entry = { communeId: e.commune_id, seq: e.seq, at: e.at, actor: e.actor, action: e.action, entity: e.entity, entityId: e.entity_id, data, prevHash: prev };
    const hash = sha256(canonicalEntry(entry));
    rehashed.set(e.hash, hash);
    await db.updateTable('audit_log').set({ data, prev_hash: prev, hash }).where('commune_id', '=', e.commune_id).where('seq', '=', e.seq).execute();
    prev = hash;
  }
}

/** The anchor printed on the results notice, as the board reads it back: text, and the QR code scanned. */
async function noticeAnchor(): Promise<{ text: string; qr: string }> {
  const res = await t.app.request(`/api/v1/campaigns/${campaignId}/results-notice.pdf`);
  expect(res.status).toBe(200);
  const file = pdf.save(new Uint8Array(await res.arrayBuffer()));
  const qr = pdf.scanQrCodes(file).find((q) => /^\d+:[0-9a-f]{64}$/.test(q));
  expect(qr, 'the notice carries the anchor as a QR code').toBeDefined();
  return { text: pdf.text(file).replace(/\s+/g, ' '), qr: qr! };
}

async function downloadAnchorFile(): Promise<string> {
  const res = await t.app.request('/api/v1/audit/anchor', { headers: { cookie: board } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="dau-nhat-ky-[A-Za-z0-9-]+-\d+\.json"$/);
  const path = join(dir, `anchor-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, await res.text());
  return path;
}

/** Runs the CLI against a copy of the database as it stands now. */
async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const path = join(dir, `copy-${Math.random().toString(36).slice(2)}.sqlite`);
  await sql`vacuum into ${path}`.execute(t.deps.db);
  const lines: string[] = [];
  const io: CliIO = { out: (l) => lines.push(l), err: (l) => lines.push(l) };
  const code = await runCli(args, { DANBAN_DB: path, DANBAN_SECRET: SECRET }, io);
  return { code, out: lines.join('\n') };
}

const verify = (anchors: string[] = []) =>
  api(t, 'GET', `/api/v1/audit/verify${anchors.length ? `?${anchors.map((a) => `anchor=${encodeURIComponent(a)}`).join('&')}` : ''}`, { cookie: board });

describe('anchors kept outside the database', () => {
  it('are printed on the published results notice (text and QR) and match the chain as it stands', async () => {
    const { text, qr } = await noticeAnchor();
    const [seq, hash] = qr.split(':') as [string, string];
    const entry = await t.deps.db.selectFrom('audit_log').selectAll().where('commune_id', '=', t.communeId).where('seq', '=', Number(seq)).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'results.publish', hash });
    expect(text).toContain(`mục số ${seq}`);
    expect(text).toContain(hash);
    const published = (await api(t, 'GET', `/api/v1/campaigns/${campaignId}/publications`)).json[0];
    expect(text).toContain(published.hash);
    expect((await verify([qr])).json).toEqual({ ok: true, entries: expect.any(Number), problems: [] });
    expect(await cli(['verify-audit', '--anchor', qr, '--anchor-file', await downloadAnchorFile()])).toMatchObject({ code: 0 });
  });

  it('catch an entry edited and the chain rehashed after it, which every check inside the database passes', async () => {
    const { qr } = await noticeAnchor();
    const file = await downloadAnchorFile();
    const before = (await api(t, 'GET', `/api/v1/campaigns/${campaignId}/results`)).json.villages[0].passed;

    await rewriteHistory(2);

    // the attack: the published results now say the opposite, and the chain inside the database agrees
    expect((await api(t, 'GET', `/api/v1/campaigns/${campaignId}/results`)).json.villages[0].passed).toBe(!before);
    expect((await verify()).json).toMatchObject({ ok: true, problems: [] });
    expect((await cli(['verify-audit'])).code).toBe(0);

    // the anchors kept outside do not match it
    const checked = await verify([qr]);
    expect(checked.json.ok).toBe(false);
    expect(checked.json.problems).toContainEqual({ seq: Number(qr.split(':')[0]), problem: 'outside_anchor_missing' });
    const byQr = await cli(['verify-audit', '--anchor', qr]);
    expect(byQr.code).toBe(1);
    expect(byQr.out).toContain('NOT in any chain');
    const byHashAlone = await cli(['verify-audit', '--anchor', qr.split(':')[1]!]);
    expect(byHashAlone.code).toBe(1);
    const byFile = await cli(['verify-audit', '--anchor-file', file]);
    expect(byFile.code).toBe(1);
    expect(byFile.out).toContain('outside_anchor_missing');
    // and the inspection board's page, given the QR code of the notice
    const page = await t.app.request(`/staff/audit?anchor=${encodeURIComponent(qr)}`, { headers: { cookie: board, accept: 'text/html' } });
    expect(await page.text()).toContain('dấu nhật ký giữ bên ngoài không còn trong nhật ký');
  });

  it('are checked on the inspection board’s page too, which names a mistyped one', async () => {
    const { qr } = await noticeAnchor();
    const held = await t.app.request(`/staff/audit?anchor=${encodeURIComponent(qr)}`, { headers: { cookie: board, accept: 'text/html' } });
    expect(held.status).toBe(200);
    expect(await held.text()).toContain('Nhật ký vẫn chứa các dấu đã nhập.');
    const typo = await t.app.request(`/staff/audit?anchor=${encodeURIComponent(qr.slice(0, -1))}`, { headers: { cookie: board, accept: 'text/html' } });
    expect(typo.status).toBe(422);
    expect(await typo.text()).toContain('mã băm 64 ký tự');
  });

  it('refuse an anchor file that was altered or signed under another secret', async () => {
    const file = await downloadAnchorFile();
    const { readFileSync } = await import('node:fs');
    const anchor = JSON.parse(readFileSync(file, 'utf8')) as { seq: number; hash: string };
    const head = await t.deps.db.selectFrom('audit_log').select(['seq', 'hash']).where('commune_id', '=', t.communeId).where('seq', '=', anchor.seq - 1).executeTakeFirstOrThrow();
    writeFileSync(file, JSON.stringify({ ...anchor, seq: head.seq, hash: head.hash }));
    const r = await cli(['verify-audit', '--anchor-file', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('signature is wrong');
  });

  it('are refused with 422 naming the anchor when they are not a hash', async () => {
    const r = await verify(['42:not-a-hash']);
    expect(r.status).toBe(422);
    expect(r.json.error.details).toEqual([expect.objectContaining({ path: 'anchor' })]);
  });
});

describe('each publication checked against its snapshot', () => {
  it('finds results edited in the snapshot, with or without their stored hash, when the chain was left as it was', async () => {
    const p = await t.deps.db.selectFrom('publications').selectAll().executeTakeFirstOrThrow();
    const entry = await t.deps.db.selectFrom('audit_log').select('seq').where('action', '=', 'results.publish').executeTakeFirstOrThrow();
    const turned = p.snapshot.replace('"passed":true', '"passed":false');
    expect(turned).not.toBe(p.snapshot);
    await t.deps.db.updateTable('publications').set({ snapshot: turned }).execute();
    const edited = await verify();
    expect(edited.json.ok).toBe(false);
    expect(edited.json.problems).toEqual([{ seq: entry.seq, problem: 'publication_mismatch', campaignId, version: 1 }]);
    await t.deps.db.updateTable('publications').set({ hash: sha256(turned) }).execute();
    expect((await verify()).json.problems).toEqual([{ seq: entry.seq, problem: 'publication_mismatch', campaignId, version: 1 }]);
    const cliRun = await cli(['verify-audit']);
    expect(cliRun.code).toBe(1);
    expect(cliRun.out).toContain('publication_mismatch');
  });
});
