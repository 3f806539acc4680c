import { getInstrument } from '@bandpro/domain';
import { planParts, SCORE_TEMPLATES, SCORE_TEMPLATE_NAMES } from './score-templates';

describe('score templates', () => {
  it('should only name instruments the domain catalogue knows', () => {
    for (const name of SCORE_TEMPLATE_NAMES) {
      for (const id of SCORE_TEMPLATES[name]) expect(getInstrument(id)).toBeDefined();
    }
  });

  it('should number repeated instruments and give every part a fresh id', () => {
    let n = 0;
    const parts = planParts(SCORE_TEMPLATES['brass-quintet'], () => `id-${++n}`);
    expect(parts.map((p) => p.partId)).toEqual(['id-1', 'id-2', 'id-3', 'id-4', 'id-5']);
    expect(parts[0].name).toMatch(/ 1$/);
    expect(parts[1].name).toMatch(/ 2$/);
    expect(parts[2].name).toBeUndefined();
  });

  it('should name the lead sheet part after what it is', () => {
    expect(planParts(SCORE_TEMPLATES['lead-sheet'], () => 'x', 'lead-sheet')).toEqual([{ partId: 'x', instrumentId: 'piano', name: 'Lead sheet' }]);
  });
});
