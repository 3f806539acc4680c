import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bandproIn, lines } from './support/in-process';
import { IDS, useBluesStore } from './support/score-store';

describe('bandpro events, replay and trace (in process, real SQLite)', () => {
  const blues = useBluesStore();
  const bandpro = (...args: string[]) => bandproIn(blues.dataDir, args);

  describe('events', () => {
    it('should list every event with its version, time, actor and type', async () => {
      const run = await bandpro('events', IDS.scoreId);

      expect(run).toMatchObject({ code: 0, stderr: '' });
      const rows = lines(run.stdout).map((line) => line.trim().split(/\s{2,}/).slice(0, 4));
      expect(rows).toEqual([
        ['1', expect.stringMatching(/^\d{4}-\d\d-\d\dT/), 'user:ann', 'ScoreCreated'],
        ['2', expect.any(String), 'user:ann', 'NoteWritten'],
        ['3', expect.any(String), 'user:bob', 'NoteWritten'],
        ['4', expect.any(String), 'user:bob', 'NotePitchChanged'],
        ['5', expect.any(String), 'user:ann', 'PartRenamed'],
        ['6', expect.any(String), 'user:bob', 'NoteDeleted'],
      ]);
    });

    it('should cut long data to one line and keep short data whole', async () => {
      const run = await bandpro('events', IDS.scoreId, '--from', '5', '--to', '5');

      expect(lines(run.stdout)).toEqual([expect.stringContaining(`PartRenamed  {"partId":"${IDS.trumpet}"`)]);
      expect(lines((await bandpro('events', IDS.scoreId, '--to', '1')).stdout)[0]).toMatch(/ScoreCreated {2}\{.*…$/);
    });

    it('should keep only the versions and types asked for, as NDJSON with every envelope field under --json', async () => {
      const run = await bandpro('events', IDS.scoreId, '--from', '2', '--to', '5', '--type', 'NoteWritten,PartRenamed', '--json');

      const events = lines(run.stdout).map((line) => JSON.parse(line));
      expect(events.map((e) => [e.version, e.type])).toEqual([[2, 'NoteWritten'], [3, 'NoteWritten'], [5, 'PartRenamed']]);
      expect(Object.keys(events[0]).sort()).toEqual(['data', 'eventId', 'metadata', 'position', 'schemaVersion', 'streamId', 'type', 'version']);
      expect(events[2].metadata).toMatchObject({ commandId: `cmd-${IDS.scoreId}-5`, actor: { id: 'ann', kind: 'user' } });
    });
  });

  describe('replay', () => {
    it('should outline the score as it was at a version: title, parts, bars and notes per bar', async () => {
      const run = await bandpro('replay', IDS.scoreId, '--to', '3');

      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(lines(run.stdout)).toEqual([
        'Test Blues by The Tests at version 3',
        'Parts (2): Trumpet in B♭ [trumpet-bb], Trombone [trombone]',
        'Bars: 2',
        '  bar   1  Trumpet in B♭: 1 note (C5) | Trombone: 1 note (C3)',
        '  bar   2  Trumpet in B♭: — | Trombone: —',
      ]);
    });

    it('should show later edits at later versions, and the whole state as JSON with --json', async () => {
      const outline = await bandpro('replay', IDS.scoreId, '--to', '6');
      const json = await bandpro('replay', IDS.scoreId, '--to', '6', '--json');

      expect(lines(outline.stdout)[3]).toBe('  bar   1  Lead: 1 note (D5) | Trombone: —');
      const state = JSON.parse(json.stdout);
      expect(state).toMatchObject({ status: 'active', scoreId: IDS.scoreId, title: 'Test Blues' });
      expect(state.parts.map((p: { name: string }) => p.name)).toEqual(['Lead', 'Trombone']);
      expect(state.measures[0].content[IDS.trumpet].staves[0].voices[0][0].notes[0].pitch).toMatchObject({ step: 'D', octave: 5 });
    });
  });

  describe('trace', () => {
    it('should list every event whose data mentions the element, with version, actor, type and where', async () => {
      const run = await bandpro('trace', IDS.scoreId, '--element', IDS.trumpetNote);

      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(lines(run.stdout).map((line) => line.trim().split(/\s{2,}/).slice(0, 3))).toEqual([
        ['2', 'user:ann', 'NoteWritten'],
        ['4', 'user:bob', 'NotePitchChanged'],
      ]);
    });

    it('should find a part id used as a key of measure content, and print JSON lines with --json', async () => {
      const run = await bandpro('trace', IDS.scoreId, '--element', IDS.trombone, '--json');

      const found = lines(run.stdout).map((line) => JSON.parse(line));
      expect(found.map((f) => [f.version, f.type])).toEqual([[1, 'ScoreCreated'], [3, 'NoteWritten'], [6, 'NoteDeleted']]);
      expect(found[0].paths).toEqual(expect.arrayContaining([`data.measures[0].content.${IDS.trombone}`]));
    });

    it('should say on stderr that nothing mentions an id no event has, listing nothing', async () => {
      const run = await bandpro('trace', IDS.scoreId, '--element', '0193a000-0000-7000-8000-00000000000');

      expect(run).toEqual({ code: 0, stdout: '', stderr: `No event of score ${IDS.scoreId} mentions 0193a000-0000-7000-8000-00000000000\n` });
    });
  });

  describe('scores and versions that do not exist', () => {
    it.each([
      ['events', ['events', 'no-such-score']],
      ['replay', ['replay', 'no-such-score', '--to', '1']],
      ['trace', ['trace', 'no-such-score', '--element', IDS.trumpetNote]],
      ['dump', ['dump', 'no-such-score']],
    ])('should answer %s of an unknown score with SCORE_NOT_FOUND and exit 1', async (_name, args) => {
      const run = await bandpro(...args);

      expect(run).toEqual({ code: 1, stdout: '', stderr: 'bandpro: SCORE_NOT_FOUND: No score no-such-score in this event store\n' });
    });

    it.each([
      ['replay past the last version', ['replay', IDS.scoreId, '--to', '7']],
      ['events from past the last version', ['events', IDS.scoreId, '--from', '9']],
      ['events up to past the last version', ['events', IDS.scoreId, '--to', '7']],
    ])('should answer %s with VERSION_NOT_FOUND and exit 1', async (_case, args) => {
      const run = await bandpro(...args);

      expect(run).toMatchObject({ code: 1, stdout: '' });
      expect(run.stderr).toBe(`bandpro: VERSION_NOT_FOUND: Score ${IDS.scoreId} has versions 1 to 6; there is no version ${args[3]}\n`);
    });

    it('should say SCORE_NOT_FOUND, creating nothing, when DATA_DIR holds no store at all', async () => {
      const empty = join(blues.dir, 'empty');
      const run = await bandproIn(empty, ['events', IDS.scoreId]);

      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`bandpro: SCORE_NOT_FOUND: There is no event store at ${join(empty, 'bandpro.sqlite')}, so no score (set DATA_DIR or MONGODB_URI)\n`);
      expect(await readdir(blues.dir)).toEqual(['data']);
    });
  });
});
