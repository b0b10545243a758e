// The admin commands behind `npm run danban -- <command>`, as functions so
// tests can run them on a temporary database file.
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { loadConfig, type Config } from './config';
import { createNodeRuntime } from './runtime/node';
import { bootstrap } from './services/bootstrap';
import { createUser, normalizeUsername } from './services/create-user';
import { updateUser } from './services/update-user';
import { createCommune } from './services/create-commune';
import { verifyAudit } from './services/verify-audit';
import { chainsHolding, parseAnchors, readAnchorFile } from './services/audit-anchor';
import { anchorText, type OutsideAnchor } from './domain/audit-chain';
import { runFeedbackRetention } from './services/feedback-retention';
import { createUserSchema } from './routes/auth';
import { AppError } from './domain/errors';
import type { Actor } from './domain/actor';
import { slugify } from './domain/text';
import { getSetting, listCommunes } from '../db/repositories/communes';
import { findUserByUsername } from '../db/repositories/users';
import { migrations } from '../db/migrations';
import type { Database } from '../db/schema';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** asks for a secret on the terminal; absent when there is none */
  prompt?(question: string): Promise<string>;
}

/** The CLI acts with the province's authority, and its audit entries say so. */
const CLI_ACTOR: Actor = { id: 'cli', username: 'cli', role: 'province_admin', communeId: null, villageId: null };

export const USAGE = [
  'Cách dùng / usage: npm run danban -- <lệnh / command>',
  '  create-admin --username U [--password P] [--commune "Tên xã"]   tạo hoặc đặt lại tài khoản quản trị / create or reset an admin',
  '      (mật khẩu lấy từ --password, biến DANBAN_NEW_PASSWORD hoặc hỏi khi chạy / password from the flag, DANBAN_NEW_PASSWORD or a prompt)',
  '  verify-audit [--anchor SEQ:HASH]… [--anchor-file F]…   kiểm tra chuỗi nhật ký / verify the audit chains (exit 1 when broken)',
  '      (--anchor: dấu in trên thông báo kết quả (mã QR) / the anchor printed on a results notice (its QR code);',
  '       --anchor-file: tệp dấu có chữ ký đã tải về / a signed anchor file downloaded from GET /api/v1/audit/anchor)',
  '  feedback-retention               xóa thông tin cá nhân người gửi góp ý đã hết thời hạn lưu / clear feedback senders\' personal data past retention',
  '  backup FILE [--force]            sao lưu khi máy chủ đang chạy / online backup, safe while the server runs',
  '  restore FILE [--force]           khôi phục từ bản sao lưu / restore from a backup (refused while the database is in use, unless --force)',
];

/** `--name value` flags (the last one wins; `lists` keeps every value of a repeated flag) and the rest as positional arguments. */
export function parseArgs(args: string[]): { positional: string[]; flags: Record<string, string | true>; lists: Record<string, string[]> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) flags[name] = inline;
      else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) flags[name] = args[++i]!;
      else flags[name] = true;
      const value = flags[name];
      if (typeof value === 'string') (lists[name] ??= []).push(value);
    } else positional.push(a);
  }
  return { positional, flags, lists };
}

class CliError extends Error {}

function describeAppError(err: AppError): string {
  const details = err.details.map((d) => `  ${d.path}: ${d.message.vi} / ${d.message.en}`);
  return [`${err.text.vi} / ${err.text.en}`, ...details].join('\n');
}

export async function runCli(argv: string[], env: Record<string, string | undefined>, io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags, lists } = parseArgs(rest);
  try {
    const config = loadConfig(env);
    switch (command) {
      case 'create-admin':
        await createAdmin(config, {
          username: typeof flags.username === 'string' ? flags.username : '',
          password: typeof flags.password === 'string' ? flags.password : env.DANBAN_NEW_PASSWORD,
          commune: typeof flags.commune === 'string' ? flags.commune : undefined,
        }, io);
        return 0;
      case 'verify-audit':
        return (await verifyAuditCommand(config, io, { anchors: lists.anchor ?? [], anchorFiles: lists['anchor-file'] ?? [] })) ? 0 : 1;
      case 'feedback-retention':
        await feedbackRetentionCommand(config, io);
        return 0;
      case 'backup':
        await backupDatabase(config, positional[0] ?? '', { force: flags.force === true }, io);
        return 0;
      case 'restore':
        await restoreDatabase(config, positional[0] ?? '', { force: flags.force === true }, io);
        return 0;
      case 'help': case '--help': case undefined:
        USAGE.forEach((l) => io.out(l));
        return command ? 0 : 2;
      default:
        io.err(`Lệnh không rõ / unknown command: ${command}`);
        USAGE.forEach((l) => io.err(l));
        return 2;
    }
  } catch (err) {
    if (err instanceof AppError) io.err(describeAppError(err));
    else if (err instanceof CliError) io.err(err.message);
    else io.err(err instanceof Error ? err.message : String(err));
    return 1;
  }
}

