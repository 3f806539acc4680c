import fc from 'fast-check';
import { formatChordSymbol, transposeChordSymbol } from '../music/chord-symbol';
import { formatF, frac } from '../music/fraction';
import { parseInterval, transposePitch } from '../music/interval';
import { transposeKeyAndInterval } from '../music/key';
import type { Alter, KeySignature, Step, TimeSignature } from '../music/music.types';
import { parsePitch } from '../music/pitch';
import type { HarmonicRhythm, MelodyNote } from './melody-slots';
import { suggestChords, type ChordSuggestion } from './suggest-chords';
import { GREENSLEEVES_IN_A_MINOR, ODE_TO_JOY_IN_C, TWINKLE_IN_C, tune } from './testing/tunes';

const C_MAJOR: KeySignature = { fifths: 0, mode: 'major' };
const A_MINOR: KeySignature = { fifths: 0, mode: 'minor' };
const COMMON_TIME: TimeSignature = { beats: 4, beatType: 4 };
const WALTZ: TimeSignature = { beats: 3, beatType: 4 };

const chords = (s: ChordSuggestion[]): string[] => s.map((x) => formatChordSymbol(x.chord, 'ascii'));
const places = (s: ChordSuggestion[]): string[] => s.map((x) => `${x.bar}@${formatF(x.offset)}`);
const harmonise = (text: string, per: HarmonicRhythm, key = C_MAJOR, timeSignature = COMMON_TIME, firstBar = 1) =>
  suggestChords(tune(text, firstBar), { key, timeSignature, per });

describe('suggestChords harmonises well-known melodies', () => {
  it('gives the opening of Ode to Joy a chord a bar: I V7 I V, I V7 I I', () => {
    const suggestions = harmonise(ODE_TO_JOY_IN_C, 'bar');
    expect(chords(suggestions)).toEqual(['C', 'G7', 'C', 'G', 'C', 'G7', 'C', 'C']);
    expect(places(suggestions)).toEqual(['1@0/1', '2@0/1', '3@0/1', '4@0/1', '5@0/1', '6@0/1', '7@0/1', '8@0/1']);
  });

  it('gives Twinkle Twinkle the classic half-bar harmony: I I IV I IV I V I ...', () => {
    const suggestions = harmonise(TWINKLE_IN_C, 'half-bar');
    expect(chords(suggestions).slice(0, 8)).toEqual(['C', 'C', 'F', 'C', 'F', 'C', 'G', 'C']);
    expect(chords(suggestions).slice(8, 16)).toEqual(['C', 'F', 'C', 'G', 'C', 'F', 'C', 'G']);
    expect(places(suggestions).slice(0, 4)).toEqual(['1@0/1', '1@1/2', '2@0/1', '2@1/2']);
    expect(suggestions.every((s) => s.score === 1)).toBe(true);
  });

  it('harmonises Twinkle moved to E♭ with the same functions, spelt in E♭', () => {
    const melody = tune(TWINKLE_IN_C).map((n) => ({ ...n, pitch: transposePitch(n.pitch, parseInterval('m3')) }));
    const suggestions = suggestChords(melody, { key: { fifths: -3, mode: 'major' }, timeSignature: COMMON_TIME, per: 'half-bar' });
    expect(chords(suggestions).slice(0, 8)).toEqual(['Eb', 'Eb', 'Ab', 'Eb', 'Ab', 'Eb', 'Bb', 'Eb']);
  });

  it('harmonises Greensleeves in A minor: tonic first and last, the dominant under G♯', () => {
    const suggestions = suggestChords(tune(GREENSLEEVES_IN_A_MINOR, 0), { key: A_MINOR, timeSignature: WALTZ, per: 'bar' });
    const names = chords(suggestions);
    expect(names[0]).toBe('Am');
    expect(names[names.length - 1]).toBe('Am');
    expect(names[7]).toMatch(/^E7?$/); // B4:h G#4
    expect(names[14]).toMatch(/^E7?$/); // G#4:q. F#4:e G#4
    expect(names).toContain('G'); // the subtonic VII of the natural minor
  });
});

