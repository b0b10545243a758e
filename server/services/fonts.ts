import type { AppDeps } from './deps';
import { AppError } from '../domain/errors';
import type { PrintFonts } from '../print/pdf-output';

/** The fonts every PDF is drawn with; a server without them cannot print (500, saying so). */
export async function printFonts(deps: AppDeps): Promise<PrintFonts> {
  if (!deps.fonts) throw new AppError('INTERNAL', { vi: 'Máy chủ chưa có phông chữ để in.', en: 'No print fonts are configured on this server.' });
  return deps.fonts();
}