/**
 * Creates an admin account, or resets the password of an existing admin (and
 * re-enables it): the way back in when the only admin forgot their password.
 * An existing account of another role is never promoted silently.
 */
export async function createAdmin(config: Config, input: { username: string; password?: string; commune?: string }, io: CliIO): Promise<void> {
  let password = input.password;
  if (password === undefined) {
    if (!io.prompt) throw new CliError('Thiếu mật khẩu: dùng --password hoặc DANBAN_NEW_PASSWORD / missing password: use --password or DANBAN_NEW_PASSWORD');
    password = await io.prompt('Mật khẩu mới / new password: ');
  }
  const parsed = createUserSchema.pick({ username: true, password: true }).safeParse({ username: input.username, password });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message.replace('|', ' / ')}`);
    throw new CliError(['Dữ liệu chưa hợp lệ / invalid input:', ...lines].join('\n'));
  }
  const username = normalizeUsername(parsed.data.username);

  const runtime = createNodeRuntime({ dbPath: config.dbPath, blobDir: config.blobDir || undefined, synchronous: config.synchronous, keyFile: config.keyFile });
  try {
    // No demo data and no DANBAN_ADMIN_PASSWORD reset from a maintenance command.
    const { deps } = await bootstrap(runtime, { ...config, demo: false, adminPassword: undefined });
    const communes = await listCommunes(deps.db);
    let commune = input.commune ? communes.find((c) => c.slug === slugify(input.commune!)) : communes[0];
    if (!commune) {
      commune = await createCommune(deps, CLI_ACTOR, { name: input.commune! });
      io.out(`Đã tạo xã / commune created: ${commune.name}`);
    }
    const existing = await findUserByUsername(deps.db, username);
    if (existing) {
      if (existing.role !== 'admin') throw new CliError(`Tài khoản "${username}" đã có với vai trò ${existing.role}; không đổi thành quản trị / "${username}" exists with role ${existing.role}; not promoted to admin`);
      if (input.commune && existing.communeId !== commune.id) throw new CliError(`Tài khoản "${username}" thuộc xã khác / "${username}" belongs to another commune`);
      await updateUser(deps, CLI_ACTOR, existing.id, { password: parsed.data.password, disabled: false });
      io.out(`Đã đặt lại mật khẩu cho "${username}" / password reset for "${username}"`);
    } else {
      await createUser(deps, CLI_ACTOR, { username, password: parsed.data.password, role: 'admin', communeId: commune.id });
      io.out(`Đã tạo tài khoản quản trị "${username}" của ${commune.name} / admin "${username}" created for ${commune.name}`);
    }
  } finally {
    await runtime.database.close();
  }
}

function openExisting(path: string, options: { readonly?: boolean } = {}): BetterSqlite3.Database {
  if (path === ':memory:' || !existsSync(path)) throw new CliError(`Không có tệp cơ sở dữ liệu / no database file: ${path}`);
  return new BetterSqlite3(path, { readonly: options.readonly ?? true, fileMustExist: true });
}

/**
 * Verifies every commune's audit chain; prints each, and the broken seq
 * numbers. Reads only. Anchors kept outside the database (printed on a
 * results notice, or a signed anchor file) must still be in their chain: a
 * chain edited and rehashed by someone who could write the database passes
 * every check inside it, but not these.
 */
export async function verifyAuditCommand(config: Config, io: CliIO, outside: { anchors?: string[]; anchorFiles?: string[] } = {}): Promise<boolean> {
  const raw = openExisting(config.dbPath);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    let intact = true;
    const communes = await listCommunes(db);
    const nameOf = (id: string) => (id === '' ? 'Cấp tỉnh / province' : communes.find((c) => c.id === id)?.name ?? id);
    for (const a of parseAnchors(outside.anchors ?? [])) {
      const label = a.seq === undefined ? a.hash : anchorText({ seq: a.seq, hash: a.hash });
      const holders = await chainsHolding({ db }, a);
      if (holders.length > 0) io.out(`Dấu ngoài / outside anchor ${label}: khớp / held by ${holders.map(nameOf).join(', ')}`);
      else {
        intact = false;
        io.out(`Dấu ngoài / outside anchor ${label}: KHÔNG CÒN trong nhật ký nào, nhật ký đã bị viết lại / NOT in any chain: the log was rewritten`);
      }
    }
    const fromFiles = new Map<string, OutsideAnchor[]>();
    if (outside.anchorFiles?.length) {
      const secret = config.secret ?? (await getSetting(db, 'secret'));
      for (const file of outside.anchorFiles) {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          throw new CliError(`Không đọc được tệp dấu / cannot read the anchor file: ${file}`);
        }
        const read = secret ? await readAnchorFile(secret, text) : { ok: false as const };
        if (!read.ok) {
          intact = false;
          io.out(`${file}: không phải tệp dấu của máy chủ này hoặc chữ ký sai / not an anchor file of this server, or its signature is wrong`);
        } else if (read.communeId !== '' && !communes.some((c) => c.id === read.communeId)) {
          intact = false;
          io.out(`${file}: xã của tệp dấu không còn trong cơ sở dữ liệu / the file's commune is no longer in the database`);
        } else fromFiles.set(read.communeId, [...(fromFiles.get(read.communeId) ?? []), read.anchor]);
      }
    }
    // '' is the province's own chain (accounts without a commune).
    const chains = [...communes.map((c) => ({ id: c.id, name: c.name })), { id: '', name: nameOf('') }];
    for (const chain of chains) {
      const anchors = fromFiles.get(chain.id) ?? [];
      const report = await verifyAudit(db, chain.id, { anchors });
      if (chain.id === '' && report.entries === 0) continue;
      const checked = anchors.length ? ` (${anchors.length} dấu ngoài / outside anchors)` : '';
      if (report.ok) io.out(`${chain.name}: ${report.entries} mục, nguyên vẹn / entries, intact${checked}`);
      else {
        intact = false;
        const seqs = [...new Set(report.problems.map((p) => p.seq))];
        io.out(`${chain.name}: BỊ SỬA ĐỔI / BROKEN tại seq ${seqs.join(', ')}`);
        for (const p of report.problems) io.out(`  seq ${p.seq}: ${p.problem}${p.campaignId ? ` (campaign ${p.campaignId} v${p.version})` : ''}`);
      }
    }
    return intact;
  } finally {
    await db.destroy();
  }
}

