import type { AppDeps } from './deps';
import { AppError, invalidField, type ErrorDetail } from '../domain/errors';
import type { Actor } from '../domain/actor';
import type { Role } from '../domain/actor';
import { insertUser, villageCommune } from '../../db/repositories/users';
import { findCommune } from '../../db/repositories/communes';
import { ConstraintViolation } from '../runtime/types';
import { cleanText } from '../domain/text';
import { atomicWithAudit } from './audit';

export type CommuneRole = Exclude<Role, 'province_admin'>;

export interface NewUser {
  username: string;
  password: string;
  role: CommuneRole;
  villageId?: string | null;
  displayName?: string;
  /** only a province administrator names the commune; an admin creates users in their own */
  communeId?: string;
}

/** Usernames compare as typed on any keyboard: NFC, trimmed, lower case. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

/** A form that asks for the person's name says why. */
export const NAME_REQUIRED = {
  vi: 'Hãy nhập họ và tên (tối đa 100 ký tự): tên này hiện trên biên bản và nhật ký.',
  en: 'Enter the full name (at most 100 characters): it is shown on tally sheets and in the audit log.',
};

/**
 * Creates an account in the caller's commune (a province administrator names
 * the commune). The unique username is the database's to guard; the password
 * never reaches the audit log.
 */
export async function createUser(deps: AppDeps, actor: Actor, input: NewUser, opts: { requireName?: boolean } = {}): Promise<{ id: string }> {
  // Every problem of the request at once, so a form shows them all after one submit.
  const problems: ErrorDetail[] = [];
  let communeId: string;
  if (actor.role === 'province_admin') {
    if (!input.communeId) throw invalidField('communeId', { vi: 'Cần chọn xã cho tài khoản.', en: 'Choose the commune of the account.' });
    if (!(await findCommune(deps.db, input.communeId)))
      throw invalidField('communeId', { vi: 'Không có xã này.', en: 'There is no such commune.' });
    communeId = input.communeId;
  } else if (actor.role === 'admin' && actor.communeId) {
    if (input.communeId !== undefined && input.communeId !== actor.communeId)
      throw invalidField('communeId', { vi: 'Chỉ cán bộ cấp tỉnh mới được chọn xã.', en: 'Only a province administrator may choose the commune.' });
    communeId = actor.communeId;
  } else {
    throw new AppError('FORBIDDEN');
  }

  if (opts.requireName && !cleanText(input.displayName ?? '')) {
    problems.push({ path: 'displayName', message: NAME_REQUIRED });
  }
  const villageId = input.villageId ?? null;
  if (input.role === 'village_head') {
    if (!villageId) problems.push({ path: 'villageId', message: { vi: 'Trưởng thôn phải gắn với một thôn của xã.', en: 'A village head must name a village of the commune.' } });
    // A village of another commune is refused exactly like a missing one: its existence is not revealed.
    else if ((await villageCommune(deps.db, villageId)) !== communeId)
      problems.push({ path: 'villageId', message: { vi: 'Không có thôn này trong xã.', en: 'There is no such village in the commune.' } });
  } else if (villageId) {
    problems.push({ path: 'villageId', message: { vi: 'Chỉ trưởng thôn mới gắn với một thôn.', en: 'Only a village head is tied to a village.' } });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);

  const username = normalizeUsername(input.username);
  const id = deps.newId();
  const passwordHash = await deps.passwords.hash(input.password);
  try {
    await atomicWithAudit(
      deps,
      [insertUser(deps.db, {
        id, communeId, username, displayName: cleanText(input.displayName ?? '') || username, role: input.role, villageId,
        disabled: false, createdAt: deps.clock().toISOString(), passwordHash,
      })],
      [{ communeId, actor: actor.username, action: 'user.create', entity: 'user', entityId: id, data: { username, role: input.role, villageId } }],
    );
  } catch (err) {
    if (err instanceof ConstraintViolation && err.kind === 'unique' && err.detail.includes('username')) {
      throw new AppError('CONFLICT', { vi: `Tên đăng nhập "${username}" đã có người dùng.`, en: `The username "${username}" is taken.` }, [
        { path: 'username', message: { vi: 'Tên đăng nhập đã có người dùng.', en: 'This username is taken.' } },
      ]);
    }
    throw err;
  }
  return { id };
}
