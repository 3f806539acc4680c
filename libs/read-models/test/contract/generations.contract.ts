import { activeGenerationWith, at, useSubject, type ContractFactory } from './contract-subject';

export function generationsContract(factory: ContractFactory): void {
  const ctx = useSubject(factory);

  describe('generations', () => {
    it('should keep readers on the old generation until the new one is activated', async () => {
      const old = await activeGenerationWith(ctx.store, 'catalogue', { s1: { title: 'old' }, gone: { title: 'gone' } });
      const next = await ctx.store.beginGeneration('catalogue', { version: 2 });
      await ctx.store.commit('catalogue', next, [{ collection: 'catalogue', id: 's1', doc: { title: 'new' } }], at(1));
      await ctx.store.commit('catalogue', next, [{ collection: 'catalogue', id: 's2', doc: { title: 'more' } }], at(2));

      expect(await ctx.store.find('catalogue')).toEqual([{ title: 'gone' }, { title: 'old' }]);
      expect((await ctx.store.activeGeneration('catalogue'))?.generation).toBe(old);

      await ctx.store.activate('catalogue', next);

      expect(await ctx.store.find('catalogue')).toEqual([{ title: 'new' }, { title: 'more' }]);
      expect(await ctx.store.get('catalogue', 'gone')).toBeUndefined();
      expect(await ctx.store.checkpoint('catalogue')).toEqual(at(2));
    });

    it('should list generations with their version, status and checkpoint', async () => {
      const old = await activeGenerationWith(ctx.store, 'catalogue', { s1: {} });
      const next = await ctx.store.beginGeneration('catalogue', { version: 2 });
      await ctx.store.activate('catalogue', next);

      expect(await ctx.store.generations('catalogue')).toEqual([
        { projection: 'catalogue', generation: old, version: 1, status: 'retired', checkpoint: at(1) },
        { projection: 'catalogue', generation: next, version: 2, status: 'active', checkpoint: { position: 0, recordedAt: null } },
      ]);
      expect(await ctx.store.activeGeneration('catalogue')).toMatchObject({ generation: next, version: 2 });
      expect(await ctx.store.activeGeneration('nobody')).toBeUndefined();
    });

    it('should give every new generation a number never used before', async () => {
      const first = await ctx.store.beginGeneration('a');
      const second = await ctx.store.beginGeneration('b');
      await ctx.store.dropGeneration('b', second);
      const third = await ctx.store.beginGeneration('a');
      expect(new Set([first, second, third]).size).toBe(3);
      expect(third).toBeGreaterThan(second);
    });

    it('should drop a retired generation with its documents', async () => {
      const old = await activeGenerationWith(ctx.store, 'catalogue', { s1: { v: 1 } });
      const next = await ctx.store.beginGeneration('catalogue');
      await ctx.store.activate('catalogue', next);
      await ctx.store.dropGeneration('catalogue', old);

      expect((await ctx.store.generations('catalogue')).map((g) => g.generation)).toEqual([next]);
      await expect(ctx.store.loadDocs('catalogue', old, 'catalogue', ['s1'])).rejects.toMatchObject({ code: 'GENERATION_NOT_FOUND' });
    });

    it('should refuse to drop the active generation', async () => {
      const generation = await activeGenerationWith(ctx.store, 'catalogue', { s1: {} });
      await expect(ctx.store.dropGeneration('catalogue', generation)).rejects.toMatchObject({ code: 'GENERATION_ACTIVE' });
      expect(await ctx.store.get('catalogue', 's1')).toEqual({});
    });

    it('should ignore dropping a generation that is not there', async () => {
      const generation = await ctx.store.beginGeneration('catalogue');
      await expect(ctx.store.dropGeneration('catalogue', generation + 100)).resolves.toBeUndefined();
      await expect(ctx.store.dropGeneration('other', generation)).resolves.toBeUndefined();
      expect(await ctx.store.generations('catalogue')).toHaveLength(1);
    });

    it('should refuse to activate, read or write a generation of another projection', async () => {
      const generation = await ctx.store.beginGeneration('catalogue');
      const code = { code: 'GENERATION_NOT_FOUND' };
      await expect(ctx.store.activate('other', generation)).rejects.toMatchObject(code);
      await expect(ctx.store.commit('other', generation, [], at(1))).rejects.toMatchObject(code);
      await expect(ctx.store.loadDocs('other', generation, 'c', ['x'])).rejects.toMatchObject(code);
      await expect(ctx.store.checkpoint('other', generation)).rejects.toMatchObject(code);
    });

    it('should keep re-activating the active generation harmless', async () => {
      const generation = await activeGenerationWith(ctx.store, 'catalogue', { s1: { v: 1 } });
      await ctx.store.activate('catalogue', generation);
      expect(await ctx.store.get('catalogue', 's1')).toEqual({ v: 1 });
      expect((await ctx.store.generations('catalogue')).map((g) => g.status)).toEqual(['active']);
    });
  });
}
