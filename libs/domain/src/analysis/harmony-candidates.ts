import { parseInterval, transposePitchClass } from '../music/interval';
import { keyTonic } from '../music/key';
import type { ChordKind, ChordSymbol, KeySignature, PitchClass } from '../music/music.types';
import { pitchClassNumber } from '../music/pitch-class';
import { chordTones } from './chord-templates';

/** A chord the harmoniser may choose: its symbol, the pitch classes it sounds, and its place in the key. */
export interface HarmonyCandidate {
  chord: ChordSymbol;
  tones: ReadonlySet<number>;
  /** The function read without the seventh ("V" for V7): the progression table speaks in these. */
  fn: string;
  /** For a secondary dominant, the function it leads to. */
  resolvesTo?: string;
  seventh: boolean;
  /**
   * Its notes from outside the key. A chord with any is only offered where the melody sounds one of them:
   * a secondary dominant is heard because of its chromatic note, never chosen for diatonic notes alone.
   */
  chromatic: ReadonlySet<number>;
}

/** Degree interval above the tonic, triad kind, seventh kind, function name. */
type Degree = readonly [interval: string, triad: ChordKind, seventh: ChordKind, fn: string];

const MAJOR_DEGREES: readonly Degree[] = [
  ['P1', 'major', 'major-seventh', 'I'], ['M2', 'minor', 'minor-seventh', 'ii'],
  ['M3', 'minor', 'minor-seventh', 'iii'], ['P4', 'major', 'major-seventh', 'IV'],
  ['P5', 'major', 'dominant', 'V'], ['M6', 'minor', 'minor-seventh', 'vi'],
  ['M7', 'diminished', 'half-diminished', 'vii°'],
];

/* Natural minor, with the harmonic minor's major V and leading-tone vii° beside the subtonic VII. */
const MINOR_DEGREES: readonly Degree[] = [
  ['P1', 'minor', 'minor-seventh', 'i'], ['M2', 'diminished', 'half-diminished', 'ii°'],
  ['m3', 'major', 'major-seventh', 'III'], ['P4', 'minor', 'minor-seventh', 'iv'],
  ['P5', 'major', 'dominant', 'V'], ['m6', 'major', 'major-seventh', 'VI'],
  ['m7', 'major', 'dominant', 'VII'], ['M7', 'diminished', 'diminished-seventh', 'vii°'],
];

/** The functions a secondary dominant may lead to; VII7 already is V7/III in minor. */
const TONICISED: Readonly<Record<KeySignature['mode'], readonly string[]>> = {
  major: ['ii', 'iii', 'IV', 'V', 'vi'],
  minor: ['iv', 'V', 'VI'],
};

/** The key's scale as pitch classes; a minor key counts its raised seventh too, since its V and vii° use it. */
function scaleOf(tonic: PitchClass, degrees: readonly Degree[]): Set<number> {
  return new Set(degrees.map(([interval]) => pitchClassNumber(transposePitchClass(tonic, parseInterval(interval)))));
}

function candidate(root: PitchClass, kind: ChordKind, fn: string, scale: ReadonlySet<number>, resolvesTo?: string): HarmonyCandidate {
  const base = pitchClassNumber(root);
  const tones = new Set(chordTones(kind).map((s) => (base + s) % 12));
  const chromatic = new Set([...tones].filter((pc) => !scale.has(pc)));
  return { chord: { root, kind }, tones, fn, seventh: tones.size === 4, chromatic, ...(resolvesTo ? { resolvesTo } : {}) };
}

export interface KeyHarmony {
  scale: ReadonlySet<number>;
  candidates: HarmonyCandidate[];
}

/**
 * The chords a key offers, in the fixed order that breaks ties: triads by degree, then sevenths (V7 first),
 * then secondary dominants. Roots are spelt in the key (E♭ major's IV is A♭, not G♯).
 */
export function keyHarmony(key: KeySignature): KeyHarmony {
  const tonic = keyTonic(key);
  const degrees = key.mode === 'major' ? MAJOR_DEGREES : MINOR_DEGREES;
  const rootOf = (fn: string): PitchClass => {
    const degree = degrees.find((d) => d[3] === fn) as Degree;
    return transposePitchClass(tonic, parseInterval(degree[0]));
  };
  const scale = scaleOf(tonic, degrees);
  const triads = degrees.map(([, triad, , fn]) => candidate(rootOf(fn), triad, fn, scale));
  const sevenths = [...degrees]
    .sort((a, b) => Number(b[3] === 'V') - Number(a[3] === 'V'))
    .map(([, , seventh, fn]) => candidate(rootOf(fn), seventh, fn, scale));
  const secondary = TONICISED[key.mode].map((target) =>
    candidate(transposePitchClass(rootOf(target), parseInterval('P5')), 'dominant', `V/${target}`, scale, target),
  );
  return { scale, candidates: [...triads, ...sevenths, ...secondary] };
}