/**
 * The feedback retention job by hand (the server also runs it every day):
 * every commune's answered items past its retention period lose the
 * sender's name, phone and photo.
 */
export async function feedbackRetentionCommand(config: Config, io: CliIO): Promise<void> {
  const runtime = createNodeRuntime({ dbPath: config.dbPath, blobDir: config.blobDir || undefined, synchronous: config.synchronous });
  try {
    const { deps } = await bootstrap(runtime, { ...config, demo: false, adminPassword: undefined });
    const names = new Map((await listCommunes(deps.db)).map((c) => [c.id, c.name]));
    for (const r of await runFeedbackRetention(deps)) {
      io.out(`${names.get(r.communeId) ?? r.communeId}: ${r.anonymised} ý kiến đã xóa thông tin cá nhân / items cleared`);
    }
  } finally {
    await runtime.database.close();
  }
}

/** The migrations a file has run, or an error when it is not a Dân Bàn database. */
function checkDanbanFile(path: string): string[] {
  let raw: BetterSqlite3.Database;
  try {
    raw = openExisting(path);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`Không mở được / cannot open ${path}: ${(err as Error).message}`);
  }
  try {
    const check = raw.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CliError(`Tệp bị hỏng / the file is damaged: ${String(check)}`);
    const names = (raw.prepare('select name from schema_migrations').all() as { name: string }[]).map((r) => r.name);
    if (!names.includes(migrations[0]!.name)) throw new Error('no initial migration');
    return names;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`Không phải cơ sở dữ liệu Dân Bàn / not a Dân Bàn database: ${path}`);
  } finally {
    raw.close();
  }
}

