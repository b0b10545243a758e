// The claim "our validator agrees with survey-core apart from the declared
// rules" holds only while the declaration is complete and public: every rule
// the validator may refuse on its own is listed, with why, in the code and in
// the form authors' documentation.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { STRICTER_RULES, RULES_SURVEY_CORE_LEAVES_OUT } from '../../server/domain/survey/validator';
import { CUSTOM_PROPERTIES } from '../../server/domain/survey/custom-properties';

const doc = readFileSync(new URL('../../docs/forms.md', import.meta.url), 'utf8');

describe('the stricter rules are declared in one place', () => {
  test('each has a reason in the code and a row in docs/forms.md', () => {
    const rules = Object.keys(STRICTER_RULES);
    expect(rules).toEqual(expect.arrayContaining(['other_comment', 'unknown', 'max_selected', 'choice', 'type']));
    for (const rule of rules) {
      expect(STRICTER_RULES[rule as keyof typeof STRICTER_RULES]!.length).toBeGreaterThan(20);
      expect(doc).toMatch(new RegExp(`^\\| \`${rule}\` \\|`, 'm'));
    }
    expect([...RULES_SURVEY_CORE_LEAVES_OUT].sort()).toEqual(rules.sort());
  });

  test('the documented table has no rule the code does not declare', () => {
    const section = doc.slice(doc.indexOf('## Rules stricter'), doc.indexOf('## Properties the project adds'));
    const documented = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(STRICTER_RULES).sort());
  });

  test('each custom property is documented', () => {
    for (const p of CUSTOM_PROPERTIES) expect(doc).toContain(`| \`${p.name}\` |`);
  });
});
