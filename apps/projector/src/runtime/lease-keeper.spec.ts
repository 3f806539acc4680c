import { InMemoryReadModelStore } from '@bandpro/read-models';
import { LeaseKeeper } from './lease-keeper';

describe('LeaseKeeper', () => {
  let now: number;
  let store: InMemoryReadModelStore;
  const keeper = (owner: string) => new LeaseKeeper(store, 'tally', owner, 3000, () => now);

  beforeEach(() => {
    now = 1_000_000;
    store = new InMemoryReadModelStore({ clock: () => now });
  });

  it('should acquire a free lease, then hold it while renewing every third of its ttl', async () => {
    const a = keeper('a');
    expect(await a.ensure()).toBe('acquired');
    now += 999;
    expect(await a.ensure()).toBe('held');
    expect((await store.leaseHolder('tally'))?.expiresAt).toBe(1_003_000);
    now += 1;
    await a.keepAlive();
    expect((await store.leaseHolder('tally'))?.expiresAt).toBe(now + 3000);
  });

  it('should stand by while another owner holds the lease and take over once it expires', async () => {
    const a = keeper('a');
    const b = keeper('b');
    await a.ensure();
    expect(await b.ensure()).toBe('unavailable');
    now += 3000;
    expect(await b.ensure()).toBe('acquired');
    expect(b.isHeld).toBe(true);
  });

  it('should notice a takeover when renewing and refuse to keep working', async () => {
    const a = keeper('a');
    const b = keeper('b');
    await a.ensure();
    now += 3000;
    await b.ensure();

    await expect(a.keepAlive()).rejects.toMatchObject({ code: 'LEASE_LOST' });
    expect(a.isHeld).toBe(false);
    expect(await a.ensure()).toBe('unavailable');
  });

  it('should say the lease is gone when a renewal finds another owner', async () => {
    const a = keeper('a');
    await a.ensure();
    now += 3000;
    await keeper('b').ensure();
    expect(await a.ensure()).toBe('unavailable');
  });

  it('should give the lease back on release, once', async () => {
    const a = keeper('a');
    await expect(a.keepAlive()).rejects.toMatchObject({ code: 'LEASE_LOST' });
    await a.ensure();
    await a.release();
    await a.release();
    expect(await store.leaseHolder('tally')).toBeUndefined();
    expect(await keeper('b').ensure()).toBe('acquired');
  });
});
