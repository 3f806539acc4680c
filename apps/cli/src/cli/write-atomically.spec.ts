import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withTempDir } from '../../test/support/bandpro';
import { writeFileAtomically } from './write-atomically';

describe('writeFileAtomically', () => {
  let tmp: Awaited<ReturnType<typeof withTempDir>>;
  beforeEach(async () => (tmp = await withTempDir()));
  afterEach(() => tmp.remove());

  it('should write a new file and replace an old one whole, leaving only the target', async () => {
    const target = join(tmp.dir, 'score.mid');
    await writeFileAtomically(target, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);

    await writeFile(target, 'a much longer previous content');
    await writeFileAtomically(target, 'new');

    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(tmp.dir)).toEqual(['score.mid']);
  });

  it('should fail with OUTPUT_NOT_WRITTEN when the folder does not exist', async () => {
    await expect(writeFileAtomically(join(tmp.dir, 'missing', 'score.mid'), 'x')).rejects.toMatchObject({ code: 'OUTPUT_NOT_WRITTEN', exitCode: 1 });
    expect(await readdir(tmp.dir)).toEqual([]);
  });
});
