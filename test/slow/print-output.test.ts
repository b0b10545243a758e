// How PDFs leave server/print: streamed sheet by sheet as the reader pulls,
// the same bytes whichever way they are taken, fonts embedded once per batch.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHouseholdBallots, type HouseholdBallot, type HouseholdBallotBatch } from '../../server/print/ballot';
import { loadPrintFonts } from '../../server/runtime/fonts-node';
import { groupSerial } from '../../server/print/serial-format';
import { pdfWorkspace } from '../support/pdf';

const pdf = pdfWorkspace();
afterAll(() => pdf.cleanup());
const { save } = pdf;
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });

const fonts = loadPrintFonts();

/** Households drawn lazily; `taken()` says how many the printer has pulled so far. */
function countedHouseholds(count: number): { ballots: Iterable<HouseholdBallot>; taken: () => number } {
  let taken = 0;
  function* gen(): Generator<HouseholdBallot> {
    for (let i = 1; i <= count; i++) {
      taken++;
      yield { serial: `SERIAL${String(i).padStart(5, '0')}`, householdCode: `VK-DS-${String(i).padStart(4, '0')}`, representative: 'Đỗ Thị Mỹ Hằng' };
    }
  }
  return { ballots: gen(), taken: () => taken };
}

function batch(ballots: Iterable<HouseholdBallot>): HouseholdBallotBatch {
  return {
    origin: 'https://danban.vietkhe.vn',
    format: 'A5',
    communeName: 'xã Việt Khê',
    villageName: 'Thôn Đông Sơn',
    scope: 'village',
    campaignTitle: 'Đóng góp xây dựng nhà văn hóa',
    content: 'Mức đóng góp 300.000 đồng/hộ.',
    deadline: '2026-12-15T00:00:00+07:00',
    onlineAllowed: false,
    ballots,
    createdAt: new Date('2026-11-26T00:00:00Z'),
  };
}

describe('groupSerial', () => {
  it.each([
    ['ABCDEFGHJKM', 'ABCD-EFGH-JKM'],
    ['abcdefghjkm', 'ABCD-EFGH-JKM'],
    ['abcd efgh-jkm', 'ABCD-EFGH-JKM'],
    ['ABCD', 'ABCD'],
  ])('prints %s as %s', (serial, grouped) => {
    expect(groupSerial(serial)).toBe(grouped);
  });
});

describe('PDF output', () => {
  it('draws a large batch only as the reader pulls, not all at once', () => {
    const source = countedHouseholds(250);
    const chunks = renderHouseholdBallots(batch(source.ballots), fonts)[Symbol.iterator]();
    const first = chunks.next();
    expect(first.done).toBe(false);
    expect(source.taken()).toBeGreaterThan(0);
    expect(source.taken()).toBeLessThan(125);
    while (!chunks.next().done);
    expect(source.taken()).toBe(250);
  });

  it('gives the same bytes through a ReadableStream, a sink and toBytes', async () => {
    const bytes = renderHouseholdBallots(batch(countedHouseholds(60).ballots), fonts).toBytes();
    const streamed: Uint8Array[] = [];
    const reader = renderHouseholdBallots(batch(countedHouseholds(60).ballots), fonts).toReadableStream().getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) streamed.push(r.value);
    const sunk: Uint8Array[] = [];
    const total = await renderHouseholdBallots(batch(countedHouseholds(60).ballots), fonts).writeTo(async (c) => {
      sunk.push(c);
    });
    expect(Buffer.concat(streamed).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.concat(sunk).equals(Buffer.from(bytes))).toBe(true);
    expect(total).toBe(bytes.length);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('%PDF-1.3');
  });

  it('keeps a 300-ballot batch readable from first page to last, with each font embedded once', () => {
    const file = save(renderHouseholdBallots(batch(countedHouseholds(300).ballots), fonts).toBytes());
    expect(run('pdfinfo', [file])).toMatch(/Pages:\s+150\b/);
    expect(run('pdftotext', ['-f', '1', '-l', '1', file, '-'])).toContain('VK-DS-0001');
    expect(run('pdftotext', ['-f', '150', '-l', '150', file, '-'])).toContain('VK-DS-0300');
    const fontRows = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim().length > 0);
    expect(fontRows).toHaveLength(2);
    for (const row of fontRows) expect(row).toMatch(/BeVietnamPro.*CID TrueType.*yes\s+yes/);
  });
});
