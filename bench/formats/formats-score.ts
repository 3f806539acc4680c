import {
  addF, compareF, decide, durationToFraction, evolve, getInstrument, initialScoreState, isActiveScore, measureLengthAt, pitchToMidi, scoreOf, subF,
  type ActiveScoreState, type Duration, type Fraction, type Pitch, type Score, type ScoreCommand, type ScoreState, type Step,
} from '@bandpro/domain';
import { Random } from '../harness/random';

export type CommandBody = Omit<ScoreCommand, 'metadata'>;

/** A symphonic-band score: twenty different instruments, the piano with its two staves. */
const INSTRUMENTS = [
  'piccolo', 'flute', 'oboe', 'clarinet-bb', 'bass-clarinet', 'bassoon', 'alto-sax', 'tenor-sax', 'baritone-sax', 'horn-f',
  'trumpet-bb', 'trombone', 'euphonium', 'tuba', 'vibraphone', 'piano', 'electric-guitar', 'bass-guitar', 'violin', 'double-bass',
];
const MEASURES = 200;
/** Where the key and the meter change (measure index → new value): a few of each, as in a real arrangement. */
const KEY_CHANGES: Record<number, number> = { 40: -3, 100: 0, 160: -2 };
const TIME_CHANGES: Record<number, { beats: number; beatType: number }> = {
  60: { beats: 3, beatType: 4 }, 90: { beats: 4, beatType: 4 }, 130: { beats: 6, beatType: 8 }, 150: { beats: 4, beatType: 4 },
};
const STEPS: readonly Step[] = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];
const DURATIONS: Record<string, Duration> = {
  half: { type: 'half', dots: 0 },
  dottedQuarter: { type: 'quarter', dots: 1 },
  quarter: { type: 'quarter', dots: 0 },
  eighth: { type: 'eighth', dots: 0 },
  sixteenth: { type: '16th', dots: 0 },
};
const DURATION_WEIGHTS = { half: 12, dottedQuarter: 8, quarter: 40, eighth: 30, sixteenth: 10 };
const DYNAMICS = ['pp', 'p', 'mp', 'mf', 'f', 'ff'] as const;
const SYMBOLS = [
  { root: { step: 'B', alter: -1 }, kind: 'major' },
  { root: { step: 'E', alter: -1 }, kind: 'major-seventh' },
  { root: { step: 'F', alter: 0 }, kind: 'dominant' },
  { root: { step: 'G', alter: 0 }, kind: 'minor' },
  { root: { step: 'C', alter: 0 }, kind: 'minor-seventh' },
] as const;

export interface FormatsScore {
  score: Score;
  commands: number;
  events: number;
  notes: number;
}

