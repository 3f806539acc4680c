import { at, useSubject, type ContractFactory } from './contract-subject';

export function coordinationContract(factory: ContractFactory): void {
  const ctx = useSubject(factory);

  describe('leases', () => {
    it('should give the lease to one owner at a time, and to another once it expires', async () => {
      expect(await ctx.store.tryAcquireLease('catalogue', 'a', 1000)).toBe(true);
      expect(await ctx.store.tryAcquireLease('catalogue', 'b', 1000)).toBe(false);
      expect(await ctx.store.tryAcquireLease('catalogue', 'a', 1000)).toBe(true);

      ctx.clock.advance(999);
      expect(await ctx.store.tryAcquireLease('catalogue', 'b', 1000)).toBe(false);
      ctx.clock.advance(1);
      expect(await ctx.store.tryAcquireLease('catalogue', 'b', 1000)).toBe(true);
      expect(await ctx.store.leaseHolder('catalogue')).toEqual({ projection: 'catalogue', ownerId: 'b', expiresAt: ctx.clock.now + 1000 });
    });

    it('should keep leases of different projections apart', async () => {
      expect(await ctx.store.tryAcquireLease('catalogue', 'a', 1000)).toBe(true);
      expect(await ctx.store.tryAcquireLease('documents', 'b', 1000)).toBe(true);
    });

    it('should let the holder renew, even late if nobody took over, and refuse everyone else', async () => {
      await ctx.store.tryAcquireLease('catalogue', 'a', 1000);
      ctx.clock.advance(5000);
      expect(await ctx.store.renewLease('catalogue', 'a', 1000)).toBe(true);
      expect(await ctx.store.leaseHolder('catalogue')).toMatchObject({ ownerId: 'a', expiresAt: ctx.clock.now + 1000 });
      expect(await ctx.store.renewLease('catalogue', 'b', 1000)).toBe(false);

      ctx.clock.advance(1000);
      await ctx.store.tryAcquireLease('catalogue', 'b', 1000);
      expect(await ctx.store.renewLease('catalogue', 'a', 1000)).toBe(false);
      expect(await ctx.store.renewLease('documents', 'a', 1000)).toBe(false);
    });

    it('should free the lease when its holder releases it, and only then', async () => {
      await ctx.store.tryAcquireLease('catalogue', 'a', 60_000);
      await ctx.store.releaseLease('catalogue', 'b');
      expect(await ctx.store.tryAcquireLease('catalogue', 'b', 1000)).toBe(false);
      await ctx.store.releaseLease('catalogue', 'a');
      expect(await ctx.store.leaseHolder('catalogue')).toBeUndefined();
      expect(await ctx.store.tryAcquireLease('catalogue', 'b', 1000)).toBe(true);
    });

    it('should fence commits: only the lease holder may write when it names itself', async () => {
      const generation = await ctx.store.beginGeneration('catalogue');
      const change = [{ collection: 'catalogue', id: 's1', doc: { v: 1 } }];
      await expect(ctx.store.commit('catalogue', generation, change, at(1), { ownerId: 'a' })).rejects.toMatchObject({ code: 'LEASE_LOST' });

      await ctx.store.tryAcquireLease('catalogue', 'a', 1000);
      expect((await ctx.store.commit('catalogue', generation, change, at(1), { ownerId: 'a' })).applied).toBe(true);

      ctx.clock.advance(1000);
      await ctx.store.tryAcquireLease('catalogue', 'b', 1000);
      await expect(ctx.store.commit('catalogue', generation, change, at(2), { ownerId: 'a' })).rejects.toMatchObject({ code: 'LEASE_LOST' });
      expect(await ctx.store.checkpoint('catalogue', generation)).toEqual(at(1));
    });

    it.each([
      ['an empty owner', '', 1000],
      ['a zero ttl', 'a', 0],
      ['an endless ttl', 'a', Infinity],
    ])('should reject a lease request with %s', async (_, owner, ttl) => {
      await expect(ctx.store.tryAcquireLease('catalogue', owner, ttl)).rejects.toMatchObject({ code: 'INVALID_LEASE_REQUEST' });
      await expect(ctx.store.renewLease('catalogue', owner, ttl)).rejects.toMatchObject({ code: 'INVALID_LEASE_REQUEST' });
    });
  });

  describe('dead letters', () => {
    it('should list dead letters by position, one record per position', async () => {
      await ctx.store.recordDeadLetter('catalogue', { position: 9, eventId: 'e9', type: 'NoteWritten', error: 'boom' });
      await ctx.store.recordDeadLetter('catalogue', { position: 4, eventId: 'e4', type: 'PartAdded', error: 'first' });
      ctx.clock.advance(1000);
      await ctx.store.recordDeadLetter('catalogue', { position: 4, eventId: 'e4', type: 'PartAdded', error: 'again' });
      await ctx.store.recordDeadLetter('documents', { position: 1, eventId: 'e1', type: 'ScoreCreated', error: 'x' });

      expect(await ctx.store.listDeadLetters('catalogue')).toEqual([
        { projection: 'catalogue', position: 4, eventId: 'e4', type: 'PartAdded', error: 'again', failedAt: new Date(ctx.clock.now).toISOString() },
        { projection: 'catalogue', position: 9, eventId: 'e9', type: 'NoteWritten', error: 'boom', failedAt: new Date(ctx.clock.now - 1000).toISOString() },
      ]);
      expect(await ctx.store.listDeadLetters('nobody')).toEqual([]);
    });

    it('should reject a dead letter without a position', async () => {
      const letter = { position: 0, eventId: 'e', type: 't', error: 'x' };
      await expect(ctx.store.recordDeadLetter('catalogue', letter)).rejects.toMatchObject({ code: 'INVALID_COMMIT' });
    });
  });

  describe('closing', () => {
    it('should refuse work after close with a typed error', async () => {
      await ctx.store.close();
      const unavailable = { code: 'READ_MODEL_STORE_UNAVAILABLE' };
      await expect(ctx.store.get('catalogue', 's1')).rejects.toMatchObject(unavailable);
      await expect(ctx.store.beginGeneration('catalogue')).rejects.toMatchObject(unavailable);
      await expect(ctx.store.tryAcquireLease('catalogue', 'a', 10)).rejects.toMatchObject(unavailable);
      await expect(ctx.store.listDeadLetters('catalogue')).rejects.toMatchObject(unavailable);
      await expect(ctx.store.close()).resolves.toBeUndefined();
    });
  });
}
