import { addF, frac, maxF, type Fraction, type Interval, type Clef, type KeySignature, ZERO } from '@bandpro/domain';
import { type ImportReport, partLabel, type Where } from './report';
import type { NoteGroup, ReadPartInfo, ReadPartMeasure } from './read.types';

/** Durations may be decimals: they are read to a thousandth of a division (absurd ones count as none). */
export function timesUnit(unit: Fraction, divisions: number): Fraction {
  const n = Number.isFinite(divisions) && Math.abs(divisions) <= MAX_DIVISIONS ? Math.round(divisions * 1000) : 0;
  return frac(unit.num * n, unit.den * 1000);
}

const MAX_DIVISIONS = 1e6;

/** The reading state of one part: what persists across its measures, and the cursor within one. */
export class PartContext {
  unit: Fraction = frac(1, 4);
  transpose: Interval | null = null;
  staves = 1;
  percussion = false;
  firstClef: Clef | undefined;
  /** Changes met inside a measure, applied at the start of the next (the model changes only at barlines). */
  pendingClefs = new Map<number, Clef>();
  pendingKey: KeySignature | undefined;
  /** Where clef changes inside the current measure were met. */
  movedClefs: Fraction[] = [];
  pos: Fraction = ZERO;
  lastGroup: NoteGroup | undefined;
  private order = 0;
  measure!: ReadPartMeasure;

  constructor(
    readonly info: ReadPartInfo,
    readonly report: ImportReport,
    readonly concertScore: boolean,
  ) {}

  startMeasure(number: string): ReadPartMeasure {
    this.pos = ZERO;
    this.lastGroup = undefined;
    const clefs = this.pendingClefs;
    this.pendingClefs = new Map();
    this.measure = { number, end: ZERO, unit: ZERO, time: undefined, key: this.pendingKey, clefs, groups: [], marks: [], left: undefined, right: undefined };
    this.pendingKey = undefined;
    this.movedClefs = [];
    return this.measure;
  }

  setDivisions(divisions: number): void {
    if (divisions >= 0.001 && divisions <= MAX_DIVISIONS) this.unit = frac(1000, Math.round(divisions * 4000));
    else this.skip('divisions', 'the number of divisions is out of range; the previous one was kept');
  }

  /** A span of `divisions` at the current resolution. */
  span(divisions: number): Fraction {
    // The measure's tolerance is the coarsest unit it was timed in: rounding errs by at most one division.
    this.measure.unit = maxF(this.measure.unit, this.unit);
    return timesUnit(this.unit, divisions);
  }

  moveTo(pos: Fraction): void {
    this.pos = pos.num < 0 ? ZERO : pos;
    this.measure.end = maxF(this.measure.end, this.pos);
  }

  advance(length: Fraction): void {
    this.moveTo(addF(this.pos, length));
  }

  nextOrder(): number {
    return this.order++;
  }

  where(): Where {
    return { bar: this.measure.number, part: partLabel(this.info) };
  }

  skip(element: string, reason: string): void {
    this.report.skip(element, reason, this.where());
  }

  warn(message: string): void {
    this.report.warn(message, this.where());
  }
}
