import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { runCli, type CliIO } from '../../server/cli-commands';
import { pbkdf2Hasher } from '../../server/runtime/passwords';
import { createNodeRuntime, type NodeRuntime } from '../../server/runtime/node';
import { bootstrap } from '../../server/services/bootstrap';
import { loadConfig } from '../../server/config';
import { submitOnlineFeedback } from '../../server/services/submit-feedback';
import { answerFeedback } from '../../server/services/handle-feedback';
import { findUserByUsername } from '../../db/repositories/users';

let dir: string;
let dbPath: string;
let open: NodeRuntime[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'danban-cli-'));
  dbPath = join(dir, 'danban.sqlite');
});
afterEach(async () => {
  for (const r of open) await r.database.close();
  open = [];
  rmSync(dir, { recursive: true, force: true });
});

function io(prompted?: string): CliIO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines, errors,
    out: (l) => lines.push(l),
    err: (l) => errors.push(l),
    ...(prompted !== undefined ? { prompt: async () => prompted } : {}),
  };
}

const env = (more: Record<string, string> = {}) => ({ DANBAN_DB: dbPath, ...more });
const cli = (args: string[], out = io(), more: Record<string, string> = {}) => runCli(args, env(more), out);

/** Opens the database as the running server would: the connection stays open. */
function server(): NodeRuntime {
  const r = createNodeRuntime({ dbPath });
  open.push(r);
  return r;
}

function readOnly<T>(fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try { return fn(db); } finally { db.close(); }
}

const userRow = (username: string) =>
  readOnly((db) => db.prepare('select u.*, c.name as commune from users u join communes c on c.id = u.commune_id where username = ?').get(username) as
    { password_hash: string; role: string; commune: string; disabled: number } | undefined);

const passwordWorks = (username: string, password: string) => pbkdf2Hasher(() => new Uint8Array(16)).verify(password, userRow(username)!.password_hash);

