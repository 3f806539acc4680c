import { negateInterval, transposePitch } from '../music/interval';
import type { Pitch } from '../music/music.types';
import { pitchToMidi } from '../music/pitch';
import { BAND_INSTRUMENTS } from './band-instruments';
import type { InstrumentDefinition } from './instrument.types';
import { SOUND_IDS, type SoundId } from './sounds.generated';

const BY_ID: ReadonlyMap<string, InstrumentDefinition> = new Map(BAND_INSTRUMENTS.map((i) => [i.id, i]));
const KNOWN_SOUNDS: ReadonlySet<string> = new Set(SOUND_IDS);

export function getInstrument(id: string): InstrumentDefinition | undefined {
  return BY_ID.get(id);
}

export function listInstruments(): readonly InstrumentDefinition[] {
  return BAND_INSTRUMENTS;
}

export function isKnownSoundId(id: string): id is SoundId {
  return KNOWN_SOUNDS.has(id);
}

/** What a written note sounds like on this instrument (B♭ trumpet: written D5 sounds C5). */
export function soundingPitch(written: Pitch, inst: InstrumentDefinition): Pitch {
  return transposePitch(written, inst.transposition);
}

/** What the player reads for a sounding pitch (alto sax: sounding C4 is written A4). */
export function writtenPitch(sounding: Pitch, inst: InstrumentDefinition): Pitch {
  return transposePitch(sounding, negateInterval(inst.transposition));
}

export function isInPlayableRange(sounding: Pitch, inst: InstrumentDefinition): boolean {
  const midi = pitchToMidi(sounding);
  return midi >= pitchToMidi(inst.range.lowest) && midi <= pitchToMidi(inst.range.highest);
}
