// Issue 14 §1: an attacker with copies of the files. The server runs as in
// production (a file database, writes on their own thread, no DANBAN_SECRET:
// the key is made on first start) while households of two villages vote a
// secret decision online and the counters enter paper ballots one by one.
// Copies of the database, its -wal and -shm are taken before, during and after
// voting, with two backups; the attacker reads them with nothing but the file
// format (test/support/sqlite-files.ts): every WAL frame, stale ones included,
// every leaf page, where each row sits on its page and how long it is. They
// know the schema and which serial hash belongs to which household (the
// serials table). They try every way to attribute a secret answer to its
// household: rows first written in the same commit as a serial's use (and
// followed through every later commit that deletes them and writes others),
// rows appearing between two copies, the order rows sit on their pages
// against the order households voted, and row sizes. Each household's answer
// carries a marker and a length of its own, so any link would show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createNodeRuntime, type NodeRuntime } from '../../server/runtime/node';
import { loadConfig, type Config } from '../../server/config';
import { bootstrap } from '../../server/services/bootstrap';
import { createApp } from '../../server/app';
import { backupDatabase } from '../../server/cli-commands';
import type { AppDeps } from '../../server/services/deps';
import { addUser, login, api, type TestEnv } from '../support/app';
import { seedVillages } from '../support/register';
import { createCampaign, openCampaign, issueSerials, vote } from '../support/campaigns';
import { dbPages, leafRows, occurrences, walCommits, walFrames, type LeafRow, type Value } from '../support/sqlite-files';

