import type { Runtime } from '../runtime/types';
import type { Config } from '../config';
import type { FontProvider } from '../print/font-provider';

/** What every service is given: the runtime (database, clock, random, …), the settings and the server secret. */
export interface AppDeps extends Runtime {
  config: Config;
  /** The server secret: sessions, serial derivation, receipts. */
  secret: string;
  /** Font bytes for PDFs; given by the entry file, since only it may read the disk. */
  fonts?: FontProvider;
}
