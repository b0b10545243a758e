// Issue 14 §1: every sealed secret ballot of a form is padded to one length,
// the longest answer the form accepts (server/domain/survey/answer-size.ts).
// Here the longest answers the validator accepts, written in the characters
// that take most room in JSON (three-byte Vietnamese letters; quotes and line
// breaks, two bytes each once escaped), never pass the bound.
import { describe, expect, it } from 'vitest';
import { maxAnswerBytes } from '../../server/domain/survey/answer-size';
import { compileValidator, MAX_TEXT_LENGTH } from '../../server/domain/survey/validator';
import { choicesOf, flattenElements, ratingValues, type Json } from '../../server/domain/survey/definition';
import { electionSurvey } from '../../server/domain/campaign-forms';
import { loadTemplate, TEMPLATE_NAMES } from '../../surveys';

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

/** The fullest answer to every question of a form, its texts made of `fill`. */
function fullest(survey: Json, fill: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const text = (n: number) => fill.repeat(Math.ceil(n / fill.length)).slice(0, n);
  for (const { json: q, type, name } of flattenElements(survey)) {
    const values = choicesOf(q.choices).map((c) => c.value);
    const longest = [...values].sort((a, b) => bytes(b) - bytes(a))[0];
    const max = typeof q.maxLength === 'number' && q.maxLength > 0 ? Math.min(q.maxLength, MAX_TEXT_LENGTH) : MAX_TEXT_LENGTH;
    if (type === 'radiogroup' || type === 'dropdown') out[name] = longest;
    else if (type === 'checkbox') {
      const cap = typeof q.maxSelectedChoices === 'number' && q.maxSelectedChoices > 0 ? q.maxSelectedChoices : values.length;
      out[name] = [...values].sort((a, b) => bytes(b) - bytes(a)).slice(0, cap);
      if (q.showOtherItem ?? q.hasOther) {
        (out[name] as unknown[]).splice(Math.max(0, cap - 1), 1, 'other');
        out[`${name}-Comment`] = text(MAX_TEXT_LENGTH);
      }
    } else if (type === 'rating') out[name] = Math.max(...ratingValues(q));
    else if (type === 'boolean') out[name] = false;
    else if (type === 'comment' || (type === 'text' && q.inputType !== 'number' && q.inputType !== 'email' && q.inputType !== 'tel')) out[name] = text(max);
    else if (type === 'text' && q.inputType === 'email') out[name] = `${'a'.repeat(Math.max(1, max - 12))}@example.vn`.slice(-max);
    else if (type === 'text' && q.inputType === 'tel') out[name] = '0'.repeat(Math.min(20, max));
  }
  return out;
}

const forms: [string, Json][] = [
  ...TEMPLATE_NAMES.filter((n) => n !== 'election').map((n) => [n, loadTemplate(n)!] as [string, Json]),
  ['election (9 candidates, 5 seats)', electionSurvey('Bầu Ban Thanh tra nhân dân', Array.from({ length: 9 }, (_, i) => ({ id: `ung-vien-${i}`, name: `Nguyễn Thị ${i}`, villageId: 'v', birthYear: 1970 + i })), 5)],
];

describe('the longest answer a form accepts', () => {
  for (const [name, survey] of forms) {
    it(`bounds every accepted answer of ${name}`, () => {
      const bound = maxAnswerBytes(survey);
      const validate = compileValidator(survey);
      for (const fill of ['ệ', '"', '"\n', 'Nguyễn "Văn"\nĐạt ']) {
        const answers = fullest(survey, fill);
        const checked = validate(answers);
        expect(checked.ok, JSON.stringify(checked)).toBe(true);
        if (checked.ok) expect(bytes(checked.data)).toBeLessThanOrEqual(bound);
      }
    });
  }

  it('is small for a form of choices only, and grows with the text a form allows', () => {
    const choices = { elements: [{ type: 'radiogroup', name: 'q', choices: ['approve', 'reject'] }] };
    expect(maxAnswerBytes(choices)).toBeLessThan(40);
    const withText = { elements: [...choices.elements, { type: 'comment', name: 'why', maxLength: 1000 }] };
    expect(maxAnswerBytes(withText)).toBeGreaterThanOrEqual(3000);
    expect(maxAnswerBytes({ elements: [{ type: 'comment', name: 'why' }] })).toBeGreaterThanOrEqual(3 * MAX_TEXT_LENGTH);
  });
});
