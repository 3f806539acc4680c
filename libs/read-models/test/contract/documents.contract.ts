import { activeGenerationWith, at, useSubject, type ContractFactory } from './contract-subject';

export function documentsContract(factory: ContractFactory): void {
  const ctx = useSubject(factory);

  describe('documents and checkpoints', () => {
    it('should return nothing for a collection no projection has written', async () => {
      expect(await ctx.store.get('catalogue', 's1')).toBeUndefined();
      expect(await ctx.store.find('catalogue')).toEqual([]);
      expect(await ctx.store.checkpoint('catalogue')).toEqual({ position: 0, recordedAt: null });
    });

    it('should write the documents and the checkpoint in one commit', async () => {
      const generation = await ctx.store.beginGeneration('catalogue');
      const result = await ctx.store.commit('catalogue', generation, [{ collection: 'catalogue', id: 's1', doc: { title: 'Blue' } }], at(7));
      await ctx.store.activate('catalogue', generation);

      expect(result).toEqual({ applied: true, checkpoint: at(7) });
      expect(await ctx.store.get('catalogue', 's1')).toEqual({ title: 'Blue' });
      expect(await ctx.store.checkpoint('catalogue')).toEqual(at(7));
      expect(await ctx.store.checkpoint('catalogue', generation)).toEqual(at(7));
    });

    it('should change nothing when a position at or below the checkpoint is redelivered', async () => {
      const generation = await activeGenerationWith(ctx.store, 'catalogue', { s1: { title: 'First' } });
      await ctx.store.commit('catalogue', generation, [{ collection: 'catalogue', id: 's1', doc: { title: 'Five' } }], at(5));

      const again = await ctx.store.commit('catalogue', generation, [{ collection: 'catalogue', id: 's1', doc: { title: 'Other' } }], at(5));
      const older = await ctx.store.commit('catalogue', generation, [{ collection: 'catalogue', id: 's2', doc: { title: 'Old' } }], at(3));

      expect(again).toEqual({ applied: false, checkpoint: at(5) });
      expect(older.applied).toBe(false);
      expect(await ctx.store.get('catalogue', 's1')).toEqual({ title: 'Five' });
      expect(await ctx.store.get('catalogue', 's2')).toBeUndefined();
      expect(await ctx.store.checkpoint('catalogue')).toEqual(at(5));
    });

    it('should delete a document whose change is null', async () => {
      const generation = await activeGenerationWith(ctx.store, 'catalogue', { s1: { title: 'A' }, s2: { title: 'B' } });
      await ctx.store.commit('catalogue', generation, [{ collection: 'catalogue', id: 's1', doc: null }], at(2));
      expect(await ctx.store.get('catalogue', 's1')).toBeUndefined();
      expect(await ctx.store.find('catalogue')).toEqual([{ title: 'B' }]);
    });

    it('should write nothing when one document of a commit cannot be stored', async () => {
      const generation = await activeGenerationWith(ctx.store, 'catalogue', { s1: { title: 'A' } });
      const changes = [
        { collection: 'catalogue', id: 's1', doc: { title: 'changed' } },
        { collection: 'catalogue', id: 's2', doc: { size: BigInt(1) } },
      ];
      await expect(ctx.store.commit('catalogue', generation, changes, at(2))).rejects.toMatchObject({ code: 'INVALID_COMMIT' });
      expect(await ctx.store.get('catalogue', 's1')).toEqual({ title: 'A' });
      expect(await ctx.store.checkpoint('catalogue')).toEqual(at(1));
    });

    it.each([
      ['a document changed twice', [{ collection: 'c', id: 'x', doc: {} }, { collection: 'c', id: 'x', doc: null }], at(2)],
      ['a change without an id', [{ collection: 'c', id: '', doc: {} }], at(2)],
      ['a document that is an array', [{ collection: 'c', id: 'x', doc: [] as unknown as Record<string, unknown> }], at(2)],
      ['a checkpoint at position 0', [], at(0)],
    ])('should reject a commit with %s', async (_, changes, checkpoint) => {
      const generation = await ctx.store.beginGeneration('c');
      await expect(ctx.store.commit('c', generation, changes, checkpoint)).rejects.toMatchObject({ code: 'INVALID_COMMIT' });
    });

    it('should refuse a collection owned by another projection and write none of the commit', async () => {
      await activeGenerationWith(ctx.store, 'catalogue', { s1: { title: 'A' } });
      const other = await ctx.store.beginGeneration('intruder');
      const changes = [
        { collection: 'intruder', id: 'i1', doc: { ok: true } },
        { collection: 'catalogue', id: 's1', doc: { title: 'stolen' } },
      ];
      await expect(ctx.store.commit('intruder', other, changes, at(2))).rejects.toMatchObject({ code: 'COLLECTION_OWNED_BY_ANOTHER_PROJECTION' });
      await ctx.store.activate('intruder', other);
      expect(await ctx.store.get('intruder', 'i1')).toBeUndefined();
      expect(await ctx.store.get('catalogue', 's1')).toEqual({ title: 'A' });
    });

    it('should let a projection write several collections', async () => {
      const generation = await ctx.store.beginGeneration('scores');
      const changes = [
        { collection: 'scores.byId', id: 's1', doc: { n: 1 } },
        { collection: 'scores.byOwner', id: 'u1', doc: { ids: ['s1'] } },
      ];
      await ctx.store.commit('scores', generation, changes, at(1));
      await ctx.store.activate('scores', generation);
      expect(await ctx.store.get('scores.byId', 's1')).toEqual({ n: 1 });
      expect(await ctx.store.get('scores.byOwner', 'u1')).toEqual({ ids: ['s1'] });
    });

    it('should hand out copies, so changing a returned document changes nothing stored', async () => {
      await activeGenerationWith(ctx.store, 'catalogue', { s1: { parts: ['Tuba'] } });
      const doc = await ctx.store.get<{ parts: string[] }>('catalogue', 's1');
      doc?.parts.push('Banjo');
      expect(doc?.parts).toEqual(['Tuba', 'Banjo']);
      expect(await ctx.store.get('catalogue', 's1')).toEqual({ parts: ['Tuba'] });
    });

    it('should load the documents of a generation that is still building', async () => {
      const generation = await ctx.store.beginGeneration('catalogue');
      await ctx.store.commit('catalogue', generation, [{ collection: 'catalogue', id: 's1', doc: { v: 1 } }], at(3));
      const loaded = await ctx.store.loadDocs('catalogue', generation, 'catalogue', ['s1', 'missing']);
      expect([...loaded]).toEqual([['s1', { v: 1 }]]);
      expect(await ctx.store.get('catalogue', 's1')).toBeUndefined();
      expect(await ctx.store.checkpoint('catalogue')).toEqual({ position: 0, recordedAt: null });
    });
  });
}
