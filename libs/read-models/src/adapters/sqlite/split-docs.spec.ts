import { assembledDoc, storedDoc, type ItemRow, type StoredDoc } from './split-docs';

const measure = (index: number, mark: string | null = null) => ({ id: `m${index}`, rehearsalMark: mark, content: { voices: [[{ pitch: 'C4', text: 'x'.repeat(400) }]] } });
const score = (measures = 32) => ({ title: 'Blue Bossa', measures: Array.from({ length: measures }, (_, i) => measure(i)), parts: [{ id: 'p1' }], barCount: measures });

/** The rows storedDoc's split fields become, in the order the store reads them back (field, then index). */
const rowsOf = (stored: StoredDoc): ItemRow[] =>
  (stored.split ?? []).flatMap(({ field, items }) => items.map((json) => ({ field, json }))).sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));

describe('split documents', () => {
  it('should store a long array of objects one item per row, and the rest of the document with the array left empty in its place', () => {
    const doc = score();
    const stored = storedDoc(doc, true);

    expect(stored.split?.map(({ field, items }) => [field, items.length])).toEqual([['measures', 32]]);
    expect(stored.split?.[0].items[3]).toBe(JSON.stringify(doc.measures[3]));
    expect(stored.json).toBe(JSON.stringify({ ...doc, measures: [] }));
  });

  it('should write the rest of the document as JSON.stringify does, whatever its fields hold', () => {
    const odd = { gone: undefined, skipped: () => 1, count: Number.NaN, nested: { deep: [1, 'two', null] } };
    const dated = { ...score(), at: new Date(0), ...odd };
    for (const doc of [{ ...score(), ...odd }, dated]) {
      for (const immutable of [true, false]) expect(storedDoc(doc, immutable).json).toBe(JSON.stringify({ ...doc, measures: [] }));
    }
  });

  it('should give back the same document from its rows, key order included', () => {
    const doc = { ...score(), tail: score(20).measures };
    for (const immutable of [true, false]) {
      const stored = storedDoc(doc, immutable);
      expect(stored.split?.map(({ field }) => field)).toEqual(['measures', 'tail']);
      expect(JSON.stringify(assembledDoc(stored.json, rowsOf(stored)))).toBe(JSON.stringify(doc));
    }
  });

  it('should keep in one piece what is not worth rows of its own or cannot be split safely', () => {
    const short = score(15);
    const small = { measures: Array.from({ length: 40 }, (_, i) => ({ i })) };
    const withHole = { measures: Object.assign(score().measures.slice(), { 5: undefined }) };
    const dated = { measures: [...score().measures, new Date(0)] };
    const classy = new (class Score { measures = score().measures; })();

    for (const doc of [short, small, withHole, dated, classy]) {
      expect(storedDoc(doc, true)).toEqual({ json: JSON.stringify(doc), split: null });
    }
  });

  it('should write an unchanged item as the same text after an edit elsewhere in the document', () => {
    const first = score();
    const second = { ...first, measures: first.measures.map((m, i) => (i === 7 ? measure(7, 'A') : m)) };
    const [before, after] = [storedDoc(first, true), storedDoc(second, true)];

    const changed = after.split?.[0].items.filter((json, i) => json !== before.split?.[0].items[i]);
    expect(changed).toEqual([JSON.stringify(measure(7, 'A'))]);
  });
});
