import { addF, durationToFraction, measureLengthAt, pitchToMidi, type ActiveScoreState, type ScoreCommand } from '../../index';
import type { Duration, Fraction } from '../../music/music.types';
import { allEntries, allMarks, chordEntries, nth, pick } from './pick';
import {
  CHORD_SYMBOLS,
  CLEFS,
  DURATIONS,
  INTERVALS,
  keyFrom,
  offsetFrom,
  ONE_STAFF,
  pitchFrom,
  TEMPI,
  TIME_SIGNATURES,
  TWO_STAVES,
} from './values';

/** Four numbers an intent turns into a concrete command against the current state. */
export interface Nums {
  a: number;
  b: number;
  c: number;
  d: number;
}

type Build = (s: ActiveScoreState, n: Nums, fresh: () => string) => Omit<ScoreCommand, 'metadata'> | undefined;

const measure = (s: ActiveScoreState, n: number) => s.measures[n % s.measures.length];
const part = (s: ActiveScoreState, n: number) => s.parts[n % s.parts.length];
const staffOf = (p: { staves: number }, n: number) => 1 + (n % p.staves);
/** Mostly voice 1, sometimes 2. */
const voiceFrom = (n: number) => (n % 4 === 3 ? 2 : 1);

/** An offset on the eighth-note grid that leaves room for `length` in the measure (0 if nothing fits). */
function offsetIn(s: ActiveScoreState, measureIndex: number, n: number, length: Fraction = { num: 0, den: 1 }): Fraction {
  const l = measureLengthAt(s, measureIndex);
  const room = Math.floor(((l.num * length.den - length.num * l.den) * 8) / (l.den * length.den));
  return { num: room <= 0 ? 0 : n % (length.num === 0 ? room : room + 1), den: 8 };
}

const where = (s: ActiveScoreState, n: Nums) => {
  const p = part(s, n.a);
  return { partId: p.id, staff: staffOf(p, n.b), measureId: measure(s, n.c).id };
};

const entryTarget = (s: ActiveScoreState, n: number) => {
  const spot = nth(chordEntries(s), n);
  return spot && { partId: spot.partId, staff: spot.staff, measureId: spot.measureId, voice: spot.voice, entryId: spot.entry.id, entry: spot.entry };
};

const anyEntryTarget = (s: ActiveScoreState, n: number) => {
  const spot = nth(allEntries(s), n);
  return spot && { partId: spot.partId, staff: spot.staff, measureId: spot.measureId, voice: spot.voice, entryId: spot.entry.id };
};

function withoutEntry<T extends { entry: unknown }>(t: T): Omit<T, 'entry'> {
  const { entry: _entry, ...rest } = t;
  return rest;
}

const writeNote: Build = (s, n, fresh) => {
  const id = fresh();
  const count = n.d % 4 === 0 ? 0 : 1 + (n.d % 3 === 0 ? 1 : 0);
  const duration: Duration = pick(DURATIONS, n.a + n.b);
  const follow = n.c % 2 === 0 ? nth(chordEntries(s), n.a) : undefined;
  const at = follow ? { partId: follow.partId, staff: follow.staff, measureId: follow.measureId } : where(s, n);
  const voice = follow ? follow.voice : voiceFrom(n.d);
  const measureIndex = s.measureIndex[at.measureId];
  // Half the time, right after an existing note: melodies, and notes that ties and slurs can join.
  const offset = follow
    ? addF(follow.offset, durationToFraction(follow.entry.duration))
    : n.b % 5 === 0
      ? offsetFrom(n.d)
      : offsetIn(s, measureIndex, n.d, durationToFraction(duration));
  // Every third note repeats the pitch of the last note before it in the voice, so ties have something to join.
  const before = chordEntries(s).filter(
    (c) => c.partId === at.partId && c.staff === at.staff && c.measureId === at.measureId && c.voice === voice && c.offset.num * offset.den < offset.num * c.offset.den,
  );
  const repeated = n.c % 3 === 0 ? before[before.length - 1]?.entry.notes[0].pitch : undefined;
  const notes = Array.from({ length: count }, (_, i) => ({ id: fresh(), pitch: i === 0 && repeated ? repeated : pitchFrom(n.a + i * 2) }));
  return { type: 'WriteNote', data: { ...at, voice, offset, entryId: id, duration, notes } };
};

