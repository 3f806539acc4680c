import { v7 as uuidv7 } from 'uuid';

export const q = (num: number, den = 4) => ({ num, den });
export const quarter = { type: 'quarter', dots: 0 };

/** WriteNote data for a C4 quarter in voice 1 of the given part and measure. */
export function noteData(partId: string, measureId: string, offsetQuarters: number, entryId = uuidv7()) {
  return {
    partId,
    staff: 1,
    measureId,
    voice: 1,
    offset: q(offsetQuarters),
    entryId,
    duration: quarter,
    notes: [{ id: uuidv7(), pitch: { step: 'C', alter: 0, octave: 4 } }],
  };
}

export interface CreatedIds {
  scoreId: string;
  partIds: string[];
  measureIds: string[];
}

/** The ids a CreateScore response's ScoreCreated event carries. */
export function idsOf(created: { scoreId: string; events: { data: { parts: { id: string }[]; measures: { id: string }[] } }[] }): CreatedIds {
  const [event] = created.events;
  return { scoreId: created.scoreId, partIds: event.data.parts.map((p) => p.id), measureIds: event.data.measures.map((m) => m.id) };
}