/**
 * An online backup with VACUUM INTO: one read transaction copies the whole
 * database as it stood when it began, while the server goes on writing (WAL
 * lets the reader and the writer proceed together). The backup API would
 * restart its page copy every time the server commits, and under a steady
 * stream of ballots might never finish.
 */
export async function backupDatabase(config: Config, file: string, opts: { force: boolean }, io: CliIO): Promise<void> {
  if (!file) throw new CliError('Cần tên tệp sao lưu / give the backup file name');
  if (existsSync(file) && !opts.force) throw new CliError(`Tệp đã có, dùng --force để ghi đè / ${file} exists; use --force to overwrite`);
  const raw = openExisting(config.dbPath);
  try {
    if (existsSync(file)) unlinkSync(file);
    raw.prepare('VACUUM INTO ?').run(file);
  } finally {
    raw.close();
  }
  stripStoredSecret(file);
  checkDanbanFile(file);
  io.out(`Đã sao lưu / backup written: ${file}`);
  io.out(
    `Bản sao không chứa khóa bí mật của máy chủ: hãy cất riêng ${config.keyFile || 'DANBAN_SECRET'} ở nơi an toàn, vì thiếu nó thì mã phiếu và phiếu kín chưa kiểm trong bản sao không dùng được. / ` +
    `The backup holds no server secret: keep ${config.keyFile || 'DANBAN_SECRET'} safe and apart from it; without it the serials and the sealed secret ballots in the copy cannot be used.`,
  );
}

/**
 * A database whose server has not started since issue 14 may still keep the
 * generated secret in app_settings (the first start moves it to the key
 * file): the copy never does. Deleted with secure_delete and no journal file,
 * so no page of the copy keeps it.
 */
function stripStoredSecret(file: string): void {
  const copy = new BetterSqlite3(file);
  try {
    copy.pragma('journal_mode = MEMORY');
    copy.pragma('secure_delete = ON');
    copy.prepare("delete from app_settings where key = 'secret'").run();
  } finally {
    copy.close();
  }
}

/** True when another connection has the database open (the server keeps one while it runs). */
function inUse(path: string): boolean {
  if (!existsSync(path)) return false;
  const probe = new BetterSqlite3(path, { timeout: 0 });
  try {
    // In WAL mode an exclusive lock is refused while any other connection is open.
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch {
    return true;
  } finally {
    probe.close();
  }
}

/**
 * Replaces the database with a backup, page by page through the backup API
 * (so a stale -wal file cannot mix old pages in). The current database is
 * kept beside it first, and a backup made by a newer version is refused.
 */
export async function restoreDatabase(config: Config, file: string, opts: { force: boolean }, io: CliIO): Promise<void> {
  if (!file) throw new CliError('Cần tên tệp sao lưu / give the backup file name');
  const applied = checkDanbanFile(file);
  const known = new Set(migrations.map((m) => m.name));
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length) throw new CliError(`Bản sao lưu từ phiên bản mới hơn / the backup comes from a newer version (${unknown.join(', ')})`);
  const target = config.dbPath;
  if (target === ':memory:') throw new CliError('DANBAN_DB phải là một tệp / DANBAN_DB must be a file');
  if (inUse(target) && !opts.force) {
    throw new CliError('Cơ sở dữ liệu đang được dùng (máy chủ đang chạy?); dừng máy chủ hoặc dùng --force / the database is in use (is the server running?); stop it or use --force');
  }
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    if (existsSync(target)) {
      const kept = `${target}.before-restore`;
      const current = new BetterSqlite3(target, { readonly: true, fileMustExist: true });
      try {
        await current.backup(kept);
      } finally {
        current.close();
      }
      io.out(`Đã giữ bản hiện tại / kept the current database as ${kept}`);
    }
    await source.backup(target);
  } finally {
    source.close();
  }
  io.out(`Đã khôi phục / restored ${target} from ${file}`);
}
