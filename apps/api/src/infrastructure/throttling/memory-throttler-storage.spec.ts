import { MemoryThrottlerStorage } from './memory-throttler-storage';

describe('MemoryThrottlerStorage', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('should count hits in a window and block past the limit, like the Redis storage', async () => {
    const storage = new MemoryThrottlerStorage(clock);
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await storage.increment('user-1', 60_000, 3, 5_000, 'default'));
    expect(hits.map((h) => h.totalHits)).toEqual([1, 2, 3, 4]);
    expect(hits.map((h) => h.isBlocked)).toEqual([false, false, false, true]);
    expect(hits[3].timeToBlockExpire).toBe(5);
    expect(hits[0].timeToExpire).toBe(60);
    expect(hits[0].timeToBlockExpire).toBe(0);
  });

  it('should keep separate counts per key and per throttler', async () => {
    const storage = new MemoryThrottlerStorage(clock);
    await storage.increment('a', 60_000, 1, 1_000, 'default');
    expect((await storage.increment('b', 60_000, 1, 1_000, 'default')).totalHits).toBe(1);
    expect((await storage.increment('a', 60_000, 1, 1_000, 'burst')).totalHits).toBe(1);
  });

  it('should start counting again when the window ends, and lift a block when it expires', async () => {
    const storage = new MemoryThrottlerStorage(clock);
    await storage.increment('k', 10_000, 1, 20_000, 'default');
    expect((await storage.increment('k', 10_000, 1, 20_000, 'default')).isBlocked).toBe(true);
    now += 10_000;
    const inNewWindow = await storage.increment('k', 10_000, 1, 20_000, 'default');
    expect(inNewWindow).toMatchObject({ totalHits: 1, isBlocked: true, timeToBlockExpire: 10 });
    now += 10_000;
    expect(await storage.increment('k', 10_000, 1, 20_000, 'default')).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('should drop ended windows as it goes, so keys seen once do not pile up', async () => {
    const storage = new MemoryThrottlerStorage(clock);
    for (let i = 0; i < 500; i++) await storage.increment(`ip-${i}`, 1_000, 10, 0, 'default');
    now += 1_000;
    for (let i = 0; i < 500; i++) await storage.increment('steady', 1_000, 1_000_000, 0, 'default');
    expect(storage.size).toBe(1);
  });
});
