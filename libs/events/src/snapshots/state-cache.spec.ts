import { StateCache } from './state-cache';

const cacheOf = (maxStreams: number, maxStatesPerStream: number) => new StateCache<string>({ maxStreams, maxStatesPerStream, replayBudget: 0 });

describe('StateCache', () => {
  it('should give the cached boundary with the highest version at or below the one asked for', () => {
    const cache = cacheOf(1, 5);
    for (const version of [30, 10, 20]) cache.remember('s', version, `state@${version}`);

    expect(cache.nearestAtOrBelow('s', 29)).toEqual({ version: 20, state: 'state@20' });
    expect(cache.nearestAtOrBelow('s', 30)).toEqual({ version: 30, state: 'state@30' });
    expect(cache.nearestAtOrBelow('s', 9)).toBeUndefined();
    expect(cache.nearestAtOrBelow('other', 99)).toBeUndefined();
  });

  it('should drop the least recently used boundary, not the oldest one stored', () => {
    const cache = cacheOf(1, 2);
    cache.remember('s', 10, 'a');
    cache.remember('s', 20, 'b');
    cache.nearestAtOrBelow('s', 15);
    cache.remember('s', 30, 'c');

    expect(cache.nearestAtOrBelow('s', 25)).toEqual({ version: 10, state: 'a' });
    expect(cache.stats()).toMatchObject({ evictions: 1, streams: 1, states: 2 });
  });

  it('should drop the least recently used stream with all its states', () => {
    const cache = cacheOf(2, 5);
    cache.remember('a', 10, 'a10');
    cache.remember('a', 20, 'a20');
    cache.remember('b', 10, 'b10');
    cache.nearestAtOrBelow('a', 10);
    cache.remember('c', 10, 'c10');

    expect(cache.nearestAtOrBelow('b', 10)).toBeUndefined();
    expect(cache.nearestAtOrBelow('a', 20)).toEqual({ version: 20, state: 'a20' });
    expect(cache.stats()).toEqual({ hits: 0, misses: 0, evictions: 1, streams: 2, states: 3 });
  });

  it('should remember which boundaries are persisted until the stream is forgotten', () => {
    const cache = cacheOf(2, 5);
    cache.markPersisted('s', 40);
    cache.markPersisted('s', 20);

    expect([cache.isPersisted('s', 40), cache.isPersisted('s', 50), cache.isPersisted('t', 10)]).toEqual([true, false, false]);
    cache.forget('s');
    expect(cache.isPersisted('s', 40)).toBe(false);
  });

  it('should count hits and misses and empty itself on clear', () => {
    const cache = cacheOf(2, 5);
    cache.remember('s', 10, 'x');
    cache.countLoad(true);
    cache.countLoad(false);
    cache.countLoad(true);
    cache.clear();

    expect(cache.stats()).toEqual({ hits: 2, misses: 1, evictions: 0, streams: 0, states: 0 });
  });
});
