import { withKey } from './copy';

describe('withKey', () => {
  it('should replace one key in a copy, keeping the key order and leaving the source alone', () => {
    const source = { b: 1, a: 2, c: 3 };
    const copy = withKey(source, 'a', 20);
    expect(copy).toEqual({ b: 1, a: 20, c: 3 });
    expect(Object.keys(copy)).toEqual(['b', 'a', 'c']);
    expect(source).toEqual({ b: 1, a: 2, c: 3 });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it('should add the key when the record does not have it', () => {
    expect(withKey({ x: 1 }, 'y', 2)).toEqual({ x: 1, y: 2 });
    expect(withKey({}, 'y', 2)).toEqual({ y: 2 });
  });

  it('should copy ids that are not identifiers, quotes and all, as plain data', () => {
    const ids = ['01J9ZK-part:1', 'a"b', "c'd", 'e\\f', '${x}', '\u2028', '7', 'constructor'];
    const source = Object.fromEntries(ids.map((id, i) => [id, i]));
    const copy = withKey(source, 'a"b', 99);
    expect(copy).toEqual({ ...source, 'a"b': 99 });
    expect(JSON.stringify(copy)).toBe(JSON.stringify({ ...source, 'a"b': 99 }));
  });

  it('should keep __proto__ an own key instead of a prototype', () => {
    const source = JSON.parse('{"__proto__": 1, "p": 2}') as Record<string, number>;
    const copy = withKey(source, 'p', 3);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe('{"__proto__":1,"p":3}');
  });

  it('should stay right while records with many different key lists alternate', () => {
    const records = Array.from({ length: 40 }, (_, n) => Object.fromEntries(Array.from({ length: (n % 7) + 1 }, (_, k) => [`p${n}-${k}`, k])));
    for (let round = 0; round < 3; round++) {
      records.forEach((record, n) => {
        expect(withKey(record, `p${n}-0`, -1)).toEqual({ ...record, [`p${n}-0`]: -1 });
      });
    }
  });
});
