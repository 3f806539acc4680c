import { durationToFraction } from '../../music/duration';
import { addF, formatF, lteF, ltF, ZERO } from '../../music/fraction';
import type { Fraction } from '../../music/music.types';
import type { ScoreEvent } from '../events/score-event';
import type { ActiveScoreState } from '../model/score.state';
import type { Measure, RestEntry, ScorePosition, StaffNumber, VoiceEntry, VoiceNumber } from '../model/score.types';
import { MeasureContentMustFitItsLength } from '../rules/rule-errors';
import { tupletsAreComplete } from './tuplets';

/*
 * Policy when a measure gets shorter (time signature or irregular length): notes and marks must already fit
 * (otherwise MEASURE_CONTENT_MUST_FIT_ITS_LENGTH: the user deletes them first); rests that would reach past
 * the new end are removed, since they only fill space. The voice may then end early: an empty tail reads as
 * rest, and the next note written there fills it.
 */

/** A spanner's end: a hairpin may stop at the very end of a measure, a slur ends on a note inside it. */
export interface SpannerEnd {
  offset: Fraction;
  inside: boolean;
}

/** Where spanners end, by measure id: one scan of the score, so each measure checks its incoming ends. */
export function spannerEnds(state: ActiveScoreState): Map<string, SpannerEnd[]> {
  const ends = new Map<string, SpannerEnd[]>();
  const add = (end: ScorePosition, inside: boolean): void => {
    const list = ends.get(end.measureId) ?? [];
    list.push({ offset: end.offset, inside });
    ends.set(end.measureId, list);
  };
  for (const m of state.measures) {
    for (const pm of Object.values(m.content)) {
      for (const staff of pm.staves) {
        for (const h of staff.hairpins) add(h.end, false);
        for (const s of staff.slurs) add(s.end, true);
      }
    }
  }
  return ends;
}

/**
 * From the first entry that ends past `length`: all rests (removed) or not (the change is refused). The cut
 * moves back over rests that would otherwise leave part of a tuplet group behind.
 */
function trailingRests(entries: readonly VoiceEntry[], length: Fraction): { from: number; rests: RestEntry[] } | 'fits' | 'overflows' {
  let end: Fraction = ZERO;
  let from = entries.length;
  for (let i = 0; i < entries.length && from === entries.length; i++) {
    end = addF(end, durationToFraction(entries[i].duration));
    if (ltF(length, end)) from = i;
  }
  if (from === entries.length) return 'fits';
  while (from > 0 && entries[from - 1].kind === 'rest' && !tupletsAreComplete(entries.slice(0, from))) from--;
  const rests = entries.slice(from);
  const clean = rests.every((e) => e.kind === 'rest') && tupletsAreComplete(entries.slice(0, from));
  return clean ? { from, rests: rests as RestEntry[] } : 'overflows';
}

function marksFit(measure: Measure, length: Fraction, incomingEnds: readonly SpannerEnd[]): boolean {
  const starts = (marks: readonly { offset: Fraction }[]): boolean => marks.every((m) => ltF(m.offset, length));
  const fits = Object.values(measure.content).every(
    (pm) =>
      starts(pm.chordSymbols) &&
      pm.staves.every((s) => starts(s.dynamics) && starts(s.texts) && starts(s.hairpins) && starts(s.slurs)),
  );
  return fits && incomingEnds.every((end) => (end.inside ? ltF(end.offset, length) : lteF(end.offset, length)));
}

/** The events that trim hanging rests from one measure, or MeasureContentMustFitItsLength. */
export function fitMeasureTo(measure: Measure, length: Fraction, ends: Map<string, SpannerEnd[]>): ScoreEvent[] {
  const fail = (): never => {
    throw new MeasureContentMustFitItsLength({ measureId: measure.id, length: formatF(length) });
  };
  if (!marksFit(measure, length, ends.get(measure.id) ?? [])) fail();
  const events: ScoreEvent[] = [];
  for (const [partId, pm] of Object.entries(measure.content)) {
    pm.staves.forEach((staff, s) => {
      staff.voices.forEach((entries, v) => {
        const trim = trailingRests(entries, length);
        if (trim === 'fits') return;
        if (trim === 'overflows') return fail();
        const locator = { partId, staff: (s + 1) as StaffNumber, measureId: measure.id, voice: (v + 1) as VoiceNumber };
        const afterEntryId = trim.from === 0 ? null : entries[trim.from - 1].id;
        events.push({ type: 'TrailingRestsRemoved', data: { ...locator, afterEntryId, rests: trim.rests } });
      });
    });
  }
  return events;
}
