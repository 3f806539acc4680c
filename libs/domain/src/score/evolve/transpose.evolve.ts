import { EventDoesNotApply } from '../../errors/event-does-not-apply';
import type { SelectionTransposed } from '../events/transpose.events';
import type { ScoreState } from '../model/score.state';
import type { Measure, VoiceEntry } from '../model/score.types';
import { measureAt, requireActive, withPartMeasure, withVoice } from './paths';

type Data = SelectionTransposed['data'];

function transposeEntries(entries: VoiceEntry[], changes: Data['voices'][number]['changes'], eventType: string): VoiceEntry[] {
  const byNote = new Map(changes.map((c) => [`${c.entryId}/${c.noteId}`, c]));
  let applied = 0;
  const result = entries.map((entry): VoiceEntry => {
    if (entry.kind !== 'chord') return entry;
    let touched = false;
    const notes = entry.notes.map((n) => {
      const change = byNote.get(`${entry.id}/${n.id}`);
      if (change === undefined) return n;
      touched = true;
      applied++;
      return { ...n, pitch: change.to };
    });
    return touched ? { ...entry, notes } : entry;
  });
  if (applied !== changes.length) throw new EventDoesNotApply(eventType, 'a transposed note is missing');
  return result;
}

/** One event may touch every voice of the score: the measure list is copied once, each measure once per change. */
export function evolveSelectionTransposed(state: ScoreState, event: SelectionTransposed): ScoreState {
  const s = requireActive(state, event.type);
  const measures = s.measures.slice();
  const update = (measureId: string, fn: (m: Measure) => Measure): void => {
    const index = measureAt(s, measureId, event.type);
    measures[index] = fn(measures[index]);
  };
  for (const group of event.data.voices) {
    update(group.measureId, (m) =>
      withVoice(m, group, event.type, (entries) => transposeEntries(entries, group.changes, event.type)),
    );
  }
  for (const c of event.data.chordSymbols) {
    update(c.measureId, (m) =>
      withPartMeasure(m, c.partId, event.type, (pm) => ({
        ...pm,
        chordSymbols: pm.chordSymbols.map((cs) => (cs.id === c.chordSymbolId ? { ...cs, symbol: c.to } : cs)),
      })),
    );
  }
  for (const k of event.data.keySignatures) update(k.measureId, (m) => ({ ...m, keySignature: k.to }));
  return { ...s, measures };
}
