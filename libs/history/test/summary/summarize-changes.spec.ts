import { invertAll, type ScoreState } from '@bandpro/domain';
import { cmd, createScore, E, f, M, noteIdFor, PART_1, PART_2, pitch, quarter, run, writeNote } from '@bandpro/domain/testing';
import { changesOf, type HistoryEvent } from '../../src/change';
import { summarizeChanges } from '../../src/summary';
import { eventsOf, say, sayEvents } from './summary-helpers';

const base: ScoreState = run([
  createScore({ measureIds: M.slice(0, 8) }),
  cmd('RenamePart', { partId: PART_1, name: 'Trumpet 1' }),
  writeNote(E[0], f(0), quarter, [pitch('B', 4, -1)], { measureId: M[3] }),
  writeNote(E[1], f(1, 4), quarter, [pitch('B', 4, -1)], { measureId: M[3] }),
]).state;
const entry = { partId: PART_1, staff: 1, measureId: M[3], voice: 1, entryId: E[0] };
const where = { partId: PART_1, staff: 1, measureId: M[3] };

describe('summarize: removals', () => {
  it('should describe what was removed, with the value it had', () => {
    const marked = run(
      [
        cmd('SetDynamic', { ...where, offset: f(0), dynamicId: E[30], value: 'mf' }),
        cmd('AddHairpin', { ...where, offset: f(0), hairpinId: E[31], kind: 'diminuendo', end: { measureId: M[4], offset: f(0) } }),
        cmd('AddSlur', { ...where, voice: 1, offset: f(0), slurId: E[32], end: { measureId: M[3], offset: f(1, 4) } }),
        cmd('SetChordSymbol', { partId: PART_1, measureId: M[3], offset: f(0), chordSymbolId: E[33], symbol: { root: { step: 'F', alter: 1 }, kind: 'minor' } }),
        cmd('AddTextExpression', { ...where, offset: f(0), textId: E[34], text: 'dolce' }),
        cmd('SetTie', { ...entry, noteId: noteIdFor(E[0]), tied: true }),
        cmd('SetArticulation', { ...entry, articulation: 'staccato', present: true }),
        cmd('SetLyric', { ...entry, verse: 1, text: 'la' }),
      ],
      base,
    ).state;

    expect(say(marked, cmd('SetDynamic', { ...where, offset: f(0), dynamicId: E[35], value: 'f' }))).toEqual(['Alice changed the dynamic mf → f in bar 4 (Trumpet 1)', 'Alice 將第 4 小節（Trumpet 1）的力度記號 mf 改為 f']);
    expect(say(marked, cmd('RemoveDynamic', { ...where, dynamicId: E[30] }))).toEqual(['Alice removed the dynamic mf in bar 4 (Trumpet 1)', 'Alice 刪除第 4 小節（Trumpet 1）的力度記號 mf']);
    expect(say(marked, cmd('RemoveHairpin', { ...where, hairpinId: E[31] }))[0]).toBe('Alice removed a diminuendo in bar 4 (Trumpet 1)');
    expect(say(marked, cmd('RemoveSlur', { ...where, slurId: E[32] }))[1]).toBe('Alice 刪除第 4 小節（Trumpet 1）的圓滑線');
    expect(say(marked, cmd('SetChordSymbol', { partId: PART_1, measureId: M[3], offset: f(0), chordSymbolId: E[36], symbol: { root: { step: 'G', alter: 0 }, kind: 'dominant' } }))).toEqual(['Alice changed the chord symbol F♯m → G7 in bar 4 (Trumpet 1)', 'Alice 將第 4 小節（Trumpet 1）的和弦記號 F♯m 改為 G7']);
    expect(say(marked, cmd('RemoveChordSymbol', { partId: PART_1, measureId: M[3], chordSymbolId: E[33] }))[0]).toBe('Alice removed the chord symbol F♯m in bar 4 (Trumpet 1)');
    expect(say(marked, cmd('RemoveTextExpression', { ...where, textId: E[34] }))[1]).toBe('Alice 刪除第 4 小節（Trumpet 1）的文字「dolce」');
    expect(say(marked, cmd('SetTie', { ...entry, noteId: noteIdFor(E[0]), tied: false }))[0]).toBe('Alice removed a tie on B♭4 in bar 4 (Trumpet 1)');
    expect(say(marked, cmd('SetArticulation', { ...entry, articulation: 'staccato', present: false }))[1]).toBe('Alice 刪除第 4 小節（Trumpet 1）的斷奏記號');
    expect(say(marked, cmd('ClearLyric', { ...entry, verse: 1 }))).toEqual(['Alice removed the lyric "la" in bar 4 (Trumpet 1)', 'Alice 刪除第 4 小節（Trumpet 1）的歌詞「la」']);
  });
});

