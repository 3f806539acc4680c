import fc from 'fast-check';
import { formatChordSymbol } from '../music/chord-symbol';
import type { Alter, ChordSymbol, Pitch, PitchClass, Step } from '../music/music.types';
import { pitchClassNumber } from '../music/pitch-class';
import { parsePitch, pitchToMidi } from '../music/pitch';
import { transposePitchClass } from '../music/interval';
import { CHORD_TEMPLATES, type ChordTemplate } from './chord-templates';
import { nameChord } from './name-chord';

const pitches = (text: string): Pitch[] => text.split(' ').map(parsePitch);
const named = (text: string): string[] => nameChord(pitches(text)).map((c) => formatChordSymbol(c, 'ascii'));
const best = (text: string): string | undefined => named(text)[0];

describe('nameChord names chords in root position', () => {
  it.each([
    ['C4 E4 G4', 'C'], ['C4 E4 G4 Bb4', 'C7'], ['C4 Eb4 Gb4', 'Cdim'], ['C3 G3', 'C5'], ['E2 B2 E3', 'E5'],
    ['C4 F4 G4', 'Csus4'], ['C4 D4 G4', 'Csus2'], ['C4 D4 E4 G4', 'Cadd9'], ['C4 D4 Eb4 G4', 'Cm(add9)'],
    ['C4 F4 G4 Bb4', 'C7sus4'], ['Bb3 D4 F4 Ab4', 'Bb7'], ['Eb4 G4 Bb4 D5', 'Ebmaj7'], ['F4 Ab4 C5 Eb5', 'Fm7'],
    ['Db4 F4 Ab4', 'Db'], ['Gb3 Bb3 Db4 Fb4', 'Gb7'], ['B3 D4 F4 A4', 'Bm7b5'], ['C4 Eb4 Gb4 Bbb4', 'Cdim7'],
    ['Ab3 C4 E4', 'Ab+'], ['C4 Eb4 G4 B4', 'Cm(maj7)'], ['C4 E4 G4 A4', 'C6'], ['C4 Eb4 G4 A4', 'Cm6'],
    ['C4 E4 G#4 Bb4', 'C+7'], ['F#3 A#3 C#4 E4 G#4', 'F#9'], ['Bb3 D4 F4 A4 C5', 'Bbmaj9'], ['D4 F4 A4 C5 E5', 'Dm9'],
    ['C3 G3 Bb3 D4 F4', 'C11'], ['C3 E3 G3 Bb3 D4 A4', 'C13'], ['A3 C#4 E4', 'A'], ['G#3 B3 D#4', 'G#m'],
  ])('names %s as %s', (notes, name) => {
    expect(best(notes)).toBe(name);
  });

  it('names a seventh chord whose fifth is left out', () => {
    expect(named('C4 E4 Bb4')).toEqual(['C7']);
    expect(best('G3 B3 F4')).toBe('G7');
  });

  it('reads a bare third as the triad it implies', () => {
    expect(named('C4 E4')).toEqual(['C']);
    expect(named('A3 C4')).toEqual(['Am']);
  });

  it('ignores doublings, octaves and the order the notes come in', () => {
    expect(best('G5 C2 E4 C5 G3')).toBe('C');
    expect(best('Bb4 E4 C3 G4 C4')).toBe('C7');
  });
});

describe('nameChord names inversions as slash chords over the lowest note', () => {
  it.each([
    ['E4 G4 C5', 'C/E'], ['G3 C4 E4', 'C/G'],
    ['E3 G3 Bb3 C4', 'C7/E'], ['G3 Bb3 C4 E4', 'C7/G'], ['Bb3 C4 E4 G4', 'C7/Bb'],
    ['G3 Bb3 Eb4', 'Eb/G'], ['Bb3 Eb4 G4', 'Eb/Bb'], ['A3 C#4 F#4', 'F#m/A'], ['C#4 F#4 A4', 'F#m/C#'],
    ['D3 F3 A3 Bb3', 'Bbmaj7/D'], ['F3 A3 Bb3 D4', 'Bbmaj7/F'], ['A3 Bb3 D4 F4', 'Bbmaj7/A'],
    ['Eb3 Gb3 C4', 'Cdim/Eb'], ['Ab3 B3 D4 F4', 'Bdim7/Ab'], ['F#3 A3 D4', 'D/F#'], ['Db3 F3 Bb3', 'Bbm/Db'],
  ])('names %s as %s', (notes, name) => {
    expect(best(notes)).toBe(name);
  });
});

