import { isDyadic, sameTuplet, tupletRests, tupletsAreComplete } from './tuplets';

const t = (actual: number, normal: number) => ({ actual, normal });

describe('tuplet arithmetic', () => {
  it('should tell plain lengths from tuplet lengths', () => {
    expect([isDyadic({ num: 3, den: 8 }), isDyadic({ num: 1, den: 12 })]).toEqual([true, false]);
  });

  it('should compare tuplet ratios, not their spelling', () => {
    expect([sameTuplet(t(3, 2), t(6, 4)), sameTuplet(t(3, 2), t(5, 4)), sameTuplet(undefined, undefined), sameTuplet(t(3, 2), undefined)]).toEqual([true, false, true, false]);
  });

  it('should fill a gap inside a group with rests of its ratio, or say it cannot', () => {
    expect(tupletRests({ num: 1, den: 4 }, t(3, 2))).toEqual([{ type: 'quarter', dots: 0, tuplet: t(3, 2) }, { type: 'eighth', dots: 0, tuplet: t(3, 2) }]);
    expect(tupletRests({ num: 1, den: 20 }, t(3, 2))).toBeUndefined();
    expect(tupletRests({ num: 1, den: 384 }, t(3, 2))).toBeUndefined();
  });

  it('should require every run of a ratio to last a plain length', () => {
    const e = (type: 'eighth' | 'quarter', tuplet?: ReturnType<typeof t>) => ({ kind: 'rest' as const, id: 'x', duration: { type, dots: 0, ...(tuplet ? { tuplet } : {}) } });
    expect(tupletsAreComplete([e('eighth', t(3, 2)), e('eighth', t(3, 2)), e('eighth', t(3, 2)), e('quarter')])).toBe(true);
    expect(tupletsAreComplete([e('eighth', t(3, 2)), e('eighth', t(3, 2)), e('quarter')])).toBe(false);
    expect(tupletsAreComplete([e('eighth', t(3, 2)), e('eighth', t(3, 2))])).toBe(false);
    expect(tupletsAreComplete([e('quarter')])).toBe(true);
  });
});
