import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { guardText, needsTextGuard, unguardText } from '../../server/domain/spreadsheet-text';

// What a spreadsheet would run as a formula when it opens a file.
const RUNS_AS_FORMULA = /^\s*[=+\-@＝＋－＠]|^[\t\r]/;

describe('text in spreadsheet cells (formula injection, leading zeros)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+84912345678', "'+84912345678"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['  =1', "'  =1"],
    ['＝1+1', "'＝1+1"],
    ['0912345678', "'0912345678"],
    ['00123', "'00123"],
    ['1234567890123', "'1234567890123"],
    ['1E5', "'1E5"],
    ['1-2', "'1-2"],
    ['12/3/2026', "'12/3/2026"],
  ])('guards %j as %j', (text, written) => {
    expect(guardText(text)).toBe(written);
    expect(unguardText(written)).toBe(text);
  });

  it.each(['Nguyễn Văn An', 'Xóm 1, Thôn Đông Sơn', 'VK-DS-0001', '12', '82.1', '0', "'quoted", "it's", ''])('leaves %j as it is', (text) => {
    expect(guardText(text)).toBe(text);
    expect(unguardText(text)).toBe(text);
  });

  it("keeps text that really starts with an apostrophe: one more is added, one comes off", () => {
    expect(guardText("'=x")).toBe("''=x");
    expect(unguardText("''=x")).toBe("'=x");
    // an apostrophe another exporter added comes off too
    expect(unguardText("'=x")).toBe('=x');
  });

  it('gives back every text it guarded, and never writes one a spreadsheet would run', () => {
    const starts = fc.constantFrom('', "'", "''", '=', '+', '-', '@', '\t', '\r', ' ', '0', '00', '1-', 'Đ');
    fc.assert(
      fc.property(starts, fc.string({ maxLength: 12 }), (start, rest) => {
        const text = start + rest;
        const written = guardText(text);
        expect(unguardText(written)).toBe(text);
        expect(RUNS_AS_FORMULA.test(written)).toBe(false);
        expect(needsTextGuard(written)).toBe(needsTextGuard(text));
      }),
      { numRuns: 2000 },
    );
  });
});
