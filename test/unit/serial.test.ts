import { describe, expect, it } from 'vitest';
import { ALPHABET, checkCharacter, groupSerial, parseSerial, serialFromDigest } from '../../server/domain/serial';
import { seededRandom } from '../support/app';

const random = seededRandom(7);
const serials = Array.from({ length: 300 }, () => serialFromDigest(random(32)));

describe('ballot serials', () => {
  it('are 11 characters of the Crockford alphabet with a valid check character', () => {
    for (const s of serials) {
      expect(s).toMatch(/^[0-9A-HJKMNP-TV-Z]{11}$/);
      expect(parseSerial(s)).toEqual({ ok: true, serial: s });
    }
  });

  it('accept lower case, O for 0, I or L for 1, spaces and hyphens', () => {
    const s = '0123456789A';
    const body = '01L1O11111';
    const serial = body.replace(/L/g, '1').replace(/O/g, '0') + checkCharacter(body.replace(/L/g, '1').replace(/O/g, '0'));
    const typed = ` ${serial.slice(0, 4).toLowerCase().replace(/1/g, 'l').replace(/0/g, 'o')}-${serial.slice(4, 8)} ${serial.slice(8)} `;
    expect(parseSerial(typed)).toEqual({ ok: true, serial });
    expect(parseSerial(s).ok).toBe(false);
  });

  it('catch every single mistyped character', () => {
    for (const s of serials.slice(0, 60)) {
      for (let i = 0; i < s.length; i++) {
        for (const ch of ALPHABET) {
          if (ch === s[i]) continue;
          const typo = s.slice(0, i) + ch + s.slice(i + 1);
          expect(parseSerial(typo)).toEqual({ ok: false, reason: 'check' });
        }
      }
    }
  });

  it('catch most swaps of neighbouring characters', () => {
    let swaps = 0;
    let caught = 0;
    for (const s of serials) {
      for (let i = 0; i < s.length - 1; i++) {
        if (s[i] === s[i + 1]) continue;
        swaps++;
        const swapped = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
        if (!parseSerial(swapped).ok) caught++;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.9);
  });

  it('refuse a wrong length or a letter outside the alphabet with the reason', () => {
    expect(parseSerial('ABC')).toEqual({ ok: false, reason: 'length' });
    expect(parseSerial('ABCDEFGHJKU')).toEqual({ ok: false, reason: 'character' });
  });

  it('print in groups for reading', () => {
    expect(groupSerial('ABCDEFGHJKM')).toBe('ABCD-EFGH-JKM');
  });
});
