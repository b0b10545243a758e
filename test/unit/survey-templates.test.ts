import { describe, expect, test } from 'vitest';
import { Model } from 'survey-core';
import { TEMPLATE_NAMES, loadTemplate } from '../../surveys';
import { checkSupported } from '../../server/domain/survey/supported';
import { choicesOf, flattenElements, localText, ratingValues, VALUE_TYPES, type Json } from '../../server/domain/survey/definition';

const questionsOf = (json: Json) => flattenElements(json).filter((e) => VALUE_TYPES.has(e.type));

describe('survey templates', () => {
  test('all five templates the campaigns start from are listed', () => {
    expect([...TEMPLATE_NAMES].sort()).toEqual(['consultation', 'election', 'household-decision', 'one-stop-rating', 'sipas']);
    expect(loadTemplate('no-such-template')).toBeNull();
  });

  test.each(TEMPLATE_NAMES)('%s loads in survey-core with every question found', (name) => {
    const json = loadTemplate(name)!;
    const model = new Model(json);
    const ours = questionsOf(json).map((q) => q.name);
    const theirs = model.getAllQuestions().filter((q) => q.getType() !== 'html').map((q) => q.name);
    expect(theirs).toEqual(ours);
    expect(ours.length).toBeGreaterThan(0);
  });

  test.each(TEMPLATE_NAMES)('%s passes checkSupported and has a Vietnamese and English title and description', (name) => {
    const json = loadTemplate(name)!;
    expect(checkSupported(json)).toEqual([]);
    for (const key of ['title', 'description']) {
      expect(localText(json[key], 'vi')).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      expect(localText(json[key], 'en')).not.toBe(localText(json[key], 'vi'));
    }
  });

  test('each load is a fresh copy, so filling one campaign never changes the template', () => {
    const a = loadTemplate('election')!;
    (a.elements as Json[])[1]!.maxSelectedChoices = 7;
    expect(((loadTemplate('election')!.elements as Json[])[1]!).maxSelectedChoices).toBe(1);
  });

  test('the household ballot offers approve / reject / other as Đồng ý / Không đồng ý / Ý kiến khác, with the other opinion asked only after "other"', () => {
    const json = loadTemplate('household-decision')!;
    const q = questionsOf(json).find((e) => e.name === 'decision')!;
    expect(q.type).toBe('radiogroup');
    expect(q.json.isRequired).toBe(true);
    expect(choicesOf(q.json.choices).map((c) => [c.value, localText(c.text, 'vi')])).toEqual([
      ['approve', 'Đồng ý'],
      ['reject', 'Không đồng ý'],
      ['other', 'Ý kiến khác'],
    ]);
    const other = questionsOf(json).find((e) => e.name === 'otherOpinion')!;
    expect(other.type).toBe('comment');
    // required once "Ý kiến khác" is chosen, so not titled "(nếu có)": the title may not contradict the rule
    expect(localText(other.json.title, 'vi')).toBe('Nội dung ý kiến khác');
    expect(other.json.isRequired).toBe(true);
    const model = new Model(json);
    model.data = { decision: 'approve' };
    expect(model.getQuestionByName('otherOpinion').isVisible).toBe(false);
    model.data = { decision: 'other' };
    expect(model.getQuestionByName('otherOpinion').isVisible).toBe(true);
    expect(model.validate(false)).toBe(false);
  });

  test('SIPAS has exactly 22 criteria over 5 elements A–E, each a 1–5 rating that may be skipped, plus an overall rating', () => {
    const json = loadTemplate('sipas')!;
    const criteria = questionsOf(json).filter((q) => typeof q.json.element === 'string');
    expect(criteria).toHaveLength(22);
    const byElement = new Map<string, string[]>();
    for (const c of criteria) {
      expect(c.type).toBe('rating');
      expect(c.json.isRequired).not.toBe(true);
      expect(ratingValues(c.json)).toEqual([1, 2, 3, 4, 5]);
      expect(choicesOf(c.json.rateValues).map((v) => localText(v.text, 'vi'))).toEqual([
        'Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng',
      ]);
      const element = c.json.element as string;
      // the panel around a criterion carries the same element code
      expect(c.containers.at(-1)!.element).toBe(element);
      expect(c.name.startsWith(element.toLowerCase())).toBe(true);
      byElement.set(element, [...(byElement.get(element) ?? []), c.name]);
    }
    expect([...byElement.keys()]).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(criteria.map((c) => c.name).at(-1)).toBe('e4');
    expect(new Set(criteria.map((c) => localText(c.json.title, 'vi'))).size).toBe(22);
    const overall = questionsOf(json).find((q) => q.name === 'overall')!;
    expect(overall.type).toBe('rating');
  });

  test('the one-stop rating has three levels and asks the NĐ 61/2018 Đ31 reasons only when not satisfied', () => {
    const json = loadTemplate('one-stop-rating')!;
    const qs = new Map(questionsOf(json).map((q) => [q.name, q]));
    expect(choicesOf(qs.get('rating')!.json.choices).map((c) => c.value)).toEqual(['very_satisfied', 'satisfied', 'not_satisfied']);
    const reasons = qs.get('reasons')!;
    expect(reasons.type).toBe('checkbox');
    expect(reasons.json.visibleIf).toBe("{rating} = 'not_satisfied'");
    expect(choicesOf(reasons.json.choices).map((c) => c.value)).toEqual([
      'time_over_limit', 'many_agencies', 'many_visits', 'posted_information', 'officer_attitude',
      'unofficial_costs', 'complaint_handling', 'online_service',
    ]);
    expect(reasons.json.showOtherItem).toBe(true);
    for (const optional of ['dossierCode', 'officer', 'procedure', 'comment']) expect(qs.get(optional)!.json.isRequired).not.toBe(true);
  });

  test('the consultation asks an opinion per section and a comment only when the answer is not plain agreement', () => {
    const json = loadTemplate('consultation')!;
    const qs = questionsOf(json);
    const opinions = qs.filter((q) => q.name.endsWith('_opinion'));
    expect(opinions.length).toBeGreaterThanOrEqual(4);
    for (const o of opinions) {
      expect(choicesOf(o.json.choices).map((c) => localText(c.text, 'vi'))).toEqual(['Đồng ý', 'Đồng ý, có góp ý', 'Không đồng ý']);
      const comment = qs.find((q) => q.name === o.name.replace('_opinion', '_comment'))!;
      const model = new Model(json);
      model.data = { [o.name]: 'agree' };
      expect(model.getQuestionByName(comment.name).isVisible).toBe(false);
      model.data = { [o.name]: 'disagree' };
      expect(model.getQuestionByName(comment.name).isVisible).toBe(true);
    }
    expect(qs.some((q) => q.type === 'comment' && !q.json.visibleIf)).toBe(true);
  });

  test('the election ballot is a checkbox named candidates with a seat limit and both paper and online instructions', () => {
    const json = loadTemplate('election')!;
    const q = questionsOf(json).find((e) => e.name === 'candidates')!;
    expect(q.type).toBe('checkbox');
    expect(typeof q.json.maxSelectedChoices).toBe('number');
    const instructions = flattenElements(json).find((e) => e.type === 'html')!;
    expect(localText(instructions.json.html, 'vi')).toMatch(/gạch/);
    expect(localText(instructions.json.html, 'vi')).toMatch(/trực tuyến/);
  });
});