/** Notes a tie could start from (the next entry holds the same pitch), or notes already tied. */
function tieCandidates(s: ActiveScoreState) {
  const chords = chordEntries(s);
  return chords.flatMap((c) => {
    const next = chords.find((o) => o.partId === c.partId && o.staff === c.staff && o.voice === c.voice &&
      ((o.measureIndex === c.measureIndex && o.index === c.index + 1) || (o.measureIndex === c.measureIndex + 1 && o.index === 0)));
    return c.entry.notes
      .filter((note) => note.tie || next?.entry.notes.some((m) => pitchToMidi(m.pitch) === pitchToMidi(note.pitch)))
      .map((note) => ({ chord: c, note }));
  });
}

const onChord = (build: (t: NonNullable<ReturnType<typeof entryTarget>>, n: Nums, fresh: () => string) => Omit<ScoreCommand, 'metadata'>): Build =>
  (s, n, fresh) => {
    const t = entryTarget(s, n.a + n.c);
    return t && build(t, n, fresh);
  };

export const BUILDERS: Record<string, Build> = {
  writeNote,
  writeNote2: writeNote,
  writeNote3: writeNote,
  writeNote4: writeNote,
  writeNote5: writeNote,
  deleteNote: (s, n) => {
    const t = anyEntryTarget(s, n.a);
    return t && { type: 'DeleteNote', data: t };
  },
  changePitch: onChord((t, n) => ({ type: 'ChangePitch', data: { ...withoutEntry(t), noteId: pick(t.entry.notes, n.b).id, pitch: pitchFrom(n.d) } })),
  changeDuration: (s, n, fresh) => {
    const t = anyEntryTarget(s, n.a);
    return t && { type: 'ChangeDuration', data: { ...t, duration: pick(DURATIONS, n.b), restIdSeed: fresh() } };
  },
  addChordPitch: onChord((t, n, fresh) => ({ type: 'AddChordPitch', data: { ...withoutEntry(t), noteId: fresh(), pitch: pitchFrom(n.d + 3) } })),
  removeChordPitch: onChord((t, n) => ({ type: 'RemoveChordPitch', data: { ...withoutEntry(t), noteId: pick(t.entry.notes, n.b).id } })),
  setTie: (s, n) => {
    const pick = nth(tieCandidates(s), n.a);
    if (!pick) return undefined;
    const { chord, note } = pick;
    const target = { partId: chord.partId, staff: chord.staff, measureId: chord.measureId, voice: chord.voice, entryId: chord.entry.id };
    return { type: 'SetTie', data: { ...target, noteId: note.id, tied: note.tie ? n.d % 3 === 0 : true } };
  },
  setArticulation: onChord((t, n) => ({
    type: 'SetArticulation',
    data: {
      ...withoutEntry(t),
      articulation: pick(t.entry.articulations.length > 0 && n.d % 2 ? t.entry.articulations : ['staccato', 'accent', 'tenuto', 'marcato', 'fermata'] as const, n.b),
      present: n.d % 3 === 0,
    },
  })),
  setLyric: onChord((t, n) => ({ type: 'SetLyric', data: { ...withoutEntry(t), verse: 1 + (n.b % 2), text: pick(['la', 'lu', 'Hal-', 'le-'], n.d) } })),
  clearLyric: onChord((t, n) => ({ type: 'ClearLyric', data: { ...withoutEntry(t), verse: 1 + (n.b % 2) } })),
  setDynamic: (s, n, fresh) => {
    const at = where(s, n);
    const existing = s.measures[s.measureIndex[at.measureId]].content[at.partId].staves[at.staff - 1].dynamics;
    const offset = existing.length > 0 && n.b % 2 ? pick(existing, n.d).offset : offsetIn(s, s.measureIndex[at.measureId], n.d);
    return { type: 'SetDynamic', data: { ...at, offset, dynamicId: fresh(), value: pick(['p', 'mf', 'ff', 'sfz'] as const, n.d + n.b) } };
  },
  addHairpin: (s, n, fresh) => {
    const at = where(s, n);
    const start = s.measureIndex[at.measureId];
    const end = Math.min(s.measures.length - 1, start + (n.d % 2));
    const offset = offsetIn(s, start, n.d, { num: 1, den: 8 });
    return {
      type: 'AddHairpin',
      data: { ...at, offset, hairpinId: fresh(), kind: n.a % 2 ? 'crescendo' : 'diminuendo', end: { measureId: s.measures[end].id, offset: measureLengthAt(s, end) } },
    };
  },
  addSlur: (s, n, fresh) => {
    const chords = chordEntries(s);
    const from = nth(chords, n.a);
    const to = from && nth(chords.filter((c) => c.partId === from.partId && c.staff === from.staff && c.voice === from.voice && c !== from), n.b);
    if (!from || !to) return undefined;
    const [x, y] = from.measureIndex <= to.measureIndex ? [from, to] : [to, from];
    return { type: 'AddSlur', data: { partId: x.partId, staff: x.staff, measureId: x.measureId, voice: x.voice, offset: x.offset, slurId: fresh(), end: { measureId: y.measureId, offset: y.offset } } };
  },
  setChordSymbol: (s, n, fresh) => {
    const { partId, measureId } = where(s, n);
    const offset = offsetIn(s, s.measureIndex[measureId], n.d * 2);
    return { type: 'SetChordSymbol', data: { partId, measureId, offset, chordSymbolId: fresh(), symbol: pick(CHORD_SYMBOLS, n.b) } };
  },
  addText: (s, n, fresh) => {
    const at = where(s, n);
    const offset = offsetIn(s, s.measureIndex[at.measureId], n.d);
    return { type: 'AddTextExpression', data: { ...at, offset, textId: fresh(), text: pick(['dolce', 'cresc.', 'solo'], n.b) } };
  },
  addSlur2: (s, n, fresh) => BUILDERS.addSlur(s, n, fresh),
  removeMark2: (s, n, fresh) => BUILDERS.removeMark(s, n, fresh),
  removeMark: (s, n) => {
    const m = nth(allMarks(s), n.a);
    if (!m) return undefined;
    const at = { partId: m.partId, staff: m.staff, measureId: m.measureId };
    switch (m.list) {
      case 'dynamics':
        return { type: 'RemoveDynamic', data: { ...at, dynamicId: m.id } };
      case 'hairpins':
        return { type: 'RemoveHairpin', data: { ...at, hairpinId: m.id } };
      case 'slurs':
        return { type: 'RemoveSlur', data: { ...at, slurId: m.id } };
      case 'texts':
        return { type: 'RemoveTextExpression', data: { ...at, textId: m.id } };
      default:
        return { type: 'RemoveChordSymbol', data: { partId: m.partId, measureId: m.measureId, chordSymbolId: m.id } };
    }
  },
  insertMeasures: (s, n, fresh) => ({
    type: 'InsertMeasures',
    data: { beforeMeasureId: n.a % 3 === 0 ? null : measure(s, n.b).id, measureIds: Array.from({ length: 1 + (n.c % 2) }, fresh) },
  }),
  deleteMeasures: (s, n) => {
    const from = n.a % s.measures.length;
    const to = Math.min(s.measures.length - 1, from + (n.b % 2));
    return { type: 'DeleteMeasures', data: { fromMeasureId: s.measures[from].id, toMeasureId: s.measures[to].id } };
  },
  setTimeSignature: (s, n) => {
    const m = measure(s, n.a);
    const clear = n.c % 5 === 0 && s.measureIndex[m.id] > 0;
    return { type: 'SetTimeSignature', data: { measureId: m.id, timeSignature: clear ? null : pick(TIME_SIGNATURES, n.b) } };
  },
  setKeySignature: (s, n) => {
    const m = measure(s, n.a);
    const clear = n.c % 5 === 0 && s.measureIndex[m.id] > 0;
    return { type: 'SetKeySignature', data: { measureId: m.id, keySignature: clear ? null : keyFrom(n.b) } };
  },
  setMeasureLength: (s, n) => ({
    type: 'SetMeasureLength',
    data: { measureId: measure(s, n.a % 2).id, length: n.c % 3 === 0 ? null : { num: 1 + (n.b % 3), den: 8 } },
  }),
  setClef: (s, n) => ({ type: 'SetClef', data: { ...where(s, n), clef: n.d % 4 === 0 ? null : pick(CLEFS, n.d) } }),
  setTempo: (s, n) => ({ type: 'SetTempo', data: { measureId: measure(s, n.a).id, tempo: n.b % 4 === 0 ? null : pick(TEMPI, n.b) } }),
  setBarline: (s, n) => {
    const measureId = measure(s, n.a).id;
    return n.b % 2 === 0
      ? { type: 'SetBarline', data: { measureId, side: 'start', style: pick(['regular', 'repeat-start'] as const, n.c) } }
      : { type: 'SetBarline', data: { measureId, side: 'end', style: pick(['regular', 'double', 'final', 'repeat-end'] as const, n.c) } };
  },
  setVolta: (s, n) => {
    const from = n.a % s.measures.length;
    const to = Math.min(s.measures.length - 1, from + (n.b % 2));
    const numbers = n.c % 3 === 0 ? null : [1 + (n.c % 2)];
    return { type: 'SetVolta', data: { fromMeasureId: s.measures[from].id, toMeasureId: s.measures[to].id, numbers } };
  },
  setRehearsalMark: (s, n) => ({ type: 'SetRehearsalMark', data: { measureId: measure(s, n.a).id, text: n.b % 3 === 0 ? null : pick(['A', 'B', 'Coda'], n.b) } }),
  updateInfo: (_s, n) => ({ type: 'UpdateScoreInfo', data: n.a % 2 ? { title: pick(['Suite', 'Blues', 'March'], n.b) } : { composer: pick(['Anon', 'J. S.'], n.b), subtitle: 'for band' } }),
  addPart: (s, n, fresh) => (s.parts.length >= 3 ? undefined : { type: 'AddPart', data: { partId: fresh(), instrumentId: pick([...ONE_STAFF, ...TWO_STAVES], n.a), index: n.b % (s.parts.length + 1) } }),
  removePart: (s, n) => ({ type: 'RemovePart', data: { partId: part(s, n.a).id } }),
  movePart: (s, n) => ({ type: 'MovePart', data: { partId: part(s, n.a).id, toIndex: n.b % s.parts.length } }),
  renamePart: (s, n) => ({ type: 'RenamePart', data: { partId: part(s, n.a).id, name: pick(['Solo', 'Lead', 'Second'], n.b), abbreviation: nth(['S.', 'L.'], n.c) } }),
  changeInstrument: (s, n) => {
    const p = part(s, n.a);
    return { type: 'ChangeInstrument', data: { partId: p.id, instrumentId: pick(p.staves === 2 ? TWO_STAVES : ONE_STAFF, n.b) } };
  },
  transpose: (s, n) => {
    const whole = n.a % 2 === 0;
    const from = whole ? 0 : n.b % s.measures.length;
    const selection = {
      partIds: whole ? s.parts.map((p) => p.id) : [part(s, n.c).id],
      fromMeasureId: s.measures[from].id,
      toMeasureId: s.measures[whole ? s.measures.length - 1 : Math.min(s.measures.length - 1, from + 1)].id,
    };
    return { type: 'TransposeSelection', data: { selection, interval: pick(INTERVALS, n.d), keepChordSymbols: n.c % 3 === 0 } };
  },
};

export const INTENT_KINDS = Object.keys(BUILDERS);