/** UUID-shaped ids from a counter, so the score is the same on every run. */
function idSequence(): () => string {
  let n = 0;
  return () => `0000f0f0-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

/** A pitch in the middle of the instrument's range (a fifth in from either end), mostly diatonic to B♭. */
function pitchFor(r: Random, instrumentId: string): Pitch {
  const { lowest, highest } = (getInstrument(instrumentId) as NonNullable<ReturnType<typeof getInstrument>>).range;
  const [low, high] = [pitchToMidi(lowest) + 7, pitchToMidi(highest) - 7];
  for (;;) {
    const step = r.pick(STEPS);
    const alter = step === 'B' || step === 'E' ? (r.chance(0.8) ? -1 : 0) : r.chance(0.08) ? 1 : 0;
    const pitch: Pitch = { step, alter, octave: r.between(lowest.octave, highest.octave) } as Pitch;
    const midi = pitchToMidi(pitch);
    if (midi >= low && midi <= high) return pitch;
  }
}

/** A third (and maybe a fifth) stacked on the note, as long as they stay in range. */
function chordOn(r: Random, root: Pitch, instrumentId: string): Pitch[] {
  const high = pitchToMidi((getInstrument(instrumentId) as NonNullable<ReturnType<typeof getInstrument>>).range.highest);
  const above = (p: Pitch): Pitch => {
    const index = STEPS.indexOf(p.step) + 2;
    return { step: STEPS[index % 7], alter: 0, octave: p.octave + Math.floor(index / 7) } as Pitch;
  };
  const pitches = [root, above(root)];
  if (r.chance(0.5)) pitches.push(above(pitches[1]));
  return pitches.filter((p) => pitchToMidi(p) <= high);
}

function durationFitting(r: Random, left: Fraction): Duration {
  for (;;) {
    const duration = DURATIONS[r.weighted(DURATION_WEIGHTS)];
    if (compareF(durationToFraction(duration), left) <= 0) return duration;
  }
}

class ScoreBuilder {
  state: ScoreState = initialScoreState();
  commands = 0;
  events = 0;

  apply(body: CommandBody): void {
    const metadata = { actor: { id: 'bench-arranger', kind: 'user' as const }, at: '2025-01-01T00:00:00.000Z' };
    for (const event of decide({ ...body, metadata } as ScoreCommand, this.state)) {
      this.state = evolve(this.state, event);
      this.events += 1;
    }
    this.commands += 1;
  }

  get active(): ActiveScoreState {
    if (!isActiveScore(this.state)) throw new Error('The generated score does not exist');
    return this.state;
  }
}

interface Written {
  offset: Fraction;
  isNote: boolean;
}

/** One voice of one measure, filled from the start to the barline with notes, chords and rests. */
function fillVoice(b: ScoreBuilder, r: Random, fresh: () => string, at: { partId: string; instrumentId: string; measureIndex: number; staff: 1 | 2 }): Written[] {
  const measureId = b.active.measures[at.measureIndex].id;
  const length = measureLengthAt(b.active, at.measureIndex);
  const written: Written[] = [];
  for (let offset: Fraction = { num: 0, den: 1 }; compareF(offset, length) < 0; ) {
    const duration = durationFitting(r, subF(length, offset));
    const rest = r.chance(0.1);
    const root = pitchFor(r, at.instrumentId);
    const pitches = rest ? [] : r.chance(0.15) ? chordOn(r, root, at.instrumentId) : [root];
    const notes = pitches.map((pitch) => ({ id: fresh(), pitch }));
    const entryId = fresh();
    b.apply({ type: 'WriteNote', data: { partId: at.partId, staff: at.staff, measureId, voice: 1, offset, entryId, duration, notes } });
    if (!rest && r.chance(0.1)) {
      b.apply({ type: 'SetArticulation', data: { partId: at.partId, staff: at.staff, measureId, voice: 1, entryId, articulation: r.pick(['staccato', 'accent', 'tenuto'] as const), present: true } });
    }
    written.push({ offset, isNote: !rest });
    offset = addF(offset, durationToFraction(duration));
  }
  return written;
}

/** Dynamics every eight bars, a hairpin every sixteen, a slur over most bars' notes, chord symbols over the guitar. */
function addMarks(b: ScoreBuilder, r: Random, fresh: () => string, partId: string, measureIndex: number, written: Written[], guitar: boolean): void {
  const s = b.active;
  const measureId = s.measures[measureIndex].id;
  const zero = { num: 0, den: 1 };
  if (measureIndex % 8 === 0) b.apply({ type: 'SetDynamic', data: { partId, staff: 1, measureId, offset: zero, dynamicId: fresh(), value: r.pick(DYNAMICS) } });
  if (measureIndex % 16 === 4 && measureIndex + 1 < s.measures.length) {
    const end = { measureId: s.measures[measureIndex + 1].id, offset: measureLengthAt(s, measureIndex + 1) };
    b.apply({ type: 'AddHairpin', data: { partId, staff: 1, measureId, offset: zero, hairpinId: fresh(), kind: r.chance(0.5) ? 'crescendo' : 'diminuendo', end } });
  }
  const notes = written.filter((w) => w.isNote);
  if (notes.length >= 2 && r.chance(0.3)) {
    const end = { measureId, offset: notes[notes.length - 1].offset };
    b.apply({ type: 'AddSlur', data: { partId, staff: 1, measureId, voice: 1, offset: notes[0].offset, slurId: fresh(), end } });
  }
  if (guitar) b.apply({ type: 'SetChordSymbol', data: { partId, measureId, offset: zero, chordSymbolId: fresh(), symbol: r.pick(SYMBOLS) } });
}

/**
 * The formats benchmark's score, built through the domain's own commands: 20 parts × 200 measures, every
 * voice filled (notes, chords, rests, articulations), dynamics, hairpins, slurs, chord symbols, three key
 * changes and four meter changes. Deterministic.
 */
export function generateFormatsScore(seed = 7): FormatsScore {
  const r = new Random(seed);
  const fresh = idSequence();
  const b = new ScoreBuilder();
  const parts = INSTRUMENTS.map((instrumentId) => ({ partId: fresh(), instrumentId }));
  b.apply({
    type: 'CreateScore',
    data: {
      scoreId: fresh(), title: 'Formats Benchmark Overture', composer: 'BandPro bench', parts,
      measureIds: Array.from({ length: MEASURES }, fresh), timeSignature: { beats: 4, beatType: 4 },
      keySignature: { fifths: -2, mode: 'major' }, tempo: { bpm: 120, beatUnit: { type: 'quarter', dots: 0 }, text: 'Allegro' },
    },
  });
  for (const [index, fifths] of Object.entries(KEY_CHANGES)) {
    b.apply({ type: 'SetKeySignature', data: { measureId: b.active.measures[Number(index)].id, keySignature: { fifths, mode: 'major' } } });
  }
  for (const [index, timeSignature] of Object.entries(TIME_CHANGES)) {
    b.apply({ type: 'SetTimeSignature', data: { measureId: b.active.measures[Number(index)].id, timeSignature } });
  }
  let notes = 0;
  for (let measureIndex = 0; measureIndex < MEASURES; measureIndex += 1) {
    for (const { partId, instrumentId } of parts) {
      const staves = getInstrument(instrumentId)?.staves ?? 1;
      const written = fillVoice(b, r, fresh, { partId, instrumentId, measureIndex, staff: 1 });
      const lower = staves === 2 ? fillVoice(b, r, fresh, { partId, instrumentId, measureIndex, staff: 2 }) : [];
      notes += [...written, ...lower].filter((w) => w.isNote).length;
      addMarks(b, r, fresh, partId, measureIndex, written, instrumentId === 'electric-guitar');
    }
  }
  return { score: scoreOf(b.active), commands: b.commands, events: b.events, notes };
}
