/**
 * What one append writes in the append benchmarks: the shape and size of a real NoteAdded
 * (~250 bytes of JSON), identical for every store compared, so only the stores differ.
 */
export const SAMPLE_EVENT_TYPE = 'NoteAdded';

export function sampleEventData(sequence: number): Record<string, unknown> {
  return {
    scoreId: 'score-0190b8a4-bench',
    partId: `part-${sequence % 10}`,
    measureId: `measure-${Math.floor(sequence / 16) % 200}`,
    voice: 1,
    noteId: `note-${sequence}`,
    offset: { num: sequence % 4, den: 4 },
    pitch: { step: 'C', alter: 0, octave: 4 + (sequence % 2) },
    duration: { type: 'quarter', dots: 0 },
    tie: null,
  };
}

export const BENCH_ACTOR = { id: 'user-bench', kind: 'user' as const };
