import type { ActiveScoreState } from './score.state';
import type { Articulation, ChordEntry, Lyric, Measure, Note, PartMeasure, StaffMeasure } from './score.types';

/*
 * Hot-path copies for evolve. Explicit literals instead of spreads keep one hidden class per type, which is
 * what makes replay fast (spreads measured ~2x slower and produce more garbage).
 */

export function withMeasures(s: ActiveScoreState, measures: Measure[]): ActiveScoreState {
  return {
    status: s.status,
    scoreId: s.scoreId,
    ownerId: s.ownerId,
    createdAt: s.createdAt,
    title: s.title,
    subtitle: s.subtitle,
    composer: s.composer,
    arranger: s.arranger,
    copyright: s.copyright,
    parts: s.parts,
    measures,
    measureIndex: s.measureIndex,
  };
}

export function withContent(m: Measure, content: Measure['content']): Measure {
  return {
    id: m.id,
    timeSignature: m.timeSignature,
    keySignature: m.keySignature,
    length: m.length,
    tempo: m.tempo,
    startBarline: m.startBarline,
    endBarline: m.endBarline,
    volta: m.volta,
    rehearsalMark: m.rehearsalMark,
    content,
  };
}

/** A copy of a record with one key replaced, keeping the record's key order. */
export function withKey<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  const copy = clonerFor(record)(record);
  copy[key] = value;
  return copy;
}

type Cloner = <T>(record: Record<string, T>) => Record<string, T>;

/** Spread defines `__proto__` as an own key, as JSON.parse does, where a literal would set the prototype. */
function spreadCopy<T>(record: Record<string, T>): Record<string, T> {
  return { ...record };
}

/*
 * A measure's content is keyed by part id, so copying it key by key goes through V8's megamorphic keyed
 * stores, one map transition per part (a fifth of replay's instructions). An object literal with those
 * keys written out is created from one boilerplate instead, about three times cheaper. The source is built
 * only from JSON-quoted keys, so no id can inject code; the last few key lists are remembered.
 */
const CLONER_CACHE_SIZE = 16;
const cloners = new Map<string, Cloner>();
let lastKeys: string[] = [];
let lastCloner: Cloner = clonerOf(lastKeys);

function clonerFor(record: Record<string, unknown>): Cloner {
  let i = 0;
  for (const k in record) if (k !== lastKeys[i++]) return switchCloner(record);
  return i === lastKeys.length ? lastCloner : switchCloner(record);
}

function switchCloner(record: Record<string, unknown>): Cloner {
  const keys = Object.keys(record);
  const signature = keys.join('\u0000');
  let cloner = cloners.get(signature);
  if (cloner === undefined) {
    cloner = clonerOf(keys);
    if (cloners.size >= CLONER_CACHE_SIZE) cloners.delete(cloners.keys().next().value as string);
    cloners.set(signature, cloner);
  }
  lastKeys = keys;
  lastCloner = cloner;
  return cloner;
}

function clonerOf(keys: readonly string[]): Cloner {
  if (keys.includes('__proto__')) return spreadCopy;
  const fields = keys.map((k) => `${JSON.stringify(k)}: r[${JSON.stringify(k)}]`).join(', ');
  return new Function('r', `return { ${fields} };`) as Cloner;
}

export function withStaves(pm: PartMeasure, staves: StaffMeasure[]): PartMeasure {
  return { staves, chordSymbols: pm.chordSymbols };
}

export function withVoices(sm: StaffMeasure, voices: StaffMeasure['voices']): StaffMeasure {
  return { clef: sm.clef, voices, dynamics: sm.dynamics, hairpins: sm.hairpins, slurs: sm.slurs, texts: sm.texts };
}

export function withChord(
  c: ChordEntry,
  change: { notes?: Note[]; articulations?: Articulation[]; lyrics?: Lyric[] },
): ChordEntry {
  return {
    kind: 'chord',
    id: c.id,
    duration: c.duration,
    notes: change.notes ?? c.notes,
    articulations: change.articulations ?? c.articulations,
    lyrics: change.lyrics ?? c.lyrics,
  };
}
