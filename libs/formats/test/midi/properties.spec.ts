import { exportMidi, playbackOrder } from '../../src/midi';
import { arbitraryScoreHistory, run } from '@bandpro/domain/testing';
import { scoreOf, type Score } from '@bandpro/domain';
import fc from 'fast-check';
import { expectedNotes } from './support/expected';
import { readBack } from './support/read-back';

function scoreOfHistory(commands: Parameters<typeof run>[0]): Score {
  const { state } = run(commands);
  if (state.status !== 'active') throw new Error('no score');
  return scoreOf(state);
}

describe('exportMidi on any score the domain accepts', () => {
  it('should write a file that reads back with every note inside the piece, one key at a time, on its onsets', () => {
    let notesSeen = 0;
    fc.assert(
      fc.property(arbitraryScoreHistory({ maxCommands: 60 }), ({ commands }) => {
        const score = scoreOfHistory(commands);
        const bytes = exportMidi(score);
        const file = readBack(bytes);

        expect(file.format).toBe(1);
        expect(file.trackCount).toBe(score.parts.length + 1);
        const order = playbackOrder(score.measures);
        score.parts.forEach((part, k) => {
          const track = file.tracks[k];
          notesSeen += track.notes.length;
          const end = track.endOfTrackTicks ?? 0;
          for (const n of track.notes) {
            expect(n.durationTicks).toBeGreaterThanOrEqual(1);
            expect(n.ticks + n.durationTicks).toBeLessThanOrEqual(end);
            expect(n.velocity).toBeGreaterThanOrEqual(1);
            expect(n.velocity).toBeLessThanOrEqual(127);
          }
          const byKey = new Map<number, number>();
          for (const n of track.notes) {
            expect(n.ticks).toBeGreaterThanOrEqual(byKey.get(n.midi) ?? 0);
            byKey.set(n.midi, n.ticks + n.durationTicks);
          }
          const onsets = (notes: { midi: number; ticks: number }[]) => [...new Set(notes.map((n) => `${n.midi}@${n.ticks}`))].sort();
          expect(onsets(track.notes)).toEqual(onsets(expectedNotes(score, part.id, { order })));
        });
      }),
      { numRuns: 60 },
    );
    // The generated histories are mostly structural edits; make sure notes did come through.
    expect(notesSeen).toBeGreaterThan(0);
  });
});
