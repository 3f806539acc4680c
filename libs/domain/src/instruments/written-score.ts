import { negateInterval, transposePitch } from '../music/interval';
import { transposeKeyAndInterval } from '../music/key';
import { transposeChordSymbol } from '../music/chord-symbol';
import type { Interval, KeySignature, Pitch } from '../music/music.types';
import { midiToPitch, pitchToMidi } from '../music/pitch';
import type { ActiveScoreState } from '../score/model/score.state';
import type { Measure, PartMeasure, VoiceEntry } from '../score/model/score.types';
import { getInstrument } from './instruments';

export interface WrittenKeyChange {
  measureId: string;
  key: KeySignature;
}

/** The score as its players read it, and the key signature each part shows wherever one is printed. */
export interface WrittenScore {
  document: ActiveScoreState;
  /** Per part id: its written key in the first measure and at every key change (concert keys for C parts). */
  keys: Record<string, WrittenKeyChange[]>;
}

/**
 * The interval's spelling, or where that would need a triple accidental (a double-flat note in a key respelt
 * past seven flats), the same sound spelt as the written key spells it. A written pitch beyond the MIDI range
 * cannot be shown; such a note keeps its sounding pitch.
 */
function written(pitch: Pitch, interval: Interval, key: KeySignature): Pitch {
  const midi = pitchToMidi(pitch) + interval.chromatic;
  if (midi < 0 || midi > 127) return pitch;
  try {
    return transposePitch(pitch, interval);
  } catch {
    return midiToPitch(midi, key);
  }
}

function writtenEntry(entry: VoiceEntry, interval: Interval, key: KeySignature): VoiceEntry {
  if (entry.kind === 'rest') return entry;
  return { ...entry, notes: entry.notes.map((n) => ({ ...n, pitch: written(n.pitch, interval, key) })) };
}

function writtenPartMeasure(pm: PartMeasure, interval: Interval, key: KeySignature): PartMeasure {
  return {
    staves: pm.staves.map((s) => ({ ...s, voices: s.voices.map((v) => v.map((e) => writtenEntry(e, interval, key))) })),
    chordSymbols: pm.chordSymbols.map((c) => ({ ...c, symbol: transposeChordSymbol(c.symbol, interval) })),
  };
}

/**
 * The document in written pitch: each transposing part's notes and chord symbols moved by the inverse of its
 * instrument's transposition, measure by measure with the interval its written key uses (a key past seven
 * sharps or flats is respelt, and its notes with it), as the MusicXML export writes them. Parts in C, unknown
 * instruments and percussion are unchanged. Everything the document does not transpose is shared, not copied.
 */
export function writtenScore(state: ActiveScoreState): WrittenScore {
  const keys: Record<string, WrittenKeyChange[]> = {};
  let measures: Measure[] = state.measures;
  for (const part of state.parts) {
    const instrument = getInstrument(part.instrumentId);
    const t = instrument?.transposition ?? { diatonic: 0, chromatic: 0 };
    const transposes = !instrument?.percussion && (t.diatonic !== 0 || t.chromatic !== 0);
    const changes: WrittenKeyChange[] = [];
    let concert = state.measures[0]?.keySignature as KeySignature;
    measures = measures.map((m, i) => {
      concert = m.keySignature ?? concert;
      const { key, interval } = transposes ? transposeKeyAndInterval(concert, negateInterval(t)) : { key: concert, interval: t };
      if (i === 0 || m.keySignature !== null) changes.push({ measureId: m.id, key });
      if (!transposes) return m;
      return { ...m, content: { ...m.content, [part.id]: writtenPartMeasure(m.content[part.id], interval, key) } };
    });
    keys[part.id] = changes;
  }
  return { document: { ...state, measures }, keys };
}