describe('suggestChords weighs the melody', () => {
  it('follows an arpeggiated I IV V7 I', () => {
    expect(chords(harmonise('C4 E4 G4 C5 | F4 A4 C5 A4 | G4 B4 D5 F5 | C5:w', 'bar'))).toEqual(['C', 'F', 'G7', 'C']);
  });

  it('keeps the harmony through a bar when asked for a chord each beat, adding the seventh where it sounds', () => {
    const suggestions = harmonise('C4 E4 G4 C5 | F4 A4 C5 A4 | G4 B4 D5 F5 | C5:w', 'beat');
    expect(chords(suggestions)).toEqual([
      'C', 'C', 'C', 'C', 'F', 'F', 'F', 'F', 'G', 'G', 'G', 'G7', 'C', 'C', 'C', 'C',
    ]);
    expect(places(suggestions).slice(0, 4)).toEqual(['1@0/1', '1@1/4', '1@1/2', '1@3/4']);
  });

  it('reaches for a secondary dominant only where the melody sounds its chromatic note', () => {
    expect(chords(harmonise('E4 D4 C4 E4 | F#4:h G4:h | D4 B3 C4 D4 | G3:w', 'bar'))).toEqual(['C', 'D7', 'G', 'C']);
    expect(chords(harmonise('E4 D4 C4 E4 | F4:h G4:h | D4 B3 C4 D4 | G3:w', 'bar'))).not.toContain('D7');
    expect(chords(harmonise('C5 C5 B4 B4 | A4 A4 G#4:h | A4:w', 'bar')).slice(1)).toEqual(['E7', 'Am']);
  });

  it('counts strong-beat notes more than passing notes', () => {
    // C on the downbeat and D passing: C major; the same notes with D on the downbeat: G major.
    expect(chords(harmonise('C5:h. D5', 'bar', C_MAJOR, COMMON_TIME))).toEqual(['C']);
    expect(chords(harmonise('D5:h. C5', 'bar', C_MAJOR, COMMON_TIME))[0]).toMatch(/^(G|G7|Dm)$/);
  });

  it('reports the weighted share of chord tones as the score', () => {
    const [bar] = harmonise('C5:h. D5', 'bar');
    // C: a half-dotted on the downbeat (2 × 3/4) against D on beat 4 (1 × 1/4), the last note stressed double.
    expect(bar.score).toBeCloseTo(1.5 / (1.5 + 0.5), 12);
  });
});

describe('suggestChords slots', () => {
  it('gives 6/8 two dotted-quarter beats a bar', () => {
    const suggestions = harmonise('C4:q. E4:q. | G4:q. B4:q. | C5:h.', 'beat', C_MAJOR, { beats: 6, beatType: 8 });
    expect(places(suggestions)).toEqual(['1@0/1', '1@3/8', '2@0/1', '2@3/8', '3@0/1', '3@3/8']);
  });

  it('keeps a 3/4 bar whole when asked for half bars', () => {
    expect(places(harmonise('C4 E4 G4 | G4 B4 D5 | C5:h.', 'half-bar', C_MAJOR, WALTZ))).toEqual(['1@0/1', '2@0/1', '3@0/1']);
  });

  it('follows the meter of each bar', () => {
    const meter = (bar: number): TimeSignature => (bar === 2 ? { beats: 2, beatType: 4 } : COMMON_TIME);
    const melody = tune('C4 E4 G4 E4 | G4 B4 | C5:w');
    expect(places(suggestChords(melody, { key: C_MAJOR, timeSignature: meter, per: 'half-bar' }))).toEqual([
      '1@0/1', '1@1/2', '2@0/1', '2@1/4', '3@0/1', '3@1/2',
    ]);
  });

  it('carries a note held across the bar line into the next bar', () => {
    const melody: MelodyNote[] = [{ pitch: parsePitch('F#4'), offset: frac(1, 2), duration: frac(1), bar: 1 }];
    const suggestions = suggestChords(melody, { key: { fifths: 1, mode: 'major' }, timeSignature: COMMON_TIME, per: 'half-bar' });
    expect(places(suggestions)).toEqual(['1@1/2', '2@0/1']);
    expect(suggestions.every((s) => s.score === 1)).toBe(true);
  });

  it('reads an offset past the bar line as a position in a later bar', () => {
    const melody: MelodyNote[] = [{ pitch: parsePitch('C4'), offset: frac(5, 4), duration: frac(1, 4), bar: 1 }];
    expect(places(suggestChords(melody, { key: C_MAJOR, timeSignature: COMMON_TIME, per: 'beat' }))).toEqual(['2@1/4']);
  });

  it('keeps slots for rests inside the passage, scored 0, and drops the silence around it', () => {
    const suggestions = harmonise('r:h C4:h | r:w | G4:h r:h', 'half-bar');
    expect(places(suggestions)).toEqual(['1@1/2', '2@0/1', '2@1/2', '3@0/1']);
    expect(suggestions.map((s) => s.score)).toEqual([1, 0, 0, 1]);
  });

  it('suggests nothing for an empty melody', () => {
    expect(suggestChords([], { key: C_MAJOR, timeSignature: COMMON_TIME, per: 'bar' })).toEqual([]);
    expect(harmonise('r:w', 'bar')).toEqual([]);
  });
});

