import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { hmacHex, hmacSha256 } from '../../server/runtime/crypto';

describe('HMAC-SHA256 with precomputed keyed states', () => {
  it('equals the standard HMAC for short, long and Vietnamese keys and messages', async () => {
    const keys = ['k', 'x'.repeat(64), 'y'.repeat(200), 'khóa bí mật của xã Việt Khê'];
    const messages = ['', 'serial|abc|def|0', 'Nguyễn Văn Đạt', 'z'.repeat(5000)];
    for (const key of keys) {
      for (const m of messages) {
        const expected = createHmac('sha256', key).update(m).digest('hex');
        expect(await hmacHex(key, m)).toBe(expected);
        expect(Buffer.from(await hmacSha256(key, m)).toString('hex')).toBe(expected);
      }
    }
  });
});
