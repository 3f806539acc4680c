import fc from 'fast-check';
import { CHORD_KINDS, formatChordSymbol, parseChordSymbol, transposeChordSymbol } from './chord-symbol';
import { parseInterval } from './interval';
import type { Alter, ChordKind, ChordSymbol, Step } from './music.types';

const musicError = (code: string) => expect.objectContaining({ name: 'MusicError', code });
const pc = (step: Step, alter: Alter = 0) => ({ step, alter });

describe('formatChordSymbol', () => {
  it.each<[ChordSymbol, string, string]>([
    [{ root: pc('B', -1), kind: 'dominant' }, 'B♭7', 'Bb7'],
    [{ root: pc('F', 1), kind: 'half-diminished', bass: pc('C') }, 'F♯m7♭5/C', 'F#m7b5/C'],
    [{ root: pc('C'), kind: 'suspended-fourth' }, 'Csus4', 'Csus4'],
    [{ root: pc('E', -1), kind: 'major' }, 'E♭', 'Eb'],
    [{ root: pc('A'), kind: 'minor-seventh' }, 'Am7', 'Am7'],
    [{ root: pc('B', -1), kind: 'major-seventh', bass: pc('D') }, 'B♭maj7/D', 'Bbmaj7/D'],
    [{ root: pc('C'), kind: 'major-minor' }, 'Cm(maj7)', 'Cm(maj7)'],
    [{ root: pc('G'), kind: 'dominant', text: '7alt' }, 'G7alt', 'G7alt'],
    [{ root: pc('D'), kind: 'none' }, 'N.C.', 'N.C.'],
    [{ root: pc('F', 2), kind: 'diminished-seventh' }, 'F𝄪dim7', 'Fxdim7'],
    [{ root: pc('C'), kind: 'power' }, 'C5', 'C5'],
    [{ root: pc('C'), kind: 'German', bass: pc('A', -1) }, 'C German/A♭', 'C German/Ab'],
  ])('writes %j as "%s" (or "%s" in ASCII)', (cs, unicode, ascii) => {
    expect(formatChordSymbol(cs)).toBe(unicode);
    expect(formatChordSymbol(cs, 'ascii')).toBe(ascii);
  });

  it('has a suffix for every MusicXML kind', () => {
    expect(CHORD_KINDS).toHaveLength(33);
    for (const kind of CHORD_KINDS) expect(typeof formatChordSymbol({ root: pc('C'), kind })).toBe('string');
  });

  it.each<ChordSymbol>([
    { root: pc('C'), kind: 'mystery' as ChordKind },
    { root: pc('H' as Step), kind: 'major' },
    { root: pc('C'), kind: 'major', bass: pc('C', 3 as Alter) },
  ])('rejects %j with INVALID_CHORD_SYMBOL', (cs) => {
    expect(() => formatChordSymbol(cs)).toThrow(musicError('INVALID_CHORD_SYMBOL'));
  });
});