let dir: string;
let dbPath: string;
let config: Config;
let runtime: NodeRuntime;
let deps: AppDeps;
let t: TestEnv;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'danban-attacker-'));
  dbPath = join(dir, 'danban.sqlite');
  config = loadConfig({ DANBAN_DB: dbPath });
  runtime = createNodeRuntime({ dbPath, writerThread: true, keyFile: config.keyFile });
  deps = (await bootstrap(runtime, config)).deps;
  const communeId = (await deps.db.selectFrom('communes').select('id').executeTakeFirstOrThrow()).id;
  t = {
    app: createApp(deps), deps, communeId, otherCommuneId: 'none',
    clock: { now: new Date(), set() {}, advance() {} }, close: async () => undefined,
  };
});
afterAll(async () => {
  await deps.mixer?.idle();
  await runtime.database.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Copy {
  name: string;
  /** taken while the campaign was open */
  voting: boolean;
  /** paper ballots are still sealed (before publication) */
  paperSealed: boolean;
  db: Uint8Array;
  wal: Uint8Array | null;
  shm: Uint8Array | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function copyFiles(name: string, voting: boolean, paperSealed: boolean): Copy {
  const read = (p: string) => (existsSync(p) ? new Uint8Array(readFileSync(p)) : null);
  // the attacker copies whatever is on disk, in the order a file copy would
  return { name, voting, paperSealed, db: read(dbPath)!, wal: read(`${dbPath}-wal`), shm: read(`${dbPath}-shm`) };
}

async function backupCopy(name: string, voting: boolean, paperSealed: boolean): Promise<Copy> {
  const file = join(dir, `${name}.sqlite`);
  await backupDatabase(config, file, { force: true }, { out() {}, err() {} });
  return { name, voting, paperSealed, db: new Uint8Array(readFileSync(file)), wal: null, shm: null };
}

/** Spearman's rank correlation (ties share their mean rank). */
function spearman(a: number[], b: number[]): number {
  const rank = (xs: number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(xs.length);
    for (let i = 0; i < order.length;) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

type Taint = Set<string> | 'all';

describe('secret ballots against an attacker with copies of the files', () => {
  it('link no answer to its household, keep no voting order, and hold neither a sealed answer nor the key in the clear', async () => {
    await addUser(t, { username: 'canbo', role: 'staff' });
    const staff = await login(t, 'canbo');
    const villages = await seedVillages(t, [
      { code: 'DS', name: 'Thôn Đông Sơn', households: 70 },
      { code: 'TH', name: 'Thôn Trung Hà', households: 50 },
    ]);
    const { id: campaignId } = await createCampaign(t, staff, {
      title: 'Chọn địa điểm nhà văn hóa', kind: 'decision', category: 'k6', villageIds: villages.map((v) => v.id),
      channels: ['online', 'paper'], secret: true,
    });
    const serials = await issueSerials(t, staff, campaignId);
    await openCampaign(t, staff, campaignId);
    const copies: Copy[] = [copyFiles('before voting', true, true)];

    // The attacker's knowledge of the register: serial hash → household, from the baseline copy.
    const baseline = join(dir, 'baseline.sqlite');
    writeFileSync(baseline, copies[0]!.db);
    if (copies[0]!.wal) writeFileSync(`${baseline}-wal`, copies[0]!.wal);
    const reg = new BetterSqlite3(baseline);
    const householdOfHash = new Map((reg.prepare('select serial_hash, household_id from serials').all() as { serial_hash: string; household_id: string }[])
      .map((r) => [r.serial_hash, r.household_id]));
    const householdOfCode = new Map((reg.prepare('select code, id from households').all() as { code: string; id: string }[]).map((r) => [r.code, r.id]));
    reg.close();

    // Who votes when and how: a fixed shuffle, two in three online; each
    // answer carries its voter's marker and a length of its own.
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const voters = serials.map((s) => ({ ...s, r: rand() })).sort((a, b) => a.r - b.r);
    const marker = (i: number) => `MK${String(i).padStart(4, '0')}Z`;
    const truth = new Map<number, { household: string; channel: 'online' | 'paper'; order: number; length: number }>();
    for (const [i, s] of voters.entries()) {
      const channel = i % 3 === 2 ? 'paper' : 'online';
      const length = Math.floor(rand() * 900);
      const answers = { decision: 'other', otherOpinion: `Ý kiến ${marker(i)} ${'x'.repeat(length)}` };
      const r = channel === 'online'
        ? await vote(t, s.serial, answers)
        : await api(t, 'POST', `/api/v1/campaigns/${campaignId}/paper-ballots/${s.serial}`, { cookie: staff, body: { answers } });
      expect(r.status, r.text).toBe(201);
      truth.set(i, { household: householdOfCode.get(s.householdCode)!, channel, order: i, length });
      await sleep(3);
      if (i === 40) copies.push(copyFiles('a third of the way', true, true));
      if (i === 60) copies.push(await backupCopy('backup while voting', true, true));
      if (i === 80) copies.push(copyFiles('two thirds of the way', true, true));
    }
    copies.push(copyFiles('end of voting, still open', true, true));
    expect((await api(t, 'POST', `/api/v1/campaigns/${campaignId}/close`, { cookie: staff })).status).toBe(200);
    await deps.mixer?.idle();
    copies.push(copyFiles('after closing', false, true));
    const published = await api(t, 'POST', `/api/v1/campaigns/${campaignId}/publish`, { cookie: staff });
    expect(published.status, published.text).toBe(200);
    await deps.mixer?.idle();
    copies.push(copyFiles('after publication', false, false));
    copies.push(await backupCopy('backup after publication', false, false));

    // ---- the attack ----
    const isUse = (v: Value[]) => v.length === 8 && typeof v[0] === 'string' && /^[0-9a-f]{64}$/.test(v[0]) && (v[3] === 'online' || v[3] === 'paper');
    const isAnswer = (v: Value[]) => v.length === 8 && v[0] === campaignId && typeof v[5] === 'string' && v[5].startsWith('{');
    // any other row of a WITHOUT ROWID table big enough to carry a ballot (sealed, encrypted, encoded: the
    // attacker does not care how); rowid tables hold the register, the audit log and settings, read in the clear
    const isCarrier = (r: LeafRow) => r.tree === 'index' && !isUse(r.values) && !isAnswer(r.values) && r.size >= 100;
    const keyOf = (r: LeafRow) => (isUse(r.values) ? `u:${r.values[0]}` : isAnswer(r.values) ? `a:${r.values[1]}` : `c:${r.values.slice(0, 4).map((x) => (x instanceof Uint8Array ? Buffer.from(x).toString('hex') : String(x))).join('|')}`);
    const voterOf = (answers: string) => Number(/MK(\d{4})Z/.exec(answers)?.[1] ?? -1);

    // What the attacker concludes about each answer or carrier row: the households it may come from. Every
    // write they see constrains it, and they keep the intersection of all constraints.
    const taint = new Map<string, Taint>();
    const constrain = (k: string, t: Taint) => {
      const before = taint.get(k);
      if (!before || before === 'all') taint.set(k, t);
      else if (t !== 'all') {
        const both = new Set([...before].filter((h) => t.has(h)));
        taint.set(k, both.size > 0 ? both : 'all');
      }
    };
    const uses = new Map<string, { household: string; village: string; channel: string }>();
    const answers = new Map<string, { voter: number; village: string; channel: string; size: number }>();
    const carrierSize = new Map<string, number>(); // household → size of the row first written with its use
    let commits = 0;

    /** One write the attacker saw (a commit, or everything between two copies): rows it added, rows it removed. */
    function event(inserted: LeafRow[], deleted: string[]) {
      const newUses = inserted.filter((r) => isUse(r.values));
      for (const r of newUses) uses.set(keyOf(r), { household: householdOfHash.get(String(r.values[0]))!, village: String(r.values[2]), channel: String(r.values[3]) });
      const payload = inserted.filter((r) => isAnswer(r.values) || isCarrier(r));
      const sources = newUses.length + deleted.length;
      let t: Taint = 'all';
      // every row written must come from a use or a deleted row of the same write, or the attacker cannot tell
      if (payload.length > 0 && sources > 0 && payload.length <= sources) {
        t = new Set(newUses.map((u) => uses.get(keyOf(u))!.household));
        for (const k of deleted) {
          const from = taint.get(k) ?? 'all';
          if (from === 'all') { t = 'all'; break; }
          for (const h of from) t.add(h);
        }
      }
      for (const r of payload) {
        constrain(keyOf(r), t);
        if (isCarrier(r) && newUses.length === 1 && payload.length === 1) carrierSize.set(uses.get(keyOf(newUses[0]!))!.household, r.size);
        if (isAnswer(r.values)) answers.set(keyOf(r), { voter: voterOf(String(r.values[5])), village: String(r.values[2]), channel: String(r.values[3]), size: r.size });
      }
    }

    interface Finding { copy: string; linked: number; smallestSet: number; answers: number; concordance: number | null; pairs: number; orderZ: number | null; spearman: number | null; sizeRho: number | null; carrierSizes: number; markers: number; key: number }
    const findings: Finding[] = [];
    const secret = new TextEncoder().encode(deps.secret);
    const seen = new Set<string>(); // every row key met in any copy so far
    let alive = new Set<string>(); // the rows of the last copy

    for (const copy of copies) {
      // the state the copy's database file holds, then each commit of its log in order
      const state = new Map<number, LeafRow[]>();
      for (const [n, p] of dbPages(copy.db)) state.set(n, leafRows(p, n));
      const wal = copy.wal ? walFrames(copy.wal) : null;
      const commitsOfCopy = wal ? walCommits(wal) : [];
      const inFrames = new Set<string>();
      for (const c of commitsOfCopy) for (const f of c.frames) for (const r of leafRows(f.data, f.page)) inFrames.add(keyOf(r));
      const startRows = [...state.values()].flat();
      const startKeys = new Set(startRows.map(keyOf));
      // what changed between the last copy and this one, outside the log this copy holds
      event(startRows.filter((r) => !seen.has(keyOf(r))), [...alive].filter((k) => !k.startsWith('u:') && !startKeys.has(k) && !inFrames.has(k)));
      for (const k of startKeys) seen.add(k);
      const known = new Set(startKeys);
      const here = new Set(startKeys);
      const location = new Map<string, number>();
      for (const r of startRows) location.set(keyOf(r), r.page);
      for (const c of commitsOfCopy) {
        commits++;
        const touched = new Map<number, LeafRow[]>();
        for (const f of c.frames) touched.set(f.page, leafRows(f.data, f.page));
        const rows = [...touched.values()].flat();
        const present = new Set(rows.map(keyOf));
        const deleted = [...here].filter((k) => !k.startsWith('u:') && !present.has(k) && touched.has(location.get(k) ?? -1));
        event(rows.filter((r) => !known.has(keyOf(r))), deleted);
        for (const r of rows) {
          known.add(keyOf(r));
          seen.add(keyOf(r));
          here.add(keyOf(r));
          location.set(keyOf(r), r.page);
        }
        for (const k of deleted) here.delete(k);
        for (const [n, list] of touched) state.set(n, list);
      }
      alive = here;

      // 1. links: an answer the attacker can narrow to fewer households than all that voted alike
      let linked = 0;
      let smallest = Infinity;
      for (const [k, a] of answers) {
        const full = new Set([...uses.values()].filter((u) => u.village === a.village && u.channel === a.channel).map((u) => u.household));
        const t = taint.get(k) ?? 'all';
        const candidates = t === 'all' ? full : new Set([...t].filter((h) => full.has(h)));
        const household = truth.get(a.voter)?.household;
        if (household && candidates.size < full.size && candidates.has(household)) {
          linked++;
          smallest = Math.min(smallest, candidates.size);
        }
      }
      // 2. order: where each answer sits (page, and place on its page) against the order households voted
      const placed = [...state.values()].flat().filter((r) => isAnswer(r.values)).map((r) => ({ r, order: voterOf(String(r.values[5])) })).filter((x) => x.order >= 0);
      let concordant = 0;
      let pairs = 0;
      let variance = 0; // of concordant − discordant pairs under no correlation (Kendall), summed over pages
      const byPage = new Map<number, typeof placed>();
      for (const x of placed) byPage.set(x.r.page, [...(byPage.get(x.r.page) ?? []), x]);
      for (const list of byPage.values()) {
        const m = list.length;
        variance += (m * (m - 1) * (2 * m + 5)) / 18;
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            pairs++;
            // a cell written earlier sits higher on its page
            if ((list[i]!.r.offset > list[j]!.r.offset) === (list[i]!.order < list[j]!.order)) concordant++;
          }
        }
      }
      const rho = placed.length >= 40 ? spearman(placed.map((x) => x.r.page * 65_536 - x.r.offset), placed.map((x) => x.order)) : null;
      // 3. sizes: the row first written with a household's use against the length of its answer
      const sized = [...truth.values()].filter((v) => carrierSize.has(v.household));
      const sizeRho = sized.length >= 20 ? spearman(sized.map((v) => carrierSize.get(v.household)!), sized.map((v) => v.length)) : null;
      // 4. sealed answers in the clear, and the key, anywhere in the files
      let markers = 0;
      for (const [i, v] of truth) {
        const sealed = copy.voting || (v.channel === 'paper' && copy.paperSealed);
        if (!sealed) continue;
        const m = new TextEncoder().encode(marker(i));
        for (const f of [copy.db, copy.wal, copy.shm]) if (f) markers += occurrences(f, m);
      }
      let key = 0;
      for (const f of [copy.db, copy.wal, copy.shm]) if (f) key += occurrences(f, secret);
      findings.push({
        copy: copy.name, linked, smallestSet: smallest, answers: answers.size, concordance: pairs > 0 ? concordant / pairs : null, pairs,
        orderZ: pairs >= 30 ? (2 * concordant - pairs) / Math.sqrt(variance) : null,
        spearman: rho, sizeRho, carrierSizes: new Set(carrierSize.values()).size, markers, key,
      });
    }
    if (process.env.DEBUG_ATTACK) console.log([...carrierSize.entries()].map(([h, n]) => `${h}:${n}:${[...truth.values()].find((v) => v.household === h)?.channel}`).join(" "));
    console.log(`attacker: ${commits} commits read from ${copies.length} copies\n${findings.map((f) => JSON.stringify(f)).join('\n')}`);

    expect(answers.size).toBe(voters.length); // every answer was found in the files in the end
    for (const f of findings) {
      expect.soft(f.linked, `${f.copy}: answers narrowed to a smaller set of households (smallest ${f.smallestSet})`).toBe(0);
      // |z| ≥ 4 happens by chance once in 16,000
      if (f.orderZ !== null) expect.soft(Math.abs(f.orderZ), `${f.copy}: order on the page follows voting order`).toBeLessThan(4);
      if (f.spearman !== null) expect.soft(Math.abs(f.spearman), `${f.copy}: storage order follows voting order`).toBeLessThan(0.35);
      if (f.sizeRho !== null) expect.soft(Math.abs(f.sizeRho), `${f.copy}: row sizes follow answer lengths`).toBeLessThan(0.35);
      expect.soft(f.markers, `${f.copy}: a sealed answer is in the clear`).toBe(0);
      expect.soft(f.key, `${f.copy}: the server secret is in the files`).toBe(0);
    }
    // the key lives beside the database, readable by its owner only
    expect(statSync(config.keyFile).mode & 0o077).toBe(0);
  }, 120_000);
});
