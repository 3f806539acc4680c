import { parsePitch, type ScoreState } from '@bandpro/domain';
import type { ScoreDiff } from '@bandpro/history';
import { diffText } from '../src/commands/diff/diff-text';
import { bandproIn, lines } from './support/in-process';
import { IDS, useBluesStore } from './support/score-store';

describe('bandpro diff (in process, real SQLite)', () => {
  const blues = useBluesStore();
  const diff = (...args: string[]) => bandproIn(blues.dataDir, ['diff', ...args]);

  it('should print what changed between two versions, section by section, with bar numbers and part names', async () => {
    const run = await diff(IDS.scoreId, '3', '6');

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(lines(run.stdout)).toEqual([
      `Score ${IDS.scoreId}: version 3 → version 6`,
      'Parts:',
      '  Lead: name "Trumpet in B♭" → "Lead"',
      'Notes:',
      '  bar 1 Lead staff 1 voice 1: C5 quarter: pitch C5 → D5',
      '  bar 1 Trombone staff 1 voice 1: C3 quarter: kind "chord" → "rest"',
    ]);
  });

  it('should compare backwards too, and print the library diff as JSON with --json', async () => {
    const backwards = await diff(IDS.scoreId, '5', '4');
    const json = JSON.parse((await diff(IDS.scoreId, '3', '6', '--json')).stdout);

    expect(lines(backwards.stdout)).toEqual([`Score ${IDS.scoreId}: version 5 → version 4`, 'Parts:', '  Trumpet in B♭: name "Lead" → "Trumpet in B♭"']);
    expect(json).toMatchObject({ empty: false, info: [], parts: { changed: [{ partId: IDS.trumpet }] } });
    expect(json.notes.map((n: { partId: string }) => n.partId)).toEqual([IDS.trumpet, IDS.trombone]);
  });

  it('should answer an unknown score and a version past the end with their codes and exit 1', async () => {
    expect(await diff('no-such-score', '1', '2')).toEqual({ code: 1, stdout: '', stderr: 'bandpro: SCORE_NOT_FOUND: No score no-such-score in this event store\n' });
    expect(await diff(IDS.scoreId, '2', '7')).toEqual({ code: 1, stdout: '', stderr: `bandpro: VERSION_NOT_FOUND: Score ${IDS.scoreId} has versions 1 to 6; there is no version 7\n` });
  });

  it.each([
    [[IDS.scoreId, '2', '2'], '<A> and <B> are both 2: give two different versions'],
    [[IDS.scoreId, '2'], 'Missing <B>'],
    [[IDS.scoreId], 'Missing <A> and <B>'],
    [[IDS.scoreId, 'v1', '2'], '<A> must be a version number from 1, not "v1"'],
  ])('should refuse %j with exit 2 and the usage', async (args, reason) => {
    const run = await diff(...args);

    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(`bandpro: ${reason}\nUsage: bandpro diff <scoreId> <A> <B> [--json]\n  what differs between versions A and B: info, parts, bars and their attributes, notes and marks, bar by bar\n`);
  });
});

describe('diffText', () => {
  const part = (id: string, name: string) => ({ id, name, abbreviation: '', instrumentId: 'flute', staves: 1 as const });
  const state = { status: 'active', parts: [part('p1', 'Flute')] } as unknown as ScoreState;
  const context = { scoreId: 's', from: 1, to: 2, before: { status: 'empty' } as ScoreState, after: state };
  const none: ScoreDiff = { info: [], parts: { added: [], removed: [], changed: [] }, measures: { added: [], removed: [], changed: [] }, notes: [], marks: [], bars: [], empty: true };

  it('should say when two versions do not differ', () => {
    expect(diffText(none, context)).toBe('Score s: version 1 → version 2\nNo differences.');
  });

  it('should write info, parts, bars, rests and every kind of mark change on its own line', () => {
    const quarter = { type: 'quarter' as const, dots: 1 };
    const diff: ScoreDiff = {
      ...none,
      empty: false,
      info: [{ field: 'title', before: 'Old', after: 'New' }],
      parts: { added: [part('p1', 'Flute')], removed: [part('p2', 'Oboe')], changed: [] },
      measures: {
        added: [{ measureId: 'm3', bar: 3 }],
        removed: [{ measureId: 'm9', bar: 9 }],
        changed: [{ measureId: 'm1', bar: 1, changes: [{ field: 'clef', before: null, after: { sign: 'F', line: 4 }, partId: 'p1', staff: 1 }, { field: 'rehearsalMark', before: null, after: 'A' }].map((c) => ({ partId: null, staff: null, ...c })) as ScoreDiff['measures']['changed'][0]['changes'] }],
      },
      notes: [{ partId: 'p1', staff: 1, measureId: 'm1', voice: 2, added: [{ kind: 'rest', id: 'r', duration: quarter }], removed: [{ kind: 'chord', id: 'c', duration: quarter, notes: [{ id: 'n', pitch: parsePitch('Eb4'), tie: false }, { id: 'n2', pitch: parsePitch('G4'), tie: false }], articulations: [], lyrics: [] }], changed: [] }],
      marks: [
        { partId: 'p1', staff: 1, measureId: 'm1', kind: 'dynamic', added: [{ id: 'd', offset: { num: 0, den: 1 }, value: 'mf' }], removed: [], changed: [] },
        { partId: 'gone', staff: null, measureId: 'm2', kind: 'text', added: [], removed: [{ id: 't', offset: { num: 0, den: 1 }, text: 'swing it, and keep swinging it until the very end of the tune' }], changed: [{ id: 'u', before: { id: 'u', offset: { num: 0, den: 1 }, text: 'a' }, after: { id: 'u', offset: { num: 0, den: 1 }, text: 'b' } }] },
      ],
      bars: [{ partId: 'p1', measureId: 'm1', bar: 1 }],
    };

    expect(diffText(diff, context).split('\n')).toEqual([
      'Score s: version 1 → version 2',
      'Info:',
      '  title "Old" → "New"',
      'Parts:',
      '  added Flute [flute]',
      '  removed Oboe [flute]',
      'Bars:',
      '  added bar 3',
      '  removed bar 9 (numbered as it was)',
      '  bar 1: Flute staff 1 clef null → {"sign":"F","line":4}, rehearsalMark null → "A"',
      'Notes:',
      '  bar 1 Flute staff 1 voice 2: added rest quarter.; removed E♭4+G4 quarter.',
      'Marks:',
      '  bar 1 Flute staff 1 dynamic: added {"id":"d","offset":{"num":0,"den":1},"value":"mf"}',
      '  bar ? gone text: removed {"id":"t","offset":{"num":0,"den":1},"text":"swing it, and …; {"id":"u","offset":{"num":0,"den":1},"text":"a"} → {"id":"u","offset":{"num":0,"den":1},"text":"b"}',
    ]);
  });
});
