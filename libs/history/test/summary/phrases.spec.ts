import { invertAll } from '@bandpro/domain';
import { cmd, createScore, E, f, M, noteIdFor, PART_1, pitch, quarter, run, writeNote } from '@bandpro/domain/testing';
import { ENGLISH } from '../../src/summary/phrases.en';
import { TRADITIONAL_CHINESE } from '../../src/summary/phrases.zh-hant';
import { cjk } from '../../src/summary/cjk-join';
import { eventsOf, say, sayEvents } from './summary-helpers';

describe('phrases', () => {
  it('should name intervals by quality, size and direction', () => {
    const names = [
      { diatonic: 7, chromatic: 12 },
      { diatonic: 3, chromatic: 6 },
      { diatonic: -2, chromatic: -3 },
      { diatonic: 9, chromatic: 16 },
      { diatonic: 4, chromatic: 6 },
    ].map((i) => [ENGLISH.interval(i), TRADITIONAL_CHINESE.interval(i)]);

    expect(names).toEqual([
      ['up an octave', '移高純八度'],
      ['up an augmented fourth', '移高增四度'],
      ['down a minor third', '移低小三度'],
      ['up a major tenth', '移高大十度'],
      ['up a diminished fifth', '移高減五度'],
    ]);
  });

  it('should name clefs, durations, tempi and keys', () => {
    const clefs = [{ sign: 'G', line: 2, octaveChange: -1 }, { sign: 'C', line: 4 }, { sign: 'percussion', line: 3 }, { sign: 'TAB', line: 5 }, { sign: 'C', line: 2 }] as const;
    expect(clefs.map((c) => ENGLISH.clef(c))).toEqual(['the treble clef 8vb', 'the tenor clef', 'the percussion clef', 'the tablature clef', 'a C clef on line 2']);
    expect(clefs.map((c) => TRADITIONAL_CHINESE.clef(c))).toEqual(['高音譜號（低八度）', '次中音譜號', '打擊樂譜號', '六線譜號', 'C 譜號（第 2 線）']);
    const quintuplet = { type: '16th' as const, dots: 2, tuplet: { actual: 5, normal: 4 } };
    expect([ENGLISH.duration(quintuplet), TRADITIONAL_CHINESE.duration(quintuplet)]).toEqual(['5:4 double-dotted sixteenth', '5:4 連音複附點十六分音符']);
    const tempo = { bpm: 96, beatUnit: { type: 'half' as const, dots: 1 }, text: null };
    expect([ENGLISH.tempo(tempo), TRADITIONAL_CHINESE.tempo(tempo)]).toEqual(['dotted half = 96', '附點二分音符 = 96']);
    expect([ENGLISH.key({ fifths: 3, mode: 'minor' }, 'F♯'), TRADITIONAL_CHINESE.key({ fifths: 3, mode: 'minor' }, 'F♯')]).toEqual(['f♯ minor', 'F♯ 小調']);
  });

  it('should space Chinese from Latin text and numbers only where the pieces meet', () => {
    expect(cjk('第', '12', '小節（Trumpet 1）的', 'B♭4', '改為', 'C5')).toBe('第 12 小節（Trumpet 1）的 B♭4 改為 C5');
    expect(cjk('歌詞', '「la」', '', '刪除')).toBe('歌詞「la」刪除');
  });
});

describe('summarize: the events an undo appends, read as edits', () => {
  const base = run([createScore(), writeNote(E[0], f(0), quarter, [pitch('C', 5)], { measureId: M[1] })]).state;
  const entry = { partId: PART_1, staff: 1, measureId: M[1], voice: 1, entryId: E[0] };

  it('should say what was restored and what was taken away', () => {
    const deletion = cmd('DeleteNote', entry);
    const deleted = run([deletion], base).state;
    const written = run([writeNote(E[1], f(0), quarter, [pitch('D')], { measureId: M[2] })], base);

    expect(sayEvents(invertAll(eventsOf(base, deletion)), deleted)).toEqual(['Alice restored a quarter note C5 in bar 2 (Trumpet in B♭)', 'Alice 恢復第 2 小節（Trumpet in B♭）的四分音符 C5']);
    expect(sayEvents(invertAll(written.events), written.state)).toEqual(['Alice deleted 3 notes and rests in bar 3 (Trumpet in B♭)', 'Alice 刪除第 3 小節（Trumpet in B♭）的 3 個音符與休止符']);
    const chord = run([cmd('AddChordPitch', { ...entry, noteId: noteIdFor(E[0], 2), pitch: pitch('E', 5) })], base).state;
    expect(say(chord, cmd('RemoveChordPitch', { ...entry, noteId: noteIdFor(E[0], 2) }))).toEqual(['Alice removed E5 from the chord in bar 2 (Trumpet in B♭)', 'Alice 刪除第 2 小節（Trumpet in B♭）的和弦音 E5']);
  });

  it('should describe attribute changes taken back and the full length given back', () => {
    const keyed = run([cmd('SetKeySignature', { measureId: M[2], keySignature: { fifths: 2, mode: 'major' } })], base).state;
    const pickup = run([cmd('SetMeasureLength', { measureId: M[0], length: f(1, 4) })], base).state;

    expect(say(keyed, cmd('SetKeySignature', { measureId: M[2], keySignature: null }))).toEqual(['Alice removed the key signature change in bar 3', 'Alice 移除第 3 小節的調號變更']);
    expect(say(pickup, cmd('SetMeasureLength', { measureId: M[0], length: null }))).toEqual(['Alice set the length to a full bar in bar 0', 'Alice 將第 0 小節的長度設為完整小節']);
    expect(say(base, cmd('SetBarline', { measureId: M[1], side: 'start', style: 'repeat-start' }))[1]).toBe('Alice 將第 2 小節的起始小節線設為反覆開始記號');
  });
});
