import type { Runtime } from '../runtime/types';
import type { Config } from '../config';
import type { AppDeps } from './deps';
import { deleteSetting, getSetting, insertCommune, listCommunes } from '../../db/repositories/communes';
import { findUserByUsername, insertUser, updatePassword } from '../../db/repositories/users';
import { base32 } from '../runtime/ids';
import { slugify } from '../domain/text';
import { atomicWithAudit } from './audit';
import { seedDemo } from './seed-demo';
import { ballotMixer } from './ballot-mixer';
import { holdsKeyedData } from '../../db/repositories/serials';

/**
 * The server secret, from DANBAN_SECRET or the runtime's secret store (Node:
 * the key file beside the database), never from the database: the key that
 * opens sealed ballots must not be in the files (docs/threat-model.md). A
 * database from before issue 14 kept a generated secret in app_settings: it
 * moves to the key file (written before the row is deleted, so a crash in
 * between loses nothing), the row is deleted (zeroed on Node) and the WAL
 * emptied.
 */
async function serverSecret(runtime: Runtime, config: Config): Promise<string> {
  const stored = await getSetting(runtime.db, 'secret');
  let secret = config.secret ?? (await runtime.secretStore?.load()) ?? null;
  if (stored !== null) {
    if (secret === null) {
      if (!runtime.secretStore) {
        throw new Error(
          'DANBAN_SECRET chưa được đặt, và cơ sở dữ liệu còn giữ khóa bí mật tạo trước đây. Chép nó vào Worker secret rồi khởi động lại: ' +
          'wrangler d1 execute DB --remote --command "select value from app_settings where key = \'secret\'", rồi wrangler secret put DANBAN_SECRET; ' +
          'Dân Bàn sẽ tự xóa nó khỏi cơ sở dữ liệu. / DANBAN_SECRET is not set and the database still holds the secret it generated earlier: ' +
          'copy it into the Worker secret DANBAN_SECRET (wrangler d1 execute … then wrangler secret put DANBAN_SECRET) and restart; it is then deleted from the database.',
        );
      }
      secret = await runtime.secretStore.create(stored);
    }
    if (config.secret === undefined && secret !== stored) {
      throw new Error(
        `Khóa trong ${runtime.secretStore?.where} khác khóa bí mật lưu trong cơ sở dữ liệu; giữ đúng tệp khóa của cơ sở dữ liệu này. / ` +
        `The key in ${runtime.secretStore?.where} differs from the secret stored in this database; put this database's key file back.`,
      );
    }
    await runtime.atomic([deleteSetting(runtime.db, 'secret')]);
    await runtime.compact?.();
  }
  if (secret === null) {
    if (!runtime.secretStore) {
      throw new Error('DANBAN_SECRET chưa được đặt (wrangler secret put DANBAN_SECRET, ít nhất 32 ký tự). / DANBAN_SECRET is not set (wrangler secret put DANBAN_SECRET, at least 32 characters).');
    }
    // a restored backup without its key: a new secret would make its serials and sealed ballots unusable
    if (await holdsKeyedData(runtime.db)) {
      throw new Error(
        `Cơ sở dữ liệu này đã dùng một khóa bí mật nhưng không tìm thấy khóa: đặt lại tệp ${runtime.secretStore.where} hoặc DANBAN_SECRET. / ` +
        `This database was used with a server secret that is missing: put its key file back at ${runtime.secretStore.where} or set DANBAN_SECRET.`,
      );
    }
    secret = await runtime.secretStore.create(base32(runtime.random(40), 64));
  }
  return secret;
}

/**
 * Makes a migrated database ready to serve: the server secret (never in the database), the first
 * commune, the admin account from DANBAN_ADMIN_PASSWORD, and the demo commune.
 * Returns lines to print once (generated demo passwords).
 */
export async function bootstrap(runtime: Runtime, config: Config): Promise<{ deps: AppDeps; notices: string[] }> {
  const notices: string[] = [];
  const secret = await serverSecret(runtime, config);
  const deps = { ...runtime, config, secret } as AppDeps;
  // Node: one process counts every ballot, so the waiting ones are counted
  // exactly; a Worker isolate sees some of them and asks D1 every K/4.
  deps.mixer = ballotMixer(deps, { batch: config.mixBatch, checkEvery: runtime.name === 'worker' ? Math.ceil(config.mixBatch / 4) : config.mixBatch });

  let communes = await listCommunes(runtime.db);
  if (communes.length === 0) {
    const commune = { id: runtime.newId(), name: config.communeName, slug: slugify(config.communeName), createdAt: runtime.clock().toISOString() };
    await atomicWithAudit(deps, [insertCommune(runtime.db, commune)], [
      { communeId: commune.id, actor: 'system', action: 'commune.create', entity: 'commune', entityId: commune.id, data: { name: commune.name } },
    ]);
    communes = await listCommunes(runtime.db);
  }
  const first = communes[0]!;

  if (config.adminPassword) {
    const hash = await runtime.passwords.hash(config.adminPassword);
    const existing = await findUserByUsername(runtime.db, 'admin');
    // Every start (every cold Worker) sees the same setting: change and log
    // the password only when it really differs.
    if (existing && (await runtime.passwords.verify(config.adminPassword, existing.passwordHash))) {
      /* already this password */
    } else if (existing) {
      await atomicWithAudit(deps, [updatePassword(runtime.db, existing.id, hash)], [
        { communeId: existing.communeId ?? '', actor: 'system', action: 'user.password', entity: 'user', entityId: existing.id, data: { username: 'admin' } },
      ]);
    } else {
      const id = runtime.newId();
      await atomicWithAudit(
        deps,
        [insertUser(runtime.db, { id, communeId: first.id, username: 'admin', displayName: 'Quản trị', role: 'admin', villageId: null, disabled: false, createdAt: runtime.clock().toISOString(), passwordHash: hash })],
        [{ communeId: first.id, actor: 'system', action: 'user.create', entity: 'user', entityId: id, data: { username: 'admin', role: 'admin' } }],
      );
    }
  }

  if (config.demo) notices.push(...(await seedDemo(deps, first.id)));
  return { deps, notices };
}
