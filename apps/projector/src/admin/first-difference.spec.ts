import { firstDifference } from './first-difference';

describe('firstDifference', () => {
  it('should find nothing between equal documents, whatever the key order', () => {
    expect(firstDifference({ a: 1, b: [{ c: 'x' }, null] }, { b: [{ c: 'x' }, null], a: 1 })).toBeUndefined();
  });

  it.each([
    [{ title: 'A' }, { title: 'B' }, 'title'],
    [{ parts: [{ name: 'x' }, { name: 'y' }] }, { parts: [{ name: 'x' }, { name: 'z' }] }, 'parts[1].name'],
    [{ parts: [1, 2] }, { parts: [1] }, 'parts[1]'],
    [{ a: 1 }, { a: 1, extra: true }, 'extra'],
    [{ a: [1] }, { a: { 0: 1 } }, 'a'],
    [{ a: null }, { a: {} }, 'a'],
    [1, 2, '(root)'],
  ])('should point at the first place %j and %j differ', (expected, actual, path) => {
    expect(firstDifference(expected, actual)).toBe(path);
  });
});
