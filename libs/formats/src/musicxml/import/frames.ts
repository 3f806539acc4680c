import {
  compareF,
  type Fraction,
  type KeySignature,
  measureLength,
  subF,
  type TimeSignature,
} from '@bandpro/domain';
import type { ReadPart, ReadPartMeasure } from './read.types';
import type { ImportReport } from './report';

/** A measure as all parts agree on it: its attributes in the model and the length its content must fit. */
export interface Frame {
  number: string;
  /** Changes written on the model's measure (null: what is in force continues). */
  time: TimeSignature | null;
  key: KeySignature | null;
  /** The time signature in force and the measure's actual length. */
  ts: TimeSignature;
  length: Fraction;
  /** The irregular length written on the measure (a pickup), or null. */
  irregular: Fraction | null;
  /** Timing differences up to this size are rounding, not gaps. */
  unit: Fraction;
}

const sameTime = (a: TimeSignature | undefined, b: TimeSignature | undefined) => a?.beats === b?.beats && a?.beatType === b?.beatType;
const sameKey = (a: KeySignature | undefined, b: KeySignature | undefined) => a?.fifths === b?.fifths && a?.mode === b?.mode;
/** a and b differ by less than one unit (a division: what rounding in a file can account for). */
export function within(a: Fraction, b: Fraction, unit: Fraction): boolean {
  const d = subF(a, b);
  return d.num === 0 || compareF({ num: Math.abs(d.num), den: d.den }, unit) < 0;
}
const isPowerOfTwo = (n: number) => n >= 1 && n <= 64 && (n & (n - 1)) === 0;

/** A time signature a measure longer than its own can have, counted in the same beats where possible. */
function fitting(end: Fraction, ts: TimeSignature): TimeSignature | undefined {
  const beats = (end.num * ts.beatType) / end.den;
  if (Number.isInteger(beats) && beats <= 99) return { beats, beatType: ts.beatType };
  return isPowerOfTwo(end.den) && end.num <= 99 ? { beats: end.num, beatType: end.den } : undefined;
}

interface Walk {
  fileTime: TimeSignature | undefined;
  fileKey: KeySignature | undefined;
  modelTime: TimeSignature | undefined;
  modelKey: KeySignature | undefined;
}

function pickKey(reads: readonly (ReadPartMeasure | undefined)[], parts: readonly ReadPart[]): KeySignature | undefined {
  // Drum parts often carry no key or C major: the pitched parts say what the key is.
  const pitched = reads.find((r, p) => r?.key !== undefined && !parts[p].percussion);
  return (pitched ?? reads.find((r) => r?.key !== undefined))?.key;
}

function frameAt(i: number, parts: readonly ReadPart[], walk: Walk, report: ImportReport): Frame {
  const reads = parts.map((p) => p.measures[i]);
  const present = reads.filter((r): r is ReadPartMeasure => r !== undefined);
  const number = present[0]?.number ?? String(i + 1);
  const time = present.find((r) => r.time)?.time;
  if (present.some((r) => r.time && !sameTime(r.time, time))) report.warn('Parts with different time signatures were given the first part\'s.', { bar: number });
  walk.fileTime = time ?? walk.fileTime ?? { beats: 4, beatType: 4 };
  walk.fileKey = pickKey(reads, parts) ?? walk.fileKey ?? { fifths: 0, mode: 'major' };
  const unit = present.reduce((u, r) => (compareF(r.unit, u) > 0 ? r.unit : u), { num: 0, den: 1 } as Fraction);
  const end = present.reduce((e, r) => (compareF(r.end, e) > 0 ? r.end : e), { num: 0, den: 1 } as Fraction);
  const full = measureLength(walk.fileTime);
  let ts = walk.fileTime;
  if (compareF(end, full) > 0 && !within(end, full, unit)) {
    const longer = fitting(end, walk.fileTime);
    if (longer) {
      ts = longer;
      report.warn(`A measure longer than its time signature was given ${longer.beats}/${longer.beatType}.`, { bar: number });
    }
  }
  const length = measureLength(ts);
  const irregular = end.num === 0 || compareF(end, length) >= 0 || within(end, length, unit) ? null : end;
  const frame: Frame = { number, time: sameTime(ts, walk.modelTime) ? null : ts, key: sameKey(walk.fileKey, walk.modelKey) ? null : walk.fileKey, ts, length: irregular ?? length, irregular, unit };
  walk.modelTime = ts;
  walk.modelKey = walk.fileKey;
  return frame;
}

/** The frames of all measures: the longest part decides how many there are. */
export function measureFrames(parts: readonly ReadPart[], report: ImportReport): Frame[] {
  const count = Math.max(1, ...parts.map((p) => p.measures.length));
  const walk: Walk = { fileTime: undefined, fileKey: undefined, modelTime: undefined, modelKey: undefined };
  if (!parts.some((p) => p.measures[0]?.time)) report.warn('The score has no time signature at its start; 4/4 was assumed.');
  return Array.from({ length: count }, (_, i) => frameAt(i, parts, walk, report));
}
