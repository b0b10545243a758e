// Properties this project adds to SurveyJS JSON. survey-core drops a key it
// does not know and its linter reports it (property/unknown); registering
// these with its Serializer keeps our forms lint-clean in survey-core, in
// SurveyJS Creator and in our tests. Pure data and a function that takes the
// Serializer: survey-core stays out of the server's runtime (DESIGN §4).

export interface CustomProperty {
  /** survey-core classes that carry it ("question" covers every question type) */
  classes: readonly string[];
  name: string;
  type: 'string' | 'boolean';
  /** what reads it */
  why: string;
}

export const CUSTOM_PROPERTIES: readonly CustomProperty[] = [
  {
    classes: ['question', 'panel'],
    name: 'element',
    type: 'string',
    why: 'SIPAS: the element (A–E) a criterion and its panel belong to; the satisfaction results group criteria by it (surveys/sipas.json)',
  },
  {
    classes: ['question', 'panel', 'multipletextitem', 'matrixdropdowncolumn'],
    name: 'personal',
    type: 'boolean',
    why: 'personal data (a name, an address…; tel and email boxes are so already): the results count the answers and never list them, not even to staff (domain/form-results.ts)',
  },
];

/** The part of survey-core's Serializer this needs (JsonMetadata). */
export interface SerializerLike {
  findProperty(className: string, propertyName: string): unknown;
  addProperty(className: string, property: { name: string; type?: string; category?: string }): unknown;
}

/** Registers the project's properties with survey-core's Serializer; safe to call again. */
export function registerCustomProperties(serializer: SerializerLike): void {
  for (const p of CUSTOM_PROPERTIES) {
    for (const cls of p.classes) {
      if (!serializer.findProperty(cls, p.name)) serializer.addProperty(cls, { name: p.name, type: p.type, category: 'general' });
    }
  }
}
