import { initialScoreState, type ScoreState } from '@bandpro/domain';
import { cmd, createScore, E, f, half, M, N, noteIdFor, PART_1, PART_2, pitch, quarter, run, triplet, writeNote } from '@bandpro/domain/testing';
import { summarize } from '../../src/summary';
import { changeOf, eventsOf, say, sayEvents } from './summary-helpers';

const base: ScoreState = run([
  createScore({ measureIds: M.slice(0, 16) }),
  cmd('RenamePart', { partId: PART_1, name: 'Trumpet 1' }),
  writeNote(E[0], f(0), quarter, [pitch('B', 4, -1)], { measureId: M[11] }),
  writeNote(E[1], f(1, 4), quarter, [pitch('B', 4, -1)], { measureId: M[11] }),
]).state;
const entry = { partId: PART_1, staff: 1, measureId: M[11], voice: 1, entryId: E[0] };
const note = noteIdFor(E[0]);
const where = { partId: PART_1, staff: 1, measureId: M[2] };

describe('summarize', () => {
  describe('the score', () => {
    it('should say who created, imported and renamed the score', () => {
      expect(say(initialScoreState(), createScore({ title: 'Blue Bossa' }))).toEqual(['Alice created the score "Blue Bossa"', 'Alice 建立樂譜「Blue Bossa」']);
      expect(say(base, cmd('UpdateScoreInfo', { title: 'Blue Bossa' }))).toEqual(['Alice changed the title to "Blue Bossa"', 'Alice 將標題改為「Blue Bossa」']);
      expect(say(base, cmd('UpdateScoreInfo', { title: 'X', composer: 'Y' }))).toEqual(['Alice changed the title to "X" and the composer to "Y"', 'Alice 將標題改為「X」，作曲者改為「Y」']);
      expect(sayEvents([{ type: 'ScoreImported', data: {} }], initialScoreState())).toEqual(['Alice imported the score', 'Alice 匯入樂譜']);
      expect(sayEvents([{ type: 'ScoreDiscarded', data: {} }], base)).toEqual(['Alice discarded the score', 'Alice 捨棄樂譜']);
    });
  });

  describe('parts', () => {
    it('should name the part added, moved, renamed, re-instrumented and removed', () => {
      const withTrombone = run([cmd('AddPart', { partId: PART_2, instrumentId: 'trombone', name: 'Trombone' })], base).state;

      expect(say(base, cmd('AddPart', { partId: PART_2, instrumentId: 'trombone', name: 'Trombone' }))).toEqual(['Alice added the part Trombone', 'Alice 新增聲部 Trombone']);
      expect(say(withTrombone, cmd('MovePart', { partId: PART_2, toIndex: 0 }))).toEqual(['Alice moved the part Trombone to position 1', 'Alice 將聲部 Trombone 移到第 1 位']);
      expect(say(withTrombone, cmd('RenamePart', { partId: PART_2, name: 'Trombone 1' }))).toEqual(['Alice renamed the part Trombone to Trombone 1', 'Alice 將聲部 Trombone 改名為 Trombone 1']);
      expect(say(withTrombone, cmd('ChangeInstrument', { partId: PART_2, instrumentId: 'tuba', name: 'Tuba' }))).toEqual(['Alice changed the instrument of Trombone to Tuba', 'Alice 將聲部 Trombone 的樂器改為 Tuba']);
      expect(say(withTrombone, cmd('RemovePart', { partId: PART_2 }))).toEqual(['Alice removed the part Trombone', 'Alice 刪除聲部 Trombone']);
    });
  });

  describe('measures', () => {
    it('should say where bars were added and which were deleted', () => {
      expect(say(base, cmd('InsertMeasures', { beforeMeasureId: M[8], measureIds: [E[20], E[21], E[22], E[23]] }))).toEqual(['Alice added 4 bars after bar 8', 'Alice 在第 8 小節後加入 4 個小節']);
      expect(say(base, cmd('InsertMeasures', { beforeMeasureId: M[0], measureIds: [E[20]] }))).toEqual(['Alice added a bar at the start', 'Alice 在開頭加入 1 個小節']);
      expect(say(base, cmd('DeleteMeasures', { fromMeasureId: M[2], toMeasureId: M[4] }))).toEqual(['Alice deleted bars 3–5', 'Alice 刪除第 3–5 小節']);
    });

    it('should describe the deletion alone when it carries a time signature past the deleted bars', () => {
      const in68 = run([cmd('SetTimeSignature', { measureId: M[2], timeSignature: { beats: 6, beatType: 8 } })], base).state;
      const deletion = cmd('DeleteMeasures', { fromMeasureId: M[2], toMeasureId: M[2] });

      expect(eventsOf(in68, deletion).map((e) => e.type)).toEqual(['TimeSignatureChanged', 'MeasuresDeleted']);
      expect(say(in68, deletion)).toEqual(['Alice deleted bar 3', 'Alice 刪除第 3 小節']);
    });

    it('should say which attributes were set from which bar', () => {
      expect(say(base, cmd('SetTimeSignature', { measureId: M[8], timeSignature: { beats: 6, beatType: 8 } }))).toEqual(['Alice set the time signature to 6/8 from bar 9', 'Alice 從第 9 小節起將拍號設為 6/8']);
      expect(say(base, cmd('SetKeySignature', { measureId: M[1], keySignature: { fifths: -3, mode: 'major' } }))).toEqual(['Alice set the key signature to E♭ major from bar 2', 'Alice 從第 2 小節起將調號設為 E♭ 大調']);
      expect(say(base, cmd('SetClef', { ...where, clef: { sign: 'F', line: 4 } }))).toEqual(['Alice set the clef to the bass clef from bar 3 (Trumpet 1)', 'Alice 從第 3 小節（Trumpet 1）起將譜號設為低音譜號']);
      expect(say(base, cmd('SetTempo', { measureId: M[0], tempo: { bpm: 120, beatUnit: { type: 'quarter', dots: 0 }, text: 'Allegro' } }))).toEqual(['Alice set the tempo to "Allegro" (quarter = 120) from bar 1', 'Alice 從第 1 小節起將速度設為「Allegro」（四分音符 = 120）']);
      const in68 = run([cmd('SetTimeSignature', { measureId: M[8], timeSignature: { beats: 6, beatType: 8 } })], base).state;
      expect(say(in68, cmd('SetTimeSignature', { measureId: M[8], timeSignature: null }))).toEqual(['Alice removed the time signature change in bar 9', 'Alice 移除第 9 小節的拍號變更']);
    });

    it('should describe barlines, voltas, rehearsal marks and irregular lengths in their bar', () => {
      expect(say(base, cmd('SetBarline', { measureId: M[7], side: 'end', style: 'final' }))).toEqual(['Alice set the end barline to final in bar 8', 'Alice 將第 8 小節的結束小節線設為終止線']);
      expect(say(base, cmd('SetVolta', { fromMeasureId: M[7], toMeasureId: M[8], numbers: [1, 2] }))).toEqual(['Alice added the volta 1, 2 in bars 8–9', 'Alice 在第 8–9 小節加入第 1、2 次反覆結尾']);
      expect(say(base, cmd('SetRehearsalMark', { measureId: M[4], text: 'A' }))).toEqual(['Alice added the rehearsal mark "A" in bar 5', 'Alice 在第 5 小節加入排練記號「A」']);
      const marked = run([cmd('SetRehearsalMark', { measureId: M[4], text: 'A' })], base).state;
      expect(say(marked, cmd('SetRehearsalMark', { measureId: M[4], text: 'B' }))).toEqual(['Alice set the rehearsal mark to "B" in bar 5', 'Alice 將第 5 小節的排練記號設為「B」']);
      expect(say(marked, cmd('SetRehearsalMark', { measureId: M[4], text: null }))).toEqual(['Alice removed the rehearsal mark "A" in bar 5', 'Alice 刪除第 5 小節的排練記號「A」']);
      expect(say(base, cmd('SetMeasureLength', { measureId: M[0], length: f(1, 4) }))).toEqual(['Alice set the length to 1/4 in bar 1', 'Alice 將第 1 小節的長度設為 1/4']);
    });
  });

  describe('notes', () => {
    it('should describe a written note, rest and chord with their value and pitches', () => {
      expect(say(base, writeNote(E[5], f(0), quarter, [pitch('C', 5)], { measureId: M[2] }))).toEqual(['Alice wrote a quarter note C5 in bar 3 (Trumpet 1)', 'Alice 在第 3 小節（Trumpet 1）寫入四分音符 C5']);
      expect(say(base, writeNote(E[5], f(0), { type: 'eighth', dots: 1 }, [], { measureId: M[2] }))).toEqual(['Alice wrote a dotted eighth rest in bar 3 (Trumpet 1)', 'Alice 在第 3 小節（Trumpet 1）寫入附點八分休止符']);
      expect(say(base, writeNote(E[5], f(0), triplet('eighth'), [pitch('C'), pitch('E')], { measureId: M[2] }))).toEqual(['Alice wrote a triplet eighth-note chord C4 E4 in bar 3 (Trumpet 1)', 'Alice 在第 3 小節（Trumpet 1）寫入三連音八分音符和弦 C4 E4']);
    });

    it('should spell a pitch change with flats and sharps', () => {
      expect(say(base, cmd('ChangePitch', { ...entry, noteId: note, pitch: pitch('C', 5) }))).toEqual(['Alice changed B♭4 → C5 in bar 12 (Trumpet 1)', 'Alice 將第 12 小節（Trumpet 1）的 B♭4 改為 C5']);
    });

    it('should give the written pitch of a transposing part when asked to', () => {
      const change = changeOf(eventsOf(base, cmd('ChangePitch', { ...entry, noteId: note, pitch: pitch('C', 5) })));

      expect(summarize(change, base, { locale: 'en', actorName: 'Alice', pitches: 'written' })).toBe('Alice changed C5 → D5 in bar 12 (Trumpet 1)');
      expect(summarize(change, base, { locale: 'en', actorName: 'Alice', pitches: 'concert' })).toBe('Alice changed B♭4 → C5 in bar 12 (Trumpet 1)');
    });

    it('should describe deleting a note, changing its value, and chord notes', () => {
      expect(say(base, cmd('DeleteNote', entry))).toEqual(['Alice deleted a quarter note B♭4 in bar 12 (Trumpet 1)', 'Alice 刪除第 12 小節（Trumpet 1）的四分音符 B♭4']);
      expect(say(base, cmd('ChangeDuration', { ...entry, duration: half, restIdSeed: E[9] }))).toEqual(['Alice changed the duration quarter → half in bar 12 (Trumpet 1)', 'Alice 將第 12 小節（Trumpet 1）的時值四分音符改為二分音符']);
      expect(say(base, cmd('AddChordPitch', { ...entry, noteId: N[0], pitch: pitch('D', 5) }))).toEqual(['Alice added D5 to the chord in bar 12 (Trumpet 1)', 'Alice 在第 12 小節（Trumpet 1）加入和弦音 D5']);
    });

    it('should describe ties, articulations and lyrics on a note', () => {
      expect(say(base, cmd('SetTie', { ...entry, noteId: note, tied: true }))).toEqual(['Alice added a tie on B♭4 in bar 12 (Trumpet 1)', 'Alice 在第 12 小節（Trumpet 1）加入 B♭4 的延音線']);
      expect(say(base, cmd('SetArticulation', { ...entry, articulation: 'accent', present: true }))).toEqual(['Alice added an accent in bar 12 (Trumpet 1)', 'Alice 在第 12 小節（Trumpet 1）加入重音記號']);
      expect(say(base, cmd('SetLyric', { ...entry, verse: 1, text: 'la' }))).toEqual(['Alice set the lyric of verse 1 to "la" in bar 12 (Trumpet 1)', 'Alice 將第 12 小節（Trumpet 1）的第 1 段歌詞設為「la」']);
    });
  });

  describe('marks', () => {
    it('should describe dynamics, hairpins, slurs, chord symbols and text', () => {
      const chord = { root: { step: 'B' as const, alter: -1 as const }, kind: 'dominant' as const };
      expect(say(base, cmd('SetDynamic', { ...where, offset: f(0), dynamicId: E[30], value: 'mf' }))).toEqual(['Alice added the dynamic mf in bar 3 (Trumpet 1)', 'Alice 在第 3 小節（Trumpet 1）加入力度記號 mf']);
      expect(say(base, cmd('AddHairpin', { ...where, offset: f(0), hairpinId: E[30], kind: 'crescendo', end: { measureId: M[3], offset: f(0) } }))).toEqual(['Alice added a crescendo in bar 3 (Trumpet 1)', 'Alice 在第 3 小節（Trumpet 1）加入漸強記號']);
      expect(say(base, cmd('AddSlur', { ...entry, offset: f(0), slurId: E[30], end: { measureId: M[11], offset: f(1, 4) } }))).toEqual(['Alice added a slur in bar 12 (Trumpet 1)', 'Alice 在第 12 小節（Trumpet 1）加入圓滑線']);
      expect(say(base, cmd('SetChordSymbol', { partId: PART_1, measureId: M[2], offset: f(0), chordSymbolId: E[30], symbol: chord }))).toEqual(['Alice added the chord symbol B♭7 in bar 3 (Trumpet 1)', 'Alice 在第 3 小節（Trumpet 1）加入和弦記號 B♭7']);
      expect(say(base, cmd('AddTextExpression', { ...where, offset: f(0), textId: E[30], text: 'dolce' }))).toEqual(['Alice added the text "dolce" in bar 3 (Trumpet 1)', 'Alice 在第 3 小節（Trumpet 1）加入文字「dolce」']);
    });
  });

  describe('transposition', () => {
    it('should give the bars and the interval', () => {
      const selection = { partIds: [PART_1], fromMeasureId: M[0], toMeasureId: M[15] };
      expect(say(base, cmd('TransposeSelection', { selection, interval: { diatonic: 1, chromatic: 2 } }))).toEqual(['Alice transposed bars 1–16 up a major second', 'Alice 將第 1–16 小節移高大二度']);
      expect(say(base, cmd('TransposeSelection', { selection: { ...selection, toMeasureId: M[11] }, interval: { diatonic: -4, chromatic: -7 } }))).toEqual(['Alice transposed bars 1–12 down a perfect fifth', 'Alice 將第 1–12 小節移低純五度']);
    });
  });
});
