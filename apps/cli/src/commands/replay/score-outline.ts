import { formatPitch, type ActiveScoreState, type Measure, type Part, type ScoreState, type VoiceEntry } from '@bandpro/domain';

/**
 * A score as a few lines a terminal can show: title, parts, then one line per bar with the notes
 * each part plays in it (every staff and voice, in order), so two versions can be compared by eye.
 */
export function scoreOutline(state: ScoreState, version: number): string {
  if (state.status !== 'active') return `No score at version ${version}: it was discarded (or not created yet).`;
  const header = `${state.title || '(untitled)'}${state.composer ? ` by ${state.composer}` : ''} at version ${version}`;
  const parts = `Parts (${state.parts.length}): ${state.parts.map((p) => `${p.name} [${p.instrumentId}]`).join(', ') || 'none'}`;
  const bars = `Bars: ${state.measures.length}`;
  return [header, parts, bars, ...state.measures.map((measure, index) => barLine(state, measure, index))].join('\n');
}

function barLine(state: ActiveScoreState, measure: Measure, index: number): string {
  const perPart = state.parts.map((part) => `${part.name}: ${notesOf(measure, part)}`);
  return `  bar ${String(index + 1).padStart(3)}  ${perPart.join(' | ')}`;
}

function notesOf(measure: Measure, part: Part): string {
  const entries = (measure.content[part.id]?.staves ?? []).flatMap((staff) => staff.voices.flat());
  const chords = entries.filter((entry): entry is Extract<VoiceEntry, { kind: 'chord' }> => entry.kind === 'chord');
  if (chords.length === 0) return '—';
  const count = chords.reduce((sum, chord) => sum + chord.notes.length, 0);
  return `${count} note${count === 1 ? '' : 's'} (${chords.map((c) => c.notes.map((n) => formatPitch(n.pitch)).join('+')).join(' ')})`;
}
