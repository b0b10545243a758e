import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { aesGcmOpen, aesGcmSeal, fromBase64, hmacHex, hmacSha256, sealKey, toBase64 } from '../../server/runtime/crypto';

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

describe('sealing secret ballots (AES-256-GCM under a key derived from the server secret)', () => {
  const text = (s: string) => new TextEncoder().encode(s);
  const nonce = new Uint8Array(12).fill(7);

  it('opens what it sealed, through base64, and nothing of the plaintext shows in the sealed bytes', async () => {
    const key = await sealKey('khóa bí mật của xã Việt Khê'.padEnd(40, 'x'));
    const plaintext = text('{"a":{"decision":"approve"}}');
    const sealed = await aesGcmSeal(key, nonce, plaintext, text('campaign|0|id|online'));
    expect(sealed).toHaveLength(12 + plaintext.length + 16);
    expect(Buffer.from(sealed).toString('latin1')).not.toContain('approve');
    expect(new TextDecoder().decode(await aesGcmOpen(key, fromBase64(toBase64(sealed)), text('campaign|0|id|online')))).toBe('{"a":{"decision":"approve"}}');
  });

  it('refuses a changed byte, other associated data (another campaign, row or channel) and another secret', async () => {
    const key = await sealKey('a'.repeat(40));
    const sealed = await aesGcmSeal(key, nonce, text('{"a":1}'), text('c1|0|id|online'));
    const flipped = sealed.slice();
    flipped[20] = flipped[20]! ^ 1;
    await expect(aesGcmOpen(key, flipped, text('c1|0|id|online'))).rejects.toThrow();
    await expect(aesGcmOpen(key, sealed, text('c2|0|id|online'))).rejects.toThrow();
    await expect(aesGcmOpen(await sealKey('b'.repeat(40)), sealed, text('c1|0|id|online'))).rejects.toThrow();
  });
});
