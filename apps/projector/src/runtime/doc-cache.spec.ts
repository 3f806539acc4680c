import { DocCache } from './doc-cache';

describe('DocCache', () => {
  it('should forget the least recently committed documents beyond its capacity', () => {
    const cache = new DocCache<{ v: number }>(2);
    cache.absorb(new Map([['a', { v: 1 }], ['b', { v: 1 }]]));
    cache.absorb(new Map([['a', { v: 2 }], ['c', null]]));

    expect(cache.size).toBe(2);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a')).toEqual({ v: 2 });
    expect(cache.has('c')).toBe(true);
    expect(cache.get('c')).toBeNull();
  });

  it('should hold nothing after clear', () => {
    const cache = new DocCache<{ v: number }>(5);
    cache.absorb(new Map([['a', { v: 1 }]]));
    cache.clear();
    expect(cache.has('a')).toBe(false);
    expect(cache.get('a')).toBeUndefined();
  });
});
