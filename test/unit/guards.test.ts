import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../server/domain/actor';
import { communeOfActor, inActorVillages, requireCommune, requireVillage, villageFilter } from '../../server/services/guards';
import { AppError } from '../../server/domain/errors';

const actor = (role: Role, villageId: string | null = null, communeId: string | null = 'c1'): Actor =>
  ({ id: 'u', username: 'u', role, communeId: role === 'province_admin' ? null : communeId, villageId });

const codeOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
};

describe('access guards', () => {
  const head = actor('village_head', 'v1');

  it('lets a village head act only in their own village, everyone else everywhere', () => {
    expect(codeOf(() => requireVillage(head, 'v1'))).toBeNull();
    expect(codeOf(() => requireVillage(head, 'v2'))).toBe('FORBIDDEN');
    for (const role of ['admin', 'staff', 'inspector', 'province_admin'] as const) expect(codeOf(() => requireVillage(actor(role), 'v2'))).toBeNull();
  });

  it('says why, in the words the service gives', () => {
    try {
      requireVillage(head, 'v2', { vi: 'Chỉ thôn mình.', en: 'Own village only.' });
    } catch (err) {
      expect((err as AppError).text.en).toBe('Own village only.');
    }
    expect.assertions(1);
  });

  it('keeps a village head’s listings to their village and others to the one asked for', () => {
    expect(villageFilter(head, undefined)).toBe('v1');
    expect(villageFilter(head, 'v1')).toBe('v1');
    expect(codeOf(() => villageFilter(head, 'v2'))).toBe('FORBIDDEN');
    expect(villageFilter(actor('staff'), undefined)).toBeUndefined();
    expect(villageFilter(actor('staff'), 'v2')).toBe('v2');
    const rows = [{ v: 'v1' }, { v: 'v2' }];
    expect(inActorVillages(head, rows, (r) => r.v)).toEqual([{ v: 'v1' }]);
    expect(inActorVillages(actor('inspector'), rows, (r) => r.v)).toEqual(rows);
  });

  it('never crosses communes: another commune is 404, a province administrator sees every commune', () => {
    expect(codeOf(() => requireCommune(actor('admin'), 'c2'))).toBe('NOT_FOUND');
    expect(codeOf(() => requireCommune(actor('admin'), 'c1'))).toBeNull();
    expect(codeOf(() => requireCommune(actor('province_admin'), 'c2'))).toBeNull();
    expect(codeOf(() => communeOfActor(actor('province_admin')))).toBe('FORBIDDEN');
    expect(communeOfActor(actor('staff'))).toBe('c1');
  });
});
