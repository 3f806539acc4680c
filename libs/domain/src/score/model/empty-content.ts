import type { Measure, Part, PartMeasure, StaffMeasure } from './score.types';

/** The canonical empty content: an edit and its inverse must give back exactly this shape. */
export function emptyStaffMeasure(): StaffMeasure {
  return { clef: null, voices: [[], [], [], []], dynamics: [], hairpins: [], slurs: [], texts: [] };
}

export function emptyPartMeasure(staves: number): PartMeasure {
  return { staves: Array.from({ length: staves }, emptyStaffMeasure), chordSymbols: [] };
}

export function isEmptyPartMeasure(pm: PartMeasure): boolean {
  return pm.chordSymbols.length === 0 && pm.staves.every(isEmptyStaffMeasure);
}

function isEmptyStaffMeasure(sm: StaffMeasure): boolean {
  return (
    sm.clef === null &&
    sm.voices.every((v) => v.length === 0) &&
    sm.dynamics.length === 0 &&
    sm.hairpins.length === 0 &&
    sm.slurs.length === 0 &&
    sm.texts.length === 0
  );
}

/** A new measure with no attribute changes and empty content for every part. */
export function emptyMeasure(id: string, parts: readonly Part[]): Measure {
  const content: Measure['content'] = {};
  for (const part of parts) content[part.id] = emptyPartMeasure(part.staves);
  return {
    id,
    timeSignature: null,
    keySignature: null,
    length: null,
    tempo: null,
    startBarline: 'regular',
    endBarline: 'regular',
    volta: null,
    rehearsalMark: null,
    content,
  };
}