describe('nameChord ranks the readings of ambiguous notes', () => {
  it('puts the root-position reading first when both readings are complete', () => {
    expect(named('C4 E4 G4 A4')).toEqual(['C6', 'Am7/C']);
    expect(named('A3 C4 E4 G4')).toEqual(['Am7', 'C6/A']);
    expect(named('C4 F4 G4')[0]).toBe('Csus4');
    expect(named('C4 F4 G4')).toContain('Fsus2/C');
  });

  it('trusts the spelling of symmetric chords', () => {
    expect(best('C4 Eb4 Gb4 A4')).toBe('Adim7/C');
    expect(named('C4 Eb4 Gb4 Bbb4')).toEqual(['Cdim7', 'Ebdim7/C', 'Gbdim7/C', 'Bbbdim7/C']);
    expect(best('C4 E4 Ab4')).toBe('Ab+/C');
    expect(best('C4 E4 G#4')).toBe('C+');
  });

  it('puts the simpler kind first when two inversions explain the notes equally well', () => {
    expect(named('D4 G4 C5')).toEqual(['Gsus4/D', 'Csus2/D', 'D7sus4']);
  });

  it('prefers a complete chord over one missing its fifth', () => {
    expect(named('Eb3 Gb3 C4')).toEqual(['Cdim/Eb', 'Ebm6']);
  });

  it('spells what it prints as the notes are spelt, in Unicode too', () => {
    const [chord] = nameChord(pitches('Ab3 Bb3 D4 F4'));
    expect(formatChordSymbol(chord)).toBe('B♭7/A♭');
  });
});

describe('nameChord names nothing it cannot', () => {
  it.each([[''], ['C4'], ['C4 C5 C2'], ['B#3 C4']])('gives no chord for fewer than two pitch classes: "%s"', (notes) => {
    expect(nameChord(notes ? pitches(notes) : [])).toEqual([]);
  });

  it('gives no chord for clusters no chord explains', () => {
    expect(named('C4 C#4 D4')).toEqual([]);
    expect(named('C4 F#4')).toEqual([]);
  });

  it('rejects an invalid pitch with INVALID_PITCH', () => {
    expect(() => nameChord([{ step: 'C', alter: 0, octave: 11 }])).toThrow(expect.objectContaining({ code: 'INVALID_PITCH' }));
  });
});

describe('nameChord properties', () => {
  const root = fc.record({
    step: fc.constantFrom<Step>('C', 'D', 'E', 'F', 'G', 'A', 'B'),
    alter: fc.constantFrom<Alter>(-1, 0, 1),
  });

  /** The template's tones spelt above the root, or undefined when one would need a triple accidental. */
  function spell(r: PitchClass, template: ChordTemplate): PitchClass[] | undefined {
    try {
      return template.tones.map((t) => transposePitchClass(r, { diatonic: t.steps, chromatic: t.semitones }));
    } catch {
      return undefined;
    }
  }

  /** The bass at octave 2 and every other tone at octave 4 or 5, so the bass is always the lowest note. */
  const voice = (bass: PitchClass, upper: PitchClass[], octaves: number[]): Pitch[] => [
    ...upper.map((pc, i) => ({ ...pc, octave: 4 + (octaves[i % octaves.length] ?? 0) })),
    { ...bass, octave: 2 },
  ];
  const octaves = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 8 });

  it('names every chord it knows, spelt correctly in root position, as that chord', () => {
    fc.assert(
      fc.property(root, fc.constantFrom(...CHORD_TEMPLATES), octaves, (r, template, oct) => {
        const tones = spell(r, template);
        fc.pre(tones !== undefined);
        const expected: ChordSymbol = { root: r, kind: template.kind, ...(template.text ? { text: template.text } : {}) };
        expect(nameChord(voice(r, tones, oct))[0]).toEqual(expected);
      }),
    );
  });

  it('names every inversion of the unambiguous chords as a slash chord over the bass', () => {
    const kinds = ['major', 'minor', 'diminished', 'augmented', 'dominant', 'major-seventh', 'major-minor', 'diminished-seventh', 'augmented-seventh'];
    const templates = CHORD_TEMPLATES.filter((t) => kinds.includes(t.kind) && !t.text);
    fc.assert(
      fc.property(root, fc.constantFrom(...templates), fc.nat(), octaves, (r, template, which, oct) => {
        const tones = spell(r, template);
        fc.pre(tones !== undefined);
        const bass = tones[1 + (which % (tones.length - 1))];
        expect(nameChord(voice(bass, tones, oct))[0]).toEqual({ root: r, kind: template.kind, bass });
      }),
    );
  });

  it('always takes its root from the notes and its bass from the lowest note', () => {
    const pitch = fc
      .record({ step: root.map((r) => r.step), alter: fc.constantFrom<Alter>(-1, 0, 1), octave: fc.integer({ min: 2, max: 6 }) })
      .map((p) => p as Pitch);
    fc.assert(
      fc.property(fc.array(pitch, { minLength: 1, maxLength: 6 }), (notes) => {
        const lowest = notes.reduce((a, b) => (pitchToMidi(b) < pitchToMidi(a) ? b : a));
        const same = (a: PitchClass, b: PitchClass) => a.step === b.step && a.alter === b.alter;
        for (const chord of nameChord(notes)) {
          expect(notes.some((p) => same(p, chord.root))).toBe(true);
          if (chord.bass) {
            expect(pitchClassNumber(chord.bass)).toBe(pitchClassNumber(lowest));
            expect(pitchClassNumber(chord.bass)).not.toBe(pitchClassNumber(chord.root));
          } else {
            expect(pitchClassNumber(chord.root)).toBe(pitchClassNumber(lowest));
          }
        }
      }),
    );
  });

  it('gives each chord kind a sound of its own', () => {
    const sounds = CHORD_TEMPLATES.map((t) => t.tones.map((x) => x.semitones).sort((a, b) => a - b).join(','));
    expect(new Set(sounds).size).toBe(CHORD_TEMPLATES.length);
  });
});
