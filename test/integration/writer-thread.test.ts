// The Node runtime as it runs in production: a file database with its
// writes on a thread of their own. The rules that live in the database
// (one ballot per serial, lost races undone, the audit chain) hold across
// the thread boundary as they do on one connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeRuntime, type NodeRuntime } from '../../server/runtime/node';
import { loadConfig } from '../../server/config';
import { bootstrap } from '../../server/services/bootstrap';
import { createApp } from '../../server/app';
import { addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';

let dir: string;
let runtime: NodeRuntime;
let t: TestEnv;
let staff: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'danban-writer-'));
  const dbPath = join(dir, 'danban.sqlite');
  runtime = createNodeRuntime({ dbPath, writerThread: true });
  const config = loadConfig({ DANBAN_DB: dbPath, DANBAN_SECRET: 'writer-thread-secret-'.padEnd(40, 'w') });
  const { deps } = await bootstrap(runtime, config);
  const communeId = (await deps.db.selectFrom('communes').select('id').executeTakeFirstOrThrow()).id;
  t = {
    app: createApp(deps), deps, communeId, otherCommuneId: 'none',
    clock: { now: new Date(), set() {}, advance() {} }, close: () => runtime.database.close(),
  };
  await addUser(t, { username: 'canbo', role: 'staff' });
  staff = await login(t, 'canbo');
});
afterAll(async () => {
  await runtime.database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('writes on their own thread', () => {
  it('store exactly one of 50 simultaneous ballots on one serial', async () => {
    const [v] = await seedVillages(t, [{ code: 'DS', name: 'Thôn Đông Sơn', households: 5 }]);
    const { id } = await createCampaign(t, staff, { title: 'Hội làng', kind: 'decision', category: 'k6', villageIds: [v!.id], channels: ['online'] });
    const serials = await issueSerials(t, staff, id);
    await openCampaign(t, staff, id);
    const results = await Promise.all(Array.from({ length: 50 }, () => vote(t, serials[0]!.serial, { decision: 'approve' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    const again = await vote(t, serials[0]!.serial, { decision: 'reject' });
    expect(again.json.error.code).toBe('ALREADY_USED');
  });

  it('undo a lost race with its audit entry, and keep the audit chain whole under concurrent writes', async () => {
    const [v] = await seedVillages(t, [{ code: 'TH', name: 'Thôn Trung Hà', households: 3 }]);
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      createCampaign(t, staff, { title: `Đợt ${i}`, kind: 'decision', category: 'k6', villageIds: [v!.id], channels: ['online'] }).then((c) => c.id)));
    const opens = await Promise.all(ids.flatMap((id) => [1, 2].map(() => api(t, 'POST', `/api/v1/campaigns/${id}/open`, { cookie: staff }))));
    expect(opens.filter((r) => r.status === 200)).toHaveLength(10);
    expect(opens.filter((r) => r.status === 409)).toHaveLength(10);
    const verify = await api(t, 'GET', '/api/v1/audit/verify', { cookie: staff });
    expect(verify.json).toMatchObject({ ok: true, problems: [] });
    const logged = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'campaign.open').where('entity_id', 'in', ids).execute();
    expect(logged).toHaveLength(10);
  });

  it('map a duplicate to the same 409 CONFLICT as on one connection', async () => {
    expect((await api(t, 'POST', '/api/v1/villages', { cookie: staff, body: { code: 'BL', name: 'Thôn Bắc Lưu' } })).status).toBe(201);
    const dup = await api(t, 'POST', '/api/v1/villages', { cookie: staff, body: { code: 'BL', name: 'Thôn Bắc Lưu 2' } });
    expect(dup.status).toBe(409);
  });
});
