import { describe, expect, it } from 'vitest';
import { ballotsReturnByHousehold, glanceParts, villageGlance } from '../../server/domain/participation';
import { DEFAULT_RULES } from '../../server/domain/legal-rules';

const now = new Date('2026-11-26T02:00:00Z'); // 09:00 in Vietnam
const open = { status: 'open' as const, closesAt: '2026-12-10T23:59:59+07:00' };

describe('a village at a glance', () => {
  it('reads "163/412 hộ — cần 207 — còn 14 ngày" for a k6 matter: more than half of all households (Đ21 k1)', () => {
    const g = villageGlance({ kind: 'decision', category: 'k6', ...open }, { households: 412, tookPart: 163 }, now);
    expect(glanceParts(g).map((p) => p.vi)).toEqual(['163/412 hộ', 'cần 207', 'còn 14 ngày']);
    expect(g.rule).toBe(DEFAULT_RULES.thresholds.k6);
  });

  it('needs two thirds of all households for k1, counted against the households, never the ballots returned', () => {
    expect(villageGlance({ kind: 'decision', category: 'k1', ...open }, { households: 300, tookPart: 12 }, now).needed).toBe(200);
    expect(villageGlance({ kind: 'election', category: 'k5', ...open }, { households: 300, tookPart: 12 }, now).needed).toBe(151);
  });

  it('has no threshold for a consultation, and says the day itself, a day past, or the end', () => {
    expect(glanceParts(villageGlance({ kind: 'consultation', category: null, ...open }, { households: 10, tookPart: 4 }, now)).map((p) => p.vi)).toEqual(['4/10 hộ', 'còn 14 ngày']);
    const closesToday = { status: 'open' as const, closesAt: '2026-11-26T17:00:00+07:00' };
    expect(glanceParts(villageGlance({ kind: 'decision', category: 'k6', ...closesToday }, { households: 10, tookPart: 4 }, now)).at(-1)!.vi).toBe('hạn cuối hôm nay');
    const past = { status: 'open' as const, closesAt: '2026-11-24T17:00:00+07:00' };
    expect(glanceParts(villageGlance({ kind: 'decision', category: 'k6', ...past }, { households: 10, tookPart: 4 }, now)).at(-1)!.vi).toBe('quá hạn 2 ngày');
    const closed = { status: 'closed' as const, closesAt: '2026-12-10T17:00:00+07:00' };
    expect(glanceParts(villageGlance({ kind: 'decision', category: 'k6', ...closed }, { households: 10, tookPart: 4 }, now)).at(-1)!.vi).toBe('đã kết thúc');
  });

  it('lists ballots not back only where households hold a ballot of their own', () => {
    expect(ballotsReturnByHousehold({ kind: 'decision', channels: ['paper', 'meeting'], advisoryOnline: false })).toBe(true);
    expect(ballotsReturnByHousehold({ kind: 'decision', channels: ['meeting'], advisoryOnline: true })).toBe(true);
    expect(ballotsReturnByHousehold({ kind: 'election', channels: ['meeting'], advisoryOnline: false })).toBe(false);
    expect(ballotsReturnByHousehold({ kind: 'satisfaction', channels: ['online'], advisoryOnline: false })).toBe(false);
    expect(ballotsReturnByHousehold({ kind: 'consultation', channels: ['online', 'paper'], advisoryOnline: false })).toBe(false);
  });
});
