import type { Compilable, Kysely } from 'kysely';
import * as m0001 from './20261126-0001-initial';
import * as secrecy01 from './20261130-secrecy-01-sealed-ballots';
import * as feedback01 from './20261130-feedback-01-feedback';
import * as feedback02 from './20261130-feedback-02-dialogues';
import * as feedback03 from './20261130-feedback-03-outreach';
import * as counting01 from './20261130-counting-01-advisory-uses-boards-agreements';
import * as timeline01 from './20261130-timeline-01-calendar-and-steps';
import * as recognition01 from './20261130-recognition-01-recognitions-attestations-teams';
import * as records01 from './20261130-records-01-online-records-answers-initiatives';

export interface Migration {
  name: string;
  up(db: Kysely<any>): Compilable[];
}

// A static registry: Workers cannot list a folder. Append, never reorder.
export const migrations: Migration[] = [
  { name: '20261126-0001-initial', ...m0001 },
  { name: '20261130-secrecy-01-sealed-ballots', ...secrecy01 },
  { name: '20261130-feedback-01-feedback', ...feedback01 },
  { name: '20261130-feedback-02-dialogues', ...feedback02 },
  { name: '20261130-feedback-03-outreach', ...feedback03 },
  { name: '20261130-counting-01-advisory-uses-boards-agreements', ...counting01 },
  { name: '20261130-timeline-01-calendar-and-steps', ...timeline01 },
  { name: '20261130-recognition-01-recognitions-attestations-teams', ...recognition01 },
  { name: '20261130-records-01-online-records-answers-initiatives', ...records01 },
];
