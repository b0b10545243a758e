// Part of the published snapshot (domain/results/snapshot.ts): every question
// of an answered campaign's form (consultation, satisfaction) summarised, in
// the form's order, with its labels. Written out field by field because a
// published snapshot is kept for ever; the engine that fills it is
// domain/form-results.ts. Free texts are never here: only how many wrote one
// (staff read and group the texts; a grouped theme is what the public sees).
import type { LocalizedText } from '../i18n';
import type { SnapshotTheme } from './snapshot';

/** A choice, scale value, row or column: its value as written in the form, and its text. */
export interface SnapshotChoice {
  value: string;
  text: LocalizedText;
}

/** What one answer field sums up to (a question, a matrix cell, a multipletext item, a list's column). */
export type SnapshotFieldResult =
  /** radiogroup, dropdown, checkbox, tagbox: per choice value ("other" and "none" among them when the form has them) */
  | { kind: 'choice'; multiple: boolean; choices: SnapshotChoice[]; counts: Record<string, number> }
  /** true / false under their labels (labelTrue / labelFalse, else Có / Không) */
  | { kind: 'boolean'; choices: SnapshotChoice[]; counts: Record<string, number> }
  /** a rating: per scale value, the mean, and the scale with its end descriptions */
  | {
      kind: 'rating';
      choices: SnapshotChoice[];
      counts: Record<string, number>;
      mean: number | null;
      scale: { min: number; max: number; minText: LocalizedText | null; maxText: LocalizedText | null };
    }
  /** a ranking: per item its mean rank (1 = first), how often it came first, how often it was ranked */
  | { kind: 'ranking'; choices: SnapshotChoice[]; meanRank: Record<string, number | null>; first: Record<string, number>; ranked: Record<string, number> }
  /** a number box */
  | { kind: 'number'; mean: number | null; min: number | null; max: number | null }
  /** a date box (YYYY-MM-DD) */
  | { kind: 'date'; earliest: string | null; latest: string | null }
  /** free text: only how many wrote one; the texts are for staff to group */
  | { kind: 'text' }
  /** personal data (a name, a phone number, an e-mail): only how many answered; never listed, even to staff */
  | { kind: 'personal' };

export type SnapshotField = { name: string; title: LocalizedText; answered: number } & SnapshotFieldResult;

/** A row of a matrix: its counts per column, and the mean when the columns are numbers. */
export interface SnapshotMatrixRow extends SnapshotChoice {
  answered: number;
  counts: Record<string, number>;
  mean: number | null;
}

export type SnapshotFormQuestion =
  | (SnapshotField & { section: LocalizedText | null })
  | ({ name: string; title: LocalizedText; answered: number; section: LocalizedText | null } & (
      | { kind: 'matrix'; columns: SnapshotChoice[]; rows: SnapshotMatrixRow[] }
      /** a matrixdropdown: per row, each column summed up as a field */
      | { kind: 'matrixdropdown'; rows: (SnapshotChoice & { answered: number; cells: SnapshotField[] })[] }
      /**
       * multipletext (parts are its items), matrixdynamic (its columns, over
       * every row) and paneldynamic (its template's questions, over every
       * panel); `entries` is the rows or panels filled in all (1 for each
       * answered multipletext)
       */
      | { kind: 'multipletext' | 'matrixdynamic' | 'paneldynamic'; entries: number; parts: SnapshotField[] }
    ));

export interface SnapshotForm {
  respondents: number;
  questions: SnapshotFormQuestion[];
  /** written answers (free texts and "other" notes, personal data left out) */
  texts: number;
  /** of them, not yet grouped under a theme */
  ungrouped: number;
  themes: SnapshotTheme[];
}
