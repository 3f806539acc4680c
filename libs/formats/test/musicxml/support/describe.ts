import { formatPitch, type Fraction, type ScoreDocument, type VoiceEntry } from '@bandpro/domain';

/** Compact text for voices and positions, so expectations read like music: "C4:quarter r:half.". */

export function entryText(e: VoiceEntry): string {
  const d = e.duration;
  const value = `${d.type}${'.'.repeat(d.dots)}${d.tuplet ? `(${d.tuplet.actual}:${d.tuplet.normal})` : ''}`;
  if (e.kind === 'rest') return `r:${value}`;
  return `${e.notes.map((n) => `${formatPitch(n.pitch, 'ascii')}${n.tie ? '~' : ''}`).join('+')}:${value}`;
}

export function voiceText(doc: ScoreDocument, measure = 0, part = 0, staff = 0, voice = 0): string {
  return doc.measures[measure].content[doc.parts[part].id].staves[staff].voices[voice].map(entryText).join(' ');
}

export const fractionText = (f: Fraction) => `${f.num}/${f.den}`;

export function staffOf(doc: ScoreDocument, measure = 0, part = 0, staff = 0) {
  return doc.measures[measure].content[doc.parts[part].id].staves[staff];
}

export function measureIndex(doc: ScoreDocument, measureId: string): number {
  return doc.measures.findIndex((m) => m.id === measureId);
}
