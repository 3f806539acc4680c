import { MemoryThrottlerStorage } from './memory-throttler-storage';
import { throttlerStorageBehaviour } from '../../../test/support/throttler-storage-behaviour';

describe('MemoryThrottlerStorage', () => {
  let now = 1_000_000;
  const clock = () => now;

  throttlerStorageBehaviour(() => new MemoryThrottlerStorage(clock));

  it('should give a new window its full time to expire', async () => {
    expect((await new MemoryThrottlerStorage(clock).increment('k', 60_000, 3, 5_000, 'default')).timeToExpire).toBe(60);
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
