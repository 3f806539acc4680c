import { durationToFraction } from '../../music/duration';
import { addF, formatF, isZeroF, lteF, ltF, maxF, subF, ZERO } from '../../music/fraction';
import type { Duration, Fraction, TimeSignature, Tuplet } from '../../music/music.types';
import { restsForGap } from '../../music/rests-for-gap';
import type { VoiceEntry } from '../model/score.types';
import { GapMustBeFillableWithRests, NoteMustFitInMeasure, TupletMustBeComplete } from '../rules/rule-errors';
import { entryOffsets } from '../queries/voice';
import { isDyadic, sameTuplet, tupletRests, tupletsAreComplete } from './tuplets';

/** What a voice edit needs to know about the measure it happens in. */
export interface VoiceFrame {
  measureId: string;
  voice: number;
  entries: readonly VoiceEntry[];
  length: Fraction;
  timeSignature: TimeSignature;
  /** Set when the measure is irregular (a pickup), so rests split on the beats of a full bar. */
  pickupLength: Fraction | null;
}

export interface Placement {
  afterEntryId: string | null;
  removed: VoiceEntry[];
  inserted: VoiceEntry[];
}

const lengthOf = (d: Duration): Fraction => durationToFraction(d);

function fillGap(frame: VoiceFrame, start: Fraction, end: Fraction, context: (Tuplet | undefined)[], nextId: () => string): VoiceEntry[] {
  const length = subF(end, start);
  if (isZeroF(length)) return [];
  let durations: Duration[] | undefined;
  if (isDyadic(start) && isDyadic(length)) {
    try {
      durations = restsForGap(start, length, frame.timeSignature, frame.pickupLength ?? undefined);
    } catch {
      throw new GapMustBeFillableWithRests({ measureId: frame.measureId, offset: formatF(start), length: formatF(length) });
    }
  } else {
    // Inside a tuplet group: fill with rests of the group's ratio.
    const tuplet = context.find((t) => t !== undefined);
    durations = tuplet && tupletRests(length, tuplet);
  }
  if (durations === undefined) throw new TupletMustBeComplete({ measureId: frame.measureId, voice: frame.voice });
  return durations.map((duration) => ({ kind: 'rest', id: nextId(), duration }));
}

/**
 * Writes `written` (contiguous entries) at `offset`, the way note input overwrites: every entry it
 * overlaps is removed and what those entries covered beyond the new ones becomes rests. When the edit
 * reaches the end of the voice's content, rests run on to the end of the measure.
 */
export function place(frame: VoiceFrame, offset: Fraction, written: VoiceEntry[], nextId: () => string): Placement {
  const total = written.reduce((sum, e) => addF(sum, lengthOf(e.duration)), ZERO);
  const end = addF(offset, total);
  if (!ltF(offset, frame.length) || ltF(frame.length, end)) {
    throw new NoteMustFitInMeasure({
      measureId: frame.measureId,
      offset: formatF(offset),
      length: formatF(total),
      measureLength: formatF(frame.length),
    });
  }
  const { entries } = frame;
  const offsets = entryOffsets(entries);
  const endOf = (k: number): Fraction => addF(offsets[k], lengthOf(entries[k].duration));
  let first = 0;
  while (first < entries.length && lteF(endOf(first), offset)) first++;
  let last = first - 1;
  while (last + 1 < entries.length && ltF(offsets[last + 1], end)) last++;
  const removed = entries.slice(first, last + 1);
  // Entries are contiguous from 0, so the span starts at or before `offset`.
  const spanStart = first < entries.length ? offsets[first] : entries.length ? endOf(entries.length - 1) : ZERO;
  const reachesEnd = last === entries.length - 1;
  const spanEnd = reachesEnd ? frame.length : maxF(endOf(last), end);
  const tupletOf = (e: VoiceEntry | undefined): Tuplet | undefined => e?.duration.tuplet;
  const inserted = [
    ...fillGap(frame, spanStart, offset, [tupletOf(removed[0]), tupletOf(written[0])], nextId),
    ...written,
    ...fillGap(frame, end, spanEnd, [tupletOf(removed[removed.length - 1]), tupletOf(written[written.length - 1])], nextId),
  ];
  const result = [...entries.slice(0, first), ...inserted, ...entries.slice(last + 1)];
  if (!tupletsAreComplete(result)) throw new TupletMustBeComplete({ measureId: frame.measureId, voice: frame.voice });
  return { afterEntryId: first > 0 ? entries[first - 1].id : null, removed, inserted };
}

/**
 * The entries a write puts down: the entry alone, or, for a tuplet value written outside a group of its
 * ratio, a whole new group (the entry, then rests of the same value).
 */
export function writtenGroup(frame: VoiceFrame, offset: Fraction, entry: VoiceEntry, nextId: () => string): VoiceEntry[] {
  const tuplet = entry.duration.tuplet;
  if (tuplet === undefined) return [entry];
  const offsets = entryOffsets(frame.entries);
  const at = frame.entries.findIndex((e, k) => lteF(offsets[k], offset) && ltF(offset, addF(offsets[k], lengthOf(e.duration))));
  if (at >= 0 && sameTuplet(frame.entries[at].duration.tuplet, tuplet)) return [entry];
  const rests = Array.from({ length: tuplet.actual - 1 }, (): VoiceEntry => ({ kind: 'rest', id: nextId(), duration: entry.duration }));
  return [entry, ...rests];
}
