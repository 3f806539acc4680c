import { type Clef, defaultClef, emptyPartMeasure, type Fraction, type Part, type PartMeasure, type VoiceNumber } from '@bandpro/domain';
import { buildVoice, type VoiceContext } from './build-voice';
import type { Frame } from './frames';
import type { NoteGroup, ReadPart, ReadPartMeasure } from './read.types';
import type { ImportReport } from './report';
import { repairTuplets } from './tuplet-repair';
import { buildVoiceMap, type VoiceSlot } from './voice-map';

/** Where a kept note group ended up in the model. */
export interface Placement extends VoiceSlot {
  measure: number;
  offset: Fraction;
}

export interface BuiltPart {
  content: PartMeasure[];
  placed: Map<NoteGroup, Placement>;
}

function voiceContext(frame: Frame, index: number, where: { bar: string; part: string }, report: ImportReport): VoiceContext {
  return {
    frame,
    pickup: index === 0,
    skip: (element, reason) => report.skip(element, reason, where),
    warn: (message) => report.warn(message, where),
  };
}

/** The groups of one measure by model staff and voice; those with no slot are reported. */
function bucketGroups(read: ReadPartMeasure, part: Part, map: Map<string, VoiceSlot | undefined>, ctx: VoiceContext): Map<string, NoteGroup[]> {
  const buckets = new Map<string, NoteGroup[]>();
  for (const g of read.groups) {
    const slot = map.get(g.voice);
    if (!slot || slot.staff > part.staves) {
      ctx.skip(g.rest ? 'rest' : 'note', slot ? `${part.name} has ${part.staves} staff(s) in the catalogue` : 'a staff holds at most four voices');
      continue;
    }
    if (g.staff !== slot.staff) ctx.warn('Notes written across staves were placed on the staff of their voice.');
    const key = `${slot.staff}:${slot.voice}`;
    buckets.set(key, [...(buckets.get(key) ?? []), g]);
  }
  return buckets;
}

function buildMeasure(read: ReadPartMeasure, index: number, frame: Frame, part: Part, map: Map<string, VoiceSlot | undefined>, report: ImportReport, placed: Map<NoteGroup, Placement>): PartMeasure {
  const pm = emptyPartMeasure(part.staves);
  const ctx = voiceContext(frame, index, { bar: read.number, part: part.name }, report);
  for (const [staff, clef] of read.clefs) if (staff <= part.staves) pm.staves[staff - 1].clef = clef;
  for (const [key, groups] of bucketGroups(read, part, map, ctx)) {
    const [staff, voice] = key.split(':').map(Number);
    const built = repairTuplets(buildVoice(groups, ctx), ctx);
    pm.staves[staff - 1].voices[voice - 1] = built.entries;
    for (const [g, offset] of built.placed) placed.set(g, { measure: index, staff, voice: voice as VoiceNumber, offset });
  }
  return pm;
}

const sameClef = (a: Clef, b: Clef) => a.sign === b.sign && a.line === b.line && a.octaveChange === b.octaveChange;

/** The first measure names every staff's clef; later ones only real changes. */
function normaliseClefs(content: PartMeasure[], part: Part): void {
  for (let s = 0; s < part.staves; s++) {
    let inForce: Clef = content[0].staves[s].clef ?? defaultClef(part, s + 1);
    content[0].staves[s].clef = inForce;
    for (const pm of content.slice(1)) {
      const clef = pm.staves[s].clef;
      if (clef && sameClef(clef, inForce)) pm.staves[s].clef = null;
      else if (clef) inForce = clef;
    }
  }
}

export function buildPartContent(read: ReadPart, part: Part, frames: readonly Frame[], report: ImportReport): BuiltPart {
  const map = buildVoiceMap(read);
  const placed = new Map<NoteGroup, Placement>();
  const content = frames.map((frame, i) => {
    const measure = read.measures[i];
    return measure ? buildMeasure(measure, i, frame, part, map, report, placed) : emptyPartMeasure(part.staves);
  });
  normaliseClefs(content, part);
  return { content, placed };
}