describe('parseChordSymbol', () => {
  it.each<[string, ChordSymbol]>([
    ['Bbmaj7/D', { root: pc('B', -1), kind: 'major-seventh', bass: pc('D') }],
    ['C', { root: pc('C'), kind: 'major' }],
    ['F#m7b5', { root: pc('F', 1), kind: 'half-diminished' }],
    ['F♯m7♭5/C', { root: pc('F', 1), kind: 'half-diminished', bass: pc('C') }],
    ['Ebsus4', { root: pc('E', -1), kind: 'suspended-fourth' }],
    ['G7', { root: pc('G'), kind: 'dominant' }],
    ['Am', { root: pc('A'), kind: 'minor' }],
    ['Dm7', { root: pc('D'), kind: 'minor-seventh' }],
    ['Bdim7', { root: pc('B'), kind: 'diminished-seventh' }],
    ['C6', { root: pc('C'), kind: 'major-sixth' }],
    ['C9', { root: pc('C'), kind: 'dominant-ninth' }],
    ['Cm11', { root: pc('C'), kind: 'minor-11th' }],
    ['Cmaj13', { root: pc('C'), kind: 'major-13th' }],
    ['Csus2', { root: pc('C'), kind: 'suspended-second' }],
    ['E5', { root: pc('E'), kind: 'power' }],
    ['Cm(maj7)', { root: pc('C'), kind: 'major-minor' }],
    ['C pedal', { root: pc('C'), kind: 'pedal' }],
    // Lead-sheet spellings keep what was written as text.
    ['G+', { root: pc('G'), kind: 'augmented' }],
    ['Gaug', { root: pc('G'), kind: 'augmented', text: 'aug' }],
    ['A-7', { root: pc('A'), kind: 'minor-seventh', text: '-7' }],
    ['CΔ7', { root: pc('C'), kind: 'major-seventh', text: 'Δ7' }],
    ['CΔ', { root: pc('C'), kind: 'major-seventh', text: 'Δ' }],
    ['C#ø7', { root: pc('C', 1), kind: 'half-diminished', text: 'ø7' }],
    ['B°', { root: pc('B'), kind: 'diminished', text: '°' }],
    ['B°7', { root: pc('B'), kind: 'diminished-seventh', text: '°7' }],
    ['Dbmaj7/F', { root: pc('D', -1), kind: 'major-seventh', bass: pc('F') }],
    ['Csus', { root: pc('C'), kind: 'suspended-fourth', text: 'sus' }],
    ['Cx', { root: pc('C', 2), kind: 'major' }],
  ])('reads "%s" as %j', (text, cs) => {
    expect(parseChordSymbol(text)).toEqual(cs);
  });

  it.each(['', 'H7', 'c7', 'Cfoo', 'C/H', 'C6/9', '7'])('rejects "%s" with INVALID_CHORD_SYMBOL', (text) => {
    expect(() => parseChordSymbol(text)).toThrow(musicError('INVALID_CHORD_SYMBOL'));
  });

  it('reads back every symbol it writes', () => {
    const kinds = CHORD_KINDS.filter((k) => !['none', 'other', 'Neapolitan', 'Italian', 'French', 'German', 'Tristan'].includes(k));
    const pitchClass = fc.record({
      step: fc.constantFrom<Step>('C', 'D', 'E', 'F', 'G', 'A', 'B'),
      alter: fc.constantFrom<Alter>(-1, 0, 1),
    });
    const chord = fc.record({ root: pitchClass, kind: fc.constantFrom(...kinds), bass: fc.option(pitchClass, { nil: undefined }) });
    fc.assert(
      fc.property(chord, fc.constantFrom<'unicode' | 'ascii'>('unicode', 'ascii'), (c, style) => {
        const cs: ChordSymbol = c.bass ? c : { root: c.root, kind: c.kind };
        expect(parseChordSymbol(formatChordSymbol(cs, style))).toEqual(cs);
      }),
    );
  });
});

describe('transposeChordSymbol', () => {
  const up = (text: string, interval: string): string =>
    formatChordSymbol(transposeChordSymbol(parseChordSymbol(text), parseInterval(interval)), 'ascii');

  it.each([
    ['C/E', 'M2', 'D/F#'],
    ['Bb7', 'M2', 'C7'],
    ['F#m7b5/C', 'm3', 'Am7b5/Eb'],
    ['Ebmaj7/G', '-m2', 'Dmaj7/F#'],
    ['G7', 'A4', 'C#7'],
    ['G7', 'd5', 'Db7'],
    ['A-7', 'P4', 'D-7'],
    ['Csus4', 'P8', 'Csus4'],
  ])('moves %s by %s to %s', (from, interval, to) => {
    expect(up(from, interval)).toBe(to);
  });

  it('keeps the kind and the written text', () => {
    const moved = transposeChordSymbol({ root: pc('G'), kind: 'dominant', text: '7alt' }, parseInterval('P4'));
    expect(moved).toEqual({ root: pc('C'), kind: 'dominant', text: '7alt' });
  });

  it('refuses roots that would need triple accidentals', () => {
    expect(() => up('Fx', 'A1')).toThrow(musicError('SPELLING_OUT_OF_RANGE'));
  });
});
