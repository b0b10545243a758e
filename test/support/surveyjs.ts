// survey-core as the reference for form JSON: its JSON schema (generated from
// its Serializer, so it knows our registered properties) checked with Ajv, and
// its linter. Tests only: survey-core never runs on the server's hot path.
import { readdirSync, readFileSync } from 'node:fs';
import { Serializer } from 'survey-core';
import { lintSurvey, type ILintFinding } from 'survey-core/linter';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { registerCustomProperties } from '../../server/domain/survey/custom-properties';
import { TEMPLATE_NAMES, loadTemplate } from '../../surveys';
import type { Json } from '../../server/domain/survey/definition';

registerCustomProperties(Serializer);

let validateSchema: ValidateFunction | null = null;

/** Where the form breaks survey-core's JSON schema (Serializer.generateSchema()), as "path message" lines. */
export function schemaErrors(json: Json): string[] {
  if (!validateSchema) {
    // the generated schema uses keywords Ajv's strict mode rejects (e.g. "$schema" in definitions)
    const ajv = new Ajv({ allErrors: true, strict: false });
    validateSchema = ajv.compile(Serializer.generateSchema());
  }
  if (validateSchema(json)) return [];
  return (validateSchema.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** survey-core's linter findings of severity warning or error. */
export function lintProblems(json: Json): ILintFinding[] {
  return lintSurvey(structuredClone(json)).findings.filter((f) => f.severity !== 'info');
}

const FIXTURES = new URL('../fixtures/surveyjs/', import.meta.url);

/** The project's own SurveyJS forms: the five templates and the fixtures in test/fixtures/surveyjs/. */
export function projectForms(): [string, Json][] {
  const templates = TEMPLATE_NAMES.map((n): [string, Json] => [`surveys/${n}.json`, loadTemplate(n)!]);
  let files: string[] = [];
  try {
    files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
  } catch {
    files = [];
  }
  return [...templates, ...files.map((f): [string, Json] => [`fixtures/surveyjs/${f}`, JSON.parse(readFileSync(new URL(f, FIXTURES), 'utf8'))])];
}
