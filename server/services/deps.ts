import type { Runtime } from '../runtime/types';
import type { Config } from '../config';
import type { FontProvider } from '../print/font-provider';
import type { BallotMixer } from './ballot-mixer';

/** What every service is given: the runtime (database, clock, random, …), the settings and the server secret. */
export interface AppDeps extends Runtime {
  config: Config;
  /** The server secret: sessions, serial derivation, receipts, the key that seals secret ballots. Never in the database. */
  secret: string;
  /** mixes and moves sealed secret ballots (services/ballot-mixer.ts) */
  mixer: BallotMixer;
  /** Font bytes for PDFs; given by the entry file, since only it may read the disk. */
  fonts?: FontProvider;
}
