import { findUnsafeInput, isPlainObject } from './operator-keys';

describe('findUnsafeInput', () => {
  it('should find an operator key anywhere, with its path', () => {
    expect(findUnsafeInput({ title: { $gt: '' } })).toEqual({ reason: 'operator-key', path: 'title.$gt' });
    expect(findUnsafeInput({ data: { notes: [{ pitch: {} }, { $where: 'x' }] } })).toEqual({ reason: 'operator-key', path: 'data.notes[1].$where' });
    expect(findUnsafeInput([{ 'owner.id': 1 }])).toEqual({ reason: 'operator-key', path: '[0].owner.id' });
  });

  it('should refuse a __proto__ key', () => {
    expect(findUnsafeInput(JSON.parse('{"__proto__": {"admin": true}}'))?.reason).toBe('operator-key');
  });

  it('should refuse nesting deeper than any score command needs', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { a: deep };
    expect(findUnsafeInput(deep)?.reason).toBe('too-deep');
  });

  it('should let ordinary values through, including dollar signs inside values', () => {
    expect(findUnsafeInput({ title: '$100 blues', parts: [{ id: 'a' }], n: 1, none: null })).toBeUndefined();
    expect(findUnsafeInput('$gt')).toBeUndefined();
    expect(findUnsafeInput(undefined)).toBeUndefined();
  });
});

describe('isPlainObject', () => {
  it('should tell objects from arrays, null and scalars', () => {
    expect([{}, [], null, 'x', 1].map(isPlainObject)).toEqual([true, false, false, false, false]);
  });
});
