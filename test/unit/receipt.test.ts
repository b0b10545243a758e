import { describe, expect, it } from 'vitest';
import { receiptFor, receiptSerialPrefix, serialHash } from '../../server/services/serial-codes';

const SECRET = 'receipt-test-secret-'.padEnd(40, 'r');

describe('ballot receipts', () => {
  it('are 10 readable characters that name their serial hash prefix, the same for the same key', async () => {
    for (const serial of ['ABCDEFGHJKM', '0000000000X', 'ZZZZZZZZZZ4']) {
      const hash = await serialHash(SECRET, serial);
      const receipt = await receiptFor(SECRET, hash, 'key-1');
      expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(receiptSerialPrefix(receipt)).toBe(hash.slice(0, 8));
      expect(receiptSerialPrefix(receipt.toLowerCase().replace(/0/g, 'o'))).toBe(hash.slice(0, 8));
      expect(await receiptFor(SECRET, hash, 'key-1')).toBe(receipt);
      expect(await receiptFor(SECRET, hash, 'key-2')).not.toBe(receipt);
    }
  });

  it('refuse text that cannot be a receipt', () => {
    expect(receiptSerialPrefix('ABC')).toBeNull();
    expect(receiptSerialPrefix('ZZZZZZZ000')).toBeNull(); // more than 32 bits
    expect(receiptSerialPrefix('UUUUUUUUUU')).toBeNull();
  });
});
