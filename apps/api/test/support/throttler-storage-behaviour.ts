import type { ThrottlerStorage } from '@nestjs/throttler';

/**
 * What every rate-limit storage must do, Redis or memory: fixed-window counts per key and throttler, blocked past
 * the limit. `storage()` gives a fresh, empty one; `skip()` lets a suite stand down (no Redis here).
 */
export function throttlerStorageBehaviour(storage: () => ThrottlerStorage, skip: () => boolean = () => false): void {
  it('should count hits in a window and block past the limit', async () => {
    if (skip()) return;
    const store = storage();
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await store.increment('user-1', 60_000, 3, 5_000, 'default'));
    expect(hits.map((h) => h.totalHits)).toEqual([1, 2, 3, 4]);
    expect(hits.map((h) => h.isBlocked)).toEqual([false, false, false, true]);
    expect(hits[3].timeToBlockExpire).toBe(5);
    expect(hits[0].timeToExpire).toBeGreaterThan(0);
    expect(hits[0].timeToBlockExpire).toBe(0);
  });

  it('should keep separate counts per key and per throttler', async () => {
    if (skip()) return;
    const store = storage();
    await store.increment('a', 60_000, 1, 1_000, 'default');
    expect((await store.increment('b', 60_000, 1, 1_000, 'default')).totalHits).toBe(1);
    expect((await store.increment('a', 60_000, 1, 1_000, 'burst')).totalHits).toBe(1);
  });
}
