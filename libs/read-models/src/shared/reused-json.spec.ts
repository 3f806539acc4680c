import { reusedJson } from './reused-json';

const measure = (index: number, mark: string | null = null) => ({
  id: `m${index}`,
  rehearsalMark: mark,
  notes: Array.from({ length: 8 }, (_, n) => ({ id: `n${index}-${n}`, pitch: { step: 'C', octave: 4, alter: n % 2 === 0 ? undefined : 1 } })),
});
const score = () => ({ kind: 'score', title: 'Blue "Bossa"\n', measures: Array.from({ length: 20 }, (_, i) => measure(i)), tags: [1, -0, Number.NaN, null, undefined] });

describe('reusedJson', () => {
  it('should write what JSON.stringify writes, for a new document and for each changed copy after it', () => {
    const first = score();
    const second = { ...first, measures: first.measures.map((m, i) => (i === 3 ? { ...m, rehearsalMark: 'A' } : m)) };
    const third = { ...second, title: 'Renamed', measures: second.measures.slice(1) };

    expect([first, second, third, second].map(reusedJson)).toEqual([first, second, third, second].map((doc) => JSON.stringify(doc)));
  });

  it('should write what JSON.stringify writes for values that are not plain data', () => {
    const doc = { at: new Date(0), withToJson: { toJSON: () => 'mine' }, map: new Map([[1, 2]]), sparse: new Array<number>(3).fill(1, 0, 1), skipped: () => 1 };
    expect(reusedJson(doc)).toBe(JSON.stringify(doc));
    expect(reusedJson({ ...doc, measures: [measure(1)] })).toBe(JSON.stringify({ ...doc, measures: [measure(1)] }));
  });

  it('should write what JSON.stringify writes for such values inside a document it walks through its kept parts', () => {
    const first = score();
    reusedJson(first);
    const odd = { at: new Date(0), withToJson: { toJSON: () => 'mine' }, hidden: { toJSON: () => undefined }, skipped: () => 1, gone: undefined };
    const second = { ...odd, ...first, measures: [...first.measures, { ...odd, items: [undefined, () => 1, Symbol('s'), odd.at] }] };

    expect(reusedJson(second)).toBe(JSON.stringify(second));
  });

  it('should reuse the JSON it kept, so a part mutated behind its back shows the old text', () => {
    const doc = score();
    reusedJson(doc);
    const part = doc.measures[5] as { rehearsalMark: string | null };
    part.rehearsalMark = 'mutated';

    // Why the store only reuses JSON when the caller promises immutable documents.
    expect(reusedJson({ ...doc })).not.toContain('mutated');
  });

  it('should fail as JSON.stringify does on a cycle and on a bigint', () => {
    const cyclic: Record<string, unknown> = { measures: [measure(1)] };
    reusedJson(cyclic);
    cyclic['self'] = cyclic;
    expect(() => reusedJson({ ...cyclic })).toThrow(TypeError);
    expect(() => reusedJson({ measures: [measure(1)], n: BigInt(1) })).toThrow(TypeError);
  });
});
