import { formatChordSymbol } from '../music/chord-symbol';
import type { KeySignature } from '../music/music.types';
import { chordTones } from './chord-templates';
import { type HarmonyCandidate, keyHarmony } from './harmony-candidates';
import { chordPrior, progressionScore } from './progression';

const names = (key: KeySignature): string[] => keyHarmony(key).candidates.map((c) => formatChordSymbol(c.chord, 'ascii'));
/** The first candidate with this function: the triad, or with `seventh` the seventh chord. */
function candidate(key: KeySignature, fn: string, seventh = false): HarmonyCandidate {
  const found = keyHarmony(key).candidates.find((c) => c.fn === fn && (!seventh || c.seventh));
  if (!found) throw new Error(`No candidate ${fn} in ${JSON.stringify(key)}`);
  return found;
}
const C_MAJOR: KeySignature = { fifths: 0, mode: 'major' };
const MIDDLE = { first: false, last: false, changeCost: 0 };

describe('keyHarmony offers the chords of a key', () => {
  it('offers C major its triads, sevenths with V7 first, and secondary dominants, in that order', () => {
    expect(names(C_MAJOR)).toEqual([
      'C', 'Dm', 'Em', 'F', 'G', 'Am', 'Bdim',
      'G7', 'Cmaj7', 'Dm7', 'Em7', 'Fmaj7', 'Am7', 'Bm7b5',
      'A7', 'B7', 'C7', 'D7', 'E7',
    ]);
  });

  it('offers A minor the natural minor with the harmonic V and vii°', () => {
    expect(names({ fifths: 0, mode: 'minor' })).toEqual([
      'Am', 'Bdim', 'C', 'Dm', 'E', 'F', 'G', 'G#dim',
      'E7', 'Am7', 'Bm7b5', 'Cmaj7', 'Dm7', 'Fmaj7', 'G7', 'G#dim7',
      'A7', 'B7', 'C7',
    ]);
  });

  it('spells roots in the key: E♭ major has A♭, not G♯', () => {
    expect(names({ fifths: -3, mode: 'major' }).slice(0, 7)).toEqual(['Eb', 'Fm', 'Gm', 'Ab', 'Bb', 'Cm', 'Ddim']);
  });

  it('marks the notes of a secondary dominant that lie outside the key', () => {
    const { scale } = keyHarmony(C_MAJOR);
    expect([...scale].sort((a, b) => a - b)).toEqual([0, 2, 4, 5, 7, 9, 11]);
    expect([...candidate(C_MAJOR, 'V/V').chromatic]).toEqual([6]);
    expect(candidate(C_MAJOR, 'V', true).chromatic.size).toBe(0);
  });

  it('knows the sound of every kind it names and of no other', () => {
    expect(chordTones('dominant')).toEqual([0, 4, 7, 10]);
    expect(chordTones('pedal')).toEqual([]);
  });
});

describe('progression preferences', () => {
  it('likes the tonic best, sevenths less than triads, secondary dominants least', () => {
    const tonic = chordPrior(candidate(C_MAJOR, 'I'));
    expect(tonic).toBeGreaterThan(chordPrior(candidate(C_MAJOR, 'V')));
    expect(chordPrior(candidate(C_MAJOR, 'V'))).toBeGreaterThan(chordPrior(candidate(C_MAJOR, 'V', true)));
    expect(chordPrior(candidate(C_MAJOR, 'V', true))).toBeGreaterThan(chordPrior(candidate(C_MAJOR, 'ii', true)));
    expect(chordPrior(candidate(C_MAJOR, 'V/V'))).toBeLessThan(chordPrior(candidate(C_MAJOR, 'vii°')) + 0.1);
  });

  it('rewards V–I, punishes V–IV and a secondary dominant that does not resolve', () => {
    const [I, IV, V, vi] = ['I', 'IV', 'V', 'vi'].map((fn) => candidate(C_MAJOR, fn));
    const VofV = candidate(C_MAJOR, 'V/V');
    const gain = (prev: HarmonyCandidate, next: HarmonyCandidate) => progressionScore(prev, next, MIDDLE) - chordPrior(next);
    expect(gain(V, I)).toBeGreaterThan(0);
    expect(gain(V, IV)).toBeLessThan(0);
    expect(gain(V, candidate(C_MAJOR, 'iii'))).toBe(0);
    expect(gain(VofV, V)).toBeGreaterThan(gain(I, V));
    expect(gain(VofV, vi)).toBeLessThan(0);
  });

  it('favours a tonic at the start and a V–I cadence at the end', () => {
    const [I, V] = ['I', 'V'].map((fn) => candidate(C_MAJOR, fn));
    const start = { ...MIDDLE, first: true };
    const end = { ...MIDDLE, last: true };
    expect(progressionScore(undefined, I, start)).toBeGreaterThan(progressionScore(undefined, I, MIDDLE));
    expect(progressionScore(V, I, end)).toBeGreaterThan(progressionScore(candidate(C_MAJOR, 'IV'), I, end));
  });

  it('charges for a change of harmony off the downbeat, but not for adding a seventh', () => {
    const [I, V] = ['I', 'V'].map((fn) => candidate(C_MAJOR, fn));
    const V7 = candidate(C_MAJOR, 'V', true);
    const weak = { ...MIDDLE, changeCost: 0.12 };
    expect(progressionScore(I, V, weak)).toBeCloseTo(progressionScore(I, V, MIDDLE) - 0.12, 12);
    expect(progressionScore(V, V7, weak)).toBe(chordPrior(V7));
  });
});
