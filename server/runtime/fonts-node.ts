// Node side of font loading for print/: reads the font files from node_modules.
// Workers get the same bytes from a bundled asset and pass them in.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PrintFonts } from '../print/pdf-output';

const PACKAGE = '@expo-google-fonts/be-vietnam-pro';

let cached: PrintFonts | undefined;

/** Be Vietnam Pro as TTF (pdfkit crashes on WOFF2 and is slow on WOFF), read once per process. */
export function loadPrintFonts(): PrintFonts {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const read = (file: string): Uint8Array => new Uint8Array(readFileSync(require.resolve(`${PACKAGE}/${file}`)));
    cached = {
      regular: read('400Regular/BeVietnamPro_400Regular.ttf'),
      bold: read('700Bold/BeVietnamPro_700Bold.ttf'),
    };
  }
  return cached;
}
