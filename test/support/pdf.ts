// Reading PDFs as a person would check them: page count (pdfinfo), text
// (pdftotext, NFC), and every QR code scanned back (pdftoppm + zbarimg).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfWorkspace {
  /** writes the bytes to a file of the workspace and returns its path */
  save(pdf: Uint8Array): string;
  info(file: string): string;
  pages(file: string): number;
  /** text of the whole document, of one page, or of a region (points) of one page */
  text(file: string, opts?: { page?: number; crop?: [number, number, number, number] }): string;
  /** every QR on every page, read from a 150 dpi render */
  scanQrCodes(file: string): string[];
  cleanup(): void;
}

export function pdfWorkspace(): PdfWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'danban-pdf-'));
  let files = 0;
  const info = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    save(pdf) {
      const file = join(dir, `doc-${++files}.pdf`);
      writeFileSync(file, pdf);
      return file;
    },
    info,
    pages: (file) => Number(/Pages:\s+(\d+)/.exec(info(file))?.[1]),
    text(file, opts = {}) {
      const args = ['-layout'];
      if (opts.page) args.push('-f', String(opts.page), '-l', String(opts.page));
      if (opts.crop) args.push('-x', String(opts.crop[0]), '-y', String(opts.crop[1]), '-W', String(opts.crop[2]), '-H', String(opts.crop[3]));
      return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' }).normalize('NFC');
    },
    scanQrCodes(file) {
      const prefix = join(dir, `scan-${++files}`);
      execFileSync('pdftoppm', ['-r', '150', '-png', file, prefix]);
      const images = readdirSync(dir).filter((f) => f.startsWith(`scan-${files}-`)).map((f) => join(dir, f));
      // one zbarimg for all pages; its stderr only carries dbus noise in containers
      const out = execFileSync('zbarimg', ['--raw', '-q', ...images], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return out.split('\n').filter((line) => line.length > 0);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
