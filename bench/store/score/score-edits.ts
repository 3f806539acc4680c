import {
  compareF,
  contentEnd,
  measureLengthAt,
  type ActiveScoreState,
  type ChordSymbol,
  type Duration,
  type Pitch,
  type ScoreCommand,
  type Step,
} from '@bandpro/domain';
import type { Random } from '../../harness/random';
import { chordsAt, entriesAt, entryTarget, target, voiceTarget, type VoiceSpot } from './score-spots';

export type CommandBody = Omit<ScoreCommand, 'metadata'>;

export interface EditContext {
  s: ActiveScoreState;
  r: Random;
  spot: VoiceSpot;
  fresh: () => string;
}

type Edit = (context: EditContext) => CommandBody | undefined;

const STEPS: readonly Step[] = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];
const DURATIONS: Record<string, Duration> = {
  quarter: { type: 'quarter', dots: 0 },
  eighth: { type: 'eighth', dots: 0 },
  half: { type: 'half', dots: 0 },
  dottedQuarter: { type: 'quarter', dots: 1 },
  sixteenth: { type: '16th', dots: 0 },
};
const DURATION_WEIGHTS = { quarter: 40, eighth: 30, half: 15, dottedQuarter: 10, sixteenth: 5 };
const ARTICULATIONS = ['staccato', 'accent', 'tenuto', 'marcato'] as const;
const DYNAMICS = ['pp', 'p', 'mp', 'mf', 'f', 'ff'] as const;
const SYLLABLES = ['la', 'da', 'dum', 'Hal-', 'le-', 'lu-', 'jah'];
const SYMBOLS: readonly ChordSymbol[] = [
  { root: { step: 'C', alter: 0 }, kind: 'major' },
  { root: { step: 'F', alter: 0 }, kind: 'major-seventh' },
  { root: { step: 'G', alter: 0 }, kind: 'dominant' },
  { root: { step: 'A', alter: 0 }, kind: 'minor' },
  { root: { step: 'B', alter: -1 }, kind: 'dominant' },
];

/** Roughly an octave and a half around the middle of each part's register. */
const pitchIn = (r: Random, octave: number): Pitch => ({ step: r.pick(STEPS), alter: r.chance(0.1) ? -1 : 0, octave: octave + r.int(2) });
const octaveOf = (s: ActiveScoreState, partId: string) => 3 + (s.parts.findIndex((p) => p.id === partId) % 3);
const thirdAbove = (p: Pitch): Pitch => {
  const index = STEPS.indexOf(p.step) + 2;
  return { step: STEPS[index % 7], alter: 0, octave: p.octave + Math.floor(index / 7) };
};

/** Note entry: the next note after what the voice already holds, or an overwrite when it is full. */
const writeNote: Edit = ({ s, r, spot, fresh }) => {
  const entries = entriesAt(s, spot);
  const firstRest = entries.find((at) => at.entry.kind === 'rest');
  const end = contentEnd(entries.map((at) => at.entry));
  const full = compareF(end, measureLengthAt(s, spot.measureIndex)) >= 0;
  // An empty voice is an implicit whole-measure rest; a voice may also stop short of the barline.
  const offset = firstRest ? firstRest.offset : full && entries.length > 0 ? r.pick(entries).offset : end;
  const root = pitchIn(r, octaveOf(s, spot.partId));
  const pitches = r.chance(0.15) ? [root, thirdAbove(root)] : [root];
  const duration = DURATIONS[r.weighted(DURATION_WEIGHTS)];
  const notes = pitches.map((pitch) => ({ id: fresh(), pitch }));
  return { type: 'WriteNote', data: { ...voiceTarget(spot), offset, entryId: fresh(), duration, notes } };
};

/** An edit of one existing chord in the spot's voice; nothing when the voice holds none. */
const onChord =
  (build: (context: EditContext, chord: ReturnType<typeof chordsAt>[number]) => CommandBody): Edit =>
  (context) => {
    const chords = chordsAt(context.s, context.spot);
    return chords.length === 0 ? undefined : build(context, context.r.pick(chords));
  };

const changePitch = onChord(({ s, r, spot }, { entry }) => ({
  type: 'ChangePitch',
  data: { ...entryTarget(spot, entry), noteId: r.pick(entry.notes).id, pitch: pitchIn(r, octaveOf(s, spot.partId)) },
}));

const setArticulation = onChord(({ r, spot }, { entry }) => ({
  type: 'SetArticulation',
  data: { ...entryTarget(spot, entry), articulation: r.pick(ARTICULATIONS), present: r.chance(0.8) },
}));

const setLyric = onChord(({ r, spot }, { entry }) => ({
  type: 'SetLyric',
  data: { ...entryTarget(spot, entry), verse: 1, text: r.pick(SYLLABLES) },
}));

