import { describe, expect, it } from 'vitest';
import { isLocalOrigin, qrOriginWarning } from '../../server/domain/public-url';
import { formsFor } from '../../server/domain/campaign-forms';

describe('the address printed in QR codes', () => {
  it.each([
    ['http://localhost:3000', true],
    ['http://127.0.0.1:8787', true],
    ['http://[::1]:3000', true],
    ['http://192.168.1.20:3000', true],
    ['http://10.0.0.5', true],
    ['http://172.20.1.1', true],
    ['http://danban-server:3000', true],
    ['http://ubnd.local', true],
    ['https://danban.vietkhe.gov.vn', false],
    ['http://203.162.4.190', false],
    ['http://172.32.0.1', false],
  ])('%s is local to the office: %s', (origin, local) => {
    expect(isLocalOrigin(origin)).toBe(local);
  });

  it('warns, naming the address, when DANBAN_PUBLIC_URL is unset and staff reach the server at localhost', () => {
    const w = qrOriginWarning(undefined, 'http://localhost:3000');
    expect(w?.origin).toBe('http://localhost:3000');
    expect(w?.message.vi).toContain('Chưa đặt DANBAN_PUBLIC_URL');
    expect(w?.message.vi).toContain('http://localhost:3000');
    expect(w?.message.en).toContain('DANBAN_PUBLIC_URL is not set');
  });

  it('warns when DANBAN_PUBLIC_URL itself names this machine, and says nothing for a public address', () => {
    expect(qrOriginWarning('http://127.0.0.1:3000', 'https://danban.vietkhe.gov.vn')?.message.vi).toContain('DANBAN_PUBLIC_URL đang là http://127.0.0.1:3000');
    expect(qrOriginWarning('https://danban.vietkhe.gov.vn', 'http://localhost:3000')).toBeNull();
    // reached through its public name (behind a proxy): the codes will open
    expect(qrOriginWarning(undefined, 'https://danban.vietkhe.gov.vn')).toBeNull();
  });
});

describe('the NĐ 59/2023 forms a campaign needs', () => {
  it('offers the meeting forms (Mẫu 01–03) only with a meeting and Mẫu 04 only with household ballots', () => {
    expect(formsFor(['online', 'paper'])).toEqual(['mau-04']);
    expect(formsFor(['meeting'])).toEqual(['mau-01', 'mau-02', 'mau-03']);
    expect(formsFor(['paper', 'meeting'])).toEqual(['mau-01', 'mau-02', 'mau-03', 'mau-04']);
    expect(formsFor(['online'])).toEqual([]);
  });
});
