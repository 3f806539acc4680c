import { CHORD_KINDS } from '../../music/chord-symbol';
import { DURATION_TYPES, isValidTimeSignature } from '../../music/duration';
import { isValidInterval } from '../../music/interval';
import { isValidKeySignature } from '../../music/key-signature';
import { isPitchClass } from '../../music/pitch-class';
import type { ChordSymbol, Clef, Interval, KeySignature, PitchClass, TimeSignature } from '../../music/music.types';
import type { TempoMark } from '../model/score.types';
import {
  ChordSymbolMustBeValid,
  ClefMustBeValid,
  IntervalMustBeValid,
  KeySignatureMustBeValid,
  TempoMustBeValid,
  TimeSignatureMustBeValid,
} from '../rules/rule-errors';
import { isRecord } from './values';

export function requireTimeSignature(value: unknown): TimeSignature {
  const ts = isRecord(value) ? { beats: value.beats as number, beatType: value.beatType as number } : undefined;
  if (ts === undefined || !isValidTimeSignature(ts)) throw new TimeSignatureMustBeValid({ timeSignature: value });
  return ts;
}

export function requireKeySignature(value: unknown): KeySignature {
  const ks = isRecord(value) ? ({ fifths: value.fifths, mode: value.mode } as KeySignature) : undefined;
  if (ks === undefined || !isValidKeySignature(ks)) throw new KeySignatureMustBeValid({ keySignature: value });
  return { fifths: ks.fifths + 0, mode: ks.mode };
}

const CLEF_SIGNS: readonly Clef['sign'][] = ['G', 'F', 'C', 'percussion', 'TAB'];

export function requireClef(value: unknown): Clef {
  if (!isRecord(value)) throw new ClefMustBeValid({ clef: value });
  const { sign, line, octaveChange } = value;
  const valid =
    CLEF_SIGNS.includes(sign as Clef['sign']) &&
    Number.isInteger(line) &&
    (line as number) >= 1 &&
    (line as number) <= 5 &&
    (octaveChange === undefined || octaveChange === -1 || octaveChange === 1);
  if (!valid) throw new ClefMustBeValid({ clef: value });
  const clef: Clef = { sign: sign as Clef['sign'], line: line as number };
  if (octaveChange !== undefined) clef.octaveChange = octaveChange as -1 | 1;
  return clef;
}

export function requireTempo(value: unknown): TempoMark {
  if (!isRecord(value) || !isRecord(value.beatUnit)) throw new TempoMustBeValid({ tempo: value });
  const { bpm, text } = value;
  const { type, dots } = value.beatUnit;
  const valid =
    typeof bpm === 'number' &&
    Number.isFinite(bpm) &&
    bpm >= 1 &&
    bpm <= 999 &&
    DURATION_TYPES.includes(type as TempoMark['beatUnit']['type']) &&
    (dots === 0 || dots === 1) &&
    (text === null || text === undefined || (typeof text === 'string' && text.length <= 100));
  if (!valid) throw new TempoMustBeValid({ tempo: value });
  return {
    bpm: bpm as number,
    beatUnit: { type: type as TempoMark['beatUnit']['type'], dots: dots as number },
    text: (text as string | null | undefined) ?? null,
  };
}


function pitchClassOf(value: unknown): PitchClass | undefined {
  if (!isRecord(value)) return undefined;
  const pc = { step: value.step, alter: value.alter } as PitchClass;
  return isPitchClass(pc) ? pc : undefined;
}

export function requireChordSymbol(value: unknown): ChordSymbol {
  const root = isRecord(value) ? pitchClassOf(value.root) : undefined;
  if (!isRecord(value) || root === undefined || !CHORD_KINDS.includes(value.kind as ChordSymbol['kind'])) {
    throw new ChordSymbolMustBeValid({ symbol: value });
  }
  const symbol: ChordSymbol = { root, kind: value.kind as ChordSymbol['kind'] };
  if (value.bass !== undefined && value.bass !== null) {
    const bass = pitchClassOf(value.bass);
    if (bass === undefined) throw new ChordSymbolMustBeValid({ symbol: value });
    symbol.bass = bass;
  }
  if (value.text !== undefined && value.text !== null) {
    if (typeof value.text !== 'string' || value.text.length > 40) throw new ChordSymbolMustBeValid({ symbol: value });
    symbol.text = value.text;
  }
  return symbol;
}

export function requireInterval(value: unknown): Interval {
  const i = isRecord(value) ? ({ diatonic: value.diatonic, chromatic: value.chromatic } as Interval) : undefined;
  // Within four octaves either way, and a spelling no wider than a doubly augmented/diminished interval.
  const valid =
    i !== undefined &&
    isValidInterval(i) &&
    Math.abs(i.diatonic) <= 28 &&
    Math.abs(i.chromatic) <= 48;
  if (!valid) throw new IntervalMustBeValid({ interval: value });
  return { diatonic: i.diatonic + 0, chromatic: i.chromatic + 0 };
}
