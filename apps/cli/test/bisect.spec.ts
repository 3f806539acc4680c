import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { firstTrue } from '../src/commands/bisect/bisect-score';
import { bandproIn } from './support/in-process';
import { IDS, useBluesStore } from './support/score-store';

const PREDICATES: Record<string, string> = {
  'trumpet-on-d5.js': `module.exports = (s) => s.status === 'active' && JSON.stringify(s.measures[0].content['${IDS.trumpet}']).includes('"step":"D"');`,
  'part-named-lead.js': `exports.default = (state) => state.parts.some((part) => part.name === 'Lead');`,
  'titled.js': `module.exports = (state) => state.title === 'Test Blues';`,
  'three-parts.js': `module.exports = (state) => state.parts.length === 3;`,
  'throws.js': `module.exports = (state) => { if (state.parts[0].name === 'Lead') throw new Error('no leads here'); return false; };`,
  'not-a-function.js': `module.exports = { answer: 42 };`,
  'broken.js': `module.exports = (state) => ;`,
};

describe('bandpro bisect (in process, real SQLite)', () => {
  const blues = useBluesStore(async (dir) => {
    for (const [name, source] of Object.entries(PREDICATES)) await writeFile(join(dir, name), source);
  });
  const bisect = (predicate: string, scoreId: string = IDS.scoreId) => bandproIn(blues.dataDir, ['bisect', scoreId, '--predicate', join(blues.dir, predicate)]);

  it.each([
    ['trumpet-on-d5.js', 'First true at version 4'],
    ['part-named-lead.js', 'First true at version 5'],
    ['titled.js', 'Already true at version 1'],
    ['three-parts.js', 'Never true, up to version 6'],
  ])('should find where %s first holds: %s', async (predicate, answer) => {
    const run = await bisect(predicate);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(new RegExp(`^${answer} \\(\\d versions checked of 6\\)\\n$`));
  });

  it.each([
    ['a predicate that throws', 'throws.js', /^bandpro: PREDICATE_FAILED: The predicate threw at version [56]: no leads here\n$/],
    ['a file that exports no function', 'not-a-function.js', /^bandpro: PREDICATE_INVALID: .*not-a-function\.js must export a function \(state\) => boolean\n$/],
    ['a file that does not parse', 'broken.js', /^bandpro: PREDICATE_INVALID: .*broken\.js could not be loaded: /],
    ['a file that does not exist', 'missing.js', /^bandpro: PREDICATE_NOT_FOUND: No such file: .*missing\.js\n$/],
  ])('should refuse %s with its code and exit 1', async (_case, predicate, message) => {
    const run = await bisect(predicate);

    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(message);
  });

  it('should answer an unknown score with SCORE_NOT_FOUND', async () => {
    const run = await bisect('titled.js', 'no-such-score');

    expect(run).toEqual({ code: 1, stdout: '', stderr: 'bandpro: SCORE_NOT_FOUND: No score no-such-score in this event store\n' });
  });
});

describe('firstTrue', () => {
  it('should find the first true version for every turning point of a long history, in log2 probes', async () => {
    const head = 1000;
    for (const turn of [2, 3, 499, 500, 501, 999, 1000]) {
      const probed: number[] = [];
      const found = await firstTrue(1, head, async (version) => {
        probed.push(version);
        return version >= turn;
      });

      expect(found.version).toBe(turn);
      expect(probed.length).toBeLessThanOrEqual(Math.ceil(Math.log2(head)));
    }
  });
});
