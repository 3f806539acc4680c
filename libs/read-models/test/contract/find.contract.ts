import { activeGenerationWith, useSubject, type ContractFactory } from './contract-subject';

const SCORES = {
  s1: { title: 'Blue Bossa', composer: 'Dorham', bars: 32, public: true, owner: { id: 'u1' } },
  s2: { title: 'Autumn Leaves', composer: 'Kosma', bars: 32, public: false, owner: { id: 'u2' } },
  s3: { title: 'So What', composer: 'Davis', bars: 32, public: true, owner: { id: 'u1' }, subtitle: null },
  s4: { title: 'Solar', composer: 'Davis', bars: 12, public: true, owner: { id: 'u2' }, code: '12' },
  s5: { title: 'Tune Up', composer: 'Davis', bars: 16, public: false, owner: { id: 'u1' }, subtitle: 'live' },
};

export function findContract(factory: ContractFactory): void {
  const ctx = useSubject(factory);
  const titles = (docs: object[]) => docs.map((doc) => (doc as { title?: unknown }).title);

  describe('find', () => {
    beforeEach(async () => {
      await activeGenerationWith(ctx.store, 'catalogue', SCORES);
    });

    it('should return every document ordered by id when no query is given', async () => {
      expect(titles(await ctx.store.find('catalogue'))).toEqual(['Blue Bossa', 'Autumn Leaves', 'So What', 'Solar', 'Tune Up']);
    });

    it('should filter on strings, numbers, booleans and nested fields together', async () => {
      const found = await ctx.store.find('catalogue', { where: { composer: 'Davis', public: true, 'owner.id': 'u1', bars: 32 } });
      expect(titles(found)).toEqual(['So What']);
    });

    it('should match null against null and missing fields alike', async () => {
      expect(titles(await ctx.store.find('catalogue', { where: { subtitle: null } }))).toEqual(['Blue Bossa', 'Autumn Leaves', 'So What', 'Solar']);
    });

    it('should keep types apart: the text "12" is not the number 12, and true is not 1', async () => {
      expect(titles(await ctx.store.find('catalogue', { where: { code: 12 } }))).toEqual([]);
      expect(titles(await ctx.store.find('catalogue', { where: { code: '12' } }))).toEqual(['Solar']);
      expect(titles(await ctx.store.find('catalogue', { where: { bars: '12' } }))).toEqual([]);
      expect(titles(await ctx.store.find('catalogue', { where: { public: 1 } }))).toEqual([]);
      expect(titles(await ctx.store.find('catalogue', { where: { public: false } }))).toEqual(['Autumn Leaves', 'Tune Up']);
      expect(titles(await ctx.store.find('catalogue', { where: { owner: 'u1' } }))).toEqual([]);
    });

    it('should order by several fields and break ties by id', async () => {
      const found = await ctx.store.find('catalogue', { orderBy: [{ field: 'bars', direction: 'desc' }, { field: 'composer' }] });
      expect(titles(found)).toEqual(['So What', 'Blue Bossa', 'Autumn Leaves', 'Tune Up', 'Solar']);
      expect(titles(await ctx.store.find('catalogue', { orderBy: { field: 'title' } }))).toEqual([
        'Autumn Leaves',
        'Blue Bossa',
        'So What',
        'Solar',
        'Tune Up',
      ]);
    });

    it('should put missing and null values first when ordering ascending', async () => {
      const found = await ctx.store.find('catalogue', { orderBy: { field: 'subtitle' }, where: { composer: 'Davis' } });
      expect(titles(found)).toEqual(['So What', 'Solar', 'Tune Up']);
    });

    it('should page with limit and offset', async () => {
      const page = (offset: number) => ctx.store.find('catalogue', { orderBy: { field: 'title' }, limit: 2, offset });
      expect(titles(await page(0))).toEqual(['Autumn Leaves', 'Blue Bossa']);
      expect(titles(await page(2))).toEqual(['So What', 'Solar']);
      expect(titles(await page(4))).toEqual(['Tune Up']);
      expect(titles(await ctx.store.find('catalogue', { offset: 3 }))).toEqual(['Solar', 'Tune Up']);
      expect(await ctx.store.find('catalogue', { limit: 0 })).toEqual([]);
    });

    it.each([
      ['a field name that is not an identifier', { where: { "title') OR 1=1 --": 'x' } }],
      ['a field name with an empty segment', { orderBy: { field: 'owner..id' } }],
      ['an object as a filter value', { where: { owner: { id: 'u1' } as unknown as string } }],
      ['an unknown direction', { orderBy: { field: 'title', direction: 'up' as 'asc' } }],
      ['a negative limit', { limit: -1 }],
      ['a fractional offset', { offset: 1.5 }],
    ])('should reject %s', async (_, query) => {
      await expect(ctx.store.find('catalogue', query)).rejects.toMatchObject({ code: 'INVALID_QUERY' });
    });
  });
}