describe('create-admin', () => {
  it('creates the first commune and its admin in an empty database', async () => {
    const out = io();
    expect(await cli(['create-admin', '--username', 'QuanTri', '--password', 'mat-khau-8'], out)).toBe(0);
    expect(userRow('quantri')).toMatchObject({ role: 'admin', commune: 'Xã Việt Khê' });
    expect(await passwordWorks('quantri', 'mat-khau-8')).toBe(true);
    expect(out.lines.join('\n')).toContain('quantri');
  });

  it('resets the password of an existing admin and re-enables the account', async () => {
    await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-cu']);
    const db = new BetterSqlite3(dbPath);
    db.prepare("update users set disabled = 1 where username = 'quantri'").run();
    db.close();
    expect(await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-moi'])).toBe(0);
    expect(await passwordWorks('quantri', 'mat-khau-moi')).toBe(true);
    expect(userRow('quantri')!.disabled).toBe(0);
  });

  it('creates the admin in a commune named with --commune, adding the commune when missing', async () => {
    await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-8']);
    expect(await cli(['create-admin', '--username', 'admin-dongson', '--password', 'mat-khau-8', '--commune', 'Xã Đông Sơn'])).toBe(0);
    expect(userRow('admin-dongson')!.commune).toBe('Xã Đông Sơn');
  });

  it('takes the password from DANBAN_NEW_PASSWORD, or asks for it', async () => {
    expect(await cli(['create-admin', '--username', 'quantri'], io(), { DANBAN_NEW_PASSWORD: 'tu-bien-moi-truong' })).toBe(0);
    expect(await passwordWorks('quantri', 'tu-bien-moi-truong')).toBe(true);
    expect(await cli(['create-admin', '--username', 'quantri'], io('go-tu-ban-phim'))).toBe(0);
    expect(await passwordWorks('quantri', 'go-tu-ban-phim')).toBe(true);
  });

  it('refuses a short password and a missing username with exit 1, naming the field', async () => {
    const short = io();
    expect(await cli(['create-admin', '--username', 'quantri', '--password', 'ngan'], short)).toBe(1);
    expect(short.errors.join('\n')).toContain('password');
    const noName = io();
    expect(await cli(['create-admin', '--password', 'mat-khau-8'], noName)).toBe(1);
    expect(noName.errors.join('\n')).toContain('username');
  });

  it('never turns an existing staff account into an admin', async () => {
    await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-8']);
    const db = new BetterSqlite3(dbPath);
    db.prepare("update users set role = 'staff' where username = 'quantri'").run();
    db.close();
    const out = io();
    expect(await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-9'], out)).toBe(1);
    expect(out.errors.join('\n')).toContain('staff');
    expect(userRow('quantri')!.role).toBe('staff');
  });
});

describe('verify-audit', () => {
  it('exits 0 on an intact chain and 1 naming the seq of an edited entry', async () => {
    await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-8']);
    await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-9']);
    const ok = io();
    expect(await cli(['verify-audit'], ok)).toBe(0);
    expect(ok.lines.join('\n')).toContain('Xã Việt Khê: 3');
    const db = new BetterSqlite3(dbPath);
    db.prepare("update audit_log set actor = 'nguoi-khac' where seq = 2").run();
    db.close();
    const broken = io();
    expect(await cli(['verify-audit'], broken)).toBe(1);
    expect(broken.lines.join('\n')).toMatch(/seq 2\b/);
  });

  it('exits 1 when the database file does not exist, without creating it', async () => {
    const out = io();
    expect(await cli(['verify-audit'], out)).toBe(1);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('runs as a real command (npm run danban -- verify-audit) and exits 1 on a deleted entry', async () => {
    await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-8']);
    const db = new BetterSqlite3(dbPath);
    db.prepare('delete from audit_log where seq = 1').run();
    db.close();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'verify-audit'], { env: { ...process.env, DANBAN_DB: dbPath }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('BROKEN');
    expect(run.stdout).toContain('seq 2');
  });
});

describe('backup and restore', () => {
  it('copies the database while the server has it open and is writing', async () => {
    await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-8']);
    const running = server();
    await running.atomic([running.db.insertInto('app_settings').values({ key: 'marker', value: 'truoc-sao-luu' })]);
    const backup = join(dir, 'backup.sqlite');
    const out = io();
    expect(await cli(['backup', backup], out)).toBe(0);
    const copy = new BetterSqlite3(backup, { readonly: true });
    expect(copy.prepare("select value from app_settings where key = 'marker'").get()).toEqual({ value: 'truoc-sao-luu' });
    expect(copy.prepare("select count(*) as n from users where username = 'quantri'").get()).toEqual({ n: 1 });
    copy.close();
  });

  it('does not overwrite an existing file without --force', async () => {
    await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-8']);
    const backup = join(dir, 'backup.sqlite');
    writeFileSync(backup, 'giu nguyen');
    const out = io();
    expect(await cli(['backup', backup], out)).toBe(1);
    expect(out.errors.join('\n')).toContain('--force');
  });

  it('restores a backup over a database that is not in use, keeping the replaced one', async () => {
    await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-8']);
    const backup = join(dir, 'backup.sqlite');
    await cli(['backup', backup]);
    await cli(['create-admin', '--username', 'sau-sao-luu', '--password', 'mat-khau-8']);
    const out = io();
    expect(await cli(['restore', backup], out)).toBe(0);
    expect(userRow('sau-sao-luu')).toBeUndefined();
    expect(userRow('quantri')).toBeDefined();
    expect(existsSync(`${dbPath}.before-restore`)).toBe(true);
  });

  it('refuses to restore while the server has the database open, unless --force', async () => {
    await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-8']);
    const backup = join(dir, 'backup.sqlite');
    await cli(['backup', backup]);
    const running = server();
    await running.atomic([running.db.insertInto('app_settings').values({ key: 'marker', value: 'sau-sao-luu' })]);
    const refused = io();
    expect(await cli(['restore', backup], refused)).toBe(1);
    expect(refused.errors.join('\n')).toContain('--force');
    expect(await running.db.selectFrom('app_settings').select('value').where('key', '=', 'marker').executeTakeFirst()).toEqual({ value: 'sau-sao-luu' });
    expect(await cli(['restore', backup, '--force'])).toBe(0);
    await running.database.close();
    open = [];
    expect(readOnly((db) => db.prepare("select value from app_settings where key = 'marker'").get())).toBeUndefined();
  });

  it('refuses a file that is not a Dân Bàn database', async () => {
    await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-8']);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'day khong phai co so du lieu');
    const other = join(dir, 'other.sqlite');
    const o = new BetterSqlite3(other);
    o.exec('create table t (x)');
    o.close();
    for (const file of [text, other, join(dir, 'missing.sqlite')]) {
      const out = io();
      expect(await cli(['restore', file, '--force'], out)).toBe(1);
      expect(out.errors).not.toEqual([]);
    }
    expect(userRow('quantri')).toBeDefined();
  });
});

describe('usage', () => {
  it('explains the commands and exits 2 on an unknown one', async () => {
    const out = io();
    expect(await cli(['make-coffee'], out)).toBe(2);
    expect(out.errors.join('\n')).toContain('verify-audit');
  });
});

describe('feedback-retention', () => {
  it('clears the contact of items answered longer ago than the commune keeps it, and says how many per commune', async () => {
    expect(await cli(['create-admin', '--username', 'quantri', '--password', 'mat-khau-8'])).toBe(0);
    const r = server();
    const { deps } = await bootstrap(r, loadConfig(env()));
    const past = { ...deps, clock: () => new Date('2020-01-01T02:00:00Z') };
    const sent = await submitOnlineFeedback(past, { text: 'Ý kiến cũ', name: 'Người Gửi Cũ', phone: '0912000000', consent: true, client: 'cli' });
    const admin = (await findUserByUsername(deps.db, 'quantri'))!;
    await answerFeedback(past, { id: admin.id, username: admin.username, role: 'admin', communeId: admin.communeId, villageId: null }, sent.id, { answer: 'Đã xong' });
    await submitOnlineFeedback(past, { text: 'Chưa trả lời', name: 'Người Chờ', consent: true, client: 'cli' });

    const out = io();
    expect(await cli(['feedback-retention'], out)).toBe(0);
    expect(out.lines.join('\n')).toContain(': 1 ý kiến đã xóa thông tin cá nhân / items cleared');
    const rows = readOnly((db) => db.prepare('select text, name, phone, anonymised_at from feedback_items order by text').all()) as { text: string; name: string | null; phone: string | null; anonymised_at: string | null }[];
    expect(rows).toEqual([
      { text: 'Chưa trả lời', name: 'Người Chờ', phone: null, anonymised_at: null },
      { text: 'Ý kiến cũ', name: null, phone: null, anonymised_at: expect.any(String) },
    ]);
  });
});
