import type { ChangeDuration, DeleteNote, NewNote, WriteNote } from '../commands/note.commands';
import type { ScoreEvent } from '../events/score-event';
import type { ActiveScoreState, ScoreState } from '../model/score.state';
import type { ChordEntry, Note, VoiceEntry } from '../model/score.types';
import { measureLengthAt, timeSignatureAt } from '../queries/attributes';
import { requireFreshInMeasure } from '../queries/ids';
import { requireEntry, requireScore, requireVoice, type VoiceContext } from '../queries/lookup';
import { ChordPitchesMustBeDistinct, FieldMustBeValid } from '../rules/rule-errors';
import { generatedIds, requireClientId } from '../validation/ids';
import { requireDuration, requireFraction, requirePitch } from '../validation/values';
import { place, writtenGroup, type VoiceFrame } from './placement';
import { sameValue } from './same-value';

const MAX_CHORD_NOTES = 16;

export function frameOf(s: ActiveScoreState, ctx: VoiceContext): VoiceFrame {
  return {
    measureId: ctx.measure.id,
    voice: ctx.locator.voice,
    entries: ctx.entries,
    length: measureLengthAt(s, ctx.measureIndex),
    timeSignature: timeSignatureAt(s, ctx.measureIndex),
    pickupLength: ctx.measure.length,
  };
}

export function requireDistinctPitches(notes: readonly Note[]): void {
  notes.forEach((n, i) => {
    if (notes.slice(0, i).some((m) => sameValue(m.pitch, n.pitch))) throw new ChordPitchesMustBeDistinct({ pitch: n.pitch });
  });
}

function newNotes(input: unknown): Note[] {
  if (!Array.isArray(input) || input.length > MAX_CHORD_NOTES) {
    throw new FieldMustBeValid({ field: 'notes', value: input, expected: `at most ${MAX_CHORD_NOTES} notes` });
  }
  const notes = (input as NewNote[]).map((n, i) => ({
    id: requireClientId(`notes[${i}].id`, n?.id),
    pitch: requirePitch(n?.pitch),
    tie: false,
  }));
  requireDistinctPitches(notes);
  return notes;
}

export function decideWriteNote(command: WriteNote, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const ctx = requireVoice(s, command.data);
  const entryId = requireClientId('entryId', command.data.entryId);
  const duration = requireDuration(command.data.duration);
  const offset = requireFraction('offset', command.data.offset);
  const notes = newNotes(command.data.notes);
  const entry: VoiceEntry =
    notes.length === 0
      ? { kind: 'rest', id: entryId, duration }
      : { kind: 'chord', id: entryId, duration, notes, articulations: [], lyrics: [] };
  const nextId = generatedIds(entryId);
  const frame = frameOf(s, ctx);
  const placement = place(frame, offset, writtenGroup(frame, offset, entry, nextId), nextId);
  const generated = placement.inserted.map((e) => e.id).filter((id) => id !== entryId);
  requireFreshInMeasure(ctx.measure, [entryId, ...notes.map((n) => n.id), ...generated]);
  return [{ type: 'NoteWritten', data: { ...ctx.locator, entryId, offset, ...placement } }];
}

export function decideDeleteNote(command: DeleteNote, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const { entry, locator } = requireEntry(s, command.data);
  if (entry.kind === 'rest') return [];
  return [{ type: 'NoteDeleted', data: { ...locator, deleted: entry } }];
}

export function decideChangeDuration(command: ChangeDuration, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const ctx = requireEntry(s, command.data);
  const to = requireDuration(command.data.duration);
  const seed = requireClientId('restIdSeed', command.data.restIdSeed);
  if (sameValue(to, ctx.entry.duration)) return [];
  const entry: VoiceEntry =
    ctx.entry.kind === 'chord' ? ({ ...ctx.entry, duration: to } satisfies ChordEntry) : { ...ctx.entry, duration: to };
  const nextId = generatedIds(seed);
  const frame = frameOf(s, ctx);
  const placement = place(frame, ctx.offset, writtenGroup(frame, ctx.offset, entry, nextId), nextId);
  const generated = placement.inserted.map((e) => e.id).filter((id) => id !== entry.id);
  requireFreshInMeasure(ctx.measure, generated);
  const { locator, offset } = ctx;
  return [{ type: 'DurationChanged', data: { ...locator, offset, from: ctx.entry.duration, to, ...placement } }];
}