describe('summarize: undo and redo', () => {
  it('should describe an undo by the change it took back', () => {
    const edit = eventsOf(base, cmd('ChangePitch', { ...entry, noteId: noteIdFor(E[0]), pitch: pitch('C', 5) }));
    const after = run([cmd('ChangePitch', { ...entry, noteId: noteIdFor(E[0]), pitch: pitch('C', 5) })], base).state;

    expect(sayEvents(invertAll(edit), after, 'undo')).toEqual([
      'Alice undid "changed B♭4 → C5 in bar 4 (Trumpet 1)"',
      'Alice 復原「將第 4 小節（Trumpet 1）的 B♭4 改為 C5」',
    ]);
    expect(sayEvents(edit, base, 'redo')[0]).toBe('Alice redid "changed B♭4 → C5 in bar 4 (Trumpet 1)"');
  });

  it('should describe the undo of a deleted part by the part it had deleted', () => {
    const withTrombone = run([cmd('AddPart', { partId: PART_2, instrumentId: 'trombone', name: 'Trombone' })], base).state;
    const removal = eventsOf(withTrombone, cmd('RemovePart', { partId: PART_2 }));
    const removed = run([cmd('RemovePart', { partId: PART_2 })], withTrombone).state;

    expect(sayEvents(invertAll(removal), removed, 'undo')[1]).toBe('Alice 復原「刪除聲部 Trombone」');
  });
});

describe('summarize: changes of many events', () => {
  it('should sum a batch up by its bars and its part', () => {
    const batch = eventsOf(
      base,
      writeNote(E[10], f(0), quarter, [pitch('C')], { measureId: M[4] }),
      writeNote(E[11], f(1, 4), quarter, [pitch('D')], { measureId: M[5] }),
      writeNote(E[12], f(1, 2), quarter, [pitch('E')], { measureId: M[6] }),
    );

    expect(sayEvents(batch, base)).toEqual(['Alice made 3 changes in bars 5–7 (Trumpet 1)', 'Alice 在第 5–7 小節（Trumpet 1）做了 3 項修改']);
  });

  it('should leave the part out when the batch touches several', () => {
    const two = run([cmd('AddPart', { partId: PART_2, instrumentId: 'trombone' })], base).state;
    const batch = eventsOf(two, writeNote(E[10], f(0), quarter, [pitch('C')], { measureId: M[4] }), writeNote(E[11], f(0), quarter, [pitch('C', 3)], { partId: PART_2, measureId: M[4] }));

    expect(sayEvents(batch, two)[0]).toBe('Alice made 2 changes in bar 5');
  });

  it('should describe a shorter time signature by the signature, not the rests it removed', () => {
    const full = run([writeNote(E[10], f(0), { type: 'whole', dots: 0 }, [], { measureId: M[6] })], base).state;
    const change = cmd('SetTimeSignature', { measureId: M[6], timeSignature: { beats: 3, beatType: 4 } });

    expect(eventsOf(full, change).map((e) => e.type)).toContain('TrailingRestsRemoved');
    expect(say(full, change)[0]).toBe('Alice set the time signature to 3/4 from bar 7');
  });
});

describe('summarize: what it cannot read', () => {
  it('should fall back to a generic sentence for an unknown event type, or data it cannot read, and never throw', () => {
    expect(sayEvents([{ type: 'MetronomeTicked', data: {} }], base)).toEqual(['Alice made a change', 'Alice 做了一項修改']);
    expect(sayEvents([{ type: 'NotePitchChanged', data: null }], base)[0]).toBe('Alice made a change');
    expect(sayEvents([], base)[0]).toBe('Alice made a change');
    expect(sayEvents([{ type: 'MetronomeTicked', data: {} }], base, 'undo')[0]).toBe('Alice undid "made a change"');
  });

  it('should still name the bar when a pickup makes the first bar number 0', () => {
    const pickup = run([createScore({ pickup: f(1, 4) })]).state;

    expect(say(pickup, writeNote(E[0], f(0), quarter, [pitch('G')], { measureId: M[0] }))[0]).toBe('Alice wrote a quarter note G4 in bar 0 (Trumpet in B♭)');
    expect(say(pickup, writeNote(E[0], f(0), quarter, [pitch('G')], { measureId: M[1] }))[0]).toBe('Alice wrote a quarter note G4 in bar 1 (Trumpet in B♭)');
  });
});

describe('summarizeChanges', () => {
  it('should summarise each change of a run against the state its predecessors left', () => {
    const commands = [
      cmd('InsertMeasures', { beforeMeasureId: M[0], measureIds: [E[40]] }),
      writeNote(E[41], f(0), quarter, [pitch('C', 5)], { measureId: M[3] }),
    ];
    let version = 0;
    const events: HistoryEvent[] = commands.flatMap((command, i) =>
      eventsOf(run(commands.slice(0, i), base).state, command).map((e) => ({
        ...e,
        version: ++version,
        metadata: { commandId: `c${i}`, correlationId: `c${i}`, causationId: `c${i}`, actor: { id: i === 0 ? 'ann' : 'bob', kind: 'user' as const }, recordedAt: '2026-01-01T00:00:00Z' },
      })),
    );
    const names: Record<string, string> = { ann: 'Ann', bob: 'Bob' };

    expect(summarizeChanges(changesOf(events), base, { locale: 'en', actorName: (a) => names[a.id] })).toEqual([
      'Ann added a bar at the start',
      'Bob wrote a quarter note C5 in bar 5 (Trumpet 1)',
    ]);
  });
});