describe('suggestChords refuses invalid input', () => {
  const note = (over: Partial<MelodyNote>): MelodyNote[] => [
    { pitch: parsePitch('C4'), offset: frac(0), duration: frac(1, 4), bar: 1, ...over },
  ];
  const run = (melody: MelodyNote[], key = C_MAJOR, timeSignature = COMMON_TIME) => () =>
    suggestChords(melody, { key, timeSignature, per: 'bar' });
  const code = (c: string) => expect.objectContaining({ code: c });

  it.each<[string, Partial<MelodyNote>]>([
    ['a fractional bar', { bar: 1.5 }],
    ['a negative offset', { offset: { num: -1, den: 4 } }],
    ['a negative duration', { duration: { num: -1, den: 4 } }],
    ['a zero denominator', { duration: { num: 1, den: 0 } }],
  ])('rejects %s with ANALYSIS_INPUT_MUST_BE_VALID', (_, over) => {
    expect(run(note(over))).toThrow(code('ANALYSIS_INPUT_MUST_BE_VALID'));
  });

  it('rejects an invalid pitch, key or time signature with the music error for it', () => {
    expect(run(note({ pitch: { step: 'C', alter: 0, octave: 11 } }))).toThrow(code('INVALID_PITCH'));
    expect(run(note({}), { fifths: 8, mode: 'major' })).toThrow(code('INVALID_KEY_SIGNATURE'));
    expect(run(note({}), C_MAJOR, { beats: 4, beatType: 3 })).toThrow(code('INVALID_TIME_SIGNATURE'));
  });
});

describe('suggestChords properties', () => {
  const step = fc.constantFrom<Step>('C', 'D', 'E', 'F', 'G', 'A', 'B');
  const note = fc.record({
    pitch: fc.record({ step, alter: fc.constantFrom<Alter>(-1, 0, 1), octave: fc.constantFrom(4, 5) }),
    slot: fc.integer({ min: 0, max: 15 }),
    length: fc.integer({ min: 1, max: 4 }),
    bar: fc.integer({ min: 1, max: 4 }),
  });
  const melodyOf = (notes: { pitch: MelodyNote['pitch']; slot: number; length: number; bar: number }[]): MelodyNote[] =>
    notes.map((n) => ({ pitch: n.pitch, offset: frac(n.slot, 16), duration: frac(n.length, 8), bar: n.bar }));
  const key = fc.record({ fifths: fc.integer({ min: -5, max: 5 }), mode: fc.constantFrom<'major' | 'minor'>('major', 'minor') });
  const per = fc.constantFrom<HarmonicRhythm>('bar', 'half-bar', 'beat');
  const interval = fc.constantFrom(...['M2', 'm3', 'P4', 'P5', '-M3', 'm6', 'A1'].map(parseInterval));

  it('transposes its answer with the melody and the key', () => {
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 20 }), key, per, interval, (notes, k, p, i) => {
        const moved = transposeKeyAndInterval(k, i, 7);
        let melody: MelodyNote[];
        try {
          melody = melodyOf(notes).map((n) => ({ ...n, pitch: transposePitch(n.pitch, moved.interval) }));
        } catch {
          return fc.pre(false); // a note would need a triple accidental
        }
        const before = suggestChords(melodyOf(notes), { key: k, timeSignature: COMMON_TIME, per: p });
        const after = suggestChords(melody, { key: moved.key, timeSignature: COMMON_TIME, per: p });
        expect(after).toEqual(before.map((s) => ({ ...s, chord: transposeChordSymbol(s.chord, moved.interval) })));
      }),
      { numRuns: 80 },
    );
  });

  it('answers the same way every time, with scores between 0 and 1', () => {
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 20 }), key, per, (notes, k, p) => {
        const options = { key: k, timeSignature: COMMON_TIME, per: p };
        const first = suggestChords(melodyOf(notes), options);
        expect(suggestChords(melodyOf(notes), options)).toEqual(first);
        for (const s of first) {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 50 },
    );
  });
});
