// Every form the project ships or tests with is valid SurveyJS: it passes
// survey-core's JSON schema and its linter with no finding (our own `element`
// property is registered, not merely tolerated).
import { describe, expect, test } from 'vitest';
import { Serializer } from 'survey-core';
import { lintSurvey } from 'survey-core/linter';
import { lintProblems, projectForms, schemaErrors } from '../support/surveyjs';
import { loadTemplate } from '../../surveys';

describe('SurveyJS schema and linter', () => {
  test.each(projectForms())('%s passes the schema and the linter', (_name, json) => {
    expect(schemaErrors(json)).toEqual([]);
    expect(lintProblems(json).map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
  });

  test('the custom element property is registered on questions and panels', () => {
    expect(Serializer.findProperty('rating', 'element')).toBeTruthy();
    expect(Serializer.findProperty('panel', 'element')).toBeTruthy();
    // the linter does see a property nobody registered
    const json = loadTemplate('household-decision')!;
    (json.elements as Record<string, unknown>[])[0]!.sipasCode = 'A';
    expect(lintSurvey(json).findings.map((f) => f.ruleId)).toContain('property/unknown');
  });

  test('the schema catches a malformed form', () => {
    expect(schemaErrors({ elements: [{ type: 'radiogroup', name: 'x', choices: 5, isRequired: 'yes' }] })).not.toEqual([]);
  });
});
