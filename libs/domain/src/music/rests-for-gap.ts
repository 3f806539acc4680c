import { measureLength, isCompoundMeter, plainDurationFor } from './duration';
import { addF, frac, lteF, ltF, subF, ZERO } from './fraction';
import { MusicError } from './music-error';
import type { Duration, Fraction, TimeSignature } from './music.types';

/**
 * One span of the metric hierarchy. A rest may stand for a whole span only if the gap covers it;
 * otherwise the gap is split along the span's parts (or its halves when it lists none), which is how
 * notation programs keep rests from hiding beat boundaries.
 */
interface MetricSpan {
  length: Fraction;
  parts?: readonly MetricSpan[];
}

const SHORTEST: Fraction = frac(1, 64);

const span = (length: Fraction, parts?: readonly MetricSpan[]): MetricSpan => ({ length, parts });
const repeat = (s: MetricSpan, n: number): MetricSpan[] => Array.from({ length: n }, () => s);

/** A dotted beat: a quarter rest may cover its first two eighths, never its last two. */
function compoundBeat(beatType: number): MetricSpan {
  return span(frac(3, beatType), [span(frac(2, beatType)), span(frac(1, beatType))]);
}

/** Irregular eighth meters group as 3+2 (5/8), 2+2+3 (7/8), else twos with a closing three. */
function irregularGroups(beats: number): number[] {
  if (beats === 5) return [3, 2];
  const groups = Array<number>(Math.floor((beats - 3) / 2)).fill(2);
  return [...groups, 3];
}

const isPowerOfTwo = (n: number): boolean => (n & (n - 1)) === 0;

function metricTree(ts: TimeSignature): MetricSpan {
  const whole = measureLength(ts);
  const { beats, beatType } = ts;
  if (isCompoundMeter(ts)) {
    const beat = compoundBeat(beatType);
    // 12/8 is compound quadruple: like 4/4, a rest may fill either half but not the middle two beats.
    if (beats === 12) return span(whole, repeat(span(frac(6, beatType), [beat, beat]), 2));
    return span(whole, repeat(beat, beats / 3));
  }
  if (isPowerOfTwo(beats)) return span(whole);
  if (beats === 3 || beatType <= 4) return span(whole, repeat(span(frac(1, beatType)), beats));
  if (beats % 2 === 0) return span(whole, repeat(span(frac(2, beatType)), beats / 2));
  const groups = irregularGroups(beats).map((g) => (g === 3 ? compoundBeat(beatType) : span(frac(2, beatType))));
  return span(whole, groups);
}

function childrenOf(s: MetricSpan): readonly MetricSpan[] {
  if (s.parts) return s.parts;
  if (lteF(s.length, SHORTEST)) {
    throw new MusicError('UNEXPRESSIBLE_DURATION', 'The gap cannot be written with plain rests', { length: s.length });
  }
  const half = span(frac(s.length.num, s.length.den * 2));
  return [half, half];
}

function fill(s: MetricSpan, start: Fraction, gapStart: Fraction, gapEnd: Fraction, out: Duration[]): void {
  const end = addF(start, s.length);
  if (lteF(gapEnd, start) || lteF(end, gapStart)) return;
  if (lteF(gapStart, start) && lteF(end, gapEnd)) {
    const rest = plainDurationFor(s.length, 1);
    if (rest) {
      out.push(rest);
      return;
    }
  }
  let childStart = start;
  for (const child of childrenOf(s)) {
    fill(child, childStart, gapStart, gapEnd, out);
    childStart = addF(childStart, child.length);
  }
}

/**
 * The rests a notation program writes for a gap of `length` starting `offset` into a measure of `ts`.
 * `pickupLength` marks an incomplete (anacrusis) measure: its content sits at the end of a full bar,
 * so its beats fall where they would in the full bar.
 */
export function restsForGap(
  offset: Fraction,
  length: Fraction,
  ts: TimeSignature,
  pickupLength?: Fraction,
): Duration[] {
  const full = measureLength(ts);
  const actual = pickupLength ?? full;
  const gapEnd = addF(offset, length);
  if (ltF(offset, ZERO) || ltF(length, ZERO) || ltF(actual, ZERO) || ltF(full, actual) || ltF(actual, gapEnd)) {
    throw new MusicError('INVALID_GAP', 'The gap does not lie inside the measure', { offset, length, ts, pickupLength });
  }
  const shift = subF(full, actual);
  const out: Duration[] = [];
  fill(metricTree(ts), ZERO, addF(offset, shift), addF(gapEnd, shift), out);
  return out;
}