const setTie = onChord(({ spot }, { entry }) => ({
  type: 'SetTie',
  data: { ...entryTarget(spot, entry), noteId: entry.notes[0].id, tied: !entry.notes[0].tie },
}));

const addChordPitch = onChord(({ fresh, spot }, { entry }) => ({
  type: 'AddChordPitch',
  data: { ...entryTarget(spot, entry), noteId: fresh(), pitch: thirdAbove(entry.notes[entry.notes.length - 1].pitch) },
}));

const deleteNote = onChord(({ spot }, { entry }) => ({ type: 'DeleteNote', data: entryTarget(spot, entry) }));

const changeDuration = onChord(({ r, spot, fresh }, { entry }) => ({
  type: 'ChangeDuration',
  data: { ...entryTarget(spot, entry), duration: DURATIONS[r.weighted(DURATION_WEIGHTS)], restIdSeed: fresh() },
}));

const addSlur: Edit = ({ s, spot, fresh }) => {
  const chords = chordsAt(s, spot);
  if (chords.length < 2) return undefined;
  const [first, last] = [chords[0], chords[chords.length - 1]];
  const end = { measureId: spot.measureId, offset: last.offset };
  return { type: 'AddSlur', data: { ...target(spot), voice: spot.voice, offset: first.offset, slurId: fresh(), end } };
};

const setDynamic: Edit = ({ r, spot, fresh }) => ({
  type: 'SetDynamic',
  data: { ...target(spot), offset: { num: 0, den: 1 }, dynamicId: fresh(), value: r.pick(DYNAMICS) },
});

const addHairpin: Edit = ({ s, r, spot, fresh }) => {
  const endIndex = Math.min(s.measures.length - 1, spot.measureIndex + 1);
  const end = { measureId: s.measures[endIndex].id, offset: measureLengthAt(s, endIndex) };
  const kind = r.chance(0.5) ? 'crescendo' : 'diminuendo';
  return { type: 'AddHairpin', data: { ...target(spot), offset: { num: 0, den: 1 }, hairpinId: fresh(), kind, end } };
};

const setChordSymbol: Edit = ({ r, spot, fresh }) => ({
  type: 'SetChordSymbol',
  data: {
    partId: spot.partId,
    measureId: spot.measureId,
    offset: { num: r.int(2), den: 2 },
    chordSymbolId: fresh(),
    symbol: r.pick(SYMBOLS),
  },
});

const addText: Edit = ({ r, spot, fresh }) => ({
  type: 'AddTextExpression',
  data: { ...target(spot), offset: { num: 0, den: 1 }, textId: fresh(), text: r.pick(['dolce', 'cresc.', 'solo', 'tutti']) },
});

const transpose: Edit = ({ s, r, spot }) => {
  const toIndex = Math.min(s.measures.length - 1, spot.measureIndex + 1);
  const selection = { partIds: [spot.partId], fromMeasureId: spot.measureId, toMeasureId: s.measures[toIndex].id };
  const interval = r.chance(0.5) ? { diatonic: 1, chromatic: 2 } : { diatonic: -1, chromatic: -2 };
  return { type: 'TransposeSelection', data: { selection, interval } };
};

const setTempo: Edit = ({ r, spot }) => ({
  type: 'SetTempo',
  data: { measureId: spot.measureId, tempo: { bpm: r.between(60, 160), beatUnit: { type: 'quarter', dots: 0 }, text: null } },
});

const setRehearsalMark: Edit = ({ r, spot }) => ({
  type: 'SetRehearsalMark',
  data: { measureId: spot.measureId, text: r.pick(['A', 'B', 'C', 'D', 'Coda']) },
});

/** What a band arranger does most: enter notes, then fix pitches, add marks, occasionally restructure. */
export const EDITS: Record<string, { weight: number; build: Edit }> = {
  writeNote: { weight: 45, build: writeNote },
  changePitch: { weight: 12, build: changePitch },
  setArticulation: { weight: 7, build: setArticulation },
  changeDuration: { weight: 5, build: changeDuration },
  setDynamic: { weight: 5, build: setDynamic },
  setLyric: { weight: 4, build: setLyric },
  addChordPitch: { weight: 4, build: addChordPitch },
  deleteNote: { weight: 4, build: deleteNote },
  setTie: { weight: 3, build: setTie },
  addSlur: { weight: 3, build: addSlur },
  setChordSymbol: { weight: 3, build: setChordSymbol },
  addHairpin: { weight: 2, build: addHairpin },
  addText: { weight: 1, build: addText },
  transpose: { weight: 0.5, build: transpose },
  setTempo: { weight: 0.5, build: setTempo },
  setRehearsalMark: { weight: 0.5, build: setRehearsalMark },
};

export const EDIT_WEIGHTS: Record<string, number> = Object.fromEntries(
  Object.entries(EDITS).map(([name, edit]) => [name, edit.weight]),
);
