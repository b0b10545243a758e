// The SurveyJS templates a campaign starts from. Imported statically (not read
// from disk) so the same code runs on Workers, which cannot list or read files.
import consultation from './consultation.json';
import election from './election.json';
import householdDecision from './household-decision.json';
import oneStopRating from './one-stop-rating.json';
import sipas from './sipas.json';

const TEMPLATES = {
  'household-decision': householdDecision,
  consultation,
  sipas,
  'one-stop-rating': oneStopRating,
  election,
} as const;

export type TemplateName = keyof typeof TEMPLATES;

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

export const isTemplateName = (name: string): name is TemplateName => Object.prototype.hasOwnProperty.call(TEMPLATES, name);

/** A fresh copy of the template's JSON (callers fill in candidates, seats, titles), or null for an unknown name. */
export function loadTemplate(name: string): Record<string, unknown> | null {
  if (!isTemplateName(name)) return null;
  return structuredClone(TEMPLATES[name]) as Record<string, unknown>;
}
