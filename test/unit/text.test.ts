import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, fold } from '../../server/domain/text';

// cleanText and fold skip their rewriting when there is nothing to rewrite
// (an import runs them a million times): the answers must be those of the
// plain rules.
const plainClean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const plainFold = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();

const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\uFEFF', 'a', 'Z', '0', '-', 'Đ', 'đ', 'ễ', 'e\u0302\u0303', 'Nguyễn', 'VK-DS-01');

describe('Vietnamese text rules', () => {
  it('cleans and folds any text exactly as the plain rules do', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(cleanText(s)).toBe(plainClean(s));
        expect(fold(s)).toBe(plainFold(s));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['  Lê  Ngọc\tĐạt ', 'Lê Ngọc Đạt', 'le ngoc dat'],
    ['VK-DS-0001', 'VK-DS-0001', 'vk-ds-0001'],
    ['0912 345 678', '0912 345 678', '0912 345 678'],
  ])('cleans %j to %j and folds it to %j', (s, clean, folded) => {
    expect(cleanText(s)).toBe(clean);
    expect(fold(s)).toBe(folded);
  });
});
