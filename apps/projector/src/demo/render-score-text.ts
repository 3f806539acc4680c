import { formatPitch, type DurationType, type VoiceEntry } from '@bandpro/domain';
import type { ScoreCatalogueEntry, ScoreDocumentView } from '@bandpro/read-models';

const SHORT: Record<DurationType, string> = { whole: 'w', half: 'h', quarter: 'q', eighth: 'e', '16th': 's', '32nd': 't', '64th': 'x' };

/** A few lines a terminal can show: each part's first voice, measure by measure. */
export function renderScoreText(doc: ScoreDocumentView): string {
  const width = Math.max(...doc.parts.map((part) => part.name.length));
  const header = `${doc.title}${doc.composer ? ` by ${doc.composer}` : ''}: ${doc.parts.length} part(s), ${doc.measures.length} bar(s)`;
  const staves = doc.parts.map((part) => {
    const bars = doc.measures.map((measure) => {
      const voice = measure.content[part.id]?.staves[0]?.voices[0] ?? [];
      return voice.length === 0 ? 'rest' : voice.map(renderEntry).join(' ');
    });
    return `${part.name.padEnd(width)} | ${bars.join(' | ')} |`;
  });
  return [header, ...staves].join('\n');
}

function renderEntry(entry: VoiceEntry): string {
  const length = SHORT[entry.duration.type] + '.'.repeat(entry.duration.dots);
  if (entry.kind === 'rest') return `r/${length}`;
  return `${entry.notes.map((note) => formatPitch(note.pitch)).join('+')}/${length}`;
}

export function renderCatalogueEntry(entry: ScoreCatalogueEntry): string {
  const parts = entry.parts.map((part) => `${part.name} (${part.instrumentId})`).join(', ');
  return `${entry.title} — ${entry.composer || 'no composer'} — owner ${entry.ownerId} — ${entry.barCount} bar(s) — parts: ${parts} — updated ${entry.updatedAt}`;
}
