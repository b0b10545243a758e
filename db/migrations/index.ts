import type { Compilable, Kysely } from 'kysely';
import * as m0001 from './20261126-0001-initial';
import * as secrecy01 from './20261130-secrecy-01-sealed-ballots';

export interface Migration {
  name: string;
  up(db: Kysely<any>): Compilable[];
}

// A static registry: Workers cannot list a folder. Append, never reorder.
export const migrations: Migration[] = [
  { name: '20261126-0001-initial', ...m0001 },
  { name: '20261130-secrecy-01-sealed-ballots', ...secrecy01 },
];
