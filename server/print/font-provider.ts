// How the app gets its PDF fonts without knowing its runtime: the entry file
// passes a provider in AppDeps (Node reads node_modules once through
// server/runtime/fonts-node.ts; a Worker hands over bytes bundled as an asset).
import type { PrintFonts } from './pdf-output';

export type FontProvider = () => PrintFonts | Promise<PrintFonts>;
